"""专栏 boxes, tables and indicator tables: fixtures we wrote, and the indicator table of seed 003."""
from __future__ import annotations

from decimal import Decimal

import pytest

from govreport import Column, Figure, Paragraph
from govreport.tables import read_cell, row_unit
from helpers import SHARED, check_all, doc, kinds, parse_text


@pytest.mark.parametrize(
    ("text", "value", "flags"),
    [
        ("3.8*", Decimal("3.8"), ("five_year_average",)),
        ("3.8\\*", Decimal("3.8"), ("five_year_average",)),
        ("〔17〕", Decimal("17"), ("five_year_cumulative",)),
        ("〔 20.5 〕", Decimal("20.5"), ("five_year_cumulative",)),
        ("6*左右", Decimal("6"), ("five_year_average", "approx")),
        ("30以上", Decimal("30"), ("at_least",)),
        ("5.5以内", Decimal("5.5"), ("at_most",)),
        ("２２８．２", Decimal("228.2"), ()),
        ("1,010", Decimal("1010"), ()),
        ("与经济增长基本同步", None, ("text",)),
        ("〔完成国家下达的目标〕", None, ("five_year_cumulative", "text")),
    ],
)
def test_cells(text, value, flags):
    cell = read_cell(text)
    assert (cell.value, cell.flags) == (value, flags)


@pytest.mark.parametrize(
    ("name", "unit"),
    [("城镇化率（%）", "%"), ("市场主体数量（万户）", "万户"), ("每千人口拥有执业（助理）医师数（人）", "人"),
     ("人均预期寿命（岁）", "岁"), ("粮食产能（万吨）", "万吨"), ("高技术（制造业）占比", None), ("总体要求", None),
     # rates: a unit of measure per a unit of what it is counted against
     ("全员劳动生产率（万元/人）", "万元/人"), ("细颗粒物年均浓度（微克/立方米）", "微克/立方米"),
     ("万元地区生产总值用水量（立方米/万元）", "立方米/万元"), ("达标率（合格/总数）", None)],
)
def test_unit_from_indicator_name(name, unit):
    assert row_unit(name) == unit


def test_a_rate_in_the_name_is_the_rows_unit_and_its_cells_metrics():
    report = parse_text("一、主要指标\n\n指标\t2025年\t2030年\n全员劳动生产率（万元/人）\t18.2\t24\n")
    (ind,) = report.indicators
    assert (ind.name, ind.unit) == ("全员劳动生产率", "万元/人")
    (m,) = report.tables[0].rows[0].cells[2].metrics
    assert (m.value, m.unit, m.base_value, m.base_unit, m.year) == (Decimal("24"), "万元/人", Decimal("240000"), "元/人", 2030)
    check_all(report)


PLAN = doc("""
    # 某市国民经济和社会发展第十五个五年规划纲要

    ## 第一章 发展基础

    ### 第一节 主要目标

    到2030年，全市综合实力迈上新台阶。

    专栏 1 主要指标

    序号\t指标\t2025年\t2030年\t属性
    <b>经济发展</b>\t\t\t\t
    1\t地区生产总值增长（%）\t5.2*\t5*左右\t预期性
    2\t市场主体数量（万户）\t120.5\t150以上\t预期性

    序号\t指标\t2025年\t2030年\t属性
    <b>绿色生态</b>\t\t\t\t
    3\t单位地区生产总值能耗降低（%）\t〔14〕\t〔完成国家下达的目标〕\t约束性
    4\t城镇调查失业率（%）\t5.3\t5.5以内\t预期性

    注：1. 〔 〕内为五年累计数，\\*为五年平均数。

    2. 第2项2025年数值为初步统计。

    ## 第二章 创新驱动

    ### 第一节 建设创新平台

    建设一批创新平台。加快布局重大科研设施。

    ## 专栏2 重大创新平台

    ##### （一）实验室体系

    建设省级实验室5个，新建重点实验室20家。

    ##### （二）中试基地

    建设中试基地10个，服务企业300家以上。

    强化企业创新主体地位。支持企业牵头组建创新联合体。

    图1 创新平台布局图

    ### 第二节 培育创新人才

    引进高层次人才。完善人才服务体系。

    专栏3 人才工程

    （一）领军人才计划。支持领军人才100名。

    (二) 青年人才计划。支持青年人才1000名。
    """)


