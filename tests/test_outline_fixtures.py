"""Spec-style fixtures for the outline: one construct each, input and expected side by side.

Every sentence here is written for these tests in the manner of a work report or a plan
outline; none is copied from a real document. Expected outlines are tuples
``(depth, marker, style, ordinal, title)`` in document order (see ``helpers.outline``).
"""
from __future__ import annotations

import pytest

from govreport.model import Figure, Item, ItemKind, Paragraph, Section

from helpers import check_all, doc, kinds, outline, parse_text


def codes(report):
    return [d.code for d in report.diagnostics]


# -- marker styles ------------------------------------------------------------------------

OUTLINE_FIXTURES = [
    pytest.param(
        doc("""
            一、过去一年工作回顾
            全年经济运行稳中有进，发展质量稳步提升。
            二、今年工作安排
            今年要坚持稳中求进，扎实推动高质量发展。
            """),
        [
            (1, "一、", "N、", 1, "过去一年工作回顾"),
            (1, "二、", "N、", 2, "今年工作安排"),
        ],
        id="parts-yi",
    ),
    pytest.param(
        doc("""
            一、过去一年工作回顾
            全年经济运行稳中有进。
            （一）产业结构持续优化
            先进制造业增加值较快增长。
            （二）城乡面貌明显改善
            城市更新有序推进。
            """),
        [
            (1, "一、", "N、", 1, "过去一年工作回顾"),
            (2, "（一）", "（N）", 1, "产业结构持续优化"),
            (2, "（二）", "（N）", 2, "城乡面貌明显改善"),
        ],
        id="sections-fullwidth-paren",
    ),
    pytest.param(
        doc("""
            一、今年工作安排
            今年要扎实做好以下工作。
            (一)扩大有效需求
            加快重大项目建设。
            (二)深化重点改革
            推进国资国企改革。
            """),
        [
            (1, "一、", "N、", 1, "今年工作安排"),
            (2, "(一)", "（N）", 1, "扩大有效需求"),
            (2, "(二)", "（N）", 2, "深化重点改革"),
        ],
        id="sections-halfwidth-paren",
    ),
    pytest.param(
        doc("""
            一、今年工作安排
            （一）推动产业升级
            1.实施制造业技术改造
            新建智能工厂一批。
            2.培育新兴产业集群
            壮大生物医药产业。
            """),
        [
            (1, "一、", "N、", 1, "今年工作安排"),
            (2, "（一）", "（N）", 1, "推动产业升级"),
            (3, "1.", "N.", 1, "实施制造业技术改造"),
            (3, "2.", "N.", 2, "培育新兴产业集群"),
        ],
        id="items-ascii-dot",
    ),
    pytest.param(
        doc("""
            一、今年工作安排
            （一）推动产业升级
            1．实施制造业技术改造
            新建智能工厂一批。
            2．培育新兴产业集群
            壮大生物医药产业。
            """),
        [
            (1, "一、", "N、", 1, "今年工作安排"),
            (2, "（一）", "（N）", 1, "推动产业升级"),
            (3, "1．", "N.", 1, "实施制造业技术改造"),
            (3, "2．", "N.", 2, "培育新兴产业集群"),
        ],
        id="items-fullwidth-dot",
    ),
    pytest.param(
        doc("""
            一、今年工作安排
            （一）推动产业升级
            1.实施制造业技术改造
            （1）推进设备更新
            企业设备更新明显加快。
            （2）推广数字技术
            规模以上企业基本实现数字化。
            2.培育新兴产业集群
            壮大生物医药产业。
            """),
        [
            (1, "一、", "N、", 1, "今年工作安排"),
            (2, "（一）", "（N）", 1, "推动产业升级"),
            (3, "1.", "N.", 1, "实施制造业技术改造"),
            (4, "（1）", "（N）", 1, "推进设备更新"),
            (4, "（2）", "（N）", 2, "推广数字技术"),
            (3, "2.", "N.", 2, "培育新兴产业集群"),
        ],
        id="arabic-paren-below-dot",
    ),
    pytest.param(
        doc("""
            一、今年工作安排
            （一）推进城乡融合
            为推动城乡一体发展，全年重点做好三件事。
            二、加强政府建设
            （一）坚持依法行政
            严格规范公正文明执法。
            （二）加强廉政建设
            驰而不息纠治“四风”。
            """),
        [
            (1, "一、", "N、", 1, "今年工作安排"),
            (2, "（一）", "（N）", 1, "推进城乡融合"),
            (1, "二、", "N、", 2, "加强政府建设"),
            (2, "（一）", "（N）", 1, "坚持依法行政"),
            (2, "（二）", "（N）", 2, "加强廉政建设"),
        ],
        id="sections-renumber-under-each-part",
    ),
]


