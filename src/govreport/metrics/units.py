"""The unit table as data: units and measure words, magnitudes, rate denominators, blockers.

A metric is a number bound to one of :data:`UNITS` (docs/metrics.md). Everything the
scanner knows about units lives here, so that a new unit is one line of data: its category
in :data:`UNITS`, what may not follow it in :data:`UNIT_BLOCKERS`, a different base form in
:data:`UNIT_BASES`.
"""
from __future__ import annotations

import decimal
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Final

from govreport.numerals import plain

__all__ = [
    "DURATION_UNITS",
    "MAGNITUDES",
    "MAGNITUDES_LONGEST_FIRST",
    "NEEDS_MAGNITUDE",
    "RANK_UNITS",
    "RATE_DENOMINATORS",
    "UNITS",
    "UNIT_BASES",
    "UNIT_BLOCKERS",
    "WITHIN_UNITS",
    "alternation",
    "fold",
    "fold_unit",
]

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
    "%": "ratio", "‰": "ratio", "个百分点": "ratio", "百分点": "ratio", "个千分点": "ratio", "千分点": "ratio",
    "倍": "ratio",
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

DURATION_UNITS: Final[frozenset[str]] = frozenset({"年", "个月", "天", "小时", "分钟", "秒", "个工作日", "工作日"})
"""Units of time: ``3年多`` is at least three years, ``近3年`` is a span, not an approximation."""

NEEDS_MAGNITUDE: Final[frozenset[str]] = frozenset({"方", "度"})
"""Units that count only with a magnitude: ``亿方`` of gas, ``亿度`` of power (a bare 方 or 度
is 方面, 方案, 年度, 温度 …)."""

WITHIN_UNITS: Final[frozenset[str]] = DURATION_UNITS | {"公里", "千米", "米"}
"""Units after which a bare ``内`` means at most (``3年内``, ``15分钟内``, ``1公里内``)."""

RANK_UNITS: Final[frozenset[str]] = frozenset({"名", "位"})
"""Units that are ranks after 前/后 (``前10名``, ``第3位``)."""


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (so ``万吨`` is tried before ``万``)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_EXACT: Final[decimal.Context] = decimal.Context(prec=200)


def fold(value: Decimal, power: int) -> Decimal:
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
            return fold(value, MAGNITUDES[mag] + extra), base
    base, extra = UNIT_BASES.get(unit, (unit, 0))
    return fold(value, extra), base