def test_indicator_table_with_repeated_header_categories_and_notes():
    report = parse_text(PLAN)
    tables = report.tables
    assert len(tables) == 1
    table = tables[0]
    assert table.header == ("序号", "指标", "2025年", "2030年", "属性")
    assert [r.category for r in table.rows] == ["经济发展", "经济发展", "绿色生态", "绿色生态"]
    assert [r.unit for r in table.rows] == ["%", "万户", "%", "%"]
    assert table.notes == ("注：1. 〔 〕内为五年累计数，*为五年平均数。", "2. 第2项2025年数值为初步统计。")
    inds = report.indicators
    assert [(i.number, i.name, i.unit, i.category, i.attribute) for i in inds] == [
        (1, "地区生产总值增长", "%", "经济发展", "预期性"),
        (2, "市场主体数量", "万户", "经济发展", "预期性"),
        (3, "单位地区生产总值能耗降低", "%", "绿色生态", "约束性"),
        (4, "城镇调查失业率", "%", "绿色生态", "预期性"),
    ]
    second = inds[1].value_for(2030)
    assert second is not None and (second.value, second.flags) == (Decimal("150"), ("at_least",))
    assert inds[2].value_for(2030).flags == ("five_year_cumulative", "text")
    cell_metric = table.rows[1].cells[2].metrics[0]
    assert (cell_metric.base_value, cell_metric.base_unit, cell_metric.year) == (Decimal("1205000"), "户", 2025)
    assert report.text[cell_metric.span.start:cell_metric.span.end] == "120.5"
    check_all(report)


def test_box_extents_sub_headings_figure_and_topic_sentence():
    report = parse_text(PLAN)
    boxes = report.columns
    assert [(b.number, b.title) for b in boxes] == [(1, "主要指标"), (2, "重大创新平台"), (3, "人才工程")]
    box2 = boxes[1]
    assert kinds(box2.children) == ["Item", "Item"]
    assert [c.text for c in box2.children] == ["实验室体系", "中试基地"]
    assert [kinds(c.children) for c in box2.children] == [["Paragraph"], ["Paragraph"]]
    # the topic-sentence paragraph after the box belongs to the section again
    section = report.section("建设创新平台")
    assert isinstance(section.children[-2], Paragraph) and section.children[-2].lead == "强化企业创新主体地位"
    assert isinstance(section.children[-1], Figure) and section.children[-1].caption == "图1 创新平台布局图"
    # nothing inside a box is a section
    assert [s.title for s in report.sections] == ["发展基础", "主要目标", "创新驱动", "建设创新平台", "培育创新人才"]


def test_box_at_the_very_end_of_the_document():
    report = parse_text(PLAN)
    last = report.columns[-1]
    assert report.text[last.span.start:last.span.end].rstrip().endswith("支持青年人才1000名。")
    assert [(c.marker, c.ordinal) for c in last.children] == [("（一）", 1), ("(二)", 2)]
    assert isinstance(report.section("培育创新人才").children[-1], Column)


def test_box_inside_a_work_report_keeps_the_outline_around_it():
    text = doc("""
        各位代表：

        一、今年工作安排

        （一）扩大有效需求

        加快项目建设。全年完成投资500亿元。

        专栏1 重点民生实事

        （一）新建养老床位1000张。

        （二）改造老旧小区100个。

        稳定扩大就业。新增城镇就业3万人。

        （二）发展现代产业

        做强制造业。新增规上企业100家。
        """)
    report = parse_text(text)
    assert [(s.depth, s.marker, s.title) for s in report.sections] == [
        (1, "一、", "今年工作安排"), (2, "（一）", "扩大有效需求"), (2, "（二）", "发展现代产业"),
    ]
    box = report.columns[0]
    assert [c.ordinal for c in box.children] == [1, 2]
    first = report.section("一/（一）")
    assert kinds(first.children) == ["Paragraph", "Column", "Paragraph"]
    check_all(report)


def test_pipe_table():
    text = doc("""
        一、主要指标

        | 指标 | 2025年 | 2030年 |
        |---|---|---|
        | 粮食产量（万吨） | 120 | 125左右 |
        | 森林覆盖率（%） | 20.1 | 22 |
        """)
    report = parse_text(text)
    (table,) = report.tables
    assert table.header == ("指标", "2025年", "2030年")
    assert [[c.text for c in r.cells] for r in table.rows] == [["粮食产量（万吨）", "120", "125左右"], ["森林覆盖率（%）", "20.1", "22"]]
    assert [(i.name, i.unit, i.value_for(2030).value) for i in report.indicators] == [
        ("粮食产量", "万吨", Decimal("125")), ("森林覆盖率", "%", Decimal("22")),
    ]
    metric = table.rows[0].cells[2].metrics[0]
    assert (metric.base_value, metric.base_unit, metric.qualifier.value) == (Decimal("1250000"), "吨", "approx")
    check_all(report)


