"""Metrics: every quantity of a text, with its value, unit, magnitude and meaning.

A metric is a number bound to a unit of measure or a measure word (DESIGN.md section 3).
:func:`extract_metrics` scans raw report text: it matches on :func:`~govreport.normalize.
normalize` (a one-to-one table, so offsets stay valid) and returns :class:`~govreport.model.
Metric` records whose ``span`` points into the text it was given and whose ``text`` is that
slice, exactly as written.

The scan runs in two steps, both linear in the size of the text:

1. *Quantities.* One compiled pattern finds numeral tokens (``4482``, ``三千五百``,
   ``百分之五``, ``翻一番``). Each token is read forward: 多/余, a magnitude (万 亿 万亿 …),
   a range (``8—12``, ``3至5``), a unit from :data:`UNITS` (with an optional rate
   denominator, ``万吨/年``), and a trailing qualifier (左右 以上 以内 …). Tokens that are
   years, dates, ordinals, identifiers (``5G``, ``M4``, ``PM2.5``), slogans in short quotes,
   titles in 《》 or fixed terms (:data:`govreport.numerals.FIXED_TERMS`) are left alone.
2. *Context.* For each quantity, the text of its clause and sentence before it gives the
   qualifier written in front (约 超过 不少于 …), the indicator, the change (增长 下降 提高到,
   由…提高到… pairs, 占…比重), the period (年均 累计 全年), the year, and the target
   (到2025年 力争 预期目标 …) and estimate (预计) flags.

Units as written keep the magnitude (``亿元``, ``万标准箱``); base units drop it and the
base value folds it in (``4482亿元`` → ``448200000000`` ``元``). ``X成`` has the base unit
``%`` (``七成`` → 70 %).
"""
from __future__ import annotations

import bisect
import decimal
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import Final, NamedTuple

import attrs

from govreport.errors import NumeralError
from govreport.model import Change, Metric, Period, Qualifier
from govreport.normalize import normalize
from govreport.numerals import (
    CN_DIGITS,
    CN_UNITS,
    FIXED_TERMS,
    NUMERAL_RE,
    doubling,
    is_year_like,
    plain,
    to_decimal,
)
from govreport.span import Span

__all__ = [
    "MAGNITUDES",
    "MAGNITUDES_LONGEST_FIRST",
    "RATE_DENOMINATORS",
    "UNITS",
    "UNIT_BASES",
    "UNIT_BLOCKERS",
    "MetricFinder",
    "extract_metrics",
    "fold_unit",
]

# --------------------------------------------------------------------------- unit data

UNITS: Final[Mapping[str, str]] = MappingProxyType({
    # money
    "元": "money", "美元": "money", "欧元": "money", "港元": "money", "日元": "money",
    "英镑": "money", "卢布": "money",
    # people
    "人": "people", "人次": "people", "名": "people", "位": "people", "户": "people",
    # counts with measure words
    "个": "count", "家": "count", "项": "count", "条": "count", "所": "count", "座": "count",
    "台": "count", "套": "count", "件": "count", "只": "count", "艘": "count", "架": "count",
    "辆": "count", "张": "count", "批": "count", "处": "count", "栋": "count", "幢": "count",
    "间": "count", "篇": "count", "部": "count", "种": "count", "类": "count", "场": "count",
    "次": "count", "届": "count", "轮": "count", "对": "count", "头": "count", "眼": "count",
    "段": "count", "株": "count", "棵": "count", "册": "count", "份": "count", "枚": "count",
    "块": "count", "颗": "count", "片": "count", "宗": "count", "笔": "count", "例": "count",
    "起": "count", "支": "count", "组": "count", "列": "count", "趟": "count", "孔": "count",
    "艘次": "count", "架次": "count", "场次": "count", "车次": "count", "班次": "count",
    # containers
    "标准箱": "container", "标箱": "container", "TEU": "container",
    # length, area, volume
    "公里": "length", "千米": "length", "米": "length", "厘米": "length", "毫米": "length",
    "纳米": "length", "英寸": "length", "延米": "length",
    "平方公里": "area", "平方千米": "area", "平方米": "area", "亩": "area", "公顷": "area",
    "立方米": "volume", "立方": "volume", "方": "volume", "毫升": "volume",
    # mass
    "吨": "mass", "千克": "mass", "公斤": "mass", "斤": "mass", "微克": "mass",
    "毫克": "mass", "蒸吨": "mass", "吨标准煤": "mass", "吨标煤": "mass",
    # energy and power
    "千瓦": "power", "兆瓦": "power", "吉瓦": "power", "千瓦时": "energy", "兆瓦时": "energy",
    "吉瓦时": "energy",
    "千伏": "voltage", "千伏安": "power", "兆伏安": "power", "度": "energy",
    # data rates
    "Mbps": "bandwidth", "Gbps": "bandwidth", "兆": "bandwidth",
    # ratios
    "%": "ratio", "‰": "ratio", "个百分点": "ratio", "百分点": "ratio", "倍": "ratio",
    "成": "ratio",
    # durations and age
    "年": "duration", "个月": "duration", "天": "duration", "小时": "duration",
    "分钟": "duration", "秒": "duration", "个工作日": "duration", "工作日": "duration",
    "岁": "age", "周岁": "age",
    # temperature
    "℃": "temperature", "摄氏度": "temperature",
})
"""Every unit and measure word recognised after a number, with its category."""

UNIT_BASES: Final[Mapping[str, tuple[str, int]]] = MappingProxyType({"成": ("%", 1)})
"""Units whose base form differs: unit → (base unit, power of ten folded into the value)."""

MAGNITUDES: Final[Mapping[str, int]] = MappingProxyType({
    "万亿": 12, "千亿": 11, "百亿": 10, "十亿": 9, "亿": 8, "千万": 7, "百万": 6,
    "十万": 5, "万": 4, "千": 3, "百": 2,
})
"""Magnitude prefixes of a unit and their power of ten (``亿元`` = 10⁸ 元)."""

