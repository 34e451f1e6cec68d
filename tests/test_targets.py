"""Targets and outcomes (DESIGN.md section 5), and the labellers they rest on: year, key,
indicator cleaning and the scope of the target and estimate flags.

Every fixture is our own wording, in the manner of a work report, for invented regions
(青禾市, 云岭省, 白石县) and invented figures. Tests on real reports read ``../shared`` and
skip when it is absent.
"""
from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govreport
from govreport.cli import main
from govreport.metrics import DEFAULT_KEYS, PLAUSIBLE_YEARS, KeyRule, extract_metrics
from govreport.metrics.year import section_years
from govreport.numerals import plan_period
from govreport.model import Change, HeadlineKind, Qualifier
from govreport.targets import Status, compare, rekey

from helpers import SHARED

HEAD = "2026年青禾市政府工作报告\n——2026年1月9日在青禾市第五届人民代表大会第二次会议上\n青禾市市长　林　远\n各位代表：\n"


def report(body: str, head: str = HEAD) -> govreport.Report:
    return govreport.parse(head + body)


def rows(hs: tuple[govreport.Headline, ...]) -> list[tuple[str | None, str, str | None]]:
    return [(h.key, h.text, None if h.qualifier is None else h.qualifier.value) for h in hs]


# ----------------------------------------------------------------------------- keys

@pytest.mark.parametrize("phrase, change, unit, key", [
    ("全省生产总值", Change.GROWTH, "%", "gdp_growth"),
    ("地区生产总值", Change.TO, "元", "gdp"),
    ("经济总量", Change.LEVEL, "元", "gdp"),
    ("GDP", Change.GROWTH, "%", "gdp_growth"),
    ("经济", Change.GROWTH, "%", "gdp_growth"),
    ("云岭省生产总值", Change.GROWTH, "%", "gdp_growth"),
    ("居民消费价格涨幅", Change.LEVEL, "%", "cpi"),
    ("居民消费价格", Change.GROWTH, "%", "cpi"),
    ("居民消费价格指数涨幅", Change.LEVEL, "%", "cpi"),
    ("居民消费价格总水平", Change.GROWTH, "%", "cpi"),
    ("城镇调查失业率", Change.LEVEL, "%", "unemployment_rate"),
    ("城镇登记失业率", Change.LEVEL, "%", None),
    ("城镇新增就业", Change.LEVEL, "人", "new_urban_jobs"),
    ("新增就业岗位", Change.LEVEL, "个", None),
    ("农村居民人均可支配收入", Change.GROWTH, "%", "income_growth"),
    ("城镇、农村居民人均可支配收入", Change.GROWTH, "%", "income_growth"),
    ("居民人均可支配收入", Change.TO, "元", None),
    ("粮食总产量", Change.LEVEL, "吨", "grain_output"),
    ("地方一般公共预算收入", Change.GROWTH, "%", "budget_revenue_growth"),
    ("一般公共预算收入", Change.TO, "元", "budget_revenue"),
    ("税收收入占一般公共预算收入比重", Change.SHARE, "%", None),
    ("全社会固定资产投资", Change.GROWTH, "%", "fixed_investment_growth"),
    ("工业投资", Change.GROWTH, "%", None),
    ("社会消费品零售总额", Change.GROWTH, "%", "retail_sales_growth"),
    ("外贸进出口总额", Change.GROWTH, "%", "trade_growth"),
    ("出口", Change.GROWTH, "%", None),
    ("对东盟进出口", Change.GROWTH, "%", None),
    ("带动青禾进出口", Change.GROWTH, "%", None),
    ("研发投入强度", Change.LEVEL, "%", "rd_intensity"),
    ("研发经费支出相当于全市生产总值的比例", Change.TO, "%", "rd_intensity"),
    ("研发投入", Change.GROWTH, "%", None),
    ("单位地区生产总值能耗", Change.DECLINE, "%", "energy_intensity"),
    ("单位地区生产总值二氧化碳排放", Change.DECLINE, "%", None),
    ("人均地区生产总值", Change.LEVEL, "元", None),
    # a total stated with 实现 / 完成, an aside in brackets, hints that overlap (经济总量, 经济)
    ("实现地区生产总值", Change.LEVEL, "元", "gdp"),
    ("全市完成一般公共预算收入", Change.GROWTH, "%", "budget_revenue_growth"),
    ("地区生产总值（GDP）", Change.GROWTH, "%", "gdp_growth"),
    ("经济总量", Change.GROWTH, "%", "gdp_growth"),
    ("实现利润", Change.GROWTH, "%", None),
])
def test_key_of_an_indicator(phrase, change, unit, key):
    assert DEFAULT_KEYS.key(phrase, change, unit) == key


