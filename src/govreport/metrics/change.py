"""Labeller: what a quantity says about its indicator — level, growth, decline, to, from, share.

The verb right before the number decides (:data:`CHANGE_AT_END`: 增长 → growth, 下降 →
decline, 提高到/达到 → to). ``由15%提高到55%`` ties two quantities into a from–to pair whose
``partner`` fields point at each other; ``占…比重`` with a percentage is a share; a quantity
joined to the previous one by 、 or 和 shares its change (``分别增长5%和7%``); else a level.
"""
from __future__ import annotations

import re

from govreport.metrics.record import VERB, Context, TailPattern, Window
from govreport.model import Change
from govreport.span import Span

__all__ = ["CHANGE_AT_END", "FROM_MARK", "PAIR_BETWEEN", "label"]

CHANGE_AT_END = TailPattern(rf"(?:{VERB})(?:分别|了|同比|均|约)*[ \t]*$")
"""A verb of change right before the number (with 分别, 了, 同比 … after it)."""
PAIR_BETWEEN = re.compile(r"[ \t]*[^\d\s，,。；;：:、]{0,3}?(?:到|至|为)[ \t]*")
"""What stands between the halves of a from–to pair (``提高到``, ``增加到``, ``至``)."""
FROM_MARK = re.compile(r"(?<![自理经缘])由(?![于此])|从(?![而事严业速容未来中])")
"""The 由 or 从 that opens a from–to pair."""


def label(ctx: Context, prev: Context | None, w: Window) -> None:
    """Set ``ctx.change`` (and, for a from–to pair, both partners)."""
    qty = ctx.qty
    norm = w.norm
    if prev is not None and prev.qty.end >= w.clause and PAIR_BETWEEN.fullmatch(norm, prev.qty.end, qty.start) \
            and FROM_MARK.search(norm, w.clause, prev.qty.start):
        prev.change = Change.FROM
        prev.partner = Span(qty.start, qty.end)
        ctx.change = Change.TO
        ctx.partner = Span(prev.qty.start, prev.qty.end)
        return
    if "占" in w.clause_pre and qty.base_unit == "%":
        ctx.change = Change.SHARE
        return
    cm = CHANGE_AT_END.search(w.pre)
    if cm is not None:
        ctx.change = Change.TO if cm.group("to") else Change.GROWTH if cm.group("growth") else Change.DECLINE
    elif w.joined and prev is not None and prev.change not in (None, Change.FROM):
        ctx.change = prev.change if prev.change is not Change.TO or not prev.partner else Change.TO
    else:
        ctx.change = Change.LEVEL
