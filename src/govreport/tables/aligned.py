"""Tables whose columns are lined up with runs of spaces, as in text extracted from a PDF.

A PDF-to-text extractor that keeps the layout writes a table as lines whose cells stand
apart by runs of two or more spaces (or ideographic spaces), each column at about the same
place on every line — numbers right-aligned, headers centred over their column::

    产品名称        单位      产    量     比上年增长（%）
    钢材             吨      1577693          48.8
    小麦粉           吨      2296205           8.4

The columns line up either in characters or in display width — a Chinese character two
columns wide, as the glyphs stand on the page and as an editor shows them; the table is read
in the measure that holds it over more lines.

Prose extracted from a PDF has stray double spaces too, so the rule is strict, and a missed
table is preferred to a false one:

* the first line is the header: three or more cells (a spaced-out word such as
  ``产    量`` or ``类    别`` is one cell);
* the columns are set by the header and the first row: the places where both are blank for
  two characters or more are the gutters between them, and there must be three columns or
  more; the first row fills three of them, the second two;
* every later row fills two columns or more and keeps every gutter two characters wide: a
  cell may reach into a gutter from its column's side, never cross it or stand in it;
* at most one blank line lies between two rows; three lines at least;
* no line has a tab, dot leaders (``……``, ``....``, ``···``), a 。, a cell over 30
  characters, a 表N/图N caption, or a cell that is an outline marker alone (``第一章``:
  a table of contents).

Cells are read column by column, a column's pieces on a line joined into one cell; the
first line is the header, and the rest is what :func:`~govreport.tables.grid.build_table`
reads in every layout.
"""
from __future__ import annotations

from collections.abc import Sequence
from unicodedata import east_asian_width

import regex

from govreport.errors import Diagnostic
from govreport.markers import match_heading
from govreport.model import Table
from govreport.numerals import ARABIC_YEAR
from govreport.segment import Line
from govreport.span import Span
from govreport.tables.grid import GridCell, GridRow, build_table, centred_categories
from govreport.text import clean

__all__ = ["find", "read", "MAX_CELL"]

MAX_CELL = 30
"""The longest a cell may be, in characters: longer pieces are prose, not cells."""

_GAP = regex.compile(r"[ ]{2,}+")
_SPACED_GAP = 6  # the widest gap between the characters of a word spaced out (``类    别``)
_NUMBER = regex.compile(r"[-+]?[0-9][0-9,]*(?:\.[0-9]+)?%?")
_YEAR = regex.compile(ARABIC_YEAR)
_LEADERS = regex.compile(r"\.{4}|…|··|・・|‥|—{4}|_{4}")
_CAPTION = regex.compile(r"[表图][ ]*+[0-9]")
_HAN = regex.compile(r"\p{Han}")
_HAN_SPACE = regex.compile(r"(?<=\p{Han})[ ]++(?=\p{Han})")
_SPACES = regex.compile(r"[ ]{2,}+")
_WIDE = ("W", "F")  # the East Asian widths shown two columns wide

Piece = tuple[int, int, int, int]
"""``(start, end, char_start, char_end)`` of a piece of a line: where it stands, counted from
the line's beginning in characters or in display width (a Chinese character two columns
wide, see :func:`_scan`), and the character offsets of its text from the line's beginning."""


def _columns_of(norm: str, begin: int, end: int) -> list[int]:
    """The display column of each character of ``norm[begin:end]`` and of the end: a wide
    (Chinese, full-width) character takes two columns, any other one."""
    cols = [0]
    for ch in norm[begin:end]:
        cols.append(cols[-1] + (2 if east_asian_width(ch) in _WIDE else 1))
    return cols