def test_the_key_table_extends_and_rekeys_a_report():
    keys = DEFAULT_KEYS.extended([KeyRule("industry_growth", r"规模以上工业增加值", frozenset({"%"}))])
    assert keys.keys[0] == "industry_growth" and "gdp" in keys.keys
    r = report("一、2025年工作回顾\n规模以上工业增加值增长6.1%，地区生产总值增长5.2%。\n")
    assert [m.key for m in r.metrics] == [None, "gdp_growth"]
    again = rekey(r, keys)
    assert [m.key for m in again.metrics] == ["industry_growth", "gdp_growth"]
    assert [h.key for h in again.outcomes] == ["industry_growth", "gdp_growth"]


# ----------------------------------------------------------------------------- indicator cleaning

@pytest.mark.parametrize("sentence, indicators", [
    # quote marks and a plan's period in front
    ("力争“十五五”时期地区生产总值年均增长5.5%左右。", ["地区生产总值"]),
    # a trailing verb that introduces the value
    ("全市地区生产总值跨过2000亿元。", ["全市地区生产总值"]),
    ("粮食总产量稳定在80万吨以上。", ["粮食总产量"]),
    # a leading conjunction and a dash
    ("——以及城镇新增就业5万人。", ["城镇新增就业"]),
    # a leading 的 after the previous quantity
    ("培育年营业收入10亿元以上的服务业企业8家。", ["培育年营业收入", "服务业企业"]),
    # an elided subject filled from the same sentence
    ("粮食总产量达到92万吨，连续5年稳定在90万吨以上。", ["粮食总产量", "粮食总产量", "粮食总产量"]),
    ("地区生产总值跨过2000亿元、年均增长5.8%。", ["地区生产总值", "地区生产总值"]),
    # a clause that names the subject and says nothing of a number
    ("全市进出口总额再创新高，达到310亿元、增长9.1%。", ["全市进出口总额", "全市进出口总额"]),
    # the milestone a figure passes is no noun of it
    ("经济总量迈上两千亿元新台阶，达到2056.3亿元。", ["经济总量", "经济总量"]),
    # a comparison's year at the end: what the figure is measured against, not its subject
    ("人均地区生产总值比2020年翻一番。", ["人均地区生产总值"]),
    ("单位地区生产总值能耗较2020年末下降13.5%。", ["单位地区生产总值能耗"]),
    ("事故起数和死亡人数分别比二〇一九年下降4.8%和1.8%。", ["事故起数", "死亡人数"]),
    ("对中亚五国、东盟进出口分别增长37.2%、19%。", ["对中亚五国、东盟进出口", "对中亚五国、东盟进出口"]),
    ("城镇、农村居民人均可支配收入分别增长4.5%、6.8%。", ["城镇、农村居民人均可支配收入"] * 2),
    ("规上工业增加值、固定资产投资分别增长8%、10%左右。", ["规上工业增加值", "固定资产投资"]),
])
def test_indicator_cleaning(sentence, indicators):
    assert [m.indicator for m in extract_metrics(sentence)] == indicators


# ----------------------------------------------------------------------------- target and estimate scope

@pytest.mark.parametrize("sentence, targets", [
    ("主要预期目标是：地区生产总值增长5%左右；城镇新增就业5万人以上。", [True, True]),
    ("力争全年粮食产量稳定在90万吨以上，城镇新增就业5万人。", [True, True]),
    ("到2030年，研发投入强度达到3%。", [True]),
    # a 确保 in another clause of a review sentence does not make its figures targets
    ("我们确保了重点项目如期投产，全年地区生产总值增长5.2%，城镇新增就业5.1万人。", [False, False]),
    # a 力争 opening a sentence stops at a semicolon
    ("力争研发投入强度达到3%；去年专利授权增长8%。", [True, False]),
])
def test_target_flag_scope(sentence, targets):
    assert [m.target for m in extract_metrics(sentence)] == targets


