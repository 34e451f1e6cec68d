"""Lines and blocks with spans.

A *line* is a stretch between newlines, with the offsets of its first and last
non-space characters in the normalized text. A *block* is one or more lines that belong
together: a paragraph, a heading line, the rows of a table. How lines join depends on
the document:

* In a document that separates paragraphs by blank lines, a line break without a blank
  line is a soft break inside the paragraph (text saved from a web page or a PDF).
* In a document that puts one paragraph on each line, every line is a block.

In both, a paragraph cut by a page break in mid-sentence (``天津段长`` / blank /
``120 公里。``) is joined into one block whose lines cover both parts.

What may never be joined onto the line above — a heading, a 专栏 title, a table row, a
note — is not known here: the block rules say it (:mod:`govreport.blocks`). Each rule may
have a :class:`Start`, a cheap test of "does my block start at this line?" with the
characters such a line opens with; :class:`Starts` combines those of a rule list once, and
:func:`join_blocks` asks it about each line before it joins the line onto the previous one.
"""
from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Sequence

import attrs
import regex

from govreport.markers import match_heading

__all__ = ["Line", "Block", "split_lines", "join_blocks", "flowing", "head_offset", "ends_sentence", "is_row",
           "is_category_line",
           "skip_page_numbers", "is_page_number", "split_run_on_headings", "is_markup_line", "Opening", "Start",
           "Starts"]


@attrs.frozen(slots=True, init=False)
class Line:
    """One line: ``start``/``end`` of its non-space content (``start == end`` when blank)
    and ``head``, where its words begin after markdown marks and tags (:func:`head_offset`)."""

    number: int
    start: int
    end: int
    head: int
    blank: bool = attrs.field(init=False, default=False, eq=False, repr=False)
    """Whether the line holds nothing but spaces (``start == end``): set once when the line
    is made, as the segmenter and every layout ask it of each line several times."""

    def __init__(self, number: int, start: int, end: int, head: int) -> None:
        # Written by hand, not generated: one line is made for each line of every document,
        # and setting the slots through their descriptors is much cheaper than attrs'
        # frozen __init__ and a post-init hook.
        _set_number(self, number)
        _set_start(self, start)
        _set_end(self, end)
        _set_head(self, head)
        _set_blank(self, start == end)


# the slots' descriptors, past the frozen __setattr__
_set_number, _set_start, _set_end, _set_head, _set_blank = (
    Line.__dict__[name].__set__ for name in ("number", "start", "end", "head", "blank"))


@attrs.frozen(slots=True)
class Block:
    """Consecutive lines that belong together; ``start``/``end`` span their content.

    ``layout`` names the table layout of a block the segmenter was told is a table
    (see :mod:`govreport.tables`), else ``None``.
    """

    lines: tuple[Line, ...]
    layout: str | None = None
    start: int = attrs.field(init=False, default=0, eq=False, repr=False)
    """Where the content of the first line starts."""
    end: int = attrs.field(init=False, default=0, eq=False, repr=False)
    """Where the content of the last line ends."""
    head: int = attrs.field(init=False, default=0, eq=False, repr=False)
    """Where the words of the block begin: the head of its first line."""

    def __attrs_post_init__(self) -> None:
        # set once: every rule asks them of every block
        first = self.lines[0]
        _set_block_start(self, first.start)
        _set_block_end(self, self.lines[-1].end)
        _set_block_head(self, first.head)


_SPACE = " "
_set_block_start = Block.__dict__["start"].__set__  # the slots' descriptors, past the frozen __setattr__
_set_block_end = Block.__dict__["end"].__set__
_set_block_head = Block.__dict__["head"].__set__
_LONG_LINE = 40  # a soft-broken line ending a sentence past this length ends its paragraph


# Markdown and HTML decoration before a line's content: "## ", "**", "<b>", "> ".
_DECORATION = regex.compile(r"(?:#{1,6}[ ]*|\*\*|__|<[a-zA-Z/][^<>\n]{0,40}>|>[ ]+|\\(?=\*))*")
_DECORATION_FIRST = frozenset("#*_<>\\ ")  # what decoration or a space can start with


def head_offset(norm: str, start: int, end: int) -> int:
    """Where a line's words begin, after markdown ``#``/``**`` and stray HTML tags."""
    if start >= end or norm[start] not in _DECORATION_FIRST:
        return start  # the common case, asked by every rule: no decoration to skip
    m = _DECORATION.match(norm, start, end)
    pos = m.end() if m is not None else start
    while pos < end and norm[pos] == _SPACE:
        pos += 1
    return pos


