"""Spec fixtures and properties for :func:`govreport.metrics.extract_metrics`.

The fixture sentences are our own, written in the manner of a work report: one per form
of quantity and one per thing that must not be taken for a metric. Each row lists the
quantities expected in order as ``(text, value, value_high, unit, base_value, base_unit,
qualifier)``.
"""
from __future__ import annotations

import collections
import json
import pathlib
import re
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from govreport.metrics import (
    _CHANGE_AT_END,
    _NUMERAL_CHARS,
    _TRAIL_JUNK,
    MetricFinder,
    _numeral_tokens,
    extract_metrics,
)
from govreport.normalize import normalize
from govreport.numerals import FIXED_TERMS, NUMERAL_RE
from govreport.model import Change, Metric, Period, Qualifier

from helpers import assert_linear

Row = tuple[str, str, "str | None", str, str, str, "str | None"]

SHARED = pathlib.Path(__file__).resolve().parents[2] / "shared"


def _rows(sentence: str) -> list[Row]:
    return [
        (
            m.text,
            str(m.value),
            None if m.value_high is None else str(m.value_high),
            m.unit,
            str(m.base_value),
            m.base_unit,
            None if m.qualifier is None else m.qualifier.value,
        )
        for m in extract_metrics(sentence)
    ]


# --------------------------------------------------------------------------- forms

