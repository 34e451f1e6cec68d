"""Labeller: the canonical indicator key of a metric (docs/targets.md).

Reports name the same indicator many ways — ``全省生产总值``, ``地区生产总值``, ``经济总量``,
``GDP`` — and analysts compile them under one key (``gdp``, ``gdp_growth``, ``cpi`` …).
:data:`DEFAULT_KEYS` is that mapping, as data: one :class:`KeyRule` per key, holding the
phrases it accepts (a regular expression the cleaned indicator must match whole, once the
scope words in front — ``全省``, ``全市``, ``全社会``, ``地方``, a region's name — are cut),
the base units its values come in and the kinds of change it takes. A user extends it with
:meth:`KeyTable.extended` and re-keys a parsed report with
:func:`govreport.targets.rekey` — see ``docs/targets.md``.

A rule's phrases match the whole subject, so ``人均地区生产总值``, ``税收收入占一般公共预算收入
比重``, ``带动陕西进出口`` or ``城镇登记失业率`` are no key's.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

import attrs

from govreport.metrics.record import Context, Window
from govreport.model import Change

__all__ = ["DEFAULT_KEYS", "KeyRule", "KeyTable", "SCOPE_WORDS", "label"]


@attrs.frozen(slots=True)
class KeyRule:
    """One canonical key and the phrases, units and changes that make a metric its.

    ``phrases`` is a regular expression matched against the whole cleaned indicator (scope
    words cut). ``units`` are the base units the key's values come in (``%``, ``元``, ``人``,
    ``吨`` …). ``changes`` lists the :class:`~govreport.model.Change` values it accepts (empty:
    any but ``share``). ``clause`` is the expression a clause with no number must open with to
    be the key's qualitative statement (``居民收入增长与经济增长同步``), or ``""`` when the key
    has none. ``doc`` says what the key is. ``hints``, when given, are words one of which
    every phrase of the rule holds: the rule is tried only on an indicator holding one (most
    indicators are no key's, and one search for all hints tells so at once).
    """

    key: str
    phrases: str
    units: frozenset[str]
    changes: frozenset[Change] = frozenset()
    clause: str = ""
    doc: str = ""
    hints: tuple[str, ...] = ()


SCOPE_WORDS: Final[tuple[str, ...]] = (
    "全省", "全市", "全区", "全县", "全州", "全盟", "全旗", "全国", "全社会", "全年", "本市", "本省", "本区",
    "我省", "我市", "我区", "我县", "地方", "省", "市", "区", "县", "其中",
    # provinces by their short names, as reports write them before an indicator
    "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽",
    "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州",
    "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆",
)
"""Words in front of an indicator that only say whose it is (cut before matching)."""

_GDP = r"(?:地区|国内|国民)?生产总值|GDP|经济总量"
_REVENUE = (
    r"(?:地方|地方级|本级|区级|县级|市级|省级|全口径)?"
    r"(?:一般公共预算收入|一般公共收入(?:预算)?|一般预算收入|公共财政(?:预算)?收入|财政(?:总)?收入)"
)
_RATE = r"(?:增速|增幅|增长率|增长速度|增长)?"
_GROWING: Final[frozenset[Change]] = frozenset({Change.GROWTH, Change.DECLINE, Change.LEVEL, Change.TO})
_LEVELS: Final[frozenset[Change]] = frozenset({Change.LEVEL, Change.TO, Change.FROM})

DEFAULT_KEYS_RULES: Final[tuple[KeyRule, ...]] = (
    KeyRule("gdp", _GDP, frozenset({"元", "美元"}), _LEVELS, doc="GDP level", hints=("生产总值", "GDP", "经济总量")),
    KeyRule("gdp_growth", rf"(?:{_GDP}){_RATE}|经济(?:增长|增速|增长速度)?", frozenset({"%"}), _GROWING,
            clause=rf"(?:{_GDP})|经济增长|经济增速", doc="GDP growth", hints=("生产总值", "GDP", "经济")),
    KeyRule("cpi", r"居民消费价格(?:总水平|指数)?(?:涨幅|上涨|增幅|涨幅控制|水平)?|CPI|消费价格(?:涨幅)?|物价(?:总水平)?(?:涨幅)?",
            frozenset({"%"}), clause=r"居民消费价格|消费价格|物价", doc="consumer prices (居民消费价格涨幅)", hints=("价格", "CPI", "物价")),
    KeyRule("unemployment_rate", r"(?:城镇)?调查失业率", frozenset({"%"}), clause=r"(?:城镇)?调查失业率",
            doc="surveyed urban unemployment (not 登记失业率)", hints=("失业率",)),
    KeyRule("new_urban_jobs", r"城镇新增就业(?:人数|人员)?|新增城镇就业(?:人数|人员)?|新增就业(?:人数)?|城镇就业新增",
            frozenset({"人"}), clause=r"城镇新增就业|新增城镇就业", doc="new urban jobs", hints=("就业",)),
    KeyRule("income_growth",
            r"(?:全体|城乡|城镇|农村|城市)?(?:[、和及与](?:城镇|农村))?(?:常住)?居民(?:人均)?(?:可支配)?收入" + _RATE
            + r"|人均可支配收入" + _RATE + r"|农民人均(?:可支配|纯)收入" + _RATE,
            frozenset({"%"}), _GROWING,
            clause=r"(?:全体|城乡|城镇|农村)?(?:常住)?居民(?:人均)?(?:可支配)?收入|人均可支配收入",
            doc="growth of per-capita disposable income (urban and rural given apart: two rows)", hints=("收入",)),
    KeyRule("grain_output", r"粮食(?:总)?产量|粮食(?:生产|总产)|粮食", frozenset({"吨", "斤", "公斤", "千克"}),
            clause=r"粮食(?:总)?产量|粮食生产", doc="grain output", hints=("粮食",)),
    KeyRule("budget_revenue", _REVENUE, frozenset({"元"}), _LEVELS, doc="general public budget revenue", hints=("收入",)),
    KeyRule("budget_revenue_growth", _REVENUE + _RATE, frozenset({"%"}), _GROWING, clause=_REVENUE,
            doc="growth of general public budget revenue", hints=("收入",)),
    KeyRule("fixed_investment_growth", r"(?:全社会)?固定资产投资(?:总额)?" + _RATE, frozenset({"%"}), _GROWING,
            clause=r"(?:全社会)?固定资产投资", doc="growth of fixed-asset investment", hints=("固定资产投资",)),
    KeyRule("retail_sales_growth", r"社会消费品零售(?:总)?额" + _RATE + r"|社零(?:总)?额" + _RATE, frozenset({"%"}),
            _GROWING, clause=r"社会消费品零售(?:总)?额", doc="growth of retail sales of consumer goods", hints=("零售", "社零")),
    KeyRule("trade_growth",
            r"(?:外贸|货物贸易|货物|对外贸易|货物和服务|外贸货物)?进出口(?:总额|总值|额|规模)?" + _RATE
            + r"|外贸(?:总额|总值)?" + _RATE + r"|对外贸易(?:总额)?" + _RATE,
            frozenset({"%"}), _GROWING, clause=r"(?:外贸|货物贸易|货物)?进出口|外贸|对外贸易",
            doc="growth of total imports and exports (not exports alone)", hints=("进出口", "外贸", "对外贸易")),
    KeyRule("rd_intensity",
            r"(?:研发|R&D|研究与试验发展|科技研发)(?:经费)?(?:投入|支出)?强度"
            r"|(?:研发|R&D|研究与试验发展)(?:经费)?(?:投入|支出)(?:占|相当于)[^，。；\d]{0,10}?生产总值的?(?:比重|比例)",
            frozenset({"%"}), frozenset({Change.LEVEL, Change.TO, Change.SHARE}),
            clause=r"(?:研发|R&D)(?:经费)?(?:投入)?强度", doc="R&D spending as a share of GDP (not R&D growth)", hints=("强度", "生产总值")),
    KeyRule("energy_intensity",
            r"单位(?:地区|国内)?生产总值能(?:耗|源消耗)(?:强度)?|单位GDP能耗|能耗强度|万元(?:地区|国内)?生产总值能耗",
            frozenset({"%"}), clause=r"单位(?:地区|国内)?生产总值能耗|能耗强度",
            doc="energy use per unit of GDP (not CO2 intensity)", hints=("能耗", "能源消耗")),
)
"""The canonical keys of docs/targets.md, one rule each (order: the first that matches wins)."""


class KeyTable:
    """A table of :class:`KeyRule` with the scope words cut before matching.

    >>> from govreport.model import Change
    >>> DEFAULT_KEYS.key("全省生产总值", Change.GROWTH, "%")
    'gdp_growth'
    >>> DEFAULT_KEYS.key("城镇登记失业率", Change.LEVEL, "%") is None
    True
    """

    def __init__(self, rules: Iterable[KeyRule], scopes: Iterable[str] = SCOPE_WORDS) -> None:
        self.rules: tuple[KeyRule, ...] = tuple(rules)
        self.scopes: tuple[str, ...] = tuple(sorted(set(scopes), key=len, reverse=True))
        self._compiled = [(rule, re.compile(rule.phrases)) for rule in self.rules]
        hinted = [h for rule in self.rules for h in rule.hints]
        self._always = any(not rule.hints for rule in self.rules)
        self._unhinted = [i for i, rule in enumerate(self.rules) if not rule.hints]
        self._by_hint: dict[str, list[int]] = {}
        for i, rule in enumerate(self.rules):
            for h in rule.hints:
                self._by_hint.setdefault(h, []).append(i)
        self._hints = re.compile("|".join(re.escape(h) for h in sorted(set(hinted), key=len, reverse=True)) or "(?!)")
        self._clauses = [(rule, re.compile(rule.clause)) for rule in self.rules if rule.clause]
        self._units = frozenset(u for rule in self.rules for u in rule.units)
        self._scope_re = re.compile("|".join(re.escape(s) for s in self.scopes)) if self.scopes else None
        self._scope_first = frozenset(s[0] for s in self.scopes)

    def extended(self, rules: Iterable[KeyRule], scopes: Iterable[str] = ()) -> KeyTable:
        """A new table with ``rules`` tried before these (so they may also override a key)."""
        return KeyTable(tuple(rules) + self.rules, self.scopes + tuple(scopes))

    @property
    def keys(self) -> tuple[str, ...]:
        """The keys of the table, in order, each once."""
        return tuple(dict.fromkeys(rule.key for rule in self.rules))

    def strip_scope(self, phrase: str) -> str:
        """``phrase`` without the scope words in front (``全省生产总值`` → ``生产总值``)."""
        if self._scope_re is None or phrase[:1] not in self._scope_first:
            return phrase
        for _ in range(3):
            m = self._scope_re.match(phrase)
            if m is None or m.end() == len(phrase):
                break
            phrase = phrase[m.end():]
        return phrase

    def key(self, indicator: str | None, change: Change | None, base_unit: str) -> str | None:
        """The key of a metric with this indicator, change and base unit, or ``None``."""
        if not indicator or base_unit not in self._units or _NOT_OWN.match(indicator):
            return None
        if not self._always and self._hints.search(indicator) is None:
            return None
        phrase = _ASIDE.sub("", indicator) if "（" in indicator or "(" in indicator else indicator
        found = self._match(self._subject(phrase), change, base_unit)
        if found is None and len(phrase) > 2 and any(c in _REGION_ENDS for c in phrase[:10]):
            region = _REGION.match(phrase)
            if region is not None and region.end() < len(phrase):
                found = self._match(self._subject(phrase[region.end():]), change, base_unit)
        return found

    def _subject(self, phrase: str) -> str:
        """``phrase`` without its scope words and the verb that states a total
        (``全市实现地区生产总值`` → ``地区生产总值``)."""
        phrase = self.strip_scope(phrase)
        verb = _STATING.match(phrase)
        return self.strip_scope(phrase[verb.end():]) if verb is not None and verb.end() < len(phrase) else phrase

    def _match(self, phrase: str, change: Change | None, base_unit: str) -> str | None:
        """The key of the first rule, in table order, whose hint ``phrase`` holds and whose pattern, units and changes it fits."""
        candidates = set(self._unhinted)
        for hint, rules in self._by_hint.items():  # each hint held, overlapping ones too (经济总量, 经济)
            if hint in phrase:
                candidates.update(rules)
        for i in sorted(candidates):  # the rules whose hint the phrase holds, in table order
            rule, regex = self._compiled[i]
            if base_unit not in rule.units:
                continue
            if rule.changes and change not in rule.changes:
                continue
            if not rule.changes and change is Change.SHARE:
                continue
            if regex.fullmatch(phrase):
                return rule.key
        return None

    def clause_key(self, clause: str) -> tuple[str, int] | None:
        """The key whose qualitative statement ``clause`` opens with, and where the statement's
        subject ends in ``clause`` (``居民收入增长与经济增长基本同步`` → ``income_growth``)."""
        rest = self.strip_scope(clause)
        offset = len(clause) - len(rest)
        best: tuple[str, int] | None = None
        for rule, regex in self._clauses:
            m = regex.match(rest)
            if m is not None and (best is None or offset + m.end() > best[1]):
                best = (rule.key, offset + m.end())
        return best


_ASIDE = re.compile(r"（[^（）]{0,12}）|\([^()]{0,12}\)")
"""An aside in brackets (``地区生产总值（GDP）``): not part of the subject a key is read from."""
_STATING = re.compile(r"实现|完成")
"""The verbs a review states a total with (``全年实现地区生产总值2056亿元``)."""
_NOT_OWN = re.compile(r"(?:对|与|向|同|和|从|带动|拉动|其中对)")
"""A phrase opening with these is about a part or a partner (``对东盟进出口``), not the whole."""
_REGION_ENDS = frozenset("省市区县州盟旗")
_REGION = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:自治区|省|市|(?<!地)区|县|州|盟|旗)")

DEFAULT_KEYS: Final[KeyTable] = KeyTable(DEFAULT_KEYS_RULES)
"""The default :class:`KeyTable`: the keys of docs/targets.md."""


def label(ctx: Context, prev: Context | None, w: Window) -> None:
    """Set ``ctx.key`` from the indicator, change and base unit, with :data:`DEFAULT_KEYS`."""
    ctx.key = DEFAULT_KEYS.key(ctx.indicator, ctx.change, ctx.qty.base_unit)
