"""The block rules as one ordered, named ruler: each rule's start and read, and the Ruler API.

Every sentence here is written for these tests (青禾市, 云岭区 are invented); none is copied
from a real document.
"""
from __future__ import annotations

import pytest

from govreport.blocks import RULES, BlockRule, Ruler
from govreport.model import Furniture, FurnitureKind, Note, Paragraph, Section
from govreport.segment import Opening, Start
from govreport.span import Span

from helpers import check_all, doc, kinds, parse_text


def editor_note(ctx, block, blocks, index):
    """Blocks opening with 【编者按】 are notes."""
    if ctx.norm.startswith("【编者按】", block.head):
        return Note(Span(block.start, block.end), ctx.text[block.head : block.end])
    return None


EDITOR_NOTE = BlockRule("editor_note", editor_note, Start.prefix("【编者按】"))

# Blank lines between paragraphs: a line break without one is a soft break, so the
# 【编者按】 line would be joined onto the line above it, which has no sentence end.
SOFT = doc("""
    一、青禾市过去一年工作回顾

    全年地区生产总值稳步增长，云岭区新建公园五处
    【编者按】本文在刊发时有删节。

    二、今年工作安排

    今年要继续扩大有效投资。
    """)


# -- a rule of one's own ------------------------------------------------------------------

@pytest.mark.parametrize("where", [{"before": "paragraph"}, {"after": "note"}, {"before": "furniture"}])
def test_user_rule_with_a_start_sees_a_line_the_segmenter_would_have_joined(where):
    rules = RULES.copy().insert(EDITOR_NOTE, **where)
    report = parse_text(SOFT, rules=rules)
    check_all(report)
    first = report.sections[0]
    assert kinds(first.children) == ["Paragraph", "Note"]
    assert first.children[1].text == "【编者按】本文在刊发时有删节。"
    assert first.children[0].text.endswith("新建公园五处")


def test_without_its_start_the_rule_never_sees_the_line():
    """The same read without a start: the line was soft-joined before any rule ran."""
    rules = RULES.copy().insert(BlockRule("editor_note", editor_note), before="paragraph")
    first = parse_text(SOFT, rules=rules).sections[0]
    assert kinds(first.children) == ["Paragraph"]
    assert "【编者按】" in first.children[0].text


def test_a_start_after_decoration():
    """The prefix is looked for where the words begin, after markdown marks."""
    text = SOFT.replace("【编者按】", "**【编者按】**")
    rules = RULES.copy().insert(
        BlockRule("editor_note", lambda ctx, b, bs, i: editor_note(ctx, b, bs, i)
                  or (Note(Span(b.start, b.end), "") if ctx.norm.startswith("**【编者按】", b.start) else None),
                  Start.prefix("【编者按】")),
        before="paragraph")
    first = parse_text(text, rules=rules).sections[0]
    assert kinds(first.children) == ["Paragraph", "Note"]


def test_a_rule_may_read_a_run_of_blocks():
    """A read returning a tuple of events takes the blocks they cover."""
    def pair(ctx, block, blocks, index):
        if ctx.norm.startswith("甲", block.head) and index + 1 < len(blocks):
            after = blocks[index + 1]
            return (Note(Span(block.start, block.end), "a"), Note(Span(after.start, after.end), "b"))
        return None

    rules = RULES.copy().insert(BlockRule("pair", pair, Start("甲", lambda norm, line: Opening.BLOCK)),
                                before="furniture")
    report = parse_text("甲项说明\n\n云岭区的说明。\n\n全年新增就业4万人。\n", rules=rules)
    check_all(report)
    assert kinds(report.body) == ["Note", "Note", "Paragraph"]


# -- the default rules ----------------------------------------------------------------------

def test_default_rules_are_named_ordered_and_documented():
    assert RULES.names == ("back_matter", "furniture", "column", "figure", "table", "inline_html", "note",
                           "heading", "item", "bare_title", "paragraph")
    assert all(rule.read.__doc__ for rule in RULES)
    assert all(rule.start.test.__doc__ for rule in RULES if rule.start is not None)
    assert [r.name for r in RULES if r.start is not None] == [
        "column", "figure", "table", "inline_html", "note", "heading", "item"]


@pytest.mark.parametrize("name, first, second", [
    ("heading", "全年工作扎实推进", "（一）云岭区产业升级"),
    ("item", "重点抓好三项工作", "一是扩大有效投资。"),
    ("note", "主要指标完成情况良好", "注：数据为初步统计。"),
    ("column", "重点工程有序实施", "专栏2 青禾市重点工程"),
    ("figure", "空间布局逐步优化", "图3 云岭区空间结构示意"),
    ("table", "主要指标如下", "指标\t目标\t完成"),
])
def test_each_start_keeps_its_line_apart_and_disabling_the_rule_joins_it(name, first, second):
    """In text with blank lines between paragraphs, a line after one without a sentence end
    is soft-broken prose, unless a rule says a block starts there."""
    text = f"{first}\n{second}\n\n全年新增就业4万人。\n\n城乡居民收入稳步增长。\n"

    def together(report):
        return any(isinstance(n, Paragraph) and first in report.source(n) and second in report.source(n)
                   for n in report.walk())

    on, off = parse_text(text), parse_text(text, rules=RULES.copy().disable(name))
    check_all(on)
    check_all(off)
    assert not together(on)
    assert together(off), f"with {name} disabled its line joins the paragraph above"


