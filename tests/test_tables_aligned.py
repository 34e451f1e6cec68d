"""Tables lined up with runs of spaces, as a PDF-to-text extractor writes them; and the prose,
contents and headings of PDF text that must not become one. Fixtures are invented."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govreport.normalize import normalize
from govreport.segment import split_lines
from govreport.tables import aligned, find_regions
from helpers import assert_linear, check_all, check_layout, doc, kinds, parse_text

# Centred header cells, a word spaced out (类    别, 目  标  值), numbers aligned right, the
# category written on the first row of its group only, a blank line inside the table.
PDF_TABLE = """\
                      表3   临川市“十五五”主要指标

       类    别               指标名称                   2025年        目  标  值
   经济发展        地区生产总值增长（%）                       5.6          5左右
                   全员劳动生产率增长（%）                     6.1          6以上
   绿色生态        森林覆盖率（%）                             41.2           43

                   单位地区生产总值能耗降低（%）             〔14〕        〔13.5〕
   民生福祉        城镇新增就业（万人）                        〔21〕          〔22〕

"""


def test_pdf_style_table_is_read_with_its_columns():
    text = "第一章 主要目标\n\n到2030年，全市经济实力显著增强。\n\n" + PDF_TABLE + "第二章 重点任务\n\n推进产业升级。\n"
    report = parse_text(text)
    (table,) = report.tables
    assert table.header == ("类别", "指标名称", "2025年", "目标值")
    assert [(r.category, r.cells[1].text, r.cells[2].text, r.cells[3].text) for r in table.rows] == [
        ("经济发展", "地区生产总值增长（%）", "5.6", "5左右"),
        ("经济发展", "全员劳动生产率增长（%）", "6.1", "6以上"),
        ("绿色生态", "森林覆盖率（%）", "41.2", "43"),
        ("绿色生态", "单位地区生产总值能耗降低（%）", "〔14〕", "〔13.5〕"),
        ("民生福祉", "城镇新增就业（万人）", "〔21〕", "〔22〕"),
    ]
    assert all(len(r.cells) == 4 for r in table.rows)
    (m,) = table.rows[0].cells[2].metrics
    assert (m.value, m.unit, m.year, report.text[m.span.start : m.span.end]) == (Decimal("5.6"), "%", 2025, "5.6")
    assert table.rows[3].cells[3].flags == ("five_year_cumulative",)
    assert [s.title for s in report.sections] == ["主要目标", "重点任务"]
    chapter = report.sections[0]
    assert kinds(chapter.children) == ["Paragraph", "Table"]  # the caption line above is the table's
    assert "".join(table.caption.split()) == "表3临川市“十五五”主要指标"
    assert not report.diagnostics
    check_all(report)


# Set for the eye: each Chinese character two columns wide, so the columns line up on screen
# (and on the page) while the character counts before them differ from row to row.
BY_DISPLAY_WIDTH = """\
类别      指标名称                    单位        2025年     2030年      属性
经济发展  地区生产总值增长            %           6.1        5左右       预期性
          全员劳动生产率              万元/人     18.2       24          预期性
绿色生态  单位地区生产总值能耗降低    %           —          〔13.5〕    约束性
"""


def test_columns_lined_up_in_display_width():
    report = parse_text("第二章 主要目标\n\n" + BY_DISPLAY_WIDTH + "\n第三章 创新驱动\n\n创新是第一动力。\n")
    (table,) = report.tables
    assert table.header == ("类别", "指标名称", "单位", "2025年", "2030年", "属性")
    assert [(i.category, i.name, i.unit, i.value_for(2030).text, i.attribute) for i in report.indicators] == [
        ("经济发展", "地区生产总值增长", "%", "5左右", "预期性"), ("经济发展", "全员劳动生产率", "万元/人", "24", "预期性"),
        ("绿色生态", "单位地区生产总值能耗降低", "%", "〔13.5〕", "约束性")]
    check_all(report)


def test_ideographic_spaces_separate_cells_too():
    text = "指标\u3000\u3000\u3000\u3000单位\u3000\u30002025年\n粮食产量\u3000\u3000万吨\u3000\u3000  120\n油料产量\u3000\u3000万吨\u3000\u3000   15\n"
    (table,) = parse_text(text).tables
    assert table.header == ("指标", "单位", "2025年")
    assert [[c.text for c in r.cells] for r in table.rows] == [["粮食产量", "万吨", "120"], ["油料产量", "万吨", "15"]]


PROSE = """\
  推进能源技术创新，要坚持需求导向  和问题导向，聚焦能源安全、绿色低碳
