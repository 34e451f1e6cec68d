"""Flattened tables: web scrapes where every cell of an HTML table became its own line.

Saved from a web page, a table often loses its grid: each cell is a line of its own, with
blank lines between cells, and nothing says where a row ends. What is left to go by:

* the **header**, a run of short cells, each a known header word (``序号``, ``指标``,
  ``单位``, ``属性``, ``2025年目标值``, ``类别`` …; see :func:`header_role`). A cell broken
  over two lines (``现状`` / ``（2025年）``) is one header cell;
* the **row anchors**: a ``序号`` cell continues the numbering (1, 2, 3 …); a unit cell is
  a unit of measure (``万平方米``, ``%``, ``—``); an attribute cell is ``预期性`` or
  ``约束性``; a value cell is short.

The rows are rebuilt from the header's columns and those anchors (:func:`_match_row`). A
row may lack its category cell (the cell was merged over its group and written only on the
group's first row), a cell may be broken over two lines, and a category may stand on a row
of its own. Each row is checked against what follows: the next row must start where this
one ends. The table ends where the cells stop fitting (a paragraph of prose, a heading).
Where the numbering says a row is there but its cells do not fit the columns, the cells
are kept as one row and a ``table-cells-unfit`` diagnostic says so.

A caption line right above the header (``表1 主要指标``, ``…主要预期指标一览表``) is part
of the table (:func:`govreport.tables.captions.caption_at`).

A PDF's text layer gives a table another way: a row a line, its cells set apart by single
spaces (``经济发展 1 地区生产总值增长（%） 5.6 — 5左右 预期性``). That is the same puzzle
with words for lines, and :func:`find_words` / :func:`read_words` solve it with the same
rows, under two more rules: the header is one line (opening with its number, category or
name column; a cell spaced out letter by letter, ``指 标``, is one), and every row starts a
line and ends one, so the table ends at the first line whose words fit no row.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import attrs
import regex

from govreport.errors import Diagnostic, diagnostic
from govreport.markers import COLUMN_TITLE, match_figure, match_heading
from govreport.model import Cell, Row, Table
from govreport.segment import Line
from govreport.span import Span
from govreport.tables.captions import CAPTION_BLANKS, caption_at
from govreport.tables.cells import read_cell, row_unit, with_metric
from govreport.tables.grid import centred_categories
from govreport.tables.indicators import (
    ATTRIBUTE_HEADERS, CATEGORY_HEADERS, INDICATOR_HEADERS, NUMBER_HEADERS, UNIT_HEADERS, header_key,
    is_attribute, is_unit, value_column, written_unit,
)
from govreport.text import clean

__all__ = ["find", "read", "find_words", "read_words", "header_role"]

Role = Literal["number", "category", "name", "unit", "attribute", "value", "text", "other"]

_CELL_MAX = 16  # characters of a header cell, spaces removed
_LINE_MAX = 40  # a line longer than this opens no table (header cells and captions are short)
_COLUMNS_MAX = 12
_CATEGORY_MAX = 20
_NAME_MAX = 60
_VALUE_MAX = 40
_NUMBER_MAX = 3  # digits of a 序号 cell
_SENTENCE = frozenset("。；;！？!?")
# Header words of columns that hold text: 重点任务, 建设内容, 备注, 责任单位 …
_TEXT_HEADS = ("任务", "项目", "内容", "措施", "备注", "说明", "要求", "单位", "时限", "进度", "标准", "举措", "工程")
_BREAKABLE: frozenset[Role] = frozenset({"name", "category", "text", "value", "other"})
_OTHER_MAX = 10  # characters of a header cell that is no header word, between two that are
_NUMBERED_NAMES = frozenset({"1.", "1、"})  # the marker keys an indicator name may be numbered with


def header_role(cell: str) -> Role | None:
    """What a header cell says its column holds, or ``None`` when it is no header word."""
    key = header_key(cell)
    if not key or len(key) > _CELL_MAX:
        return None
    bare = _without_brackets(key)
    for names, role in ((NUMBER_HEADERS, "number"), (INDICATOR_HEADERS, "name"), (UNIT_HEADERS, "unit"),
                        (ATTRIBUTE_HEADERS, "attribute"), (CATEGORY_HEADERS, "category")):
        if key in names or bare in names:
            return role  # type: ignore[return-value]
    if key.endswith(("领域", "类别", "类型")):
        return "category"
    if value_column(key)[0]:
        return "value"
    if key.endswith(_TEXT_HEADS):
        return "text"
    return None


def _without_brackets(key: str) -> str:
    """``指标（单位）`` → ``指标``: a header word with a bracketed note after it."""
    for opener in ("（", "("):
        cut = key.find(opener)
        if cut > 0:
            return key[:cut]
    return key


def _continues_header(key: str) -> bool:
    """A header cell's second line: ``（2025年）``, ``(万元)``."""
    return 2 < len(key) <= _CELL_MAX and key[0] in "（(" and key[-1] in "）)"


