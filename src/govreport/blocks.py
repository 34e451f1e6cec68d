"""Block rules: what each block of the body is.

The rules run in a fixed, named order (:data:`RULES`); the first that recognises a
block consumes it. Each gives a flat event: a heading or a 专栏 title opens something,
the rest are leaf nodes. An event whose span reaches past its block consumes the blocks it
covers (a box number on one line and its title on the next). Nesting happens later, in
:mod:`govreport.structure`.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import attrs
import regex

from govreport.errors import Diagnostic, diagnostic
from govreport.front.header import is_rule_line, is_scrape_field
from govreport.markers import Marker, match_column, match_figure, match_heading, match_item
from govreport.model import Figure, Furniture, FurnitureKind, Item, ItemKind, Metric, Note, Paragraph, Table
from govreport.segment import (
    Block, Line, ends_sentence, head_offset, is_category_line, is_markup_line, is_page_number, is_row,
)
from govreport.span import Span
from govreport.tables import read_region, read_table
from govreport.tables.captions import CAPTION_BLANKS, caption_at
from govreport.text import clean, clean_title, first_sentence_end, is_topic_sentence

__all__ = ["Heading", "ColumnStart", "BareTitle", "Event", "classify", "RULES", "Context"]


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


Rule = Callable[[Context, Block, Sequence[Block], int], "Event | None"]


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


def note_rule(ctx: Context, block: Block, blocks: Sequence[Block], index: int) -> Event | None:
    """``注：1. …``."""
    head = block.head
    if ctx.norm.startswith("注", head) and ctx.norm[head + 1 : head + 2] in ("：", ":"):
        return Note(Span(block.start, block.end), clean(ctx.text[head : block.end]))
    return None


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


_NUMBERED_NOTE = re.compile(r"注[：:][ \u3000]*[1１][.．、]")


def back_matter_title(ctx: Context, block: Block) -> bool:
    """``名词解释`` / ``附件1`` alone on a line: what follows is not part of the report."""
    if len(block.lines) != 1:
        return False
    head = block.head
    return _BACK_MATTER.fullmatch(ctx.norm[head : block.end].strip()) is not None


def paragraph_rule(ctx: Context, block: Block, blocks: Sequence[Block], index: int) -> Event | None:
    """Anything else is a paragraph."""
    return _paragraph(ctx, block.start, block.end)


def _paragraph(ctx: Context, start: int, end: int) -> Paragraph:
    head = head_offset(ctx.norm, start, end)
    lead = None
    stop = is_topic_sentence(ctx.norm, head, end)
    if stop != -1:
        lead = clean_title(ctx.text[head:stop])
    return Paragraph(Span(start, end), clean(ctx.text[start:end]), lead, ctx.metrics(start, end))


RULES: tuple[tuple[str, Rule], ...] = (
    ("furniture", furniture_rule),
    ("column", column_rule),
    ("figure", figure_rule),
    ("table", table_rule),
    ("inline_html", inline_html_rule),
    ("note", note_rule),
    ("heading", heading_rule),
    ("item", item_rule),
    ("bare_title", bare_title_rule),
    ("paragraph", paragraph_rule),
)
"""The block rules in the order they are tried."""


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


def classify(ctx: Context, blocks: Sequence[Block], rules: Sequence[tuple[str, Rule]] = RULES) -> list[Event]:
    """One event per block: the first rule that recognises it decides."""
    events: list[Event] = []
    note_next = 0  # the number the next line of a numbered note (注：1. … 2. …) would carry
    consumed = 0  # a rule's event may take the blocks after its own: they end here
    for index, block in enumerate(blocks):
        if note_next:
            head = block.head
            marker = match_heading(ctx.norm, head)
            if marker is not None and marker.key == "1." and marker.ordinal == note_next:
                events.append(Note(Span(block.start, block.end), clean(ctx.text[head : block.end])))
                note_next += 1
                continue
            note_next = 0
        if index + 1 < len(blocks) and back_matter_title(ctx, block):
            # Appendices and glossaries: kept, outside the outline; their tables (an
            # indicator table is often 附件1) are read as tables.
            for k in range(index, len(blocks)):
                rest = blocks[k]
                table = table_rule(ctx, rest, blocks, k)
                events.append(_with_caption(ctx, events, blocks, k, table) if isinstance(table, Table) else Furniture(
                    Span(rest.start, rest.end), FurnitureKind.BACK_MATTER, clean(ctx.text[rest.start : rest.end])))
            break
        if block.start < consumed:
            continue  # taken by the event before it (a box title on the line after 专栏3)
        for _name, rule in rules:
            event = rule(ctx, block, blocks, index)
            if event is not None:
                if isinstance(event, Table):
                    event = _with_caption(ctx, events, blocks, index, event)
                events.append(event)
                consumed = event.span.end
                if isinstance(event, Note) and _NUMBERED_NOTE.match(event.text):
                    note_next = 2
                break
    return events