MAGNITUDES_LONGEST_FIRST: Final[tuple[str, ...]] = tuple(sorted(MAGNITUDES, key=len, reverse=True))
"""The magnitude prefixes, longest first (``万亿`` before ``亿``), for reading a unit's prefix."""

RATE_DENOMINATORS: Final[tuple[str, ...]] = (
    "年", "天", "日", "小时", "时", "秒", "人", "户", "立方米", "平方米", "吨", "亩",
    "千瓦时", "公里", "月", "辆", "标准箱", "升",
)
"""What may follow ``/`` in a rate unit (``万吨/年``, ``微克/立方米``, ``元/吨``)."""

UNIT_BLOCKERS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType({
    "天": ("津", "然", "气", "空", "下", "地", "府", "河", "宫", "山", "水", "使", "才", "鹅"),
    "台": ("湾", "州", "风", "阶", "账", "上", "前", "下", "商", "胞", "独"),
    "所": ("有", "以", "在", "得", "属", "谓", "需", "长", "辖"),
    "处": ("理", "于", "置", "分", "长", "罚"),
    "部": ("门", "署", "分", "委", "长", "队", "级", "位", "件", "属"),
    "种": ("植", "养", "业", "子", "粮", "源", "苗", "质"),
    "类": ("似", "型"),
    "场": ("所", "景", "地", "馆", "合", "面", "站", "域"),
    "条": ("件", "例", "款", "约", "块"),
    "名": ("称", "单", "片", "录", "义", "额", "牌", "城", "镇", "村", "校", "师", "医"),
    "位": ("于", "置", "居", "列", "次", "数"),
    "起": ("步", "来", "点", "草", "源", "飞", "诉", "始", "航", "伏", "色"),
    "家": ("庭", "乡", "园", "长", "属", "族", "风"),
    "间": ("隔", "接", "断", "歇"),
    "组": ("织", "建", "成", "合", "团", "长"),
    "眼": ("光", "界", "前", "下"),
    "头": ("部", "等", "脑", "号"),
    "只": ("有", "是", "能", "要", "会", "在", "需", "用"),
    "对": ("口", "接", "外", "标", "比", "于", "话", "象", "策", "照", "冲", "待", "应", "此", "抗", "其"),
    "例": ("如",),
    "批": ("准", "复", "示", "发", "次"),
    "座": ("谈", "位"),
    "架": ("构",),
    "篇": ("章",),
    "份": ("额",),
    "片": ("区",),
    "宗": ("教", "旨"),
    "支": ("持", "撑", "付", "出", "援", "柱", "部"),
    "列": ("车", "入", "为", "出", "举", "席"),
    "米": ("粮", "饭", "面"),
    "成": ("为", "果", "效", "本", "立", "功", "员", "交", "熟", "就", "都", "片", "型", "绩",
           "长", "网", "势", "品", "渝", "套", "批", "规"),
    "人": ("大",),
    "户": ("籍", "外", "型", "口"),
    "次": ("会议", "全会", "党代会", "代表大会", "常委会", "全体会议"),
    "兆": ("瓦", "帕"),
    "块": ("钱",),
    "孔": ("子",),
})
"""What must not follow a unit for it to count (``3台湾`` is not 3 台; ``五次会议`` is an ordinal)."""

_DURATION_UNITS: Final[frozenset[str]] = frozenset({"年", "个月", "天", "小时", "分钟", "秒", "个工作日", "工作日"})
# 亿方 of gas, 亿度 of power; a bare 方 or 度 is 方面, 方案, 年度, 温度 …
_NEEDS_MAGNITUDE: Final[frozenset[str]] = frozenset({"方", "度"})
_WITHIN_UNITS: Final[frozenset[str]] = _DURATION_UNITS | {"公里", "千米", "米"}
_RANK_UNITS: Final[frozenset[str]] = frozenset({"名", "位"})

# --------------------------------------------------------------------------- patterns


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_SEP = re.compile(r"(?:[ \n]|\*\*|\\(?=\*)){0,8}")  # no tab: a tab separates table cells
_SEP_FIRST = frozenset(" \n*\\")  # what a non-empty _SEP match starts with
_UNIT_RE = re.compile(
    rf"(?P<unit>{_alternation(UNITS)})(?:/(?P<den>{_alternation(RATE_DENOMINATORS)}))?"
)
_MAG_RE = re.compile(_alternation(MAGNITUDES))
_CN_MAG_SUFFIX = re.compile(r"(?:万亿|亿|万)$")
_RANGE_CONNECTOR = re.compile(r"[ \t]*(?:—{1,2}|~|-|至|到|一(?=\d))[ \t]*")
_SUFFIX_QUAL = re.compile(r"左右|上下(?![游级文班])|以上|以下|以内|之内|开外|多|余|内")
_PREFIX_QUAL = re.compile(
    r"(?P<q>不少于|不低于|不超过|不高于|不足|不到|至少|最多|最少|超过|突破|多于|高于|低于|大约|约合|约为|约|"
    r"接近|将近|近|逾|超)[ \t]*$"
)
_QUAL_BY_WORD: Final[Mapping[str, Qualifier]] = MappingProxyType({
    **dict.fromkeys(("左右", "上下", "大约", "约合", "约为", "约", "接近", "将近", "近"), Qualifier.APPROX),
    **dict.fromkeys(
        ("以上", "开外", "多", "余", "不少于", "不低于", "至少", "最少", "超过", "突破", "多于", "高于", "逾", "超"),
        Qualifier.AT_LEAST,
    ),
    **dict.fromkeys(("以下", "以内", "之内", "内", "不超过", "不高于", "不足", "不到", "最多", "低于"), Qualifier.AT_MOST),
})
# Short quotes, 《titles》 and fixed terms: their numerals are names, not quantities. One
# pattern finds both: no fixed term holds a quote mark, so a term lies either outside every
# quote or wholly inside one, and the text covered is what two separate scans would cover.
_PROTECTED = re.compile(
    r"“[^“”\n]{1,20}”|《[^《》\n]{1,80}》|\"[^\"\n]{1,20}\"|" + _alternation(FIXED_TERMS)
)
_ORDINAL_AFTER_JIE = re.compile(
    "[一二两三四五六七八九十〇零]|全国|人大|人民代表大会|政协|历次|全会|中央|党代会|代表大会|"
    "市委|省委|区委|县委|委员会|常委会|中全会|全运会|运动会|残运会|特奥会"
)
_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_TENTHS_OK = frozenset("一二两三四五六七八九十")
_CONTEXT_BEFORE: Final[int] = 400  # characters read before ``start`` for context
_CONTEXT_AFTER: Final[int] = 16  # characters read after ``end`` (what follows a unit)
_CLAUSE_REACH: Final[int] = 120
_SENTENCE_REACH: Final[int] = 300
# Every character NUMERAL_RE reads, besides the decimal digits (\d): see MetricFinder.
_NUMERAL_CHARS: Final[frozenset[str]] = frozenset(".,〇零一二两三四五六七八九十百千万亿点分之翻了番")
_CLAUSE_PUNCT = re.compile(r"[，,。；;：:！!？?\n]")
_SENTENCE_PUNCT = re.compile(r"[。！!？?\n]")
_CONNECTOR_ONLY = re.compile(r"[ \t]*(?:和|及|与|或|以及|、|，)?[ \t]*")

