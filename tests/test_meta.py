"""Front matter and metadata fixtures, written for these tests.

Names of people and most places are invented (某某, 张三); region detection needs real
province names, so those are real.
"""
from __future__ import annotations

import datetime as dt

import pytest

from govreport.model import Congress, FrontMatter, FrontRole, Furniture, FurnitureKind, Kind, Level, Notice, Speaker

from helpers import check_all, doc, outline, parse_text

BODY = doc("""
    各位代表：
    现在，我代表市人民政府向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。
    一、2024年工作回顾
    过去一年，全市经济运行稳中有进，发展质量稳步提升。
    二、2025年工作安排
    今年要坚持稳中求进，扎实推动高质量发展。
    """)


def front(*lines: str) -> str:
    return "\n".join(lines) + "\n" + BODY


# -- a complete front matter -------------------------------------------------------------------

def test_title_subtitle_speaker_congress():
    report = parse_text(front(
        "2025年重庆市政府工作报告",
        "——2025年1月14日在重庆市第六届人民代表大会第三次会议上",
        "重庆市市长 张三",
    ))
    m = report.meta
    assert m.title == "2025年重庆市政府工作报告"
    assert m.kind is Kind.WORK_REPORT
    assert m.subtitle == "2025年1月14日在重庆市第六届人民代表大会第三次会议上"
    assert m.date == dt.date(2025, 1, 14)
    assert m.year == 2025
    assert m.speaker == Speaker(name="张三", office="重庆市市长")
    assert m.congress == Congress(name="重庆市第六届人民代表大会", term=6, session=3)
    assert m.region == "重庆市"
    assert m.level is Level.PROVINCIAL
    assert m.notice is None
    # the front matter lines are nodes, not sections
    roles = [n.role for n in report.body if isinstance(n, FrontMatter)]
    assert roles == [FrontRole.TITLE, FrontRole.SUBTITLE, FrontRole.SPEAKER, FrontRole.SALUTATION]
    assert [s.title for s in report.sections] == ["2024年工作回顾", "2025年工作安排"]
    check_all(report)


def test_plan_outline_with_its_approval_line():
    report = parse_text(doc("""
        某某市国民经济和社会发展第十五个五年规划纲要
        （2026年1月28日某某市第十七届人民代表大会第四次会议批准）
        第一章 发展基础
        经济实力明显增强。
        """))
    m = report.meta
    assert (m.kind, m.region, m.level, m.year) == (Kind.PLAN_OUTLINE, "某某市", Level.PREFECTURAL, 2026)
    assert m.subtitle == "2026年1月28日某某市第十七届人民代表大会第四次会议批准"
    assert m.date == dt.date(2026, 1, 28)
    assert m.congress == Congress(name="某某市第十七届人民代表大会", term=17, session=4)
    assert [n.role for n in report.body if isinstance(n, FrontMatter)] == [FrontRole.TITLE, FrontRole.SUBTITLE]
    check_all(report)


def test_spaced_out_title():
    report = parse_text(front("政 府 工 作 报 告", "——2025年1月14日在重庆市第六届人民代表大会第三次会议上"))
    assert report.meta.title == "政府工作报告"
    assert report.meta.kind is Kind.WORK_REPORT


def test_spaced_out_title_with_ideographic_spaces():
    report = parse_text(front("政　府　工　作　报　告", "——2025年1月14日在重庆市第六届人民代表大会第三次会议上"))
    assert report.meta.title == "政府工作报告"


def test_no_front_matter_at_all():
    report = parse_text(BODY)
    m = report.meta
    assert m.title is None
    assert m.kind is Kind.WORK_REPORT  # 各位代表： and a report to the congress
    assert m.speaker is None and m.congress is None and m.date is None
    assert m.year == 2025  # "2024年工作回顾" reviews last year


