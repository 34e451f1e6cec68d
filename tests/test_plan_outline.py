"""Plan outlines as they are published: box shapes, box endings, page numbers and page-width
line breaks of PDF text, two headings on a line, one marker style at two levels, appendices.

Every fixture is written for these tests (invented regions and projects).
"""
from __future__ import annotations

import pytest

from govreport import parse_file
from govreport.model import Column, Figure, Furniture, FurnitureKind, Item, Paragraph, Section, Table

from helpers import SHARED, check_all, doc, outline, parse_text


def boxes(report):
    return [n for n in report.walk() if isinstance(n, Column)]


def codes(report):
    return [d.code for d in report.diagnostics]


# -- 专栏 boxes in every shape --------------------------------------------------------------

def test_a_box_without_a_number():
    report = parse_text(doc("""
        第二章 发展目标

        专栏 “十五五”时期云岭区主要指标

        指标\t2030年
        绿地面积（公顷）\t120

        第三章 主要任务
        """))
    [box] = boxes(report)
    assert (box.number, box.title) == (None, "“十五五”时期云岭区主要指标")
    assert isinstance(box.children[0], Table)
    assert [s.title for s in report.sections] == ["发展目标", "主要任务"]
    check_all(report)


def test_prose_opening_with_the_word_is_no_box():
    report = parse_text("第一章 总则\n\n专栏一览表列出了全部工程，见附件。\n")
    assert boxes(report) == []


def test_box_number_and_title_on_separate_lines():
    report = parse_text(doc("""
        第一章 发展基础

        专栏2

        重大水利工程

        （一）引水工程。新建引水渠两条。

        （二）堤防工程。加固堤防30公里。

        第二章 保障措施
        """))
    [box] = boxes(report)
    assert (box.number, box.title) == (2, "重大水利工程")
    assert [type(c) for c in box.children] == [Item, Item]
    assert report.source(box).startswith("专栏2\n\n重大水利工程")
    assert [s.title for s in report.sections] == ["发展基础", "保障措施"]
    check_all(report)


def test_box_titles_spaced_bold_or_in_markdown_headings():
    report = parse_text(doc("""
        一、主要任务

        专 栏 三：乡村振兴工程

        建设示范村5个。

        **专栏4** 数字乡村工程

        建设数字平台1个。

        ### 专栏 五 交通工程

        新建公路20公里。
        """))
    assert [(b.number, b.title) for b in boxes(report)] == [(3, "乡村振兴工程"), (4, "数字乡村工程"), (5, "交通工程")]


def test_a_box_printed_as_an_image_holds_a_figure_and_ends_after_it():
    report = parse_text(doc("""
        一、空间布局

        专栏1 城区功能布局

        ![城区功能布局示意图](images/layout.png)

        （一）北部片区。发展商务服务。
        """))
    [box] = boxes(report)
    assert [type(c) for c in box.children] == [Figure]
    assert box.children[0].caption == "城区功能布局示意图"
    assert [s.title for s in report.sections] == ["空间布局", "北部片区"]
    check_all(report)


def test_an_html_image_takes_its_alternative_text_as_caption():
    report = parse_text('专栏2 重点项目分布\n\n<img src="p.png" alt="重点项目分布图">\n')
    [box] = boxes(report)
    assert box.children[0].caption == "重点项目分布图"


def test_a_box_of_numbered_items_ends_at_the_next_outline_section():
    # The box's items are （1）…; the outline's （一） is open: （二） ends the box.
    report = parse_text(doc("""
        一、主要任务

        （一）提升产业能级

        专栏1 产业提升工程

        （1）智能制造。建设智能工厂10家。

        （2）绿色制造。建设绿色园区2个。

        （二）扩大有效投资

        推进重大项目建设。
        """))
    [box] = boxes(report)
    assert len(box.children) == 2
    assert [(s.depth, s.title) for s in report.sections] == [(1, "主要任务"), (2, "提升产业能级"), (2, "扩大有效投资")]


def test_a_numbered_item_continuing_the_box_stays_in_it_one_breaking_its_numbering_ends_it():
    # （1） is open in the outline: a （2） continuing the box's own （1） stays in the box;
    # the outline's next （2） after the box's （2） does not continue the box, and ends it.
    report = parse_text(doc("""
        一、主要任务

        （1）培育新动能

        专栏1 新动能工程

        （1）人工智能。建设算力中心1个。

        （2）生物医药。建设产业园1个。

        （2）改造传统产业

        推进技术改造。
        """))
    [box] = boxes(report)
    assert [c.ordinal for c in box.children] == [1, 2]
    assert [(s.depth, s.title) for s in report.sections] == [(1, "主要任务"), (2, "培育新动能"), (2, "改造传统产业")]


