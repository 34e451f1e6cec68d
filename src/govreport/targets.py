"""Targets and outcomes: the table analysts compile by hand (docs/targets.md).

A work report states the year's **main expected targets** in one passage
(``今年经济社会发展的主要预期目标是：地区生产总值增长5%左右；…``) and opens its review with the
previous year's **headline outcomes** (``全省生产总值…增长5.2%``). This module finds both in a
parsed tree, keyed by the canonical indicators of :mod:`govreport.metrics.key`:

- :func:`find_headlines` — the targets and outcomes of one report (the parser calls it and
  stores them as ``Report.targets`` and ``Report.outcomes``);
- :func:`rekey` — the same report with the keys of a user's :class:`~govreport.metrics.key.KeyTable`;
- :func:`compare` — each target of one year set against the outcome the next year's report
  of the same region gives: met, missed or not reported, and the difference.

**The targets passage** opens with a lead-in naming the year's expected targets
(``主要预期目标是：``, ``今年发展的主要预期目标…``, ``预期目标为``) outside any five-year or
long-range context. It runs to the end of its paragraph, sentence by sentence while they
continue the list (a sentence explaining the targets, ``上述主要预期目标…``, ends it); when the
lead-in ends its paragraph (the list follows on its own lines or as items), the following
blocks are read while they are entries of the list. Each clause of the passage gives a
target for each metric with a key; a clause with no number that opens with a key's subject
(``居民收入增长和经济增长基本同步``) gives a qualitative target (value ``None``).

**Outcomes** are the first statement of each key in the text before the targets passage
whose year is the previous year (stated, from a relative word, from its paragraph or from
its section: :mod:`govreport.metrics.year`); five-year figures (``年均``, ``累计``, a run of
years) are not outcomes, except the end point of a from–to pair over the five years
(``从4.16万亿元增加到5.67万亿元``) for a level the year gives no other statement of; the
figure after a milestone in one sentence (``突破两千亿元，达到2056.3亿元``) is the statement.
A flat CPI (``居民消费价格…持平``) is a qualitative outcome.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Final

import attrs

from govreport.enums import StrEnum
from govreport.metrics.indicator import clean
from govreport.metrics.key import DEFAULT_KEYS, KeyTable
from govreport.metrics.record import GOAL_SET
from govreport.metrics.year import PLAUSIBLE_YEARS, Block, resolve_years
from govreport.model import (
    Change,
    Headline,
    HeadlineKind,
    Kind,
    Meta,
    Metric,
    Node,
    Period,
    Qualifier,
    Report,
    Section,
    own_metrics,
)
from govreport.numerals import PLAN_NAME, YEAR
from govreport.numerals import year as numeral_year
from govreport.span import Span

__all__ = [
    "Comparison",
    "Status",
    "compare",
    "date_and_find",
    "find_headlines",
    "rekey",
    "LOWER_IS_BETTER",
]

_LEAD = re.compile(
    rf"(?:主要)?预期(?:性)?(?:目标|指标)(?:任务)?{GOAL_SET}(?:是|为|如下)?[：:]|(?:主要)?预期(?:性)?(?:目标|指标)(?:任务)?{GOAL_SET}(?:是|为)|"
    rf"主要(?:发展)?目标(?:任务)?{GOAL_SET}(?:是|为)[：:]?|主要(?:发展)?目标(?:任务)?{GOAL_SET}(?:如下)?[：:]"
)
"""The lead-in of the targets passage (``主要预期目标是：``, ``预期目标为``, ``主要目标任务是：``,
``主要预期目标建议为：``, ``主要预期指标安排如下：``)."""
_LONG_RANGE = re.compile(rf"{PLAN_NAME}|五年|远景|{YEAR}[ \t]*年(?:前|以前)|时期|规划期|今后")
"""Words in the lead-in's sentence that make it a plan's or a long-range goal."""
_EXPLAINS = re.compile(r"^[ \t]*(?:上述|以上|这些|这一|实现(?:上述|这些)|为实现|考虑|从|提出)")
"""A sentence that explains the targets rather than continuing their list."""
_CLAUSE = re.compile(r"[^，,；;。！!？?：:\n]+")
_SENTENCE = re.compile(r"[^。！!？?\n]+[。！!？?]?")
_LIST_MARK = re.compile(r"^[ \t\u3000]*(?:——|──|-|—|•|●|·|\(?（?[一二三四五六七八九十\d]{1,2}[)）、.．]|[①-⑳])")
_ASSIGNED = re.compile(r"完成(?:国家|中央|省|市|上级)?下达的?(?P<list>[^，,；;。]{2,60}?)(?:目标任务|目标|任务)")
"""A clause that commits to the targets a higher level assigns, listing their subjects."""
_SENTENCE_END = re.compile(r"[。！!？?\n]")
_CPI_FLAT = re.compile(r"居民消费价格(?:指数|总水平)?[^，,。；;\d]{0,8}持平")
_FIVE_YEAR_PERIODS: Final[frozenset[Period]] = frozenset({Period.ANNUAL_AVERAGE, Period.CUMULATIVE})

LOWER_IS_BETTER: Final[frozenset[str]] = frozenset({"cpi", "unemployment_rate"})
"""Keys whose target is a ceiling: met when the outcome is at or below it."""


def find_headlines(
    text: str, body: Sequence[Node], report_year: int | None, keys: KeyTable = DEFAULT_KEYS,
    blocks: list[Block] | None = None,
) -> tuple[tuple[Headline, ...], tuple[Headline, ...]]:
    """The targets and outcomes of a parsed work report (``text`` is ``Report.text``).

    ``keys`` keys the qualitative targets; the numeric ones take the metrics' own ``key``
    (see :func:`rekey` for another table). ``blocks``, when the caller has them from
    :func:`~govreport.metrics.year.resolve_years`, saves walking the tree again. Never
    raises; a report with no targets passage has no targets, one with no year no outcomes.
    """
    finder = _Finder(text, report_year, keys)
    if blocks is None:
        blocks = _blocks(body, finder.year)
    passage = finder.passage(blocks)
    targets = finder.targets(passage)
    stop = passage[0].lead_start if passage else len(text)
    outcomes = finder.outcomes(blocks, stop)
    return targets, outcomes


def date_and_find(
    text: str, norm: str, body: tuple[Node, ...], meta: Meta
) -> tuple[tuple[Node, ...], tuple[Headline, ...], tuple[Headline, ...]]:
    """The parser's last step on a freshly built tree: the years no sentence states
    (:func:`~govreport.metrics.year.resolve_years`, in place on the metrics the parse just
    made), then a work report's targets and outcomes (a plan's goals are its indicator
    table, not rows of this table). Returns the tree, the targets and the outcomes."""
    blocks: list[Block] | None = [] if meta.kind is not Kind.PLAN_OUTLINE else None
    body = resolve_years(norm, body, meta.year, blocks, in_place=True)
    if blocks is None:
        return body, (), ()
    targets, outcomes = find_headlines(text, body, meta.year, blocks=blocks)
    return body, targets, outcomes


def rekey(report: Report, keys: KeyTable) -> Report:
    """``report`` with every metric's ``key`` from ``keys`` and its targets and outcomes
    found again with them: how a user's extended table applies to a parsed report."""

    def metric(m: Metric) -> Metric:
        """``m`` with its key from ``keys``."""
        new = keys.key(m.indicator, m.change, m.base_unit)
        return m if new == m.key else attrs.evolve(m, key=new)

    def node(n: Node) -> Node:
        """``n`` with its metrics and its children's rekeyed."""
        changes: dict[str, object] = {}
        metrics = own_metrics(n)
        if metrics:
            changes["title_metrics" if isinstance(n, Section) else "metrics"] = tuple(metric(m) for m in metrics)
        children = getattr(n, "children", None)
        if children:
            changes["children"] = tuple(node(c) for c in children)
        return attrs.evolve(n, **changes) if changes else n  # type: ignore[arg-type]

    body = tuple(node(n) for n in report.body)
    targets, outcomes = find_headlines(report.text, body, report.meta.year, keys)
    return attrs.evolve(report, body=body, targets=targets, outcomes=outcomes)


