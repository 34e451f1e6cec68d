"""Indicator tables read as data: one :class:`~govreport.model.Indicator` per row.

Whatever the layout a table came in, once its rows are cells under the header's columns
the same reading applies. The header says what each column is:

* the **name** column (``指标``, ``指标名称``, ``主要指标``, ``项目``, ``名称``);
* **value** columns: a header with a year (``2025年``, ``现状（2025年）``, ``2030年目标``,
  ``2025年目标值``: the value's ``year``) or a value word with none (``目标``, ``预期值``,
  ``基期值``, ``现状``: a ``label`` only);
* the **number** (``序号``), **category** (``类别``, ``类型``, ``领域`` …), **unit**
  (``单位``, ``指标单位``, ``计量单位``) and **attribute** (``属性``, ``指标属性``) columns,
  wherever they stand.

A table is an indicator table when it has a name column and at least one value column,
and either its name column says 指标 or it has a year column, a unit or an attribute
column: ``项目`` / ``目标`` / ``责任单位`` is a list of tasks, not of indicators.

A name that opens with a number (``1.国内生产总值增长``) in a table without a ``序号`` column
gives the row its number. The unit of a row is its unit column's cell, else the unit in
brackets after its name (``地区生产总值增长（%）``), else the unit written inside its value
cells (``下降15%``, ``<1%``). Spaces inside a header cell (``指　　标``) do not count.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from govreport.model import Attribute, Cell, Flag, Indicator, IndicatorValue, Table
from govreport.normalize import normalize
from govreport.numerals import ARABIC_YEAR, plan_number, plan_period
from govreport.tables.cells import one_unit, row_unit, without_footnote

__all__ = [
    "INDICATOR_HEADERS", "CATEGORY_HEADERS", "NUMBER_HEADERS", "UNIT_HEADERS", "ATTRIBUTE_HEADERS",
    "INDICATOR_FLAGS", "written_unit", "bare_name", "header_column", "header_key", "value_column", "is_unit", "is_attribute",
    "attribute_of",
    "cell_quantity", "read_indicators",
]

INDICATOR_HEADERS = frozenset({"指标", "指标名称", "主要指标", "项目", "名称", "项目名称"})
"""Header cells of the column that names each row's indicator."""

_INDICATOR_WORDS = frozenset({"指标", "指标名称", "主要指标"})
"""Name headers that say the table is of indicators; under another name header (项目, 名称)
it takes a year, a unit or an attribute column to tell indicators from a list of tasks."""

CATEGORY_HEADERS = frozenset({"类别", "分类", "类型", "指标类别", "指标类型", "领域", "主要领域", "方面", "维度"})
"""Header cells of a column that holds each row's category, written on the first row of its
group only (the cells below it were merged in the original)."""

NUMBER_HEADERS = frozenset({"序号", "编号"})
"""Header cells of the column that numbers the rows."""

UNIT_HEADERS = frozenset({"单位", "指标单位", "计量单位"})
"""Header cells of a column that holds each row's unit."""

ATTRIBUTE_HEADERS = frozenset({"属性", "指标属性", "性质", "指标性质"})
"""Header cells of the column that says 预期性 (anticipatory) or 约束性 (binding)."""

INDICATOR_FLAGS: tuple[Flag, ...] = tuple(Flag)
"""Every flag an :class:`~govreport.model.IndicatorValue` may carry: the cell flags
(:data:`govreport.tables.cells.FLAGS`), and ``decline``/``growth`` for a value cell that
says its direction (``下降15%``, ``增长5%``)."""

# A year in a header cell: 2025年, 现状（2025年）, 2030年目标, 2021-2025年 (the last one counts).
_YEAR = re.compile(rf"(?<![0-9])({ARABIC_YEAR})(?![0-9])")
# What a value column's header says besides its year.
_VALUE_WORDS = re.compile(
    r"(?:十[一二三四五六七八九]五(?:时期|期间|期|末)?)?"
    r"(?:(?:基期|基准|基数|现状|现值|目标|预期|规划|完成|实际|预计|期末|预测)(?:值|目标|目标值|水平|数|数值)?)?"
)
_HEADER_NOISE = str.maketrans("", "", "（）()〔〕[]【】“”\"'《》年末度")
# A column of the plan period's figures, its 年 removed with the noise: 年均增长, 年均增速〔累计〕,
# 年均/累计, 五年累计, “十四五”年均增长（%）, 2026—2030年年均增长. Its cells give no year.
_PERIOD_WORDS = re.compile(
    r"(?:十[一二三四五六七八九]五(?:时期|期间|期)?)?"
    r"(?:(?:年?均|平均)(?:增长率?|增速|增幅|提高|下降|降低)?%?(?:[/、或]?(?:五)?累计(?:增长|增量|提高|下降|降低)?)?"
    r"|五?累计(?:增长|增量|提高|下降|降低)?)%?"
)


