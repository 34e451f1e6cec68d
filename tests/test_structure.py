"""The nesting policies, one fixture set each, and ``explain`` naming the policy that decided.

Expected outlines are ``(depth, marker, title)``; expected decisions ``(policy, words in
the outcome)``. Every sentence is written for these tests (青禾市, 云岭区 are invented).
"""
from __future__ import annotations

import pytest

from govreport.model import Column, Paragraph, Section
from govreport.parser import explain
from govreport.structure import POLICIES, Decision

from helpers import check_all, doc, parse_text


def short_outline(report):
    return [(s.depth, s.marker, s.title) for s in report.sections]


def check(text, expected_outline, expected_decisions, policy=None):
    """Parse ``text``, check its outline and the decisions expected; with ``policy`` and no
    decision expected, check that the policy made none."""
    report = parse_text(text)
    check_all(report)
    assert short_outline(report) == expected_outline
    decisions = check_decisions(text, expected_decisions)
    if policy is not None and not expected_decisions:
        assert not any(d.policy == policy for d in decisions), [str(d) for d in decisions]
    return report, decisions


def check_decisions(text, expected_decisions):
    """``explain(text)``, each expected ``(policy, words)`` asserted among its decisions."""
    decisions = explain(text)
    for policy, words in expected_decisions:
        assert any(d.policy == policy and words in d.outcome for d in decisions), (
            f"no {policy} decision saying {words!r} in:\n" + "\n".join(map(str, decisions)))
    return decisions


# -- stack: sibling or child by marker style --------------------------------------------------

STACK = [
    pytest.param(doc("""
        一、青禾市工作回顾
        全年经济平稳运行。
        （一）产业升级
        云岭区新建工厂三家。
        二、今年工作安排
        今年要扩大投资。
        """),
        [(1, "一、", "青禾市工作回顾"), (2, "（一）", "产业升级"), (1, "二、", "今年工作安排")],
        [("stack", "（一）: its marker style is not open (child of 一、)"),
         ("stack", "二、: its marker style is open (sibling of 一、)")],
        id="child-then-sibling"),
    pytest.param(doc("""
        （一）产业升级
        云岭区新建工厂三家。
        一、青禾市工作回顾
        全年经济平稳运行。
        （二）城乡建设
        新建公园五处。
        """),
        [(1, "（一）", "产业升级"), (2, "一、", "青禾市工作回顾"), (1, "（二）", "城乡建设")],
        [("stack", "一、: its marker style is not open (child of （一）)")],
        id="levels-come-from-this-document"),
]


@pytest.mark.parametrize("text, expected_outline, expected_decisions", STACK)
def test_stack_policy(text, expected_outline, expected_decisions):
    check(text, expected_outline, expected_decisions)


# -- restart: one style at two levels -----------------------------------------------------------

RESTART = [
    pytest.param(doc("""
        一、总体要求
        一、指导思想
        坚持稳中求进。
        二、基本原则
        坚持人民至上。
        二、主要任务
        抓好青禾市民生实事。
        """),
        [(1, "一、", "总体要求"), (2, "一、", "指导思想"), (2, "二、", "基本原则"), (1, "二、", "主要任务")],
        [("restart", "restarts at 1 under an entry that holds only a lead-in"),
         ("restart", "the outer list resumes")],
        id="nested-then-resume"),
    pytest.param(doc("""
        一、总体要求
        主要目标如下：
        一、指导思想
        坚持稳中求进。
        """),
        [(1, "一、", "总体要求"), (2, "一、", "指导思想")],
        [("restart", "a nested list")],
        id="after-a-lead-in-colon"),
    pytest.param(doc("""
        一、总体要求
        全市上下团结奋斗，云岭区各项事业取得新进展。
        一、指导思想
        坚持稳中求进。
        """),
        [(1, "一、", "总体要求"), (1, "一、", "指导思想")],
        [],
        id="after-prose-a-restart-of-the-outer-list"),
]