def test_box_groups_with_zero_padded_numbers_and_circled_items():
    report = parse_text(doc("""
        （一）可再生能源技术

        专栏1 可再生能源重点示范
        01 风电技术示范
        ① 开展大型风电机组示范；
        ② 开展漂浮式风电示范。
        02 光伏技术示范
        ③ 开展高效电池示范。
        （二）电网技术
        推进智能电网建设。
        """))
    [box] = boxes(report)
    groups = box.children
    assert [g.text for g in groups] == ["风电技术示范", "光伏技术示范"]
    assert [[c.ordinal for c in g.children] for g in groups] == [[1, 2], [3]]
    assert [s.title for s in report.sections] == ["可再生能源技术", "电网技术"]
    check_all(report)


def test_a_zero_padded_number_opening_a_sentence_is_no_heading():
    report = parse_text("一、总体要求\n\n05 年以来，全区持续推进改革，成效明显。\n")
    assert outline(report) == [(1, "一、", "N、", 1, "总体要求")]


# -- text extracted from a PDF ----------------------------------------------------------------

def test_page_numbers_opening_lines_are_not_part_of_headings_or_markers():
    wrapped = ["推进城市更新，加快老旧小区改造，提升居住品质和", "服务水平，持续改善人居环境，增强城市活力。"] * 3
    text = "\n".join(
        ["一、总体要求", *wrapped, " 2 （一）指导思想", *wrapped, " 3 坚持规划引领，分类施策，注重保护与利用相结合，",
         "统筹存量更新与增量发展。", *wrapped, "（二）基本原则", *wrapped, " 4 二、主要任务", *wrapped,
         " 5 （一）改善居住条件", *wrapped]) + "\n"
    report = parse_text(text)
    assert [(s.depth, s.marker, s.title) for s in report.sections] == [
        (1, "一、", "总体要求"), (2, "（一）", "指导思想"), (2, "（二）", "基本原则"),
        (1, "二、", "主要任务"), (2, "（一）", "改善居住条件"),
    ]
    check_all(report)


def test_numbers_opening_lines_out_of_sequence_are_kept_as_words():
    report = parse_text("一、成效\n\n30 个项目全部完工。\n\n12 家企业上市。\n\n8 项改革落地。\n\n50 所学校建成。\n")
    assert [p.text for p in report.walk() if isinstance(p, Paragraph)][0].startswith("30 个项目")
    assert [m.text for m in report.metrics][:2] == ["30 个", "12 家"]


def test_a_line_holding_only_a_page_number_is_page_furniture():
    lines = ["一、总体要求"]
    for page in range(1, 6):
        lines += [f"第{page}页的正文到此结束。"] * 6 + [f" {page} "]
    report = parse_text("\n".join(lines) + "\n")
    pages = [n for n in report.walk() if isinstance(n, Furniture) and n.kind is FurnitureKind.PAGE]
    assert [p.text for p in pages] == ["1", "2", "3", "4", "5"]
    check_all(report)


def test_lines_broken_at_the_page_width_join_into_paragraphs():
    full = "加快建设现代化产业体系推动制造业高端化智能化绿"  # 24 characters
    body = [full] * 3 + ["色化发展。"]
    text = "\n".join(["（一）产业发展"] + body + ["世界各地纷纷加快布局新一代信息技术产业抢占发"] + [full] * 2
                     + ["展制高点。", "（二）科技创新", full, "新。"] * 3) + "\n"
    report = parse_text(text)
    paragraphs = [n for n in report.walk() if isinstance(n, Paragraph)]
    # the line opening a paragraph, short of the width by its lost indent, is no title
    assert [s.title for s in report.sections] == ["产业发展", "科技创新", "科技创新", "科技创新"]
    assert paragraphs[0].text.endswith("色化发展。")
    assert paragraphs[1].text.startswith("世界各地") and paragraphs[1].text.endswith("展制高点。")


