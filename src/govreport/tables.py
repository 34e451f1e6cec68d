"""Tables: rows of tab-separated or pipe-separated cells, and what each cell says.

A cell of an indicator table is more than text: ``3.8*`` is a five-year average,
``〔17〕`` a five-year cumulative figure, ``6*左右`` an approximate average, ``30以上`` a
floor, ``5.5以内`` a ceiling, ``与经济增长基本同步`` words only. :func:`read_cell` turns
each into a :class:`~govreport.model.Cell` with a value and flags; the unit comes from the
indicator name of its row (``地区生产总值增长（%）``).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation

import regex

from govreport.metrics import MAGNITUDES_LONGEST_FIRST, UNITS, fold_unit
from govreport.model import CATEGORY_HEADERS, INDICATOR_HEADERS, Cell, Change, Metric, Qualifier, Row, Table, header_column
from govreport.normalize import normalize
from govreport.span import Span
from govreport.text import clean

__all__ = ["read_cell", "row_unit", "read_table", "FLAGS", "YEAR_COLUMN"]

FLAGS = ("five_year_average", "five_year_cumulative", "approx", "at_least", "at_most", "text")
"""Every flag a cell may carry."""

# Every run of spaces is possessive (``*+``): the runs are separated only by optional parts,
# so with plain ``*`` a cell such as ``5`` + many spaces + ``x`` backtracked quadratically.
_CELL = regex.compile(
    r"(?P<pre>约|超过|不低于|不超过|不少于|>|≥|<|≤)?[ ]*+(?P<open>〔|\[|【)?[ ]*+"
    r"(?P<num>[-—]?[0-9][0-9,]*(?:\.[0-9]+)?)[ ]*+(?P<star>\\?\*)?[ ]*+(?P<close>〕|\]|】)?[ ]*+"
    r"(?P<star2>\\?\*)?[ ]*+(?P<qual>左右|以上|以内|以下|上下)?[ ]*+(?P<star3>\\?\*)?"
)
_QUALS = {"左右": "approx", "上下": "approx", "约": "approx", "以上": "at_least", "超过": "at_least",
          "不低于": "at_least", "不少于": "at_least", ">": "at_least", "≥": "at_least",
          "以内": "at_most", "以下": "at_most", "不超过": "at_most", "<": "at_most", "≤": "at_most"}
_QUALIFIER = {"approx": Qualifier.APPROX, "at_least": Qualifier.AT_LEAST, "at_most": Qualifier.AT_MOST}
_UNIT_IN_NAME = re.compile(r"[（(](?P<u>[^（）()]{1,8})[）)][ ]*$")
YEAR_COLUMN = re.compile(r"(?P<y>(?:19|20)[0-9]{2})[ ]*年?")


def read_cell(raw: str) -> Cell:
    """A cell's value and flags from its text (see the module docstring)."""
    text = clean(raw)
    norm = normalize(text).strip()
    m = _CELL.fullmatch(norm)
    if m is None:
        flags: tuple[str, ...] = ()
        if norm.startswith(("〔", "[")) and norm.endswith(("〕", "]")):
            flags = ("five_year_cumulative",)
        return Cell(text, None, None, flags + (("text",) if norm else ()))
    try:
        value = Decimal(m.group("num").replace(",", "").replace("—", "-"))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return Cell(text, None, None, ("text",))
    found: list[str] = []
    if m.group("star") or m.group("star2") or m.group("star3"):
        found.append("five_year_average")
    if m.group("open") and m.group("close"):
        found.append("five_year_cumulative")
    for word in (m.group("pre"), m.group("qual")):
        if word:
            found.append(_QUALS[word])
    return Cell(text, value, None, tuple(found))


def row_unit(name: str) -> str | None:
    """The unit written at the end of an indicator name: ``（%）``, ``（万户）``, ``（家）``."""
    m = _UNIT_IN_NAME.search(normalize(name).strip())
    if m is None:
        return None
    unit = m.group("u").strip()
    bare = unit
    for mag in MAGNITUDES_LONGEST_FIRST:
        if bare.startswith(mag) and bare[len(mag) :] in UNITS:
            bare = bare[len(mag) :]
            break
    return unit if bare in UNITS or unit in ("%", "‰") else None


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


MetricFn = Callable[..., "tuple[Metric, ...]"]


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
                cell = _with_metric(cell, body, span, unit, texts[col] if col is not None else None,
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


def _with_metric(cell: Cell, raw: str, span: Span, unit: str, name: str | None, year: int | None) -> Cell:
    if cell.value is None:
        return cell
    base_value, base_unit = fold_unit(cell.value, unit)
    qualifier = next((_QUALIFIER[f] for f in cell.flags if f in _QUALIFIER), None)
    metric = Metric(
        text=raw, span=span, value=cell.value, unit=unit, base_value=base_value, base_unit=base_unit,
        qualifier=qualifier, indicator=name, change=Change.LEVEL, year=year,
    )
    return Cell(cell.text, cell.value, unit, cell.flags, (metric,))