FORMS: list[tuple[str, list[Row]]] = [
    # money and magnitudes
    ("全县一般公共预算收入完成86亿元。", [("86亿元", "86", None, "亿元", "8600000000", "元", None)]),
    ("全省生产总值迈上6.35万亿元新台阶。", [("6.35万亿元", "6.35", None, "万亿元", "6350000000000", "元", None)]),
    ("引进外资12.5亿美元。", [("12.5亿美元", "12.5", None, "亿美元", "1250000000", "美元", None)]),
    ("每户补助3000元。", [("3000元", "3000", None, "元", "3000", "元", None)]),
    ("拨付救灾资金1,250万元。", [("1,250万元", "1250", None, "万元", "12500000", "元", None)]),
    ("共筹措资金3亿5千万元。", [("3亿5千万元", "350000000", None, "元", "350000000", "元", None)]),
    ("新增就业4万5千人。", [("4万5千人", "45000", None, "人", "45000", "人", None)]),
    # people and measure words
    ("城镇新增就业4.6万人。", [("4.6万人", "4.6", None, "万人", "46000", "人", None)]),
    ("接待游客8900万人次。", [("8900万人次", "8900", None, "万人次", "89000000", "人次", None)]),
    ("培训乡村教师1200名。", [("1200名", "1200", None, "名", "1200", "名", None)]),
    ("新建社区食堂56家、托育机构18所、口袋公园40个。", [
        ("56家", "56", None, "家", "56", "家", None),
        ("18所", "18", None, "所", "18", "所", None),
        ("40个", "40", None, "个", "40", "个", None),
    ]),
    ("改造老旧小区楼栋320栋，加装电梯540台。", [
        ("320栋", "320", None, "栋", "320", "栋", None),
        ("540台", "540", None, "台", "540", "台", None),
    ]),
    ("出台惠企政策27条、改革举措15项。", [
        ("27条", "27", None, "条", "27", "条", None),
        ("15项", "15", None, "项", "15", "项", None),
    ]),
    # measures, rates and containers
    ("新建农村公路260公里、绿道35.5公里。", [
        ("260公里", "260", None, "公里", "260", "公里", None),
        ("35.5公里", "35.5", None, "公里", "35.5", "公里", None),
    ]),
    ("完成造林绿化12万亩。", [("12万亩", "12", None, "万亩", "120000", "亩", None)]),
    ("改造城市管网1.8万平方米。", [("1.8万平方米", "1.8", None, "万平方米", "18000", "平方米", None)]),
    ("新增库容3亿立方米。", [("3亿立方米", "3", None, "亿立方米", "300000000", "立方米", None)]),
    ("粮食产量稳定在245万吨。", [("245万吨", "245", None, "万吨", "2450000", "吨", None)]),
    ("建成年产60万吨/年的乙烯装置。", [("60万吨/年", "60", None, "万吨/年", "600000", "吨/年", None)]),
    ("细颗粒物平均浓度为31微克/立方米。", [("31微克/立方米", "31", None, "微克/立方米", "31", "微克/立方米", None)]),
    ("日处理污水20万立方米/天。", [("20万立方米/天", "20", None, "万立方米/天", "200000", "立方米/天", None)]),
    ("港口吞吐量完成760万标准箱。", [("760万标准箱", "760", None, "万标准箱", "7600000", "标准箱", None)]),
    ("新增光伏装机120万千瓦，发电量达18亿千瓦时。", [
        ("120万千瓦", "120", None, "万千瓦", "1200000", "千瓦", None),
        ("18亿千瓦时", "18", None, "亿千瓦时", "1800000000", "千瓦时", None),
    ]),
    ("建成220千伏变电站4座。", [
        ("220千伏", "220", None, "千伏", "220", "千伏", None),
        ("4座", "4", None, "座", "4", "座", None),
    ]),
    # ratios
    ("居民收入增长5.8%。", [("5.8%", "5.8", None, "%", "5.8", "%", None)]),
    ("服务业比重提高1.6个百分点。", [("1.6个百分点", "1.6", None, "个百分点", "1.6", "个百分点", None)]),
    ("人口自然增长率下降0.3个千分点。", [("0.3个千分点", "0.3", None, "个千分点", "0.3", "个千分点", None)]),
    ("出口额增长1.5倍。", [("1.5倍", "1.5", None, "倍", "1.5", "倍", None)]),
    ("农村集体收入比五年前翻了一番。", [("翻了一番", "2", None, "倍", "2", "倍", None)]),
    ("绿色建筑占新建建筑的百分之七十五。", [("百分之七十五", "75", None, "%", "75", "%", None)]),
    ("七成以上的村实现集体增收。", [("七成以上", "7", None, "成", "70", "%", "at_least")]),
    # durations and age
    ("审批时限压缩至3个工作日。", [("3个工作日", "3", None, "个工作日", "3", "个工作日", None)]),
    ("打造15分钟便民生活圈，实现2小时通达。", [
        ("15分钟", "15", None, "分钟", "15", "分钟", None),
        ("2小时", "2", None, "小时", "2", "小时", None),
    ]),
    ("人均预期寿命达到80.2岁。", [("80.2岁", "80.2", None, "岁", "80.2", "岁", None)]),
    ("空气质量优良天数达到301天。", [("301天", "301", None, "天", "301", "天", None)]),
    # Chinese numerals
    ("设立千亿元产业投资基金。", [("千亿元", "1000", None, "亿元", "100000000000", "元", None)]),
    ("统筹推进六个方面重点工作。", [("六个", "6", None, "个", "6", "个", None)]),
    ("连续举办三届数字经济大会。", [("三届", "3", None, "届", "3", "届", None)]),
    ("动员党员干部两千余名。", [("两千余名", "2000", None, "名", "2000", "名", "at_least")]),
    ("投入资金三千五百万元。", [("三千五百万元", "3500", None, "万元", "35000000", "元", None)]),
    ("开设两条公交专线。", [("两条", "2", None, "条", "2", "条", None)]),
    ("出口额增长一倍。", [("一倍", "1", None, "倍", "1", "倍", None)]),
    ("吸引上千名青年创业。", [("千名", "1000", None, "名", "1000", "名", "at_least")]),
    # mixed Arabic and Chinese magnitudes
    ("日均新登记企业由4千多户增加到1万2千多户。", [
        ("4千多户", "4", None, "千户", "4000", "户", "at_least"),
        ("1万2千多户", "12000", None, "户", "12000", "户", "at_least"),
    ]),
    ("减轻企业负担2万多亿元。", [("2万多亿元", "2", None, "万亿元", "2000000000000", "元", "at_least")]),
    ("天然气产量达到85亿方。", [("85亿方", "85", None, "亿方", "8500000000", "方", None)]),
    ("全年节约用电1.2亿度。", [("1.2亿度", "1.2", None, "亿度", "120000000", "度", None)]),
    ("储能电池产能达到30吉瓦时。", [("30吉瓦时", "30", None, "吉瓦时", "30", "吉瓦时", None)]),
    ("受灾害影响，农业增加值增长-1.5%。", [("-1.5%", "-1.5", None, "%", "-1.5", "%", None)]),
    # ranges
    ("每年新增2—3家上市公司。", [("2—3家", "2", "3", "家", "2", "家", None)]),
    ("发展 6—8 英寸碳化硅衬底。", [("6—8 英寸", "6", "8", "英寸", "6", "英寸", None)]),
    ("经济增长预期为5%—5.5%。", [("5%—5.5%", "5", "5.5", "%", "5", "%", None)]),
    ("培育3至5个百亿级产业园区。", [("3至5个", "3", "5", "个", "3", "个", None)]),
    ("新增就业1万—1.5万人。", [("1万—1.5万人", "1", "1.5", "万人", "10000", "人", None)]),
    # qualifiers after the number
    ("投资增长6%左右。", [("6%左右", "6", None, "%", "6", "%", "approx")]),
    ("物价涨幅2%上下。", [("2%上下", "2", None, "%", "2", "%", "approx")]),
    ("新增高标准农田15万亩以上。", [("15万亩以上", "15", None, "万亩", "150000", "亩", "at_least")]),
    ("失业率控制在5.5%以内。", [("5.5%以内", "5.5", None, "%", "5.5", "%", "at_most")]),
    ("淘汰10蒸吨/时以下燃煤锅炉。", [("10蒸吨/时以下", "10", None, "蒸吨/时", "10", "蒸吨/时", "at_most")]),
    ("办结时间压缩在2个工作日内。", [("2个工作日内", "2", None, "个工作日", "2", "个工作日", "at_most")]),
    ("新登记企业1.2万余户，吸纳就业600多人。", [
        ("1.2万余户", "1.2", None, "万户", "12000", "户", "at_least"),
        ("600多人", "600", None, "人", "600", "人", "at_least"),
    ]),
    ("带动农户20多万户。", [("20多万户", "20", None, "万户", "200000", "户", "at_least")]),
    # qualifiers before the number
    ("约 30 公里的滨河步道贯通。", [("30 公里", "30", None, "公里", "30", "公里", "approx")]),
    ("服务企业超过1.1万家。", [("1.1万家", "1.1", None, "万家", "11000", "家", "at_least")]),
    ("旅游收入突破500亿元。", [("500亿元", "500", None, "亿元", "50000000000", "元", "at_least")]),
    ("覆盖逾300万人。", [("300万人", "300", None, "万人", "3000000", "人", "at_least")]),
    ("新建项目不少于40个，单个投资不超过5000万元。", [
        ("40个", "40", None, "个", "40", "个", "at_least"),
        ("5000万元", "5000", None, "万元", "50000000", "元", "at_most"),
    ]),
    ("受益群众近20万人。", [("20万人", "20", None, "万人", "200000", "人", "approx")]),
    ("高新技术企业、科技型企业分别超过300家和120家。", [
        ("300家", "300", None, "家", "300", "家", "at_least"),
        ("120家", "120", None, "家", "120", "家", "at_least"),
    ]),
    ("节约资金1.2亿元。", [("1.2亿元", "1.2", None, "亿元", "120000000", "元", None)]),
    # raw text noise
    ("港区集装箱码头岸线长\n\n1200 米。", [("1200 米", "1200", None, "米", "1200", "米", None)]),
    ("产值增长１２．５％，新增企业３０６２ 个。", [
        ("１２．５％", "12.5", None, "%", "12.5", "%", None),
        ("３０６２ 个", "3062", None, "个", "3062", "个", None),
    ]),
    ("覆盖率达到96% 以上。", [("96% 以上", "96", None, "%", "96", "%", "at_least")]),
    ("财政收入增长**7.5%**，\r\n民生支出占比78%。", [
        ("7.5%", "7.5", None, "%", "7.5", "%", None),
        ("78%", "78", None, "%", "78", "%", None),
    ]),
]