# ---------------------------------------------------------------------------- the blocks


def _blocks(nodes: Sequence[Node], report_year: int | None) -> list[Block]:
    """The blocks of a tree whose metrics already have their years (:func:`rekey`)."""
    blocks: list[Block] = []
    resolve_years("", tuple(nodes), report_year, blocks)  # years found at parse time stay
    return blocks


# ---------------------------------------------------------------------------- the finder


@attrs.frozen(slots=True)
class _Piece:
    """A stretch of the targets passage: ``[start, end)`` in the text, with its metrics."""

    start: int
    end: int
    metrics: tuple[Metric, ...]
    lead_start: int


class _Finder:
    """Per-call state: the report's text, year and key table."""

    def __init__(self, text: str, report_year: int | None, keys: KeyTable) -> None:
        self.text = text
        self.year = report_year if report_year in PLAUSIBLE_YEARS else None
        self.keys = keys

    # ---- the passage

    def passage(self, blocks: list[Block]) -> list[_Piece]:
        """The stretches of text the targets passage covers (empty when there is none)."""
        text = self.text
        for i, block in enumerate(blocks):
            if block.years is not None or (block.year is not None and self.year is not None and block.year < self.year):
                continue  # a five-year plan's section, or the review: not this year's targets
            found = self._lead_in(block)
            if found is None:
                continue
            lead_start, list_start = found
            rest = text[list_start:block.end]
            pieces = [_Piece(list_start, list_start + _list_end(rest), block.metrics, lead_start)]
            if not rest.strip(" \t\u3000\r\n：:*"):
                # the list follows on its own lines or as items
                shape = None  # the list mark of its first entry (1. ——), when it has one
                for nxt in blocks[i + 1:]:
                    entry = text[nxt.start:nxt.end]
                    # a heading's block starts at its title: its mark stands before it on the line
                    marked = _mark_shape(text[text.rfind("\n", 0, nxt.start) + 1 : nxt.end] if nxt.heading else entry)
                    if not (marked is not None and marked == shape) and not self._is_entry(entry, nxt.metrics):
                        break  # (a heading too may be an entry: ``1.地区生产总值增长5.5%；`` on its line)
                    shape = marked if len(pieces) == 1 else shape
                    pieces.append(_Piece(nxt.start, nxt.start + _list_end(entry), nxt.metrics, lead_start))
                    if entry.rstrip().endswith("。"):
                        break
            return pieces
        return []

    def _lead_in(self, block: Block) -> tuple[int, int] | None:
        """Where the lead-in's sentence starts and its list begins, or ``None``."""
        text = self.text
        if text.find("目标", block.start, block.end) < 0 and text.find("指标", block.start, block.end) < 0:
            return None
        for m in _LEAD.finditer(text, block.start, block.end):
            sentence_start = max(text.rfind(c, block.start, m.start()) for c in "。！？!?\n") + 1
            sentence_start = max(sentence_start, block.start)
            clause_start = max(text.rfind(c, sentence_start, m.start()) for c in "，,；;") + 1
            clause_start = max(clause_start, sentence_start)
            if _LONG_RANGE.search(text, clause_start, m.start()):
                continue  # “十四五”时期…主要目标是：the plan's, not the year's
            if _stated_other_year(text[clause_start:m.start()], self.year):
                continue
            return sentence_start, m.end()
        return None

    def _is_entry(self, entry: str, metrics: tuple[Metric, ...]) -> bool:
        """Whether a block after a lead-in that ends its paragraph is an entry of the list."""
        stripped = _LIST_MARK.sub("", entry, count=1).strip(" \t\u3000*")
        if not stripped:
            return False
        first = _CLAUSE.match(stripped)
        head = first.group() if first else stripped
        return self.keys.clause_key(head) is not None or any(m.key for m in metrics if m.span.start < len(head) + 200)

    # ---- targets

    def targets(self, pieces: list[_Piece]) -> tuple[Headline, ...]:
        """One row per keyed metric of the passage, and per keyed clause with no number."""
        rows: list[Headline] = []
        text = self.text
        for piece in pieces:
            metrics = [m for m in piece.metrics if piece.start <= m.span.start < piece.end]
            for cm in _CLAUSE.finditer(text, piece.start, piece.end):
                inside = [m for m in metrics if cm.start() <= m.span.start < cm.end()]
                keyed = [m for m in inside if m.key]
                parts = _parts(keyed)
                for m in keyed:
                    name = parts[m.span.start][1] if m.span.start in parts else None
                    rows.append(_row(HeadlineKind.TARGET, m, self.year if self.year is not None else m.year, name))
                if inside:
                    continue
                clause = cm.group()
                mark = _LIST_MARK.match(clause)
                lead = mark.end() if mark is not None else 0
                lead += len(clause[lead:]) - len(clause[lead:].lstrip(" \t\u3000*"))
                start, end = cm.start() + lead, cm.end() - (len(clause) - len(clause.rstrip(" \t\u3000*")))
                if start >= end:
                    continue
                body = text[start:end]
                for key, name in self._qualitative(body):
                    rows.append(Headline(HeadlineKind.TARGET, key, name, self.year, text[start:end], Span(start, end)))
        return tuple(rows)

    def _qualitative(self, clause: str) -> list[tuple[str, str]]:
        """The keys a clause with no number states (key, subject as written): one that opens
        with a key's subject and goes on to say something of it (``居民收入增长和经济增长基本
        同步``), or each key of an assigned list (``完成国家下达的粮食生产、…目标任务``)."""
        found = self.keys.clause_key(clause)
        if found is not None and _states_something(clause[found[1]:]):
            return [(found[0], clean(clause[:found[1]]) or clause[:found[1]])]
        am = _ASSIGNED.search(clause)
        if am is None:
            return []
        out = []
        for part in re.split(r"[、和及与]", am.group("list")):
            hit = self.keys.clause_key(part)
            if hit is not None:
                out.append((hit[0], part[:hit[1]]))
        return out

    # ---- outcomes

    def _exact_after_bound(self, bound: Metric, exact: Metric) -> bool:
        """Whether ``exact`` states exactly, later in the same sentence, what ``bound`` gave
        only as a milestone passed or a ceiling kept (``突破两千亿元，达到2056.3亿元``)."""
        if bound.qualifier not in (Qualifier.AT_LEAST, Qualifier.AT_MOST) or exact.qualifier is not None:
            return False
        if bound.change is not exact.change and not {bound.change, exact.change} <= {Change.LEVEL, Change.TO}:
            return False
        return _SENTENCE_END.search(self.text, bound.span.end, exact.span.start) is None

    def outcomes(self, blocks: list[Block], stop: int) -> tuple[Headline, ...]:
        """The first statement of each key for the previous year, before ``stop``."""
        if self.year is None:
            return ()
        last = self.year - 1
        first: dict[tuple[str, str], Metric] = {}
        ends: dict[tuple[str, str], Metric] = {}
        flat_cpi: Headline | None = None
        names: dict[int, str] = {}
        for block in blocks:
            if block.start >= stop:
                break
            parts = _parts(block.metrics)
            for m in block.metrics:
                if m.span.start >= stop or not m.key or m.target:
                    continue
                part = parts.get(m.span.start)
                if part is not None:
                    names[m.span.start] = part[1]
                slot = (m.key, part[0] if part is not None else _part(m))
                if m.year == last and m.years is None and m.period not in _FIVE_YEAR_PERIODS \
                        and m.change is not Change.FROM:
                    held = first.setdefault(slot, m)
                    if held is not m and self._exact_after_bound(held, m):
                        first[slot] = m  # 突破两千亿元，达到2056.3亿元: the figure, not the milestone
                elif m.years is not None and m.years[1] == last and m.change is Change.TO and m.partner is not None:
                    ends.setdefault(slot, m)  # 从…增加到…: the level the five years end at
            if flat_cpi is None and (block.year == last and block.years is None):
                fm = _CPI_FLAT.search(self.text, block.start, block.end)
                if fm is not None and not _stated_other_year(self.text[block.start:fm.start()], last):
                    flat_cpi = Headline(HeadlineKind.OUTCOME, "cpi", "居民消费价格", last, fm.group(),
                                        Span(fm.start(), fm.end()))
        for slot, m in ends.items():
            first.setdefault(slot, m)
        rows = sorted(first.values(), key=lambda m: m.span.start)
        out = [_row(HeadlineKind.OUTCOME, m, last, names.get(m.span.start)) for m in rows]
        if flat_cpi is not None and not any(h.key == "cpi" for h in out):
            out.append(flat_cpi)
            out.sort(key=lambda h: h.span.start)
        return tuple(out)