@pytest.mark.parametrize("sentence, estimates", [
    ("预计全年地区生产总值增长5.1%，一般公共预算收入增长3.2%。", [True, True]),
    ("初步核算，地区生产总值增长5.1%；一般公共预算收入增长3.2%。", [True, False]),
    ("地区生产总值预计增长5.1%，一般公共预算收入增长3.2%。", [True, False]),
    ("地区生产总值预计增长5.1%，达到1500亿元。", [True, True]),
])
def test_estimate_flag_scope(sentence, estimates):
    assert [m.estimate for m in extract_metrics(sentence)] == estimates


# ----------------------------------------------------------------------------- years

@pytest.mark.parametrize("sentence, years", [
    ("2025年地区生产总值增长5.2%。", [(2025, None)]),
    ("二〇二五年粮食产量92万吨。", [(2025, None)]),
    ("到2030年研发投入强度达到3%。", [(2030, None)]),
    ("比2020年增长40%。", [(None, None)]),
    ("“十四五”时期地区生产总值年均增长5.5%。", [(None, (2021, 2025))]),
    ("“十四五”末森林覆盖率达到30%。", [(2025, None)]),
])
def test_year_stated_in_the_sentence(sentence, years):
    assert [(m.year, m.years) for m in extract_metrics(sentence)] == years


def test_year_from_relative_words_paragraph_and_section():
    r = report(
        "一、过去五年和2025年工作回顾\n"
        "五年来，地区生产总值年均增长5.6%。\n"
        "刚刚过去的一年，地区生产总值增长5.2%。城镇新增就业5.1万人。\n"
        "去年粮食产量92万吨，今年力争达到93万吨。\n"
        "二、今年工作安排\n"
        "新建学校12所。\n"
        "三、“十五五”时期主要目标\n"
        "建成公园30座。\n"
    )
    got = [(m.text, m.year, m.years) for m in r.metrics]
    assert got == [
        ("5.6%", None, (2021, 2025)),     # the paragraph opens with 五年来
        ("5.2%", 2025, None),             # 刚刚过去的一年
        ("5.1万人", 2025, None),           # the paragraph's opening carries on
        ("92万吨", 2025, None),            # 去年
        ("93万吨", 2026, None),            # 今年
        ("12所", 2026, None),              # the section 今年工作安排
        ("30座", None, (2026, 2030)),      # the section of the 15th plan
    ]


@pytest.mark.parametrize("title, expected", [
    ("2025年工作回顾", (2025, None)),
    ("过去五年工作回顾", (None, (2021, 2025))),
    ("今年工作安排", (2026, None)),
    ("“十四五”时期工作回顾", (None, (2021, 2025))),
    ("努力实现“十五五”良好开局", (2026, None)),
    ("深化改革开放", (None, None)),
    # the plan's five years and the report's own year in one title: the year's work
    ("“十五五”时期主要目标和2026年工作安排", (2026, None)),
    ("“十五五”时期目标任务和今年重点工作", (2026, None)),
    ("“十四五”时期和2025年工作回顾", (2025, None)),
    ("2035年远景目标和“十五五”时期主要目标", (None, (2026, 2030))),
])
def test_section_years(title, expected):
    assert section_years(title, 2026) == expected


def test_plan_years():
    assert plan_period(14) == (2021, 2025) and plan_period(15) == (2026, 2030) and plan_period(2) == (1958, 1962)


# ----------------------------------------------------------------------------- the targets passage

def test_passage_in_one_paragraph_with_qualitative_targets():
    r = report(
        "一、2025年工作回顾\n地区生产总值增长5.2%。\n二、2026年工作安排\n"
        "今年全市经济社会发展的主要预期目标是：地区生产总值增长5%左右，一般公共预算收入增长3%，"
        "城镇新增就业5万人以上，城镇调查失业率5.5%以内，城镇登记失业率4%以内，居民消费价格涨幅2%左右，"
        "居民人均可支配收入增长与经济增长基本同步，固定资产投资增速保持在全省平均水平以上。"
        "上述目标考虑了稳就业的需要，与地区生产总值增长5%左右相匹配。\n"
        "力争社会消费品零售总额增长6%。\n"
    )
    assert rows(r.targets) == [
        ("gdp_growth", "5%左右", "approx"),
        ("budget_revenue_growth", "3%", None),
        ("new_urban_jobs", "5万人以上", "at_least"),
        ("unemployment_rate", "5.5%以内", "at_most"),
        ("cpi", "2%左右", "approx"),
        ("income_growth", "居民人均可支配收入增长与经济增长基本同步", None),
        ("fixed_investment_growth", "固定资产投资增速保持在全省平均水平以上", None),
    ]
    assert all(h.kind is HeadlineKind.TARGET and h.year == 2026 for h in r.targets)
    assert r.targets[5].value is None
    assert r.text[r.targets[0].span.start:r.targets[0].span.end] == "5%左右"