@pytest.mark.parametrize(("sentence", "expected"), FORMS, ids=[s for s, _ in FORMS])
def test_forms(sentence: str, expected: list[Row]) -> None:
    assert _rows(sentence) == expected


# --------------------------------------------------------------------------- not metrics

NOT_METRICS = [
    "2024年是实施规划的关键一年。",  # a year
    "2021—2025年，全面完成各项任务。",  # a span of years
    "二〇三五年基本实现现代化。",  # a year in Chinese digits
    "1月18日在市第十七届人民代表大会第三次会议上。",  # a date and ordinals
    "深入学习贯彻党的二十届三中全会精神。",  # an ordinal without 第
    "区委三届七次全会作出部署。",  # ordinals of a plenary
    "排名全省第2位。",  # a rank
    "跻身全国前10名。",  # a rank
    "地铁6号线、M2线建成通车。",  # names of lines
    "推进5G、IPv6规模部署，建设T2航站楼。",  # identifiers
    "PM2.5浓度持续下降。",  # a pollutant name
    "全面实施国六排放标准，水质稳定在Ⅲ类。",  # standards and classes
    "实施“811工程”和“三个一批”行动。",  # slogans in quotes
    "落实“稳增长20条”政策。",  # a policy name in quotes
    "编制《2025年政府投资计划》。",  # a title
    "“十五五”开局良好，十四五规划圆满收官。",  # plan terms
    "推进一带一路建设，开好两会。",  # fixed terms
    "增强四个意识，坚定四个自信，做到两个维护。",  # political formulas
    "（一）坚持创新驱动\n1.加快科技自立自强",  # section markers
    "办成一批实事，建成一个中心。",  # the article 一
    "推进二次供水改造和二期工程。",  # 二 is not a count
    "每万人口发明专利拥有量持续提升。",  # a denominator
    "培育千亿级产业集群和30万吨级泊位。",  # a class, not a quantity
    "五年来成绩显著，三年行动圆满完成。",  # Chinese durations of narrative
    "群众满意度连年提升，数十家企业参与。",  # vague
    "统一部署，唯一入口，万家灯火。",  # numerals inside words
    "天津港2024年吞吐量创新高，2023天津论坛召开。",  # 2023 before 天津 is no 天
    "实现1+N政策体系全覆盖。",  # a formula
    "每千人口执业医师数持续增加。",  # a denominator
    "承办第十五届全运会和十四届残运会。",  # editions
    "工业产值实现两位数增长。",  # an idiom
    "坚持迈开两条腿，用好政府和市场两只手。",  # idioms of method, not counts
    "关爱3岁以下婴幼儿和60周岁及以上老年人，0—3岁儿童免费体检。",  # age brackets naming groups
    "迈向千兆光网时代。",  # 千兆 is a bandwidth class
    "序号\t指标\t2025年\n23\t人均预期寿命（岁）\t81.2\n24\t人均住房面积（平方米）\t40",  # table cells
    "（三）\n12\n\n个人所得税改革",  # a bare number on its line does not bind to the next
    "编制2024年度报告，室外温度零下5度。",  # 度 needs a magnitude (亿度) to be a unit
]