def header_key(cell: str) -> str:
    """A header cell with every space removed (``指　　标`` → ``指标``)."""
    return "".join(normalize(cell).split())


def header_column(header: Sequence[str], names: frozenset[str]) -> int | None:
    """The first column whose header cell, spaces removed (``类 别``), is one of ``names``."""
    for i, cell in enumerate(header):
        if header_key(cell) in names:
            return i
    return None


def value_column(cell: str) -> tuple[bool, int | None]:
    """Whether a header cell heads a value column, and the year it names.

    ``2025年`` → ``(True, 2025)``; ``现状（2025年）`` → ``(True, 2025)``; ``目标`` →
    ``(True, None)``; ``属性`` → ``(False, None)``.
    """
    key = header_key(cell)
    years = _YEAR.findall(key)
    rest = _YEAR.sub("", key).translate(_HEADER_NOISE).strip("-—~～至到")
    if rest and _PERIOD_WORDS.fullmatch(rest) is not None:
        return True, None  # the period's average or sum: of no one year
    if _VALUE_WORDS.fullmatch(rest) is None or not (rest or years):
        return False, None
    if not years:
        return True, _plan_end(rest)
    return True, int(years[-1])


_PLAN_TARGET = re.compile(r"(?P<plan>十[一二三四五六七八九]五)(?:时期|期间|期)?(?:规划|目标|预期|期末)*(?:值|目标|目标值|水平|数|数值)?")


def _plan_end(rest: str) -> int | None:
    """The year a value column named by its plan is of: the plan's last (``“十五五”规划目标``,
    ``十四五末`` → 2030, 2025); ``None`` for any other header (a baseline, 基期值)."""
    m = _PLAN_TARGET.fullmatch(rest)
    return plan_period(plan_number(m.group("plan")))[1] if m is not None else None


_DASHES = frozenset({"—", "——", "-", "--", "/", "－", "–", "无", "一"})


def written_unit(text: str) -> str | None:
    """The unit a 单位 cell names (``公里``, ``%``, ``万元/人``), or ``None`` for a dash (a row
    without a unit) or words that are no unit."""
    unit = "".join(normalize(text).split())
    return unit if unit and unit not in _DASHES and is_unit(unit) else None


def is_unit(text: str) -> bool:
    """Whether a cell is a unit of measure (``%``, ``万平方米``, ``微克/立方米``) or a dash
    standing for none (``—``)."""
    unit = "".join(normalize(text).split())
    if not unit:
        return False
    if unit in _DASHES:
        return True
    return all(one_unit(part) for part in unit.split("/")) if "/" in unit else one_unit(unit)


_ATTRIBUTES: dict[str, Attribute] = {a.value: a for a in Attribute}


def attribute_of(text: str) -> Attribute | None:
    """The indicator attribute a cell says (``预期性``, ``约束性``, ``引导性`` …), or ``None``."""
    return _ATTRIBUTES.get("".join(normalize(text).split()))


def is_attribute(text: str) -> bool:
    """Whether a cell is an indicator attribute: ``预期性``, ``约束性``, ``引导性`` …"""
    return attribute_of(text) is not None


# A value cell with its direction and unit inside: 下降15%, <1%, 增长5%左右, 不低于95%.
_QUANTITY = re.compile(
    r"(?P<pre>下降|降低|减少|增长|提高|上升|增加|不低于|不少于|不超过|不高于|超过|低于|高于|小于|大于|达到|约|>|≥|<|≤)?"
    r"[ ]*(?P<num>[0-9][0-9,]*(?:\.[0-9]+)?)[ ]*(?P<rest>[^0-9 ]*)"
)
_PRE_FLAGS: dict[str, Flag] = {
    "下降": Flag.DECLINE, "降低": Flag.DECLINE, "减少": Flag.DECLINE, "增长": Flag.GROWTH, "提高": Flag.GROWTH,
    "上升": Flag.GROWTH, "增加": Flag.GROWTH, "不低于": Flag.AT_LEAST, "不少于": Flag.AT_LEAST, "超过": Flag.AT_LEAST,
    "高于": Flag.AT_LEAST, "大于": Flag.AT_LEAST, ">": Flag.AT_LEAST, "≥": Flag.AT_LEAST, "不超过": Flag.AT_MOST,
    "不高于": Flag.AT_MOST, "低于": Flag.AT_MOST, "小于": Flag.AT_MOST, "<": Flag.AT_MOST, "≤": Flag.AT_MOST, "约": Flag.APPROX,
}
_QUALS = (("左右", Flag.APPROX), ("上下", Flag.APPROX), ("以上", Flag.AT_LEAST), ("以内", Flag.AT_MOST), ("以下", Flag.AT_MOST))