转型等重大需求，着力突破一批关键  核心技术，加快构建  清洁低碳、安全高效
的能源体系。到 2030 年，  能源科技创新能力显著提升，  新型电力系统建设
取得重要进展，  支撑  能源高质量发展的作用  进一步增强。
"""

CONTENTS = """\
                               目    录
一、发展基础  ................................................ 1
（一）主要成就  ............................................ 2
（二）面临形势  ............................................ 5
二、总体要求  ................................................ 8
第一章      总体要求      3
第二章      主要目标      7
第三章      重点任务      12
"""

HEADINGS = """\
                        政  府  工  作  报  告

               ——2026年1月10日在临川市第九届人民代表大会第五次会议上

                              临川市市长    周    衡

                             一、  过去一年工作回顾
"""


def test_a_category_centred_in_its_group_is_the_groups():
    """A merged 类别 cell printed in the middle of its group: the rows above it are its own."""
    report = parse_text(
        "类    别      序号    指    标                     2025年     2030年     属  性\n"
        "               1      地区生产总值增长（%）        5.6        5左右      预期性\n"
        "经济发展       2      全员劳动生产率增长（%）      6.1        6          预期性\n"
        "               3      常住人口城镇化率（%）        68.5       72         预期性\n"
        "创新驱动       4      研发经费投入强度（%）        2.3        2.8        预期性\n"
    )
    assert [(i.number, i.category) for i in report.indicators] == [
        (1, "经济发展"), (2, "经济发展"), (3, "经济发展"), (4, "创新驱动"),
    ]
    assert [d.code for d in report.diagnostics] == ["table-category-centred"]
    check_all(report)


def test_prose_contents_and_centred_headings_are_no_table():
    for text in (PROSE, CONTENTS, HEADINGS, PROSE + "\n" + CONTENTS + "\n" + HEADINGS):
        norm = normalize(text)
        assert find_regions(norm, split_lines(norm)) == []
        report = parse_text(text)
        assert not report.tables
        check_all(report)


def test_numbers_in_the_first_line_make_it_a_row_not_a_header():
    text = doc("""
        粮食        902.6        3.2
        油料         56.4        6.8
        蔬菜       1186.9        4.2
        """)
    norm = normalize(text)
    assert find_regions(norm, split_lines(norm)) == []


def test_a_row_that_crosses_a_gutter_ends_the_table():
    text = doc("""
        指标            2025年        2030年
        人口（万人）       120          130
        绿地率（%）         40           42
        以上各项指标均以统计部门公布数据为准，具体以年度公报为准。
        """)
    (table,) = parse_text(text).tables
    assert len(table.rows) == 2
    assert parse_text(text).body[-1].text.startswith("以上各项指标")


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["  ", "   ", " ", "\u3000\u3000", "\n", "\n\n", "\f", "指标", "2025年", "12.5",
                                 "〔3〕", "（%）", "经济", "类", "别", "……", "第一章", "表1", "。", "\t", "5左右"]),
                max_size=80).map("".join))
def test_aligned_find_and_read_never_raise_and_keep_spans(text):
    check_layout(aligned, text, reads=True)


@pytest.mark.slow
def test_find_is_linear_on_long_runs_of_almost_rows():
    row = "甲乙  丙丁  戊己  庚辛\n"  # rows with no header: every find fails within three lines
    small, big = row * 500, row * 4000

    def run(text: str) -> object:
        norm = normalize(text)
        return find_regions(norm, split_lines(norm))

    assert_linear(run, small, big, label="aligned find")
