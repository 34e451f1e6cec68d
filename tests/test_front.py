"""Front matter fixtures: the named rules, scrape headers, notices around plans, tables of
contents and the work-report front shapes.

Every fixture is written for these tests: the regions 青禾市, 云岭区 and the people are
invented (province names are real where the level depends on them). The last tests read
the real documents in ``../shared`` and are skipped when it is absent.
"""
from __future__ import annotations

import datetime as dt

import pytest

import govreport.front as front
from govreport.front import RULES, FrontInfo, split_front
from govreport.meta import region_of_issuer
from govreport.model import Congress, FrontMatter, FrontRole, Furniture, FurnitureKind, Kind, Level, Section, Speaker
from govreport.normalize import normalize
from govreport.parser import parse_file
from govreport.segment import split_lines

from helpers import SHARED, check_all, doc, outline, parse_text

WILD = SHARED / "wild"


def furniture(report, kind):
    return [n.text for n in report.body if isinstance(n, Furniture) and n.kind is kind]


def roles(report):
    return [n.role for n in report.body if isinstance(n, FrontMatter)]


# -- the rules --------------------------------------------------------------------------------

def test_rules_are_named_ordered_and_documented():
    names = [name for name, _ in RULES]
    assert names == ["salutation", "header", "contents", "notice", "body", "subtitle", "speaker", "title",
                     "byline", "furniture"]
    assert all(rule.__doc__ for _, rule in RULES)


def test_the_public_names_stay_importable():
    assert {"split_front", "FrontInfo", "SPEAKER", "SALUTATION"} <= set(front.__all__)
    assert front.SALUTATION.match("各位代表：") and front.SPEAKER.match("青禾市市长 林远")


def test_split_front_takes_its_rules():
    """A rule list without the title rule leaves the title line to the furniture rule."""
    text = "2026年青禾市政府工作报告\n各位代表：\n一、工作回顾\n全年新增就业4万人。\n"
    norm = normalize(text)
    rules = tuple((name, rule) for name, rule in RULES if name != "title")
    nodes, body_index, info = split_front(text, norm, split_lines(norm), rules)
    assert info.title is None and isinstance(info, FrontInfo)
    assert [type(n).__name__ for n in nodes] == ["Furniture", "FrontMatter"]
    assert body_index == 2


# -- a district plan wrapped in a notice, under YAML front matter -----------------------------

DISTRICT_PLAN = doc("""
    ---
    标题: 青禾区人民政府办公室关于印发 《青禾区城市更新“十五五”规划》的通知
    文号: 青府办发〔2026〕7号
    发布单位: 云岭市青禾区人民政府办公室
    发布日期: 2026-03-02
    类型: 规划与计划
    官方链接: https://example.org/policy?id=7
    ---

    > 本文由脚本自公开页面提取，仅供查阅。
    > 以官方发布版本为准。

    # 青禾区人民政府办公室关于印发 《青禾区城市更新“十五五”规划》的通知

    区政府各委、办、局，各街道办事处：

    《青禾区城市更新“十五五”规划》已经区政府同意，现印发给你们，请认真按照执行。

    特此通知。

    云岭市青禾区人民政府办公室

    2026年3月2日

    青禾区城市更新“十五五”规划

    为推进城市更新，制定本规划。

    一、总体目标

    到2030年，完成旧区改造面积50万平方米。

    二、主要任务

    （一）促发展

    优化商务楼宇布局。
    """)


def test_district_plan_under_a_notice_and_yaml():
    report = parse_text(DISTRICT_PLAN)
    m = report.meta
    assert m.title == "青禾区城市更新“十五五”规划"
    assert (m.kind, m.region, m.level, m.year) == (Kind.PLAN_OUTLINE, "云岭市青禾区", Level.COUNTY, 2026)
    assert m.date is None  # the notice's date stays with the notice
    assert m.notice.date == dt.date(2026, 3, 2)
    assert m.notice.issuer == "云岭市青禾区人民政府办公室"  # the signature names it in full
    assert m.notice.recipients == "区政府各委、办、局，各街道办事处"
    assert m.speaker is None and m.congress is None
    assert roles(report) == [FrontRole.NOTICE] * 6 + [FrontRole.TITLE]
    header = furniture(report, FurnitureKind.HEADER)
    assert header[0] == "---" and header[1].startswith("标题:") and len(header) == 10
    assert [s.title for s in report.sections] == ["总体目标", "主要任务", "促发展"]
    check_all(report)