@pytest.mark.parametrize(("text", "expected"), OUTLINE_FIXTURES)
def test_marker_styles(text, expected):
    report = parse_text(text)
    assert outline(report) == expected
    assert codes(report) == []
    check_all(report)


def test_depth_follows_the_document_not_a_table():
    # Here (一) heads the parts and 1. nests under it: (一) is depth 1, not 2.
    report = parse_text(doc("""
        （一）巩固经济回升态势
        全区经济运行稳中有进。
        1.扩大有效投资
        新开工项目一批。
        2.促进消费回暖
        举办消费季活动。
        （二）增进民生福祉
        新增城镇就业岗位一批。
        """))
    assert outline(report) == [
        (1, "（一）", "（N）", 1, "巩固经济回升态势"),
        (2, "1.", "N.", 1, "扩大有效投资"),
        (2, "2.", "N.", 2, "促进消费回暖"),
        (1, "（二）", "（N）", 2, "增进民生福祉"),
    ]


def test_chinese_and_arabic_parenthesised_markers_are_different_levels():
    report = parse_text(doc("""
        （一）完善交通网络
        （1）建设城际铁路
        推进两条城际线路建设。
        （2）改造国省干线
        完成干线公路改造。
        （二）提升能源保障
        推进电网扩容。
        """))
    assert outline(report) == [
        (1, "（一）", "（N）", 1, "完善交通网络"),
        (2, "（1）", "（N）", 1, "建设城际铁路"),
        (2, "（2）", "（N）", 2, "改造国省干线"),
        (1, "（二）", "（N）", 2, "提升能源保障"),
    ]


# -- plan outlines: 第N章 / 第N节 and markdown #s that do not give the level ---------------

PLAN = doc("""
    # 某某市国民经济和社会发展第十五个五年规划纲要

    “十五五”时期是某某市加快转型发展的关键五年。

    ## 第一章 发展环境

    ### 第一节 发展基础

    过去五年，全市综合实力明显增强。

    ## 第二节 面临形势

    当前外部环境更趋复杂严峻。

    ### 第二章 总体要求

    ## 第一节 指导思想

    坚持稳中求进工作总基调。

    #### 第二节 主要目标

    到2030年，经济总量迈上新台阶。
    """)


def test_plan_chapters_and_sections_ignore_hash_counts():
    report = parse_text(PLAN)
    assert outline(report) == [
        (1, "第一章", "第N章", 1, "发展环境"),
        (2, "第一节", "第N节", 1, "发展基础"),
        (2, "第二节", "第N节", 2, "面临形势"),  # "##" but a sibling of "### 第一节"
        (1, "第二章", "第N章", 2, "总体要求"),  # "###" but a chapter
        (2, "第一节", "第N节", 1, "指导思想"),
        (2, "第二节", "第N节", 2, "主要目标"),
    ]
    assert codes(report) == []
    chapter_one = report.sections[0]
    assert kinds(chapter_one.children) == ["Section", "Section"]
    assert kinds(chapter_one.children[0].children) == ["Paragraph"]
    check_all(report)


def test_plan_chapter_heading_standing_alone():
    report = parse_text(doc("""
        第一章
        发展环境

        过去五年，全市综合实力明显增强。

        第二章 总体要求

        坚持稳中求进工作总基调。
        """))
    # a chapter marker alone on its line takes its title from the next line
    assert outline(report) == [
        (1, "第一章", "第N章", 1, "发展环境"),
        (1, "第二章", "第N章", 2, "总体要求"),
    ]


# -- inline titles and heading lines ----------------------------------------------------

def test_inline_title_is_the_first_sentence():
    report = parse_text(doc("""
        一、过去一年工作回顾
        （一）产业结构持续优化。先进制造业增加值增长较快，服务业比重稳步提高。
        （二）城乡面貌焕然一新
        城市更新有序推进，老旧小区改造全面完成。
        """))
    first, second = report.sections[1], report.sections[2]
    assert (first.depth, first.marker, first.ordinal, first.title) == (2, "（一）", 1, "产业结构持续优化")
    assert kinds(first.children) == ["Paragraph"]
    assert first.children[0].text == "先进制造业增加值增长较快，服务业比重稳步提高。"
    # the paragraph after an inline title starts after the title's 。
    assert report.source(first.children[0]).startswith("先进制造业")
    assert report.text[first.title_span.start : first.title_span.end] == "产业结构持续优化"
    # a heading line: the whole line is the title, the next line a paragraph
    assert (second.depth, second.marker, second.ordinal, second.title) == (2, "（二）", 2, "城乡面貌焕然一新")
    assert kinds(second.children) == ["Paragraph"]
    assert second.children[0].text == "城市更新有序推进，老旧小区改造全面完成。"
    check_all(report)


