"""Labeller: the indicator, the phrase a quantity is about (``全市地区生产总值``).

The phrase is the clause before the number (from the previous quantity when that lies in
the clause), cleaned in turn of:

- quote marks anywhere (``“十五五”时期`` → ``十五五时期``), markdown ``**`` and spaces;
- at the start, conjunctions and punctuation (和 及 与 、 以及 其中 并 …), times (``2025年``,
  ``今年``, ``十五五时期``, ``一年来``), comparisons (``比上年``) and target or estimate words
  (力争 确保 预计 …) — :data:`LEAD_JUNK`;
- at the end, verbs and the words that introduce a value (增长 达到 跨过 稳定在 控制在 …),
  qualifier words and punctuation — :data:`TRAIL_JUNK`;
- a leading or trailing ``的``.

A bare verb (``新建7家高质量孵化器``) takes the noun after the unit; a clause that holds no
subject of its own (``、年均增长5.2%``, ``连续9年稳定在…``) takes the subject of the previous
quantity of the same sentence — the text elides what it repeats.
"""
from __future__ import annotations

import re

from govreport.metrics.record import CLAUSE_PUNCT, GOAL_SET, VERB, Context, TailPattern, Window
from govreport.model import Change
from govreport.numerals import PLAN_NAME, YEAR

__all__ = ["AFTER_PHRASE", "LEAD_JUNK", "TRAIL_JUNK", "clean", "label"]

_BASIS = r"同口径|按?(?:可比|不变|现行|当年)(?:价格|价|口径)(?:计算)?"
"""How a change is reckoned (同口径, 按可比价格计算): no part of what it is about."""
AFTER_PHRASE = re.compile(r"[ \t]*的?(?!新?台阶|大关|关口|新高)(?P<p>[^\d\s，,。；;：:、！!？?和及与（()）“”\"]{1,20})")
"""The noun after a quantity's unit (``7家高质量孵化器``); not the milestone a figure passes
(``迈上两千亿元新台阶``, ``突破万亿大关``)."""
LEAD_JUNK = re.compile(
    rf"^(?:[\s*\\、，,和及与或的—─\-●•·]|（[^）]{{0,3}}）|\(?\d{{1,2}}[.．、)）](?!\d)|[一二三四五六七八九十]{{1,3}}[、是]|以及|其中|全年|预计|同比|{_BASIS}|分别|并|且|共|总计|合计|连续|"
    r"力争|争取|确保|力求|今年|去年|明年|一年来|五年来|过去一年|过去五年|这五年|近五年|"
    r"前?[一二三四1-4][ \t]*季度|[上下]半年|1[ \t]*[-—–~至][ \t]*1?[0-9][ \t]*月(?:份)?|年[末底初]|1?[0-9][ \t]*月(?:末|底|份)|"
    rf"{PLAN_NAME}(?:规划)?(?:时期|期间|以来|期末|末|初)?|"
    r"(?:比|较)[^，。；\d]{0,10}?\d{0,4}[ \t]*(?:年|末|初|同期|上年)(?:末|底|同期)?|"
    rf"到[ \t]*{YEAR}[ \t]*年(?:底|末)?|{YEAR}[ \t]*年(?:底|末|全年)?)+"
)
"""What is cut from the start of the phrase."""
TRAIL_JUNK = TailPattern(
    rf"(?:{VERB}|分别|了|同比|{_BASIS}|前?[一二三四]季度|[上下]半年|全年|平均值|比上年|较上年|(?:比|较)[ \t]*{YEAR}[ \t]*年(?:末|底)?|均|约|为|是|由|从|年均|年平均|累计|平均|的|"
    r"超过|突破|跨过|跨越|迈上|站上|越过|不少于|不超过|不低于|不足|接近|在|控制在|保持在|稳定在|维持在|"
    r"预计|力争|争取|确保|力求|实现|完成|创(?:历史)?新高|再创新高|稳中有[升进增]|持续(?:增长|提升|扩大)|"
    r"较快增长|稳步(?:增长|提升)|大幅(?:增长|提升)|[\s*\\、：:和及与或（(“])+$"
)
"""What is cut from the end of the phrase."""
_QUOTES = str.maketrans("", "", "“”\"‘’「」")
_GOAL_LEAD = re.compile(rf".*(?:目标|指标)(?:任务)?{GOAL_SET}(?:是|为)")
"""A lead-in naming goals with no colon after it (``主要预期目标是地区生产总值增长…``): the
subject is what follows it."""


