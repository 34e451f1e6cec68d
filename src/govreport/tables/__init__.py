"""Tables in every layout they are published in, read into the one :class:`~govreport.model.Table`.

A table reaches us in several layouts: rows of tab- or ``|``-separated cells
(:mod:`~govreport.tables.delimited`), and the layouts registered in :data:`LAYOUTS`, each a
module with two functions:

``find(norm, lines, i) -> int``
    Whether a table of this layout starts at ``lines[i]``: the index just after its last
    line, or ``-1``. Asked at every non-blank line of the body, so it must reject a line that
    cannot open its layout at once (by its first character, say).
``read(text, norm, lines, diagnostics) -> Table | None``
    The table read from ``lines`` (the non-blank lines ``find`` covered). What does not fit
    the table's columns is said in ``diagnostics``, not guessed silently.

The segmenter groups each region :func:`find_regions` reports into one block, so no
paragraph rule or page-break join ever sees a table's lines one by one, and the table rule
hands the block to its layout's reader (:func:`read_region`).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from govreport.errors import Diagnostic
from govreport.model import Table
from govreport.segment import Line
from govreport.tables.cells import FLAGS, YEAR_COLUMN, read_cell, row_unit
from govreport.tables import aligned, flattened, html
from govreport.tables.delimited import find_pipe, read_pipe, read_table

__all__ = ["read_cell", "row_unit", "read_table", "FLAGS", "YEAR_COLUMN", "LAYOUTS", "Region",
           "find_regions", "read_region"]

Finder = Callable[[str, Sequence[Line], int], int]
Reader = Callable[[str, str, Sequence[Line], list[Diagnostic]], "Table | None"]

LAYOUTS: tuple[tuple[str, Finder, Reader], ...] = (
    ("html", html.find, html.read),
    ("pipe", find_pipe, read_pipe),
    ("flattened", flattened.find, flattened.read),
    ("aligned", aligned.find, aligned.read),
)
"""The table layouts beyond delimited rows, in the order they are tried: ``(name, find, read)``."""

Region = tuple[int, int, str]
"""``(first, end, layout)``: ``lines[first:end]`` hold one table of ``layout``."""


def find_regions(norm: str, lines: Sequence[Line], layouts: Sequence[tuple[str, Finder, Reader]] = LAYOUTS) -> list[Region]:
    """Every table region among ``lines``, in order and without overlaps."""
    regions: list[Region] = []
    if not layouts:
        return regions
    i = 0
    while i < len(lines):
        if lines[i].blank:
            i += 1
            continue
        for name, find, _read in layouts:
            end = find(norm, lines, i)
            if end > i:
                regions.append((i, end, name))
                i = end
                break
        else:
            i += 1
    return regions


def read_region(layout: str, text: str, norm: str, lines: Sequence[Line], diagnostics: list[Diagnostic],
                layouts: Sequence[tuple[str, Finder, Reader]] = LAYOUTS) -> Table | None:
    """The table of ``layout`` read from ``lines``, or ``None`` when it does not read as one."""
    for name, _find, read in layouts:
        if name == layout:
            return read(text, norm, lines, diagnostics)
    raise KeyError(f"no table layout named {layout!r}")