@pytest.mark.parametrize("title", ["2023年青禾市国民经济和社会发展统计公报", "2023 年青禾市国民经济和社会发展统计公报"])
def test_a_statistics_bulletin_is_titled_and_of_its_city(title):
    m = parse_text(title + "\n青禾市统计局\n\n一、综合\n初步核算，全年全市地区生产总值增长4.8%。\n").meta
    assert (m.title, m.kind, m.region, m.level, m.year) == (title, Kind.OTHER, "青禾市", Level.PREFECTURAL, 2023)


# -- subtitles in their many shapes ---------------------------------------------------------

SUBTITLE = "2024年1月15日在河北省第十四届人民代表大会第二次会议上"


@pytest.mark.parametrize(
    "lines",
    [
        pytest.param(("——" + SUBTITLE, "河北省省长 张三"), id="em-dashes"),
        pytest.param(("――" + SUBTITLE, "河北省省长 张三"), id="horizontal-bars"),
        pytest.param(("----" + SUBTITLE, "河北省省长 张三"), id="hyphens"),
        pytest.param(("—— " + SUBTITLE, "河北省省长 张三"), id="dashes-and-space"),
        pytest.param(("——2024年1月15日在河北省第十四届", "   人民代表大会第二次会议上", "河北省省长 张三"),
                     id="broken-over-two-lines"),
        pytest.param(("——" + SUBTITLE + " 河北省省长 张三",), id="speaker-on-the-same-line"),
        pytest.param((SUBTITLE + " 河北省省长 张三",), id="no-dash-speaker-on-the-same-line"),
    ],
)
def test_subtitle_shapes(lines):
    report = parse_text(front("河北省2024年政府工作报告", *lines))
    m = report.meta
    assert m.title == "河北省2024年政府工作报告"
    assert m.subtitle == SUBTITLE
    assert m.date == dt.date(2024, 1, 15)
    assert m.congress == Congress(name="河北省第十四届人民代表大会", term=14, session=2)
    assert m.speaker == Speaker(name="张三", office="河北省省长")
    assert (m.region, m.level, m.year) == ("河北省", Level.PROVINCIAL, 2024)
    assert [s.title for s in report.sections] == ["2024年工作回顾", "2025年工作安排"]
    check_all(report)


def test_title_subtitle_and_speaker_run_together_on_one_line():
    report = parse_text(front("湖南省2026年政府工作报告——2026年1月21日在湖南省第十四届人民代表大会第四次会议上 湖南省省长 张三"))
    m = report.meta
    assert m.title == "湖南省2026年政府工作报告"
    assert m.subtitle == "2026年1月21日在湖南省第十四届人民代表大会第四次会议上"
    assert m.date == dt.date(2026, 1, 21)
    assert m.speaker == Speaker(name="张三", office="湖南省省长")
    assert m.congress == Congress(name="湖南省第十四届人民代表大会", term=14, session=4)


def test_title_and_subtitle_run_together_without_speaker():
    report = parse_text(front("湖南省2026年政府工作报告——2026年1月21日在湖南省第十四届人民代表大会第四次会议上"))
    m = report.meta
    assert m.title == "湖南省2026年政府工作报告"
    assert m.subtitle == "2026年1月21日在湖南省第十四届人民代表大会第四次会议上"
    assert m.date == dt.date(2026, 1, 21)


def test_subtitle_in_brackets_with_chinese_numeral_date():
    report = parse_text(front("（二〇二六年一月十五日在江西省第十四届人民代表大会第五次会议上）"))
    m = report.meta
    assert m.date == dt.date(2026, 1, 15)
    assert m.congress == Congress(name="江西省第十四届人民代表大会", term=14, session=5)
    assert (m.region, m.level, m.year) == ("江西省", Level.PROVINCIAL, 2026)


# -- speakers ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("某某市市长 张三", Speaker(name="张三", office="某某市市长")),
        ("某某市市长　李　强", Speaker(name="李强", office="某某市市长")),
        ("某某市市长  王 某 某", Speaker(name="王某某", office="某某市市长")),
        ("某某市代市长 赵某", Speaker(name="赵某", office="某某市代市长")),
    ],
)
def test_speaker_line(line, speaker):
    report = parse_text(front("某某市政府工作报告", "——2025年1月10日在某某市第十七届人民代表大会第四次会议上", line))
    assert report.meta.speaker == speaker


