"""The segmenter asking the rules where blocks start: :class:`Starts` and :func:`join_blocks`.

The lines here are written for these tests (青禾市, 云岭区 are invented).
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from govreport.blocks import RULES
from govreport.normalize import normalize
from govreport.segment import Opening, Start, Starts, flowing, join_blocks, skip_page_numbers, split_lines
from govreport.tables import find_regions
from helpers import check_all, doc


def blocks_of(text: str, starts: Starts) -> list[str]:
    norm = normalize(text)
    return [norm[b.start : b.end] for b in join_blocks(norm, split_lines(norm), starts=starts)]


# Blank lines between paragraphs, so a line break without one is a soft break.
def soft(*lines: str) -> str:
    return "\n".join(lines) + "\n\n全年新增就业4万人。\n\n城乡居民收入稳步增长。\n"


def always(opening: Opening):
    return lambda norm, line: opening


def test_without_starts_a_soft_break_joins():
    assert blocks_of(soft("云岭区新建公园五处", "甲乙丙丁"), Starts(()))[0] == "云岭区新建公园五处\n甲乙丙丁"


def test_a_start_keeps_its_line_apart():
    starts = Starts([Start("甲", always(Opening.BLOCK))])
    assert blocks_of(soft("云岭区新建公园五处", "甲乙丙丁"), starts)[:2] == ["云岭区新建公园五处", "甲乙丙丁"]


def test_block_lets_the_next_line_join_and_whole_does_not():
    text = soft("甲项工作稳步推进", "云岭区新建公园五处")
    assert blocks_of(text, Starts([Start("甲", always(Opening.BLOCK))]))[0] == "甲项工作稳步推进\n云岭区新建公园五处"
    whole = Starts([Start("甲", always(Opening.BLOCK | Opening.WHOLE))])
    assert blocks_of(text, whole)[:2] == ["甲项工作稳步推进", "云岭区新建公园五处"]


def test_takes_next_joins_the_next_line_even_a_block_start():
    takes = Starts([Start("甲", always(Opening.BLOCK | Opening.WHOLE | Opening.TAKES_NEXT)),
                    Start("乙", always(Opening.BLOCK))])
    text = "甲\n乙项目标题\n全年新增就业4万人。\n"
    assert blocks_of(text, takes)[0] == "甲\n乙项目标题"


def test_run_joins_lines_that_open_a_run_too():
    run = Starts([Start("<", always(Opening.BLOCK | Opening.WHOLE | Opening.RUN))])
    text = "<div>\n<p>\n全年新增就业4万人。\n城乡居民收入稳步增长。\n"
    assert blocks_of(text, run)[:2] == ["<div>\n<p>", "全年新增就业4万人。"]


def test_anywhere_asks_the_test_of_lines_holding_the_character():
    asked: list[str] = []

    def test(norm, line):
        asked.append(norm[line.start : line.end])
        return None

    starts = Starts([Start("", test, anywhere="\t")])
    norm = "一行\n指标\t目标\n另一行"
    for line in split_lines(norm):
        starts.opening(norm, line)
    assert asked == ["指标\t目标"]


def test_a_start_is_asked_at_the_head_after_decoration():
    starts = Starts([Start.prefix("【编者按】")])
    norm = "**【编者按】**本文有删节。"
    assert starts.opening(norm, split_lines(norm)[0]) == Opening.BLOCK
    assert not starts.opening("编者按：本文有删节。", split_lines("编者按：本文有删节。")[0])


# -- the dispatch never misses a line a test accepts --------------------------------------

_PIECES = ["一、", "（一）", "(2)", "1.", "3、", "第一章", "第二节", "01 ", "专栏2", "专栏 ", "图4 ", "注：", "注:",
           "一是", "——", "“一核”：", "●", "①", "#", "## ", "**", "<b>", "</b>", "<div>", "|", "\t", " ", "。",
           "，", "云岭区", "青禾", "建设", "2025年", "4万人", "【编者按】", "！[图](a.png)", "![图1](a.png)"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8).map("".join))
def test_combined_starts_equal_asking_every_rule(line_text):
    """Filing the tests by first character gives what asking every rule's test of every
    line would: no rule's ``first`` characters leave out a line it accepts."""
    norm = normalize(line_text)
    starts = [rule.start for rule in RULES if rule.start is not None]
    combined = RULES.starts
    for line in split_lines(norm):
        if line.blank:
            continue
        expected = Opening(0)
        for start in starts:
            expected |= start.test(norm, line) or Opening(0)
        assert combined.opening(norm, line) == expected, norm[line.start : line.end]


# -- the text the metric pass reads: joined lines flow on ---------------------------------------