def test_inline_title_with_comma_keeps_the_whole_first_sentence():
    report = parse_text("（一）坚持创新驱动，加快培育新动能。全年新增科技型企业一批。\n")
    assert outline(report) == [(1, "（一）", "（N）", 1, "坚持创新驱动，加快培育新动能")]


def test_section_span_covers_heading_and_body():
    text = doc("""
        一、总体要求
        今年工作的总体要求是稳中求进。
        二、主要任务
        今年要扎实做好各项工作。
        """)
    report = parse_text(text)
    one, two = report.sections
    assert report.source(one) == "一、总体要求\n今年工作的总体要求是稳中求进。"
    assert report.source(two) == "二、主要任务\n今年要扎实做好各项工作。"
    check_all(report)


# -- part titles with no number ------------------------------------------------------------

def test_bare_part_titles_head_numbered_sections():
    report = parse_text(doc("""
        各位代表：

        现在，我代表区人民政府向大会报告工作，请予审议。

        2024年工作回顾

        过去一年，全区经济运行总体平稳。

        （一）产业发展迈出新步伐。新引进项目一批，产业链条不断延伸。

        （二）民生保障持续加强。新增就业岗位一批。

        2025年工作安排

        今年全区发展的主要预期目标是：地区生产总值增长5%左右。

        （一）着力扩大有效投资。加快重大项目建设。
        """))
    assert outline(report) == [
        (1, "", "", None, "2024年工作回顾"),
        (2, "（一）", "（N）", 1, "产业发展迈出新步伐"),
        (2, "（二）", "（N）", 2, "民生保障持续加强"),
        (1, "", "", None, "2025年工作安排"),
        (2, "（一）", "（N）", 1, "着力扩大有效投资"),
    ]
    assert codes(report) == []
    check_all(report)


def test_bare_title_after_untitled_sections_heads_the_restarted_list():
    """The first part has no title, so the unnumbered title comes with （一）（二） open; as
    （一） starts again after it, it heads the new list beside the old one, not inside （二）."""
    report = parse_text(doc("""
        各位代表：

        现在，我代表县人民政府向大会报告工作，请予审议。

        （一）产业发展提质增效。新增规上企业一批。

        （二）城乡面貌持续改善。改造老旧小区一批。

        2025年工作安排

        今年全县发展的主要预期目标是：地区生产总值增长6%左右。

        （一）聚力产业强县。新建项目一批。

        （二）聚力乡村振兴。粮食产量保持稳定。

        加强政府自身建设

        我们将坚持依法行政。
        """))
    assert outline(report) == [
        (1, "（一）", "（N）", 1, "产业发展提质增效"),
        (1, "（二）", "（N）", 2, "城乡面貌持续改善"),
        (1, "", "", None, "2025年工作安排"),
        (2, "（一）", "（N）", 1, "聚力产业强县"),
        (2, "（二）", "（N）", 2, "聚力乡村振兴"),
        (1, "", "", None, "加强政府自身建设"),
    ]
    assert codes(report) == []
    check_all(report)


def test_bare_title_inside_a_section_still_nests_when_no_list_restarts():
    """Without a restart after it, an unnumbered title opens a level below what is open."""
    report = parse_text(doc("""
        各位代表：

        （一）产业发展提质增效。新增规上企业一批。

        重点项目建设

        全年开工重大项目一批。

        （二）城乡面貌持续改善。改造老旧小区一批。
        """))
    assert [(d, t) for d, _, _, _, t in outline(report)] == [
        (1, "产业发展提质增效"), (2, "重点项目建设"), (1, "城乡面貌持续改善"),
    ]
    check_all(report)


def test_bare_opening_part_and_closing_words_beside_numbered_parts():
    report = parse_text(doc("""
        各位代表：

        现在，我代表国务院向大会作政府工作报告，请予审议。

        首先报告去年的工作

        过去一年，我们克服重重困难，圆满完成全年目标任务。

        一、稳定经济增长

        今年要保持经济运行在合理区间。

        二、深化改革开放

        今年要推动改革开放取得新突破。

        结束语

        各位代表！让我们更加紧密地团结起来，为实现今年各项目标而努力奋斗！
        """))
    assert outline(report) == [
        (1, "", "", None, "首先报告去年的工作"),
        (1, "一、", "N、", 1, "稳定经济增长"),
        (1, "二、", "N、", 2, "深化改革开放"),
        (1, "", "", None, "结束语"),
    ]
    assert codes(report) == []
    closing = report.sections[-1]
    assert kinds(closing.children) == ["Paragraph"]
    check_all(report)


