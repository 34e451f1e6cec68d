"""Block rules: where each block of the body starts, and what it is.

The rules are one ordered, named list (:data:`RULES`, a :class:`Ruler`). Each rule
(:class:`BlockRule`) has two parts, as in mistletoe's ``start()``/``read()``:

* ``start`` (optional, a :class:`~govreport.segment.Start`): the cheap test of "does a
  block of mine start at this line?", with the characters such a line opens with. The
  segmenter asks it before it joins a line onto the one above (:func:`segment.join_blocks
  <govreport.segment.join_blocks>`), so a heading, a 专栏 title or a note is never glued
  to the paragraph before it.
* ``read``: given a block, the event it makes, or ``None`` to let the next rule try; the
  first rule that reads a block decides.

Each rule gives a flat event: a heading or a 专栏 title opens something, the rest are leaf
nodes. An event whose span reaches past its block consumes the blocks it covers (a box
number on one line and its title on the next); a rule may also return a tuple of events
for a run of blocks it reads together (numbered notes, the back matter). Nesting happens
later, in :mod:`govreport.structure`.

To add a rule, copy the defaults and insert it by name::

    rules = RULES.copy().insert(BlockRule("editor_note", read, Start.prefix("【编者按】")),
                                before="paragraph")
    govreport.parse(text, rules=rules)
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence

import attrs
import regex

from govreport.errors import Diagnostic, diagnostic
from govreport.front.header import is_rule_line, is_scrape_field
from govreport.markers import HEADING_FIRST, ITEM_FIRST, Marker, match_column, match_figure, match_heading, match_item
from govreport.model import Figure, Furniture, FurnitureKind, Item, ItemKind, Metric, Note, Paragraph, Table
from govreport.segment import (
    Block, Line, Opening, Start, Starts, ends_sentence, head_offset, is_category_line, is_markup_line, is_page_number,
    is_row,
)
from govreport.span import Span
from govreport.tables import read_region, read_table
from govreport.tables.captions import CAPTION_BLANKS, caption_at
from govreport.text import clean, clean_title, first_sentence_end, is_topic_sentence

__all__ = ["Heading", "ColumnStart", "BareTitle", "Event", "classify", "RULES", "Context", "Rule", "BlockRule", "Ruler",
           "Rules", "Start", "Opening"]


@attrs.frozen(slots=True)
class Heading:
    """A block that opens with an outline marker.

    ``rest`` is the paragraph after an inline title (``（一）标题。正文…``), or ``None``
    when the heading stands alone on its line.
    """

    span: Span
    marker: Marker
    title: str
    title_span: Span
    rest: Paragraph | None


@attrs.frozen(slots=True)
class BareTitle:
    """A part title with no number (``2024年工作回顾``, ``结束语``)."""

    span: Span
    title: str


@attrs.frozen(slots=True)
class ColumnStart:
    """The title line of a 专栏 box."""

    span: Span
    number: int | None
    title: str


Leaf = Paragraph | Item | Table | Figure | Note | Furniture
Event = Heading | BareTitle | ColumnStart | Leaf

MetricsFn = Callable[[int, int], tuple[Metric, ...]]
"""(start, end) → the metrics found in ``text[start:end]``."""


@attrs.define
class Context:
    """What the rules read: the raw and normalized text and a metric extractor; rules add
    what they notice to ``diagnostics``."""

    text: str
    norm: str
    metrics: MetricsFn
    diagnostics: list[Diagnostic] = attrs.field(factory=list)
    titles: frozenset[str] = frozenset()
    """The titles a table of contents lists (:func:`govreport.front.contents.contents_titles`)."""


Rule = Callable[[Context, Block, Sequence[Block], int], "Event | tuple[Event, ...] | None"]
"""A rule's ``read``: ``(ctx, block, blocks, index)`` → the event ``blocks[index]`` makes, a
tuple of events for a run of blocks read together, or ``None`` to let the next rule try."""

# what the starts below return (module constants: an operator on Opening runs enum code)
_BLOCK = Opening.BLOCK
_WHOLE_LINE = Opening.BLOCK | Opening.WHOLE
_TITLE_NEXT = Opening.BLOCK | Opening.WHOLE | Opening.TAKES_NEXT


def column_rule(ctx: Context, block: Block, blocks: Sequence[Block], index: int) -> Event | None:
    """``专栏 3 打造世界一流智慧港口`` (with ``#``s or ``**``, ``专 栏`` spaced, or no number)
    opens a box; ``专栏3`` alone on its line takes its title from the next line."""
    if len(block.lines) != 1:
        return None
    found = match_column(ctx.norm, block.head, block.end)
    if found is None:
        return None
    number, title_start = found
    title = clean_title(ctx.text[title_start : block.end])
    end = block.end
    if not title.strip(" *") and index + 1 < len(blocks) and _title_line(ctx, blocks[index + 1]):
        following = blocks[index + 1]
        title, end = clean_title(ctx.text[following.head : following.end]), following.end
    return ColumnStart(Span(block.start, end), number, title)


def column_start(norm: str, line: Line) -> Opening | None:
    """A 专栏 title line is a block of its own."""
    return _WHOLE_LINE if match_column(norm, line.head, line.end) is not None else None


_TITLE_LINE_MAX = 60


def _title_line(ctx: Context, block: Block) -> bool:
    """A single short line without sentence punctuation or a marker: a title."""
    if len(block.lines) != 1 or block.end - block.head > _TITLE_LINE_MAX:
        return False
    words = ctx.norm[block.head : block.end]
    if match_heading(ctx.norm, block.head) is not None or match_column(ctx.norm, block.head, block.end):
        return False
    return not any(mark in words for mark in "。，；,;：:") and not is_row(ctx.norm, block.lines[0])


# An image standing on its own line: markdown ``![alt](src)`` or an HTML ``<img …>``.
_IMAGE = regex.compile(r"!\[(?P<alt>[^\]\n]{0,80})\]\([^()\n]{0,400}\)|<img\b[^<>\n]{0,400}>", regex.I)
_IMAGE_ALT = regex.compile(r"\balt=[\"'](?P<alt>[^\"'<>\n]{0,80})[\"']", regex.I)


def figure_rule(ctx: Context, block: Block, blocks: Sequence[Block], index: int) -> Event | None:
    """``图2 天津市域生态体系图``: a short caption line; or an image alone on its line
    (``![图1](fig1.png)``, ``<img src=… alt=…>``), whose alternative text is its caption."""
    if len(block.lines) != 1:
        return None
    head = block.head
    m = match_figure(ctx.norm, head, block.end)
    if m is not None:
        if block.end - head > 50 or "。" in ctx.norm[head : block.end]:
            return None
        return Figure(Span(block.start, block.end), clean(ctx.text[head : block.end]), int(m.group("n")))
    start = block.start
    if ctx.text[start] not in "!<":
        return None
    image = _IMAGE.fullmatch(ctx.text, start, block.end)  # raw text: normalizing turns ( into （
    if image is None:
        return None
    alt = image.group("alt")
    if alt is None:
        found = _IMAGE_ALT.search(ctx.text, start, block.end)
        alt = found.group("alt") if found is not None else ""
    return Figure(Span(start, block.end), alt.strip())


def figure_start(norm: str, line: Line) -> Opening | None:
    """A caption line (``图2 …``) is a block of its own."""
    return _WHOLE_LINE if match_figure(norm, line.head, line.end) is not None else None


def table_start(norm: str, line: Line) -> Opening | None:
    """A table row (a tab in the line, or a ``|`` opening it) is never joined onto prose."""
    return _WHOLE_LINE if is_row(norm, line) else None


def table_rule(ctx: Context, block: Block, blocks: Sequence[Block], index: int) -> Event | None:
    """A table: a block the segmenter grouped as a table of some layout, or tab-separated
    or markdown pipe rows (see :mod:`govreport.tables`)."""
    if block.layout is not None:
        return read_region(block.layout, ctx.text, ctx.norm, block.lines, ctx.diagnostics)
    lines = block.lines
    inner = range(1, len(lines) - 1)  # a category line without tabs lies between rows
    for k, ln in enumerate(lines):
        if not (is_row(ctx.norm, ln) or (k in inner and is_category_line(ctx.norm, ln))):
            return None
    if len(lines) == 1:
        sep = "|" if ctx.norm.startswith("|", lines[0].start) else "\t"
        cells = [c for c in ctx.norm[lines[0].start : lines[0].end].strip("|").split(sep) if c.strip()]
        if len(cells) < 2:
            return None
    return read_table(ctx.text, [(ln.start, ln.end) for ln in lines])


def inline_html_rule(ctx: Context, block: Block, blocks: Sequence[Block], index: int) -> Event | None:
    """Lines of HTML tags only (``<div class="…">``, ``<img src="…">``) that no table
    reader took: a paragraph of their own, its text the markup as written, reported as
    ``inline-html``; the text after them is read as text."""
    if not all(is_markup_line(ctx.norm, ln) for ln in block.lines):
        return None
    span = Span(block.start, block.end)
    ctx.diagnostics.append(diagnostic("inline-html", "HTML markup that no reader uses, kept as a paragraph", span))
    return Paragraph(span, ctx.text[block.start : block.end].strip())


_RUN_LINE = Opening.BLOCK | Opening.WHOLE | Opening.RUN


def inline_html_start(norm: str, line: Line) -> Opening | None:
    """A line of HTML tags only is a block of its own, and consecutive such lines one block."""
    return _RUN_LINE if is_markup_line(norm, line) else None


_NOTE = re.compile(r"注[：:]")  # what a note opens with
_NOTE_FIRST = "注"  # its first character: looked at before the pattern is run on every block


def note_start(norm: str, line: Line) -> Opening | None:
    """A note (``注：…``) starts a block."""
    return _BLOCK if _NOTE.match(norm, line.head) is not None else None


_NUMBERED_NOTE = re.compile(r"注[：:][ \u3000]*[1１][.．、]")


def note_rule(ctx: Context, block: Block, blocks: Sequence[Block], index: int) -> Event | tuple[Event, ...] | None:
    """``注：…``; after ``注：1. …``, the blocks numbered ``2.``, ``3.`` … right after it are
    notes too (one each), not sections."""
    head = block.head
    if not ctx.norm.startswith(_NOTE_FIRST, head) or _NOTE.match(ctx.norm, head) is None:
        return None
    note = Note(Span(block.start, block.end), clean(ctx.text[head : block.end]))
    if not _NUMBERED_NOTE.match(note.text):
        return note
    notes: list[Event] = [note]
    for k in range(index + 1, len(blocks)):
        following = blocks[k]
        marker = match_heading(ctx.norm, following.head)
        if marker is None or marker.key != "1." or marker.ordinal != len(notes) + 1:
            break
        notes.append(Note(Span(following.start, following.end), clean(ctx.text[following.head : following.end])))
    return tuple(notes) if len(notes) > 1 else note


_WRAPPED_TITLE_MAX = 60


def _listed_title_end(ctx: Context, start: int, end: int) -> int | None:
    """Where a title run into its paragraph without a break ends, when the table of
    contents lists the title: the end of the longest listed title the sentence opens with
    (spaces aside), or ``None`` when the sentence is itself listed or opens with none."""
    flat = "".join(ctx.norm[start:end].split())
    if flat in ctx.titles:
        return None
    best = max((t for t in ctx.titles if len(t) < len(flat) and flat.startswith(t)), key=len, default=None)
    if best is None:
        return None
    pos, count = start, 0
    while pos < end and count < len(best):
        if not ctx.norm[pos].isspace():
            count += 1
        pos += 1
    return pos


def heading_start(norm: str, line: Line) -> Opening | None:
    """An outline marker starts a block: a title line when it has no 。, and one that takes
    the next line as its title when it stands alone (``第一章``). A markdown heading
    (``## …``) is a title line too."""
    head = line.head
    markdown = head > line.start and norm[line.start] == "#"
    marker = match_heading(norm, head)
    if marker is None:
        return _WHOLE_LINE if markdown else None
    if head + marker.end >= line.end:
        return _TITLE_NEXT
    return _WHOLE_LINE if markdown or norm.find("。", head, line.end) == -1 else _BLOCK


def heading_rule(ctx: Context, block: Block, blocks: Sequence[Block], index: int) -> Event | None:
    """A block opening with an outline marker; its title is the line or its first sentence."""
    head = block.head
    marker = match_heading(ctx.norm, head)
    if marker is None:
        return None
    marker = Marker(marker.style, marker.key, marker.ordinal, ctx.text[head : head + marker.end].strip(), marker.end)
    first = block.lines[0]
    title_start = min(head + marker.end, first.end)
    if title_start >= first.end and len(block.lines) > 1:
        # 第一章 alone on its line, its title on the next
        title_start = block.lines[1].start
        first = block.lines[1]
    stop = first_sentence_end(ctx.norm, title_start, block.end)
    title_end = first.end if stop == -1 else stop
    if stop == -1 and first is block.lines[0] and block.end - title_start <= _WRAPPED_TITLE_MAX:
        title_end = block.end  # a title broken over lines (at a page width): all of it
    title_raw_end = title_end
    quoted = "“" in ctx.norm[title_start:title_end]  # what the loop strips is never “: look once
    while title_raw_end > title_start and ctx.norm[title_raw_end - 1] in "。！？!?*”":
        if ctx.norm[title_raw_end - 1] == "”" and quoted:
            break
        title_raw_end -= 1
    if ctx.titles and stop != -1:
        listed = _listed_title_end(ctx, title_start, title_raw_end)
        if listed is not None:
            title_end = title_raw_end = listed  # 第一节改造提升传统服务业运用…: the contents say where
    body_start = title_end
    while body_start < block.end and ctx.norm[body_start] in " *\n":
        body_start += 1
    rest = _paragraph(ctx, body_start, block.end) if body_start < block.end else None
    title = clean_title(ctx.text[title_start:title_raw_end])
    return Heading(Span(block.start, block.end), marker, title, Span(title_start, max(title_start, title_raw_end)), rest)


def item_start(norm: str, line: Line) -> Opening | None:
    """An enumeration (``一是…``, ``——…``, ``①…``) starts a block."""
    return _BLOCK if match_item(norm, line.head) is not None else None


def item_rule(ctx: Context, block: Block, blocks: Sequence[Block], index: int) -> Event | None:
    """一是… / ——… / “一核”：… / ● …: enumerations that are not outline levels."""
    head = block.head
    found = match_item(ctx.norm, head)
    if found is None:
        return None
    kind, _marker, ordinal, end = found
    marker = ctx.text[head : head + end].strip()
    label = None
    if kind == "labelled":
        label = marker.strip().rstrip("：:").strip("“”")
    span = Span(block.start, block.end)
    return Item(
        span,
        ItemKind(kind),
        clean(ctx.text[head : block.end]),
        marker=marker,
        ordinal=ordinal,
        label=label,
        metrics=ctx.metrics(min(head + end, block.end) if kind != "labelled" else head, block.end),
    )


_BARE_MAX = 30
_BARE_FORBIDDEN = regex.compile(r"[，。；：！？,;:!?、“”《》]|^\d+$")
_HAN = regex.compile(r"\p{Han}")


def bare_title_rule(ctx: Context, block: Block, blocks: Sequence[Block], index: int) -> Event | None:
    """A short line with no number and no punctuation, followed by prose: a part title."""
    if len(block.lines) != 1 or index + 1 >= len(blocks):
        return None
    head = block.head
    words = ctx.norm[head : block.end].strip()
    if not (2 <= len(words) <= _BARE_MAX) or _BARE_FORBIDDEN.search(words):
        return None
    if not _HAN.search(words):
        return None
    following = blocks[index + 1]
    fhead = following.head
    if match_heading(ctx.norm, fhead) is None and not ends_sentence(ctx.norm, following.start, following.end):
        return None
    if index > 0:
        before = blocks[index - 1]
        if not ends_sentence(ctx.norm, before.start, before.end) and match_heading(ctx.norm, before.head) is None:
            return None
    return BareTitle(Span(block.start, block.end), clean_title(ctx.text[head : block.end]))


_CLUTTER = re.compile(
    r"(?:下载|打印|全屏|收藏|【?字号[：:]?|加大|还原|减小|大|中|小|】|关闭窗口|关闭|返回顶部|返回|分享[：:]?|"
    r"扫一扫.{0,12}|相关(?:报道|链接|新闻|阅读)[：:]?|上一篇.*|下一篇.*|首页|>|»|打印本页|"
    r"Public domain|true|false|[【\[].{0,8}[】\]])"
)
_SOURCE = re.compile(r"(?:来源|时间|发布时间|日期|作者|编辑|责任编辑|浏览次数|点击数)[：:]")
_LICENCE = re.compile(r"公有领域|版权所有|Copyright|©|ICP备|维基文库|Wikisource|知识共享|本作品")
_BACK_MATTER = re.compile(r"(?:附件[0-9一二三四五六七八九十]*|附录|名词解释|注释|附[：:]?)[：:]?")


def _all_clutter(norm: str, lines: Sequence[Line]) -> bool:
    """Whether every line is a clutter word (下载, 打印, 【字号：大 中 小】 …)."""
    return all(_CLUTTER.fullmatch(norm, ln.start, ln.end) for ln in lines)


_FIELDS_MAX = 200  # the most characters a block of scrape fields holds
_DASHED_PAGE = re.compile(r"[-—–][ ]*[0-9]{1,4}[ ]*[-—–]")  # a page number between dashes
_SOURCE_MAX = 40  # a 来源：/时间： line
_LICENCE_MAX = 300  # a licence footer


_FIELD_KEY_MAX = 24  # a field's key and its markup end within this many characters


def _layout_line(norm: str, line: Line) -> bool:
    """A markdown rule or a scraper's field line (see :mod:`govreport.front.header`)."""
    text = norm[line.start : line.end]
    if text[0] in "-*_=" and is_rule_line(text):
        return True
    head = text[:_FIELD_KEY_MAX]
    return (":" in head or "：" in head) and is_scrape_field(text)


def furniture_rule(ctx: Context, block: Block, blocks: Sequence[Block], index: int) -> Event | None:
    """Page furniture: 下载/打印/字号 lines, 来源：/时间： lines, licence footers, page numbers,
    markdown rules and a scraper's field lines (``---`` / ``**更新时间**: …``).

    Asked of every block: each test looks at offsets before it slices any text."""
    norm, lines, head = ctx.norm, block.lines, block.head
    size = block.end - head
    kind: FurnitureKind | None = None
    if (lines[0].head == lines[0].end and all(is_page_number(norm, ln) for ln in lines)) or (
            len(lines) == 1 and norm[block.start] in "-—–" and _DASHED_PAGE.fullmatch(norm, block.start, block.end)):
        kind = FurnitureKind.PAGE  # 12 alone in a run of page numbers, or — 3 — / - 3 -
    elif size <= _FIELDS_MAX and all(_layout_line(norm, ln) for ln in lines):
        kind = FurnitureKind.HEADER  # a scrape footer: a rule, 更新时间： and other fields
    elif _all_clutter(norm, lines):
        kind = FurnitureKind.CLUTTER
    elif len(lines) == 1 and size <= _SOURCE_MAX and _SOURCE.match(norm, head, block.end):
        kind = FurnitureKind.SOURCE
    elif size < _LICENCE_MAX and _LICENCE.search(norm, head, block.end):
        kind = FurnitureKind.LICENCE
    if kind is None:
        return None
    return Furniture(Span(block.start, block.end), kind, clean(ctx.text[block.start : block.end]))


def back_matter_rule(ctx: Context, block: Block, blocks: Sequence[Block], index: int) -> tuple[Event, ...] | None:
    """``附件1`` / ``名词解释`` / ``附录`` alone on a line, with blocks after it: it and
    everything after it are back matter (furniture of kind ``back_matter``, kept outside
    the outline), except tables, which are read as tables (an indicator table is often
    ``附件1``)."""
    if index + 1 >= len(blocks) or len(block.lines) != 1 or \
            _BACK_MATTER.fullmatch(ctx.norm[block.head : block.end].strip()) is None:
        return None
    events: list[Event] = []
    for k in range(index, len(blocks)):
        rest = blocks[k]
        table = table_rule(ctx, rest, blocks, k)
        events.append(_with_caption(ctx, events, blocks, k, table) if isinstance(table, Table) else Furniture(
            Span(rest.start, rest.end), FurnitureKind.BACK_MATTER, clean(ctx.text[rest.start : rest.end])))
    return tuple(events)


def paragraph_rule(ctx: Context, block: Block, blocks: Sequence[Block], index: int) -> Event | None:
    """Anything else is a paragraph."""
    return _paragraph(ctx, block.start, block.end)


def _paragraph(ctx: Context, start: int, end: int) -> Paragraph:
    """The paragraph of ``norm[start:end]``: its display text, topic sentence and metrics."""
    head = head_offset(ctx.norm, start, end)
    lead = None
    stop = is_topic_sentence(ctx.norm, head, end)
    if stop != -1:
        lead = clean_title(ctx.text[head:stop])
    return Paragraph(Span(start, end), clean(ctx.text[start:end]), lead, ctx.metrics(start, end))


@attrs.frozen(slots=True)
class BlockRule:
    """A named block rule: where its block starts and how it reads one.

    ``read`` (:data:`Rule`) makes the event of a block or declines with ``None``;
    ``start`` (:class:`~govreport.segment.Start`), when given, tells the segmenter at
    which lines a block of this rule starts, so that such a line is not joined onto the
    paragraph above it before ``read`` sees it. A rule without one reads the blocks the
    other rules' starts make.
    """

    name: str
    read: Rule
    start: Start | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise ValueError(f"a block rule needs a name, not {self.name!r}")
        if not callable(self.read):
            raise TypeError(f"block rule {self.name!r}: read must be callable, not {type(self.read).__name__}")
        if self.start is not None and not isinstance(self.start, Start):
            raise TypeError(f"block rule {self.name!r}: start must be a Start, not {type(self.start).__name__}")


class Ruler:
    """The block rules in the order they are tried, by name (markdown-it-py's ``Ruler``).

    Iterating gives the enabled rules in order. Names are unique; a method given a name
    no rule has raises :class:`KeyError` naming the rules there are. The changing methods
    return the ruler, so they chain; the default :data:`RULES` is read-only (they raise
    :class:`TypeError` on it): change a :meth:`copy`::

        rules = RULES.copy().insert(my_rule, before="paragraph").disable("bare_title")

    :attr:`starts` combines the ``start`` of the enabled rules, for the segmenter.
    """

    __slots__ = ("_rules", "_disabled", "_read_only", "_starts")

    def __init__(self, rules: Iterable[BlockRule] = (), *, disabled: Iterable[str] = (),
                 read_only: bool = False) -> None:
        self._rules: list[BlockRule] = []
        self._disabled: set[str] = set()
        self._read_only = False
        for rule in rules:
            self._add(len(self._rules), rule)
        for name in disabled:
            self._disabled.add(self[name].name)
        self._starts = self._combine()
        self._read_only = read_only

    @classmethod
    def of(cls, rules: Rules) -> Ruler:
        """``rules`` as a ruler: a ruler as it is, else a list of :class:`BlockRule` and
        ``(name, read)`` pairs (rules without a start) in order."""
        if isinstance(rules, Ruler):
            return rules
        if isinstance(rules, (str, bytes)) or not isinstance(rules, Iterable):
            raise TypeError(f"rules must be a Ruler or a list of block rules, not {type(rules).__name__}")
        found: list[BlockRule] = []
        for rule in rules:
            if isinstance(rule, BlockRule):
                found.append(rule)
            elif isinstance(rule, tuple) and len(rule) == 2:
                found.append(BlockRule(*rule))
            else:
                raise TypeError(f"a block rule is a BlockRule or a (name, read) pair, not {rule!r}")
        return cls(found)

    # -- reading --------------------------------------------------------------------
    def __iter__(self) -> Iterator[BlockRule]:
        return (rule for rule in self._rules if rule.name not in self._disabled)

    def __len__(self) -> int:
        return len(self._rules) - len(self._disabled)

    def __contains__(self, name: object) -> bool:
        return any(rule.name == name for rule in self._rules)

    def __getitem__(self, name: str) -> BlockRule:
        return self._rules[self._index(name)]

    def __repr__(self) -> str:
        names = ", ".join(r.name if r.name not in self._disabled else f"({r.name})" for r in self._rules)
        return f"Ruler([{names}])"

    def __reduce__(self) -> str | tuple[type[Ruler], tuple[list[BlockRule]], dict[str, object]]:
        # rebuilt from its rules (their combined starts are made again), so a ruler goes to
        # the worker processes of a batch; the default RULES goes by name, as a function
        # does, since a batch sends it with every file
        if self is RULES:
            return "RULES"
        return (Ruler, (self._rules,), {"disabled": sorted(self._disabled), "read_only": self._read_only})

    def __setstate__(self, state: dict[str, object]) -> None:
        self._disabled = set(state["disabled"])  # type: ignore[call-overload]
        self._starts = self._combine()
        self._read_only = bool(state["read_only"])

    @property
    def names(self) -> tuple[str, ...]:
        """The names of all the rules, enabled or not, in order."""
        return tuple(rule.name for rule in self._rules)

    @property
    def disabled(self) -> frozenset[str]:
        """The names of the disabled rules."""
        return frozenset(self._disabled)

    @property
    def starts(self) -> Starts:
        """The starts of the enabled rules, combined once (see :class:`~govreport.segment.Starts`)."""
        return self._starts

    def copy(self) -> Ruler:
        """A changeable copy (of the default rules, say)."""
        return Ruler(self._rules, disabled=self._disabled)

    # -- changing -------------------------------------------------------------------
    def insert(self, rule: BlockRule, *, before: str | None = None, after: str | None = None) -> Ruler:
        """Insert ``rule`` right before the rule named ``before`` or right after the one named
        ``after`` (give exactly one)."""
        self._check_writable()
        if (before is None) == (after is None):
            raise ValueError("insert() takes exactly one of before= and after=")
        at = self._index(before) if before is not None else self._index(after) + 1  # type: ignore[arg-type]
        self._add(at, rule)
        return self._changed()

    def replace(self, name: str, rule: BlockRule) -> Ruler:
        """Put ``rule`` in the place of the rule named ``name`` (it may keep the name)."""
        self._check_writable()
        at = self._index(name)
        old = self._rules.pop(at)
        try:
            self._add(at, rule)
        except ValueError:
            self._rules.insert(at, old)
            raise
        self._disabled.discard(name)
        return self._changed()

    def enable(self, *names: str) -> Ruler:
        """Let the named rules run again."""
        self._check_writable()
        for name in names:
            self._disabled.discard(self[name].name)
        return self._changed()

    def disable(self, *names: str) -> Ruler:
        """Keep the named rules from running (neither their start nor their read is asked)."""
        self._check_writable()
        for name in names:
            self._disabled.add(self[name].name)
        return self._changed()

    def _index(self, name: str) -> int:
        for at, rule in enumerate(self._rules):
            if rule.name == name:
                return at
        raise KeyError(f"no block rule named {name!r}; the rules are: {', '.join(self.names)}")

    def _add(self, at: int, rule: BlockRule) -> None:
        if not isinstance(rule, BlockRule):
            raise TypeError(f"a ruler holds BlockRule objects, not {type(rule).__name__}")
        if rule.name in self:
            raise ValueError(f"a block rule named {rule.name!r} is there already; rule names are unique")
        self._rules.insert(at, rule)

    def _check_writable(self) -> None:
        if self._read_only:
            raise TypeError("the default block rules are read-only: change a copy (RULES.copy().insert(...))")

    def _changed(self) -> Ruler:
        self._starts = self._combine()
        return self

    def _combine(self) -> Starts:
        return Starts(rule.start for rule in self if rule.start is not None)


Rules = Ruler | Sequence[BlockRule | tuple[str, Rule]]
"""What ``parse(text, rules=...)`` takes: a :class:`Ruler`, or block rules in order."""

RULES: Ruler = Ruler((
    BlockRule("back_matter", back_matter_rule),
    BlockRule("furniture", furniture_rule),
    BlockRule("column", column_rule, Start("专", column_start)),
    BlockRule("figure", figure_rule, Start("图", figure_start)),
    BlockRule("table", table_rule, Start("|", table_start, anywhere="\t")),
    BlockRule("inline_html", inline_html_rule, Start("<", inline_html_start)),
    BlockRule("note", note_rule, Start("注", note_start)),
    BlockRule("heading", heading_rule, Start(HEADING_FIRST + "#", heading_start)),
    BlockRule("item", item_rule, Start(ITEM_FIRST, item_start)),
    BlockRule("bare_title", bare_title_rule),
    BlockRule("paragraph", paragraph_rule),
), read_only=True)
"""The block rules in the order they are tried (read-only: :meth:`Ruler.copy` to change)."""


def _with_caption(ctx: Context, events: list[Event], blocks: Sequence[Block], index: int, table: Table) -> Table:
    """``table`` with the caption line right above it (``表1 …主要指标``, ``…一览表``), taken
    back from the paragraph or back matter it was read as, when its layout did not take it
    already (see :mod:`govreport.tables.captions`)."""
    if table.caption is not None or index == 0 or not events:
        return table
    above = blocks[index - 1]
    if len(above.lines) != 1 or events[-1].span != Span(above.start, above.end):
        return table
    if ctx.norm.count("\n", above.end, table.span.start) - 1 > CAPTION_BLANKS:
        return table  # a line far above names something else
    if not isinstance(events[-1], (Paragraph, Furniture, BareTitle)) or not caption_at(ctx.norm, above.lines[0]):
        return table
    events.pop()
    return attrs.evolve(table, span=Span(above.start, table.span.end), caption=clean(ctx.text[above.head : above.end]))


def classify(ctx: Context, blocks: Sequence[Block], rules: Rules = RULES) -> list[Event]:
    """One event per block: the first rule that reads it decides.

    An event covering blocks after its own takes them (they are not read again); a table
    takes the caption line above it from the event that line made (:func:`_with_caption`).
    """
    reads = tuple(rule.read for rule in Ruler.of(rules))
    events: list[Event] = []
    consumed = 0  # a rule's event may take the blocks after its own: they end here
    for index, block in enumerate(blocks):
        if block.start < consumed:
            continue  # taken by the event before it (a box title on the line after 专栏3)
        for read in reads:
            found = read(ctx, block, blocks, index)
            if found is None:
                continue
            if isinstance(found, tuple):
                if not found:
                    continue
                events.extend(found)  # a run of blocks read together, its tables captioned
            else:
                events.append(_with_caption(ctx, events, blocks, index, found) if isinstance(found, Table) else found)
            consumed = events[-1].span.end
            break
    return events
