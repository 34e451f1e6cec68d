"""Metrics as rows: CSV and JSON lines, one row per metric with its section path."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from govreport.model import Metric, Report, Section
from govreport.serialize.json import metric_to_dict

__all__ = ["metric_rows", "metrics_csv", "metrics_jsonl", "COLUMNS", "section_path_text"]

COLUMNS = (
    "path", "section", "text", "value", "value_high", "unit", "base_value", "base_value_high",
    "base_unit", "qualifier", "indicator", "change", "period", "year", "target", "estimate",
    "start", "end",
)
"""The columns of :func:`metrics_csv`, in order."""


def section_path_text(path: tuple[Section, ...]) -> str:
    """``三/（一）/1.``: the markers (or titles, for unnumbered parts) joined by ``/``."""
    return "/".join(s.marker or s.title for s in path)


def metric_rows(report: Report) -> Iterator[dict[str, Any]]:
    """One flat dict per metric: its JSON fields plus ``path``, ``section``, ``start``, ``end``."""
    for path, metric in report.located_metrics():
        yield _row(path, metric)


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


def metrics_csv(report: Report) -> str:
    """All metrics as CSV with a header row (see :data:`COLUMNS`)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in metric_rows(report):
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return out.getvalue()


def metrics_jsonl(report: Report) -> str:
    """All metrics as JSON lines, one object per metric."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in metric_rows(report))