@pytest.mark.parametrize("text, expected_outline, expected_decisions", RESTART)
def test_restart_policy(text, expected_outline, expected_decisions):
    report, _decisions = check(text, expected_outline, expected_decisions, policy="restart")
    if not expected_decisions:
        assert "ordinal-restart" in [d.code for d in report.diagnostics]


# -- bare_title: a title without a number ----------------------------------------------------------

BARE = [
    pytest.param(doc("""
        一、青禾市工作回顾
        全年经济平稳运行。
        （一）产业升级
        云岭区新建工厂三家。

        结束语

        让我们团结一心，再创佳绩。
        """),
        [(1, "一、", "青禾市工作回顾"), (2, "（一）", "产业升级"), (1, "", "结束语")],
        [("bare_title", "stands beside the parts (一、)")],
        id="beside-the-parts"),
    pytest.param(doc("""
        （一）产业升级
        云岭区新建工厂三家。
        （二）城乡建设
        新建公园五处。

        重点民生实事

        （一）教育
        新建学校两所。
        """),
        [(1, "（一）", "产业升级"), (1, "（二）", "城乡建设"), (1, "", "重点民生实事"), (2, "（一）", "教育")],
        [("bare_title", "（一） after it starts an open list again: it heads the new list")],
        id="heads-a-restarted-list"),
    pytest.param(doc("""
        发展基础

        全市经济总量稳步提升。

        总体要求

        坚持稳中求进。
        """),
        [(1, "", "发展基础"), (1, "", "总体要求")],
        [("bare_title", "titles without a number nest as one more style")],
        id="titles-are-siblings"),
]


@pytest.mark.parametrize("text, expected_outline, expected_decisions", BARE)
def test_bare_title_policy(text, expected_outline, expected_decisions):
    check(text, expected_outline, expected_decisions)


# -- box_end: where a 专栏 box ends ------------------------------------------------------------------

def box_texts(report):
    return [[type(c).__name__ for c in n.children] for n in report.walk() if isinstance(n, Column)]


BOX = [
    pytest.param(doc("""
        一、重点工程
        （一）交通
        专栏1 青禾市交通工程
        （一）轨道交通。建成地铁一号线。
        （二）城市道路。新建道路20公里。
        （二）能源
        推进云岭区光伏项目。
        """),
        [["Item", "Item"]],
        [("box_end", "stays in 专栏 青禾市交通工程: it continues the box's own list"),
         ("box_end", "ends 专栏 青禾市交通工程: a heading of the outline that does not continue the box's list")],
        id="heading-of-the-outline"),
    pytest.param(doc("""
        一、重点工程
        专栏1 青禾市交通工程
        1.轨道交通
        建成地铁一号线。
        专栏2 云岭区能源工程
        1.光伏发电
        新建光伏电站两座。
        """),
        [["Item"], ["Item"]],
        [("box_end", "stays in 专栏 青禾市交通工程: its marker style is not open outside the box"),
         ("box_end", "ends 专栏 青禾市交通工程: the next box")],
        id="next-box"),
    pytest.param(doc("""
        一、重点工程
        专栏1 青禾市交通工程
        （一）轨道交通。建成地铁一号线。
        （二）城市道路。新建道路20公里。
        这些工程建成后，通行效率将明显提升。
        """),
        [["Item", "Item"]],
        [("box_end", "a plain paragraph after entries written inline")],
        id="prose-after-inline-entries"),
    pytest.param(doc("""
        一、重点工程
        专栏1 青禾市主要指标
        指标\t目标
        地区生产总值增速\t5%
        （一）交通
        建成地铁一号线。
        """),
        [["Table"]],
        [("box_end", "a heading after a box that is a table")],
        id="a-box-that-is-a-table"),
    pytest.param(doc("""
        一、重点工程
        专栏1 青禾市交通工程
        图1 云岭区轨道交通线网
        二、保障措施
        加强组织领导。
        """),
        [["Figure"]],
        [("box_end", "a box printed as an image")],
        id="a-box-printed-as-an-image"),
]


@pytest.mark.parametrize("text, expected_boxes, expected_decisions", BOX)
def test_box_end_policy(text, expected_boxes, expected_decisions):
    report = parse_text(text)
    check_all(report)
    assert box_texts(report) == expected_boxes
    check_decisions(text, expected_decisions)