_ORDINAL_CHARS = re.compile(r"[一二三四五六七八九十\d①-⑳]+")


def _mark_shape(entry: str) -> str | None:
    """The list mark ``entry`` opens with, its number blotted out (``1.`` and ``2.`` alike,
    ``——``), or ``None``: an entry with the mark of the list's first goes on with the list,
    whatever it states."""
    mark = _LIST_MARK.match(entry)
    return None if mark is None else _ORDINAL_CHARS.sub("N", mark.group().strip(" \t\u3000"))


def _list_end(body: str) -> int:
    """Where the list that opens ``body`` ends: after the last sentence that continues it."""
    end = 0
    for i, sm in enumerate(_SENTENCE.finditer(body)):
        if i > 0 and (_EXPLAINS.match(sm.group()) or "：" in sm.group() or ":" in sm.group()):
            break
        end = sm.end()
    return end


_STATED_YEAR = re.compile(rf"(?<![\d〇零一二三四五六七八九])({YEAR})[ \t]*年")


def _stated_other_year(text: str, year: int | None) -> bool:
    """Whether ``text`` states a year other than ``year`` (``2035年…目标``)."""
    if year is None:
        return False
    for ym in _STATED_YEAR.finditer(text):
        if numeral_year(ym.group(1)) != year:
            return True
    return False


