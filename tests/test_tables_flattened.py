"""Flattened tables (one cell a line, blank lines between cells): fixtures we wrote, the
property that finding and reading them never raises and keeps every span, and the three
flattened tables of the wild plans."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govreport import Column, Paragraph, Section, Table
from govreport.normalize import normalize
from govreport.segment import split_lines
from govreport.tables import find_regions, flattened, read_region
from govreport.tables.captions import caption_at
from helpers import SHARED, check_all, check_diagnostics, doc, kinds, parse_text


def flat(*cells: str, gap: str = "\n\n") -> str:
    """Cells one a line, as a scrape writes them."""
    return gap.join(cells) + "\n"


# A district plan's table: a caption, the 类别 cell merged over its group (written on the
# group's first row only), 属性 before the target, and one name broken over two lines.
GREEN = doc("""
    一、发展目标

    到2030年，全区生态环境质量稳步提升。

    """) + flat(
    "表2 青溪区“十五五”生态建设主要指标",
    "类别", "序号", "指标", "单位", "属性", "目标",
    "蓝绿空间", "1", "新建滨河绿道长度", "公里", "预期性", "12",
    "2", "口袋花园数量", "座", "预期性", "30",
    "低碳转型", "3", "新建公共建筑中", "绿色建筑占比", "%", "约束性", "100",
    "4", "新增充电桩", "个", "预期性", "约800",
) + doc("""

    二、主要任务

    推进生态修复。实施河道整治工程。
    """)


def test_merged_category_caption_attribute_before_target_and_broken_name():
    report = parse_text(GREEN)
    (table,) = report.tables
    assert table.caption == "表2 青溪区“十五五”生态建设主要指标"
    assert table.header == ("类别", "序号", "指标", "单位", "属性", "目标")
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["蓝绿空间", "1", "新建滨河绿道长度", "公里", "预期性", "12"],
        ["", "2", "口袋花园数量", "座", "预期性", "30"],
        ["低碳转型", "3", "新建公共建筑中绿色建筑占比", "%", "约束性", "100"],
        ["", "4", "新增充电桩", "个", "预期性", "约800"],
    ]
    assert [(r.category, r.unit) for r in table.rows] == [("蓝绿空间", "公里"), ("蓝绿空间", "座"), ("低碳转型", "%"),
                                                          ("低碳转型", "个")]
    assert [(i.number, i.category, i.name, i.unit, i.attribute) for i in report.indicators] == [
        (1, "蓝绿空间", "新建滨河绿道长度", "公里", "预期性"),
        (2, "蓝绿空间", "口袋花园数量", "座", "预期性"),
        (3, "低碳转型", "新建公共建筑中绿色建筑占比", "%", "约束性"),
        (4, "低碳转型", "新增充电桩", "个", "预期性"),
    ]
    values = [i.values[0] for i in report.indicators]
    assert [(v.label, v.year, v.value, v.flags) for v in values] == [
        ("目标", None, Decimal("12"), ()), ("目标", None, Decimal("30"), ()), ("目标", None, Decimal("100"), ()),
        ("目标", None, Decimal("800"), ("approx",)),
    ]
    # the caption belongs to the table, so it is not a title in the outline
    assert [s.title for s in report.sections] == ["发展目标", "主要任务"]
    assert kinds(report.sections[0].children) == ["Paragraph", "Table"]
    # each row spans its own cells; the table spans its caption and every cell
    assert report.source(table).startswith("表2") and report.source(table).endswith("约800")
    assert report.source(table.rows[2]).startswith("低碳转型\n\n3\n\n新建公共建筑中")
    assert report.source(table.rows[2]).endswith("100")
    metric = table.rows[0].cells[5].metrics[0]
    assert (report.source(metric), metric.unit, metric.indicator) == ("12", "公里", "新建滨河绿道长度")
    assert not report.diagnostics
    check_all(report)


# A header cell split over two lines (现状 / （2025年）), a year in the target's header,
# a 领域 column merged over its group, flags and a target in words.
SPLIT_HEADER = flat(
    "序号", "领域", "指标名称", "计量单位", "现状", "（2025年）", "2030年目标", "指标属性",
    "1", "创新", "每万人高价值发明专利拥有量", "件", "21", "30以上", "预期性",
    "2", "研发经费投入强度", "%", "3.1", "3.5左右", "预期性",
    "3", "民生", "城镇新增就业人数", "万人", "〔6.2〕", "〔6〕", "预期性",
    "4", "老旧小区改造", "—", "62%", "基本完成", "约束性",
)


def test_header_split_over_lines_and_values_labelled_by_year():
    report = parse_text("一、指标体系\n\n" + SPLIT_HEADER + "\n二、保障措施\n\n加强组织领导。\n")
    (table,) = report.tables
    assert table.header == ("序号", "领域", "指标名称", "计量单位", "现状（2025年）", "2030年目标", "指标属性")
    assert table.caption is None
    assert len(table.rows) == 4 and all(len(r.cells) == 7 for r in table.rows)
    rows = [(i.number, i.category, i.name, i.unit, i.attribute) for i in report.indicators]
    assert rows == [
        (1, "创新", "每万人高价值发明专利拥有量", "件", "预期性"),
        (2, "创新", "研发经费投入强度", "%", "预期性"),
        (3, "民生", "城镇新增就业人数", "万人", "预期性"),
        (4, "民生", "老旧小区改造", "%", "约束性"),
    ]
    first = report.indicators[0]
    assert [(v.label, v.year, v.value, v.flags) for v in first.values] == [
        ("现状（2025年）", 2025, Decimal("21"), ()), ("2030年目标", 2030, Decimal("30"), ("at_least",)),
    ]
    assert report.indicators[2].value_for(2030).flags == ("five_year_cumulative",)
    last = report.indicators[3]
    assert (last.value_for(2025).value, last.value_for(2030).value, last.value_for(2030).flags) == (
        Decimal("62"), None, ("text",))
    assert [s.title for s in report.sections] == ["指标体系", "保障措施"]
    assert not report.diagnostics
    check_all(report)


# No unit column: the unit and the direction live in the value cell; the 指标 header is
# padded with ideographic spaces; the table is a 专栏 box's body.
IN_VALUES = doc("""
    （二）主要目标。

    到2030年，城乡防灾减灾能力显著增强。

    专栏1　“十五五”时期主要指标

    """) + flat(
    "序号", "指\u3000\u3000标", "预期值", "属性",
    "1", "因灾直接经济损失占地区生产总值比例", "<0.8%", "预期性",
    "2", "较大以上火灾起数", "下降10%", "约束性",
    "3", "应急避难场所人均面积", "≥1.5平方米", "预期性",
    "4", "年均受灾人口", "<2000", "预期性",
    "5", "基层应急队伍覆盖率", "提高到95%", "预期性",
) + doc("""

    城乡防灾减灾体系更加完善。基层应急能力明显增强，隐患排查治理机制健全。
    """)


def test_units_inside_value_cells():
    report = parse_text(IN_VALUES)
    (box,) = report.columns
    assert kinds(box.children) == ["Table"]
    inds = report.indicators
    assert [(i.name, i.unit) for i in inds] == [
        ("因灾直接经济损失占地区生产总值比例", "%"), ("较大以上火灾起数", "%"), ("应急避难场所人均面积", "平方米"),
        ("年均受灾人口", None), ("基层应急队伍覆盖率", None),
    ]
    assert [(v.label, v.value, v.flags) for i in inds for v in i.values] == [
        ("预期值", Decimal("0.8"), ("at_most",)), ("预期值", Decimal("10"), ("decline",)),
        ("预期值", Decimal("1.5"), ("at_least",)), ("预期值", Decimal("2000"), ("at_most",)),
        ("预期值", None, ("text",)),
    ]
    assert [i.attribute for i in inds] == ["预期性", "约束性", "预期性", "预期性", "预期性"]
    # the prose after the box is a paragraph of the section again
    section = report.sections[-1]
    assert isinstance(section.children[-1], Paragraph)
    check_all(report)


def test_cells_that_do_not_fit_are_kept_with_a_diagnostic():
    # row 2 lost its 单位 cell: the numbering says where row 3 starts
    text = flat("序号", "指标", "单位", "目标", "属性",
                "1", "城市绿道长度", "公里", "40", "预期性",
                "2", "滨水步道长度", "25", "预期性",
                "3", "新增公园数量", "个", "8", "预期性")
    report = parse_text(text)
    (table,) = report.tables
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["1", "城市绿道长度", "公里", "40", "预期性"],
        ["2", "滨水步道长度", "25", "预期性"],
        ["3", "新增公园数量", "个", "8", "预期性"],
    ]
    codes = [d.code for d in report.diagnostics]
    assert codes == ["table-cells-unfit", "table-ragged-row"]
    unfit = report.diagnostics[0]
    assert report.text[unfit.span.start:unfit.span.end] == "2\n\n滨水步道长度\n\n25\n\n预期性"
    check_diagnostics(report)
    check_all(report)


def test_a_last_row_cut_short_is_kept_with_a_diagnostic():
    text = flat("序号", "指标", "单位", "目标", "属性",
                "1", "城市绿道长度", "公里", "40", "预期性",
                "2", "滨水步道长度") + "\n加快建设滨水空间。推进绿道贯通工程，提升市民游憩体验。\n"
    report = parse_text(text)
    (table,) = report.tables
    assert [[c.text for c in r.cells] for r in table.rows][1:] == [["2", "滨水步道长度"]]
    assert [d.code for d in report.diagnostics] == ["table-cells-unfit", "table-ragged-row"]
    assert report.text[report.diagnostics[0].span.start:report.diagnostics[0].span.end] == "2\n\n滨水步道长度"
    assert isinstance(report.body[-1], Paragraph)
    check_all(report)


def test_attribute_cells_merged_over_a_group_and_a_column_between_header_words():
    """属性 written once for a group of rows (a rowspan in the original), and a column of
    the period's figures (年均增长) between the years and 属性."""
    text = flat("序号", "指标", "2025年", "2030年", "年均增长", "属性",
                "1", "森林覆盖率（%）", "18", "20", "〔2〕", "约束性",
                "2", "湿地保护率（%）", "55", "60", "〔5〕",
                "3", "新增城镇就业（万人）", "12", "12以上", "—", "预期性",
                "4", "人均预期寿命（岁）", "80.1", "81", "〔0.9〕")
    report = parse_text(text)
    (table,) = report.tables
    assert table.header == ("序号", "指标", "2025年", "2030年", "年均增长", "属性")
    assert [(i.number, i.unit, i.attribute) for i in report.indicators] == [
        (1, "%", "约束性"), (2, "%", "约束性"), (3, "万人", "预期性"), (4, "岁", "预期性")]
    assert [[v.label for v in i.values] for i in report.indicators][0] == ["2025年", "2030年", "年均增长"]
    assert [(i.values[2].year, i.values[2].value, i.values[2].flags) for i in report.indicators] == [
        (None, Decimal("2"), ("five_year_cumulative",)), (None, Decimal("5"), ("five_year_cumulative",)),
        (None, None, ()), (None, Decimal("0.9"), ("five_year_cumulative",))]  # (a dash: no value)
    assert not report.diagnostics
    check_all(report)


