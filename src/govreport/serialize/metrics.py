"""Metrics as rows: CSV and JSON lines, one row per metric with its section path.

A row of :func:`metrics_csv` and :func:`metrics_jsonl` starts with the report's columns
(:data:`~govreport.serialize.rows.FILE_COLUMNS`: ``file``, ``region``, ``report_year``), so
the rows of a whole corpus make one table.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from govreport.model import Metric, Report, Section
from govreport.serialize.json import metric_to_dict
from govreport.serialize.rows import FILE_COLUMNS, csv_text, jsonl_text, report_columns

__all__ = ["metric_rows", "metrics_csv", "metrics_jsonl", "COLUMNS", "TABLE_COLUMNS", "section_path_text",
           "table_rows"]

COLUMNS = (
    "path", "section", "text", "value", "value_high", "unit", "base_value", "base_value_high",
    "base_unit", "qualifier", "indicator", "key", "change", "period", "year", "years", "target", "estimate",
    "start", "end",
)
"""The columns of :func:`metric_rows`, in order. ``key`` is the canonical indicator
(``gdp_growth``…) or empty; ``years`` the first and last year of a figure for a run of
years (``2021-2025`` in CSV)."""

TABLE_COLUMNS = FILE_COLUMNS + COLUMNS
"""The columns of :func:`metrics_csv` and :func:`metrics_jsonl`, in order."""


def section_path_text(path: tuple[Section, ...]) -> str:
    """``三/（一）/1.``: the markers (or titles, for unnumbered parts) joined by ``/``."""
    return "/".join(s.marker or s.title for s in path)


def metric_rows(report: Report) -> Iterator[dict[str, Any]]:
    """One flat dict per metric: its JSON fields plus ``path``, ``section``, ``start``, ``end``."""
    for path, metric in report.located_metrics():
        yield _row(path, metric)


def table_rows(report: Report, file: str = "") -> Iterator[dict[str, Any]]:
    """The rows of :func:`metric_rows`, each led by the report's columns (``file`` as given)."""
    lead = report_columns(file, report)
    for row in metric_rows(report):
        yield {**lead, **row}


def _row(path: tuple[Section, ...], metric: Metric) -> dict[str, Any]:
    """One metric as a flat row, with the path and title of its section and its offsets."""
    d = metric_to_dict(metric)
    return {
        "path": section_path_text(path),
        "section": path[-1].title if path else "",
        **{k: d.get(k) for k in COLUMNS if k in d},
        "start": metric.span.start,
        "end": metric.span.end,
    }


def metrics_csv(report: Report, file: str = "", *, header: bool = True) -> str:
    """All metrics as CSV (see :data:`TABLE_COLUMNS`); ``header=False`` leaves the header
    line out, for the second and later reports of a corpus."""
    return csv_text(table_rows(report, file), TABLE_COLUMNS, header=header)


def metrics_jsonl(report: Report, file: str = "") -> str:
    """All metrics as JSON lines, one object per metric (see :data:`TABLE_COLUMNS`)."""
    return jsonl_text(table_rows(report, file))