@pytest.mark.parametrize("sep", ["\t", " | "], ids=["tabs", "pipes"])
def test_category_column_written_once_per_group(sep):
    """A 类别 column whose cell was merged over its group: only the group's first row has
    it, and the rows below it (an empty first cell, a leading tab) fall under it too."""
    rows = [
        ["类 别", "指标", "2025年", "2030年", "属性"],
        ["经济发展", "地区生产总值增长（%）", "5.5", "5左右", "预期性"],
        ["", "全员劳动生产率增长（%）", "6", "高于经济增长", "预期性"],
        ["绿色生态", "森林覆盖率（%）", "20", "22", "约束性"],
        ["", "单位地区生产总值能耗降低（%）", "〔13.5〕", "〔12〕", "约束性"],
    ]
    lines = [sep.join(r) for r in rows]
    if sep != "\t":
        lines = [f"| {ln} |" for ln in lines]
    report = parse_text("专栏1 主要指标\n\n" + "\n".join(lines) + "\n")
    (table,) = report.tables
    assert [r.category for r in table.rows] == ["经济发展", "经济发展", "绿色生态", "绿色生态"]
    assert all(len(r.cells) == 5 for r in table.rows)
    assert [(i.category, i.name, i.attribute) for i in report.indicators] == [
        ("经济发展", "地区生产总值增长", "预期性"),
        ("经济发展", "全员劳动生产率增长", "预期性"),
        ("绿色生态", "森林覆盖率", "约束性"),
        ("绿色生态", "单位地区生产总值能耗降低", "约束性"),
    ]
    assert report.indicators[3].value_for(2030).flags == ("five_year_cumulative",)
    assert not report.diagnostics
    check_all(report)


def test_the_cells_of_a_row_in_its_unit_column_s_unit_are_metrics_but_its_number_is_not():
    """The unit may stand in a 单位 column instead of the name; the 序号 and 属性 cells are
    never quantities, and a value column's year is the one its header names."""
    text = ("表1 主要指标\n\n序号\t指标名称\t2025年现状\t2030年目标\t指标属性\t单位\n"
            "1\t高速公路通车里程\t1250\t1500\t预期性\t公里\n"
            "2\t森林覆盖率（%）\t20\t22\t约束性\t\n")
    report = parse_text(text)
    (table,) = report.tables
    found = [(m.text, m.base_unit, m.year, m.indicator) for row in table.rows for c in row.cells for m in c.metrics]
    assert found == [("1250", "公里", 2025, "高速公路通车里程"), ("1500", "公里", 2030, "高速公路通车里程"),
                     ("20", "%", 2025, "森林覆盖率"), ("22", "%", 2030, "森林覆盖率")]
    check_all(report)


def test_a_header_that_names_its_column_s_unit():
    """A bulletin's table: 年末数（万人） and 比重（%） each give their column's unit; a row
    under 其中： is about what follows it."""
    text = "表1 常住人口\n\n指标\t年末数（万人）\t比重（%）\n全市常住人口\t866.60\t\n其中：城镇\t392.66\t45.31\n"
    (table,) = parse_text(text).tables
    found = [(m.text, m.unit, m.indicator) for row in table.rows for c in row.cells for m in c.metrics]
    assert found == [("866.60", "万人", "全市常住人口"), ("392.66", "万人", "城镇"), ("45.31", "%", "城镇")]


def test_a_category_column_that_is_the_only_text_column_names_the_rows():
    """A bulletin's price table: its first column is headed 类别 but holds each row's name
    (食品烟酒, 衣着 …); with no other text column it is the name, not each row's category."""
    text = "表2 居民消费价格指数\n\n类别\t指数（以上年为100）\n居民消费价格\t100.3\n食品烟酒\t99.1\n衣着\t101.2\n"
    (table,) = parse_text(text).tables
    assert [(r.category, r.cells[0].text, r.cells[1].text) for r in table.rows] == [
        (None, "居民消费价格", "100.3"), (None, "食品烟酒", "99.1"), (None, "衣着", "101.2"),
    ]