# -- ordinals --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("numeral", "value"),
    [("十", 10), ("十一", 11), ("二十", 20), ("二十一", 21), ("三十五", 35), ("五十", 50), ("九十九", 99)],
)
def test_large_chinese_ordinals(numeral, value):
    report = parse_text(f"{numeral}、某项重点任务\n推进各项工作落实。\n（{numeral}）某项具体举措\n抓好落实。\n")
    assert [(s.depth, s.marker, s.ordinal) for s in report.sections] == [
        (1, f"{numeral}、", value),
        (2, f"（{numeral}）", value),
    ]


def test_twenty_one_parts_in_a_row_have_no_diagnostics():
    numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三",
                "十四", "十五", "十六", "十七", "十八", "十九", "二十", "二十一"]
    text = "".join(f"{n}、加快推进某项任务\n推动各项工作落实。\n" for n in numerals)
    report = parse_text(text)
    assert [s.ordinal for s in report.sections] == list(range(1, 22))
    assert {s.depth for s in report.sections} == {1}
    assert report.sections[-1].marker == "二十一、"
    assert codes(report) == []


def test_ordinal_gap_restart_and_start_are_diagnosed():
    text = doc("""
        二、主要任务
        推进各项工作。
        （一）扩大内需
        推进各项工作。
        （二）深化改革
        推进各项工作。
        （二）扩大开放
        推进各项工作。
        三、保障措施
        推进各项工作。
        （一）加强组织领导
        推进各项工作。
        （三）强化监督考核
        推进各项工作。
        """)
    report = parse_text(text)
    found = [(d.code, report.text[d.span.start : d.span.end].split("\n")[0]) for d in report.diagnostics]
    assert found == [
        ("ordinal-start", "二、主要任务"),
        ("ordinal-restart", "（二）扩大开放"),
        ("ordinal-gap", "（三）强化监督考核"),
    ]
    # diagnostics do not change the outline
    assert [(s.depth, s.ordinal) for s in report.sections] == [(1, 2), (2, 1), (2, 2), (2, 2), (1, 3), (2, 1), (2, 3)]
    check_all(report)


def test_ordinal_gap_between_parts():
    report = parse_text("一、总体要求\n稳字当头。\n二、主要任务\n抓好落实。\n四、保障措施\n强化保障。\n")
    assert codes(report) == ["ordinal-gap"]
    gap = report.diagnostics[0]
    assert report.text[gap.span.start : gap.span.end].startswith("四、保障措施")


def test_chapters_numbered_through_the_parts_are_not_restarts():
    # Plan outlines number 第N章 through the whole document; 第N节 restart in each chapter.
    text = doc("""
        第一篇 总体要求
        第一章 发展基础
        第一节 发展成就
        经济实力明显增强。
        第二章 发展环境
        第一节 国际环境
        外部环境复杂多变。
        第二篇 主要任务
        第三章 产业体系
        第一节 制造业
        做强制造业。
        第二节 服务业
        做优服务业。
        第五章 开放合作
        扩大高水平开放。
        """)
    report = parse_text(text)
    assert [(d.code, report.text[d.span.start:d.span.end].split("\n")[0]) for d in report.diagnostics] == [
        ("ordinal-gap", "第五章 开放合作")]  # 第四章 is missing: the continued numbering is checked too
    assert [(s.depth, s.ordinal) for s in report.sections if s.style == "第N章"] == [(2, 1), (2, 2), (2, 3), (2, 5)]
    check_all(report)


def test_a_second_list_that_does_not_continue_the_first_is_diagnosed():
    text = "一、甲\n（一）子一\n（二）子二\n二、乙\n（四）子四\n"
    assert codes(parse_text(text)) == ["ordinal-start"]


def test_numbering_restarting_at_the_top_level_is_a_restart():
    report = parse_text("一、总体要求\n稳字当头。\n二、主要任务\n抓好落实。\n一、附则说明\n本报告自通过之日起施行。\n")
    assert codes(report) == ["ordinal-restart"]


# -- enumerations that are not headings ----------------------------------------------------

ENUMERATIONS = doc("""
    一、加快建设现代化产业体系

    切实把实体经济摆在突出位置。坚持制造业立市，推动传统产业改造升级，培育壮大新兴产业。

    一是推进产业链补链强链。围绕重点产业链精准招商。

    二是加快数字化转型。新建智能工厂一批。

    ——打造先进制造业集群。推动集群向高端迈进。

    ──发展现代服务业。提升生产性服务业水平。

    “一核”：建设某某科技创新核心区。

    “两翼”：建设东西两翼产业发展带。

    二、持续保障和改善民生

    办好民生实事。
    """)