@pytest.mark.parametrize("lead", [
    "主要预期目标是：", "主要预期目标建议为：", "主要预期目标安排如下：", "主要预期目标拟定为：",
    "主要目标任务是：", "主要预期指标是：", "主要目标安排如下：", "预期目标为",
])
def test_the_lead_in_in_the_words_reports_use(lead):
    r = report("二、2026年工作安排\n今年全市经济社会发展的" + lead + "地区生产总值增长5%左右，城镇调查失业率5.5%以内。\n")
    assert rows(r.targets) == [("gdp_growth", "5%左右", "approx"), ("unemployment_rate", "5.5%以内", "at_most")]
    assert all(m.target for m in r.metrics)


def test_passage_split_over_lines_as_a_list():
    r = report(
        "二、2026年工作安排\n今年发展的主要预期目标：\n"
        "——地区生产总值增长6%左右；\n——城镇新增就业3万人；\n——居民收入增长和经济增长同步；\n"
        "——粮食总产量稳定在50万吨以上。\n实现上述目标，要做好以下工作。\n新建学校5所。\n"
    )
    assert rows(r.targets) == [
        ("gdp_growth", "6%左右", "approx"),
        ("new_urban_jobs", "3万人", None),
        ("income_growth", "居民收入增长和经济增长同步", None),
        ("grain_output", "50万吨以上", "at_least"),
    ]


def test_passage_as_numbered_lines_under_a_lead_in():
    r = report("今年主要预期目标为：\n1.地区生产总值增长5.5%；\n2.城镇调查失业率5.5%左右。\n")
    assert rows(r.targets) == [("gdp_growth", "5.5%", None), ("unemployment_rate", "5.5%左右", "approx")]


@pytest.mark.parametrize("mark", ["{n}.", "（{n}）", "{n}、"])
def test_a_numbered_list_goes_on_through_entries_that_state_no_key(mark):
    """An entry with no key of ours (规上工业增加值) does not end a list whose entries are
    numbered: the ones after it are targets still."""
    entries = ["地区生产总值增长6.5%左右；", "规上工业增加值增长8%；", "固定资产投资增长8%以上；",
               "城乡居民人均可支配收入分别增长5.5%和7%；", "完成市下达的节能减排目标任务。"]
    lines = "".join(mark.format(n=n) + e + "\n" for n, e in enumerate(entries, 1))
    r = report("二、2026年工作安排\n今年主要预期目标是：\n" + lines + "围绕上述目标，抓好以下工作：\n（一）扩大需求。新建学校5所。\n")
    assert rows(r.targets) == [
        ("gdp_growth", "6.5%左右", "approx"),
        ("fixed_investment_growth", "8%以上", "at_least"),
        ("income_growth", "5.5%", None),
        ("income_growth", "7%", None),
    ]
    assert [h.name for h in r.targets][-2:] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]


def test_five_year_and_long_range_goals_are_not_the_years_targets():
    r = report(
        "二、“十五五”时期主要目标\n“十五五”时期全市经济社会发展的主要目标是：地区生产总值年均增长5.5%。\n"
        "到2035年的远景目标是：人均地区生产总值达到中等发达国家水平。\n"
        "三、2026年重点工作\n2026年主要预期目标是：地区生产总值增长5%以上。\n"
    )
    assert rows(r.targets) == [("gdp_growth", "5%以上", "at_least")]


def test_the_years_targets_under_a_title_that_also_names_the_plan():
    r = report(
        "二、“十五五”时期的主要目标和2026年工作安排\n"
        "“十五五”时期，全市生产总值年均增长5.5%左右。\n"
        "2026年全市经济社会发展的主要预期目标为：全市生产总值增长5.5%左右，城镇调查失业率控制在5.5%以内。\n"
        "（一）扩大有效投资。新建学校5所。\n"
    )
    assert rows(r.targets) == [("gdp_growth", "5.5%左右", "approx"), ("unemployment_rate", "5.5%以内", "at_most")]
    assert [(m.text, m.year, m.years) for m in r.metrics] == [
        ("5.5%左右", None, (2026, 2030)), ("5.5%左右", 2026, None), ("5.5%以内", 2026, None), ("5所", 2026, None)]