def clean(phrase: str) -> str:
    """The phrase without quote marks, spaces, markdown marks and the junk at either end."""
    phrase = phrase.translate(_QUOTES)
    for _ in range(4):
        lead = LEAD_JUNK.match(phrase)  # qualifiers, dates, conjunctions at the start
        stripped = phrase if lead is None else phrase[lead.end():]
        trail = TRAIL_JUNK.search(stripped)  # verbs, qualifiers, punctuation at the end
        if trail is not None:
            stripped = stripped[: trail.start()]
        if stripped == phrase:
            break
        phrase = stripped
    return "".join(phrase.split()).replace("**", "").replace("\\", "")


def label(ctx: Context, prev: Context | None, w: Window) -> None:
    """Set ``ctx.indicator``. A clause whose subject is elided continues the previous
    clause's statement, and keeps its target and estimate flags (``…预计增长5.3%，达到1862.4亿元``)."""
    ctx.indicator = _indicator(ctx, prev, w)
    if prev is not None and ctx.indicator is not None and ctx.indicator is prev.indicator and not w.joined \
            and prev.qty.end > w.sentence and ";" not in w.sentence_pre and "；" not in w.sentence_pre:
        ctx.target = ctx.target or prev.target
        ctx.estimate = ctx.estimate or prev.estimate
    _respectively(ctx, prev, w)
    if prev is not None and ctx.indicator is not None and prev.qty.end > w.sentence:
        ctx.indicator = _complete_group(ctx.indicator, prev.indicator)


_LIST_SEPS = (re.compile(r"、"), re.compile(r"[、和及与]"))  # 、 first: 和 may join words of one subject
_SUBJECT_MIN = 4  # characters of each subject of a list that 分别 distributes over
_PREPOSITION = re.compile(r"[对向与同从在由]")
_RUN = re.compile(r"[0-9]+(?:\.[0-9]+)?[^0-9、和及与，,。；;：:\n]{0,8}")
_RUN_NEXT = re.compile(r"[ \t]*[、和及与][ \t]*")


def _run_length(norm: str, start: int, end: int) -> int:
    """How many numbers, the first at ``start``, are joined in a run by 、 和 及 与
    (``9.4％、13.3％、6.1％`` → 3; ``771家、481家增加到1076家`` → 2)."""
    count, pos = 0, start
    while (m := _RUN.match(norm, pos, end)) is not None:
        count += 1
        pos = m.end()
        joint = _RUN_NEXT.match(norm, pos, end)
        if joint is None:
            break
        pos = joint.end()
    return count