_VERB = (
    r"(?P<to>(?:提高|提升|增加|增长|上升|扩大|下降|降低|减少|缩小|缩短|压减|压缩|延长|调整|增|降|升|减)(?:到|至)|"
    r"达到|达)"  # (增至 and the like are 增 + 至 above: one way to match each, no backtracking blow-up)
    r"|(?P<growth>增长|增加|提高|提升|上涨|上升|扩大|(?<!新)增|涨|多增)"
    r"|(?P<decline>下降|降低|减少|下滑|回落|缩小|缩短|压减|压缩|削减|下拉|降|减)"
)


class _TailPattern:
    """A pattern anchored at the end of the text (``…$``), searched only where it can match.

    Every character such a match holds is written in the pattern's source or is a space,
    so a match lies inside the final run of those characters: :meth:`search` starts there
    (the characters before stay visible to lookbehinds) and finds what ``re.search`` finds,
    without trying the pattern at every position of the text.
    """

    def __init__(self, source: str) -> None:
        self.regex = re.compile(source)
        self.chars = "".join(sorted(set(source))) + " \t\n\r\x0b\x0c"

    def search(self, text: str) -> re.Match[str] | None:
        head = text.rstrip(self.chars)
        while head and head[-1].isspace():  # a space the list of characters leaves out
            head = head[:-1].rstrip(self.chars)
        return self.regex.search(text, len(head))


_CHANGE_AT_END = _TailPattern(rf"(?:{_VERB})(?:分别|了|同比|均|约)*[ \t]*$")
_PAIR_BETWEEN = re.compile(r"[ \t]*[^\d\s，,。；;：:、]{0,3}?(?:到|至|为)[ \t]*")
_FROM_MARK = re.compile(r"(?<![自理经缘])由(?![于此])|从(?![而事严业速容未来中])")
# The period and year patterns open with a lookahead on the characters a match can start
# with: it changes no match, but lets the engine pass over the other characters at once.
# Every alternative of the target pattern opens with a character, its lookbehinds written
# after it (将(?<!即将) is (?<!即)将), which gives the engine's faster scan for a set of
# first characters.
_PERIOD_RE = re.compile(r"(?=[年累全])(?:(?P<avg>年均|年平均)|(?P<cum>累计)|(?P<full>全年))")
_YEAR_RE = re.compile(r"(?=[\d〇零一二三四五六七八九])(?<![\d.])(?P<y>\d{4}|[〇零一二三四五六七八九]{4})[ \t]*年(?!代|级)")
_TARGET_RE = re.compile(
    r"到[ \t]*\d{4}[ \t]*年|力争|预期目标|主要目标|目标是|目标为|争取|确保|力求|"
    r"将(?<!即将)(?!近)|要(?<![重主需必纲摘只概]要)(?![求素点闻案件害])"
)
_ESTIMATE_RE = re.compile(r"预计|初步核算|初步统计|预估")
_AFTER_PHRASE = re.compile(r"[ \t]*的?(?P<p>[^\d\s，,。；;：:、！!？?和及与（()）“”]{1,20})")
_LEAD_JUNK = re.compile(
    r"^(?:[\s*\\、和及与或]|（[^）]{0,3}）|以及|其中|全年|预计|同比|分别|并|且|共|总计|合计|连续|"
    r"力争|争取|确保|力求|(?:比|较)[^，。；\d]{0,10}?\d{0,4}[ \t]*(?:年|末|初|同期|上年)(?:末|底|同期)?|"
    r"到[ \t]*\d{4}[ \t]*年(?:底|末)?|\d{4}[ \t]*年(?:底|末)?|[“”])+"
)
_TRAIL_JUNK = _TailPattern(
    rf"(?:{_VERB}|分别|了|同比|比上年|较上年|均|约|为|是|由|从|年均|年平均|累计|平均|"
    r"超过|突破|不少于|不超过|不低于|不足|接近|在|控制在|保持在|稳定在|预计|力争|争取|确保|力求|[\s*\\、：:和及与或（(“])+$"
)


# --------------------------------------------------------------------------- records


class _Quantity(NamedTuple):
    """A quantity found in step 1, before its context is read.

    A named tuple rather than a frozen attrs class: one is made for every quantity, and a
    tuple is made several times faster (the model's classes stay attrs).
    """

    start: int
    end: int
    value: Decimal
    unit: str  # as written, magnitude included, normalized
    base_value: Decimal
    base_unit: str
    value_high: Decimal | None = None
    base_value_high: Decimal | None = None
    qualifier: Qualifier | None = None
    prefix_qualified: bool = False