def test_a_heading_broken_at_the_page_width_keeps_its_whole_title_but_not_the_paragraph_below():
    full = "开展新型储能技术研究推动储能产业规模化发展和"
    lines = ["（一）新型储能"] + [full] * 4 + ["应用。"]
    lines += ["（1）大容量长时储能关键技术与系统集成优化及示范", "应用技术", full, full, "推广。"]
    lines += ["（2）电化学储能安全防护与寿命提升关键技术研究", full, full, "推广。"]
    report = parse_text("\n".join(lines) + "\n")
    titles = [s.title for s in report.sections]
    assert titles == ["新型储能", "大容量长时储能关键技术与系统集成优化及示范应用技术", "电化学储能安全防护与寿命提升关键技术研究"]


# -- outline shapes -----------------------------------------------------------------------------

def test_two_headings_on_one_line_become_two_sections():
    report = parse_text(doc("""
        第一篇 开启新征程 第一章 发展环境

        发展基础更加坚实。

        第二篇　深化改革开放　第二章　构建高水平市场体系

        第一节 完善产权制度

        健全产权保护制度。
        """))
    assert [(s.depth, s.marker, s.title) for s in report.sections] == [
        (1, "第一篇", "开启新征程"), (2, "第一章", "发展环境"),
        (1, "第二篇", "深化改革开放"), (2, "第二章", "构建高水平市场体系"), (3, "第一节", "完善产权制度"),
    ]
    check_all(report)


def test_a_heading_line_with_a_sentence_is_not_split():
    report = parse_text("第一章 总则，依据第二章 规定执行。\n")
    assert len(report.sections) == 1


def test_parts_chapters_and_sections_nest_by_their_markers():
    report = parse_text(doc("""
        第一部分 总体战略
        第一章 发展环境
        第一节 发展基础
        经济总量稳步增长。
        第二章 指导思想
        坚持稳中求进。
        第二部分 主要任务
        第三章 产业发展
        """))
    assert [(s.depth, s.marker) for s in report.sections] == [
        (1, "第一部分"), (2, "第一章"), (3, "第一节"), (2, "第二章"), (1, "第二部分"), (2, "第三章")]
    assert codes(report) == []


def test_one_marker_style_at_two_levels_nests_by_ordinal_continuity():
    report = parse_text(doc("""
        一、总体要求

        一、指导思想

        坚持稳中求进。

        二、基本原则

        坚持人民至上。

        三、发展目标

        到2030年基本实现现代化。

        二、主要任务

        （一）推进产业升级。加快技术改造。

        三、保障措施

        加强组织领导。
        """))
    assert [(s.depth, s.title) for s in report.sections] == [
        (1, "总体要求"), (2, "指导思想"), (2, "基本原则"), (2, "发展目标"),
        (1, "主要任务"), (2, "推进产业升级"), (1, "保障措施")]
    assert codes(report) == ["nested-restart", "outline-resume"]
    check_all(report)


def test_a_restart_after_an_entry_with_its_own_prose_stays_a_sibling():
    report = parse_text("一、总体要求\n稳字当头。\n二、主要任务\n抓好落实。\n一、附则\n自发布之日起施行。\n")
    assert [s.depth for s in report.sections] == [1, 1, 1]
    assert codes(report) == ["ordinal-restart"]


def test_a_list_introduced_by_a_colon_nests_under_its_entry():
    report = parse_text(doc("""
        一、主要任务

        重点抓好以下工作：

        一、稳定粮食生产

        二、发展特色产业

        二、保障措施
        """))
    assert [(s.depth, s.title) for s in report.sections] == [
        (1, "主要任务"), (2, "稳定粮食生产"), (2, "发展特色产业"), (1, "保障措施")]


def test_one_style_nests_at_most_two_levels():
    report = parse_text("".join(f"（{n}）标题\n" for n in ["一", "二", "三"] * 50))
    assert max(s.depth for s in report.sections) == 2


# -- appendices -------------------------------------------------------------------------------

def test_tables_in_an_appendix_stay_tables_outside_the_outline():
    report = parse_text(doc("""
        一、保障措施

        加强组织领导。

        附件1

        指标\t单位\t2030年\t属性
        公园数量\t个\t40\t预期性
        旧房修缮面积\t万平方米\t90\t约束性

        附件2

        重点项目清单略。
        """))
    kinds = [type(n).__name__ for n in report.body]
    assert kinds == ["Section", "Furniture", "Table", "Furniture", "Furniture"]
    [table] = report.tables
    assert len(table.rows) == 2
    assert [s.title for s in report.sections] == ["保障措施"]
    check_all(report)