def _respectively(ctx: Context, prev: Context | None, w: Window) -> None:
    """``规上工业增加值、固定资产投资分别增长8%、10%``: the quantities of a run joined by 、 or
    和 after 分别 go to the subjects of the list before it, in order, when the list has as
    many subjects as the run has numbers; a later run that elides the subjects goes to them
    again (``分别达到…、…，分别增长…、…``, ``分别从…、…增加到…、…``). Only subjects written out
    (four characters or more each) are taken apart: ``城镇、农村居民收入`` elides what its
    subjects share, and ``对中亚五国、东盟进出口`` names the partners of one."""
    if prev is not None and prev.respective is not None:
        subjects, k = prev.respective
        if w.joined:
            if k + 1 < len(subjects):
                ctx.respective = (subjects, k + 1)
                ctx.indicator = subjects[k + 1]
            return
        if ctx.indicator is prev.indicator and _run_length(w.norm, ctx.qty.start, w.end) == len(subjects):
            ctx.respective = (subjects, 0)
            ctx.indicator = subjects[0]
            return
    if ctx.indicator is None or "分别" not in w.pre:
        return
    head = ctx.indicator.split("分别")[0]
    if _PREPOSITION.match(head):
        return
    count = _run_length(w.norm, ctx.qty.start, w.end)
    for sep in _LIST_SEPS:
        subjects = tuple(clean(part) for part in sep.split(head))
        if count >= 2 and len(subjects) == count and all(len(part) >= _SUBJECT_MIN for part in subjects):
            ctx.respective = (subjects, 0)
            ctx.indicator = subjects[0]
            return


_GROUP = re.compile(r"(?:其中)?(?P<g>(?:城镇|农村|城市|全体)(?:常住)?居民)")


def _complete_group(indicator: str, before: str | None) -> str:
    """``城镇居民`` after ``全体居民人均可支配收入增长5.6%，其中``: a group of residents named
    alone takes what the figure before it in the sentence said of residents (its words
    after 居民), which the text leaves out."""
    m = _GROUP.fullmatch(indicator)
    if m is None or before is None or "居民" not in before:
        return indicator
    rest = before.split("居民", 1)[1]
    return m.group("g") + rest if rest else indicator


def _indicator(ctx: Context, prev: Context | None, w: Window) -> str | None:
    """The phrase the quantity is about, before the verb-only and elided-subject fallbacks of :func:`label`."""
    if ctx.change is Change.TO and ctx.partner is not None and prev is not None and prev.indicator:
        return prev.indicator  # 由62.5%提高到66.8%: both halves are about the same thing
    pre = w.pre
    phrase = pre
    if prev is not None and pre and w.norm.startswith(pre, prev.qty.end):
        # 百个示范镇、千个示范村: what follows the previous quantity up to 、/和 is its noun
        cut = max(pre.rfind(c) for c in "、和及与")
        phrase = pre[cut + 1:] if cut >= 0 else phrase
    if "标" in phrase:
        lead = _GOAL_LEAD.match(phrase)
        if lead is not None and lead.end() < len(phrase):
            phrase = phrase[lead.end():]
    phrase = clean(phrase)
    if phrase and len(phrase) > 4:
        return phrase[-40:]
    am = AFTER_PHRASE.match(w.norm, ctx.qty.end, w.end)  # read only when it may be used
    after = clean(am.group("p")) if am is not None else ""
    if phrase:
        return phrase + after  # 新建7家高质量孵化器 → 新建高质量孵化器
    if after:
        return after  # 12条入海河流全部消劣
    subject = _previous_clause_subject(prev, w)
    if subject:
        return subject  # 全省进出口总值创历史新高，达到5379亿元
    if prev is not None and prev.qty.end > w.sentence and prev.indicator:
        return prev.indicator  # 达到9.2万元、增长4.1%; 粮食总产量…，连续9年稳定在…
    return None


def _previous_clause_subject(prev: Context | None, w: Window) -> str:
    """The subject of the clause before the quantity's, when that clause is of the same
    sentence, holds no quantity and is short: a clause that names what the next one measures."""
    start = w.clause - 1
    if start <= w.sentence:
        return ""
    before = CLAUSE_PUNCT.search(w.norm[max(w.sentence, start - 24):start][::-1])
    lo = start - before.start() if before is not None else max(w.sentence, start - 24)
    if before is None and lo != w.sentence:
        return ""  # no clause mark within reach: not a short clause
    if prev is not None and prev.qty.end > lo:
        return ""
    subject = clean(w.norm[lo:start])
    return subject if 2 <= len(subject) <= 20 else ""