@attrs.define(slots=True)
class _Context:
    """What step 2 learns about one quantity; mutable while the pass runs."""

    qty: _Quantity
    indicator: str | None = None
    change: Change | None = None
    period: Period | None = None
    year: int | None = None
    target: bool = False
    estimate: bool = False
    partner: Span | None = None


_EXACT: Final[decimal.Context] = decimal.Context(prec=200)


def _fold(value: Decimal, power: int) -> Decimal:
    """``value`` × 10^power, exactly, in plain notation."""
    return plain(value.scaleb(power, context=_EXACT)) if power else value


def fold_unit(value: Decimal, unit: str) -> tuple[Decimal, str]:
    """A value in ``unit`` as (base value, base unit): ``(3.2, "万户")`` → ``(32000, "户")``.

    Units with no magnitude prefix come back unchanged; ``成`` becomes ``%`` × 10.
    """
    for mag in MAGNITUDES_LONGEST_FIRST:
        rest = unit[len(mag) :]
        if unit.startswith(mag) and rest.split("/")[0] in UNITS:
            base, extra = UNIT_BASES.get(rest, (rest, 0))
            return _fold(value, MAGNITUDES[mag] + extra), base
    base, extra = UNIT_BASES.get(unit, (unit, 0))
    return _fold(value, extra), base


def _prefix_applies(word: str, before: str, unit: str) -> bool:
    """Whether a qualifier word in front of a number is one (节约 and 最近 are not)."""
    if word == "约":
        return not before or before not in "节制签条合契预邀特相婚公"
    if word == "近":
        return (not before or before not in "最附临靠亲贴邻") and unit not in _DURATION_UNITS
    if word == "超":
        return before != "赶"
    return True


def _split_chinese(token: str) -> tuple[Decimal, str] | None:
    """A Chinese numeral token as (value as written, magnitude moved to the unit).

    ``百亿`` → (100, ``亿``); ``三千五百万`` → (3500, ``万``); ``一亿五千万`` → (150000000, ``""``).
    ``None`` for what is not a count: a lone 一 (the article), digit strings such as
    ``二〇二五`` (a year) or ``三五`` (a loose approximation).
    """
    if len(token) > 1 and not any(c in CN_UNITS or c in "万亿" or c == "点" for c in token):
        return None
    number, mag = token, ""
    mm = _CN_MAG_SUFFIX.search(token)
    if mm is not None and mm.start() > 0 and not any(c in "万亿" for c in token[: mm.start()]):
        number, mag = token[: mm.start()], mm.group()
    if number == "二" and not mag:
        return None  # a count of two is 两: 二次供水, 二期 are not counts
    try:
        return to_decimal(number), mag
    except NumeralError:
        return None


# --------------------------------------------------------------------------- scanner