def test_yaml_fields_are_kept_but_never_the_title():
    report = parse_text(DISTRICT_PLAN)
    assert not any(n.text.startswith(("标题", "类型")) for n in report.body if isinstance(n, FrontMatter))
    assert report.meta.title != "规划与计划"


# -- a provincial plan under a 转发 notice --------------------------------------------------------

def test_provincial_plan_forwarded_by_a_notice():
    report = parse_text(doc("""
        江西省人民政府办公厅转发省水利厅制订的《江西省水网建设“十三五”规划》的通知
        各设区市人民政府，省政府各部门：
        省水利厅制订的《江西省水网建设“十三五”规划》已经省政府同意，现转发给你们，请认真执行。
        江西省人民政府办公厅
        2016年5月4日
        江西省水网建设“十三五”规划
        一、发展回顾
        全省新建堤防120公里。
        二、发展目标
        到2020年，城乡供水保障率达到95%。
        """))
    m = report.meta
    assert (m.title, m.kind, m.region, m.level, m.year) == (
        "江西省水网建设“十三五”规划", Kind.PLAN_OUTLINE, "江西省", Level.PROVINCIAL, 2016)
    assert m.notice.issuer == "江西省人民政府办公厅"
    assert m.notice.date == dt.date(2016, 5, 4) and m.date is None
    assert [s.title for s in report.sections] == ["发展回顾", "发展目标"]
    check_all(report)


# -- a national plan from a site's scrape, its notice broken over two lines --------------------

NATIONAL_PLAN = doc("""
    # “十四五”青禾产业发展规划

    **发布日期**: 2022年1月
    **发布机构**: 推进协同
    **分类**: 
    **来源**: https://example.org/zhengce/content/1.htm

    ---

    ## 政策全文

    国务院关于印发

    “十四五”青禾产业发展规划的通知

    国发〔2021〕99号


    各省、自治区、直辖市人民政府，国务院各部委、各直属机构：

    现将《“十四五”青禾产业发展规划》印发给你们，请认真贯彻执行。

    国务院

    2021年12月20日

    （此件公开发布）



    “十四五”青禾产业发展规划


    青禾产业是新兴产业。

    一、发展现状

    （一）发展基础。

    产业规模持续扩大。

    二、总体要求
    """) + "\n---\n\n**更新时间**: 2026-01-26 11:25:35\n"


def test_national_plan_in_a_site_scrape():
    report = parse_text(NATIONAL_PLAN)
    m = report.meta
    assert m.title == "“十四五”青禾产业发展规划"  # the plan's own line, not the scrape's heading
    assert (m.kind, m.region, m.level, m.year) == (Kind.PLAN_OUTLINE, "全国", Level.NATIONAL, 2021)
    assert m.notice.title == "国务院关于印发“十四五”青禾产业发展规划的通知"
    assert m.notice.issuer == "国务院" and m.notice.date == dt.date(2021, 12, 20)
    assert furniture(report, FurnitureKind.HEADER) == [
        "“十四五”青禾产业发展规划", "发布日期: 2022年1月", "发布机构: 推进协同", "分类:",
        "来源: https://example.org/zhengce/content/1.htm", "---", "政策全文",
        "---", "更新时间: 2026-01-26 11:25:35",  # the scrape's footer, after the body
    ]
    notice_texts = [n.text for n in report.body if isinstance(n, FrontMatter) and n.role is FrontRole.NOTICE]
    assert "国发〔2021〕99号" in notice_texts and "（此件公开发布）" in notice_texts
    assert outline(report)[:2] == [(1, "一、", "N、", 1, "发展现状"), (2, "（一）", "（N）", 1, "发展基础")]
    check_all(report)


def test_ministries_signing_together_make_a_national_plan():
    report = parse_text(doc("""
        国家青禾局 科学技术部关于印发《“十四五”青禾科技创新规划》的通知
        各省、自治区、直辖市青禾主管部门：
        现将《“十四五”青禾科技创新规划》印发给你们，请遵照执行。
        国家青禾局
        科学技术部
        2021年11月29日
        “十四五”青禾科技创新规划
        一、发展形势
        科技创新能力显著提升。
        """))
    m = report.meta
    assert m.notice.issuer == "国家青禾局、科学技术部"
    assert (m.kind, m.region, m.level, m.year) == (Kind.PLAN_OUTLINE, "全国", Level.NATIONAL, 2021)