def test_a_column_whose_header_is_no_header_word_between_two_that_are():
    text = flat("序号", "指标", "2030年", "牵头部门", "属性",
                "1", "森林覆盖率（%）", "20", "市林业局", "约束性",
                "2", "湿地保护率（%）", "60", "市水务局", "预期性")
    report = parse_text(text)
    (table,) = report.tables
    assert table.header == ("序号", "指标", "2030年", "牵头部门", "属性")
    assert [(i.name, [v.label for v in i.values], i.attribute) for i in report.indicators] == [
        ("森林覆盖率", ["2030年"], "约束性"), ("湿地保护率", ["2030年"], "预期性")]
    assert [r.cells[3].text for r in table.rows] == ["市林业局", "市水务局"]
    check_all(report)


def test_a_first_row_cannot_lack_a_merged_cell():
    text = flat("类别", "序号", "指标", "单位", "目标", "1", "公园数量", "个", "10", "2", "绿道长度", "公里", "20")
    report = parse_text(text)
    # no row is read as lacking its 类别: the table starts at 序号, the stray line stays outside
    (table,) = report.tables
    assert table.header == ("序号", "指标", "单位", "目标") and len(table.rows) == 2
    assert isinstance(report.body[0], Paragraph) and report.source(report.body[0]) == "类别"
    check_all(report)