def test_enumerations_and_topic_sentences_are_not_sections():
    report = parse_text(ENUMERATIONS)
    assert outline(report) == [
        (1, "一、", "N、", 1, "加快建设现代化产业体系"),
        (1, "二、", "N、", 2, "持续保障和改善民生"),
    ]
    part = report.sections[0]
    assert kinds(part.children) == ["Paragraph", "Item", "Item", "Item", "Item", "Item", "Item"]
    topic = part.children[0]
    assert isinstance(topic, Paragraph)
    assert topic.lead == "切实把实体经济摆在突出位置"
    items = part.children[1:]
    assert [(i.kind, i.ordinal) for i in items] == [
        (ItemKind.ORDINAL, 1),
        (ItemKind.ORDINAL, 2),
        (ItemKind.DASH, None),
        (ItemKind.DASH, None),
        (ItemKind.LABELLED, None),
        (ItemKind.LABELLED, None),
    ]
    assert [i.marker for i in items[:2]] == ["一是", "二是"]
    assert report.source(items[3]).startswith("──发展现代服务业")
    assert [i.label for i in items[4:]] == ["一核", "两翼"]
    check_all(report)


def test_yi_yao_items_are_not_sections():
    report = parse_text(doc("""
        一、坚决反对铺张浪费
        一要厉行勤俭节约。严控一般性支出。
        二要严肃财经纪律。加强预算绩效管理。
        """))
    assert outline(report) == [(1, "一、", "N、", 1, "坚决反对铺张浪费")]
    assert [(type(n).__name__, getattr(n, "marker", None)) for n in report.sections[0].children] == [
        ("Item", "一要"),
        ("Item", "二要"),
    ]


def test_topic_sentence_paragraphs_are_not_sections():
    report = parse_text(doc("""
        （一）加强政府自身建设
        切实把政治建设摆在首位。坚持用党的创新理论武装头脑，不断提高政治判断力。
        全面推进依法行政。严格执行重大行政决策程序，自觉接受各方面监督。
        """))
    assert len(report.sections) == 1
    leads = [n.lead for n in report.sections[0].children]
    assert leads == ["切实把政治建设摆在首位", "全面推进依法行政"]


def test_paragraph_without_topic_sentence_has_no_lead():
    report = parse_text("各位代表，过去一年，我们顶住压力，完成了全年目标任务。\n")
    (para,) = [n for n in report.body if isinstance(n, Paragraph)]
    assert para.lead is None


def test_numbers_at_a_line_start_are_not_markers():
    report = parse_text(doc("""
        一、过去一年工作回顾
        2.5万家企业享受减税降费政策。
        3.8%的增速高于全国平均水平。
        2024年全市经济运行稳中有进。
        """))
    assert outline(report) == [(1, "一、", "N、", 1, "过去一年工作回顾")]


# -- 专栏 boxes -----------------------------------------------------------------------------

BOXES = doc("""
    ## 第三章 建设现代化基础设施

    ### 第一节 完善综合交通网络

    加快构建内畅外联的综合立体交通网。

    专栏 3 重大交通基础设施工程

    （一）铁路。建成某某至某某城际铁路，开工建设某某枢纽。

    (二)公路。推进某某高速公路改扩建，新建改建农村公路500公里。

    （三）港口。建设某某港区集装箱码头。

    ### 第二节 提升能源保障能力

    推进能源结构调整。

    专栏4 能源保障工程

    “一核”：建设某某清洁能源基地。

    “两带”：建设沿海和沿河两条输电通道。

    专栏5 城市更新工程

    （一）老旧小区改造。完成改造小区300个。

    图2 某某市综合交通布局图

    ### 第三节 强化水利设施

    专栏 6 水利工程

    ##### （一）水源工程

    建设某某水库。

    ##### （二）供水工程

    新建供水管网200公里。

    坚持节水优先。全面推进节水型社会建设，强化用水总量控制。
    """)


def test_boxes_hold_their_items_and_no_sections():
    report = parse_text(BOXES)
    assert outline(report) == [
        (1, "第三章", "第N章", 3, "建设现代化基础设施"),
        (2, "第一节", "第N节", 1, "完善综合交通网络"),
        (2, "第二节", "第N节", 2, "提升能源保障能力"),
        (2, "第三节", "第N节", 3, "强化水利设施"),
    ]
    cols = report.columns
    assert [(c.number, c.title) for c in cols] == [
        (3, "重大交通基础设施工程"),
        (4, "能源保障工程"),
        (5, "城市更新工程"),
        (6, "水利工程"),
    ]
    for col in cols:
        assert not any(isinstance(n, Section) for n in _walk(col.children)), col.title
    check_all(report)


