"""Tables whose cells a PDF text extractor set apart by single spaces, a row a line: fixtures
we wrote, and properties that such a table is read whole and that runs of words that only
look like one never lose a character."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from govreport import Paragraph, Table
from helpers import check_all, check_diagnostics, doc, parse_text

# A plan's indicator table as a text layer gives it: the 类别 cell merged over its group
# (written on the group's first row), a caption above and a note below.
PLAN = doc("""
    第二章 主要目标
    表1 青禾市“十五五”时期经济社会发展主要指标
    类别 序号 指标 2025年 2030年 年均增长 属性
    经济发展 1 地区生产总值增长（%） 5.6 — 5左右 预期性
    2 全员劳动生产率增长（%） 6.1 — 高于GDP增长 预期性
    创新驱动 3 研发经费投入强度（%） 2.3 2.8 — 预期性
    民生福祉 4 城镇调查失业率（%） 5.1 <5.5 — 预期性
    5 人均预期寿命（岁） 79.2 80 〔0.8〕 预期性
    绿色生态 6 单位地区生产总值能源消耗降低（%） — — 〔13.5〕 约束性
    注：〔〕内为五年累计数。
    第三章 重点任务
    建设省实验室10家以上。
    """)


def test_a_table_of_words_is_read_row_by_row_with_its_merged_categories():
    report = parse_text(PLAN)
    (table,) = report.tables
    assert table.caption == "表1 青禾市“十五五”时期经济社会发展主要指标"
    assert table.header == ("类别", "序号", "指标", "2025年", "2030年", "年均增长", "属性")
    assert [(i.number, i.category, i.name, i.unit, i.attribute) for i in report.indicators] == [
        (1, "经济发展", "地区生产总值增长", "%", "预期性"),
        (2, "经济发展", "全员劳动生产率增长", "%", "预期性"),
        (3, "创新驱动", "研发经费投入强度", "%", "预期性"),
        (4, "民生福祉", "城镇调查失业率", "%", "预期性"),
        (5, "民生福祉", "人均预期寿命", "岁", "预期性"),
        (6, "绿色生态", "单位地区生产总值能源消耗降低", "%", "约束性"),
    ]
    life = report.indicators[4]
    assert life.value_for(2030).value == Decimal("80")
    assert report.indicators[3].value_for(2030).flags == ("at_most",)
    energy = report.indicators[5].values[-1]
    assert (energy.year, energy.value, energy.flags) == (None, Decimal("13.5"), ("five_year_cumulative",))
    assert table.notes == ("注：〔〕内为五年累计数。",)
    assert [s.title for s in report.sections] == ["主要目标", "重点任务"]
    check_all(report)
    check_diagnostics(report)


def test_a_header_spaced_letter_by_letter_and_a_name_with_a_stray_space():
    report = parse_text(doc("""
        专栏1 “十五五”时期主要指标
        序号 指 标 单位 2025年 2030年 属 性
        1 地区生产总值 增长 % 5.5 5左右 预期性
        2 居民人均可支配收入增长 % 5.8 与经济增长同步 预期性
        3 城镇新增就业 万人 〔50〕 〔50〕 预期性
        """))
    (table,) = report.tables
    assert table.header == ("序号", "指标", "单位", "2025年", "2030年", "属性")
    assert [(i.name, i.unit) for i in report.indicators] == [
        ("地区生产总值增长", "%"), ("居民人均可支配收入增长", "%"), ("城镇新增就业", "万人"),
    ]
    jobs = report.indicators[2].value_for(2030)
    assert (jobs.value, jobs.flags) == (Decimal("50"), ("five_year_cumulative",))
    check_all(report)


def test_the_table_ends_at_the_first_line_whose_words_fit_no_row():
    """A line with a word too many is no row of this table: the table ends before it, and
    the line stays a paragraph with its metric."""
    report = parse_text(doc("""
        序号 指标 单位 目标值 属性
        1 新建公园 个 12 预期性
        2 改造老旧小区 个 300 约束性
        全市 新建 公园 个 12 预期性 另有 说明
        """))
    (table,) = report.tables
    assert len(table.rows) == 2
    assert isinstance(report.body[-1], Paragraph) and report.source(report.body[-1]).startswith("全市")
    check_all(report)


def test_prose_with_spaces_that_opens_with_a_header_word_is_no_table():
    text = doc("""
        指标 体系 不断 完善 各项 工作 扎实 推进
        目标 任务 全面 完成 全年 新建 学校 12所
        """)
    report = parse_text(text)
    assert not report.tables
    assert [m.text for m in report.metrics] == ["12所"]
    check_all(report)


def test_category_cells_centred_in_their_groups():
    """A PDF centres a merged 类别 cell: its words come on the middle row of the group. The
    first row takes the first category, and a diagnostic says the others may be off."""
    report = parse_text(doc("""
        类别 序号 指标 2025年 2030年 属性
        1 地区生产总值增长（%） 5.6 5左右 预期性
        经济发展 2 全员劳动生产率增长（%） 6.1 6 预期性
        3 常住人口城镇化率（%） 68.5 72 预期性
        创新驱动 4 研发经费投入强度（%） 2.3 2.8 预期性
        """))
    assert [(i.number, i.category) for i in report.indicators] == [
        (1, "经济发展"), (2, "经济发展"), (3, "经济发展"), (4, "创新驱动"),
    ]
    assert [d.code for d in report.diagnostics] == ["table-category-centred"]
    check_all(report)
    check_diagnostics(report)


# -- properties -------------------------------------------------------------------------------

_han = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=6)
_unit = st.sampled_from(["%", "万人", "公里", "个", "万吨"])
_value = st.sampled_from(["5.5", "<1", "〔6〕", "—", "5左右", "12", "0.8"])
_attribute = st.sampled_from(["预期性", "约束性"])


@st.composite
def spaced_table(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A table of words: header, then rows numbered from 1, each name ``青禾`` + Chinese."""
    names = draw(st.lists(_han.map(lambda w: "青禾" + w), min_size=1, max_size=8))
    lines = ["序号 指标 单位 2025年 2030年 属性"]
    for n, name in enumerate(names, 1):
        lines.append(f"{n} {name} {draw(_unit)} {draw(_value)} {draw(_value)} {draw(_attribute)}")
    return "\n".join(lines) + "\n", names