@pytest.mark.parametrize("sentence", NOT_METRICS)
def test_not_metrics(sentence: str) -> None:
    assert extract_metrics(sentence) == ()


# --------------------------------------------------------------------------- context


def _one(sentence: str, text: str) -> Metric:
    found = [m for m in extract_metrics(sentence) if m.text == text]
    assert len(found) == 1, [m.text for m in extract_metrics(sentence)]
    return found[0]


def test_indicator_and_change() -> None:
    sentence = "全市地区生产总值增长5.2%，一般公共预算收入下降1.8%，城镇调查失业率5.1%。"
    assert _one(sentence, "5.2%").indicator == "全市地区生产总值"
    assert _one(sentence, "5.2%").change is Change.GROWTH
    assert _one(sentence, "1.8%").indicator == "一般公共预算收入"
    assert _one(sentence, "1.8%").change is Change.DECLINE
    assert _one(sentence, "5.1%").change is Change.LEVEL


@pytest.mark.parametrize("sentence, indicator, key", [
    ("一般公共预算收入18.2亿元、同口径增长9.5%。", "一般公共预算收入", "budget_revenue_growth"),
    ("全县地区生产总值按可比价格计算增长6.2%。", "全县地区生产总值", "gdp_growth"),
    ("地区生产总值完成326.5亿元，按可比价计算，增长6.2%。", "地区生产总值", "gdp_growth"),
    ("规模以上工业增加值按不变价计算增长8.1%。", "规模以上工业增加值", None),
    ("全国财政收入增长8%，按可比口径增长7.5%。", "全国财政收入", "budget_revenue_growth"),
    ("全市地区生产总值前三季度增长5.1%。", "全市地区生产总值", "gdp_growth"),
    ("1—11月，固定资产投资增长4.5%。", "固定资产投资", "fixed_investment_growth"),
])
def test_how_a_change_is_reckoned_is_no_part_of_its_indicator(sentence, indicator, key) -> None:
    """同口径, 按可比价格计算 say how the growth is reckoned, and 前三季度 when: not what grew."""
    m = [m for m in extract_metrics(sentence) if m.unit == "%"][-1]
    assert (m.indicator, m.key, m.change) == (indicator, key, Change.GROWTH)