def split_lines(norm: str) -> list[Line]:
    """Every line of ``norm`` (normalized text) with its content offsets and head."""
    lines: list[Line] = []
    pos = 0
    for number, raw in enumerate(norm.split("\n"), 1):
        # a line of whitespace only (spaces, tabs, and the form feeds, separators and other
        # controls str.isspace() knows) is blank; trailing tabs of a table row are kept
        start = pos + len(raw) - len(raw.lstrip())
        end = max(start, pos + len(raw.rstrip(" ")))
        head = start if start == end or norm[start] not in _DECORATION_FIRST else head_offset(norm, start, end)
        lines.append(Line(number, start, end, head))
        pos += len(raw) + 1
    return lines


_CLOSERS = "”’）)】」』》*_ \t"
_TERMINAL = "。！？；：!?;:…"


def ends_sentence(norm: str, start: int, end: int) -> bool:
    """Whether the text ``norm[start:end]`` ends a sentence (。！？；： maybe inside quotes)."""
    pos = end
    while pos > start and norm[pos - 1] in _CLOSERS:
        pos -= 1
    # a closing tag such as </b>
    while pos > start and norm[pos - 1] == ">":
        lt = norm.rfind("<", start, pos)
        if lt == -1:
            break
        pos = lt
        while pos > start and norm[pos - 1] in _CLOSERS:
            pos -= 1
    return pos > start and norm[pos - 1] in _TERMINAL


_PROSE_PUNCT = re.compile(r"[，。；,;]")

# A number opening a line, then a space, a Han character or a marker: a page number that
# text extraction put in front of the page's first line (``16 化设计``, ``2一、发展形势``).
# Never zero-padded: ``01 水能发电技术示范`` numbers a group of a box.
_PAGE_PREFIX = regex.compile(
    r"(?!0)(?P<n>[0-9]{1,3})(?![0-9.,%~—-])(?:[ ]++(?=[0-9\p{Han}（【\[“—①-⑳])|(?=[\p{Han}（【\[“—①-⑳])|[ ]*+$)"
)
_PAGE_STEP = 3  # a printed page number may skip this many pages (figures, blank pages)
_PAGE_LINES = 5  # and a page holds at least this many lines
_PAGE_CHAIN = 4  # how many numbers in sequence make the pattern sure


def skip_page_numbers(norm: str, lines: Sequence[Line]) -> list[Line]:
    """``lines`` with the page numbers that open some of them moved out of their heads.

    Text extracted from a PDF puts a page's number before its first line. A number opening
    a line is a page number when it is part of the longest run of such numbers rising page
    by page (by 1 to 3, at least 5 lines apart, at least 4 of them), or continuing that run
    one by one after its end (pages of figures): one counting figure at the head of a line
    never forms such a run. The number stays in the line (every character
    keeps its node); its head moves past it, so a marker after it is seen (``12 （4）…``), and
    a line holding only the number has an empty head (:func:`is_page_number`).
    """
    candidates: list[tuple[int, int, int]] = []  # (line index, number, offset after it)
    for i, line in enumerate(lines):
        if line.blank or not ("0" <= norm[line.start] <= "9"):
            continue
        m = _PAGE_PREFIX.match(norm, line.start, line.end)
        if m is not None:
            candidates.append((i, int(m.group("n")), m.end()))
    if len(candidates) < _PAGE_CHAIN:
        return list(lines)
    # the longest rising run, by dynamic programming over the few numbers before each one
    best: dict[int, tuple[int, int]] = {}  # number → (run length, candidate index) of the best run ending there
    links: list[int] = [-1] * len(candidates)
    lengths: list[int] = [1] * len(candidates)
    for k, (i, n, _end) in enumerate(candidates):
        for step in range(1, _PAGE_STEP + 1):
            found = best.get(n - step)
            if found is not None and i - candidates[found[1]][0] >= _PAGE_LINES * step and found[0] + 1 > lengths[k]:
                lengths[k], links[k] = found[0] + 1, found[1]
        if n not in best or lengths[k] >= best[n][0]:
            best[n] = (lengths[k], k)
    top = max(range(len(candidates)), key=lambda k: lengths[k])
    if lengths[top] < _PAGE_CHAIN:
        return list(lines)
    chain: list[int] = []
    k = top
    while k != -1:
        chain.append(k)
        k = links[k]
    # Past the run, pages of figures hold a caption and their number only: the run goes on
    # with the next numbers in order, however close.
    last = top
    for k in range(top + 1, len(candidates)):
        if candidates[k][1] == candidates[last][1] + 1:
            chain.append(k)
            last = k
    result = list(lines)
    for k in chain:
        i, _n, end = candidates[k]
        line = lines[i]
        result[i] = Line(line.number, line.start, line.end, head_offset(norm, end, line.end) if end < line.end else line.end)
    return result