# -- region and level ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("subtitle", "speaker", "region", "level"),
    [
        pytest.param("——2024年1月20日在天津市第十八届人民代表大会第二次会议上", "天津市市长 张三",
                     "天津市", Level.PROVINCIAL, id="municipality"),
        pytest.param("——2024年1月22日在山东省第十四届人民代表大会第二次会议上", "山东省省长 张三",
                     "山东省", Level.PROVINCIAL, id="province"),
        pytest.param("——2024年1月21日在广西壮族自治区第十四届人民代表大会第二次会议上", "广西壮族自治区主席 张三",
                     "广西壮族自治区", Level.PROVINCIAL, id="autonomous-region"),
        pytest.param("——2024年1月8日在上海市某某区第十七届人民代表大会第四次会议上", "上海市某某区区长 张三",
                     "上海市某某区", Level.COUNTY, id="district-of-a-municipality"),
        pytest.param("——2024年1月9日在某某县第十八届人民代表大会第三次会议上", "某某县县长 张三",
                     "某某县", Level.COUNTY, id="county"),
        pytest.param("——2024年1月12日在某某市第十七届人民代表大会第三次会议上", "某某市市长 张三",
                     "某某市", Level.PREFECTURAL, id="prefectural-city"),
        pytest.param("——2024年3月5日在第十四届全国人民代表大会第二次会议上", "国务院总理 张三",
                     "全国", Level.NATIONAL, id="national"),
    ],
)
def test_region_and_level(subtitle, speaker, region, level):
    report = parse_text(front("政府工作报告", subtitle, speaker))
    assert (report.meta.region, report.meta.level) == (region, level)
    assert report.meta.kind is Kind.WORK_REPORT
    assert report.meta.year == 2024


def test_national_congress():
    report = parse_text(front(
        "政府工作报告",
        "——2024年3月5日在第十四届全国人民代表大会第二次会议上",
        "国务院总理 张三",
    ))
    assert report.meta.congress == Congress(name="第十四届全国人民代表大会", term=14, session=2)
    assert report.meta.speaker == Speaker(name="张三", office="国务院总理")


def test_national_from_the_state_council_opening_alone():
    report = parse_text(doc("""
        各位代表：
        现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协各位委员提出意见。
        一、2023年工作回顾
        过去一年，我国经济回升向好。
        """))
    m = report.meta
    assert (m.region, m.level, m.kind) == ("全国", Level.NATIONAL, Kind.WORK_REPORT)
    assert m.year == 2024


def test_region_from_the_title_alone():
    report = parse_text(front("江苏省2025年政府工作报告"))
    m = report.meta
    assert (m.title, m.region, m.level, m.year) == ("江苏省2025年政府工作报告", "江苏省", Level.PROVINCIAL, 2025)


# -- kinds: work report and plan outline -----------------------------------------------------

PLAN_BODY = doc("""

    第一章 发展环境

    第一节 发展基础

    过去五年，全省综合实力明显增强，地区生产总值迈上新台阶。

    第二节 面临形势

    当前外部环境更趋复杂严峻。

    第二章 总体要求

    坚持稳中求进工作总基调。
    """)


@pytest.mark.parametrize(
    ("title", "region", "year"),
    [
        ("辽宁省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要", "辽宁省", 2021),
        ("辽宁省“十四五”规划纲要", "辽宁省", 2021),
        ("甘肃省国民经济和社会发展第十五个五年规划纲要", "甘肃省", 2026),
        ("甘肃省国民经济和社会发展第十三个五年规划纲要", "甘肃省", 2016),
    ],
)
def test_plan_outline_kind_and_first_year(title, region, year):
    report = parse_text("# " + title + "\n" + PLAN_BODY)
    m = report.meta
    assert m.title == title
    assert m.kind is Kind.PLAN_OUTLINE
    assert m.year == year
    assert (m.region, m.level) == (region, Level.PROVINCIAL)
    assert m.speaker is None and m.congress is None
    assert outline(report) == [
        (1, "第一章", "第N章", 1, "发展环境"),
        (2, "第一节", "第N节", 1, "发展基础"),
        (2, "第二节", "第N节", 2, "面临形势"),
        (1, "第二章", "第N章", 2, "总体要求"),
    ]