def test_assigned_targets_list_their_subjects():
    r = report("主要预期目标是：地区生产总值增长5%，完成国家下达的粮食生产、单位生产总值能耗降低目标任务。\n")
    assert [(h.key, h.value) for h in r.targets] == [
        ("gdp_growth", Decimal(5)), ("grain_output", None), ("energy_intensity", None)]


def test_no_passage_no_targets():
    assert report("一、总体要求\n全年地区生产总值增长5%左右。\n").targets == ()


# ----------------------------------------------------------------------------- outcomes

def test_outcomes_first_statement_of_each_key_for_last_year():
    r = report(
        "一、2025年和过去五年工作回顾\n"
        "五年来，地区生产总值从1200亿元增加到1600亿元，年均增长5.9%，一般公共预算收入年均增长4%。\n"
        "2025年，预计地区生产总值增长5.3%；一般公共预算收入增长3.1%，居民消费价格与上年持平，"
        "城乡居民人均可支配收入分别增长4.6%、6.2%，城镇新增就业5.2万人。\n"
        "（一）扩大内需。社会消费品零售总额增长4.8%，地区生产总值增长6%的目标顺利实现。\n"
        "二、2026年工作安排\n主要预期目标是：地区生产总值增长5%左右。\n"
        "2026年一般公共预算收入增长3%。\n"
    )
    got = [(h.key, h.name, h.text, h.estimate) for h in r.outcomes]
    assert got == [
        ("gdp", "地区生产总值", "1600亿元", False),  # the end point of the five years: the year states no level
        ("gdp_growth", "地区生产总值", "5.3%", True),
        ("budget_revenue_growth", "一般公共预算收入", "3.1%", False),
        ("cpi", "居民消费价格", "居民消费价格与上年持平", False),
        ("income_growth", "城镇居民人均可支配收入", "4.6%", False),
        ("income_growth", "农村居民人均可支配收入", "6.2%", False),
        ("new_urban_jobs", "城镇新增就业", "5.2万人", False),
        ("retail_sales_growth", "社会消费品零售总额", "4.8%", False),
    ]
    assert all(h.year == 2025 and h.kind is HeadlineKind.OUTCOME for h in r.outcomes)


def test_urban_and_rural_growth_after_the_whole_are_two_more_rows():
    """其中城镇居民增长…、农村居民增长…: the groups named alone are of the income named
    before them; the outcomes hold the whole, the urban and the rural figure."""
    r = report("一、2025年工作回顾\n全体居民人均可支配收入增长5.6%，其中城镇居民增长4.9%、农村居民增长7.1%。\n")
    assert [(h.key, h.name, h.text) for h in r.outcomes] == [
        ("income_growth", "全体居民人均可支配收入", "5.6%"),
        ("income_growth", "城镇居民人均可支配收入", "4.9%"),
        ("income_growth", "农村居民人均可支配收入", "7.1%"),
    ]


def test_the_figure_after_a_milestone_is_the_outcome():
    r = report(
        "一、2025年工作回顾\n2025年，全市生产总值突破两千亿元，达到2056.3亿元，增长5.6%。"
        "一般公共预算收入超过百亿元。全市一般公共预算收入达到103亿元。\n"
    )
    # in one sentence the exact figure wins over the milestone passed; across sentences the first stands
    assert [(h.key, h.text, h.qualifier) for h in r.outcomes] == [
        ("gdp", "2056.3亿元", None), ("gdp_growth", "5.6%", None), ("budget_revenue", "百亿元", Qualifier.AT_LEAST)]


def test_a_review_wrapped_at_the_page_width_in_mid_word():
    """Text from a PDF: lines cut at the page width, even inside 生产总值 and 失业率."""
    r = report(
        "一、2025年工作回顾\n"
        "过去一年，全市上下团结奋斗，经济运行总体平稳，全市地区生产总\n"
        "值增长5.2%，一般公共预算收入增长8.2%，城镇调查失业率控制在4\n"
        "%以内，居民消费价格总体平稳，居民收入增长与经济增长同步，城镇调\n"
        "查失业率平均为4.4%，多项指标保持全国前列。\n"
    )
    assert [(m.text, m.indicator, m.key) for m in r.metrics] == [
        ("5.2%", "全市地区生产总值", "gdp_growth"), ("8.2%", "一般公共预算收入", "budget_revenue_growth"),
        ("4\n%以内", "城镇调查失业率", "unemployment_rate"), ("4.4%", "城镇调查失业率", "unemployment_rate")]
    assert [(h.key, h.text) for h in r.outcomes] == [
        ("gdp_growth", "5.2%"), ("budget_revenue_growth", "8.2%"), ("unemployment_rate", "4\n%以内")]