@pytest.mark.parametrize("sentence", [
    "年末城镇调查失业率5.1%。", "12月末城镇调查失业率5.1%。", "全年城镇调查失业率平均值为5.1%。",
    "城镇调查失业率全年平均5.1%。",
])
def test_when_in_the_year_a_level_is_taken_is_no_part_of_its_indicator(sentence) -> None:
    (m,) = extract_metrics(sentence)
    assert (m.indicator, m.key) == ("城镇调查失业率", "unemployment_rate")


@pytest.mark.parametrize("sentence, expected", [
    ("社会消费品零售总额、外贸进出口总额分别增长6.5%和12%。",
     [("社会消费品零售总额", "retail_sales_growth"), ("外贸进出口总额", "trade_growth")]),
    ("地区生产总值和一般公共预算收入分别增长5%、 6%左右。",
     [("地区生产总值", "gdp_growth"), ("一般公共预算收入", "budget_revenue_growth")]),
    # a later run that elides the subjects goes to them again
    ("机场旅客吞吐量和货邮吞吐量分别达到1.35亿人次、453.8万吨，分别增长8.3%、7.9%。",
     [("机场旅客吞吐量", None), ("货邮吞吐量", None), ("机场旅客吞吐量", None), ("货邮吞吐量", None)]),
    ("跨国公司地区总部、外资研发中心分别从771家、481家增加到1076家、636家。",
     [("跨国公司地区总部", None), ("外资研发中心", None), ("跨国公司地区总部", None), ("外资研发中心", None)]),
    # subjects that share an elided word, partners of one subject, or a list longer than the run
    ("城镇、农村居民人均可支配收入分别增长4.5%、6.8%。", [("城镇、农村居民人均可支配收入", "income_growth")] * 2),
    ("对中亚五国、东盟进出口分别增长37.2%、19%。", [("对中亚五国、东盟进出口", None)] * 2),
    ("家用电器和音像器材类、体育娱乐用品类和书报杂志类零售额分别增长2.4%、3.7%、7.1%。",
     [("家用电器和音像器材类、体育娱乐用品类和书报杂志类零售额", None)] * 3),
])
def test_respectively_gives_each_number_its_own_subject(sentence, expected) -> None:
    assert [(m.indicator, m.key) for m in extract_metrics(sentence)] == expected