def test_box_ends_at_the_next_heading():
    report = parse_text(BOXES)
    box = report.columns[0]
    assert [(type(n).__name__, n.kind, n.ordinal) for n in box.children] == [
        ("Item", ItemKind.ENUMERATED, 1),
        ("Item", ItemKind.ENUMERATED, 2),
        ("Item", ItemKind.ENUMERATED, 3),
    ]
    assert report.source(box).startswith("专栏 3 重大交通基础设施工程")
    assert report.source(box).endswith("建设某某港区集装箱码头。")
    section = report.section("第一节")
    assert kinds(section.children) == ["Paragraph", "Column"]


def test_box_ends_at_the_next_box():
    report = parse_text(BOXES)
    box4, box5 = report.columns[1], report.columns[2]
    assert [(n.kind, n.label) for n in box4.children] == [(ItemKind.LABELLED, "一核"), (ItemKind.LABELLED, "两带")]
    assert report.source(box4).endswith("建设沿海和沿河两条输电通道。")
    assert box5.span.start > box4.span.end


def test_box_ends_at_a_figure_caption():
    report = parse_text(BOXES)
    box5 = report.columns[2]
    assert report.source(box5).endswith("完成改造小区300个。")
    section = report.section("第二节")
    assert kinds(section.children) == ["Paragraph", "Column", "Column", "Figure"]
    figure = section.children[-1]
    assert isinstance(figure, Figure)
    assert (figure.number, figure.caption) == (2, "图2 某某市综合交通布局图")


def test_box_with_sub_headings_ends_at_a_topic_sentence_paragraph():
    report = parse_text(BOXES)
    box6 = report.columns[3]
    assert [(n.kind, n.ordinal, kinds(n.children)) for n in box6.children] == [
        (ItemKind.ENUMERATED, 1, ["Paragraph"]),
        (ItemKind.ENUMERATED, 2, ["Paragraph"]),
    ]
    assert report.source(box6).endswith("新建供水管网200公里。")
    section = report.section("第三节")
    assert kinds(section.children) == ["Column", "Paragraph"]
    assert section.children[1].lead == "坚持节水优先"


def test_box_inside_a_work_report_ends_at_the_next_outline_section():
    report = parse_text(doc("""
        一、主要任务

        （一）推进科技创新

        加快建设区域科技创新中心。

        专栏1 科技创新重点工程

        （一）实验室建设。建设某某实验室3个。

        （二）平台建设。新建省级创新平台50个。

        （三）人才引进。引进高层次人才1000名。

        （二）推动产业升级

        加快传统产业改造。

        专栏2 产业升级重点工程

        1.智能制造。建设智能工厂20家。

        2.绿色制造。创建绿色工厂30家。

        （三）扩大对外开放

        推进高水平对外开放。
        """))
    assert outline(report) == [
        (1, "一、", "N、", 1, "主要任务"),
        (2, "（一）", "（N）", 1, "推进科技创新"),
        (2, "（二）", "（N）", 2, "推动产业升级"),
        (2, "（三）", "（N）", 3, "扩大对外开放"),
    ]
    box1, box2 = report.columns
    assert [n.ordinal for n in box1.children] == [1, 2, 3]
    assert [n.ordinal for n in box2.children] == [1, 2]
    assert all(isinstance(n, Item) and n.kind is ItemKind.ENUMERATED for n in box1.children + box2.children)
    assert codes(report) == []
    check_all(report)


def test_box_that_is_a_table_ends_at_the_next_heading():
    text = doc("""
        一、主要任务
        （一）办好民生实事
        专栏1 民生实事项目
        序号\t项目\t目标
        1\t新增学位（个）\t3000
        2\t改造农村公路（公里）\t150
        注：目标为全年任务数。
        1.稳定就业。城镇新增就业4万人。
        2.提高医疗水平。新建社区医院5家。
        """)
    report = parse_text(text)
    box, = report.columns
    assert [type(c).__name__ for c in box.children] == ["Table"] and box.children[0].notes
    assert [(s.marker, s.title, s.depth) for s in report.sections] == [
        ("一、", "主要任务", 1), ("（一）", "办好民生实事", 2), ("1.", "稳定就业", 3), ("2.", "提高医疗水平", 3)]
    check_all(report)


def test_box_title_with_markdown_and_colon():
    report = parse_text("### 专栏 7：重点民生工程\n\n（一）教育。新建中小学10所。\n")
    (box,) = report.columns
    assert (box.number, box.title) == (7, "重点民生工程")
    assert report.sections == ()