def _pieces(norm: str, line: Line, wide: bool = False) -> list[Piece] | None:
    """The pieces of a line split at runs of two spaces or more, or ``None`` when the line
    cannot be a row (see the module docstring). Runs of one-character pieces (a word
    spaced out) are one piece. ``wide``: place them by display width, not characters."""
    start, end = line.start, line.end
    while start < end and norm[start] in "\f\v ":
        start += 1  # a page break (form feed) before the first line of a page
    if start == end or norm.find("\t", start, end) != -1 or norm.find("。", start, end) != -1:
        return None
    if _LEADERS.search(norm, start, end) or _CAPTION.match(norm, start, end):
        return None
    begin = norm.rfind("\n", 0, start) + 1
    raw: list[tuple[int, int]] = []
    pos = start
    for gap in _GAP.finditer(norm, start, end):
        raw.append((pos - begin, gap.start() - begin))
        pos = gap.end()
    raw.append((pos - begin, end - begin))
    merged: list[tuple[int, int]] = []
    spaced = False  # whether the last piece is a spaced-out word (single characters joined)
    for s, e in raw:
        single = e - s == 1 and _HAN.match(norm, begin + s) is not None
        if single and merged and s - merged[-1][1] <= _SPACED_GAP and (spaced or _is_single_han(norm, begin, merged[-1])):
            merged[-1] = (merged[-1][0], e)
            spaced = True
        else:
            merged.append((s, e))
            spaced = False
    for s, e in merged:
        if e - s > MAX_CELL:
            return None
        marker = match_heading(norm, begin + s)
        if marker is not None and begin + s + marker.end >= begin + e:
            return None
    if not wide:
        return [(s, e, s, e) for s, e in merged]
    cols = _columns_of(norm, begin, end)
    return [(cols[s], cols[e], s, e) for s, e in merged]


def _is_single_han(norm: str, begin: int, piece: tuple[int, int]) -> bool:
    s, e = piece
    return e - s == 1 and _HAN.match(norm, begin + s) is not None


class _Columns:
    """The columns of a table being read: bands of line positions and the gutters between."""

    def __init__(self, first: list[Piece], second: list[Piece]) -> None:
        bands: list[list[int]] = []
        for s, e, *_ in sorted(first + second):
            if bands and s - bands[-1][1] < 2:
                bands[-1][1] = max(bands[-1][1], e)
            else:
                bands.append([s, e])
        self.bands = bands

    def filled(self, pieces: list[Piece]) -> int:
        """How many columns ``pieces`` fill (each piece lies in one band)."""
        return len({self.band_of(p) for p in pieces})

    def band_of(self, piece: Piece) -> int:
        """The index of the band ``piece`` overlaps (two characters of slack), or -1."""
        s, e = piece[0], piece[1]
        for k, (a, b) in enumerate(self.bands):
            if s < b + 2 and e > a - 2:
                return k
        return -1

    def take(self, pieces: list[Piece]) -> bool:
        """Widen the bands to take the pieces of one more line; ``False`` (nothing changed)
        when a piece crosses a gutter, stands in one, or narrows one below two characters."""
        bands = [list(b) for b in self.bands]
        for s, e, *_ in pieces:
            near = [k for k, (a, b) in enumerate(bands) if s < b + 2 and e > a - 2]
            if len(near) != 1:
                return False
            band = bands[near[0]]
            band[0], band[1] = min(band[0], s), max(band[1], e)
        for k in range(1, len(bands)):
            if bands[k][0] - bands[k - 1][1] < 2:
                return False
        self.bands = bands
        return True


def _next_row(lines: Sequence[Line], k: int) -> int:
    """The index of the next non-blank line after ``lines[k]`` with at most one blank line
    between, or ``-1``."""
    for j in (k + 1, k + 2):
        if j < len(lines) and not lines[j].blank:
            return j
    return -1


def _header_bands(norm: str, line: Line, pieces: list[Piece], columns: _Columns) -> list[int] | None:
    """The column of each header piece: the band it overlaps most, else the nearest (a
    header is centred over its column, the cells below it aligned left or right). ``None``
    when a piece is a number other than a year: that line is a row, not a header."""
    begin = norm.rfind("\n", 0, line.start) + 1
    found: list[int] = []
    for s, e, cs, ce in pieces:
        word = norm[begin + cs : begin + ce]
        if _NUMBER.fullmatch(word) and not _YEAR.fullmatch(word):
            return None
        best, best_key = -1, (0, 0)
        for k, (a, b) in enumerate(columns.bands):
            overlap = min(e, b) - max(s, a)
            key = (overlap, 0) if overlap > 0 else (0, -max(a - e, s - b))
            if best == -1 or key > best_key:
                best, best_key = k, key
        found.append(best)
    return found