def _flow(text: str) -> str:
    norm = normalize(text)
    lines = skip_page_numbers(norm, split_lines(norm))
    return flowing(norm, join_blocks(norm, lines, find_regions(norm, lines), starts=RULES.starts))


# A PDF's text: lines cut at the page width, in mid-word too, and a page break inside a paragraph.
WRAPPED = (
    "一、工作回顾\n"
    "过去一年，全市上下团结奋斗，经济运行总体平稳，全市地区生产总\n"
    "值增长5.2%，一般公共预算收入增长8.2%，城镇调查失业率控制在4\n"
    "%以内，居民消费价格总体平稳，居民收入增长与经济增长同步，多\n"
    "项指标保持全国前列。到2025年，数字经济核心产业增加值占比达到\n"
    "\n"
    "10%，新建学校5所。\n"
    "二、今年安排\n"
)


def test_a_paragraph_wrapped_at_the_page_width_flows_on_over_its_breaks():
    flow = _flow(WRAPPED)
    assert flow.split("\n") == ["一、工作回顾", flow.split("\n")[1], "二、今年安排", ""]
    assert "全市地区生产总 值增长5.2%" in flow and "控制在4 %以内" in flow and "达到  10%" in flow


def test_table_rows_and_separate_paragraphs_keep_their_breaks():
    text = "指标\t2025年\t2030年\n粮食产量（万吨）\t100\t110\n\n新建学校5所。\n\n新建医院2所。\n"
    assert _flow(text) == normalize(text)


@given(st.text(alphabet=st.sampled_from("一二、（）年增长5.%，。\n\n \t指标"), max_size=120))
@settings(deadline=None)
def test_flowing_keeps_the_length_and_changes_only_breaks_and_what_lies_between_lines(text):
    norm = normalize(text)
    flow = _flow(text)
    assert len(flow) == len(norm)
    assert all(a == b or b == " " for a, b in zip(norm, flow))


# -- pages shown only by their numbers ----------------------------------------------------------

PAGED = doc("""
    青禾市“十五五”规划纲要
    第一章 发展基础
    “十四五”时期，全市地区生产总值年均增长5.8%，2025年
    达到3215.6亿元。城镇新增
    — 1 —
    青禾市“十五五”规划纲要
    就业累计达到28.6万人。
    第二章 主要目标
    到2030年，常住人口城镇
    — 2 —
    青禾市“十五五”规划纲要
    化率达到72%。
    — 3 —
    青禾市“十五五”规划纲要
    第三章 重点任务
    建设省级以上创新平台50个。
    — 4 —
    """)


def test_page_numbers_and_running_headers_of_a_text_without_page_breaks():
    """A PDF turned into text keeps its page numbers (— 3 —) and running header on lines of
    their own: they are page furniture, and a sentence cut by them reads whole."""
    from govreport import Furniture, FurnitureKind, Paragraph, parse

    report = parse(PAGED)
    pages = [n for n in report.walk() if isinstance(n, Furniture) and n.kind is FurnitureKind.PAGE]
    assert [n.text for n in pages] == ["— 3 —", "青禾市“十五五”规划纲要", "— 4 —"]  # the rest lie inside paragraphs
    paragraphs = [n for n in report.walk() if isinstance(n, Paragraph)]
    assert len(paragraphs) == 3 and not report.pages
    jobs = next(m for m in report.metrics if m.text == "28.6万人")
    assert (jobs.indicator, jobs.key) == ("城镇新增就业", "new_urban_jobs")
    assert next(m for m in report.metrics if m.text == "72%").indicator == "常住人口城镇化率"
    assert [s.title for s in report.sections] == ["发展基础", "主要目标", "重点任务"]
    assert report.meta.title == "青禾市“十五五”规划纲要"  # the first line: a title, though the header repeats it
    check_all(report)


def test_two_page_numbers_are_no_pages():
    from govreport.pages import infer_pages

    assert infer_pages("甲\n— 1 —\n乙\n— 2 —\n") == []
    assert infer_pages("甲\n— 3 —\n乙\n— 2 —\n丙\n— 1 —\n") == []  # not numbered upwards


@given(st.lists(st.sampled_from(["正文。", "— 1 —", "- 2 -", "第3页", "第 4 页 共 9 页", "－５－", "青禾", ""]),
                max_size=30))
def test_inferred_pages_tile_the_text(lines):
    from govreport.pages import infer_pages

    text = "\n".join(lines)
    spans = infer_pages(text)
    if spans:
        assert spans[0].start == 0 and spans[-1].end == len(text)
        assert all(a.end == b.start for a, b in zip(spans, spans[1:]))