def test_plan_title_broken_over_two_lines():
    report = parse_text("辽宁省国民经济和社会发展第十四个五年规划\n和二〇三五年远景目标纲要\n" + PLAN_BODY)
    assert report.meta.title == "辽宁省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要"
    assert report.meta.kind is Kind.PLAN_OUTLINE
    assert report.meta.year == 2021


def test_work_report_kind_from_its_title():
    report = parse_text("2025年某某县政府工作报告\n\n一、2024年工作回顾\n\n全县经济平稳运行。\n")
    assert report.meta.kind is Kind.WORK_REPORT
    assert report.meta.year == 2025


@pytest.mark.parametrize("title", [
    "关于青禾县2025年国民经济和社会发展计划执行情况与2026年计划草案的报告",
    "关于青禾市2025年预算执行情况和2026年预算草案的报告",
    "青禾市人民检察院工作报告", "青禾市中级人民法院工作报告", "青禾市人民代表大会常务委员会工作报告",
])
def test_the_other_reports_a_congress_hears_are_not_work_reports(title):
    """Delivered to the same congress, with the same 各位代表：, but not the government's."""
    report = parse_text(title + "\n各位代表：\n现在，我向大会报告工作。\n")
    assert report.meta.kind is Kind.OTHER


# -- a notice wrapped around the report ------------------------------------------------------

NOTICE = doc("""
     某某县人民政府办公室

    关于印发王某同志在某某县第十九届

    人民代表大会第五次会议上所作

    《政府工作报告》的通知

    各乡镇人民政府，县政府各部门：

    王某同志所作《政府工作报告》已经县第十九届人民代表大会第五次会议通过，现印发给你们，请认真贯彻落实。

                                    2024年2月2日

    （此件主动公开）

    政 府 工 作 报 告

    ——2024年1月24日在安徽省某某县第十九届
       人民代表大会第五次会议上
    安徽省某某县县长  王某

    各位代表：

    现在，我代表县人民政府，向大会报告政府工作，请予审议。

    一、2023年工作回顾

    过去一年，全县经济社会发展稳中有进。

    二、2024年工作安排

    今年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右。
    """)


def test_notice_wrapper():
    report = parse_text(NOTICE)
    m = report.meta
    assert m.notice == Notice(
        issuer="某某县人民政府办公室",
        title="关于印发王某同志在某某县第十九届人民代表大会第五次会议上所作《政府工作报告》的通知",
        recipients="各乡镇人民政府，县政府各部门",
        date=dt.date(2024, 2, 2),
    )
    # the report inside the notice
    assert m.title == "政府工作报告"
    assert m.kind is Kind.WORK_REPORT
    assert m.subtitle == "2024年1月24日在安徽省某某县第十九届人民代表大会第五次会议上"
    assert m.date == dt.date(2024, 1, 24)
    assert m.year == 2024
    assert m.speaker == Speaker(name="王某", office="安徽省某某县县长")
    assert m.congress == Congress(name="安徽省某某县第十九届人民代表大会", term=19, session=5)
    assert (m.region, m.level) == ("安徽省某某县", Level.COUNTY)
    # nothing of the notice becomes a section
    assert outline(report) == [
        (1, "一、", "N、", 1, "2023年工作回顾"),
        (1, "二、", "N、", 2, "2024年工作安排"),
    ]
    check_all(report)


def test_notice_lines_are_front_matter_nodes():
    report = parse_text(NOTICE)
    front_nodes = [n for n in report.body if isinstance(n, FrontMatter)]
    texts = [n.text for n in front_nodes]
    assert "（此件主动公开）" in texts
    notice_nodes = [n for n in front_nodes if n.role is FrontRole.NOTICE]
    assert len(notice_nodes) >= 5  # issuer, title, recipients, the letter, date, 此件主动公开
    title_node = next(n for n in front_nodes if n.role is FrontRole.TITLE)
    assert title_node.text == "政府工作报告"
    assert report.source(title_node) == "政 府 工 作 报 告"


