"""Tables written as rows of tab-separated or ``|``-separated cells (markdown pipe tables).

This is the layout of text copied from web pages, of DOCX and HTML tables as extracted
(:mod:`govreport.extract`), and of markdown.
"""
from __future__ import annotations

from collections.abc import Sequence

from govreport.model import Cell, Row, Table
from govreport.normalize import normalize
from govreport.span import Span
from govreport.tables.cells import YEAR_COLUMN, read_cell, row_unit, with_metric
from govreport.tables.indicators import CATEGORY_HEADERS, INDICATOR_HEADERS, header_column
from govreport.text import clean

__all__ = ["read_table"]


def _cells_with_spans(text: str, start: int, end: int, sep: str) -> list[tuple[str, Span]]:
    """The cells of one row line with their spans (stripped of surrounding spaces)."""
    line = text[start:end]
    cells: list[tuple[str, Span]] = []
    pos = 0
    if sep == "|":
        inner = line.strip()
        offset = line.index(inner) if inner else 0
        if inner.startswith("|"):
            inner, offset = inner[1:], offset + 1
        if inner.endswith("|"):
            inner = inner[:-1]
        line, pos = inner, 0
    else:
        offset = 0
    for part in line.split(sep):
        lead = len(part) - len(part.lstrip(" \u3000"))
        body = part.strip(" \u3000")
        s = start + offset + pos + lead
        cells.append((body, Span(s, s + len(body))))
        pos += len(part) + 1
    return cells


def read_table(text: str, lines: Sequence[tuple[int, int]]) -> Table:
    """A table from its row lines (``(start, end)`` offsets into ``text``).

    The first row is the header; a header repeated later (after a page break) is dropped;
    a row whose only filled cell is bold (``<b>经济发展</b>``) or that has a single filled
    cell in a multi-column table becomes the category of the rows below it, and so does a
    cell in a 类别 column (the rows below it leave theirs empty).
    """
    header: tuple[str, ...] = ()
    rows: list[Row] = []
    category: str | None = None
    name_col: int | None = None
    category_col: int | None = None
    year_cols: dict[int, int] = {}
    for start, end in lines:
        raw = text[start:end]
        sep = "|" if raw.lstrip().startswith("|") else "\t"
        cells = _cells_with_spans(text, start, end, sep)
        if sep == "\t":
            # A line's content starts after its indent, so the empty cells that open a row
            # (under a merged 类别 cell) are tabs in that indent: put them back.
            cells[:0] = [("", Span(start, start))] * _indent_tabs(text, start)
        texts = [clean(c) for c, _ in cells]
        if sep == "|" and all(set(t) <= set("-: ") for t in texts):
            continue  # the |---|---| line of a markdown table
        filled = [t for t in texts if t]
        if not header:
            header = tuple(texts)
            name_col = header_column(header, INDICATOR_HEADERS)
            category_col = header_column(header, CATEGORY_HEADERS)
            year_cols = {i: int(m.group("y")) for i, h in enumerate(header) if (m := YEAR_COLUMN.fullmatch(h))}
            continue
        if tuple(texts) == header:
            continue
        if len(filled) == 1 and len(header) > 2 and ("<b>" in raw.lower() or not texts[0].isdigit()):
            category = filled[0]
            continue
        if category_col is not None and category_col < len(texts) and texts[category_col]:
            category = texts[category_col]
        col = name_col if name_col is not None else _first_text_column(texts)
        unit = row_unit(texts[col]) if col is not None and col < len(texts) else None
        row_cells = []
        for i, (body, span) in enumerate(cells):
            cell = read_cell(body)
            if cell.value is not None and unit is not None and i != col and (i in year_cols or not year_cols):
                cell = with_metric(cell, body, span, unit, texts[col] if col is not None else None,
                                    year_cols.get(i))
            row_cells.append(cell)
        rows.append(Row(Span(start, end), tuple(row_cells), category, unit))
    first, last = lines[0], lines[-1]
    return Table(Span(first[0], last[1]), header, tuple(rows))


def _indent_tabs(text: str, start: int) -> int:
    """How many tabs the indent before ``start`` holds (back to the line's beginning)."""
    line_start = text.rfind("\n", 0, start) + 1
    return text.count("\t", line_start, start)


def _first_text_column(texts: Sequence[str]) -> int | None:
    for i, t in enumerate(texts):
        if t and not normalize(t).replace(".", "").isdigit():
            return i
    return None