# A 第N章-style marker after a space, inside a line that opens with another one.
# (It opens at the 第 and looks behind for the space: a pattern opening with the run of
# spaces would be tried at every space of a long run, each time to its end.)
_SECOND_MARKER = regex.compile(r"(?<=[ ])第[ ]*+(?:[一二三四五六七八九十百两〇零]{1,4}|[0-9]{1,3})[ ]*+(?:[章节篇编]|部分)")


def split_run_on_headings(norm: str, lines: Sequence[Line]) -> list[Line]:
    """``lines`` with each line that holds two headings (``第三篇 推进改革 第十三章 深化改革``)
    split in two at the second marker, when the two are of different units and the line
    has no sentence punctuation. Both parts keep the line's number."""
    if not lines or _SECOND_MARKER.search(norm, lines[0].start, lines[-1].end) is None:
        return list(lines)  # the common case: no second marker anywhere, one scan of the text
    result: list[Line] = []
    for line in lines:
        head = line.head
        if line.blank or not norm.startswith("第", head):
            result.append(line)
            continue
        first = match_heading(norm, head)
        m = _SECOND_MARKER.search(norm, head, line.end) if first is not None and first.style.startswith("第") else None
        if m is None or _PROSE_PUNCT.search(norm, head, line.end):
            result.append(line)
            continue
        at = m.start()
        second = match_heading(norm, at)
        if second is None or second.style == first.style or at <= head + first.end:  # type: ignore[union-attr]
            result.append(line)
            continue
        before = at
        while norm[before - 1] == " ":
            before -= 1
        result.append(Line(line.number, line.start, before, head))
        result.append(Line(line.number, at, line.end, at))
    return result


class Opening(enum.IntFlag):
    """What a line opens, as a block rule's :class:`Start` tells the segmenter.

    A test returns the flags that hold (``BLOCK`` with any other), or ``None``; when several
    rules start at one line their flags are combined.
    """

    BLOCK = 1
    """A block opens at this line: it is never joined onto the line above."""
    WHOLE = 2
    """The line is complete on its own (a title, a caption, a table row): no line is
    soft-joined after it, and in text broken at a page width only a short line goes on it."""
    TAKES_NEXT = 4
    """The next line belongs to this one (an outline marker alone on its line, ``第一章``,
    takes its title from the next line)."""
    RUN = 8
    """The next line belongs to this one when it opens a ``RUN`` too (lines of HTML tags)."""


StartTest = Callable[[str, Line], "Opening | None"]
"""``(norm, line) → Opening | None``: whether a block starts at ``line`` of the normalized text."""


@attrs.frozen(slots=True)
class Start:
    """Where a rule's block starts: ``test``, asked only of the lines whose first character
    or head (:attr:`Line.head`) is one of ``first``, or that hold one of ``anywhere``.

    The segmenter asks this of every line, so the characters keep the test off nearly all
    of them: a line of prose opening with none of the characters costs one lookup for all
    the rules together (see :class:`Starts`).
    """

    first: str
    test: StartTest
    anywhere: str = ""

    @classmethod
    def prefix(cls, words: str, opening: Opening = Opening.BLOCK) -> Start:
        """A block starts at each line whose words (its head) open with ``words``
        (``Start.prefix("【编者按】")``)."""
        if not words:
            raise ValueError("Start.prefix needs the words a block opens with, not an empty string")

        def test(norm: str, line: Line) -> Opening | None:
            """The opening when the line's words begin with ``words``."""
            return opening if norm.startswith(words, line.head, line.end) else None

        return cls(words[0], test)


_NO_OPENING = 0
# Opening's flags as plain ints: the segmenter tests them on every line, and an operator on
# an IntFlag member runs Python code in the enum module.
_WHOLE, _TAKES_NEXT, _RUN = int(Opening.WHOLE), int(Opening.TAKES_NEXT), int(Opening.RUN)