def test_an_age_that_ends_its_clause_is_a_metric() -> None:
    assert [m.text for m in extract_metrics("人均预期寿命提高到81岁以上，平均年龄降至35岁。")] == ["81岁以上", "35岁"]


def test_change_to() -> None:
    m = _one("森林覆盖率提高到25.6%。", "25.6%")
    assert m.change is Change.TO
    assert m.indicator == "森林覆盖率"
    assert _one("研发投入强度达到2.9%。", "2.9%").change is Change.TO


def test_from_to_pair() -> None:
    sentence = "城镇化率由62.5%提高到66.8%。"
    low, high = extract_metrics(sentence)
    assert low.change is Change.FROM and high.change is Change.TO
    assert low.partner == high.span and high.partner == low.span


def test_share() -> None:
    m = _one("数字经济核心产业增加值占地区生产总值比重达到11%。", "11%")
    assert m.change is Change.SHARE


def test_period() -> None:
    assert _one("五年来，居民收入年均增长6.4%。", "6.4%").period is Period.ANNUAL_AVERAGE
    assert _one("累计建成5G基站4.2万个。", "4.2万个").period is Period.CUMULATIVE
    assert _one("全年完成固定资产投资980亿元。", "980亿元").period is Period.FULL_YEAR


def test_year_target_estimate() -> None:
    m = _one("到2027年，新能源装机容量达到3000万千瓦。", "3000万千瓦")
    assert m.year == 2027 and m.target
    m = _one("2024年全区生产总值预计增长5%左右。", "5%左右")
    assert m.year == 2024 and m.estimate and m.qualifier is Qualifier.APPROX
    m = _one("力争社会消费品零售总额增长6%。", "6%")
    assert m.target and not m.estimate
    assert not _one("新建学校12所。", "12所").target


def test_baseline_year_is_not_the_year() -> None:
    assert _one("人均收入比2020年增长30%。", "30%").year is None


def test_offsets_into_the_whole_text() -> None:
    text = "一、工作回顾\n去年新增企业560家。\n今年新增企业600家，增长7%。"
    second = text.index("今年")
    found = extract_metrics(text, second, len(text))
    assert [m.text for m in found] == ["600家", "7%"]
    for m in found:
        assert text[m.span.start:m.span.end] == m.text
        assert m.span.start >= second


def test_no_metric_crosses_the_end() -> None:
    text = "投资增长12%左右。"
    cut = text.index("左")
    (m,) = extract_metrics(text, 0, cut)
    assert m.text == "12%" and m.span.end <= cut


def test_misuse_raises() -> None:
    with pytest.raises(ValueError):
        extract_metrics("增长5%", 3, 2)
    with pytest.raises(ValueError):
        extract_metrics("增长5%", 0, 99)
    with pytest.raises(TypeError):
        extract_metrics(b"5%")  # type: ignore[arg-type]


def test_fatal_inputs() -> None:
    assert extract_metrics("") == ()
    assert extract_metrics("\n" * 10_000) == ()
    assert extract_metrics("9" * 5_000) == ()
    assert extract_metrics("“" * 3_000 + "5个") != ()


@pytest.mark.slow
@pytest.mark.parametrize(
    "unit",
    ["全市生产总值增长5.2%，新建学校12所，引进项目3062个、投资4482亿元。\n", "增长5%，", "新建学校12所 "],
    ids=["sentences", "one endless sentence", "no punctuation at all"],
)
def test_linear_time_on_large_input(unit: str) -> None:
    small, large = unit * 500, unit * 5_000
    n_small = len(extract_metrics(small))
    found = assert_linear(extract_metrics, small, large, factor=10, label=unit)
    assert len(found) == 10 * n_small


