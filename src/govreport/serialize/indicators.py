"""Indicator tables as rows: CSV and JSON lines, one row per indicator.

A row of :func:`indicators_jsonl` has the fields the indicator rows have always had
(``number``, ``category``, ``name``, ``unit``, ``attribute``, then the value columns in table
order), then the report's columns (:data:`~govreport.serialize.rows.FILE_COLUMNS`: ``file``,
``region``, ``report_year``); a row of :func:`indicators_csv` starts with the report's
columns, as every corpus table does. The value columns come from the tables (one per year), so a corpus
table has the union of its reports' columns: :class:`~govreport.serialize.rows.UnionCsv`.
"""
from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from govreport.model import Indicator, Report
from govreport.serialize.rows import FILE_COLUMNS, UnionCsv, jsonl_text, report_columns

__all__ = ["FIRST_COLUMNS", "indicator_rows", "indicators_csv", "indicators_jsonl", "table_rows"]

FIRST_COLUMNS = FILE_COLUMNS + ("number", "category", "name", "unit", "attribute")
"""The columns every indicator row has, before its value columns."""


def indicator_rows(report: Report) -> Iterator[dict[str, Any]]:
    """One dict per indicator: ``number``, ``category``, ``name``, ``unit``, ``attribute``, then
    for each value column ``<label>``, ``<label>_value`` and ``<label>_flags``, where the label
    is the column's year when its header gives one (``2025``) and its header otherwise
    (``目标``, ``预期值``; also when two columns give the same year)."""
    for ind in report.indicators:
        yield _row(ind)


def table_rows(report: Report, file: str = "") -> Iterator[dict[str, Any]]:
    """The rows of :func:`indicator_rows`, each followed by the report's columns (``file`` as
    given): the fields of an indicator row keep their places."""
    tail = report_columns(file, report)
    for row in indicator_rows(report):
        yield {**row, **tail}


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


def indicators_csv(report: Report, file: str = "") -> str:
    """All indicators as CSV; the year columns come from the tables."""
    table = UnionCsv(FIRST_COLUMNS)
    table.add(indicators_jsonl(report, file))
    out = io.StringIO()
    table.write_to(out)
    return out.getvalue()


def indicators_jsonl(report: Report, file: str = "") -> str:
    """All indicators as JSON lines."""
    return jsonl_text(table_rows(report, file))