def _states_something(rest: str) -> bool:
    """Whether the words after a key's subject say something of it (not a bare list name)."""
    return bool(rest.strip(" \t\u3000*、"))


_PAIR = re.compile(r"^(?P<scope>[^、]*?)(?:城乡|城镇[、和及与]农村)(?P<rest>居民.*)$")
"""``城乡居民人均可支配收入`` or ``城镇、农村居民…``: urban and rural figures given in one
statement (``分别增长4.8%、6.6%``)."""


def _parts(metrics: Sequence[Metric]) -> dict[int, tuple[str, str]]:
    """The part (urban, rural) and name of each metric that is one of an urban–rural pair:
    two metrics in a row with the same such indicator, the urban one first."""
    out: dict[int, tuple[str, str]] = {}
    for a, b in zip(metrics, metrics[1:]):
        if a.key and a.key == b.key and a.indicator and a.indicator == b.indicator and a.span.start not in out:
            pm = _PAIR.match(a.indicator)
            if pm is not None:
                out[a.span.start] = ("urban", pm.group("scope") + "城镇" + pm.group("rest"))
                out[b.span.start] = ("rural", pm.group("scope") + "农村" + pm.group("rest"))
    return out


def _part(m: Metric) -> str:
    """Which of a key's rows a metric is, when urban and rural are given apart."""
    name = m.indicator or ""
    if name.startswith(("城镇", "城市")) and "、" not in name:
        return "urban"
    if name.startswith(("农村", "农民")):
        return "rural"
    return ""


