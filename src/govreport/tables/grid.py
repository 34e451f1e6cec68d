"""Rows of cells with spans → one :class:`~govreport.model.Table`.

Every layout ends here: it finds its rows and the text and span of each cell, and
:func:`build_table` decides what the rows mean, the same way for all of them. The first row
is the header (with a second row under it that only names columns, ``2025年`` and
``2030年`` under a ``目标值`` over both); a header repeated later (after a page break) is
dropped; a row whose only filled cell is bold (``<b>经济发展</b>``), or that has a single
filled cell in a table of more than two columns, becomes the category of the rows below it,
and so does a cell in a 类别 column (the rows below it leave theirs empty, or repeat a
merged cell); the unit of a row is the one its indicator name ends with (``（%）``), else
its 单位 cell, and a header naming its column's unit (``比重（%）``) gives that column's cells
their own; each number in a value column (a year's, or any but the 序号, 类别, 单位 and 属性
cells when no header names a year) gets a metric.
"""
from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from govreport.errors import Diagnostic, diagnostic
from govreport.model import Row, Table
from govreport.normalize import normalize
from govreport.span import Span
from govreport.tables.cells import YEAR_COLUMN, read_cell, row_unit, with_metric, without_footnote
from govreport.tables.indicators import (
    ATTRIBUTE_HEADERS, CATEGORY_HEADERS, INDICATOR_HEADERS, NUMBER_HEADERS, UNIT_HEADERS, bare_name,
    header_column, header_key, value_column, written_unit,
)

__all__ = ["GridCell", "GridRow", "build_table", "merge_header"]


@attrs.frozen(slots=True)
class GridCell:
    """One cell as a layout found it: its display ``text`` and the ``span`` of what is
    written for it. ``copy`` marks a cell that repeats a merged cell (a ``rowspan`` or
    ``colspan``) in a row or column other than its first: it takes the cell's value, and
    the metric stays with the first."""

    text: str
    span: Span
    copy: bool = False


@attrs.frozen(slots=True)
class GridRow:
    """One row: its span and cells; ``bold`` when the row is marked bold (``<b>``)."""

    span: Span
    cells: tuple[GridCell, ...]
    bold: bool = False


def merge_header(rows: Sequence[GridRow]) -> GridRow:
    """One header row from header rows stacked over each other: each column named by its
    texts top to bottom (a text repeated down a merged cell once), or by its year alone when
    the last names one (``目标值`` over ``2025年`` → ``2025年``)."""
    if len(rows) == 1:
        return rows[0]
    width = max(len(r.cells) for r in rows)
    cells: list[GridCell] = []
    for c in range(width):
        column = [r.cells[c] for r in rows if c < len(r.cells) and r.cells[c].text]
        names: list[str] = []
        for cell in column:
            if not names or names[-1] != cell.text:
                names.append(cell.text)
        if names and YEAR_COLUMN.fullmatch(names[-1]):
            names = names[-1:]
        cell_span = column[0].span if column else Span(rows[0].span.start, rows[0].span.start)
        cells.append(GridCell("".join(names), cell_span, copy=bool(column) and all(x.copy for x in column)))
    return GridRow(Span(rows[0].span.start, rows[-1].span.end), tuple(cells))


_HEADER_WORDS = INDICATOR_HEADERS | CATEGORY_HEADERS | NUMBER_HEADERS | UNIT_HEADERS | ATTRIBUTE_HEADERS


def _continues_header(header: Sequence[GridCell], row: GridRow) -> bool:
    """Whether ``row``, right under the header, is a second row of it: every cell empty,
    the header's cell above repeated (a merged cell written on each row), or a header word
    (``2025年``, ``目标值``, ``单位``), and at least one naming a column the row above did not
    (``目标值`` spanning ``2025年`` and ``2030年``)."""
    adds = False
    for c, cell in enumerate(row.cells):
        text = cell.text
        if not text or (c < len(header) and text == header[c].text):
            continue
        key = header_key(text)
        if key not in _HEADER_WORDS and not value_column(text)[0]:
            return False
        adds = True
    return adds


