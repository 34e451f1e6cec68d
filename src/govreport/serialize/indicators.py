"""Indicator tables as rows: CSV and JSON lines, one row per indicator."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from govreport.model import Indicator, Report

__all__ = ["indicator_rows", "indicators_csv", "indicators_jsonl"]


def indicator_rows(report: Report) -> Iterator[dict[str, Any]]:
    """One dict per indicator: ``number``, ``category``, ``name``, ``unit``, ``attribute``, then
    for each value column ``<label>``, ``<label>_value`` and ``<label>_flags``, where the label
    is the column's year when its header gives one (``2025``) and its header otherwise
    (``目标``, ``预期值``; also when two columns give the same year)."""
    for ind in report.indicators:
        yield _row(ind)


def _row(ind: Indicator) -> dict[str, Any]:
    """One indicator as a flat row: its fields, then each value column as written, its value and flags."""
    row: dict[str, Any] = {
        "number": ind.number, "category": ind.category, "name": ind.name, "unit": ind.unit,
        "attribute": ind.attribute,
    }
    years = [v.year for v in ind.values]
    for v in ind.values:
        key = str(v.year) if v.year is not None and years.count(v.year) == 1 else v.label
        row[key] = v.text
        row[f"{key}_value"] = None if v.value is None else str(v.value)
        row[f"{key}_flags"] = " ".join(v.flags)
    return row


def indicators_csv(report: Report) -> str:
    """All indicators as CSV; the year columns come from the tables."""
    rows = list(indicator_rows(report))
    fields: list[str] = []
    for row in rows:
        fields.extend(k for k in row if k not in fields)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields or ["number", "category", "name", "unit", "attribute"],
                            lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return out.getvalue()


def indicators_jsonl(report: Report) -> str:
    """All indicators as JSON lines."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in indicator_rows(report))