@pytest.mark.parametrize(
    ("issuer", "region"),
    [
        ("国务院", "全国"), ("国务院办公厅", "全国"), ("国家青禾局", "全国"), ("工业和信息化部", "全国"),
        ("云岭市青禾区人民政府办公室", "云岭市青禾区"), ("青禾市人民政府", "青禾市"), ("江西省人民政府办公厅", "江西省"),
        ("青禾县人大常委会", "青禾县"), ("加快布局", None), ("市水务局", None),
    ],
)
def test_region_of_an_issuer(issuer, region):
    assert region_of_issuer(issuer) == region


@pytest.mark.parametrize(
    ("title", "region", "level", "year"),
    [
        ("国家青禾体系规划（2021—2035年）", "全国", Level.NATIONAL, 2021),
        ("“十五五”国家青禾保障规划", "全国", Level.NATIONAL, 2026),
        ("云岭市青禾区生态环境保护“十四五”规划", "云岭市青禾区", Level.COUNTY, 2021),
        ("青禾市综合交通“十五五”规划", "青禾市", Level.PREFECTURAL, 2026),
        ("江西省十三五青禾产业规划", "江西省", Level.PROVINCIAL, 2016),
    ],
)
def test_a_plan_title_alone(title, region, level, year):
    report = parse_text(title + "\n一、发展基础\n全市绿地面积达到120公顷。\n")
    m = report.meta
    assert (m.title, m.kind, m.region, m.level, m.year) == (title, Kind.PLAN_OUTLINE, region, level, year)


def test_a_plan_that_names_no_region_but_speaks_of_the_nation():
    report = parse_text(doc("""
        “十四五”青禾领域科技创新规划
        一、发展形势
        我国青禾科技水平持续提升，我国已建成完整的产业体系。
        二、总体要求
        推动我国青禾科技高水平自立自强。
        """))
    assert (report.meta.region, report.meta.level, report.meta.year) == ("全国", Level.NATIONAL, 2021)


# -- tables of contents -------------------------------------------------------------------

PDF_PLAN = doc("""
     
    “十四五 ”青禾领域科技创新规划  
     
     
    2021 年12 月
     I目 录 
    前 言 ........................................... ....... 1 
    一、发展形势 ...................................... 2 
    （一）世界青禾科技发展形势  ............................ 2 
    （二）新型青禾系统及其支撑技术  ........................ 1 7 
    二、保障措施 ...................................... 4 6 
     
     1前 言 
    青禾是攸关发展的重点领域。我国青禾科技水平持续提升，
    我国已建成完整的产业体系。我国青禾产业规模居世界前列。
     2一、发展形势  
    （一）世界青禾科技发展形势  
    当前，全球青禾科技创新进入活跃期。
    """)


def test_contents_with_dot_leaders_and_split_page_numbers():
    """A PDF's contents: a page number glued to 目 录, dot leaders, 1 7 for 17, the first
    entry (前 言) repeated only with a page number glued to it. Every entry is furniture."""
    report = parse_text(PDF_PLAN)
    contents = furniture(report, FurnitureKind.CONTENTS)
    assert contents[0] == "I目 录" and len(contents) == 6
    assert all("..." in c for c in contents[1:])
    assert not any("....." in s.title for s in report.sections)
    m = report.meta
    assert m.title == "“十四五”青禾领域科技创新规划"
    assert (m.kind, m.region, m.level, m.year) == (Kind.PLAN_OUTLINE, "全国", Level.NATIONAL, 2021)
    check_all(report)


def test_contents_indented_with_ideographic_spaces_end_where_the_first_entry_repeats():
    report = parse_text(doc("""
        青禾市国民经济和社会发展第十五个五年规划纲要
        目　录
        　　第一章　发展基础
        　　　　第一节　发展成就
        　　第二章　总体要求
        第一章　发展基础
        第一节　发展成就
        全市常住人口达到130万人。
        第二章　总体要求
        稳字当头。
        """))
    assert furniture(report, FurnitureKind.CONTENTS) == ["目　录", "第一章　发展基础", "第一节　发展成就", "第二章　总体要求"]
    assert [s.title for s in report.sections] == ["发展基础", "发展成就", "总体要求"]
    check_all(report)


