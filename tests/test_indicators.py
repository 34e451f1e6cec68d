"""Indicator rows read from tables of any layout (:mod:`govreport.tables.indicators`):
fixtures we wrote, and what the JSON lines of ``govreport indicators`` carry."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

from govreport.model import Cell, Row, Table
from govreport.serialize.indicators import indicator_rows, indicators_jsonl
from govreport.span import Span
from govreport.tables.indicators import cell_quantity, is_attribute, is_unit, read_indicators, value_column
from helpers import check_all, parse_text


@pytest.mark.parametrize(("header", "expected"), [
    ("2025年", (True, 2025)), ("2030", (True, 2030)), ("现状（2025年）", (True, 2025)), ("2030年目标", (True, 2030)),
    ("2025年目标值", (True, 2025)), ("基期值（2020年）", (True, 2020)), ("２０３０年", (True, 2030)),
    ("目标", (True, None)), ("预期值", (True, None)), ("基期值", (True, None)), ("现状", (True, None)),
    ("目 标 值", (True, None)),
    # a column named by its plan is of the plan's last year
    ("“十五五”目标", (True, 2030)), ("“十五五”规划目标", (True, 2030)), ("十四五末", (True, 2025)),
    ("“十四五”期末目标值", (True, 2025)), ("“十四五”基期值", (True, None)),
    ("属性", (False, None)), ("指标", (False, None)), ("2025年GDP", (False, None)), ("发展目标", (False, None)),
    # the plan period's averages and sums: value columns of no one year
    ("年均增长", (True, None)), ("年均增速〔累计〕", (True, None)), ("年均/累计", (True, None)),
    ("五年累计", (True, None)), ("“十五五”年均增长（%）", (True, None)), ("2026—2030年年均增长", (True, None)),
    ("累计", (True, None)), ("年 均", (True, None)),
    ("增长", (False, None)), ("责任单位", (False, None)), ("年均增长目标任务", (False, None)),
])
def test_value_columns(header, expected):
    assert value_column(header) == expected


@pytest.mark.parametrize(("text", "value", "flags", "unit"), [
    ("下降15%", Decimal("15"), ("decline",), "%"),
    ("<1%", Decimal("1"), ("at_most",), "%"),
    ("<1", Decimal("1"), ("at_most",), None),
    (">3", Decimal("3"), ("at_least",), None),
    ("≥1.5平方米", Decimal("1.5"), ("at_least",), "平方米"),
    ("增长6%左右", Decimal("6"), ("growth", "approx"), "%"),
    ("不低于95％", Decimal("95"), ("at_least",), "%"),
    ("12万人以上", Decimal("12"), ("at_least",), "万人"),
    ("3.8*", Decimal("3.8"), ("five_year_average",), None),
    ("基本消除", None, ("text",), None),
    ("2027年60%，2028年全覆盖", None, ("text",), None),
    ("提高到95%", None, ("text",), None),
    ("下降15个县", None, ("text",), None),
])
def test_value_cells_with_their_unit_inside(text, value, flags, unit):
    from govreport.tables.cells import read_cell

    assert cell_quantity(read_cell(text)) == (value, flags, unit)


@pytest.mark.parametrize(("text", "unit"), [("%", True), ("％", True), ("万平方米", True), ("微克/立方米", True),
                                             ("—", True), ("万户", True), ("预期性", False), ("指标", False),
                                             ("公园", False), ("", False)])
def test_units(text, unit):
    assert is_unit(text) is unit


def test_attributes():
    assert [is_attribute(t) for t in ("预期性", "约束性", "引导性", "约 束 性", "属性", "预期")] == [
        True, True, True, True, False, False]


def _table(header, *rows, category=None):
    span = Span(0, 0)
    return Table(span, tuple(header), tuple(Row(span, tuple(Cell(t) for t in r), category) for r in rows))


def test_columns_in_any_order_and_unit_from_its_column():
    # cells as a reader would give them: text only; values are read from the text too
    from govreport.tables.cells import read_cell

    span = Span(0, 0)
    rows = [["城市", "1", "公共图书馆数量", "个", "约束性", "12", "15以上"],
            ["", "2", "人均公园绿地面积（平方米）", "", "预期性", "〔9〕", "10*"]]
    table = Table(span, ("类型", "编号", "指标名称", "计量单位", "指标属性", "基期值", "2030年"),
                  tuple(Row(span, tuple(read_cell(t) for t in r)) for r in rows))
    inds = read_indicators(table)
    assert [(i.number, i.category, i.name, i.unit, i.attribute) for i in inds] == [
        (1, "城市", "公共图书馆数量", "个", "约束性"), (2, "城市", "人均公园绿地面积", "平方米", "预期性")]
    assert [[(v.label, v.year, v.value, v.flags) for v in i.values] for i in inds] == [
        [("基期值", None, Decimal("12"), ()), ("2030年", 2030, Decimal("15"), ("at_least",))],
        [("基期值", None, Decimal("9"), ("five_year_cumulative",)), ("2030年", 2030, Decimal("10"), ("five_year_average",))],
    ]


@pytest.mark.parametrize("header", [
    ("序号", "主要领域", "重点任务"),  # no value column
    ("年份", "2025年", "2030年"),  # no name column
    ("指标", "备注"),
])
def test_tables_that_are_not_indicator_tables(header):
    assert read_indicators(_table(header, ["1"] * len(header))) == ()


def test_an_indicator_table_needs_no_year():
    inds = read_indicators(_table(("指标", "单位", "目标", "属性"), ["河湖水质优良比例", "%", "90", "约束性"]))
    assert [(i.name, i.unit, i.attribute, i.values[0].label, i.values[0].year) for i in inds] == [
        ("河湖水质优良比例", "%", "约束性", "目标", None)]


PIPE = """\
一、主要指标