class Starts:
    """The starts of a list of block rules combined once: for a line, what it opens.

    The tests are filed by the characters they are asked for, so a line costs one dict
    lookup (two when markup precedes its words) and, when some rule looks anywhere in a
    line, one search; a test runs only for the lines it named.
    """

    __slots__ = ("_by_first", "_by_first_anywhere", "_anywhere_char", "_anywhere", "_anywhere_tests")

    def __init__(self, starts: Iterable[Start]) -> None:
        by_first: dict[str, list[StartTest]] = {}
        anywhere: dict[str, None] = {}
        anywhere_tests: list[StartTest] = []
        for start in starts:
            for ch in start.first:
                tests = by_first.setdefault(ch, [])
                if start.test not in tests:
                    tests.append(start.test)
            if start.anywhere:
                anywhere.update(dict.fromkeys(start.anywhere))
                if start.test not in anywhere_tests:
                    anywhere_tests.append(start.test)
        self._by_first = {ch: tuple(tests) for ch, tests in by_first.items()}
        self._anywhere_tests = tuple(anywhere_tests)
        # the same, for a line holding an ``anywhere`` character: joined once, here
        self._by_first_anywhere = {ch: _union(tests, self._anywhere_tests) for ch, tests in self._by_first.items()}
        # one character (the tab of a row) is found fastest by str.find; more by a pattern
        self._anywhere_char = next(iter(anywhere)) if len(anywhere) == 1 else None
        self._anywhere: re.Pattern[str] | None = (
            re.compile("[" + "".join(re.escape(ch) for ch in anywhere) + "]") if len(anywhere) > 1 else None)

    def opening(self, norm: str, line: Line) -> int:
        """What ``line`` opens by the rules' starts: the :class:`Opening` flags that hold,
        as an int (``0`` when no block starts there)."""
        start, head, end = line.start, line.head, line.end
        if start == end:
            return _NO_OPENING
        char = self._anywhere_char
        if (norm.find(char, start, end) != -1 if char is not None
                else self._anywhere is not None and self._anywhere.search(norm, start, end) is not None):
            table, tests = self._by_first_anywhere, self._anywhere_tests
        else:
            table, tests = self._by_first, ()
        tests = table.get(norm[start], tests)
        found = _NO_OPENING
        for test in tests:
            opened = test(norm, line)
            if opened is not None:  # (not its truth: Flag.__bool__ is Python code)
                found |= int(opened)
        if head != start and head < end:  # markup before the words: ask for the head's character too
            for test in table.get(norm[head], ()):
                if test not in tests:
                    opened = test(norm, line)
                    if opened is not None:
                        found |= int(opened)
        return found


def _union(tests: tuple[StartTest, ...], more: tuple[StartTest, ...]) -> tuple[StartTest, ...]:
    if not tests:
        return more
    return tests + tuple(t for t in more if t not in tests)


def is_page_number(norm: str, line: Line) -> bool:
    """A line holding only a page number (see :func:`skip_page_numbers`)."""
    return not line.blank and line.head == line.end and norm[line.start : line.end].strip().isdigit()


# HTML tags and nothing else: ``<div class="…">``, ``</div>``, ``<img src="…" />``, ``<!-- … -->``.
_MARKUP_LINE = regex.compile(r"(?:<[a-zA-Z/!][^<>\n]*+>[ ]*+)++")


def is_markup_line(norm: str, line: Line) -> bool:
    """A line of HTML tags only (inline HTML in markdown that no reader uses): a block of
    its own, so the text after it is read as text."""
    return norm.startswith("<", line.start) and _MARKUP_LINE.fullmatch(norm, line.start, line.end) is not None


def is_row(norm: str, line: Line) -> bool:
    """A table row: a tab in the line, or a ``|`` opening it."""
    return norm.find("\t", line.start, line.end) != -1 or norm.startswith("|", line.start)


def _is_fragment(norm: str, block_lines: Sequence[Line], prose: bool, opens: Callable[[int], int],
                 first: int) -> bool:
    """A block that stops in mid-sentence and reads as prose (not a title or a label).

    ``prose`` tells whether the block has prose punctuation (see :func:`_has_prose_punct`);
    the caller keeps it as the block grows, so a chain of page breaks is not searched again
    from its first line at every join. ``opens(first)`` is what the block's first line opens.
    """
    if not prose:
        return False  # asked first: it is known already, and most titles have no prose marks
    last = block_lines[-1]
    if ends_sentence(norm, last.start, last.end):
        return False
    return not (len(block_lines) == 1 and opens(first) & _WHOLE)


