"""Table cells: what each cell of a table says.

A cell of an indicator table is more than text: ``3.8*`` is a five-year average,
``〔17〕`` a five-year cumulative figure, ``6*左右`` an approximate average, ``30以上`` a
floor, ``5.5以内`` a ceiling, ``与经济增长基本同步`` words only. :func:`read_cell` turns
each into a :class:`~govreport.model.Cell` with a value and flags; the unit comes from the
indicator name of its row (``地区生产总值增长（%）``).
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import regex

from govreport.metrics import MAGNITUDES_LONGEST_FIRST, UNITS, fold_unit
from govreport.metrics.units import RATE_DENOMINATORS
from govreport.model import Cell, Change, Flag, Metric, Qualifier
from govreport.normalize import normalize
from govreport.numerals import ARABIC_YEAR
from govreport.span import Span
from govreport.text import clean

__all__ = ["read_cell", "row_unit", "one_unit", "with_metric", "FLAGS", "YEAR_COLUMN"]

FLAGS: tuple[Flag, ...] = (Flag.FIVE_YEAR_AVERAGE, Flag.FIVE_YEAR_CUMULATIVE, Flag.APPROX, Flag.AT_LEAST,
                           Flag.AT_MOST, Flag.TEXT)
"""Every flag a cell may carry."""

# Every run of spaces is possessive (``*+``): the runs are separated only by optional parts,
# so with plain ``*`` a cell such as ``5`` + many spaces + ``x`` backtracked quadratically.
_CELL = regex.compile(
    r"(?P<pre>约|超过|不低于|不超过|不少于|>|≥|<|≤)?[ ]*+(?P<open>〔|\[|【)?[ ]*+"
    r"(?P<num>[-—]?[0-9][0-9,]*(?:\.[0-9]+)?)[ ]*+(?P<star>\\?\*)?[ ]*+(?P<close>〕|\]|】)?[ ]*+"
    r"(?P<star2>\\?\*)?[ ]*+(?P<qual>左右|以上|以内|以下|上下)?[ ]*+(?P<star3>\\?\*)?"
)
_QUALS: dict[str, Flag] = {"左右": Flag.APPROX, "上下": Flag.APPROX, "约": Flag.APPROX, "以上": Flag.AT_LEAST, "超过": Flag.AT_LEAST,
          "不低于": Flag.AT_LEAST, "不少于": Flag.AT_LEAST, ">": Flag.AT_LEAST, "≥": Flag.AT_LEAST,
          "以内": Flag.AT_MOST, "以下": Flag.AT_MOST, "不超过": Flag.AT_MOST, "<": Flag.AT_MOST, "≤": Flag.AT_MOST}
_QUALIFIER = {Flag.APPROX: Qualifier.APPROX, Flag.AT_LEAST: Qualifier.AT_LEAST, Flag.AT_MOST: Qualifier.AT_MOST}
_UNIT_IN_NAME = re.compile(r"[（(](?P<u>[^（）()]{1,8})[）)][ ]*$")
_FOOTNOTE = re.compile(r"[ ]*(?:\[[0-9]{1,2}\]|［[0-9０-９]{1,2}］|[①-⑳]|\*+|\\\*|[（(]注[0-9]{0,2}[）)]|注[0-9]{1,2})[ ]*$")
YEAR_COLUMN = re.compile(rf"(?P<y>{ARABIC_YEAR})[ ]*年?")


def without_footnote(name: str) -> str:
    """An indicator name without the footnote mark after it (``[1]``, ``①``, ``*``, ``（注2）``)."""
    return _FOOTNOTE.sub("", name, count=1) if name else name


_NO_VALUE = frozenset({"—", "——", "-", "--", "－", "–", "/", "／", "─", "──"})
"""What a cell writes for no value."""


def read_cell(raw: str) -> Cell:
    """A cell's value and flags from its text (see the module docstring)."""
    text = clean(raw)
    norm = normalize(text).strip()
    m = _CELL.fullmatch(norm)
    if m is None:
        if norm in _NO_VALUE:
            return Cell(text, None, None, ())  # a dash: the row has no value here, words or number
        flags: tuple[Flag, ...] = ()
        if norm.startswith(("〔", "[")) and norm.endswith(("〕", "]")):
            flags = (Flag.FIVE_YEAR_CUMULATIVE,)
        return Cell(text, None, None, flags + ((Flag.TEXT,) if norm else ()))
    try:
        value = Decimal(m.group("num").replace(",", "").replace("—", "-"))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return Cell(text, None, None, (Flag.TEXT,))
    found: list[Flag] = []
    if m.group("star") or m.group("star2") or m.group("star3"):
        found.append(Flag.FIVE_YEAR_AVERAGE)
    if m.group("open") and m.group("close"):
        found.append(Flag.FIVE_YEAR_CUMULATIVE)
    for word in (m.group("pre"), m.group("qual")):
        if word:
            found.append(_QUALS[word])
    return Cell(text, value, None, tuple(found))


def row_unit(name: str) -> str | None:
    """The unit written at the end of an indicator name: ``（%）``, ``（万户）``, ``（家）``, or a
    rate, ``（万元/人）``, ``（吨/年）``, ``（立方米/万元）``."""
    m = _UNIT_IN_NAME.search(without_footnote(normalize(name).strip()))
    if m is None:
        return None
    unit = m.group("u").strip()
    if unit in ("%", "‰"):
        return unit
    measure, slash, per = unit.partition("/")
    if slash and _bare_unit(per) not in RATE_DENOMINATORS and _bare_unit(per) not in UNITS:
        return None
    return unit if one_unit(measure) else None


def one_unit(unit: str) -> bool:
    """Whether ``unit`` is one unit of measure, with a magnitude before it or not (``万吨``)."""
    return _bare_unit(unit) in UNITS


def _bare_unit(unit: str) -> str:
    """``unit`` without its magnitude (``万吨`` → ``吨``), when what is left is a unit."""
    for mag in MAGNITUDES_LONGEST_FIRST:
        if unit.startswith(mag) and unit[len(mag) :] in UNITS:
            return unit[len(mag) :]
    return unit


def with_metric(cell: Cell, raw: str, span: Span, unit: str, name: str | None, year: int | None) -> Cell:
    """``cell`` with its unit and a metric for its value (read at ``span``, ``raw`` as written),
    about indicator ``name`` in ``year``; a cell without a value is returned as it is."""
    if cell.value is None:
        return cell
    base_value, base_unit = fold_unit(cell.value, unit)
    qualifier = next((_QUALIFIER[f] for f in cell.flags if f in _QUALIFIER), None)
    metric = Metric(
        text=raw, span=span, value=cell.value, unit=unit, base_value=base_value, base_unit=base_unit,
        qualifier=qualifier, indicator=name, change=Change.LEVEL, year=year,
    )
    return Cell(cell.text, cell.value, unit, cell.flags, (metric,))