@attrs.frozen(slots=True)
class _Token:
    """One non-blank line: a cell, or what ends the table."""

    index: int  # into the lines
    start: int
    end: int
    key: str  # the words, markup and spaces removed
    marked: bool  # a heading, 专栏, figure or note line: never a cell of a row …
    numbered: bool = False  # … but for one marked only by an Arabic number (1. 1、), which may be
    # a numbered indicator name (1.国内生产总值增长（%）), when the cells after it fit its row


class _Tokens:
    """The cells from a line on, read only as far as they are asked for: each non-blank line
    is one cell, or, with ``words``, each of its words (a table whose cells a PDF extractor
    set apart by single spaces; the words of the header line spaced out letter by letter,
    ``指 标``, are one)."""

    def __init__(self, norm: str, lines: Sequence[Line], first: int, words: bool = False,
                 caption: bool = False) -> None:
        self.norm = norm
        self.lines = lines
        self.next_line = first
        self.words = words
        self.caption = caption  # the first line is a caption: one token, even with ``words``
        self.items: list[_Token] = []

    def get(self, k: int) -> _Token | None:
        """The ``k``-th token, read on demand; ``None`` past the last one."""
        while len(self.items) <= k:
            line_tokens = self._read()
            if line_tokens is None:
                return None
            self.items += line_tokens  # (none from a line of markup only: read on)
        return self.items[k]

    def line_start(self, k: int) -> bool:
        """Whether token ``k`` opens its line (or lies past the last token)."""
        token, before = self.get(k), self.get(k - 1) if k > 0 else None
        return token is None or before is None or token.index != before.index

    def _read(self) -> list[_Token] | None:
        """The tokens of the next non-blank line, or ``None`` at the end."""
        lines, norm = self.lines, self.norm
        while self.next_line < len(lines) and lines[self.next_line].blank:
            self.next_line += 1
        if self.next_line >= len(lines):
            return None
        index = self.next_line
        self.next_line += 1
        line = lines[index]
        raw = norm[line.start : line.end]
        if "\t" in raw or raw.startswith("|"):
            return None  # a delimited row: another layout
        head = line.head
        heading = match_heading(norm, head)
        box = COLUMN_TITLE.match(norm, head, line.end) is not None
        marked = (
            heading is not None or box or match_figure(norm, head, line.end) is not None
            or (norm.startswith("注", head) and norm[head + 1 : head + 2] in ("：", ":"))
        )
        numbered = heading is not None and heading.key in _NUMBERED_NAMES and not box
        if not self.words or (self.caption and not self.items):
            return [_Token(index, line.start, line.end, "".join(clean(raw).split()), marked, numbered)]
        found = [(m.start(), m.end()) for m in _WORD.finditer(norm, head, line.end)]
        if len(self.items) == int(self.caption):
            found = _letter_spaced(found)  # the header line
        out = []
        for n, (start, end) in enumerate(found):
            key = clean(norm[start:end])
            if key:
                out.append(_Token(index, start, end, key, marked and not n, numbered and not n))
        return out