def test_numbered_notes_are_read_by_the_note_rule():
    text = doc("""
        指标\t目标
        地区生产总值增速\t5%
        注：1.增速按可比价格计算。
        2.云岭区数据为快报数。
        3.其余为初步统计。
        4、全年工作回顾
        """)
    report = parse_text(text)
    check_all(report)
    table = next(n for n in report.walk() if type(n).__name__ == "Table")
    assert len(table.notes) == 3 and table.notes[2].startswith("3.")
    assert not report.sections or report.sections[0].marker != "2."


def test_back_matter_is_a_rule():
    text = doc("""
        一、工作回顾

        全年经济平稳运行。

        名词解释

        新质生产力：由技术革命性突破催生的先进生产力。
        """)
    report = parse_text(text)
    back = [n for n in report.body if isinstance(n, Furniture)]
    assert [n.kind for n in back] == [FurnitureKind.BACK_MATTER, FurnitureKind.BACK_MATTER]
    disabled = parse_text(text, rules=RULES.copy().disable("back_matter"))
    assert not any(isinstance(n, Furniture) for n in disabled.walk())


# -- the Ruler API -----------------------------------------------------------------------------

def test_default_rules_are_read_only():
    for change in (lambda r: r.insert(EDITOR_NOTE, before="paragraph"), lambda r: r.disable("item"),
                   lambda r: r.enable("item"), lambda r: r.replace("note", EDITOR_NOTE)):
        with pytest.raises(TypeError, match="read-only"):
            change(RULES)
    assert "editor_note" not in RULES


def test_copy_is_independent_and_changes_chain():
    rules = RULES.copy()
    assert rules.insert(EDITOR_NOTE, after="note").disable("bare_title") is rules
    assert rules.names.index("editor_note") == rules.names.index("note") + 1
    assert "bare_title" not in [r.name for r in rules] and rules.disabled == {"bare_title"}
    assert len(rules) == len(RULES)  # one more, one disabled
    assert RULES.names[-1] == "paragraph" and "editor_note" not in RULES
    rules.enable("bare_title")
    assert len(rules) == len(RULES) + 1
    assert rules.copy().names == rules.names


def test_unknown_names_and_duplicates_are_clear_errors():
    rules = RULES.copy()
    with pytest.raises(KeyError, match="no block rule named 'paragrph'.*paragraph"):
        rules.insert(EDITOR_NOTE, before="paragrph")
    with pytest.raises(KeyError, match="nothing"):
        rules.disable("nothing")
    with pytest.raises(KeyError):
        rules["nothing"]
    with pytest.raises(ValueError, match="unique"):
        rules.insert(BlockRule("note", editor_note), before="paragraph")
    with pytest.raises(ValueError, match="exactly one"):
        rules.insert(EDITOR_NOTE)
    with pytest.raises(ValueError, match="exactly one"):
        rules.insert(EDITOR_NOTE, before="note", after="note")
    with pytest.raises(ValueError, match="name"):
        BlockRule("", editor_note)
    with pytest.raises(TypeError, match="callable"):
        BlockRule("x", "not a function")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="empty"):
        Start.prefix("")
    assert rules.names == RULES.names  # nothing half-done


def test_replace_keeps_the_place():
    rules = RULES.copy().replace("note", BlockRule("my_note", editor_note, Start.prefix("【编者按】")))
    assert rules.names.index("my_note") == RULES.names.index("note")
    report = parse_text(SOFT, rules=rules)
    assert kinds(report.sections[0].children) == ["Paragraph", "Note"]


def test_rules_as_pairs_still_work():
    """``(name, read)`` pairs, as before the ruler: rules without a start."""
    report = parse_text("全年新增就业4万人。\n", rules=(("editor_note", editor_note), *RULES))
    assert kinds(report.body) == ["Paragraph"]
    with pytest.raises(TypeError, match="Ruler"):
        parse_text("全年新增就业4万人。\n", rules="paragraph")


def test_ruler_from_scratch():
    """A ruler of one catch-all rule: every block is a paragraph and no line is kept apart."""
    only = Ruler([RULES["paragraph"]])
    report = parse_text("一、总体要求\n\n（一）基本原则\n", rules=only)
    assert kinds(report.body) == ["Paragraph", "Paragraph"]
    assert not any(isinstance(n, Section) for n in report.walk())
    assert repr(RULES.copy().disable("item")).count("(item)") == 1


def test_a_ruler_pickles_for_batch_workers():
    """``parse_many`` with an executor sends the rules to other processes."""
    import pickle

    rules = pickle.loads(pickle.dumps(RULES.copy().disable("bare_title")))
    assert rules.names == RULES.names and rules.disabled == {"bare_title"}
    assert parse_text(SOFT, rules=rules) == parse_text(SOFT, rules=RULES.copy().disable("bare_title"))
    with pytest.raises(TypeError, match="read-only"):
        pickle.loads(pickle.dumps(RULES)).disable("item")
    # the default goes by name: a batch sends it with every file, and a worker gets its own
    # RULES back rather than a ruler rebuilt per file
    assert pickle.loads(pickle.dumps(RULES)) is RULES and len(pickle.dumps(RULES)) < 100