PLAN_NOTICE = doc("""
    青禾市人民政府关于印发青禾市国民经济和社会发展第十五个五年规划纲要的通知
    各区人民政府，市政府各部门：
    现将《青禾市国民经济和社会发展第十五个五年规划纲要》印发给你们，请认真贯彻执行。
    青禾市人民政府
    2026年2月10日
    （此件公开发布）
    青禾市国民经济和社会发展第十五个五年规划纲要
    目  录
    第一章 发展基础……………………1
    第一节 发展成就………………2
    第二章 总体要求……………………5
    第一章 发展基础
    第一节 发展成就
    全市常住人口达到130万人。
    第二章 总体要求
    到2030年，地区生产总值年均增长5%左右。
    """)


def test_notice_wrapper_without_a_salutation():
    """A plan has no 各位代表: the notice's letter (a sentence ending in 。) is still front
    matter, up to its date and （此件…）; the issuer run into the notice title is found."""
    report = parse_text(PLAN_NOTICE)
    m = report.meta
    assert m.notice == Notice(
        issuer="青禾市人民政府",
        title="青禾市人民政府关于印发青禾市国民经济和社会发展第十五个五年规划纲要的通知",
        recipients="各区人民政府，市政府各部门",
        date=dt.date(2026, 2, 10),
    )
    assert (m.title, m.kind, m.region, m.year) == (
        "青禾市国民经济和社会发展第十五个五年规划纲要", Kind.PLAN_OUTLINE, "青禾市", 2026,
    )
    roles = [n.role for n in report.body if isinstance(n, FrontMatter)]
    assert roles == [FrontRole.NOTICE] * 6 + [FrontRole.TITLE]
    check_all(report)


def test_table_of_contents_is_furniture_not_outline():
    """目录 and its entries (dot leaders, page numbers) are furniture; the body starts where
    the first entry is written again, so the outline has no doubles and no restarts."""
    report = parse_text(PLAN_NOTICE)
    contents = [n for n in report.body if isinstance(n, Furniture) and n.kind is FurnitureKind.CONTENTS]
    assert [n.text for n in contents] == ["目  录", "第一章 发展基础……………………1", "第一节 发展成就………………2",
                                         "第二章 总体要求……………………5"]
    assert outline(report) == [
        (1, "第一章", "第N章", 1, "发展基础"),
        (2, "第一节", "第N节", 1, "发展成就"),
        (1, "第二章", "第N章", 2, "总体要求"),
    ]
    assert report.diagnostics == ()
    check_all(report)


def test_a_contents_line_whose_entries_never_repeat_keeps_them_in_the_outline():
    """Without the repeat there is no telling entries from headings: only 目录 is furniture."""
    report = parse_text("青禾市发展规划纲要\n目录\n第一章 发展基础\n全市常住人口达到130万人。\n第二章 总体要求\n稳字当头。\n")
    contents = [n.text for n in report.body if isinstance(n, Furniture) and n.kind is FurnitureKind.CONTENTS]
    assert contents == ["目录"]
    assert [s.title for s in report.sections] == ["发展基础", "总体要求"]


def test_meta_survives_to_dict():
    report = parse_text(NOTICE)
    meta = report.to_dict()["meta"]
    assert meta["title"] == "政府工作报告"
    assert meta["kind"] == "work_report"
    assert meta["region"] == "安徽省某某县"
    assert meta["level"] == "county"
    assert meta["year"] == 2024
    assert meta["date"] == "2024-01-24"
    assert meta["speaker"] == {"name": "王某", "office": "安徽省某某县县长"}
    assert meta["congress"] == {"name": "安徽省某某县第十九届人民代表大会", "term": 19, "session": 5}
    assert meta["notice"]["date"] == "2024-02-02"