def test_contents_run_together_on_the_target_line():
    report = parse_text(doc("""
        云岭区青禾产业“十五五”规划
        目录 一、总体要求……1 二、主要任务……5 三、保障措施……9
        一、总体要求
        坚持稳中求进。
        二、主要任务
        做强青禾产业。
        三、保障措施
        加强组织领导。
        """))
    assert furniture(report, FurnitureKind.CONTENTS) == ["目录 一、总体要求……1 二、主要任务……5 三、保障措施……9"]
    assert [s.title for s in report.sections] == ["总体要求", "主要任务", "保障措施"]


def test_contents_with_page_numbers_and_no_leaders_nor_repeat():
    report = parse_text(doc("""
        云岭区青禾产业“十五五”规划
        目录
        第一章 发展基础 1
        第二章 总体要求 12
        前言
        青禾产业是云岭区的支柱产业。
        第一章 发展环境
        产业规模持续扩大。
        """))
    assert furniture(report, FurnitureKind.CONTENTS) == ["目录", "第一章 发展基础 1", "第二章 总体要求 12"]
    assert [s.title for s in report.sections if s.marker] == ["发展环境"]


def test_entries_with_leaders_but_no_contents_line():
    report = parse_text(doc("""
        云岭区青禾产业“十五五”规划
        一、总体要求……………………1
        二、主要任务……………………5
        一、总体要求
        坚持稳中求进。
        二、主要任务
        做强青禾产业。
        """))
    assert len(furniture(report, FurnitureKind.CONTENTS)) == 2
    assert [s.title for s in report.sections] == ["总体要求", "主要任务"]


def test_an_entry_broken_over_two_lines():
    report = parse_text(doc("""
        云岭区青禾产业“十五五”规划
        目 录
        一、总体要求和
        发展目标……………………1
        二、主要任务……………………5
        前 言
        青禾产业是支柱产业。
        """))
    assert len(furniture(report, FurnitureKind.CONTENTS)) == 4
    assert report.sections == ()


# -- scrape field lines before a work report -----------------------------------------------

def test_scrape_field_lines_are_header_furniture():
    report = parse_text(doc("""
        标题：2026年青禾市政府工作报告
        类型：政府工作报告
        发布日期：2026-01-20
        2026年青禾市政府工作报告
        ——2026年1月12日在青禾市第五届人民代表大会第三次会议上
        青禾市市长 林远
        各位代表：
        一、工作回顾
        全年新增就业4万人。
        """))
    assert furniture(report, FurnitureKind.HEADER) == ["标题：2026年青禾市政府工作报告", "类型：政府工作报告",
                                                       "发布日期：2026-01-20"]
    assert roles(report) == [FrontRole.TITLE, FrontRole.SUBTITLE, FrontRole.SPEAKER, FrontRole.SALUTATION]
    assert report.meta.title == "2026年青禾市政府工作报告"
    check_all(report)


# -- work-report front shapes ---------------------------------------------------------------

BODY = doc("""
    各位代表：
    现在，我代表市人民政府向大会报告工作，请予审议。
    一、2024年工作回顾
    过去一年，全市经济运行稳中有进。
    """)


@pytest.mark.parametrize(
    ("subtitle", "speaker"),
    [
        pytest.param("——2025年1月15日林远市长在青禾市第十六届人民代表大会第四次会议上",
                     Speaker(name="林远", office="市长"), id="name-then-office"),
        pytest.param("——2025年1月15日青禾市市长林远在青禾市第十六届人民代表大会第四次会议上",
                     Speaker(name="林远", office="青禾市市长"), id="office-then-name"),
        pytest.param("——2025年1月15日 市长 林 远 在青禾市第十六届人民代表大会第四次会议上",
                     Speaker(name="林远", office="市长"), id="spaced"),
        pytest.param("——2025年1月15日林远代市长在青禾市第十六届人民代表大会第四次会议上",
                     Speaker(name="林远", office="代市长"), id="acting"),
    ],
)
def test_speaker_inside_the_subtitle(subtitle, speaker):
    report = parse_text("青禾市政府工作报告\n" + subtitle + "\n" + BODY)
    m = report.meta
    assert m.speaker == speaker
    assert m.congress == Congress(name="青禾市第十六届人民代表大会", term=16, session=4)
    assert (m.date, m.region, m.year) == (dt.date(2025, 1, 15), "青禾市", 2025)
    check_all(report)


