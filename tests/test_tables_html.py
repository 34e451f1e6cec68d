"""Inline HTML ``<table>`` markup in text and markdown, and markdown pipe tables.

Fixtures are invented (indicators and regions of our own); they read as what PDF-to-markdown
converters write.
"""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govreport.normalize import normalize
from govreport.segment import split_lines
from govreport.tables import html
from govreport.tables.delimited import find_pipe
from helpers import check_all, check_layout, doc, kinds, parse_text

ONE_LINE = (
    '<table border="1"><thead><tr><th rowspan="2">类别</th><th rowspan="2">指标</th>'
    '<th colspan="2">规划目标</th><th rowspan="2">属性</th></tr><tr><th>2027年</th><th>2030年</th></tr></thead>'
    '<tbody><tr><td rowspan="2">科技创新</td><td>研发经费投入强度（%）</td><td>3.1</td><td>3.5左右</td><td>预期性</td></tr>'
    '<tr><td>每万人口发明专利拥有量（件）</td><td colspan="2">〔12〕</td><td>预期性</td></tr>'
    '<tr><td colspan="5"><b>宜居生活</b></td></tr>'
    '<tr><td></td><td>城镇新增就业（万人）</td><td> 4.2 </td><td><b>20</b>以上</td><td>预期性</td></tr>'
    "</tbody></table>"
)


def test_one_line_table_with_rowspan_colspan_header_and_category_rows():
    text = "# 第一章 发展目标\n\n表1 青川县主要指标\n\n" + ONE_LINE + "\n\n各项指标均须落实到位。\n"
    report = parse_text(text)
    (table,) = report.tables
    assert table.header == ("类别", "指标", "2027年", "2030年", "属性")
    assert [(r.category, r.cells[1].text, r.unit) for r in table.rows] == [
        ("科技创新", "研发经费投入强度（%）", "%"),
        ("科技创新", "每万人口发明专利拥有量（件）", "件"),
        ("宜居生活", "城镇新增就业（万人）", "万人"),
    ]
    # the merged 类别 cell reaches the row below it; the colspan value covers both years
    assert table.rows[1].cells[0].text == "科技创新"
    assert [c.text for c in table.rows[1].cells[2:4]] == ["〔12〕", "〔12〕"]
    assert [(i.name, i.category, [v.value for v in i.values]) for i in report.indicators] == [
        ("研发经费投入强度", "科技创新", [Decimal("3.1"), Decimal("3.5")]),
        ("每万人口发明专利拥有量", "科技创新", [Decimal("12"), Decimal("12")]),
        ("城镇新增就业", "宜居生活", [Decimal("4.2"), Decimal("20")]),
    ]
    # every cell's span is the text between its tags; a merged cell's metric is written once
    for row in table.rows:
        for cell in row.cells:
            for m in cell.metrics:
                assert report.text[m.span.start : m.span.end] == m.text
    assert [m.text for m in table.rows[2].cells[3].metrics] == ["20</b>以上"]  # the tag before it is left out
    assert table.rows[2].cells[3].flags == ("at_least",)
    assert [m.text for m in table.rows[2].cells[2].metrics] == ["4.2"]
    assert len(table.rows[1].cells[2].metrics) == 1 and not table.rows[1].cells[3].metrics
    assert report.sections[0].title == "发展目标"
    assert kinds(report.sections[0].children)[-1] == "Paragraph"
    assert not report.diagnostics
    check_all(report)


MULTI_LINE = doc("""
    <table>
      <tr>
        <td>指标</td>
        <td>2025年</td>
        <td>2030年</td>
      </tr>
      <tr class="odd">
        <td>森林覆盖率（%）</td>
        <td>21.5</td>
        <td>
          23
        </td>
      </tr>
      <tr>
        <td>空气质量优良天数比率<br/>（%）</td><td>85</td><TD>88以上</TD>
      </tr>
    </table>
    """)


def test_multi_line_table_without_header_tags():
    report = parse_text("## 专栏2 绿色发展指标\n\n" + MULTI_LINE + "第三节 保障措施\n\n强化组织领导。\n")
    (table,) = report.tables
    assert table.header == ("指标", "2025年", "2030年")
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["森林覆盖率（%）", "21.5", "23"],
        ["空气质量优良天数比率（%）", "85", "88以上"],
    ]
    (m,) = table.rows[0].cells[2].metrics
    assert (m.text, m.year, m.unit) == ("23", 2030, "%")
    assert report.columns[0].title == "绿色发展指标"
    check_all(report)


def test_unclosed_table_is_read_as_far_as_it_goes_with_a_diagnostic():
    text = "<table><tr><th>指标</th><th>2025年</th><th>2030年</th></tr>\n<tr><td>粮食产量（万吨）</td><td>120</td><td>125\n\n一、下一部分\n\n正文在这里。\n"
    report = parse_text(text)
    (table,) = report.tables
    assert [[c.text for c in r.cells] for r in table.rows] == [["粮食产量（万吨）", "120", "125"]]
    assert [d.code for d in report.diagnostics] == ["html-table-unclosed"]
    assert [s.title for s in report.sections] == ["下一部分"]
    check_all(report)


def test_find_rejects_lines_not_opening_with_a_tag_and_lines_without_table():
    norm = normalize("正文<table><tr><td>a</td></tr></table>\n<p>段落</p>\n<table><tr><td>a</td></tr></table>\n")
    lines = split_lines(norm)
    assert html.find(norm, lines, 0) == -1
    assert html.find(norm, lines, 1) == -1
    assert html.find(norm, lines, 2) == 3