@pytest.mark.slow
def test_linear_time_when_called_per_paragraph() -> None:
    paragraph = "全市生产总值增长5.2%，新建学校12所。\n\n"

    def per_paragraph(text: str) -> int:
        starts = range(0, len(text), len(paragraph))
        return sum(len(extract_metrics(text, s, s + len(paragraph))) for s in starts)

    small, large = paragraph * 1_000, paragraph * 10_000
    n_small = per_paragraph(small)
    n_large = assert_linear(per_paragraph, small, large, factor=10, label="per paragraph")
    assert n_large == 10 * n_small


# --------------------------------------------------------------------------- properties

_PIECES = st.sampled_from(
    ["增长", "一", "一个", "一倍", "一百", "5.2", "%", "左右", "１２", "万", "亿元", "个", "以上", "约", "超过", "—", "3", "\n", "\r\n",
     "　", "**", "\\*", "“", "”", "第", "十四五", "两千", "三", "届", "年", "2025", "由", "提高到", "，", "。",
     "PM", "2.5", "G", "多", "余", "翻一番", "百分之", "五点五", "成", "千", "米", "天津", "/", "年均", "占"]
)


def _check(text: str) -> None:
    found = extract_metrics(text)
    last = -1
    for m in found:
        assert text[m.span.start:m.span.end] == m.text
        assert m.span.start >= last
        last = m.span.end
        assert isinstance(m.value, Decimal) and isinstance(m.base_value, Decimal)
        if m.partner is not None:
            assert text[m.partner.start:m.partner.end]


@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    _check(text)


@given(st.lists(_PIECES, max_size=30).map("".join))
def test_span_invariant_on_report_like_text(text: str) -> None:
    _check(text)


@given(st.lists(_PIECES, max_size=20).map("".join), st.data())
def test_span_invariant_with_offsets(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for m in extract_metrics(text, start, end):
        assert text[m.span.start:m.span.end] == m.text
        assert start <= m.span.start and m.span.end <= end


@given(st.lists(_PIECES, max_size=20).map("".join), st.data())
def test_metric_finder_gives_what_extract_metrics_gives(text: str, data: st.DataObject) -> None:
    # the parser's finder shares work between slices; any slice must come out the same
    finder = MetricFinder(text, normalize(text))
    for _ in range(5):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        assert finder(start, end) == extract_metrics(text, start, end)


def test_numeral_characters_cover_the_numeral_pattern() -> None:
    # MetricFinder reuses whole-text tokens only when the character after a slice is none
    # that NUMERAL_RE reads: every character written in the pattern must be listed
    written = {c for c in NUMERAL_RE.pattern if not c.isascii()} | {".", ","}
    assert written <= _NUMERAL_CHARS


_TAIL_TEXT = st.text(
    alphabet=st.sampled_from(sorted(set(_CHANGE_AT_END.chars + _TRAIL_JUNK.chars) | set("全市总值新即人员0123456789 \t\u3000\x1c"))),
    max_size=16,
)


@given(_TAIL_TEXT)
@example("经济总量比2020年")  # digits, which the source writes as \d
@example("能耗较2019 年末")
def test_tail_patterns_find_what_re_finds(text: str) -> None:
    # _TailPattern starts its search late; it must find the very match re.search finds
    for pattern in (_CHANGE_AT_END, _TRAIL_JUNK):
        fast, slow = pattern.search(text), pattern.regex.search(text)
        assert (fast and (fast.span(), fast.groupdict())) == (slow and (slow.span(), slow.groupdict()))


@given(st.lists(_PIECES, max_size=20).map("".join))
def test_numeral_tokens_are_those_of_finditer(text: str) -> None:
    # all of them but the lone 一 (not 一倍), which never starts a quantity
    norm = normalize(text)
    assert [(m.span(), m.lastgroup) for m in _numeral_tokens(norm)] == [
        (m.span(), m.lastgroup) for m in NUMERAL_RE.finditer(norm)
        if not (m.group() == "一" and not norm.startswith("倍", m.end()))
    ]


def test_fixed_terms_hold_no_quote_marks() -> None:
    # quotes and fixed terms are found by one pattern; that gives the same protected text
    # only while no fixed term holds a quote mark
    assert not [t for t in FIXED_TERMS if set(t) & set('“”《》"')]


# --------------------------------------------------------------------------- seeds


def _seed_texts() -> dict[str, str]:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"the seed documents are not available at {seeds}")
    return {p.name: p.read_bytes().decode("utf-8-sig") for p in sorted(seeds.glob("*.txt"))}


