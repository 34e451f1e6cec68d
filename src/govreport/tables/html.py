"""Tables written as inline HTML ``<table>`` markup in text or markdown.

PDF-to-markdown converters write a table they recognise as HTML, on one line or over many:
``<table><thead><tr><th>指标</th>…</tr></thead><tbody><tr><td rowspan="2">经济发展</td>…``.
The region of such a table runs from the line holding ``<table`` to the line holding
``</table>``; a table never closed ends with the last line holding a row or cell tag
before the first blank line (where an HTML block ends in markdown), is read as far as it
goes, and is reported (``html-table-unclosed``): it never takes the text after it.

Merged cells are expanded as a browser lays them out: a ``rowspan`` cell reaches every row
it spans (so a merged 类别 cell is the category of each row of its group) and a
``colspan`` cell covers each of its columns (in the header too). The header is the rows of
``<thead>``, else the leading rows of ``<th>`` cells, else the first row and the rows its
merged cells reach down to; a column under several header rows is named by their texts
top to bottom, or by its year alone when the lowest names one (``规划目标`` over
``2025年``). Each cell's span is the text between its tags, tags at either end left out.
"""
from __future__ import annotations

import html
from collections.abc import Sequence

import attrs
import regex

from govreport.errors import Diagnostic, diagnostic
from govreport.model import Table
from govreport.tables.indicators import INDICATOR_HEADERS, header_column
from govreport.segment import Line
from govreport.span import Span
from govreport.tables.cells import YEAR_COLUMN
from govreport.tables.grid import GridCell, GridRow, build_table, merge_header
from govreport.text import clean

__all__ = ["find", "read", "MAX_COLUMNS", "MAX_SPAN"]

MAX_COLUMNS = 256
"""The most columns a table is laid out over; cells past it are left out of the rows (not
of the table's span). Real tables have a few dozen at most; the bound keeps the rows an
adversarial ``colspan`` could make in proportion to the input."""

MAX_SPAN = 1000
"""The largest ``rowspan``/``colspan`` honoured (a larger one is taken as this)."""

_OPEN = regex.compile(r"<table(?=[\s>/])", regex.I)
_CLOSE = regex.compile(r"</table\s*+>", regex.I)
_ROW_TAG = regex.compile(r"</?t[rdh](?=[\s>/])", regex.I)
# A tag or a comment; attribute values may not hold ``<`` or ``>`` (what converters write).
_TAG = regex.compile(r"<!--.*?-->|<(?P<close>/)?(?P<name>[a-zA-Z][a-zA-Z0-9]*+)(?P<attrs>[^<>]*+)>", regex.S)
_ATTR_SPAN = regex.compile(r"\b(?P<name>rowspan|colspan)\s*+=\s*+[\"']?+\s*+(?P<n>[0-9]{1,9})", regex.I)
_BOLD = frozenset(("b", "strong"))
_SECTIONS = frozenset(("thead", "tbody", "tfoot"))
_INNER_TAG = regex.compile(r"<[^<>]*+>")
_SPACE = " \t\r\n"


def find(norm: str, lines: Sequence[Line], i: int) -> int:
    """The index after the last line of an HTML table that starts at ``lines[i]``, or ``-1``.

    A line that does not begin with ``<`` is rejected at once; a line that does must hold
    ``<table``. The region runs to the line holding ``</table>``, or, when the table is
    not closed before another ``<table`` or the end, to the last line holding a row or
    cell tag before the first blank line.
    """
    line = lines[i]
    if norm[line.start] != "<" or _OPEN.search(norm, line.start, line.end) is None:
        return -1
    last_tagged = i  # the last line holding a row or cell tag before the first blank line
    blank_seen = False
    for k in range(i, len(lines)):
        ln = lines[k]
        if ln.blank:
            blank_seen = True
        elif k > i and _OPEN.search(norm, ln.start, ln.end) is not None:
            break
        elif _CLOSE.search(norm, ln.start, ln.end) is not None:
            return k + 1
        elif not blank_seen and _ROW_TAG.search(norm, ln.start, ln.end) is not None:
            last_tagged = k
    return last_tagged + 1


@attrs.define
class _Cell:
    start: int  # where its content starts (after the opening tag)
    end: int = -1  # where its content ends (before the closing tag), -1 while open
    header: bool = False
    bold: bool = False
    rowspan: int = 1
    colspan: int = 1


@attrs.define
class _Row:
    start: int
    end: int = -1
    head: bool = False  # in <thead>
    cells: list[_Cell] = attrs.Factory(list)


def _scan(norm: str, start: int, end: int) -> tuple[list[_Row], bool]:
    """The rows and cells of the first table in ``norm[start:end]``, and whether it closed.

    Unclosed cells and rows end where the next one starts, as in HTML. A table nested in a
    cell is read as part of that cell's text.
    """
    rows: list[_Row] = []
    cell: _Cell | None = None
    section = ""
    depth = 0  # tables open (the outer one is 1)
    for m in _TAG.finditer(norm, start, end):
        name = (m.group("name") or "").lower()
        if not name:
            continue  # a comment
        closing = m.group("close") is not None
        if name == "table":
            depth += -1 if closing else 1
            if depth == 0:
                _close_cell(cell, m.start())
                if rows:
                    _close_row(rows[-1], m.start())
                return rows, True
            continue
        if depth != 1:
            continue
        if name in _SECTIONS:
            section = "" if closing else name
        elif name == "tr":
            _close_cell(cell, m.start())
            cell = None
            if rows:
                _close_row(rows[-1], m.end() if closing else m.start())
            if not closing:
                rows.append(_Row(m.start(), head=section == "thead"))
        elif name in ("td", "th"):
            _close_cell(cell, m.start())
            cell = None
            if closing:
                continue
            if not rows or rows[-1].end != -1:
                rows.append(_Row(m.start(), head=section == "thead"))  # a cell outside any <tr>
            cell = _Cell(m.end(), header=name == "th")
            for a in _ATTR_SPAN.finditer(m.group("attrs")):
                n = max(1, min(int(a.group("n")), MAX_SPAN))
                if a.group("name").lower() == "rowspan":
                    cell.rowspan = n
                else:
                    cell.colspan = n
            rows[-1].cells.append(cell)
        elif name in _BOLD and cell is not None and not closing:
            cell.bold = True
    _close_cell(cell, end)
    if rows:
        _close_row(rows[-1], end)
    return rows, False