def _walk(nodes):
    for n in nodes:
        yield n
        yield from _walk(getattr(n, "children", ()))


# -- segmentation: page breaks, soft wraps, markup, indents, CRLF ----------------------------

def test_page_break_in_mid_sentence_joins_one_paragraph():
    text = doc("""
        一、重大项目建设

        某某至某某高速公路建成通车，其中某某段长

        86 公里。新建改建农村公路一批，交通网络进一步完善。

        二、下一步安排
        """)
    report = parse_text(text)
    part = report.sections[0]
    assert kinds(part.children) == ["Paragraph"]
    para = part.children[0]
    assert report.source(para).startswith("某某至某某高速公路")
    assert report.source(para).endswith("交通网络进一步完善。")
    assert "某某段长" in para.text and "86 公里。" in para.text
    check_all(report)


def test_page_break_in_one_paragraph_per_line_text():
    text = doc("""
        一、重大项目建设
        全年完成固定资产投资一批。
        某某至某某高速公路建成通车，其中某某段长

        86 公里。新建改建农村公路一批，交通网络进一步完善。
        二、下一步安排
        推进各项工作。
        """)
    report = parse_text(text)
    part = report.sections[0]
    assert kinds(part.children) == ["Paragraph", "Paragraph"]
    para = part.children[1]
    assert report.source(para).startswith("某某至某某高速公路")
    assert report.source(para).endswith("交通网络进一步完善。")


def test_soft_wrapped_paragraphs_in_blank_separated_text():
    text = doc("""
        一、总体要求

        今年经济社会发展的主要预期目标是：地区生产总值
        增长5%左右，城镇调查失业率控制在5.5%以内，
        居民收入增长和经济增长同步。

        做好今年工作，要坚持稳中求进，
        统筹发展和安全。

        （一）扩大有效需求
        """)
    report = parse_text(text)
    part = report.sections[0]
    assert kinds(part.children) == ["Paragraph", "Paragraph", "Section"]
    first, second = part.children[0], part.children[1]
    assert first.text == (
        "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇调查失业率控制在5.5%以内，"
        "居民收入增长和经济增长同步。"
    )
    assert report.source(first).count("\n") == 2
    assert second.text == "做好今年工作，要坚持稳中求进，统筹发展和安全。"
    assert outline(report)[1] == (2, "（一）", "（N）", 1, "扩大有效需求")
    check_all(report)


def test_markdown_bold_heading():
    report = parse_text("一、主要任务\n\n**（一）加快建设现代化产业体系**\n\n推动制造业高端化发展。\n")
    sec = report.sections[1]
    assert (sec.depth, sec.marker, sec.ordinal, sec.title) == (2, "（一）", 1, "加快建设现代化产业体系")
    assert report.source(sec).startswith("**（一）")


def test_markdown_bold_inline_title():
    report = parse_text("**（一）加快建设现代化产业体系。**推动制造业高端化发展。\n")
    (sec,) = report.sections
    assert sec.title == "加快建设现代化产业体系"
    assert kinds(sec.children) == ["Paragraph"]
    assert sec.children[0].text == "推动制造业高端化发展。"


def test_stray_html_tags():
    report = parse_text("<b>一、主要任务</b>\n\n地区生产总值增长6%左右，<b>居民收入</b>稳步提高。\n")
    (sec,) = report.sections
    assert (sec.marker, sec.title) == ("一、", "主要任务")
    assert sec.children[0].text == "地区生产总值增长6%左右，居民收入稳步提高。"
    check_all(report)


def test_escaped_asterisk_in_a_paragraph():
    report = parse_text("一、主要目标\n\n地区生产总值年均增长6\\*左右。\n")
    para = report.sections[0].children[0]
    assert para.text == "地区生产总值年均增长6*左右。"
    assert report.source(para) == "地区生产总值年均增长6\\*左右。"


def test_ideographic_space_indents():
    text = "一、主要任务\n　　（一）推动产业升级。加快传统产业改造。\n　　全年新增规上企业一批。\n"
    report = parse_text(text)
    assert outline(report) == [(1, "一、", "N、", 1, "主要任务"), (2, "（一）", "（N）", 1, "推动产业升级")]
    sec = report.sections[1]
    assert report.text[sec.span.start] == "（"  # the span starts at the marker, after the indent
    assert [n.text for n in sec.children] == ["加快传统产业改造。", "全年新增规上企业一批。"]
    check_all(report)


