"""Metrics: every quantity of a text, with its value, unit, magnitude and meaning.

A metric is a number bound to a unit of measure or a measure word (docs/metrics.md).
:func:`extract_metrics` scans raw report text: it matches on :func:`~govreport.normalize.
normalize` (a one-to-one table, so offsets stay valid) and returns :class:`~govreport.model.
Metric` records whose ``span`` points into the text it was given and whose ``text`` is that
slice, exactly as written.

The package is one module per piece of knowledge:

- :mod:`.units` — the unit table as data (units, magnitudes, rate denominators, blockers);
- :mod:`.scan` — the quantity scanner (numerals, magnitudes, ranges, units, suffix hedges);
- :mod:`.context` — the ordered chain of labellers over each quantity's clause and sentence;
- one labeller per field: :mod:`.qualifier`, :mod:`.change`, :mod:`.period`, :mod:`.year`
  (with :func:`~govreport.metrics.year.resolve_years` for the years a sentence does not
  state), :mod:`.target` (target and estimate flags), :mod:`.indicator`, :mod:`.key`
  (the canonical indicator keys of docs/targets.md);
- :mod:`.finder` — :func:`extract_metrics` and :class:`MetricFinder`, which assemble them.

Units as written keep the magnitude (``亿元``, ``万标准箱``); base units drop it and the
base value folds it in (``4482亿元`` → ``448200000000`` ``元``). ``X成`` has the base unit
``%`` (``七成`` → 70 %).
"""
from __future__ import annotations

from govreport.metrics.change import CHANGE_AT_END as _CHANGE_AT_END
from govreport.metrics.finder import MetricFinder, extract_metrics
from govreport.metrics.indicator import TRAIL_JUNK as _TRAIL_JUNK
from govreport.metrics.key import DEFAULT_KEYS, KeyRule, KeyTable
from govreport.metrics.scan import NUMERAL_CHARS as _NUMERAL_CHARS
from govreport.metrics.scan import numeral_tokens as _numeral_tokens
from govreport.metrics.units import (
    MAGNITUDES,
    MAGNITUDES_LONGEST_FIRST,
    RATE_DENOMINATORS,
    UNIT_BASES,
    UNIT_BLOCKERS,
    UNITS,
    fold_unit,
)
from govreport.metrics.year import PLAUSIBLE_YEARS, resolve_years

__all__ = [
    "DEFAULT_KEYS",
    "MAGNITUDES",
    "MAGNITUDES_LONGEST_FIRST",
    "PLAUSIBLE_YEARS",
    "RATE_DENOMINATORS",
    "UNITS",
    "UNIT_BASES",
    "UNIT_BLOCKERS",
    "KeyRule",
    "KeyTable",
    "MetricFinder",
    "extract_metrics",
    "fold_unit",
    "resolve_years",
]

# names the tests of the former single module reach for
_ = (_CHANGE_AT_END, _TRAIL_JUNK, _NUMERAL_CHARS, _numeral_tokens)