class _Scanner:
    """Per-call state of the metrics of one slice, ``text[start:end]``.

    ``text`` is the whole report (when :class:`MetricFinder` asks) or a window of it cut
    around the slice (when :func:`extract_metrics` asks); ``offset`` is where that text
    starts in the report, and is added to the spans of the metrics found. Either way
    nothing before ``start - 400`` or past ``end + 16`` is read: the context of a quantity
    is its clause and sentence (at most 300 characters back) and what follows its unit.
    """

    def __init__(
        self,
        text: str,
        norm: str,
        start: int,
        end: int,
        offset: int = 0,
        numerals: dict[str, tuple[Decimal, str] | None] | None = None,
        tokens: Sequence[re.Match[str]] | None = None,
    ) -> None:
        self.text = text
        self.norm = norm
        self.start = start
        self.end = end
        self.offset = offset
        # Chinese numerals already read in this text: reports repeat 三, 两, 十九 … and cn2an is slow
        self.numerals = numerals if numerals is not None else {}
        # the numeral tokens of the slice when a scan of the whole text found them;
        # otherwise the slice is scanned here
        self.tokens = tokens
        self._protected: list[tuple[int, int]] | None = None  # found when first asked
        self._protected_starts: list[int] = []

    # ---- step 1: quantities

    def quantities(self) -> list[_Quantity]:
        found: list[_Quantity] = []
        consumed = self.start
        tokens = self.tokens if self.tokens is not None else NUMERAL_RE.finditer(self.norm, self.start, self.end)
        for m in tokens:
            if m.start() < consumed:
                continue
            qty = self._read(m)
            if qty is not None:
                found.append(qty)
                consumed = qty.end
        return found

    def _protected_spans(self) -> list[tuple[int, int]]:
        """The short quotes, titles and fixed terms around the slice, found when first asked.

        None of them spans a line break, so a scan from the start of the slice's line (or
        from 400 characters before the slice, in a longer line) finds the same ones there
        as a scan of all the text before.
        """
        if self._protected is None:
            lo = max(0, self.start - _CONTEXT_BEFORE)
            line_start = self.norm.rfind("\n", lo, self.start) + 1 or lo
            self._protected = [m.span() for m in _PROTECTED.finditer(self.norm, line_start, self.end)]
            self._protected_starts = [s for s, _ in self._protected]
        return self._protected

    def _is_protected(self, pos: int) -> bool:
        """Whether ``pos`` lies in a short quote, a 《title》 or a fixed term."""
        protected = self._protected_spans()
        i = bisect.bisect_right(self._protected_starts, pos) - 1
        while i >= 0:
            s, e = protected[i]
            if s <= pos < e:
                return True
            if s < pos - 100:  # protected spans are short: nothing further back can hold pos
                return False
            i -= 1
        return False

    def _prev_char(self, pos: int, skip_space: bool = False) -> str:
        norm = self.norm
        i = pos - 1
        if skip_space:
            while i >= 0 and pos - i <= 3 and norm[i] in " \t":
                i -= 1
        return norm[i] if i >= 0 else ""

    def _chinese(self, token: str) -> tuple[Decimal, str] | None:
        """:func:`_split_chinese`, remembered in :attr:`numerals`."""
        try:
            return self.numerals[token]
        except KeyError:
            found = self.numerals[token] = _split_chinese(token)
            return found

    def _skip_sep(self, pos: int) -> int:
        """After the spaces, line breaks and ``**`` at ``pos`` (:data:`_SEP`)."""
        if pos >= self.end or self.norm[pos] not in _SEP_FIRST:
            return pos  # nothing to skip, the common case
        m = _SEP.match(self.norm, pos, self.end)
        return m.end() if m is not None else pos

    def _infix(self, pos: int) -> bool:
        """Whether 多 or 余 stands at ``pos`` (``300多家``, ``3万余人``)."""
        return pos < self.end and self.norm[pos] in ("多", "余")

    def _read(self, m: re.Match[str]) -> _Quantity | None:
        """Read the quantity that starts with numeral token ``m``, or ``None``."""
        kind = m.lastgroup or ""
        s, e = m.span()
        token = m.group()
        norm = self.norm
        if kind == "cn" and e - s == 1 and norm[s] == "一" and not norm.startswith("倍", e):
            return None  # 一个, 一批: the article "a", not a count (but 增长一倍 is one); the commonest token
        if self._is_protected(s):
            return None
        if kind == "pct":
            try:
                value = to_decimal(token)
            except NumeralError:
                return None
            return self._suffix(s, e, value, None, "", "%", None, None)
        if kind == "dbl":
            times = doubling(token)
            return _Quantity(s, e, times, "倍", times, "倍")
        before = norm[s - 1] if s else ""
        if before in _LATIN or before == "+" or norm.endswith("PM ", 0, s):
            return None  # 5G's neighbours: M4, T3, PM2.5, 1+3
        lead = self._prev_char(s, skip_space=True) if before in (" ", "\t") else before
        if lead in ("第", "每"):
            return None  # 第3位, 第十八届: ordinals; 每万人口, 每10万人: a denominator
        cn_mag = ""
        if kind == "mx":
            try:
                value = to_decimal(token)
            except NumeralError:
                return None
            return self._forward(s, e, value, kind, "", mixed=True)
        if kind == "ar":
            if norm.startswith("+", e) or e - s > 40:
                return None  # 1+3 is a formula; a run of 40 digits is no quantity
            value = Decimal(token.replace(",", ""))
        else:
            if before and (before in "数几" or before.isdigit()):
                return None  # 数十个, 几百家: no number is stated; 5千: the Arabic number's magnitude
            if len(token) > 1 and token.endswith("千"):
                # 千米, 千瓦, 千伏: a trailing 千 may open the unit rather than close the numeral
                um = _UNIT_RE.match(norm, e - 1, self.end)
                if um is not None and um.group("unit").startswith("千"):
                    token, e = token[:-1], e - 1
            if token == "一" and not norm.startswith("倍", e):
                return None  # 一个, 一批: the article "a", not a count (but 增长一倍 is one)
            parsed = self._chinese(token)
            if parsed is None:
                return None
            value, cn_mag = parsed
        quantity = self._forward(s, e, value, kind, cn_mag)
        if quantity is not None and kind == "ar" and self._negative_sign(s):
            # 增长-2.3%: a minus sign written right before the number
            high, base_high = quantity.value_high, quantity.base_value_high
            quantity = quantity._replace(
                start=s - 1, value=quantity.value.copy_negate(),
                base_value=quantity.base_value.copy_negate(),
                value_high=None if high is None else high.copy_negate(),
                base_value_high=None if base_high is None else base_high.copy_negate(),
            )
        return quantity

    def _negative_sign(self, s: int) -> bool:
        """Whether ``-`` right before ``s`` is a minus sign (not a range dash or a hyphen)."""
        if s < 2 or self.norm[s - 1] != "-" or s - 1 < self.start:
            return False
        before = self.norm[s - 2]
        return not (before.isalnum() and before.isascii()) and before not in "-—~至到" and not before.isdigit()

    def _forward(
        self, s: int, e: int, value: Decimal, kind: str, cn_mag: str, mixed: bool = False
    ) -> _Quantity | None:
        """Read 多/余, magnitude, range and unit after the first number."""
        norm, end = self.norm, self.end
        pos = self._skip_sep(e)
        if "\n" in norm[e:pos] and not self._line_has_text_before(s):
            return None  # a number alone on its line (a page number) does not bind to the next line
        infix = False
        if self._infix(pos):
            infix, pos = True, pos + 1
        mag = cn_mag
        um = _UNIT_RE.match(norm, pos, end)
        mm = None if cn_mag or mixed or um is not None else _MAG_RE.match(norm, pos, end)
        if mm is not None:
            mag, pos = mm.group(), self._skip_sep(mm.end())
            if self._infix(pos):
                infix, pos = True, pos + 1
                # 3万多亿元: the 多 sits inside the magnitude 万亿
                m2 = _MAG_RE.match(norm, pos, end)
                if m2 is not None and mag + m2.group() in MAGNITUDES:
                    mag, pos = mag + m2.group(), m2.end()
            um = _UNIT_RE.match(norm, pos, end)
        value_high: Decimal | None = None
        if um is None:
            high = self._range_second(pos, kind)
            if high is None:
                return None
            value_high, high_mag, pos = high
            if mag and high_mag and mag != high_mag:
                return None
            mag = mag or high_mag
            um = _UNIT_RE.match(norm, pos, end)
            if um is None:
                return None
        unit, den = um.group("unit"), um.group("den")
        pos = um.end()
        qualifier = Qualifier.AT_LEAST if infix else None
        if not self._unit_allowed(unit, den, s, e, pos, value, kind, mag, infix):
            return None
        if value_high is None and not mag:
            bound = self._range_with_unit(pos, kind, unit, den)
            if bound is not None:
                value_high, pos = bound
        return self._suffix(s, pos, value, value_high, mag, unit, den, qualifier)

    def _suffix(
        self,
        s: int,
        pos: int,
        value: Decimal,
        value_high: Decimal | None,
        mag: str,
        unit: str,
        den: str | None,
        qualifier: Qualifier | None,
    ) -> _Quantity | None:
        """Read a trailing qualifier (左右 以上 以内 …) and build the quantity."""
        norm, end = self.norm, self.end
        qpos = self._skip_sep(pos)
        qm = _SUFFIX_QUAL.match(norm, qpos, end)
        if qm is not None:
            word = qm.group()
            ok = True
            if word in ("多", "余"):
                ok = unit in _DURATION_UNITS and not den
            elif word == "内":
                ok = unit in _WITHIN_UNITS and not den
            if ok:
                qualifier = _QUAL_BY_WORD[word]
                pos = qm.end()
        if value_high is not None and value_high <= value:
            return None  # 2025—2021 or a list: not a range
        power = MAGNITUDES.get(mag, 0)
        base_unit, extra = UNIT_BASES.get(unit, (unit, 0))
        rate = f"/{den}" if den else ""
        high_base = _fold(value_high, power + extra) if value_high is not None else None
        return _Quantity(
            s, pos, value, mag + unit + rate, _fold(value, power + extra), base_unit + rate,
            value_high, high_base, qualifier,
        )

    def _line_has_text_before(self, s: int) -> bool:
        """Whether the number's line has prose before it (a table row or a bare number has not)."""
        line = self.norm[max(0, s - 60):s].rsplit("\n", 1)[-1]
        return bool(line.strip(" \t*#")) and "\t" not in line

    def _range_second(self, pos: int, kind: str) -> tuple[Decimal, str, int] | None:
        """After a first bound with no unit: the second bound, its magnitude, where its unit starts."""
        norm, end = self.norm, self.end
        cm = _RANGE_CONNECTOR.match(norm, pos, end)
        if cm is None:
            return None
        nm = NUMERAL_RE.match(norm, cm.end(), end)
        if nm is None or nm.lastgroup != kind:
            return None
        mag = ""
        if kind == "cn":
            parsed = self._chinese(nm.group())
            if parsed is None:
                return None
            high, mag = parsed
            after = nm.end()
        else:
            high = Decimal(nm.group().replace(",", ""))
            after = self._skip_sep(nm.end())
            mm = _MAG_RE.match(norm, after, end)
            if mm is not None:
                mag, after = mm.group(), mm.end()
        return high, mag, self._skip_sep(after)

    def _range_with_unit(self, pos: int, kind: str, unit: str, den: str | None) -> tuple[Decimal, int] | None:
        """``4.5%—5%``: after a first bound that has its unit, the second bound and its end."""
        norm, end = self.norm, self.end
        if kind != "ar":
            return None
        cm = _RANGE_CONNECTOR.match(norm, pos, end)
        if cm is None or cm.group().strip() == "到":
            return None
        nm = NUMERAL_RE.match(norm, cm.end(), end)
        if nm is None or nm.lastgroup != "ar":
            return None
        um = _UNIT_RE.match(norm, self._skip_sep(nm.end()), end)
        if um is None or um.group("unit") != unit or um.group("den") != den:
            return None
        return Decimal(nm.group().replace(",", "")), um.end()

    def _unit_allowed(
        self,
        unit: str,
        den: str | None,
        s: int,
        e: int,
        pos: int,
        value: Decimal,
        kind: str,
        mag: str,
        infix: bool,
    ) -> bool:
        """Whether ``unit`` after this number makes a metric (not a year, an ordinal, 台湾 …)."""
        norm = self.norm
        after = norm[pos:pos + 4]
        if unit in _NEEDS_MAGNITUDE and not mag:
            return False
        if after.startswith("级"):
            return False  # 30万吨级, 千亿级: a class, not a quantity
        if den is None:
            for blocker in UNIT_BLOCKERS.get(unit, ()):
                if after.startswith(blocker):
                    return False
        if after[:1] in _LATIN and unit not in ("Mbps", "Gbps", "TEU"):
            return False
        token = norm[s:e]
        before2 = norm[max(0, s - 6):s].rstrip(" \t")[-2:]
        if unit == "年" and den is None:
            if kind == "cn" or is_year_like(token) or after.startswith(("度", "前", "后", "初", "底", "末")):
                return False
            if before2.endswith(("前", "后", "近", "今后", "未来", "过去", "最近", "这", "本", "每")):
                return False
        if unit in ("个月", "天", "小时") and before2.endswith(("前", "后", "近", "每")):
            return False
        if unit in _RANK_UNITS and before2.endswith(("前", "后")):
            return False
        if unit in ("届", "次") and _ORDINAL_AFTER_JIE.match(norm, pos):
            return False  # 十九届五中全会, 三次会议: ordinals without 第
        if unit == "届" and value >= 10 and not before2.endswith(("连续", "续", "共", "累计", "已")):
            return False  # 十四届全运会: an edition, not a count of editions
        if unit == "成":
            if mag or infix:
                return False
            if kind == "cn" and token not in _TENTHS_OK:
                return False
            if kind == "ar" and not (0 < value <= 10):
                return False
        if kind == "cn" and unit in ("%", "‰", "Mbps", "Gbps", "TEU"):
            return False
        if unit == "兆" and kind != "ar":
            return False
        return True

    # ---- step 2: context

    def contexts(self, quantities: list[_Quantity]) -> list[_Context]:
        out: list[_Context] = []
        prev: _Context | None = None
        for qty in quantities:
            ctx = _Context(qty)
            self._read_context(ctx, prev)
            out.append(ctx)
            prev = ctx
        return out

    def _clause_and_sentence(self, pos: int) -> tuple[int, int]:
        """Where the clause and the sentence holding ``pos`` start: just after the last
        clause (sentence) punctuation mark among the 120 (300) characters before ``pos``, or
        the first of those characters when there is none (so text without punctuation
        stays linear)."""
        lo = max(0, pos - _SENTENCE_REACH)
        before = self.norm[lo:pos][::-1]  # reversed: a first match is the last mark
        cm = _CLAUSE_PUNCT.search(before, 0, _CLAUSE_REACH)
        if cm is None:
            clause, sm = max(0, pos - _CLAUSE_REACH), _SENTENCE_PUNCT.search(before, _CLAUSE_REACH)
        else:
            # sentence marks are clause marks: none lies between the clause mark and pos
            clause, sm = pos - cm.start(), _SENTENCE_PUNCT.search(before, cm.start())
        sentence = lo if sm is None else pos - sm.start()
        return clause, sentence

    def _read_context(self, ctx: _Context, prev: _Context | None) -> None:
        norm = self.norm
        qty = ctx.qty
        s = qty.start
        clause, sentence = self._clause_and_sentence(s)
        # the qualifier written in front of the number
        qual_start = s
        pm = _PREFIX_QUAL.search(norm, max(clause, s - 8), s)
        if pm is None and norm[s - 1 : s] == "上" and norm[s : s + 1] in ("百", "千"):
            qty = qty._replace(qualifier=qty.qualifier or Qualifier.AT_LEAST, prefix_qualified=True)
            qual_start = s - 1  # 上百家, 上千人: at least a hundred, a thousand
        elif pm is not None and _prefix_applies(pm.group("q"), norm[pm.start() - 1 : pm.start()], qty.unit):
            qual_start = pm.start()
            if qty.qualifier is None:
                qty = qty._replace(qualifier=_QUAL_BY_WORD[pm.group("q")], prefix_qualified=True)
        joined = (
            prev is not None
            and prev.qty.end >= clause
            and _CONNECTOR_ONLY.fullmatch(norm, prev.qty.end, s) is not None
        )
        if joined and prev is not None and qty.qualifier is None and prev.qty.prefix_qualified:
            # 分别超过7400家和8100家: the qualifier in front covers the list
            qty = qty._replace(qualifier=prev.qty.qualifier, prefix_qualified=True)
        ctx.qty = qty
        local = max(clause, prev.qty.end) if prev is not None and prev.qty.end > clause else clause
        pre = norm[local:qual_start]
        clause_pre = norm[clause:qual_start]
        sentence_pre = norm[sentence:qual_start]
        # change
        cm = _CHANGE_AT_END.search(pre)
        if prev is not None and prev.qty.end >= clause and _PAIR_BETWEEN.fullmatch(norm, prev.qty.end, s) \
                and _FROM_MARK.search(norm, clause, prev.qty.start):
            prev.change = Change.FROM
            prev.partner = Span(s, qty.end)
            ctx.change = Change.TO
            ctx.partner = Span(prev.qty.start, prev.qty.end)
        elif "占" in clause_pre and qty.base_unit == "%":
            ctx.change = Change.SHARE
        elif cm is not None:
            ctx.change = Change.TO if cm.group("to") else Change.GROWTH if cm.group("growth") else Change.DECLINE
        elif joined and prev is not None and prev.change not in (None, Change.FROM):
            ctx.change = prev.change if prev.change is not Change.TO or not prev.partner else Change.TO
        else:
            ctx.change = Change.LEVEL
        # period
        pm2 = _PERIOD_RE.search(clause_pre) if "年" in clause_pre or "累计" in clause_pre else None
        if pm2 is not None:
            ctx.period = (
                Period.ANNUAL_AVERAGE if pm2.group("avg") else Period.CUMULATIVE if pm2.group("cum") else Period.FULL_YEAR
            )
        # year (each ends in 年: most sentences hold none)
        if "年" in sentence_pre:
            for ym in _YEAR_RE.finditer(sentence_pre):
                lead = sentence_pre[max(0, ym.start() - 1):ym.start()]
                if lead in ("比", "较", "同", "于"):
                    continue
                digits = ym.group("y")
                if not digits.isdigit():
                    digits = "".join(str(CN_DIGITS[c]) for c in digits)
                if "1000" <= digits <= "2999":
                    ctx.year = int(digits)
        ctx.target = _TARGET_RE.search(sentence_pre) is not None
        ctx.estimate = _ESTIMATE_RE.search(sentence_pre) is not None
        # indicator
        ctx.indicator = self._indicator(ctx, pre, prev, sentence)

    def _indicator(self, ctx: _Context, pre: str, prev: _Context | None, sentence: int) -> str | None:
        """The phrase the quantity is about: the clause before it, stripped of verbs and
        qualifiers; for a bare verb (新建7家…) the noun after the unit is added; with
        nothing before it (…、增长4.1%) the indicator of the previous quantity is kept."""
        if ctx.change is Change.TO and ctx.partner is not None and prev is not None and prev.indicator:
            return prev.indicator  # 由62.5%提高到66.8%: both halves are about the same thing
        phrase = pre
        if prev is not None and pre and self.norm.startswith(pre, prev.qty.end):
            # 百个示范镇、千个示范村: what follows the previous quantity up to 、/和 is its noun
            cut = max(pre.rfind(c) for c in "、和及与")
            phrase = pre[cut + 1:] if cut >= 0 else phrase
        for _ in range(4):
            lead = _LEAD_JUNK.match(phrase)  # qualifiers, dates, conjunctions at the start
            stripped = phrase if lead is None else phrase[lead.end():]
            trail = _TRAIL_JUNK.search(stripped)  # verbs, qualifiers, punctuation at the end
            if trail is not None:
                stripped = stripped[: trail.start()]
            if stripped == phrase:
                break
            phrase = stripped
        phrase = "".join(phrase.split()).replace("**", "").replace("\\", "")
        am = _AFTER_PHRASE.match(self.norm, ctx.qty.end, self.end)
        after = "".join(am.group("p").split()).replace("**", "") if am is not None else ""
        if phrase:
            if len(phrase) <= 4 and after:
                return phrase + after  # 新建7家高质量孵化器 → 新建高质量孵化器
            return phrase[-40:]
        if after:
            return after  # 12条入海河流全部消劣
        if prev is not None and prev.qty.end > sentence and prev.indicator:
            return prev.indicator  # 达到9.2万元、增长4.1%
        return None

    # ---- assembly

    def run(self) -> tuple[Metric, ...]:
        contexts = self.contexts(self.quantities())
        metrics = []
        offset = self.offset
        for ctx in contexts:
            q = ctx.qty
            metrics.append(
                Metric(
                    text=self.text[q.start:q.end],
                    span=Span(offset + q.start, offset + q.end),
                    value=q.value,
                    unit=q.unit,
                    base_value=q.base_value,
                    base_unit=q.base_unit,
                    value_high=q.value_high,
                    base_value_high=q.base_value_high,
                    qualifier=q.qualifier,
                    indicator=ctx.indicator,
                    change=ctx.change,
                    period=ctx.period,
                    year=ctx.year,
                    target=ctx.target,
                    estimate=ctx.estimate,
                    partner=ctx.partner if ctx.partner is None or not offset else ctx.partner.shift(offset),
                )
            )
        return tuple(metrics)


