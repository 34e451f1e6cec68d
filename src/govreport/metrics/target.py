"""Labeller: the target and estimate flags of a quantity.

A quantity is a target when its own clause says so (``力争``, ``确保``, ``到2030年``,
``预期目标``, ``将``, ``要`` …) or when the words that govern its clause do: the lead-in of
its sentence ending with a colon (``主要预期目标是：…``), or a sentence that opens with a
target word and goes on in clauses joined by commas (``力争全年粮食产量稳定在…，城镇新增就业…``).
A word in another clause of a long sentence, or in another sentence, never counts: a review
sentence stays a review sentence because a ``确保`` stood 300 characters before it.

An estimate (``预计``, ``初步核算`` …) is read the same way.
"""
from __future__ import annotations

import re

from govreport.metrics.record import CLAUSE_PUNCT, GOAL_SET, Context, Window
from govreport.numerals import YEAR

__all__ = [
    "COLON_ESTIMATE_RE", "COLON_TARGET_RE", "ESTIMATE_RE", "LEAD_ESTIMATE_RE", "LEAD_TARGET_RE", "TARGET_RE", "label",
]

# Every alternative opens with a character, its lookbehinds written after it (将(?<!即将)
# is (?<!即)将), which gives the engine's faster scan for a set of first characters.
TARGET_RE = re.compile(
    rf"到[ \t]*{YEAR}[ \t]*年|力争|预期目标|预期指标|主要目标|目标是|目标为|争取|确保|力求|"
    r"将(?<!即将)(?!近)|要(?<![重主需必纲摘只概]要)(?![求素点闻案件害])"
)
"""Words that make the quantity of their own clause a target."""
LEAD_TARGET_RE = re.compile(
    rf"^(?:[^，,；;：:\d]{{1,6}}[，,])?[ \t]*(?:今年|明年|全年|{YEAR}[ \t]*年)?[ \t]*(?:力争|争取|力求|到[ \t]*{YEAR}[ \t]*年)"
    rf"|^[^，,；;：:]*?(?:预期目标|预期指标|主要目标)(?:任务)?{GOAL_SET}(?:是|为)"
)
"""A sentence that opens with these — or whose first clause names its goals with no colon
after (``主要预期目标是地区生产总值增长5%左右，…``) — governs the clauses joined to its first
by commas."""
COLON_TARGET_RE = re.compile(r"目标|预期指标|力争|争取|确保|力求")
"""Words in a lead-in ending with a colon that make the whole list after it targets."""
ESTIMATE_RE = re.compile(r"预计|初步核算|初步统计|预估")
"""Words that make the quantity of their own clause an estimate."""
LEAD_ESTIMATE_RE = re.compile(
    rf"^(?:[^，,；;：:\d]{{1,6}}[，,])?[ \t]*(?:据|经)?(?:今年|全年|去年|{YEAR}[ \t]*年)?[ \t]*(?:预计|初步核算|初步统计|预估)"
)
"""A sentence lead-in that makes the clauses joined to it estimates."""
COLON_ESTIMATE_RE = re.compile(r"预计|初步核算|初步统计")
"""Words in a lead-in ending with a colon that make the list after it estimates."""


_FLAG_WORDS = re.compile(f"(?P<t>{TARGET_RE.pattern})|(?P<e>{ESTIMATE_RE.pattern})")
"""Target and estimate words in one pattern: a clause is read once for both."""


def _flags(text: str, pos: int = 0) -> tuple[bool, bool]:
    """Whether ``text`` from ``pos`` holds a target word, an estimate word."""
    target = estimate = False
    for m in _FLAG_WORDS.finditer(text, pos):
        if m.group("t") is not None:
            target = True
        else:
            estimate = True
        if target and estimate:
            break
    return target, estimate


def _lead(w: Window) -> tuple[str, bool]:
    """The sentence's lead-in, when the quantity is not in it: its first clause with the mark
    that ends it, or its first two when the first is a short address (``各位代表，``); and
    whether it is whole (the second clause of an address may still be the quantity's own)."""
    pre = w.sentence_pre
    first = CLAUSE_PUNCT.search(pre)
    if first is None:
        return "", False
    end = first.end()
    if end <= 7 and pre[first.start()] in "，,":
        second = CLAUSE_PUNCT.search(pre, end)
        if second is None:
            return pre[:end], False
        end = second.end()
    return pre[:end], True


def _governed(ctx: Context, prev: Context | None, w: Window) -> tuple[bool, bool]:
    """Whether the words that govern the quantity's clause make it a target, an estimate:
    the sentence up to its last colon before the quantity (``…主要预期目标是：``), or the
    sentence's first clause when it opens with a target or estimate word and the quantity's
    clause is joined to it by commas (a semicolon ends its reach)."""
    if w.clause <= w.sentence:
        return False, False  # the quantity is in its sentence's first clause
    pre = w.sentence_pre
    target = estimate = False
    if "：" in pre or ":" in pre:
        cut = max(pre.rfind("："), pre.rfind(":"))
        target = COLON_TARGET_RE.search(pre, 0, cut) is not None
        estimate = COLON_ESTIMATE_RE.search(pre, 0, cut) is not None
        if target and estimate:
            return True, True
    if prev is not None and prev.lead is not None and prev.lead[0] == w.sentence:
        ctx.lead = info = prev.lead  # the same sentence: the same lead-in
    else:
        lead, whole = _lead(w)
        info = (w.sentence, len(lead), bool(lead) and LEAD_TARGET_RE.match(lead) is not None,
                bool(lead) and LEAD_ESTIMATE_RE.match(lead) is not None)
        ctx.lead = info if whole else None
    _, size, opens_target, opens_estimate = info
    if (opens_target and not target) or (opens_estimate and not estimate):
        between = pre[size - 1:]  # from the lead-in's own closing mark
        if "；" not in between and ";" not in between:
            target, estimate = target or opens_target, estimate or opens_estimate
    return target, estimate


def label(ctx: Context, prev: Context | None, w: Window) -> None:
    """Set ``ctx.target`` and ``ctx.estimate``."""
    pre = w.clause_pre
    if prev is not None and prev.clause == w.clause and prev.qty.start >= w.clause:
        # the same clause: what was read up to the previous quantity holds; read what follows
        from_pos = max(0, prev.qty.start - w.clause - 3)  # a few characters back for lookbehinds
        target, estimate = _flags(pre, from_pos)
        target, estimate = target or prev.in_clause[0], estimate or prev.in_clause[1]
    else:
        target, estimate = _flags(pre)
    ctx.in_clause = (target, estimate)
    if not (target and estimate):
        by_lead = _governed(ctx, prev, w)
        target, estimate = target or by_lead[0], estimate or by_lead[1]
    ctx.target, ctx.estimate = target, estimate