def test_numbered_names_without_a_number_column():
    """A national-style table: no 序号 column, each name numbered (1.国内生产总值…), 类别 merged
    over its group and a 年均/累计 column; the numbered heading after the table stays a heading."""
    text = "一、主要指标\n\n" + flat(
        "类别", "指标", "2020年", "2025年", "年均/累计", "属性",
        "经济发展", "1.国内生产总值（GDP）增长（%）", "2.3", "—", "保持在合理区间、各年度视情提出", "预期性",
        "2.全员劳动生产率增长（%）", "2.5", "—", "高于GDP增长", "预期性",
        "绿色生态", "3.单位GDP能源消耗降低（%）", "—", "—", "〔13.5〕", "约束性",
    ) + "\n1.推进节能降碳\n\n实施重点行业节能改造。\n"
    report = parse_text(text)
    (table,) = report.tables
    assert [(r.category, r.cells[1].text) for r in table.rows] == [
        ("经济发展", "1.国内生产总值（GDP）增长（%）"), ("经济发展", "2.全员劳动生产率增长（%）"),
        ("绿色生态", "3.单位GDP能源消耗降低（%）")]
    assert [(i.number, i.category, i.name, i.unit, i.attribute) for i in report.indicators] == [
        (1, "经济发展", "国内生产总值（GDP）增长", "%", "预期性"), (2, "经济发展", "全员劳动生产率增长", "%", "预期性"),
        (3, "绿色生态", "单位GDP能源消耗降低", "%", "约束性")]
    assert [v.value for v in report.indicators[2].values] == [None, None, Decimal("13.5")]
    assert [(s.marker, s.title) for s in report.sections] == [("一、", "主要指标"), ("1.", "推进节能降碳")]
    check_all(report)


