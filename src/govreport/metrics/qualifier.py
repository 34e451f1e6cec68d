"""Labeller: the qualifier of a quantity — approx, at_least, at_most (docs/metrics.md).

A hedge after the number (左右 以上 以内 …) is part of the quantity's text and is read by
the scanner with :data:`SUFFIX_QUAL`; a hedge in front of it (约 超过 不少于 …) stays outside
the text and is read here, with :data:`PREFIX_QUAL`. A hedge in front of the first of a list
covers the list (``分别超过7400家和8100家``).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from govreport.metrics.record import Context
from govreport.metrics.units import DURATION_UNITS
from govreport.model import Qualifier

__all__ = ["PREFIX_QUAL", "QUAL_BY_WORD", "SUFFIX_QUAL", "label_prefix", "prefix_applies"]

SUFFIX_QUAL = re.compile(r"左右|上下(?![游级文班])|以上|以下|以内|之内|开外|多|余|内")
"""Qualifier words written after a quantity (part of its text)."""

PREFIX_QUAL = re.compile(
    r"(?P<q>不少于|不低于|不超过|不高于|不足|不到|至少|最多|最少|超过|突破|多于|高于|低于|大约|约合|约为|约|"
    r"接近|将近|近|逾|超)[ \t]*$"
)
"""Qualifier words written in front of a quantity (outside its text)."""

QUAL_BY_WORD: Final[Mapping[str, Qualifier]] = MappingProxyType({
    **dict.fromkeys(("左右", "上下", "大约", "约合", "约为", "约", "接近", "将近", "近"), Qualifier.APPROX),
    **dict.fromkeys(
        ("以上", "开外", "多", "余", "不少于", "不低于", "至少", "最少", "超过", "突破", "多于", "高于", "逾", "超"),
        Qualifier.AT_LEAST,
    ),
    **dict.fromkeys(("以下", "以内", "之内", "内", "不超过", "不高于", "不足", "不到", "最多", "低于"), Qualifier.AT_MOST),
})
"""Each qualifier word and what it means."""


def prefix_applies(word: str, before: str, unit: str) -> bool:
    """Whether a qualifier word in front of a number is one (节约 and 最近 are not)."""
    if word == "约":
        return not before or before not in "节制签条合契预邀特相婚公"
    if word == "近":
        return (not before or before not in "最附临靠亲贴邻") and unit not in DURATION_UNITS
    if word == "超":
        return before != "赶"
    return True


def label_prefix(norm: str, ctx: Context, clause: int) -> int:
    """Read the qualifier written in front of ``ctx``'s quantity; return where it starts
    (the quantity's start when there is none). Sets ``ctx.qty.qualifier`` unless the
    quantity already has one of its own (``超过5%以上`` keeps 以上)."""
    qty = ctx.qty
    s = qty.start
    qual_start = s
    pm = PREFIX_QUAL.search(norm, max(clause, s - 8), s)
    if pm is None and norm[s - 1 : s] == "上" and norm[s : s + 1] in ("百", "千"):
        qty = qty._replace(qualifier=qty.qualifier or Qualifier.AT_LEAST, prefix_qualified=True)
        qual_start = s - 1  # 上百家, 上千人: at least a hundred, a thousand
    elif pm is not None and prefix_applies(pm.group("q"), norm[pm.start() - 1 : pm.start()], qty.unit):
        qual_start = pm.start()
        if qty.qualifier is None:
            qty = qty._replace(qualifier=QUAL_BY_WORD[pm.group("q")], prefix_qualified=True)
    ctx.qty = qty
    return qual_start


def label_list(ctx: Context, prev: Context | None, joined: bool) -> None:
    """``分别超过7400家和8100家``: a qualifier in front of the first of a list covers the rest."""
    if joined and prev is not None and ctx.qty.qualifier is None and prev.qty.prefix_qualified:
        ctx.qty = ctx.qty._replace(qualifier=prev.qty.qualifier, prefix_qualified=True)
