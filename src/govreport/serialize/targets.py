"""Targets and outcomes as rows: CSV and JSON lines (docs/targets.md).

One row per headline figure of each report, with the file, the region and the report's
year; the columns are :data:`COLUMNS`. :func:`comparison_rows` gives the press table: each
target against the next year's outcome.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from govreport.model import Headline, Report
from govreport.serialize.rows import csv_text, jsonl_text
from govreport.targets import Comparison, compare

__all__ = [
    "COLUMNS",
    "COMPARISON_COLUMNS",
    "comparison_csv",
    "comparison_jsonl",
    "comparison_rows",
    "headline_row",
    "target_rows",
    "targets_csv",
    "targets_jsonl",
]

COLUMNS = (
    "file", "region", "report_year", "kind", "indicator", "name", "year", "text", "span", "value",
    "value_high", "unit", "base_value", "base_value_high", "base_unit", "qualifier", "change", "estimate",
)
"""The columns of a targets row, in order (``indicator`` holds the canonical key)."""

COMPARISON_COLUMNS = (
    "region", "year", "indicator", "name", "target", "target_value", "target_qualifier", "outcome",
    "outcome_value", "estimate", "status", "difference", "unit",
)
"""The columns of a comparison row, in order."""


def _s(value: object) -> Any:
    if value is None or isinstance(value, (bool, int, str)):
        return value
    return str(value)


def headline_row(h: Headline, file: str = "", report: Report | None = None) -> dict[str, Any]:
    """One headline as the flat object of docs/targets.md (numbers as strings)."""
    return {
        "file": file,
        "region": report.meta.region if report is not None else None,
        "report_year": report.meta.year if report is not None else None,
        "kind": h.kind.value,
        "indicator": h.key,
        "name": h.name,
        "year": h.year,
        "text": h.text,
        "span": [h.span.start, h.span.end],
        "value": _s(h.value),
        "value_high": _s(h.value_high),
        "unit": h.unit,
        "base_value": _s(h.base_value),
        "base_value_high": _s(h.base_value_high),
        "base_unit": h.base_unit,
        "qualifier": h.qualifier.value if h.qualifier else None,
        "change": h.change.value if h.change else None,
        "estimate": h.estimate,
    }


def target_rows(reports: Iterable[tuple[str, Report]]) -> Iterator[dict[str, Any]]:
    """The targets, then the outcomes, of each ``(file, report)``."""
    for file, report in reports:
        for h in report.targets + report.outcomes:
            yield headline_row(h, file, report)


def targets_csv(reports: Iterable[tuple[str, Report]], *, header: bool = True) -> str:
    """Targets and outcomes as CSV (``span`` written ``start-end``); ``header=False``
    leaves the header line out, for the second and later reports of a corpus."""
    return csv_text(target_rows(reports), COLUMNS, header=header)


def targets_jsonl(reports: Iterable[tuple[str, Report]]) -> str:
    """Targets and outcomes as JSON lines."""
    return jsonl_text(target_rows(reports))


def comparison_rows(reports: Iterable[Report]) -> Iterator[dict[str, Any]]:
    """One row per target of a report whose region has the next year's report too."""
    for c in compare(reports):
        yield _comparison_row(c)


def _comparison_row(c: Comparison) -> dict[str, Any]:
    """One comparison of a target with its outcome as a flat row."""
    t, o = c.target, c.outcome
    return {
        "region": c.region, "year": c.year, "indicator": c.key, "name": c.name, "target": t.text,
        "target_value": _s(t.base_value), "target_qualifier": t.qualifier.value if t.qualifier else None,
        "outcome": o.text if o else None, "outcome_value": _s(o.base_value) if o else None,
        "estimate": o.estimate if o else None, "status": c.status.value, "difference": _s(c.difference),
        "unit": t.base_unit,
    }


def comparison_csv(reports: Iterable[Report]) -> str:
    """The comparison as CSV."""
    return csv_text(comparison_rows(reports), COMPARISON_COLUMNS)


def comparison_jsonl(reports: Iterable[Report]) -> str:
    """The comparison as JSON lines."""
    return jsonl_text(comparison_rows(reports))