@pytest.mark.parametrize("gap", ["", " ", "　"])
def test_title_subtitle_and_speaker_on_one_line(gap):
    report = parse_text("政府工作报告——2025年3月5日在第十四届全国人民代表大会第三次会议上" + gap + "国务院总理 张三\n" + BODY)
    m = report.meta
    assert m.title == "政府工作报告"
    assert m.subtitle == "2025年3月5日在第十四届全国人民代表大会第三次会议上"
    assert m.speaker == Speaker(name="张三", office="国务院总理")
    assert (m.region, m.level, m.year) == ("全国", Level.NATIONAL, 2025)
    assert roles(report) == [FrontRole.SUBTITLE, FrontRole.SALUTATION]


@pytest.mark.parametrize(
    "lines",
    [
        pytest.param(("——2025年1月15日在青禾市第十六届人民代表大会", "来源：青禾日报", "青禾市市长 林远"), id="before-speaker"),
        pytest.param(("——2025年1月15日在青禾市第十六届人民代表大会第四次", "来源：青禾日报", "时间：2025-01-16",
                      "青禾市市长 林远"), id="two-source-lines"),
        pytest.param(("（2025年1月15日在青禾市第十六届人民代表大会", "发布时间：2025-01-16", "青禾市市长 林远"),
                     id="bracketed"),
    ],
)
def test_a_source_line_never_joins_a_broken_subtitle(lines):
    report = parse_text("2025年青禾市政府工作报告\n" + "\n".join(lines) + "\n" + BODY)
    m = report.meta
    assert "来源" not in m.subtitle and "时间" not in m.subtitle
    assert m.speaker == Speaker(name="林远", office="青禾市市长")
    sources = furniture(report, FurnitureKind.SOURCE)
    assert sources and all(s.startswith(("来源", "时间", "发布时间")) for s in sources)
    check_all(report)


def test_a_subtitle_broken_over_lines_still_joins_its_continuation():
    report = parse_text("2025年青禾市政府工作报告\n——2025年1月15日在青禾市第十六届\n人民代表大会第四次会议上\n来源：青禾日报\n"
                        + BODY)
    assert report.meta.subtitle == "2025年1月15日在青禾市第十六届人民代表大会第四次会议上"
    assert furniture(report, FurnitureKind.SOURCE) == ["来源：青禾日报"]


# -- the real documents ----------------------------------------------------------------------

needs_wild = pytest.mark.skipif(not (WILD / "plans").is_dir(), reason=f"the wild plans are not at {WILD / 'plans'}")


@needs_wild
@pytest.mark.seeds
@pytest.mark.parametrize(
    ("name", "title", "region", "level", "year"),
    [
        ("2017_shanghai_water_plan.md", "上海市水资源保护利用和防汛“十三五”规划", "上海市", Level.PROVINCIAL, 2016),
        ("2021_national_digital_economy_plan.md", "“十四五”数字经济发展规划", "全国", Level.NATIONAL, 2021),
        ("2021_national_emergency_plan.md", "“十四五”国家应急体系规划", "全国", Level.NATIONAL, 2021),
        ("2021_national_energy_tech_plan.txt", "“十四五”能源领域科技创新规划", "全国", Level.NATIONAL, 2021),
        ("2021_shanghai_huangpu_heritage_plan.md", "黄浦区历史风貌保护和利用“十四五”规划", "上海市黄浦区", Level.COUNTY,
         2021),
        ("2026_shanghai_huangpu_urban_renewal_plan.md", "黄浦区城市更新“十五五”规划", "上海市黄浦区", Level.COUNTY,
         2026),
    ],
)
def test_wild_plans_meta(name, title, region, level, year):
    report = parse_file(WILD / "plans" / name)
    m = report.meta
    assert (m.title, m.kind, m.region, m.level, m.year) == (title, Kind.PLAN_OUTLINE, region, level, year)
    assert m.date is None
    first = next(n for n in report.walk() if isinstance(n, Section))
    assert "..." not in first.title and "〔" not in first.title  # no contents entry, no document number
    check_all(report)