def _close_cell(cell: _Cell | None, at: int) -> None:
    if cell is not None and cell.end == -1:
        cell.end = at


def _close_row(row: _Row, at: int) -> None:
    if row.end == -1:
        row.end = at
    for c in row.cells:
        _close_cell(c, at)


def _trim(norm: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the spaces and the tags at either end."""
    while True:
        while start < end and norm[start] in _SPACE:
            start += 1
        while start < end and norm[end - 1] in _SPACE:
            end -= 1
        if start < end and norm[start] == "<":
            m = _INNER_TAG.match(norm, start, end)
            if m is not None:
                start = m.end()
                continue
        if start < end and norm[end - 1] == ">":
            lt = norm.rfind("<", start, end)
            if lt != -1 and _INNER_TAG.fullmatch(norm, lt, end):
                end = lt
                continue
        return start, end


def _display(raw: str) -> str:
    """A cell's text for display: tags dropped (``<br>`` too), entities read, lines joined."""
    return clean(html.unescape(_INNER_TAG.sub("", raw)).replace("\u00a0", " "))


def _layout(text: str, norm: str, rows: list[_Row]) -> tuple[list[GridRow], list[bool], list[tuple[int, int]]]:
    """The grid of ``rows`` with merged cells expanded, whether each row is a header row,
    and ``(row, column)`` of each text cell that spans several rows."""
    grid: list[GridRow] = []
    is_head: list[bool] = []
    leading_th = True  # whether every row so far is all <th>
    merged_text: list[tuple[int, int]] = []
    pending: dict[int, tuple[GridCell, int]] = {}  # column → (cell repeated below, rows left)
    for row in rows:
        placed: dict[int, GridCell] = {}
        for col, (copy, left) in list(pending.items()):
            placed[col] = copy
            if left > 1:
                pending[col] = (copy, left - 1)
            else:
                del pending[col]
        col = 0
        all_th = bool(row.cells)
        for cell in row.cells:
            all_th = all_th and cell.header
            while col in placed:
                col += 1
            if col >= MAX_COLUMNS:
                break
            s, e = _trim(norm, cell.start, cell.end)
            shown = _display(text[s:e])
            span = Span(s, e) if shown else Span(cell.start, cell.start)
            for c in range(col, min(col + cell.colspan, MAX_COLUMNS)):
                if c in placed:
                    continue  # overlapping merged cells: the one from above keeps its place
                placed[c] = GridCell(shown, span, copy=c != col)
                if cell.rowspan > 1:
                    pending[c] = (GridCell(shown, span, copy=True), cell.rowspan - 1)
                    if shown and not YEAR_COLUMN.fullmatch(shown) and not shown.replace(".", "").isdigit():
                        merged_text.append((len(grid), c))
            col += cell.colspan
        width = max(placed) + 1 if placed else 0
        empty = GridCell("", Span(row.start, row.start))
        cells = tuple(placed.get(c, empty) for c in range(width))
        bold = any(c.bold for c in row.cells) or (len(row.cells) == 1 and row.cells[0].header and bool(grid))
        grid.append(GridRow(Span(row.start, max(row.end, row.start)), cells, bold))
        leading_th = leading_th and all_th
        is_head.append(row.head or leading_th)
    return grid, is_head, merged_text


def _header_rows(rows: list[_Row], is_head: list[bool]) -> int:
    """How many leading rows make the header."""
    count = 0
    while count < len(is_head) and is_head[count]:
        count += 1
    if count and (count < len(rows) or any(r.head for r in rows)):
        return count
    first = rows[0].cells
    return min(max((c.rowspan for c in first), default=1), len(rows)) if first else 1


def read(text: str, norm: str, lines: Sequence[Line], diagnostics: list[Diagnostic]) -> Table | None:
    """The table in ``lines`` (see the module docstring), or ``None`` when it has no rows."""
    start, end = lines[0].start, lines[-1].end
    opening = _OPEN.search(norm, start, end)
    if opening is None:
        return None
    rows, closed = _scan(norm, opening.start(), end)
    rows = [r for r in rows if r.cells]
    if not closed:
        diagnostics.append(diagnostic("html-table-unclosed", "an HTML <table> is not closed: read as far as it goes",
                                      Span(start, end)))
    if not rows:
        return None
    grid, is_head, merged = _layout(text, norm, rows)
    n_head = _header_rows(rows, is_head)
    header = merge_header(grid[:n_head])
    name_col = header_column([c.text for c in header.cells], INDICATOR_HEADERS)
    below = {c for r, c in merged if r >= n_head}
    category_col = min((c for c in below if c < (name_col if name_col is not None else 1)), default=None)
    return build_table(text, [header, *grid[n_head:]], Span(start, end), category_col=category_col)