def extract_metrics(
    text: str, start: int = 0, end: int | None = None, *, norm: str | None = None
) -> tuple[Metric, ...]:
    """Every metric in ``text[start:end]``, in order.

    ``text`` is raw report text (newlines, CRLF, full-width digits, markdown marks and odd
    spaces are fine). Spans are offsets into ``text`` itself, not into the slice, and each
    metric's ``text`` equals ``text[span.start:span.end]``. The context before ``start``
    (the rest of the sentence) is read for qualifiers, indicator, year and flags, but no
    metric starts before ``start`` or ends after ``end``.

    ``norm``, when the caller already has it, is ``normalize(text)``; passing it saves
    normalizing the context window again on every call.

    Never raises on odd text; raises :class:`TypeError`/:class:`ValueError` when called
    with something that is not a string or with offsets outside the text.

    >>> [m.text for m in extract_metrics("引进项目3062个，投资4482亿元。")]
    ['3062个', '4482亿元']
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_metrics() wants a str, not {type(text).__name__}")
    stop = len(text) if end is None else end
    if not 0 <= start <= stop <= len(text):
        raise ValueError(f"offsets [{start}, {end}) outside a text of {len(text)} characters")
    if start == stop:
        return ()
    if norm is not None and len(norm) != len(text):
        raise ValueError("norm must be normalize(text), of the same length")
    # Only a window of the text is read (and normalized, when norm is not given): the slice,
    # its context before and a little after.
    base = max(0, start - _CONTEXT_BEFORE)
    window = slice(base, min(len(text), stop + _CONTEXT_AFTER))
    window_norm = norm[window] if norm is not None else normalize(text[window])
    return _Scanner(text[window], window_norm, start - base, stop - base, offset=base).run()


# Where a numeral token may start. NUMERAL_RE opens with a lookahead on these characters,
# which the re engine tests at every position; a pattern that is a bare character class
# gets the engine's fast scan instead.
_NUMERAL_START = re.compile(r"[\d百翻一二两三四五六七八九十千]")


def _numeral_tokens(norm: str) -> list[re.Match[str]]:
    """``list(NUMERAL_RE.finditer(norm))`` without the tokens that are 一 alone and not 一倍
    (the article: 一个, 一批), the commonest and never a quantity; found faster, as
    NUMERAL_RE is tried only where :data:`_NUMERAL_START` finds a character a token can
    open with, and not at all at a 一 that no numeral character follows."""
    tokens: list[re.Match[str]] = []
    pos = 0
    while (candidate := _NUMERAL_START.search(norm, pos)) is not None:
        start = candidate.start()
        if norm[start] == "一":
            after = norm[start + 1 : start + 2]
            if after != "倍" and after not in _NUMERAL_CHARS and not after.isdecimal():
                pos = start + 1  # nothing can extend this 一: it is the article
                continue
        m = NUMERAL_RE.match(norm, start)
        if m is None:
            pos = start + 1
            continue
        pos = m.end()
        if m.group() != "一" or norm.startswith("倍", pos):
            tokens.append(m)
    return tokens


class MetricFinder:
    """The metrics of the nodes of one report, each slice asked for in turn.

    ``finder(start, end)`` gives what ``extract_metrics(text, start, end, norm=norm)``
    gives, with less work: the numeral tokens of the whole report are found in one pass
    (see :func:`_numeral_tokens`) and each slice takes its own from that list (a slice with
    none costs two bisections), and each distinct Chinese numeral of the report is read once.
    """

    def __init__(self, text: str, norm: str) -> None:
        if len(norm) != len(text):
            raise ValueError("norm must be normalize(text), of the same length")
        self.text = text
        self.norm = norm
        self.numerals: dict[str, tuple[Decimal, str] | None] = {}
        self.tokens = _numeral_tokens(norm)
        self.starts = [m.start() for m in self.tokens]

    def __call__(self, start: int, end: int) -> tuple[Metric, ...]:
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"offsets [{start}, {end}) outside a text of {len(self.text)} characters")
        first = bisect.bisect_left(self.starts, start)
        stop = bisect.bisect_left(self.starts, end)
        if self._tokens_hold(first, start, end):
            if first == stop:
                return ()  # most titles and many short paragraphs hold no numeral at all
            tokens: Sequence[re.Match[str]] | None = self.tokens[first:stop]
        else:
            tokens = None  # a token of the whole text runs across the slice's edge: scan the slice
        return _Scanner(self.text, self.norm, start, end, numerals=self.numerals, tokens=tokens).run()

    def _tokens_hold(self, first: int, start: int, end: int) -> bool:
        """Whether the whole-text tokens starting in ``[start, end)`` are the ones a scan of
        that slice alone finds.

        They are when no token runs across ``start`` (so both scans look for the next token
        from the same place) and the character at ``end`` is one no numeral reads (so no
        match, and no test a match makes, depends on what follows the slice).
        """
        if first > 0 and self.tokens[first - 1].end() > start:
            return False
        if end < len(self.norm):
            after = self.norm[end]
            if after in _NUMERAL_CHARS or after.isdecimal():
                return False
        return True