def _has_prose_punct(norm: str, block_lines: Sequence[Line]) -> bool:
    return _PROSE_PUNCT.search(norm, block_lines[0].start, block_lines[-1].end) is not None


# Only a bold label on the line: ``<b>经济发展</b>``, ``**绿色生态**``.
_BOLD_LABEL = re.compile(r"(?:<[bB]>|<strong>|\*\*)[^<>*\t|\n。，；]{1,20}(?:</[bB]>|</strong>|\*\*)[ ]*")


def is_category_line(norm: str, line: Line) -> bool:
    """A line that is only a bold label. Between two table rows it is the table's category
    row that lost its tabs (or was never given any), not a paragraph splitting the table."""
    return _BOLD_LABEL.fullmatch(norm, line.start, line.end) is not None


def _row_like(norm: str, lines: Sequence[Line]) -> list[bool]:
    """For each line, whether it belongs to a run of table rows: a row, or a category line
    (:func:`is_category_line`) between a row-like line and a row, blank lines aside."""
    content = [i for i, ln in enumerate(lines) if not ln.blank]
    like = [False] * len(lines)
    for i in content:
        like[i] = is_row(norm, lines[i])
    for k in range(1, len(content) - 1):
        i = content[k]
        if not like[i] and like[content[k - 1]] and like[content[k + 1]] and is_category_line(norm, lines[i]):
            like[i] = True
    return like


_WRAP_SHARE = 0.4  # lines at the common width, and lines not ending a sentence, in hard-wrapped text
_WRAP_SLACK = 0.1  # how far from the common width a line at it may be
_INDENT = 2  # a paragraph's first line is indented by two characters, which extraction drops


def _width(norm: str, line: Line) -> int:
    """A line's length without its spaces (PDF text scatters spaces between characters)."""
    return line.end - line.start - norm.count(" ", line.start, line.end)