def cell_quantity(cell: Cell) -> tuple[Decimal | None, tuple[Flag, ...], str | None]:
    """A value cell's ``(value, flags, unit written in it)``.

    A cell that :func:`~govreport.tables.cells.read_cell` read as a number keeps its value
    and flags. A cell in words that is one quantity with its unit or direction inside
    (``下降15%`` → 15, ``decline``, ``%``; ``<1%`` → 1, ``at_most``, ``%``) is read here; any
    other text stays text (value ``None``).
    """
    if cell.value is not None or not cell.text:
        return cell.value, cell.flags, cell.unit
    norm = "".join(normalize(cell.text).split())
    m = _QUANTITY.fullmatch(norm)
    if m is None:
        return None, cell.flags, None
    rest = m.group("rest")
    flags: list[Flag] = []
    if m.group("pre"):
        flags.append(_PRE_FLAGS[m.group("pre")])
    for word, flag in _QUALS:
        if rest.endswith(word):
            rest = rest[: -len(word)]
            flags.append(flag)
            break
    if rest and not one_unit(rest):
        return None, cell.flags, None
    try:
        value = Decimal(m.group("num").replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return None, cell.flags, None
    return value, tuple(dict.fromkeys(flags)), rest or None


def read_indicators(table: Table) -> tuple[Indicator, ...]:
    """Every row of ``table`` as an :class:`~govreport.model.Indicator`, or ``()`` when the
    table is not an indicator table (see the module docstring)."""
    header = table.header
    name_col = header_column(header, INDICATOR_HEADERS)
    if name_col is None:
        return ()
    number_col = header_column(header, NUMBER_HEADERS)
    category_col = header_column(header, CATEGORY_HEADERS)
    unit_col = header_column(header, UNIT_HEADERS)
    attr_col = header_column(header, ATTRIBUTE_HEADERS)
    roles = {name_col, number_col, category_col, unit_col, attr_col}
    values: list[tuple[int, str, int | None]] = []
    for i, cell in enumerate(header):
        if i in roles:
            continue
        is_value, year = value_column(cell)
        if is_value:
            values.append((i, header_key(cell), year))
    if not values:
        return ()
    if (header_key(header[name_col]) not in _INDICATOR_WORDS and attr_col is None and unit_col is None
            and all(year is None for _i, _label, year in values)):
        return ()  # 项目 / 目标 / 责任单位: a list of tasks with their aims, not indicators
    found: list[Indicator] = []
    category: str | None = None
    for row in table.rows:
        cells = row.cells
        if name_col >= len(cells) or not cells[name_col].text:
            continue
        number = None
        if number_col is not None and number_col < len(cells):
            digits = normalize(cells[number_col].text).strip()
            number = int(digits) if digits.isascii() and digits.isdigit() else None
        if category_col is not None and category_col < len(cells) and cells[category_col].text:
            category = cells[category_col].text
        row_category = row.category if row.category is not None else category
        unit = row.unit
        if unit is None and unit_col is not None and unit_col < len(cells):
            unit = written_unit(cells[unit_col].text)
        name = without_footnote(cells[name_col].text)
        if number is None:
            nm = _NUMBERED_NAME.match(normalize(name))
            if nm is not None:  # 1.国内生产总值（GDP）增长（%）: the row's number, written in its name
                number, name = int(nm.group("n")), name[nm.end():]
        if unit is None:
            unit = row_unit(name)
        read: list[IndicatorValue] = []
        for i, label, year in values:
            if i >= len(cells):
                continue
            value, flags, cell_unit = cell_quantity(cells[i])
            if unit is None and cell_unit is not None:
                unit = cell_unit
            read.append(IndicatorValue(label, cells[i].text, year, value, flags))
        attribute = None
        if attr_col is not None and attr_col < len(cells):
            attribute = attribute_of(cells[attr_col].text)
        found.append(Indicator(bare_name(name, unit), row.span, number, unit, row_category,
                               tuple(read), attribute))
    return tuple(found)


_NUMBERED_NAME = re.compile(r"[ ]*(?P<n>[0-9]{1,2})[ ]*[.、](?![0-9])[ ]*")
"""The number an indicator name may open with when the table has no 序号 column."""


def bare_name(name: str, unit: str | None) -> str:
    """The indicator name without the unit in brackets at its end."""
    if unit:
        for suffix in (f"（{unit}）", f"({unit})"):
            if name.endswith(suffix):
                return name[: -len(suffix)].rstrip()
        if row_unit(name) == unit:
            cut = max(name.rfind("（"), name.rfind("("))
            return name[:cut].rstrip() if cut > 0 else name
    return name