def test_a_decline_keeps_its_magnitude():
    r = report("一、2025年工作回顾\n预计地区生产总值下降1.5%。\n")
    (h,) = r.outcomes
    assert (h.value, h.change, h.estimate) == (Decimal("1.5"), Change.DECLINE, True)


def test_outcomes_need_the_report_year():
    r = govreport.parse("一、工作回顾\n地区生产总值增长5.2%。\n")
    assert r.meta.year is None and r.outcomes == ()


# ----------------------------------------------------------------------------- comparison, rows, CLI

def _two_years() -> list[govreport.Report]:
    a = report("二、2025年工作安排\n主要预期目标是：地区生产总值增长5%左右，居民消费价格涨幅2%左右，"
               "城镇新增就业5万人以上，一般公共预算收入增长3%，居民收入增长和经济增长同步。\n",
               head=HEAD.replace("2026", "2025"))
    b = report("一、2025年工作回顾\n地区生产总值增长4.9%，居民消费价格上涨2.4%，城镇新增就业4.6万人。\n")
    return [b, a]


def test_compare_sets_targets_against_the_next_outcomes():
    got = [(c.key, c.status, c.difference) for c in compare(_two_years())]
    assert got == [
        ("gdp_growth", Status.MET, Decimal("-0.1")),       # 左右 allows a fifth of a point
        ("cpi", Status.MISSED, Decimal("0.4")),            # a ceiling
        ("new_urban_jobs", Status.MISSED, Decimal("-4000")),
        ("budget_revenue_growth", Status.NOT_REPORTED, None),
        ("income_growth", Status.NOT_COMPARABLE, None),
    ]


def test_json_round_trip_keeps_targets_and_outcomes():
    r = _two_years()[0]
    assert r.outcomes and govreport.Report.from_dict(r.to_dict()) == r
    r = _two_years()[1]
    assert r.targets and govreport.Report.from_dict(json.loads(json.dumps(r.to_dict(), ensure_ascii=False))) == r