@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["adjacent", "blank-lines-between"])
def test_category_lines_without_tabs_stay_inside_the_table(gap):
    """``<b>经济发展</b>`` or ``**创新驱动**`` alone on a line, between rows: a category row
    that lost its tabs. The rows around it stay one table, also when every line is its own
    paragraph; a bold line after the last row is a paragraph again."""
    lines = [
        "序号\t指标\t2025年\t2030年\t属性",
        "<b>经济发展</b>",
        "1\t地区生产总值增长（%）\t5.5\t5左右\t预期性",
        "**创新驱动**",
        "2\t研发经费投入增长（%）\t7\t7以上\t预期性",
        "3\t每万人口高价值发明专利拥有量（件）\t9\t15\t预期性",
        "**下一步工作**",
        "全力推进各项指标落实。",
    ]
    report = parse_text("一、主要指标\n\n" + gap.join(lines) + "\n")
    (table,) = report.tables
    assert [(r.category, r.cells[0].text) for r in table.rows] == [("经济发展", "1"), ("创新驱动", "2"), ("创新驱动", "3")]
    assert [(i.number, i.category, i.unit) for i in report.indicators] == [(1, "经济发展", "%"), (2, "创新驱动", "%"), (3, "创新驱动", "件")]
    section = report.sections[0]
    assert kinds(section.children)[-2:] == ["Paragraph", "Paragraph"]
    assert report.source(section.children[-2]).strip() == "**下一步工作**"
    assert not report.diagnostics
    check_all(report)


def test_rows_separated_by_blank_lines_are_one_table():
    report = parse_text("指标\t2025年\t2030年\n\n粮食产量（万吨）\t120\t125\n\n森林覆盖率（%）\t20.1\t22\n\n今年工作很重要。\n")
    (table,) = report.tables
    assert table.header == ("指标", "2025年", "2030年")
    assert [i.name for i in report.indicators] == ["粮食产量", "森林覆盖率"]
    check_all(report)


def test_ragged_row_is_kept_with_a_diagnostic():
    text = "指标\t2025年\t2030年\n粮食产量（万吨）\t120\n森林覆盖率（%）\t20.1\t22\n"
    report = parse_text(text)
    (table,) = report.tables
    assert len(table.rows) == 2 and len(table.rows[0].cells) == 2
    assert [d.code for d in report.diagnostics] == ["table-ragged-row"]


def test_one_line_per_paragraph_table_is_one_table():
    text = "一、目标\n指标\t2025年\n粮食产量（万吨）\t120\n森林覆盖率（%）\t20.1\n今年工作很重要。\n"
    report = parse_text(text)
    assert len(report.tables) == 1 and len(report.tables[0].rows) == 2


SEED_003 = SHARED / "seeds" / "003_2687c8db5fbcc50a.txt"

# Our reading of the indicator table of seed 003: number, category, unit, 2020 and 2025
# values with flags, attribute.
_AVG, _CUM = "five_year_average", "five_year_cumulative"
EXPECTED_003 = [
    (1, "经济发展", "%", ("3.8", (_AVG,)), ("6", (_AVG, "approx")), "预期性"),
    (2, "经济发展", "%", ("4.8", (_AVG,)), ("5", (_AVG, "approx")), "预期性"),
    (3, "经济发展", "%", ("83.6", ()), ("85", ()), "预期性"),
    (4, "经济发展", "%", ("21.8", ()), ("25", ()), "预期性"),
    (5, "经济发展", "万户", ("139.68", ()), ("206", ()), "预期性"),
    (6, "创新驱动", "%", ("3.2", ()), ("3.3", ()), "预期性"),
    (7, "创新驱动", "家", ("7420", ()), ("11600", ()), "预期性"),
    (8, "创新驱动", "件", ("9", ()), ("13", ()), "预期性"),
    (9, "创新驱动", "%", ("26.1", ()), ("40", ()), "预期性"),
    (10, "创新驱动", "%", ("15.4", ()), ("30", ("at_least",)), "预期性"),
    (11, "创新驱动", "%", ("17", ()), ("30", ("at_least",)), "预期性"),
    (12, "绿色生态", "%", ("17", (_CUM,)), ("15", (_CUM,)), "约束性"),
    (13, "绿色生态", "%", ("20.5", (_CUM,)), (None, (_CUM, "text")), "约束性"),
    (14, "绿色生态", "%", ("66.9", ()), ("68", ()), "约束性"),
    (15, "绿色生态", "%", ("55", ()), (None, ("text",)), "约束性"),
    (16, "绿色生态", "%", ("13", ()), ("13.6", ()), "约束性"),
    (17, "民生福祉", "%", ("7", (_AVG,)), (None, ("text",)), "预期性"),
    (18, "民生福祉", "%", ("5.55", ()), ("5.5", ("at_most",)), "预期性"),
    (19, "民生福祉", "年", ("12.03", ()), ("12.3", ()), "约束性"),
    (20, "民生福祉", "%", ("92.3", ()), ("93", ()), "预期性"),
    (21, "民生福祉", "人", ("3.01", ()), ("3.03", ()), "预期性"),
    (22, "民生福祉", "万人", ("900.6", ()), ("1010", ()), "预期性"),
    (23, "民生福祉", "岁", ("81.89", ()), ("82.38", ()), "预期性"),
    (24, "安全保障", "万吨", ("228.2", ()), ("223", ("approx",)), "约束性"),
    (25, "安全保障", "万吨", ("3599", ()), ("4000", ()), "约束性"),
]