def _row(kind: HeadlineKind, m: Metric, year: int | None, name: str | None = None) -> Headline:
    return Headline(
        kind, m.key, name if name is not None else m.indicator or "", year, m.text, m.span, m.value, m.value_high, m.unit, m.base_value,
        m.base_value_high, m.base_unit, m.qualifier, m.change, m.estimate,
    )


# ---------------------------------------------------------------------------- comparison


class Status(StrEnum):
    """How a target fared in the next year's report."""

    MET = "met"
    MISSED = "missed"
    NOT_REPORTED = "not_reported"
    NOT_COMPARABLE = "not_comparable"  # a qualitative target, or units that differ


@attrs.frozen(slots=True)
class Comparison:
    """A target of one year's report set against the outcome of the next year's report of
    the same region. ``difference`` is outcome minus target in the base unit (points for
    ``%``), signed so that a decline counts negative; ``None`` when either is not a number."""

    region: str | None
    year: int | None
    key: str | None
    name: str
    target: Headline
    outcome: Headline | None
    status: Status
    difference: Decimal | None


def _signed(value: Decimal | None, h: Headline) -> Decimal | None:
    if value is None:
        return None
    return -value if h.change is Change.DECLINE else value


def _status(target: Headline, outcome: Headline | None) -> tuple[Status, Decimal | None]:
    """Met or missed, and outcome minus target. A ceiling (CPI, unemployment, ``以内``) is
    met at or below it, a floor at or above it; ``左右`` allows a fifth of a point on the
    wrong side; a range target is met from its low bound (a ceiling: up to its high bound)."""
    if outcome is None:
        return Status.NOT_REPORTED, None
    ceiling = target.key in LOWER_IS_BETTER or target.qualifier is Qualifier.AT_MOST
    bound = target.base_value_high if ceiling and target.base_value_high is not None else target.base_value
    goal, got = _signed(bound, target), _signed(outcome.base_value, outcome)
    if goal is None or got is None or target.base_unit != outcome.base_unit:
        return Status.NOT_COMPARABLE, None
    diff = got - goal
    slack = Decimal("0.2") if target.qualifier is Qualifier.APPROX else Decimal(0)
    met = diff <= slack if ceiling else diff >= -slack
    return (Status.MET if met else Status.MISSED), diff