def test_category_rows_of_their_own():
    text = flat("序号", "指标", "2025年", "2030年", "属性",
                "经济发展", "1", "地区生产总值增长（%）", "5.5", "5左右", "预期性",
                "2", "数字经济核心产业增加值占比（%）", "10", "15", "预期性",
                "绿色生态", "3", "森林覆盖率（%）", "18", "20", "约束性")
    report = parse_text(text)
    (table,) = report.tables
    assert [(r.category, r.cells[0].text) for r in table.rows] == [("经济发展", "1"), ("经济发展", "2"), ("绿色生态", "3")]
    assert [(i.name, i.unit, i.value_for(2030).value) for i in report.indicators] == [
        ("地区生产总值增长", "%", Decimal("5")), ("数字经济核心产业增加值占比", "%", Decimal("15")),
        ("森林覆盖率", "%", Decimal("20")),
    ]
    check_all(report)


def test_a_table_of_paragraphs():
    """序号 / 主要领域 / 重点任务: long cells, the 领域 cell merged over its group. Not an
    indicator table (no value column), still a table."""
    text = flat("序号", "主要领域", "重点任务",
                "1", "城市更新", "推进老旧街区改造。完善公共服务设施，提升街区环境品质，让居民生活更便利。",
                "2", "开展危旧房屋排查。建立房屋安全档案，分类实施加固修缮。",
                "3", "文化传承", "保护历史建筑。建立保护名录，实施挂牌保护和日常巡查。")
    report = parse_text(text)
    (table,) = report.tables
    assert [(r.category, r.cells[0].text, len(r.cells)) for r in table.rows] == [
        ("城市更新", "1", 3), ("城市更新", "2", 3), ("文化传承", "3", 3)]
    assert table.indicators == () and report.indicators == ()
    check_all(report)


