"""Labeller: the period a quantity covers — annual average (年均), cumulative (累计), full year (全年).

Read from the quantity's own clause only: ``年均增长5%`` is an average, ``累计完成`` a sum.
"""
from __future__ import annotations

import re

from govreport.metrics.record import Context, Window
from govreport.model import Period

__all__ = ["PERIOD_RE", "label"]

# The pattern opens with a lookahead on the characters a match can start with: it changes
# no match, but lets the engine pass over the other characters at once.
PERIOD_RE = re.compile(r"(?=[年累全])(?:(?P<avg>年均|年平均)|(?P<cum>累计)|(?P<full>全年))")
"""The period words."""


def label(ctx: Context, prev: Context | None, w: Window) -> None:
    """Set ``ctx.period`` from the words of the clause before the quantity."""
    clause_pre = w.clause_pre
    if "年" not in clause_pre and "累计" not in clause_pre:
        return
    pm = PERIOD_RE.search(clause_pre)
    if pm is not None:
        ctx.period = (
            Period.ANNUAL_AVERAGE if pm.group("avg") else Period.CUMULATIVE if pm.group("cum") else Period.FULL_YEAR
        )