_WORD = regex.compile(r"[^ \t\u3000\u00a0]++")
_HAN_SPACE = regex.compile(r"(?<=\p{Han})[ \u3000\u00a0]++(?=\p{Han})")


def _letter_spaced(words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The words of a header line with each run of one-character words (``指 标``, ``属 性``)
    joined into one: a header cell spaced out to its column's width."""
    out: list[tuple[int, int]] = []
    run = 0  # one-character words in a row, ending with the last of ``out``
    for start, end in words:
        single = end - start == 1
        if single and run:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
        run = run + 1 if single else 0
    return out


def _other_header(tokens: _Tokens, j: int) -> bool:
    """A short cell that is no header word (``年均增长〔累计〕``, ``牵头部门``) but stands
    between header words: a column of the header too."""
    token, following = tokens.get(j), tokens.get(j + 1)
    if token is None or following is None or following.marked:
        return False
    key = token.key
    if not 2 <= len(key) <= _OTHER_MAX or key.isdigit() or any(ch in _SENTENCE for ch in key):
        return False
    if is_unit(key) or is_attribute(key) or "，" in key or "," in key:
        return False
    return header_role(following.key) is not None


@attrs.frozen(slots=True)
class _Header:
    groups: tuple[tuple[int, ...], ...]  # the tokens of each header cell
    roles: tuple[Role, ...]
    after: int  # token just after its last cell


def _read_header(tokens: _Tokens, k: int) -> _Header | None:
    """The header starting at token ``k``: a run of header cells (see the module docstring)."""
    groups: list[list[int]] = []
    keys: list[str] = []
    roles: list[Role] = []
    j = k
    while len(groups) <= _COLUMNS_MAX:
        token = tokens.get(j)
        if token is None or token.marked:
            break
        role = header_role(token.key)
        if groups and _continues_header(token.key):
            groups[-1].append(j)
            keys[-1] += token.key
            if roles[-1] == "text" and value_column(keys[-1])[0]:
                roles[-1] = "value"
        elif role is not None or (groups and _other_header(tokens, j)):
            groups.append([j])
            keys.append(token.key)
            roles.append(role or "other")
        else:
            break
        j += 1
    if not 3 <= len(groups) <= _COLUMNS_MAX:
        return None
    while roles and roles[-1] == "other":  # header words end the header, not a stray cell
        roles.pop(), groups.pop(), keys.pop()
        j = groups[-1][-1] + 1 if groups else k
    known = [r for r in roles if r not in ("text", "other")]
    if len(known) < 2 or not ({"name", "number"} & set(roles)):
        return None
    if roles.count("name") > 1 or roles.count("number") > 1 or roles.count("category") > 1:
        return None
    return _Header(tuple(tuple(g) for g in groups), tuple(roles), j)


# -- rows ------------------------------------------------------------------------------------

@attrs.frozen(slots=True)
class _Fit:
    """A way to read the tokens from ``start`` on as one row."""

    start: int
    after: int
    cells: tuple[tuple[int, ...], ...]  # for each column, its tokens (none: a merged cell left out)
    ahead: bool  # whether the next row starts right after it
    broken: bool
    omitted: int  # how many merged cells it lacks
    category_row: bool = False

    @property
    def rank(self) -> tuple[bool, bool, bool, int]:
        """How good the reading is, lower first: the next row follows it, not a category row, no
        broken cell, fewer cells left out."""
        return (not self.ahead, self.category_row, self.broken, self.omitted)


class _Rows:
    """Rebuilds the rows of one table from its tokens and header."""

    def __init__(self, tokens: _Tokens, header: _Header) -> None:
        self.tokens = tokens
        self.roles = header.roles
        self.width = len(header.roles)
        self.number_col = header.roles.index("number") if "number" in header.roles else None
        self.category_col = header.roles.index("category") if "category" in header.roles else None
        self.attribute_col = header.roles.index("attribute") if "attribute" in header.roles else None
        # The cells a row may lack because the original merged them over a group: its
        # category, its attribute (a group of 约束性 rows), or both; fewer left out first.
        mergeable = [c for c in (self.category_col, self.attribute_col) if c is not None]
        self.omits: list[tuple[int, ...]] = [()] + [(c,) for c in mergeable]
        if len(mergeable) == 2:
            self.omits.append(tuple(mergeable))
        # the mergeable columns some row so far has written; with words for cells (a PDF's
        # text), any: a merged cell's text stands in the middle of its group, not on top
        self.written: set[int] = set(c for omit in self.omits for c in omit) if tokens.words else set()
        # fits() of the tokens from j on (one or two) as a cell of a role, remembered: the
        # readings tried at one place and the look-ahead of the place before ask it again
        self._fit_memo: dict[tuple[Role, int, int, int | None, bool], bool] = {}

    def accept(self, fit: _Fit) -> None:
        """Note the merged cells ``fit`` wrote: a later row may lack them."""
        if not fit.category_row:
            self.written.update(c for omit in self.omits for c in omit if fit.cells[c])

    def fits(self, role: Role, keys: Sequence[_Token], expected: int | None, lax: bool) -> bool:
        """Whether the tokens ``keys`` can be one cell of a column of ``role`` (a number the
        numbering ``expected`` unless ``lax``)."""
        if any(t.marked and not (role == "name" and t.numbered and t is keys[0]) for t in keys):
            return False
        key = "".join(t.key for t in keys)
        if not key:
            return False
        number = key.isascii() and key.isdigit()
        if len(keys) > 1 and any((t.key.isascii() and t.key.isdigit()) or is_attribute(t.key) or is_unit(t.key)
                                 for t in keys):
            return False  # a cell broken over lines is words, not a number, unit or attribute
        if role == "number":
            return number and len(key) <= _NUMBER_MAX and (lax or expected is None or int(key) == expected)
        if role == "unit":
            return is_unit(key)
        if role == "attribute":
            return is_attribute(key)
        if number or is_attribute(key):
            return number and role in ("value", "text", "other")
        sentence = any(ch in _SENTENCE for ch in key)
        if role == "category":
            return len(key) <= _CATEGORY_MAX and not sentence and not is_unit(key)
        if role == "name":
            return len(key) <= _NAME_MAX and "。" not in key and not is_unit(key)
        if role in ("value", "other"):
            return len(key) <= _VALUE_MAX and "。" not in key
        return True  # a text column holds anything, paragraphs too

    def starts_row(self, k: int, expected: int | None) -> bool:
        """Whether a row (or a category row) can start at token ``k``."""
        first = self.tokens.get(k)
        if first is None or first.marked and not first.numbered and self.number_col is None:
            return False
        if self.tokens.words and not self.tokens.line_start(k):
            return False  # with words for cells, every row opens a line
        if self.number_col is not None and expected is not None:
            offsets = {len([c for c in range(self.number_col) if c not in omit]) for omit in self.omits}
            for offset in offsets | {1}:
                token = self.tokens.get(k + offset)
                if token is not None and token.key == str(expected):
                    return True
            return False
        return bool(self._fits_at(k, expected, lax=False, look=False))

    def _fits_at(self, k: int, expected: int | None, lax: bool, look: bool) -> list[_Fit]:
        """The readings of the tokens from ``k`` on as one row (the first only, unless ``look``:
        then each says whether a row follows it)."""
        found: list[_Fit] = []
        omits = [omit for omit in self.omits if self.written.issuperset(omit)]
        for omit in omits:
            cols = [c for c in range(self.width) if c not in omit]
            for broken in [None] + [c for c in cols if self.roles[c] in _BREAKABLE]:
                fit = self._try(k, cols, broken, expected, lax)
                if fit is None or (self.tokens.words and not self.tokens.line_start(fit[1])):
                    continue  # (with words for cells, a row ends its line)
                cells, after = fit
                ahead = look and self.starts_row(after, self._next(cells))
                found.append(_Fit(k, after, cells, ahead, broken is not None, len(omit)))
                if not look:
                    return found
        if self.category_col is None and look:
            # a category on a line of its own (``经济发展``, ``一、经济发展``) before its rows;
            # a heading-like line only where the numbering goes on right after it
            token = self.tokens.get(k)
            if token is not None and token.marked and self.number_col is not None:
                token = attrs.evolve(token, marked=False)
            if (token is not None and self.fits("category", [token], None, lax)
                    and self.tokens.line_start(k + 1) and self.starts_row(k + 1, expected)):
                found.append(_Fit(k, k + 1, ((k,),), True, False, 0, category_row=True))
        return found

    def _next(self, cells: tuple[tuple[int, ...], ...]) -> int | None:
        """The number the row after one with ``cells`` should carry."""
        if self.number_col is None or not cells[self.number_col]:
            return None
        token = self.tokens.get(cells[self.number_col][0])
        return int(token.key) + 1 if token is not None else None

    def _try(self, k: int, cols: list[int], broken: int | None, expected: int | None,
             lax: bool) -> tuple[tuple[tuple[int, ...], ...], int] | None:
        """The tokens of each column of ``cols`` from ``k`` on (two for the ``broken`` one) and
        where the row ends, if every cell fits."""
        cells: list[tuple[int, ...]] = [()] * self.width
        memo = self._fit_memo
        j = k
        for c in cols:
            take = 2 if c == broken else 1
            role = self.roles[c]
            known = memo.get((role, j, take, expected, lax))
            if known is None:
                group = [self.tokens.get(j + n) for n in range(take)]
                tokens = [t for t in group if t is not None]
                known = memo[role, j, take, expected, lax] = (
                    len(tokens) == take and self.fits(role, tokens, expected, lax))
            if not known:
                return None
            cells[c] = tuple(range(j, j + take))
            j += take
        return tuple(cells), j

    def best(self, k: int, expected: int | None) -> _Fit | None:
        """The best reading of the tokens from ``k`` on as one row, or ``None``."""
        for lax in (False, True):
            fits = self._fits_at(k, expected, lax, look=True)
            if fits:
                return min(fits, key=lambda f: f.rank)
            if self.number_col is None:
                break
        return None

    def unfit_end(self, k: int, expected: int | None) -> int | None:
        """Where the cells that fit no row at ``k`` stop, when the numbering says a row is
        there (its number, ``expected``, opens it or follows a category cell): just before
        the next row's number, or else after the cell-like lines that follow (short, no
        sentence), a row's width at most. ``None`` when no row is said to be at ``k``."""
        if self.number_col is None or expected is None:
            return None
        if not any((t := self.tokens.get(k + o)) is not None and t.key == str(expected) for o in (0, 1)):
            return None
        before = min(len([c for c in range(self.number_col) if c not in omit]) for omit in self.omits)
        j = k
        for j in range(k + 1, k + 2 * self.width + 2):
            token = self.tokens.get(j)
            if token is None or token.marked:
                break
            if token.key == str(expected + 1) and j - before > k:
                return j - before
        end = k
        while end < min(j, k + self.width):
            token = self.tokens.get(end)
            if token is None or token.marked or len(token.key) > _VALUE_MAX or any(ch in _SENTENCE for ch in token.key):
                break
            end += 1
        return end if end > k else None


@attrs.frozen(slots=True)
class _Layout:
    caption: _Token | None
    header: _Header
    rows: tuple[_Fit | tuple[int, int], ...]  # a fitted row, or (start, after) of unfit cells
    after: int  # token just after the table


def _scan(norm: str, lines: Sequence[Line], i: int, words: bool = False) -> tuple[_Tokens, _Layout] | None:
    """The flattened table whose caption or header starts at ``lines[i]``, or ``None``; with
    ``words``, the table whose cells are the words of its lines, a row a line."""
    tokens = _Tokens(norm, lines, i, words, caption=words and caption_at(norm, lines[i]))
    first = tokens.get(0)
    if first is None or first.marked:
        return None
    header = _read_header(tokens, 0)
    caption = None
    below_first = tokens.get(1)
    if (caption_at(norm, lines[first.index]) and below_first is not None
            and below_first.index - first.index - 1 <= CAPTION_BLANKS):
        below = _read_header(tokens, 1)
        if below is not None and (header is None or header_role(first.key) in below.roles):
            header, caption = below, first
    if header is None or (words and not tokens.line_start(header.after)):
        return None
    rows = _Rows(tokens, header)
    found: list[_Fit | tuple[int, int]] = []
    k, expected = header.after, None
    while True:
        fit = rows.best(k, expected)
        if fit is not None:
            found.append(fit)
            rows.accept(fit)
            if rows.number_col is not None and not fit.category_row:
                number = tokens.get(fit.cells[rows.number_col][0])
                expected = int(number.key) + 1 if number is not None else None
            k = fit.after
            continue
        end = None if words else rows.unfit_end(k, expected)
        if end is None:
            break
        found.append((k, end))
        k, expected = end, (expected or 0) + 1
    if not any(isinstance(r, _Fit) and not r.category_row for r in found):
        return None
    return tokens, _Layout(caption, header, tuple(found), k)


def find(norm: str, lines: Sequence[Line], i: int) -> int:
    """Whether a flattened table (or its caption) starts at ``lines[i]``: the index just
    after its last line, or ``-1``. Rejects at once a line too long to be a header cell or
    a caption, so it is cheap on prose."""
    line = lines[i]
    if line.end - line.start > _LINE_MAX:
        return -1
    following = i + 1  # a header cell or a caption is followed by another short cell
    while following < len(lines) and lines[following].blank:
        following += 1
    if following == len(lines) or lines[following].end - lines[following].start > _LINE_MAX:
        return -1
    key = "".join(clean(norm[line.start : line.end]).split())
    if header_role(key) is None and not caption_at(norm, line):
        return -1
    scanned = _scan(norm, lines, i)
    if scanned is None:
        return -1
    tokens, layout = scanned
    last = tokens.get(layout.after - 1)
    return -1 if last is None else last.index + 1


_WORDS_LINE_MAX = 120  # a header line of words, or a caption, is no longer than this
_FIRST_HEADERS = NUMBER_HEADERS | CATEGORY_HEADERS | INDICATOR_HEADERS
"""What the first cell of a header of words says: an indicator table opens with its number,
category or name column."""
_CAPTION_ENDS = frozenset("表单标)）:：")  # the last character of a caption that is not 表N …


def find_words(norm: str, lines: Sequence[Line], i: int) -> int:
    """Whether a table whose cells are the words of its lines, a row a line, starts at
    ``lines[i]`` (its header, or a caption above it): the index just after its last line, or
    ``-1``. Rejects at once a line that is long or whose first word is no header word."""
    line = lines[i]
    head, end = line.head, line.end
    if end - line.start > _WORDS_LINE_MAX:
        return -1
    gap = norm.find(" ", head, end)  # normalized text has spaces for U+3000 and the like
    if gap < 0:
        return -1  # one word: neither a header of words nor a caption set apart from its title
    if gap == head + 1:  # 序 号, 指 标: a first header cell spaced out
        second = norm.find(" ", gap + 1, end)
        first = norm[head:gap] + norm[gap + 1 : second if second > 0 else end]
    else:
        first = norm[head:gap]
    if first not in _FIRST_HEADERS:  # else a caption, told apart by its first or last character first
        if not (norm[end - 1] in _CAPTION_ENDS or norm[head] in "表附") or not caption_at(norm, line):
            return -1
    scanned = _scan(norm, lines, i, words=True)
    if scanned is None:
        return -1
    tokens, layout = scanned
    last = tokens.get(layout.after - 1)
    return -1 if last is None else last.index + 1


def read(text: str, norm: str, lines: Sequence[Line], diagnostics: list[Diagnostic]) -> Table | None:
    """The table held by ``lines`` (a region :func:`find` reported, blank lines left out)."""
    return _read(text, norm, lines, diagnostics, words=False)


def read_words(text: str, norm: str, lines: Sequence[Line], diagnostics: list[Diagnostic]) -> Table | None:
    """The table held by ``lines`` (a region :func:`find_words` reported), its words its cells."""
    return _read(text, norm, lines, diagnostics, words=True)


def _read(text: str, norm: str, lines: Sequence[Line], diagnostics: list[Diagnostic], words: bool) -> Table | None:
    scanned = _scan(norm, lines, 0, words)
    if scanned is None:
        return None
    tokens, layout = scanned
    header = layout.header
    roles = header.roles
    header_cells = tuple(_cell_text(text, tokens, group) for group in header.groups)
    years = {c: value_column(header_cells[c])[1] for c, r in enumerate(roles) if r == "value"}
    name_col = roles.index("name") if "name" in roles else None
    unit_col = roles.index("unit") if "unit" in roles else None
    category_col = roles.index("category") if "category" in roles else None
    attribute_col = roles.index("attribute") if "attribute" in roles else None
    rows: list[Row] = []
    category: str | None = None
    attribute = ""
    for entry in layout.rows:
        if isinstance(entry, tuple):
            start, after = entry
            span = _span(tokens, start, after)
            cells = tuple(read_cell(_cell_text(text, tokens, (k,))) for k in range(start, after))
            rows.append(Row(span, cells, category, None))
            diagnostics.append(diagnostic(
                "table-cells-unfit",
                f"{after - start} cells here do not fit the table's {len(roles)} columns; kept as one row as written",
                span))
            continue
        if entry.category_row:
            category = _cell_text(text, tokens, entry.cells[0])
            continue
        texts = [_cell_text(text, tokens, group) for group in entry.cells]
        if category_col is not None and texts[category_col]:
            category = texts[category_col]
        if attribute_col is not None:
            if entry.cells[attribute_col]:
                attribute = texts[attribute_col]
            else:
                texts[attribute_col] = attribute  # merged over its group in the original
        unit = written_unit(texts[unit_col]) if unit_col is not None else None
        if unit is None and name_col is not None:
            unit = row_unit(texts[name_col])
        name = texts[name_col] if name_col is not None else None
        cells_out: list[Cell] = []
        for c, group in enumerate(entry.cells):
            cell = read_cell(texts[c]) if group or texts[c] else Cell("")
            if group and roles[c] == "value" and cell.value is not None and unit is not None:
                span = _span(tokens, group[0], group[-1] + 1)
                cell = with_metric(cell, text[span.start : span.end], span, unit, name, years.get(c))
            cells_out.append(cell)
        rows.append(Row(_span(tokens, entry.start, entry.after), tuple(cells_out), category, unit))
    first = tokens.get(0)
    last = tokens.get(layout.after - 1)
    assert first is not None and last is not None  # the scan read them
    caption = clean(text[layout.caption.start : layout.caption.end]) if layout.caption is not None else None
    table = Table(Span(first.start, last.end), header_cells, tuple(rows), caption=caption)
    return centred_categories(table, diagnostics) if words and category_col is not None else table


def _span(tokens: _Tokens, start: int, after: int) -> Span:
    """The span from the first of tokens ``start:after`` to the end of the last."""
    first, last = tokens.get(start), tokens.get(after - 1)
    assert first is not None and last is not None  # tokens the scan has read
    return Span(first.start, last.end)


def _cell_text(text: str, tokens: _Tokens, group: Sequence[int]) -> str:
    """A cell's display text from its tokens (a cell broken over lines is joined; a space
    between two Chinese characters of a cell made of words, ``指 标``, is closed up)."""
    if not group:
        return ""
    span = _span(tokens, group[0], group[-1] + 1)
    shown = clean(text[span.start : span.end])
    return str(_HAN_SPACE.sub("", shown)) if tokens.words else shown