@pytest.mark.parametrize("text", [
    # header words alone on their lines, then prose: no row fits
    flat("指标", "单位", "属性", "指标是衡量发展水平的尺度，单位和属性随指标而定。", "我们将逐项落实。"),
    # short lines of an outline: no header words
    flat("一、总体要求", "（一）指导思想", "坚持稳中求进。", "（二）主要目标", "全年增长5%左右。"),
    # a lone header word and a number
    flat("目标", "1", "全面完成年度任务。"),
    # a glossary of short lines
    flat("名词解释", "序号", "名称", "含义说明", "“一网通办”是指政务服务一个入口办理。"),
], ids=["header-then-prose", "outline", "lone-word", "glossary"])
def test_prose_does_not_become_a_table(text):
    report = parse_text(text)
    assert report.tables == ()
    check_all(report)


def test_find_rejects_long_lines_at_once_and_reads_no_prose_as_a_header():
    norm = normalize("我们将围绕主要指标推进各项工作，确保完成全年目标任务。\n\n指标\n")
    lines = split_lines(norm)
    assert flattened.find(norm, lines, 0) == -1
    assert flattened.find(norm, lines, 2) == -1


def test_one_cell_a_line_without_blank_lines():
    text = flat("序号", "指标", "单位", "2030年", "1", "公共充电桩数量", "万个", "2.5", "2", "公交专用道长度", "公里", "60",
                gap="\n") + "\n推进交通设施建设。完善城市交通网络。\n"
    report = parse_text(text)
    (table,) = report.tables
    assert [(i.name, i.unit, i.value_for(2030).value) for i in report.indicators] == [
        ("公共充电桩数量", "万个", Decimal("2.5")), ("公交专用道长度", "公里", Decimal("60"))]
    check_all(report)


# -- captions ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "is_caption"), [
    ("表1 主要指标", True), ("表 3：重点项目", True), ("“十五五”城市更新主要预期指标一览表", True),
    ("某区生态建设核心指标表", True), ("某区重点任务与项目清单", True), ("主要指标（2026—2030年）", True),
    ("附件1：主要指标表", False), ("专栏1 主要指标", False), ("（三）主要指标", False), ("图2 空间布局图", False),
    ("全面完成各项主要指标。", False), ("表示各项工作推进有力", False), ("主要任务", False),
    ("序号\t指标\t主要指标", False),
])
def test_caption_lines(line, is_caption):
    norm = normalize(line)
    assert caption_at(norm, split_lines(norm)[0]) is is_caption


def test_a_caption_far_above_stays_outside():
    text = "表1 主要指标\n\n\n\n\n" + flat("序号", "指标", "单位", "目标", "1", "公园数量", "个", "10")
    report = parse_text(text)
    (table,) = report.tables
    assert table.caption is None and report.source(table).startswith("序号")
    check_all(report)


def test_json_round_trip_keeps_caption_and_indicators():
    report = parse_text(GREEN)
    data = report.to_dict()
    (table,) = [n for n in data["body"][0]["children"] if n["type"] == "table"]
    assert table["caption"] == "表2 青溪区“十五五”生态建设主要指标"
    assert [i["name"] for i in table["indicators"]][:2] == ["新建滨河绿道长度", "口袋花园数量"]
    check_all(report)


# -- properties ---------------------------------------------------------------------------------

CELLS = ["序号", "指标", "指标名称", "单位", "属性", "目标", "类别", "现状", "（2025年）", "2030年", "预期值", "1", "2",
         "3", "4", "12", "预期性", "约束性", "%", "万人", "—", "下降5%", "<1", "〔6〕", "5左右", "基本完成", "表1 主要指标",
         "一、总体要求", "专栏2 重点工程", "注：数据为初步统计。", "推进各项工作。完善制度，提升能力。", "\t", "|"]
words = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=8)
flat_text = st.lists(st.one_of(st.sampled_from(CELLS), words), max_size=60).flatmap(
    lambda cells: st.sampled_from(["\n\n", "\n", "\n\n\n"]).map(lambda gap: gap.join(cells) + "\n"))