def test_a_breadcrumb_above_the_title_is_clutter():
    report = parse_text(front("首页 > 政务公开 > 政府工作报告", "2025年某某市政府工作报告",
                              "——2025年1月14日在某某市第六届人民代表大会第三次会议上"))
    assert report.meta.title == "2025年某某市政府工作报告"
    crumb = report.body[0]
    assert type(crumb).__name__ == "Furniture" and crumb.text.startswith("首页")
    check_all(report)


@pytest.mark.parametrize("text", ["全年新增就业4万人", "全年新增就业4万人\n城镇调查失业率5.5%左右\n",
                                  "- 新建学校10所\n- 新增床位200张\n一、总体要求\n稳中求进。\n"])
def test_short_lines_that_are_not_a_title_stay_in_the_body(text):
    report = parse_text(text)
    assert not any(isinstance(n, FrontMatter) for n in report.body)
    assert report.meta.title is None and report.meta.subtitle is None
    assert [m.text for m in report.metrics][:1] in (["4万人"], ["10所"])
    check_all(report)


def test_clutter_after_a_title_without_salutation_is_still_furniture():
    report = parse_text("2025年某某市政府工作报告\n下载\n打印\n一、总体要求\n稳中求进。\n")
    assert report.meta.title == "2025年某某市政府工作报告"
    assert [type(n).__name__ for n in report.body] == ["FrontMatter", "Furniture", "Furniture", "Section"]
    check_all(report)


# -- plans: kind, year, region and level ---------------------------------------------------------

@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("青禾市综合交通“十三五”规划", 2016),
        ("青禾市综合交通“十四五”规划", 2021),
        ("青禾市综合交通“十五五”规划", 2026),
        ("青禾市综合交通十四五规划", 2021),
        ("青禾市国土空间总体规划（2021—2035年）", 2021),
        ("青禾市国民经济和社会发展第十五个五年规划纲要", 2026),
    ],
)
def test_a_sector_plan_is_a_plan_outline_from_its_first_year(title, year):
    report = parse_text(title + "\n一、发展基础\n全市绿地面积达到120公顷。\n")
    assert (report.meta.kind, report.meta.year, report.meta.region) == (Kind.PLAN_OUTLINE, year, "青禾市")


def test_a_plan_notice_keeps_its_date_and_the_plan_keeps_its_title():
    report = parse_text(doc("""
        青禾市人民政府办公室关于印发青禾市养老服务“十五五”规划的通知
        各区人民政府，市政府各部门：
        《青禾市养老服务“十五五”规划》已经市政府同意，现印发给你们，请认真贯彻执行。
        青禾市人民政府办公室
        2026年4月8日
        青禾市养老服务“十五五”规划
        一、发展基础
        全市养老床位达到3万张。
        """))
    m = report.meta
    assert (m.title, m.kind, m.year, m.region, m.level) == (
        "青禾市养老服务“十五五”规划", Kind.PLAN_OUTLINE, 2026, "青禾市", Level.PREFECTURAL)
    assert m.date is None and m.notice.date == dt.date(2026, 4, 8)


def test_a_notice_of_something_else_stays_a_notice():
    report = parse_text(doc("""
        青禾市人民政府关于印发青禾市促进消费若干措施的通知
        各区人民政府，市政府各部门：
        现将《青禾市促进消费若干措施》印发给你们，请认真贯彻执行。
        青禾市人民政府
        2026年4月8日
        一、扩大商品消费
        发放消费券1亿元。
        """))
    assert report.meta.kind is Kind.NOTICE
    assert report.meta.title is None
    assert (report.meta.region, report.meta.level) == ("青禾市", Level.PREFECTURAL)


def test_the_national_region_is_written_quanguo_everywhere():
    report = parse_text(front("政府工作报告", "——2026年3月5日在第十四届全国人民代表大会第四次会议上", "国务院总理 张三"))
    assert report.to_dict()["meta"]["region"] == "全国"
    assert report.to_dict()["meta"]["level"] == "national"