@pytest.mark.seeds
def test_seed_span_invariant() -> None:
    for name, text in _seed_texts().items():
        found = extract_metrics(text)
        assert found, name
        for m in found:
            assert text[m.span.start:m.span.end] == m.text


@pytest.mark.seeds
def test_seed_per_paragraph_equals_whole_text() -> None:
    for name, text in _seed_texts().items():
        whole = {(m.span, m.base_value, m.base_unit, m.qualifier) for m in extract_metrics(text)}
        pieces = set()
        for block in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
            pieces |= {(m.span, m.base_value, m.base_unit, m.qualifier) for m in extract_metrics(text, *block.span())}
        assert pieces == whole, name


def _key(value: str | None, high: str | None, base: str | None, unit: str | None) -> tuple[str | None, ...]:
    def canon(s: str | None) -> str | None:
        return None if s is None else format(Decimal(s).normalize(), "f")

    base_high = None
    if high is not None and base is not None and value not in (None, "0"):
        base_high = canon(str(Decimal(high) * Decimal(base) / Decimal(value)))  # type: ignore[arg-type]
    return canon(base), base_high, unit


@pytest.mark.seeds
def test_seed_gold_precision_and_recall() -> None:
    texts = _seed_texts()
    gold_file = SHARED / "gold" / "metrics" / "seed_sentences.jsonl"
    if not gold_file.exists():
        pytest.skip(f"the gold metrics are not available at {gold_file}")
    hit = n_gold = n_pred = 0
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        s = json.loads(line)
        ambiguous = [a["text"] for a in s.get("ambiguous", [])]
        preds = [
            m for m in extract_metrics(texts[s["file"]], s["start"], s["end"])
            if not any(m.text in a or a in m.text for a in ambiguous)
        ]
        gold = collections.Counter(
            _key(g["value"], g["value_high"], g["base_value"], g["base_unit"]) for g in s["metrics"]
        )
        got = collections.Counter(
            _key(str(m.value), None if m.value_high is None else str(m.value_high), str(m.base_value), m.base_unit)
            for m in preds
        )
        hit += sum((gold & got).values())
        n_gold += sum(gold.values())
        n_pred += sum(got.values())
    assert hit / n_pred >= 0.97
    assert hit / n_gold >= 0.95


def test_the_metric_pass_fast_constructor_makes_the_same_metric_as_the_class() -> None:
    """``new_metric`` sets the slots directly; it must give what ``Metric(...)`` gives, field
    for field, and a metric as frozen as any other."""
    import attrs

    from govreport.metrics.record import new_metric
    from govreport.model import Change, Metric, Qualifier
    from govreport.span import Span

    values = ("约3.5万人", Span(4, 9), Decimal("3.5"), "万人", Decimal("35000"), "人", Decimal(4), Decimal(40000),
              Qualifier.APPROX, "新增就业", Change.GROWTH, None, 2026, True, False, Span(0, 3), (2021, 2025), "jobs")
    assert len(values) == len(attrs.fields(Metric))
    made = new_metric(*values)
    assert made == Metric(*values)
    assert [getattr(made, f.name) for f in attrs.fields(Metric)] == list(values)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.year = 2027  # type: ignore[misc]


def test_a_span_checks_its_offsets_and_stays_frozen() -> None:
    from govreport.span import Span

    assert Span(2, 5) == Span(2, 5) and Span(2, 5) < Span(2, 6) and len(Span(2, 5)) == 3
    for start, end in ((-1, 3), (5, 4)):
        with pytest.raises(ValueError, match="invalid span"):
            Span(start, end)
    import attrs

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        Span(1, 2).start = 0  # type: ignore[misc]
