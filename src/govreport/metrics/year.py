"""Labeller: the year (or the run of years) a quantity is about.

In the order a reader looks:

1. *Stated* in the quantity's sentence before it: ``2025年``, ``二〇二五年``, ``到2030年``
   (a comparison's year, ``比2020年``, is not the quantity's); a five-year plan term with
   its period, ``“十四五”时期``, gives the run of years (2021, 2025) in ``years``, its end
   ``“十四五”末`` the last year. This is read with the quantity (:func:`label`).
2. *Relative words* of the sentence, resolved against the report's year: ``今年``,
   ``去年``, ``明年``, ``一年来``, ``过去五年``/``五年来`` (a run of years).
3. The *topic of the paragraph*: a sentence of the same paragraph that opens with a time
   (``刚刚过去的2017年，…``, ``五年来，…``, ``“十四五”时期，…``) sets it for the sentences after.
4. The *enclosing section*: ``2025年工作回顾`` → 2025, ``过去五年工作回顾`` → the five
   years before the report, ``今年工作安排`` → the report's year, ``“十五五”时期主要目标`` → 2026–2030.

Steps 2 to 4 need the report's year and its outline, known once the tree is built:
:func:`resolve_years` runs them over a parsed tree. A year outside :data:`PLAUSIBLE_YEARS`
is never given.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final, NamedTuple

import attrs

from govreport.metrics.record import SENTENCE_REACH, Context, Window, new_metric
from govreport.model import Column, Item, Metric, Node, Paragraph, Section
from govreport.numerals import PLAN_NAME, YEAR, plan_number, plan_period
from govreport.numerals import year as year_of

__all__ = [
    "Block",
    "PLAUSIBLE_YEARS",
    "Years",
    "label",
    "resolve_years",
    "section_years",
    "when",
]

PLAUSIBLE_YEARS: Final[range] = range(1949, 2101)
"""The years a metric may be given; a stated or derived year outside is ignored."""

Years = tuple[int, int]
"""A run of years, first and last (``(2021, 2025)`` for the 14th five-year plan)."""

YEAR_RE = re.compile(rf"(?=[\d〇零一二三四五六七八九])(?<![\d.])(?P<y>{YEAR})[ \t]*年(?!代|级)")
"""A stated year."""
PLAN_RE = re.compile(
    rf"(?=[“\"十])[“\"]?(?P<name>{PLAN_NAME})[”\"]?(?:规划)?(?P<when>时期|期间|以来|期末|末|初|规划期)"
)
"""A five-year plan term with the part of its period meant: 十四五时期, “十三五”末, 十五五期间."""


def _stated_year(digits: str) -> int | None:
    """The year of four digits matched by :data:`YEAR_RE`, if plausible."""
    found = year_of(digits)
    return found if found in PLAUSIBLE_YEARS else None


def when(plan: re.Match[str]) -> tuple[int | None, Years | None]:
    """What a plan-term match means: a run of years, or its first or last year."""
    years = plan_period(plan_number(plan.group("name")))
    part = plan.group("when")
    if part in ("末", "期末"):
        return years[1], None
    if part == "初":
        return years[0], None
    return None, years


def label(ctx: Context, prev: Context | None, w: Window) -> None:
    """Step 1: the year (or plan period) stated in the sentence before the quantity; of
    several, the one nearest the quantity."""
    pre = w.sentence_pre
    at = -1
    begin = 0
    if prev is not None and prev.sentence == w.sentence and prev.qty.start >= w.sentence:
        # the same sentence: start from what the previous quantity found, read what follows
        ctx.year, ctx.years = prev.year, prev.years
        begin = prev.qty.start - w.sentence
        at = begin - 1
    if "年" in pre[begin:]:  # each year ends in 年: most sentences hold none
        for ym in YEAR_RE.finditer(pre, begin):
            lead = pre[max(0, ym.start() - 1) : ym.start()]
            if lead in ("比", "较", "同", "于"):
                continue  # 比2020年翻一番: a comparison's year
            year = _stated_year(ym.group("y"))
            if year is not None:
                ctx.year, ctx.years, at = year, None, ym.start()
    if "五" in pre and "十" in pre:
        for pm in PLAN_RE.finditer(pre, begin):
            if pm.start() > at:
                year, years = when(pm)
                if year is not None or years is not None:
                    ctx.year, ctx.years, at = year, years, pm.start()


# ---------------------------------------------------------------- step 2-4: over the tree

_RELATIVE = re.compile(
    r"(?P<w>今年|明年|去年|上一年|一年来|过去一年|过去的一年|五年来|过去五年|过去的五年|这五年|近五年|本届政府)"
)
_SHIFT: Final[dict[str, int | None]] = {
    "今年": 0, "明年": 1, "去年": -1, "上一年": -1, "一年来": -1, "过去一年": -1, "过去的一年": -1,
    "五年来": None, "过去五年": None, "过去的五年": None, "这五年": None, "近五年": None, "本届政府": None,
}
_OPENING = re.compile(
    r"(?:各位代表[，,！!]?)?(?:据|经)?(?:预计|初步核算|初步统计)?[，,]?(?:刚刚过去的|过去的)?[ \t]*"
    rf"(?:(?P<y>{YEAR})[ \t]*年(?![代级度])"
    r"|(?P<w>今年|去年|一年来|过去一年|过去的一年|五年来|过去五年|这五年|近五年)"
    rf"|(?P<plan>[“\"]?{PLAN_NAME}[”\"]?(?:规划)?(?:时期|期间|以来)))"
)
_TITLE_PLAN = re.compile(rf"(?P<name>{PLAN_NAME})[”\"]?(?P<when>时期|期间|以来|规划|末|发展|主要目标|目标)?")
_OPENING_YEAR = re.compile(r"开局|起步|开好局|第一年")
# opens with the set of sentence marks, so the engine scans for those characters at once
_OPENING_AFTER_STOP = re.compile(r"[。！？!?\n][ \t\u3000”\"]*" + _OPENING.pattern)
_SECTION_WORDS = re.compile(r"(?P<w>过去五年|五年来|今年|去年|过去一年|上年|明年)")


def _relative(word: str, report_year: int) -> tuple[int | None, Years | None]:
    shift = _SHIFT.get(word, 0)
    if shift is None:
        return None, (report_year - 5, report_year - 1)
    return report_year + shift, None


def section_years(title: str, report_year: int | None) -> tuple[int | None, Years | None]:
    """The year or run of years a section title speaks of (``2025年工作回顾`` → 2025,
    ``过去五年工作回顾`` → the five years before the report, ``“十五五”时期主要目标`` → 2026–2030,
    ``“十五五”时期主要目标和2026年工作安排`` → the report's year 2026, ``“十四五”时期和2025年工作
    回顾`` → 2025); ``(None, None)`` for none."""
    pm = _TITLE_PLAN.search(title)
    if pm is not None:
        years = plan_period(plan_number(pm.group("name")))
        if _OPENING_YEAR.search(title, pm.end()):
            return years[0], None  # 实现“十四五”良好开局: the plan's first year
        if pm.group("when"):
            named = _named_year(title, report_year) if report_year is not None else None
            if named is not None:
                # “十五五”时期主要目标和2026年工作安排, “十四五”时期和2025年工作回顾: the year's
                # work or review fills the section, and the sentences about the plan's five
                # years say so themselves
                return named, None
            return None, years
    ym = YEAR_RE.search(title)
    if ym is not None:
        year = _stated_year(ym.group("y"))
        if year is not None:
            return year, None
    wm = _SECTION_WORDS.search(title)
    if wm is not None and report_year is not None:
        word = wm.group("w")
        return _relative("去年" if word == "上年" else word, report_year)
    return None, None


def _named_year(title: str, report_year: int) -> int | None:
    """The report's year or the year before, when a section title names it (``2026年工作安排``,
    ``今年工作``, ``2025年工作回顾``, ``去年``), else ``None``."""
    for ym in YEAR_RE.finditer(title):
        year = _stated_year(ym.group("y"))
        if year in (report_year, report_year - 1):
            return year
    wm = _SECTION_WORDS.search(title)
    if wm is not None and wm.group("w") in ("今年", "去年", "上年", "过去一年"):
        return report_year if wm.group("w") == "今年" else report_year - 1
    return None


class Block(NamedTuple):
    """A paragraph, item or heading of a report in document order, with its metrics (years
    resolved) and the year or run of years its section speaks of: what
    :mod:`govreport.targets` reads. A tuple: one is made for every block."""

    start: int
    end: int
    metrics: tuple[Metric, ...]
    year: int | None
    years: Years | None
    heading: bool = False


Scope = tuple[int | None, Years | None]


class _Resolver:
    """Steps 2-4 over one report's tree (per-call state: the report's text and year, and the
    blocks seen, when asked for)."""

    def __init__(self, norm: str, report_year: int | None, blocks: list[Block] | None, in_place: bool) -> None:
        self.norm = norm
        self.report_year = report_year if report_year in PLAUSIBLE_YEARS else None
        self.blocks = blocks
        self.in_place = in_place

    def nodes(self, nodes: Sequence[Node], scope: Scope) -> tuple[Node, ...] | None:
        """``nodes`` with their metrics' years resolved, or ``None`` when none changed."""
        out: list[Node] | None = None
        for i, node in enumerate(nodes):
            new = self.node(node, scope)
            if new is not node and out is None:
                out = list(nodes[:i])
            if out is not None:
                out.append(new)
        return None if out is None else tuple(out)

    def node(self, node: Node, scope: Scope) -> Node:
        """``node`` with the metrics of it and its children dated (headings give their years to what they hold)."""
        blocks = self.blocks
        if isinstance(node, Paragraph):  # the commonest first
            metrics = self.metrics(node.metrics, node.span.start, scope) if node.metrics else None
            if blocks is not None:
                blocks.append(Block(node.span.start, node.span.end, node.metrics if metrics is None else metrics,
                                    scope[0], scope[1]))
            return node if metrics is None else attrs.evolve(node, metrics=metrics)
        if isinstance(node, Section):
            own = section_years(node.title, self.report_year)
            inner = own if own != (None, None) else scope
            own_metrics = node.title_metrics
            metrics = self.metrics(own_metrics, node.title_span.start, inner) if own_metrics else None
            if blocks is not None:
                blocks.append(Block(node.title_span.start, node.title_span.end,
                                    own_metrics if metrics is None else metrics, inner[0], inner[1], True))
            children = self.nodes(node.children, inner) if node.children else None
            if metrics is None and children is None:
                return node
            return attrs.evolve(node, title_metrics=own_metrics if metrics is None else metrics,
                                children=node.children if children is None else children)
        elif isinstance(node, Item):
            metrics = self.metrics(node.metrics, node.span.start, scope) if node.metrics else None
            if blocks is not None:
                end = node.children[0].span.start if node.children else node.span.end
                blocks.append(Block(node.span.start, end, node.metrics if metrics is None else metrics,
                                    scope[0], scope[1]))
            children = self.nodes(node.children, scope) if node.children else None
        elif isinstance(node, Column):
            metrics = self.metrics(node.metrics, node.span.start, scope) if node.metrics else None
            children = self.nodes(node.children, scope) if node.children else None
        else:
            return node  # tables keep the years of their cells as the scanner read them
        if metrics is None and children is None:
            return node
        return attrs.evolve(node, metrics=node.metrics if metrics is None else metrics,
                            children=node.children if children is None else children)

    def metrics(self, metrics: tuple[Metric, ...], start: int,
                scope: tuple[int | None, Years | None]) -> tuple[Metric, ...] | None:
        """Steps 2-4 for the undated ``metrics`` of one node starting at ``start``: the new tuple, or ``None`` when none changed (or when they were dated in place)."""
        if not metrics:
            return None
        norm = self.norm
        end = metrics[-1].span.start
        timed = norm.find("年", start, end) >= 0 or norm.find("五", start, end) >= 0
        if not timed and scope == (None, None):
            return None  # nothing in the node or above it tells a year
        topics = self.topics(start, end) if timed else []
        relative = timed and self.report_year is not None and _RELATIVE.search(norm, start, end) is not None
        if self.in_place:
            # Give each metric its year while the parse that made it is still building the
            # report: the last step of the metric's construction, before anyone else can see
            # it, done the way its own __init__ sets a frozen field. Saves a second Metric per
            # metric and a second tree.
            setattr_ = object.__setattr__
            for m in metrics:
                if m.year is None and m.years is None:
                    year, years = self._find(m.span.start, relative, topics, scope)
                    if year is not None:
                        setattr_(m, "year", year)
                    elif years is not None:
                        setattr_(m, "years", years)
            return None
        out: list[Metric] = []
        changed = False
        for m in metrics:
            if m.year is None and m.years is None:
                year, years = self._find(m.span.start, relative, topics, scope)
                if year is not None or years is not None:
                    m = _dated(m, year, years)
                    changed = True
            out.append(m)
        return tuple(out) if changed else None

    def _find(self, pos: int, relative: bool, topics: list[tuple[int, int | None, Years | None]],
              scope: Scope) -> Scope:
        """Steps 2-4 for the quantity at ``pos``."""
        if relative:
            found = self.relative(pos)
            if found != (None, None):
                return found
        if topics:
            found = _topic_at(topics, pos)
            if found != (None, None):
                return found
        return scope

    def relative(self, pos: int) -> tuple[int | None, Years | None]:
        """Step 2: a relative time word in the sentence before ``pos``."""
        if self.report_year is None:
            return None, None
        norm = self.norm
        lo = max(0, pos - SENTENCE_REACH)
        cut = max(norm.rfind(c, lo, pos) for c in "。！？!?\n")
        sentence = norm[max(lo, cut + 1):pos]
        found: re.Match[str] | None = None
        for found in _RELATIVE.finditer(sentence):
            pass
        if found is None:
            return None, None
        lead = sentence[max(0, found.start() - 1) : found.start()]
        if lead in ("比", "较", "同", "于"):
            return None, None
        return _relative(found.group("w"), self.report_year)

    def topics(self, start: int, end: int) -> list[tuple[int, int | None, Years | None]]:
        """Step 3: where each sentence from ``start`` to ``end`` that opens with a time begins,
        and the time."""
        found: list[tuple[int, int | None, Years | None]] = []
        first = _OPENING.match(self.norm, start)
        matches = ([first] if first is not None else []) + list(_OPENING_AFTER_STOP.finditer(self.norm, start, end))
        for om in matches:
            year: int | None = None
            years: Years | None = None
            if om.group("y"):
                year = _stated_year(om.group("y"))
            elif om.group("w") and self.report_year is not None:
                year, years = _relative(om.group("w"), self.report_year)
            elif om.group("plan"):
                pm = PLAN_RE.match(om.group("plan"))
                if pm is not None:
                    year, years = when(pm)
            if year is not None or years is not None:
                found.append((om.start() + (om is not first), year, years))
        return found