def _wrap_width(norm: str, content: Sequence[Line]) -> float | None:
    """In text broken at a page width (text extracted from a PDF), the width from which a
    line is full and goes on in the next one; ``None`` for text with a line per paragraph.

    Such text has most lines at one common width, most of them not ending a sentence; text
    with one paragraph a line has lengths all over the place and sentence ends at the ends.
    """
    if len(content) < 10:
        return None
    widths = sorted(_width(norm, ln) for ln in content)
    common = widths[(3 * len(widths)) // 4]
    if common < 10:
        return None
    near = sum(1 for w in widths if abs(w - common) <= _WRAP_SLACK * common)
    open_ended = sum(1 for ln in content if not ends_sentence(norm, ln.start, ln.end))
    if near < _WRAP_SHARE * len(content) or open_ended < _WRAP_SHARE * len(content):
        return None
    return (1 - _WRAP_SLACK) * common - _INDENT


def join_blocks(norm: str, lines: Sequence[Line], regions: Sequence[tuple[int, int, str]] = (), *,
                starts: Starts) -> list[Block]:
    """Group ``lines`` into blocks (see the module docstring for the rules).

    ``starts`` are the block rules' starts (:attr:`govreport.blocks.Ruler.starts`): a line
    at which a block starts is never joined onto the line above, and what it opens
    (:class:`Opening`) decides whether lines join after it.

    ``regions`` are ``(first, end, layout)`` ranges of ``lines`` known to hold one table
    each (:func:`govreport.tables.find_regions`): each becomes one block of that layout,
    its blank lines left out, and nothing joins onto it or into it.
    """
    content = [ln for ln in lines if not ln.blank]
    if not content:
        return []
    blanks = len(lines) - len(content)
    soft_breaks = blanks >= 0.5 * len(content)

    row_like = _row_like(norm, lines)
    wrap = None if soft_breaks else _wrap_width(norm, content)
    # What each line opens, asked only when a decision needs it (a line after a blank line
    # joins nothing, so in text with blank lines between paragraphs most lines are never asked).
    known = [-1] * len(lines)

    def opens(i: int) -> int:
        """What line ``i`` opens (:class:`Opening` flags), asked of the rules once."""
        found = known[i]
        if found < 0:
            found = known[i] = starts.opening(norm, lines[i])
        return found

    groups: list[list[Line]] = []
    firsts: list[int] = []  # the index in lines of the first line of each group
    layouts: dict[int, str] = {}  # index into groups → the table layout of that group
    region_at = {first: (end, layout) for first, end, layout in regions}
    prev: Line | None = None
    p = -1  # the index of prev
    in_rows = False  # whether the last line before this one, blank lines aside, is row-like
    skip_to = 0
    for i, line in enumerate(lines):
        if i < skip_to:
            continue
        if i in region_at:
            end, region_layout = region_at[i]
            layouts[len(groups)] = region_layout
            groups.append([ln for ln in lines[i:end] if not ln.blank])
            firsts.append(-1)  # never asked: a table's block is never merged with another
            skip_to, prev, in_rows = end, None, False
            continue
        if line.blank:
            prev = None
            continue
        if in_rows and row_like[i]:
            groups[-1].append(line)  # rows stay one table across the blank lines between them
            prev, p, in_rows = line, i, True
            continue
        if prev is None:  # after a blank line (or a table) a line opens a block: nothing to ask
            groups.append([line])
            firsts.append(i)
            prev, p, in_rows = line, i, row_like[i]
            continue
        # what the line above opens (the cache looked up here: this is asked of nearly every line)
        before = known[p]
        if before < 0:
            before = known[p] = starts.opening(norm, lines[p])
        if before & _TAKES_NEXT:
            groups[-1].append(line)  # a marker alone on its line: this line is its title
        elif before & _RUN and opens(i) & _RUN:
            groups[-1].append(line)  # consecutive lines of HTML tags only: one block
        elif (
            wrap is not None
            and _width(norm, prev) >= wrap
            and not ends_sentence(norm, prev.start, prev.end)
            and not opens(i)
            and not row_like[i]
            and not (before & _WHOLE and _width(norm, line) >= wrap)
        ):
            # A line broken at the page width goes on in this one; a heading goes on only
            # in a short line (its end), never in a full one (the paragraph under it).
            groups[-1].append(line)
        elif (
            soft_breaks
            and not opens(i)
            and not before & _WHOLE
            and not (prev.end - prev.start > _LONG_LINE and ends_sentence(norm, prev.start, prev.end))
        ):
            groups[-1].append(line)
        else:
            groups.append([line])
            firsts.append(i)
        prev, p = line, i
        in_rows = row_like[i]

    # Page breaks: a prose block that stops mid-sentence continues in the next block.
    merged: list[list[Line]] = []
    merged_layouts: list[str | None] = []
    prose = False  # whether merged[-1] has prose punctuation
    merged_first = -1  # the index in lines of the first line of merged[-1]
    for k, group in enumerate(groups):
        group_layout = layouts.get(k)
        if (
            merged
            and group_layout is None
            and merged_layouts[-1] is None
            and _is_fragment(norm, merged[-1], prose, opens, merged_first)
            and not opens(firsts[k])
        ):
            merged[-1].extend(group)
            prose = prose or _has_prose_punct(norm, group)
        else:
            merged.append(group)
            merged_layouts.append(group_layout)
            merged_first = firsts[k]
            prose = group_layout is None and _has_prose_punct(norm, group)
    return [Block(tuple(g), layout) for g, layout in zip(merged, merged_layouts)]


def flowing(norm: str, blocks: Sequence[Block]) -> str:
    """``norm`` with what lies between the lines of each joined block of prose read as spaces.

    A line break that :func:`join_blocks` joined across — a text wrapped at the page width,
    as PDFs and converted files are, even in mid-word (``全市地区生产总`` / ``值增长5.2%``) —
    ends no clause or sentence, and a page number standing between the two lines (left out
    of the block by :func:`skip_page_numbers`) is not part of the paragraph. The metric pass
    reads this text, so that a quantity's clause, its indicator and its year are read across
    the break. The length and the characters of every line are unchanged; the breaks between
    blocks and between a table's rows stay.
    """
    pieces: list[str] = []
    done = 0
    for block in blocks:
        if block.layout is not None or len(block.lines) < 2 or any(is_row(norm, line) for line in block.lines):
            continue  # a table's rows: each ends at its break
        for line, following in zip(block.lines, block.lines[1:]):  # a line break lies between
            pieces.append(norm[done:line.end])
            pieces.append(" " * (following.start - line.end))
            done = following.start
    if not pieces:
        return norm
    pieces.append(norm[done:])
    return "".join(pieces)
