"""The context pass: each quantity's clause and sentence are cut once, then the labellers
run over it in order, each setting its own field.

:data:`LABELLERS` is the ordered, named chain (in the spirit of markdown-it-py's rulers): a
labeller may read what the ones before it set (the indicator reads the change, the key
reads the indicator). The qualifier written in front of a number runs first, apart, as it
decides where the words before the quantity end.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final

from govreport.metrics import change, indicator, key, period, qualifier, target, year
from govreport.metrics.record import (
    CLAUSE_PUNCT,
    CLAUSE_REACH,
    SENTENCE_PUNCT,
    SENTENCE_REACH,
    Context,
    Quantity,
    Window,
)

__all__ = ["LABELLERS", "Labeller", "clause_and_sentence", "read_contexts"]

Labeller = Callable[[Context, "Context | None", Window], None]
"""A labeller: sets its field of the quantity's context from the window (and the previous
quantity's context, which it may also amend, as a from–to pair does)."""

LABELLERS: Final[tuple[tuple[str, Labeller], ...]] = (
    ("change", change.label),
    ("period", period.label),
    ("year", year.label),
    ("target", target.label),
    ("indicator", indicator.label),
    ("key", key.label),
)
"""The labellers, in the order they run."""

_CONNECTOR_ONLY = re.compile(r"[ \t]*(?:和|及|与|或|以及|、|，)?[ \t]*")


def clause_and_sentence(norm: str, pos: int) -> tuple[int, int]:
    """Where the clause and the sentence holding ``pos`` start: just after the last
    clause (sentence) punctuation mark among the 120 (300) characters before ``pos``, or
    the first of those characters when there is none (so text without punctuation
    stays linear)."""
    lo = max(0, pos - SENTENCE_REACH)
    before = norm[lo:pos][::-1]  # reversed: a first match is the last mark
    cm = CLAUSE_PUNCT.search(before, 0, CLAUSE_REACH)
    if cm is None:
        clause, sm = max(0, pos - CLAUSE_REACH), SENTENCE_PUNCT.search(before, CLAUSE_REACH)
    else:
        # sentence marks are clause marks: none lies between the clause mark and pos
        clause, sm = pos - cm.start(), SENTENCE_PUNCT.search(before, cm.start())
    sentence = lo if sm is None else pos - sm.start()
    return clause, sentence


def _after(norm: str, prev: Context, pos: int) -> tuple[int, int]:
    """:func:`clause_and_sentence` for a quantity after ``prev``: what lies between them is
    read, the rest is ``prev``'s (the same answer, without reading the sentence again)."""
    lo = max(prev.qty.start, pos - CLAUSE_REACH)
    if prev.qty.start > pos or prev.sentence < 0 or SENTENCE_PUNCT.search(norm, prev.qty.start, pos):
        return clause_and_sentence(norm, pos)
    between = norm[lo:pos][::-1]
    cm = CLAUSE_PUNCT.search(between)
    clause = pos - cm.start() if cm is not None else max(prev.clause, pos - CLAUSE_REACH, 0)
    return clause, max(prev.sentence, pos - SENTENCE_REACH, 0)


def read_contexts(norm: str, end: int, quantities: Sequence[Quantity],
                  labellers: Sequence[tuple[str, Labeller]] = LABELLERS) -> list[Context]:
    """The context of every quantity, in order (``end``: where the slice being read ends)."""
    out: list[Context] = []
    prev: Context | None = None
    chain = [labeller for _name, labeller in labellers]
    for qty in quantities:
        ctx = Context(qty)
        s = qty.start
        clause, sentence = _after(norm, prev, s) if prev is not None else clause_and_sentence(norm, s)
        ctx.clause, ctx.sentence = clause, sentence
        qual_start = qualifier.label_prefix(norm, ctx, clause)
        joined = (
            prev is not None
            and prev.qty.end >= clause
            and _CONNECTOR_ONLY.fullmatch(norm, prev.qty.end, s) is not None
        )
        qualifier.label_list(ctx, prev, joined)
        local = max(clause, prev.qty.end) if prev is not None and prev.qty.end > clause else clause
        window = Window(
            norm, end, clause, sentence, qual_start,
            norm[local:qual_start], norm[clause:qual_start], norm[sentence:qual_start], joined,
        )
        for labeller in chain:
            labeller(ctx, prev, window)
        out.append(ctx)
        prev = ctx
    return out