# the same cells with a space, a line break or a blank line after each: tables whose cells
# are the words of their lines, and runs of words that only look like one
gaps = st.sampled_from([" ", " ", "  ", "\n", "\n\n", " \n"])
spaced_text = st.lists(st.tuples(st.one_of(st.sampled_from(CELLS), words), gaps), max_size=60).map(
    lambda pairs: "".join(cell + gap for cell, gap in pairs) + "\n")


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(flat_text, spaced_text))
def test_find_and_read_never_raise_and_spans_hold(text):
    norm = normalize(text)
    lines = split_lines(norm)
    previous = 0
    for first, end, layout in find_regions(norm, lines):
        assert previous <= first < end <= len(lines)
        previous = end
        region = [ln for ln in lines[first:end] if not ln.blank]
        diagnostics: list = []
        table = read_region(layout, text, norm, region, diagnostics)
        assert table is not None
        assert table.span.start == region[0].start and table.span.end == region[-1].end
        last = table.span.start
        for row in table.rows:
            assert last <= row.span.start <= row.span.end <= table.span.end
            last = row.span.end
        for d in diagnostics:
            assert table.span.start <= d.span.start <= d.span.end <= table.span.end
    report = parse_text(text)
    check_all(report)
    check_diagnostics(report)


# -- the wild plans ------------------------------------------------------------------------------

PLANS = SHARED / "wild" / "plans"
RENEWAL = PLANS / "2026_shanghai_huangpu_urban_renewal_plan.md"
HERITAGE = PLANS / "2021_shanghai_huangpu_heritage_plan.md"
EMERGENCY = PLANS / "2021_national_emergency_plan.md"


def _regions(path):
    from govreport.decode import read_document

    text = read_document(path.read_bytes(), suffix=path.suffix)
    norm = normalize(text)
    lines = split_lines(norm)
    tables = []
    for first, end, layout in find_regions(norm, lines):
        diagnostics: list = []
        table = read_region(layout, text, norm, [ln for ln in lines[first:end] if not ln.blank], diagnostics)
        assert not diagnostics
        tables.append(table)
    return tables


def _row(ind):
    return (ind.number, ind.category, ind.name, ind.unit, ind.attribute,
            [(v.label, v.year, None if v.value is None else str(v.value), v.flags) for v in ind.values])


@pytest.mark.skipif(not RENEWAL.exists(), reason=f"the wild plans are not at {PLANS}")
def test_wild_renewal_plan():
    from govreport import parse_file

    report = parse_file(RENEWAL)
    (table,) = report.tables
    assert table.caption is not None and table.caption.endswith("一览表")
    inds = report.indicators
    assert len(inds) == 12 and [i.number for i in inds] == list(range(1, 13))
    assert [i.category for i in inds].count(inds[0].category) == 3  # a merged group of three rows
    assert _row(inds[2])[3:] == ("万平方米", "预期性", [("目标", None, "50", ())])
    assert _row(inds[6])[3:5] == ("%", "预期性") and inds[6].values[0].value is None  # a target in words
    assert _row(inds[11])[3:] == ("个", "预期性", [("目标", None, "78", ())])
    assert sum(i.attribute == "约束性" for i in inds) == 3
    assert not report.diagnostics
    check_all(report)


@pytest.mark.skipif(not EMERGENCY.exists(), reason=f"the wild plans are not at {PLANS}")
def test_wild_emergency_plan():
    from govreport import parse_file

    report = parse_file(EMERGENCY)
    box = report.columns[0]
    assert kinds(box.children) == ["Table"]
    inds = report.indicators
    assert len(inds) == 7 and [i.number for i in inds] == list(range(1, 8))
    assert _row(inds[0])[3:] == ("%", "约束性", [("预期值", None, "15", ("decline",))])
    assert _row(inds[4])[3:] == (None, "预期性", [("预期值", None, "1", ("at_most",))])
    assert _row(inds[6])[3:] == ("%", "预期性", [("预期值", None, "1", ("at_most",))])
    assert [i.attribute for i in inds] == ["约束性"] * 4 + ["预期性"] * 3
    check_all(report)