| 指标 | 单位 | 现状（2025年） | 2030年目标 | 属性 |
|---|---|---|---|---|
| 公共充电桩数量 | 万个 | 1.2 | 3以上 | 预期性 |
| 细颗粒物年均浓度 | 微克/立方米 | 30 | 26 | 约束性 |
"""


def test_pipe_table_with_a_unit_column_and_years_in_longer_headers():
    report = parse_text(PIPE)
    assert [(i.name, i.unit, i.value_for(2025).value, i.value_for(2030).value, i.attribute)
            for i in report.indicators] == [
        ("公共充电桩数量", "万个", Decimal("1.2"), Decimal("3"), "预期性"),
        ("细颗粒物年均浓度", "微克/立方米", Decimal("30"), Decimal("26"), "约束性"),
    ]
    (table,) = report.tables
    assert table.indicators == report.indicators
    check_all(report)


PERIOD_COLUMN = """\
一、主要指标

指标\t单位\t2025年\t2030年\t年均/累计\t属性
地区生产总值\t亿元\t3200\t4100\t5左右\t预期性
研发经费投入强度\t%\t2.1\t2.8\t〔0.7〕\t预期性
城镇调查失业率\t%\t5.2\t<5.5\t—\t预期性
"""


@pytest.mark.parametrize("layout", ["tabs", "pipes", "html"])
def test_a_column_of_period_averages_and_sums_is_kept_with_no_year(layout):
    """年均/累计 (or 年均增长, 五年累计) beside the year columns: its figures are values of the
    row, labelled by the column and given no year, not dropped."""
    text = PERIOD_COLUMN
    if layout != "tabs":
        head, *lines = text.split("\n\n")[1].strip().split("\n")
        rows = [line.split("\t") for line in [head, *lines]]
        if layout == "pipes":
            body = ["| " + " | ".join(r) + " |" for r in rows]
            body.insert(1, "|" + "---|" * len(rows[0]))
        else:
            body = ["<table>"] + ["<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows] + ["</table>"]
        text = "一、主要指标\n\n" + "\n".join(body) + "\n"
    report = parse_text(text)
    assert [[(v.label, v.year, v.value, v.flags) for v in i.values[2:]] for i in report.indicators] == [
        [("年均/累计", None, Decimal("5"), ("approx",))],
        [("年均/累计", None, Decimal("0.7"), ("five_year_cumulative",))],
        [("年均/累计", None, None, ())],  # a dash: no value, and no words either
    ]
    assert [i.value_for(2030).value for i in report.indicators] == [Decimal("4100"), Decimal("2.8"), Decimal("5.5")]
    check_all(report)


def test_a_name_numbered_in_its_cell_gives_the_row_its_number():
    inds = read_indicators(_table(("指标", "2030年", "属性"), ["1.森林覆盖率（%）", "20", "约束性"],
                                  ["2、人均预期寿命（岁）", "81", "预期性"], ["5G基站数（万个）", "3", "预期性"]))
    assert [(i.number, i.name, i.unit) for i in inds] == [
        (1, "森林覆盖率", "%"), (2, "人均预期寿命", "岁"), (None, "5G基站数", "万个")]
    # a 序号 column says the number: the name keeps what it opens with
    (ind,) = read_indicators(_table(("序号", "指标", "2030年"), ["7", "1.5级以上道路占比（%）", "60"]))
    assert (ind.number, ind.name) == (7, "1.5级以上道路占比")


def test_jsonl_fields():
    report = parse_text(PIPE)
    rows = [json.loads(line) for line in indicators_jsonl(report).splitlines()]
    # the fields of an indicator row first, in their places; the report's columns after them
    assert list(rows[0]) == ["number", "category", "name", "unit", "attribute",
                             "2025", "2025_value", "2025_flags", "2030", "2030_value", "2030_flags",
                             "file", "region", "report_year"]
    assert rows[0]["2030_value"] == "3" and rows[0]["2030_flags"] == "at_least"


def test_jsonl_labels_without_a_year_and_two_columns_of_one_year():
    text = "一、目标\n\n指标\t2025年基期值\t2025年目标值\t预期值\n粮食产量（万吨）\t100\t110\t下降5%\n"
    report = parse_text(text)
    (row,) = indicator_rows(report)
    assert [k for k in row if not k.endswith(("_value", "_flags"))][5:] == ["2025年基期值", "2025年目标值", "预期值"]
    assert (row["预期值_value"], row["预期值_flags"], row["unit"]) == ("5", "decline", "万吨")


def test_indicators_are_read_once_the_table_is_whole():
    """A table cut by a page break (its header repeated) gives its indicators once, all of them."""
    text = ("一、目标\n\n序号\t指标\t2030年\t属性\n1\t森林覆盖率（%）\t25\t约束性\n\n"
            "序号\t指标\t2030年\t属性\n2\t湿地保护率（%）\t60\t约束性\n")
    report = parse_text(text)
    (table,) = report.tables
    assert [i.number for i in table.indicators] == [1, 2]
    assert report.indicators == table.indicators
    check_all(report)


@pytest.mark.parametrize("mark", ["[1]", "①", "*", "（注2）"])
def test_a_footnote_mark_after_a_name_is_no_part_of_it(mark):
    text = ("第二章 主要目标\n\n| 指标 | 2025年 | “十五五”规划目标 | 属性 |\n|---|---|---|---|\n"
            f"| 人均预期寿命（岁）{mark} | 79.6 | 80.5 | 预期性 |\n")
    report = parse_text(text)
    (ind,) = report.indicators
    assert (ind.name, ind.unit, [v.year for v in ind.values]) == ("人均预期寿命", "岁", [2025, 2030])
    assert [(m.text, m.year, m.indicator) for m in report.metrics] == [("79.6", 2025, "人均预期寿命"),
                                                                      ("80.5", 2030, "人均预期寿命")]
    check_all(report)