def _dated(m: Metric, year: int | None, years: Years | None) -> Metric:
    """``m`` with ``year`` and ``years`` (what ``attrs.evolve`` does, several times faster)."""
    return new_metric(
        m.text, m.span, m.value, m.unit, m.base_value, m.base_unit, m.value_high, m.base_value_high,
        m.qualifier, m.indicator, m.change, m.period, year, m.target, m.estimate, m.partner, years, m.key,
    )


def _topic_at(topics: list[tuple[int, int | None, Years | None]], pos: int) -> tuple[int | None, Years | None]:
    """The time of the last topic sentence starting at or before ``pos``."""
    best: tuple[int | None, Years | None] = (None, None)
    for start, year, years in topics:
        if start > pos:
            break
        best = (year, years)
    return best


def resolve_years(norm: str, body: tuple[Node, ...], report_year: int | None,
                  blocks: list[Block] | None = None, *, in_place: bool = False) -> tuple[Node, ...]:
    """Steps 2-4 for every metric of ``body`` whose sentence states no year: the tree with
    those metrics' ``year``/``years`` filled in (nodes with no change are kept as they are).

    When ``blocks`` is given, the paragraphs, items and headings of the tree are appended to
    it in document order, with their resolved metrics (see :class:`Block`).

    ``in_place=True`` is for the parser only, on metrics it has just made and nobody else
    holds: it dates them where they are and returns ``body`` itself."""
    resolver = _Resolver(norm, report_year, blocks, in_place)
    new = resolver.nodes(body, (None, None))
    return body if new is None else new