def build_table(text: str, rows: Sequence[GridRow], span: Span, *, category_col: int | None = None) -> Table:
    """The table of ``rows`` (the first is the header), spanning ``span`` of ``text``.

    A row right under the header that only names columns (``2025年``, ``2030年`` under a
    ``目标值`` written over both) is a second row of the header: the two are merged
    (:func:`merge_header`). ``category_col`` names a column that holds each row's category
    when the header does not say so (a column of cells merged over their group, say).
    """
    stacked = 1
    while stacked < min(len(rows), 3) and _continues_header(rows[0].cells, rows[stacked]):
        stacked += 1
    if stacked > 1:
        rows = [merge_header(rows[:stacked]), *rows[stacked:]]
    header: tuple[str, ...] = ()
    unit_col: int | None = None
    not_values: set[int | None] = set()
    col_units: dict[int, str] = {}
    out: list[Row] = []
    category: str | None = None
    name_col: int | None = None
    year_cols: dict[int, int] = {}
    for k, grid_row in enumerate(rows):
        cells = grid_row.cells
        texts = [c.text for c in cells]
        if k == 0:
            header = tuple(texts)
            name_col = header_column(header, INDICATOR_HEADERS)
            found = header_column(header, CATEGORY_HEADERS)
            category_col = found if found is not None else category_col
            unit_col = header_column(header, UNIT_HEADERS)
            # columns that hold no quantity of the row: its number, category, unit, attribute
            not_values = {header_column(header, NUMBER_HEADERS), category_col, unit_col,
                          header_column(header, ATTRIBUTE_HEADERS)}
            # a column whose header names its unit (比重（%）, 年末数（万人）, 增长%) is in that unit
            col_units = {i: u for i, h in enumerate(header) if i != name_col and (u := _header_unit(h))}
            # the year each value column is of (2025年, 2030年目标, 现状（2025年）)
            year_cols = {i: y for i, h in enumerate(header) if i != name_col and (y := value_column(h)[1]) is not None}
            continue
        if tuple(texts) == header:
            continue
        filled = [c.text for c in cells if c.text and not c.copy]
        if len(filled) == 1 and len(header) > 2 and (grid_row.bold or not texts[0].isdigit()):
            category = filled[0]
            continue
        col = name_col if name_col is not None else _first_text_column(texts)
        if category_col is not None and category_col != col and category_col < len(texts) and texts[category_col]:
            # a 类别 column that is the only text column names the rows: it is no category
            category = texts[category_col]
        name = texts[col] if col is not None and col < len(texts) else None
        unit = row_unit(name) if name is not None else None
        if unit is None and unit_col is not None and unit_col < len(texts):
            unit = written_unit(texts[unit_col])
        # what its cells are about: 森林覆盖率 of 森林覆盖率（%）, 城镇 of 其中：城镇
        subject = _SUB_ROW.sub("", bare_name(without_footnote(name), unit)) if name is not None else None
        row_cells = []
        for i, cell in enumerate(cells):
            read = read_cell(cell.text)
            cell_unit = col_units.get(i, unit)
            if (read.value is not None and cell_unit is not None and i != col and i not in not_values
                    and (i in year_cols or not year_cols or i in col_units)):
                raw = text[cell.span.start : cell.span.end]
                with_one = with_metric(read, raw, cell.span, cell_unit, subject, year_cols.get(i))
                read = attrs.evolve(with_one, metrics=()) if cell.copy else with_one
            row_cells.append(read)
        out.append(Row(grid_row.span, tuple(row_cells), category, unit))
    return Table(span, header, tuple(out))


def centred_categories(table: Table, diagnostics: list[Diagnostic]) -> Table:
    """``table`` read from a PDF's text, when its first row has no category but a later one
    has: each merged category cell stands in the middle of its group (a PDF centres it), so
    the rows above the first category written are of its group, and each later row keeps the
    one written above it, which for a row above a category cell may be the group before:
    a ``table-category-centred`` diagnostic says so. ``table`` as it is otherwise."""
    rows = list(table.rows)
    first = next((r.category for r in rows if r.category is not None), None)
    if not rows or rows[0].category is not None or first is None:
        return table
    for k, row in enumerate(rows):
        if row.category is not None:
            break
        rows[k] = attrs.evolve(row, category=first)
    diagnostics.append(diagnostic(
        "table-category-centred",
        "the table's first row has no category: its category cells stand mid-group, so a row is given "
        "the category written above it (the first rows the first category); check the rows between two",
        rows[0].span))
    return attrs.evolve(table, rows=tuple(rows))


_SUB_ROW = regex.compile(r"^(?:其中|在总计中|内)[：:]")


def _header_unit(cell: str) -> str | None:
    """The unit a header cell gives its column: in brackets (``比重（%）``), or a ``%`` ending it."""
    unit = row_unit(cell)
    if unit is None and normalize(cell).rstrip().endswith("%"):
        return "%"
    return unit


def _first_text_column(texts: Sequence[str]) -> int | None:
    for i, t in enumerate(texts):
        if t and not normalize(t).replace(".", "").isdigit():
            return i
    return None