# -- a heading run into its paragraph ---------------------------------------------------------

def test_the_contents_say_where_a_title_run_into_its_paragraph_ends():
    report = parse_text(doc("""
        目录

        第一章 发展基础……………1
        第一节 壮大现代物流业……………2
        第二节 培育数字服务业……………3

        第一章 发展基础

        第一节壮大现代物流业建设区域物流枢纽，降低物流成本。

        第二节 培育数字服务业

        发展软件和信息服务。
        """))
    assert [s.title for s in report.sections] == ["发展基础", "壮大现代物流业", "培育数字服务业"]
    body = report.sections[1].children[0]
    assert isinstance(body, Paragraph) and body.text == "建设区域物流枢纽，降低物流成本。"
    check_all(report)


def test_without_contents_a_run_in_title_is_its_first_sentence():
    report = parse_text("第一章 发展基础\n\n第一节壮大现代物流业建设区域物流枢纽。降低物流成本。\n")
    assert report.sections[1].title == "壮大现代物流业建设区域物流枢纽"


def test_a_caption_line_above_a_delimited_table_is_its_caption_in_the_body_and_in_an_appendix():
    report = parse_text(doc("""
        一、发展目标

        到2030年，主要目标如下。

        表1 “十五五”时期主要指标

        指标\t单位\t2030年\t属性
        绿地面积\t公顷\t120\t约束性

        附件1

        云岭区核心指标表

        | 指标 | 2030年 | 属性 |
        |---|---|---|
        | 公园数量（个） | 40 | 预期性 |
        """))
    assert [(t.caption, len(t.indicators)) for t in report.tables] == [
        ("表1 “十五五”时期主要指标", 1), ("云岭区核心指标表", 1)]
    assert [s.title for s in report.sections] == ["发展目标"]
    check_all(report)


# -- the real plans in ../shared (read by eye; these guard what was checked) --------------------

PLANS = SHARED / "wild" / "plans"
needs_plans = pytest.mark.skipif(not PLANS.is_dir(), reason=f"the wild plans are not at {PLANS}")


@needs_plans
def test_the_energy_plan_extracted_from_pdf():
    report = parse_file(PLANS / "2021_national_energy_tech_plan.txt")
    parts = [s for s in report.sections if s.depth == 1 and s.marker]
    assert [s.marker for s in parts] == ["一、", "二、", "三、", "四、", "五、"]
    tasks = report.section("三、")
    assert [len([c for c in s.children if isinstance(c, Section)]) for s in tasks.children
            if isinstance(s, Section)] == [5, 2, 4, 3, 3]  # the 1./2./… groups under （一）…（五）
    assert [(b.number, len(b.children)) for b in boxes(report)] == [(1, 5), (2, 2), (3, 3), (4, 3), (5, 4), (6, 3)]
    assert not any(s.title[:1].isdigit() for s in report.sections)  # no page number opens a title
    contents = [n for n in report.walk() if isinstance(n, Furniture) and n.kind is FurnitureKind.CONTENTS]
    assert len(contents) >= 20  # the table of contents is furniture, not headings


@needs_plans
def test_the_emergency_plan_boxes_end_where_the_outline_resumes():
    report = parse_file(PLANS / "2021_national_emergency_plan.md")
    assert [(b.number, len(b.children)) for b in boxes(report)] == [(1, 1), (2, 10), (3, 4), (4, 5), (5, 10)]
    for box in boxes(report):  # no box takes a section heading （一）… of the outline
        assert not any(line.strip().startswith("（") for line in report.source(box).splitlines()[1:])
    assert len([s for s in report.sections if s.depth == 1]) == 11


def test_a_page_number_between_dashes_is_page_furniture_not_a_dash_item():
    report = parse_text("一、总体要求\n\n坚持稳中求进。\n\n— 3 —\n\n- 4 -\n\n——加快建设现代化产业体系。\n")
    pages = [n.text for n in report.walk() if isinstance(n, Furniture) and n.kind is FurnitureKind.PAGE]
    assert pages == ["— 3 —", "- 4 -"]
    assert [n.text for n in report.walk() if isinstance(n, Item)] == ["——加快建设现代化产业体系。"]
    check_all(report)