def test_a_notice_dated_in_full_width_digits_after_a_source_line():
    report = parse_text(doc("""
        发布时间：2026-01-15
        青禾市人民政府关于印发青禾市促进消费若干措施的通知
        各区人民政府：
        现将《青禾市促进消费若干措施》印发给你们。
        青禾市人民政府
        ２０２６年４月８日
        一、扩大消费
        发放消费券1亿元。
        """))
    m = report.meta
    assert m.notice.date == dt.date(2026, 4, 8) and m.notice.issuer == "青禾市人民政府"
    assert furniture(report, FurnitureKind.SOURCE) == ["发布时间：2026-01-15"]
    assert roles(report) == [FrontRole.NOTICE] * 5
    assert [s.title for s in report.sections] == ["扩大消费"]


def test_a_bulletin_signed_and_dated_under_its_title():
    """A statistics bulletin (or a plan published alone) names its issuer and date on lines
    of their own under the title: both are bylines, and the date is the document's."""
    report = parse_text(doc("""
        2025年青禾市国民经济和社会发展统计公报
        青禾市统计局　国家统计局青禾调查队
        （２０２６年３月１８日）
        一、综合
        全年全市地区生产总值增长5.1%。
        """))
    m = report.meta
    assert (m.title, m.region, m.year, m.date) == ("2025年青禾市国民经济和社会发展统计公报", "青禾市", 2025,
                                                   dt.date(2026, 3, 18))
    assert roles(report) == [FrontRole.TITLE, FrontRole.BYLINE, FrontRole.BYLINE]
    assert [s.title for s in report.sections] == ["综合"]
    check_all(report)


def test_a_month_under_a_plan_title_is_a_byline_but_no_date():
    report = parse_text(doc("""
        青禾市“十五五”生态环境保护规划
        青禾市人民政府
        2026年1月
        一、发展基础
        全市绿地面积达到120公顷。
        """))
    assert roles(report) == [FrontRole.TITLE, FrontRole.BYLINE, FrontRole.BYLINE]
    assert report.meta.date is None and report.meta.year == 2026


def test_a_body_named_away_from_the_title_is_no_byline():
    """A source field's value (来源： / 青禾市人民政府) and a date after a subtitle are not
    bylines: only the lines right under the title are; the subtitle's date stands."""
    report = parse_text(doc("""
        青禾市2026年政府工作报告
        ——2026年1月20日在青禾市第五届人民代表大会第五次会议上
        2026年1月25日
        来源：
        青禾市人民政府
        各位代表：
        现在，我代表市人民政府，向大会报告工作。
        """))
    assert FrontRole.BYLINE not in roles(report)
    assert report.meta.date == dt.date(2026, 1, 20)


def test_a_date_under_an_undated_subtitle_is_the_delivery_date():
    report = parse_text(doc("""
        政府工作报告
        ——在青禾区第三届人民代表大会第四次会议上
        （2024年1月8日）
        区长  李文华
        各位代表：
        现在，我代表区人民政府向大会报告工作。
        """))
    m = report.meta
    assert (m.date, m.speaker.name, m.congress.term) == (dt.date(2024, 1, 8), "李文华", 3)
    assert roles(report) == [FrontRole.TITLE, FrontRole.SUBTITLE, FrontRole.BYLINE, FrontRole.SPEAKER,
                             FrontRole.SALUTATION]


@pytest.mark.parametrize("first, second, title", [
    ("青禾市国民经济和社会发展第十五个五年", "规划和二〇三五年远景目标纲要",
     "青禾市国民经济和社会发展第十五个五年规划和二〇三五年远景目标纲要"),
    ("青禾市人民政府", "工作报告", "青禾市人民政府工作报告"),
])
def test_a_title_broken_before_its_last_words(first, second, title):
    """A cover page breaks a long title where the width ends it, even before 规划 or 报告."""
    report = parse_text(first + "\n" + second + "\n2026 年 1 月\n第一章 发展基础\n全市绿地面积达到120公顷。\n")
    m = report.meta
    assert (m.title, m.region, m.year) == (title, "青禾市", 2026)
    assert roles(report)[:2] == [FrontRole.TITLE, FrontRole.BYLINE]


def test_a_line_before_a_title_is_not_joined_to_it_unless_the_title_goes_on():
    report = parse_text("首页\n2026年青禾市政府工作报告\n各位代表：\n现在，我代表市人民政府向大会报告工作。\n")
    assert report.meta.title == "2026年青禾市政府工作报告"