Scan = tuple[list[int], _Columns, list[int], bool]


def _scan(norm: str, lines: Sequence[Line], i: int) -> Scan | None:
    """The indices of the lines of a table starting at ``lines[i]``, its columns, the column
    of each piece of its header, and whether its columns are in display width.

    Its columns line up by characters when a tool counted one per character, by display
    width when they were set for the eye (a Chinese character two columns wide, as a PDF
    lays out its glyphs and an editor shows them): the table is read in the measure that
    holds it over more lines, characters when both hold it alike."""
    narrow = _scan_in(norm, lines, i, wide=False)
    wide = _scan_in(norm, lines, i, wide=True)
    if wide is None or (narrow is not None and len(narrow[0]) >= len(wide[0])):
        return narrow
    return wide


def _scan_in(norm: str, lines: Sequence[Line], i: int, wide: bool) -> Scan | None:
    """:func:`_scan` in one measure."""
    header = _pieces(norm, lines[i], wide)
    if header is None or len(header) < 3:
        return None
    j = _next_row(lines, i)
    k = _next_row(lines, j) if j != -1 else -1
    if k == -1:
        return None
    first, second = _pieces(norm, lines[j], wide), _pieces(norm, lines[k], wide)
    if first is None or second is None or len(first) < 2 or len(second) < 2:
        return None
    columns = _Columns(first, second)
    if len(columns.bands) < 3 or max(columns.filled(first), columns.filled(second)) < 3:
        return None
    if min(columns.filled(first), columns.filled(second)) < 2:
        return None
    header_bands = _header_bands(norm, lines[i], header, columns)
    if header_bands is None or len(set(header_bands)) < 3:
        return None
    taken = [i, j, k]
    k = _next_row(lines, k)
    while k != -1:
        pieces = _pieces(norm, lines[k], wide)
        if pieces is None or len(pieces) < 2 or not columns.take(pieces) or columns.filled(pieces) < 2:
            break
        taken.append(k)
        k = _next_row(lines, k)
    return taken, columns, header_bands, wide


def find(norm: str, lines: Sequence[Line], i: int) -> int:
    """The index after the last line of a space-aligned table starting at ``lines[i]``, or
    ``-1``. A line without two spaces in a row is rejected at once; a table that does not
    hold fails within its first three lines, so every line is looked at a bounded number
    of times."""
    line = lines[i]
    if norm.find("  ", line.start, line.end) == -1:
        return -1
    found = _scan(norm, lines, i)
    return -1 if found is None else found[0][-1] + 1


def _display(raw: str) -> str:
    """A cell's text: spaces between two Chinese characters removed (``产    量`` → ``产量``),
    other runs of spaces made one."""
    shown: str = _SPACES.sub(" ", _HAN_SPACE.sub("", clean(raw)))
    return shown


def read(text: str, norm: str, lines: Sequence[Line], diagnostics: list[Diagnostic]) -> Table | None:
    """The table in ``lines`` (the non-blank lines :func:`find` covered)."""
    found = _scan(norm, lines, 0)
    if found is None:
        return None
    taken, columns, header_bands, wide = found
    rows: list[GridRow] = []
    for n, k in enumerate(taken):
        line = lines[k]
        begin = norm.rfind("\n", 0, line.start) + 1
        pieces = _pieces(norm, line, wide) or []
        by_band: dict[int, list[Piece]] = {}
        for p, band in zip(pieces, header_bands if n == 0 else [columns.band_of(p) for p in pieces]):
            by_band.setdefault(band, []).append(p)
        cells: list[GridCell] = []
        for band in range(len(columns.bands)):
            mine = by_band.get(band)
            if not mine:
                cells.append(GridCell("", Span(line.start, line.start)))
                continue
            span = Span(begin + mine[0][2], begin + mine[-1][3])
            cells.append(GridCell(_display(text[span.start : span.end]), span))
        rows.append(GridRow(Span(line.start, line.end), tuple(cells)))
    return centred_categories(build_table(text, rows, Span(lines[0].start, lines[-1].end)), diagnostics)