def test_cli_targets_jsonl_and_compare(tmp_path, capsys):
    paths = []
    for i, r in enumerate(_two_years()):
        path = tmp_path / f"r{i}.txt"
        path.write_text(r.text, encoding="utf-8")
        paths.append(str(path))
    assert main(["targets", *paths, "--format", "jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert set(lines[0]) == {"file", "region", "report_year", "kind", "indicator", "name", "year", "text", "span",
                             "value", "value_high", "unit", "base_value", "base_value_high", "base_unit",
                             "qualifier", "change", "estimate"}
    assert [(x["kind"], x["indicator"], x["value"]) for x in lines][:2] == [
        ("outcome", "gdp_growth", "4.9"), ("outcome", "cpi", "2.4")]
    assert main(["targets", *paths, "--compare"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("region,year,indicator") and ",met," in out[1]
    assert main(["targets", str(tmp_path / "missing.txt")]) == 1


def test_frames(tmp_path):
    pytest.importorskip("pandas")
    reports = _two_years()
    frame = govreport.targets_frame(reports)
    assert list(frame.columns) == list(govreport.frames.TARGET_COLUMNS)
    assert set(frame.kind) == {"target", "outcome"}
    cmp = govreport.comparison_frame(reports)
    assert list(cmp.status)[:2] == ["met", "missed"]


# ----------------------------------------------------------------------------- properties

_TEXT = st.text(alphabet=st.sampled_from(list("年今去明五来过一二〇2019十四五时期“”，。；：地区生产总值增长%万亿元人吨预计力争目标是比较上")),
                max_size=80)


@settings(deadline=None)
@given(_TEXT, st.one_of(st.none(), st.integers(min_value=-5, max_value=5000)))
def test_year_and_key_never_raise_and_years_are_plausible(text, year):
    head = "" if year is None else f"{year}年青禾市政府工作报告\n"
    r = govreport.parse(head + "一、工作回顾\n" + text)
    for m in r.metrics:
        assert m.year is None or m.year in PLAUSIBLE_YEARS
        assert m.years is None or (m.years[0] in PLAUSIBLE_YEARS and m.years[0] <= m.years[1])
        assert m.year is None or m.years is None
        assert m.key is None or m.key in DEFAULT_KEYS.keys
    for h in r.targets + r.outcomes:
        assert r.text[h.span.start:h.span.end] == h.text
        assert h.year is None or h.year in PLAUSIBLE_YEARS


@settings(deadline=None)
@given(st.text(max_size=40), st.sampled_from(list(Change)), st.sampled_from(["%", "元", "人", "吨", "个"]))
def test_key_never_raises(phrase, change, unit):
    key = DEFAULT_KEYS.key(phrase, change, unit)
    assert key is None or key in DEFAULT_KEYS.keys
    DEFAULT_KEYS.clause_key(phrase)


# ----------------------------------------------------------------------------- real reports

WILD = SHARED / "wild"


def _wild(name: str) -> govreport.Report:
    path = WILD / name
    if not path.exists():
        pytest.skip(f"{path} is not here (the shared folder beside the repository)")
    return govreport.parse_file(path)


def test_shaanxi_2026_by_hand():
    r = _wild("2026_shaanxi_province_work_report.txt")
    assert [(h.key, h.text) for h in r.targets] == [
        ("gdp_growth", "5％左右"),
        ("fixed_investment_growth", "固定资产投资增速保持在全国平均水平以上"),
        ("budget_revenue_growth", "3％"),
        ("income_growth", "居民收入增速高于经济增速、高于全国平均水平"),
        ("new_urban_jobs", "40万人以上"),
        ("unemployment_rate", "5.5％左右"),
        ("cpi", "2％左右"),
        ("grain_output", "完成国家下达的粮食生产、单位生产总值二氧化碳减排目标任务"),
    ]
    assert [(h.key, h.text) for h in r.outcomes] == [
        ("gdp_growth", "5.1％"), ("new_urban_jobs", "44.1万人"), ("income_growth", "5.6％"),
        ("grain_output", "1347万吨"), ("retail_sales_growth", "6％"), ("unemployment_rate", "5.3％"),
        ("trade_growth", "18.5％"),
    ]
    assert {h.year for h in r.outcomes} == {2025} and {h.year for h in r.targets} == {2026}


def test_shanghai_2026_by_hand():
    r = _wild("2026_shanghai_province_work_report.txt")
    assert [(h.key, h.text) for h in r.targets] == [
        ("gdp_growth", "5%左右"), ("budget_revenue_growth", "2%"), ("rd_intensity", "4.6%左右"),
        ("unemployment_rate", "5%以内"), ("income_growth", "居民人均可支配收入增长与经济增长保持基本同步"),
        ("cpi", "2%左右"),
    ]
    assert [(h.key, h.text) for h in r.outcomes] == [
        ("gdp", "5.67万亿元"), ("gdp_growth", "5.4%"), ("budget_revenue", "8500亿元"),
        ("budget_revenue_growth", "1.5%"), ("cpi", "0.1%"), ("unemployment_rate", "4.2%"),
        ("rd_intensity", "4.5%左右"), ("trade_growth", "5.6%"), ("income_growth", "4.1%"),
        ("retail_sales_growth", "4.6%"), ("fixed_investment_growth", "4.6%"), ("new_urban_jobs", "64.1万人"),
    ]
    assert r.targets[3].qualifier is Qualifier.AT_MOST


def test_national_2018_review_of_the_year_inside_the_five_year_review():
    r = _wild("2018_national_work_report_wikisource.txt")
    assert ("gdp_growth", "6.9%") in [(h.key, h.text) for h in r.outcomes]
    assert ("gdp", "82.7万亿元") in [(h.key, h.text) for h in r.outcomes]  # the five years' end point
    assert [h.key for h in r.targets][:4] == ["gdp_growth", "cpi", "new_urban_jobs", "unemployment_rate"]


def test_demo_reports_of_two_regions_parse_without_warnings():
    for name in ("demo_province_2025.txt", "demo_province_2026.txt"):
        r = govreport.parse_file(f"examples/{name}", strict=True)
        assert r.meta.region == "云岭省" and r.targets and r.outcomes