def test_crlf_line_ends():
    text = "一、总体要求\r\n今年经济社会发展的主要目标是：经济稳定增长。\r\n（一）扩大内需\r\n着力扩大有效投资。\r\n二、重点任务\r\n抓好落实。\r\n"
    report = parse_text(text)
    assert outline(report) == [
        (1, "一、", "N、", 1, "总体要求"),
        (2, "（一）", "（N）", 1, "扩大内需"),
        (1, "二、", "N、", 2, "重点任务"),
    ]
    assert report.text == text  # CRLF stays in Report.text
    for node in report.walk():
        assert "\r" not in getattr(node, "title", ""), node
        assert "\r" not in getattr(node, "text", ""), node
    check_all(report)


def test_crlf_gives_the_same_outline_as_lf():
    lf = ENUMERATIONS
    crlf = lf.replace("\n", "\r\n")
    assert outline(parse_text(crlf)) == outline(parse_text(lf))
    assert [type(n).__name__ for n in parse_text(crlf).walk()] == [type(n).__name__ for n in parse_text(lf).walk()]


# -- lookups -----------------------------------------------------------------------------------

LOOKUP = doc("""
    一、过去一年工作回顾
    全年经济运行稳中有进。
    （一）产业结构持续优化
    先进制造业较快增长。
    （二）城乡面貌明显改善
    城市更新有序推进。
    二、今年工作安排
    （一）扩大有效需求
    加快重大项目建设。
    （二）深化重点改革
    推进国资国企改革。
    三、加强政府自身建设
    （一）坚持依法行政
    严格规范执法。
    """)


def test_section_lookup_by_title_and_path():
    report = parse_text(LOOKUP)
    assert report.section("深化重点改革").title == "深化重点改革"
    assert report.section("二/（二）").title == "深化重点改革"
    assert report.section("一、/（二）").title == "城乡面貌明显改善"
    assert report.section("三/（一）").title == "坚持依法行政"
    assert report.section("二、今年工作安排".removeprefix("二、")).ordinal == 2
    with pytest.raises(KeyError):
        report.section("三/（二）")
    with pytest.raises(KeyError):
        report.section("不存在的标题")


def test_section_lookup_by_exact_marker_prefers_the_marker_as_written():
    report = parse_text(LOOKUP)
    # "二、" is the part marked 二、, not the first （二） of part 一
    assert (report.section("二、").marker, report.section("二、").title) == ("二、", "今年工作安排")
    assert (report.section("（二）").marker, report.section("（二）").title) == ("（二）", "城乡面貌明显改善")


def test_section_lookup_by_a_one_step_path_starts_at_the_top():
    report = parse_text(LOOKUP)
    # like "二/（二）", a bare "二" names the top-level part
    assert report.section("二").title == "今年工作安排"


def test_section_path_of_a_paragraph():
    report = parse_text(LOOKUP)
    target = report.section("二/（二）").children[0]
    assert isinstance(target, Paragraph)
    assert [s.title for s in report.section_path(target)] == ["今年工作安排", "深化重点改革"]


def test_walk_is_depth_first_in_document_order():
    report = parse_text(LOOKUP)
    starts = [n.span.start for n in report.walk()]
    assert starts == sorted(starts)
    assert len(report.sections) == 8


# -- odd spaces and back matter ----------------------------------------------------------------

def test_no_break_zero_width_and_em_spaces_before_markers():
    text = (
        "一、总体要求\n"
        "\u00a0\u00a0（一）扩大内需\n着力扩大有效投资。\n"
        "\u200b（二）深化改革\n推进国企改革。\n"
        "\u2003\u2003（三）扩大开放\n稳外贸稳外资。\n"
    )
    report = parse_text(text)
    assert outline(report) == [
        (1, "一、", "N、", 1, "总体要求"),
        (2, "（一）", "（N）", 1, "扩大内需"),
        (2, "（二）", "（N）", 2, "深化改革"),
        (2, "（三）", "（N）", 3, "扩大开放"),
    ]
    check_all(report)


def test_glossary_after_the_report_is_not_part_of_the_outline():
    report = parse_text(doc("""
        一、总体要求
        今年要坚持稳中求进。
        二、重点任务
        抓好各项工作落实。
        各位代表！让我们团结奋斗，奋力谱写新篇章！

        名词解释

        1.新质生产力：是创新起主导作用的先进生产力质态。

        2.“两重”：指国家重大战略实施和重点领域安全能力建设。
        """))
    assert outline(report) == [(1, "一、", "N、", 1, "总体要求"), (1, "二、", "N、", 2, "重点任务")]
    glossary = [n for n in report.walk() if "新质生产力" in report.source(n) and not isinstance(n, Section)]
    assert glossary and all(type(n).__name__ == "Furniture" for n in glossary)
    check_all(report)
