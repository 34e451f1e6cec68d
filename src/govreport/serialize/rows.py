"""What every table of a corpus shares: the report's columns, and rows as CSV or JSON lines.

A corpus table has one header for all its files, so the row writers here can leave the
header out (``header=False``) and the caller writes it once. :class:`UnionCsv` is for a
table whose columns come from its rows (the indicator tables: one column per year).
"""
from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Iterable, Sequence
from typing import IO, Any, Protocol

from govreport.model import Report

__all__ = ["FILE_COLUMNS", "TextWriter", "UnionCsv", "csv_text", "jsonl_text", "report_columns"]

FILE_COLUMNS = ("file", "region", "report_year")
"""The columns that say which report a row comes from: the file as named, and the
report's region and year."""


def report_columns(file: str, report: Report) -> dict[str, Any]:
    """The :data:`FILE_COLUMNS` of a row of ``report``, read from ``file``."""
    return {"file": file, "region": report.meta.region, "report_year": report.meta.year}


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "-".join(str(v) for v in value)
    return value


def csv_text(rows: Iterable[dict[str, Any]], columns: Sequence[str], *, header: bool = True) -> str:
    """``rows`` as CSV in ``columns`` (others ignored): ``None`` empty, a pair such as a
    span or a run of years written ``first-last``; with ``header=False`` no header line."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(k)) for k in columns])
    return out.getvalue()


def jsonl_text(rows: Iterable[dict[str, Any]]) -> str:
    """``rows`` as JSON lines, UTF-8 characters as themselves."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


class TextWriter(Protocol):
    """Anything with a ``write`` of text, as :func:`csv.writer` takes."""

    def write(self, text: str, /) -> Any:
        """Write ``text``."""


class UnionCsv:
    """A CSV table whose columns are the union of its rows' keys, in the order first seen.

    The header can only be written when every row is in, so the rows wait in a temporary
    file (in memory up to ``spool`` characters): memory stays bounded however many reports
    feed the table. ``add`` takes JSON lines as :func:`jsonl_text` writes them;
    ``write_to`` writes the header and the rows.
    """

    def __init__(self, first: Sequence[str] = (), spool: int = 8 << 20) -> None:
        self.columns: dict[str, None] = dict.fromkeys(first)
        self.rows = 0
        self._spill: IO[str] = tempfile.SpooledTemporaryFile(max_size=spool, mode="w+", encoding="utf-8")

    def add(self, lines: str) -> None:
        """Add the rows of some JSON lines."""
        for line in lines.splitlines():
            self.columns.update(dict.fromkeys(json.loads(line)))
            self.rows += 1
        self._spill.write(lines)

    def write_to(self, out: TextWriter) -> None:
        """Write the header and every row to ``out``, then let go of the rows."""
        columns = list(self.columns)
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        self._spill.seek(0)
        for line in self._spill:
            row = json.loads(line)
            writer.writerow([_cell(row.get(k)) for k in columns])
        self.close()

    def close(self) -> None:
        """Let go of the rows without writing them."""
        self._spill.close()