@pytest.mark.skipif(not HERITAGE.exists(), reason=f"the wild plans are not at {PLANS}")
def test_wild_heritage_plan_tables():
    """Both appendix tables, read by the layout, and in a full parse (after ``附件：``, in the
    back matter, they stay tables)."""
    from govreport.tables.indicators import read_indicators

    indicators_table, tasks = _regions(HERITAGE)
    assert indicators_table.header == ("序号", "类型", "指标名称", "指标单位", "2025年目标值", "属性")
    assert indicators_table.caption is not None and indicators_table.caption.endswith("规划指标")
    inds = read_indicators(indicators_table)
    assert len(inds) == 11 and [i.number for i in inds] == list(range(1, 12))
    assert _row(inds[3])[1:] == ("红色文化", "“建筑可阅读”线下走读线路数", "条", "预期性",
                                 [("2025年目标值", 2025, "5", ())])
    assert _row(inds[4])[3:] == (None, "约束性", [("2025年目标值", 2025, None, ("text",))])  # 基本消除, unit —
    assert _row(inds[6])[3:] == ("万户", "约束性", [("2025年目标值", 2025, "2", ("at_least",))])
    assert _row(inds[7])[3] == "%"  # a full-width ％
    assert [i.category for i in inds].count("民生改善") == 3
    assert tasks.header == ("序号", "主要领域", "重点任务或项目") and len(tasks.rows) == 22
    assert read_indicators(tasks) == ()
    report = parse_text(HERITAGE.read_text(encoding="utf-8"))
    assert [len(t.rows) for t in report.tables] == [11, 22]
    assert report.indicators == inds


def test_flattened_tables_are_table_nodes():
    report = parse_text(GREEN)
    assert isinstance(report.tables[0], Table)
    assert isinstance(report.body[0], Section) and not isinstance(report.body[0], Column)


@pytest.mark.slow
def test_time_is_linear_in_the_rows_and_in_header_words_that_open_nothing():
    from helpers import assert_linear

    def table(n: int) -> str:
        cells = ["序号", "指标", "单位", "目标", "属性"]
        for k in range(1, n + 1):
            cells += [str(k % 1000), f"指标{k}", "个", str(k), "预期性"]
        return flat(*cells)

    assert_linear(parse_text, table(100), table(800), label="one long flattened table")
    noise = flat(*(["序号", "指标", "单位", "推进工作。"] * 50))
    assert_linear(parse_text, noise, noise * 8, label="header words with no rows")


def test_a_note_after_a_flattened_table_is_its_note():
    text = "一、目标\n\n" + flat("序号", "指标", "2025年", "2030年", "属性",
                              "1", "森林覆盖率（%）", "〔2〕", "20", "约束性",
                              "2", "湿地保护率（%）", "55", "60", "约束性") + "\n注：〔 〕内为五年累计数。\n\n二、任务\n\n推进工作。\n"
    report = parse_text(text)
    (table,) = report.tables
    assert table.notes == ("注：〔 〕内为五年累计数。",)
    assert [s.title for s in report.sections] == ["目标", "任务"]
    assert report.indicators[0].value_for(2025).flags == ("five_year_cumulative",)
    check_all(report)


def test_a_category_row_with_a_marker_where_the_numbering_goes_on():
    text = "一、目标\n\n" + flat("序号", "指标", "2030年", "属性",
                              "（一）经济发展", "1", "地区生产总值增长（%）", "5左右", "预期性",
                              "（二）绿色生态", "2", "森林覆盖率（%）", "20", "约束性") + "\n（三）保障措施\n\n加强组织领导。\n"
    report = parse_text(text)
    (table,) = report.tables
    assert [r.category for r in table.rows] == ["（一）经济发展", "（二）绿色生态"]
    # after the last row the heading is a heading again
    assert [s.title for s in report.sections] == ["目标", "保障措施"]
    check_all(report)
