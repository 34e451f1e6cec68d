"""The metrics of a text or of a report's nodes: the scanner, then the labellers.

:func:`extract_metrics` reads one slice of a text; :class:`MetricFinder` reads the nodes of
one report in turn, sharing the numeral tokens of the whole text. Both scan the quantities
(:mod:`.scan`), run the labellers over their context (:mod:`.context`) and assemble
:class:`~govreport.model.Metric` records.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from decimal import Decimal

from govreport.metrics.context import read_contexts
from govreport.metrics.record import CONTEXT_AFTER, CONTEXT_BEFORE, new_metric
from govreport.metrics.scan import NUMERAL_CHARS, Scanner, numeral_tokens, protected_spans
from govreport.model import Metric
from govreport.normalize import normalize
from govreport.span import Span

__all__ = ["MetricFinder", "extract_metrics"]


def _run(scanner: Scanner) -> tuple[Metric, ...]:
    """Scan the slice, label each quantity, build the metrics (spans shifted by the offset)."""
    contexts = read_contexts(scanner.norm, scanner.end, scanner.quantities())
    text, offset = scanner.text, scanner.offset
    metrics = []
    for ctx in contexts:
        q = ctx.qty
        partner = ctx.partner
        metrics.append(new_metric(  # every field, positionally: once per metric
            text[q.start:q.end], Span(offset + q.start, offset + q.end), q.value, q.unit, q.base_value,
            q.base_unit, q.value_high, q.base_value_high, q.qualifier, ctx.indicator, ctx.change, ctx.period,
            ctx.year, ctx.target, ctx.estimate,
            partner if partner is None or not offset else partner.shift(offset), ctx.years, ctx.key,
        ))
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
    base = max(0, start - CONTEXT_BEFORE)
    window = slice(base, min(len(text), stop + CONTEXT_AFTER))
    window_norm = norm[window] if norm is not None else normalize(text[window])
    return _run(Scanner(text[window], window_norm, start - base, stop - base, offset=base))


# Where a numeral token may start. NUMERAL_RE opens with a lookahead on these characters,
# which the re engine tests at every position; a pattern that is a bare character class

def _outside(tokens: list[re.Match[str]], starts: list[int],
             spans: list[tuple[int, int]]) -> tuple[list[re.Match[str]], list[int]]:
    """The ``tokens`` that start in none of ``spans``, and their ``starts`` (all sorted; the
    spans do not overlap): the runs of tokens between spans, cut by bisection."""
    kept: list[re.Match[str]] = []
    kept_starts: list[int] = []
    done = 0  # the tokens before this one are settled
    for low, high in spans:
        first = bisect.bisect_left(starts, low, done)
        last = bisect.bisect_left(starts, high, first)
        if first < last:
            kept += tokens[done:first]
            kept_starts += starts[done:first]
            done = last
    if not done:
        return tokens, starts  # no span holds a token: the lists themselves
    return kept + tokens[done:], kept_starts + starts[done:]


class MetricFinder:
    """The metrics of the nodes of one report, each slice asked for in turn.

    ``finder(start, end)`` gives what ``extract_metrics(text, start, end, norm=norm)``
    gives, with less work: the numeral tokens of the whole report are found in one pass
    (see :func:`numeral_tokens`) and each slice takes its own from that list (a slice with
    none costs two bisections), so are its short quotes, titles and fixed terms, and each
    distinct Chinese numeral of the report is read once.
    """

    def __init__(self, text: str, norm: str) -> None:
        if len(norm) != len(text):
            raise ValueError("norm must be normalize(text), of the same length")
        self.text = text
        self.norm = norm
        self.numerals: dict[str, tuple[Decimal, str] | None] = {}
        self.tokens = numeral_tokens(norm)
        self.starts = [m.start() for m in self.tokens]
        self.protected = protected_spans(norm)
        # the tokens that start outside every protected span: the only ones a scan reads
        # (the others are names, skipped first thing); found once, in one merge of the two
        # sorted lists, so that a slice's scanner need not ask for each token
        self.readable, self.readable_starts = _outside(self.tokens, self.starts, self.protected[0])

    def __call__(self, start: int, end: int) -> tuple[Metric, ...]:
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"offsets [{start}, {end}) outside a text of {len(self.text)} characters")
        first = bisect.bisect_left(self.starts, start)
        stop = bisect.bisect_left(self.starts, end)
        if self._tokens_hold(first, start, end):
            if first == stop:
                return ()  # most titles and many short paragraphs hold no numeral at all
            low = bisect.bisect_left(self.readable_starts, start)
            high = bisect.bisect_left(self.readable_starts, end)
            if low == high:
                return ()  # 十四五, 《…2025…》: only names
            tokens: Sequence[re.Match[str]] | None = self.readable[low:high]
        else:
            tokens = None  # a token of the whole text runs across the slice's edge: scan the slice
        return _run(Scanner(self.text, self.norm, start, end, numerals=self.numerals, tokens=tokens,
                            protected=self.protected, screened=tokens is not None))

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
            if after in NUMERAL_CHARS or after.isdecimal():
                return False

        return True
