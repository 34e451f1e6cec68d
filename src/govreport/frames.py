"""Metrics and indicators of one or many reports as pandas DataFrames.

Needs the optional extra: ``pip install "govreport[pandas]"``. pandas is imported
when a frame is built, so ``import govreport`` works without it.

    >>> import govreport
    >>> report = govreport.parse_file("examples/demo_report.txt")
    >>> df = govreport.metrics_frame(report)                         # doctest: +SKIP
    >>> df.groupby("unit")["value"].count()                          # doctest: +SKIP
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from govreport.batch import BatchResult
from govreport.model import Report
from govreport.serialize.metrics import COLUMNS, metric_rows
from govreport.serialize.targets import COLUMNS as TARGET_ROW_COLUMNS
from govreport.serialize.targets import COMPARISON_COLUMNS, comparison_rows, target_rows

if TYPE_CHECKING:
    import pandas

__all__ = [
    "COMPARISON_COLUMNS", "INDICATOR_COLUMNS", "METRIC_COLUMNS", "TARGET_COLUMNS", "comparison_frame",
    "indicators_frame", "metrics_frame", "targets_frame",
]

Reports = Report | Iterable[Report | BatchResult] | Mapping[str, Report]
"""What the frame functions accept."""

_REPORT_COLUMNS = ("report", "region", "report_year")
METRIC_COLUMNS = _REPORT_COLUMNS + COLUMNS
"""The columns of :func:`metrics_frame`, in order."""
INDICATOR_COLUMNS = _REPORT_COLUMNS + (
    "number", "category", "name", "unit", "attribute", "year", "label", "text", "value", "flags",
)
"""The columns of :func:`indicators_frame`, in order (one row per indicator value)."""

_NUMERIC = ("value", "value_high", "base_value", "base_value_high")


def metrics_frame(reports: Reports) -> pandas.DataFrame:
    """One row per metric of every report, with the report, its section path and the value.

    ``reports`` is a :class:`~govreport.Report`, an iterable of reports or
    :class:`~govreport.BatchResult` (failed results are skipped), or a mapping
    ``name → report``. The ``report`` column holds the mapping key, the result's path,
    or else the report's title. Value columns are floats; ``year`` is a nullable integer.
    """
    pd = _pandas()
    rows = [
        {"report": name, "region": report.meta.region, "report_year": report.meta.year, **row}
        for name, report in _named(reports)
        for row in metric_rows(report)
    ]
    frame = pd.DataFrame(rows, columns=list(METRIC_COLUMNS))
    for column in _NUMERIC:
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    for column in ("year", "report_year", "start", "end"):
        frame[column] = frame[column].astype("Int64")
    return frame


def indicators_frame(reports: Reports) -> pandas.DataFrame:
    """Indicator tables in long form: one row per indicator and year column.

    Accepts the same ``reports`` as :func:`metrics_frame`. ``flags`` is a space-separated
    string (``five_year_average approx``); ``value`` is a float, empty when the cell is text.
    """
    pd = _pandas()
    rows: list[dict[str, Any]] = []
    for name, report in _named(reports):
        for ind in report.indicators:
            for v in ind.values:
                rows.append({
                    "report": name, "region": report.meta.region, "report_year": report.meta.year,
                    "number": ind.number, "category": ind.category, "name": ind.name,
                    "unit": ind.unit, "attribute": ind.attribute, "year": v.year, "label": v.label,
                    "text": v.text, "value": None if v.value is None else float(v.value),
                    "flags": " ".join(v.flags),
                })
    frame = pd.DataFrame(rows, columns=list(INDICATOR_COLUMNS))
    for column in ("number", "year", "report_year"):
        frame[column] = frame[column].astype("Int64")
    frame["value"] = frame["value"].astype("float64")
    return frame


TARGET_COLUMNS = tuple("report" if c == "file" else c for c in TARGET_ROW_COLUMNS if c != "span") + ("start", "end")
"""The columns of :func:`targets_frame`, in order."""


def targets_frame(reports: Reports) -> pandas.DataFrame:
    """The year's main targets and the previous year's outcomes of every report, one row
    each (docs/targets.md): ``kind`` is ``target`` or ``outcome``, ``indicator`` the
    canonical key. Accepts the same ``reports`` as :func:`metrics_frame`; value columns are
    floats (empty for a qualitative target), years nullable integers.

    >>> df = govreport.targets_frame(reports)                        # doctest: +SKIP
    >>> df[df.indicator == "gdp_growth"].pivot(index="region", columns=["kind", "year"], values="value")  # doctest: +SKIP
    """
    pd = _pandas()
    rows = []
    for row in target_rows(_named(reports)):
        start, end = row.pop("span")
        row["report"] = row.pop("file")
        rows.append({**row, "start": start, "end": end})
    frame = pd.DataFrame(rows, columns=list(TARGET_COLUMNS))
    for column in _NUMERIC:
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    for column in ("year", "report_year", "start", "end"):
        frame[column] = frame[column].astype("Int64")
    return frame


def comparison_frame(reports: Reports) -> pandas.DataFrame:
    """Each target set against the outcome the next year's report of the same region gives:
    ``status`` is ``met``, ``missed``, ``not_reported`` or ``not_comparable``;
    ``difference`` is outcome minus target (points for percentages)."""
    pd = _pandas()
    frame = pd.DataFrame(list(comparison_rows(r for _, r in _named(reports))), columns=list(COMPARISON_COLUMNS))
    for column in ("target_value", "outcome_value", "difference"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    frame["year"] = frame["year"].astype("Int64")
    return frame


def _named(reports: Reports) -> Iterator[tuple[str, Report]]:
    """Each report of ``reports`` with a name for it: a mapping's key, a batch result's path, or the
    report's title."""
    if isinstance(reports, Report):
        yield _title(reports, 0), reports
    elif isinstance(reports, Mapping):
        yield from reports.items()
    else:
        for i, item in enumerate(reports):
            if isinstance(item, BatchResult):
                if item.report is not None:
                    yield item.path, item.report
            elif isinstance(item, Report):
                yield _title(item, i), item
            else:
                raise TypeError(f"expected Report or BatchResult, got {type(item).__name__}")


def _title(report: Report, index: int) -> str:
    return report.meta.title or f"report {index + 1}"


def _pandas() -> Any:
    """The pandas module; :class:`ImportError` naming the ``pandas`` extra when it is missing."""
    try:
        import pandas
    except ImportError:
        raise ImportError(
            'DataFrames need pandas: pip install "govreport[pandas]"'
        ) from None
    return pandas

