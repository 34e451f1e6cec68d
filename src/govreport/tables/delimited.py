"""Tables written as rows of tab-separated or ``|``-separated cells (markdown pipe tables).

This is the layout of text copied from web pages, of DOCX and HTML tables as extracted
(:mod:`govreport.extract`), and of markdown.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from govreport.errors import Diagnostic
from govreport.model import Table
from govreport.segment import Line
from govreport.span import Span
from govreport.tables.grid import GridCell, GridRow, build_table
from govreport.text import clean

__all__ = ["read_table", "is_alignment_row", "find_pipe", "read_pipe"]


_PIPE = re.compile(r"(?<!\\)\|")  # a cell boundary: a ``|`` not escaped as ``\|``


def _split(line: str, sep: str) -> list[tuple[int, int]]:
    r"""``(start, end)`` of each part of ``line`` between separators (an escaped ``\|`` is
    no separator)."""
    if sep != "|":
        parts, pos = [], 0
        for part in line.split(sep):
            parts.append((pos, pos + len(part)))
            pos += len(part) + 1
        return parts
    bounds = [m.start() for m in _PIPE.finditer(line)]
    edges = [-1, *bounds, len(line)]
    return [(edges[k] + 1, edges[k + 1]) for k in range(len(edges) - 1)]


def _cells_with_spans(text: str, start: int, end: int, sep: str) -> list[tuple[str, Span]]:
    r"""The cells of one row line with their spans (stripped of surrounding spaces).

    In a pipe row the outer pipes are optional (``| a | b |`` and ``a | b``), and ``\|``
    is a ``|`` inside a cell.
    """
    line = text[start:end]
    parts = _split(line, sep)
    if sep == "|" and len(parts) > 1:
        if not line[: parts[0][1]].strip(" \u3000"):
            parts = parts[1:]  # nothing before the opening pipe
        if len(parts) > 1 and not line[parts[-1][0] :].strip(" \u3000"):
            parts = parts[:-1]  # nothing after the closing pipe
    cells: list[tuple[str, Span]] = []
    for a, b in parts:
        part = line[a:b]
        lead = len(part) - len(part.lstrip(" \u3000"))
        body = part.strip(" \u3000")
        s = start + a + lead
        cells.append((body, Span(s, s + len(body))))
    return cells


def is_alignment_row(norm: str, start: int, end: int) -> bool:
    """A markdown table's ``|:---|---:|`` line (outer pipes optional, at least one ``-``)."""
    body = norm[start:end]
    return "-" in body and not body.strip("|-: ") and ("|" in body or body.strip().startswith(("-", ":")))


def read_table(text: str, lines: Sequence[tuple[int, int]], sep: str | None = None) -> Table:
    """A table from its row lines (``(start, end)`` offsets into ``text``), with the
    meaning of its rows read by :func:`~govreport.tables.grid.build_table`.

    ``sep`` is the cell separator of every line; by default a line that opens with ``|``
    is a pipe row and any other is tab-separated. A markdown alignment row
    (``|---|:--:|``) is skipped.
    """
    rows: list[GridRow] = []
    for start, end in lines:
        raw = text[start:end]
        line_sep = sep if sep is not None else ("|" if raw.lstrip().startswith("|") else "\t")
        cells = _cells_with_spans(text, start, end, line_sep)
        if line_sep == "|" and all(not body.strip("-: ") for body, _span in cells):
            continue  # the |---|:--:| line of a markdown table
        if line_sep == "\t":
            # A line's content starts after its indent, so the empty cells that open a row
            # (under a merged 类别 cell) are tabs in that indent: put them back.
            cells[:0] = [("", Span(start, start))] * _indent_tabs(text, start)
        grid = tuple(GridCell(_display(body, line_sep), span) for body, span in cells)
        rows.append(GridRow(Span(start, end), grid, bold="<b>" in raw.lower()))
    first, last = lines[0], lines[-1]
    return build_table(text, rows, Span(first[0], last[1]))


def _display(body: str, sep: str) -> str:
    text = clean(body)
    return text.replace("\\|", "|") if sep == "|" else text


def _indent_tabs(text: str, start: int) -> int:
    """How many tabs the indent before ``start`` holds (back to the line's beginning)."""
    line_start = text.rfind("\n", 0, start) + 1
    return text.count("\t", line_start, start)


def find_pipe(norm: str, lines: Sequence[Line], i: int) -> int:
    """A markdown pipe table whose rows lack the outer pipes (``a | b``): a header line
    with a ``|``, then an alignment row (``---|:--:``) with as many cells; its rows run to
    the first line without a ``|``. (Rows that open with ``|`` are read as rows anyway, see
    :func:`govreport.segment.is_row`.) The index after its last line, or ``-1``."""
    if i + 1 >= len(lines):
        return -1
    line, below = lines[i], lines[i + 1]
    if below.blank or norm[below.start] not in "-:|" or norm[line.start] == "|":
        return -1
    if not is_alignment_row(norm, below.start, below.end) or norm.find("|", line.start, line.end) == -1:
        return -1
    if len(_split(norm[line.start : line.end], "|")) != len(_split(norm[below.start : below.end].strip("|"), "|")):
        return -1
    end = i + 2
    while end < len(lines) and not lines[end].blank and norm.find("|", lines[end].start, lines[end].end) != -1:
        end += 1
    return end


def read_pipe(text: str, norm: str, lines: Sequence[Line], diagnostics: list[Diagnostic]) -> Table | None:
    """The table of a region :func:`find_pipe` found."""
    return read_table(text, [(ln.start, ln.end) for ln in lines], sep="|")