@given(spaced_table())
def test_every_row_of_a_table_of_words_is_read(case):
    text, names = case
    report = parse_text("一、主要指标\n" + text + "二、重点任务\n推进各项工作。\n")
    assert len(report.tables) == 1
    assert [i.name for i in report.indicators] == names
    assert [i.number for i in report.indicators] == list(range(1, len(names) + 1))
    check_all(report)


_words = st.one_of(st.sampled_from(["序号", "指标", "单位", "属性", "2025年", "目标", "类别", "1", "2", "3", "%",
                                    "万人", "预期性", "约束性", "—", "〔6〕", "表1 主要指标", "注：数据为初步统计。",
                                    "一、总体要求", "推进工作。"]), _han)
_gap = st.sampled_from([" ", "  ", "\u3000", "\n", "\n\n", ""])


@st.composite
def damaged_table(draw: st.DrawFn) -> str:
    """A table of words with a few of its words replaced, dropped or run together, and the
    spaces and line breaks between them changed."""
    text, _names = draw(spaced_table())
    words: list[str] = []
    for line in text.splitlines():
        words += [w + " " for w in line.split(" ")]
        words[-1] = words[-1][:-1] + "\n"
    for _ in range(draw(st.integers(0, 4))):
        k = draw(st.integers(0, len(words) - 1))
        words[k] = draw(st.one_of(_words, st.just(""))) + draw(_gap)
    return "".join(words)


@given(st.one_of(damaged_table(), st.lists(st.tuples(_words, _gap), max_size=40).map(
    lambda pairs: "".join(word + gap for word, gap in pairs) + "\n")))
def test_damaged_tables_and_runs_of_words_never_lose_a_character(text):
    report = parse_text("一、主要指标\n" + text + "\n推进各项工作。\n")
    for table in report.tables:
        assert isinstance(table, Table) and table.rows
    check_all(report)
    check_diagnostics(report)