def test_an_unclosed_table_stops_at_the_next_table():
    norm = normalize("<table><tr><td>a</td>\n<tr><td>b</td>\n<table><tr><td>c</td></tr></table>\n")
    lines = split_lines(norm)
    assert html.find(norm, lines, 0) == 2
    assert html.find(norm, lines, 2) == 3


def test_table_with_no_rows_is_a_paragraph():
    report = parse_text("<table></table>\n\n正文。\n")
    assert not report.tables
    check_all(report)


# -- markdown pipe tables --------------------------------------------------------------------

@pytest.mark.parametrize("outer", [True, False], ids=["outer-pipes", "no-outer-pipes"])
def test_pipe_table_with_alignment_row(outer):
    rows = [
        "指标 | 单位 | 2025年 | 2030年",
        ":--- | :---: | ---: | ---:",
        r"城乡居民收入比（城镇\|农村） | 倍 | 2.1 | 2.0以内",
        "常住人口城镇化率（%） | % | 61.2 | 65左右",
    ]
    lines = [f"| {r} |" for r in rows] if outer else rows
    report = parse_text("一、发展目标\n\n" + "\n".join(lines) + "\n\n二、主要任务\n\n推进改革。\n")
    (table,) = report.tables
    assert table.header == ("指标", "单位", "2025年", "2030年")
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["城乡居民收入比（城镇|农村）", "倍", "2.1", "2.0以内"],
        ["常住人口城镇化率（%）", "%", "61.2", "65左右"],
    ]
    assert table.rows[0].cells[3].flags == ("at_most",)
    assert [s.title for s in report.sections] == ["发展目标", "主要任务"]
    assert not report.diagnostics
    check_all(report)


def test_a_line_with_a_pipe_and_a_rule_below_but_other_counts_is_no_table():
    norm = normalize("甲 | 乙\n---\n")
    assert find_pipe(norm, split_lines(norm), 0) == -1


# -- properties ------------------------------------------------------------------------------

PIECES = ["<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "</th>", "<thead>", "<tbody>",
          '<td rowspan="3">', '<td colspan="2">', '<th colspan="99999999">', '<td rowspan=0>', "<b>", "</b>",
          "<br>", "<!--", "-->", "<", ">", "\n", "\n\n", " ", "|", "---", ":--", "\\|", "指标", "2025年", "12.5",
          "（%）", "经济", "<div>", "&gt;", "&"]


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_html_and_pipe_tables_never_raise_and_keep_spans(text):
    check_layout(html, text)


def test_an_unclosed_table_never_takes_the_lines_after_its_last_row():
    text = "<table><tr><td>指标</td><td>2025年</td></tr>\n<tr><td>粮食产量（万吨）</td><td>120</td></tr>\n一、总体要求\n坚持稳中求进。\n二、主要任务\n扩大内需。\n"
    report = parse_text(text)
    (table,) = report.tables
    assert len(table.rows) == 1
    assert [s.title for s in report.sections] == ["总体要求", "主要任务"]
    assert [d.code for d in report.diagnostics] == ["html-table-unclosed"]
    check_all(report)


# -- inline HTML in a markdown document -------------------------------------------------------

MARKDOWN_PLAN = doc("""
    # 丰源县“十五五”生态环境保护规划

    ## 第一章 发展基础

    “十四五”时期，全县生态环境质量持续改善。

    <div align="center">
    <img src="figure-1.png" alt="示意图" />
    </div>
    全县空气质量优良天数比率稳步提高。

    ## 第二章 主要目标

    <table><tr><th>指标</th><th>2025年</th><th>2030年</th></tr><tr><td>森林覆盖率（%）</td><td>40.2</td><td>42</td></tr><tr><td>地表水优良比例（%）</td><td>90</td><td>92以上</td></tr><tr><td>新增造林面积（万亩）</td><td>1.5</td><td>〔6〕</td></tr></table>

    ### 第一节 推进绿色转型

    加快产业结构调整。
    """)


def test_markdown_plan_with_an_inline_table_keeps_its_outline():
    from govreport.decode import read_document

    assert read_document(MARKDOWN_PLAN.encode("utf-8"), suffix=".md") == MARKDOWN_PLAN
    report = parse_text(MARKDOWN_PLAN)
    assert [(s.depth, s.title) for s in report.sections] == [(1, "发展基础"), (1, "主要目标"), (2, "推进绿色转型")]
    (table,) = report.tables
    assert [r.cells[0].text for r in table.rows] == ["森林覆盖率（%）", "地表水优良比例（%）", "新增造林面积（万亩）"]
    # the <div>/<img> lines are one paragraph of markup, reported; the sentence after them is text
    first = report.sections[0].children
    assert kinds(first) == ["Paragraph", "Paragraph", "Paragraph"]
    assert first[1].text.startswith("<div") and first[2].text == "全县空气质量优良天数比率稳步提高。"
    assert [d.code for d in report.diagnostics] == ["inline-html"]
    check_all(report)


@pytest.mark.slow
def test_unclosed_tables_and_huge_spans_stay_linear():
    from helpers import assert_linear

    piece = '<table><tr><td colspan="999999" rowspan="999999">甲</td><td>1</td>\n<tr><td>乙</td>\n'
    assert_linear(parse_text, piece * 50, piece * 400, label="unclosed html tables")
