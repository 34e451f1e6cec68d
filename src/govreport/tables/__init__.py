"""Tables in every layout they are published in, read into the one :class:`~govreport.model.Table`.

A table reaches us in several layouts: rows of tab- or ``|``-separated cells
(:mod:`~govreport.tables.delimited`), and the layouts registered in :data:`LAYOUTS`, each a
:class:`Layout` with two functions (and a ``sign`` that spares texts without it the search):

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

import re
from collections.abc import Callable, Sequence

import attrs

from govreport.errors import Diagnostic
from govreport.model import Table
from govreport.segment import Line
from govreport.tables.cells import FLAGS, YEAR_COLUMN, read_cell, row_unit
from govreport.tables import aligned, flattened, html
from govreport.tables.delimited import find_pipe, read_pipe, read_table

__all__ = ["read_cell", "row_unit", "read_table", "FLAGS", "YEAR_COLUMN", "LAYOUTS", "Layout", "Region",
           "find_regions", "read_region"]

Finder = Callable[[str, Sequence[Line], int], int]
Reader = Callable[[str, str, Sequence[Line], list[Diagnostic]], "Table | None"]


@attrs.frozen(slots=True)
class Layout:
    """A table layout: its ``name``, ``find`` and ``read`` (see the module docstring), and
    ``sign``, a pattern any text holding such a table contains somewhere (``<table``, ``|``),
    so a text without it is not searched line by line at all; ``None`` when there is none."""

    name: str
    find: Finder
    read: Reader
    sign: re.Pattern[str] | None = None


LAYOUTS: tuple[Layout, ...] = (
    Layout("html", html.find, html.read, re.compile(r"<table", re.I)),
    Layout("pipe", find_pipe, read_pipe, re.compile(r"\|")),
    Layout("flattened", flattened.find, flattened.read),
    Layout("aligned", aligned.find, aligned.read, re.compile("  ")),
    # a header of words holds a name or number column's header beside a space (指标, 指 标)
    Layout("spaced", flattened.find_words, flattened.read_words,
           re.compile(r"[序编][ ]?号|[指][ ]?标|名[ ]?称|项[ ]?目")),
)
"""The table layouts beyond delimited rows, in the order they are tried."""

Region = tuple[int, int, str]
"""``(first, end, layout)``: ``lines[first:end]`` hold one table of ``layout``."""


def find_regions(norm: str, lines: Sequence[Line], layouts: Sequence[Layout] = LAYOUTS) -> list[Region]:
    """Every table region among ``lines``, in order and without overlaps."""
    regions: list[Region] = []
    if lines:
        first, last = lines[0].start, lines[-1].end
        layouts = [lay for lay in layouts if lay.sign is None or lay.sign.search(norm, first, last) is not None]
    if not layouts:
        return regions
    i = 0
    while i < len(lines):
        if lines[i].blank:
            i += 1
            continue
        for layout in layouts:
            end = layout.find(norm, lines, i)
            if end > i:
                regions.append((i, end, layout.name))
                i = end
                break
        else:
            i += 1
    return regions


def read_region(layout: str, text: str, norm: str, lines: Sequence[Line], diagnostics: list[Diagnostic],
                layouts: Sequence[Layout] = LAYOUTS) -> Table | None:
    """The table of ``layout`` read from ``lines``, or ``None`` when it does not read as one."""
    for candidate in layouts:
        if candidate.name == layout:
            return candidate.read(text, norm, lines, diagnostics)
    raise KeyError(f"no table layout named {layout!r}")