def compare(reports: Iterable[Report]) -> list[Comparison]:
    """Each target of each report against the outcome that the next year's report of the
    same region gives for its key (urban and rural incomes apart): the table the press
    compiles. Reports of a region with no report for the next year are left out.
    """
    by_region: dict[tuple[str | None, int], Report] = {}
    for r in reports:
        if r.meta.year is not None:
            by_region.setdefault((r.meta.region, r.meta.year), r)
    out: list[Comparison] = []
    for (region, year), report in sorted(by_region.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])):
        following = by_region.get((region, year + 1))
        if following is None:
            continue
        outcomes: dict[tuple[str | None, str], Headline] = {}
        for h in following.outcomes:
            outcomes.setdefault((h.key, _name_part(h)), h)
        for t in report.targets:
            outcome = outcomes.get((t.key, _name_part(t)))
            if t.value is None:
                status, diff = Status.NOT_COMPARABLE, None
            else:
                status, diff = _status(t, outcome)
            out.append(Comparison(region, year, t.key, t.name, t, outcome, status, diff))
    return out


def _name_part(h: Headline) -> str:
    """What tells two headlines of one key apart: ``urban`` or ``rural`` for income growth."""
    if h.key == "income_growth":
        if "城镇" in h.name or h.name.startswith("城市"):
            return "urban"
        if "农村" in h.name or "农民" in h.name:
            return "rural"
    return ""