# -- clause_list: numbered clauses of a sentence, not headings -----------------------------------

CLAUSES = [
    pytest.param(doc("""
        一、今年工作安排
        今年主要预期目标是：
        1.地区生产总值增长6.5%左右；
        2.规上工业增加值增长8%；
        3.完成节能减排目标任务。
        围绕上述目标，抓好以下工作：
        （一）扩大有效需求
        1.扩大有效投资
        全年实施重点项目120个。
        （二）建设青禾新城
        新建道路5公里。
        """),
        [(1, "一、", "今年工作安排"), (2, "1.", "地区生产总值增长6.5%左右；"), (2, "2.", "规上工业增加值增长8%；"),
         (2, "3.", "完成节能减排目标任务"), (2, "（一）", "扩大有效需求"), (3, "1.", "扩大有效投资"),
         (2, "（二）", "建设青禾新城")],
        [("clause_list", "3.: the last clause of the list the paragraph before leads into: the list closes")],
        id="targets-as-numbered-clauses"),
    pytest.param(doc("""
        一、主要任务
        重点抓好以下工作：
        1.扩大有效需求
        全年实施重点项目120个。
        （一）扩大投资
        新建道路5公里。
        """),
        [(1, "一、", "主要任务"), (2, "1.", "扩大有效需求"), (3, "（一）", "扩大投资")],
        [],
        id="headings-after-a-colon-stay-open"),
    pytest.param(doc("""
        一、主要任务
        重点抓好以下工作：
        1.扩大有效需求；
        （一）扩大投资
        新建道路5公里。
        """),
        [(1, "一、", "主要任务"), (2, "1.", "扩大有效需求；"), (3, "（一）", "扩大投资")],
        [],
        id="one-clause-is-no-list"),
]


@pytest.mark.parametrize("text, expected_outline, expected_decisions", CLAUSES)
def test_clause_list_policy(text, expected_outline, expected_decisions):
    check(text, expected_outline, expected_decisions, policy="clause_list")


def test_the_clauses_of_a_list_keep_their_metrics_and_the_outline_its_numbering():
    report = parse_text(CLAUSES[0].values[0])
    first = report.sections[1]
    assert [m.text for m in first.metrics] == ["6.5%左右"] and first.metrics[0].key == "gdp_growth"
    assert not report.diagnostics
    assert [(h.key, h.text) for h in report.targets] == [("gdp_growth", "6.5%左右")]


# -- explain ----------------------------------------------------------------------------------------

def test_every_policy_is_listed_documented_and_named_by_decisions():
    assert list(POLICIES) == ["stack", "restart", "bare_title", "box_end", "clause_list"]
    assert all(policy.__doc__ for policy in POLICIES.values())
    texts = [p.values[0] for p in STACK + RESTART + BARE + BOX + CLAUSES]
    seen = {d.policy for text in texts for d in explain(text)}
    assert seen == set(POLICIES)


def test_decisions_point_at_what_they_placed():
    text = RESTART[0].values[0]
    report = parse_text(text)
    decisions = explain(text)
    starts = {s.span.start for s in report.sections}
    assert decisions and all(isinstance(d, Decision) for d in decisions)
    assert all(d.span.start in starts and report.text[d.span.start : d.span.end].startswith(("一、", "二、"))
               for d in decisions)
    assert str(decisions[0]).startswith("stack [0:")


def test_explain_changes_nothing_and_takes_the_same_rules():
    text = BOX[0].values[0]
    assert parse_text(text) == parse_text(text)  # parse itself never traces
    assert explain("") == ()
    assert explain("全年新增就业4万人。\n") == ()
    with pytest.raises(TypeError, match="str"):
        explain(b"bytes")  # type: ignore[arg-type]


def test_paragraphs_stay_where_the_stack_puts_them():
    report = parse_text(BARE[0].values[0])
    closing = report.sections[-1]
    assert isinstance(closing, Section) and isinstance(closing.children[0], Paragraph)