@pytest.mark.skipif(not SEED_003.exists(), reason=f"seed 003 is not at {SEED_003}")
def test_seed_003_indicator_table_cell_by_cell():
    from govreport import parse_file

    report = parse_file(SEED_003)
    got = []
    for ind in report.indicators:
        cells = []
        for year in (2020, 2025):
            v = ind.value_for(year)
            cells.append((None if v.value is None else str(v.value), v.flags))
        got.append((ind.number, ind.category, ind.unit, cells[0], cells[1], ind.attribute))
    assert got == EXPECTED_003
    assert len(report.indicators[0].name) > 0 and not report.indicators[0].name.endswith("）")
    (table,) = report.tables
    assert len(table.notes) == 2 and table.notes[0].startswith("注：1.")


@pytest.mark.parametrize("title_line", ["专栏 4 城市更新工程", "专栏4 城市更新工程", "### 专栏４　城市更新工程",
                                        "**专栏 4 城市更新工程**", "## **专栏4** 城市更新工程", "【专栏4】城市更新工程",
                                        "[专栏四] 城市更新工程", "专栏（四）城市更新工程", "专栏4-2　城市更新工程",
                                        "专栏 4.2 城市更新工程"])
def test_column_title_forms(title_line):
    text = f"一、城市建设\n\n完善城市功能。推进城市更新。\n\n{title_line}\n\n改造老旧小区120个，更新管网300公里。\n"
    report = parse_text(text)
    (box,) = report.columns
    assert (box.number, box.title) == (4, "城市更新工程")
    assert [m.text for m in report.metrics] == ["120个", "300公里"]


def test_indicators_command(tmp_path):
    import csv
    import io
    import subprocess
    import sys

    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "govreport", "indicators", str(path)],
                         capture_output=True, text=True, check=True).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["number"], r["name"], r["unit"], r["2030_value"], r["2030_flags"]) for r in rows] == [
        ("1", "地区生产总值增长", "%", "5", "five_year_average approx"),
        ("2", "市场主体数量", "万户", "150", "at_least"),
        ("3", "单位地区生产总值能耗降低", "%", "", "five_year_cumulative text"),
        ("4", "城镇调查失业率", "%", "5.5", "at_most"),
    ]


@pytest.mark.parametrize("second", [
    "\t\t\t2025年\t2030年\t",  # blank under the cells merged down
    "类别\t指标\t单位\t2025年\t2030年\t属性",  # or the merged cells written again
])
def test_a_second_header_row_names_the_columns_of_a_cell_spanning_them(second):
    text = ("一、主要指标\n\n类别\t指标\t单位\t目标值\t目标值\t属性\n" + second + "\n"
            "环境质量\t空气质量优良天数比率\t%\t85\t88\t约束性\n\t地表水达到或好于Ⅲ类水体比例\t%\t80\t85\t约束性\n")
    report = parse_text(text)
    (table,) = report.tables
    assert table.header == ("类别", "指标", "单位", "2025年", "2030年", "属性")
    assert [(i.category, i.name, i.value_for(2025).value, i.value_for(2030).value) for i in report.indicators] == [
        ("环境质量", "空气质量优良天数比率", Decimal("85"), Decimal("88")),
        ("环境质量", "地表水达到或好于Ⅲ类水体比例", Decimal("80"), Decimal("85"))]
    check_all(report)


def test_a_first_row_of_data_is_never_a_second_header_row():
    report = parse_text("一、主要指标\n\n指标\t2025年\t2030年\n2025年\t1\t2\n森林覆盖率（%）\t18\t20\n")
    (table,) = report.tables
    # a row with a name that is no header word is data, even when another cell looks like one
    assert [r.cells[0].text for r in table.rows] == ["2025年", "森林覆盖率（%）"]
