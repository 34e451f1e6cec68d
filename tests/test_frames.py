"""Metrics and indicators as pandas DataFrames (the optional ``pandas`` extra)."""
from __future__ import annotations

import pathlib
import subprocess
import sys

import pytest

import govreport

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"
pd = pytest.importorskip("pandas", reason='needs the pandas extra: pip install "govreport[pandas]"')


@pytest.fixture(scope="module")
def reports():
    return {name: govreport.parse_file(EXAMPLES / name)
            for name in ("demo_report_2025.txt", "demo_report.txt", "demo_plan.txt")}


def test_one_row_per_metric_of_every_report(reports):
    frame = govreport.metrics_frame(reports)
    assert list(frame.columns[:4]) == ["report", "region", "report_year", "path"]
    assert len(frame) == sum(len(r.metrics) for r in reports.values())
    assert frame.groupby("report").size().to_dict() == {k: len(r.metrics) for k, r in reports.items()}
    assert frame["value"].dtype == "float64" and frame["year"].dtype == "Int64"


def test_rows_carry_the_metric_and_where_it_is(reports):
    frame = govreport.metrics_frame(reports["demo_report.txt"])
    row = frame[frame["text"] == "1862.4亿元"].iloc[0]
    assert row["report"] == reports["demo_report.txt"].meta.title
    assert (row["region"], row["report_year"], row["path"]) == ("青禾市", 2026, "一、")
    assert (row["value"], row["unit"], row["base_value"], row["base_unit"]) == (1862.4, "亿元", 1.8624e11, "元")
    targets = frame[frame["target"]]
    assert set(targets["qualifier"].dropna()) <= {"approx", "at_least", "at_most"}
    assert "growth" in set(targets["change"])


def test_batch_results_are_accepted_and_failures_skipped(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\xff\xff\xff")
    results = list(govreport.parse_many([EXAMPLES / "demo_report.txt", tmp_path / "bad.txt"]))
    frame = govreport.metrics_frame(results)
    assert set(frame["report"]) == {str(EXAMPLES / "demo_report.txt")}


def test_indicators_in_long_form(reports):
    frame = govreport.indicators_frame(reports)
    plan = reports["demo_plan.txt"]
    assert len(frame) == sum(len(i.values) for i in plan.indicators) == 18
    assert set(frame["report"]) == {"demo_plan.txt"}
    energy = frame[(frame["number"] == 6) & (frame["year"] == 2030)].iloc[0]
    assert pd.isna(energy["value"]) and energy["flags"] == "five_year_cumulative text"
    assert frame[(frame["number"] == 1) & (frame["year"] == 2025)]["value"].item() == 5.4


def test_an_empty_selection_still_has_the_columns():
    frame = govreport.metrics_frame([])
    assert frame.empty and list(frame.columns) == list(govreport.frames.METRIC_COLUMNS)
    assert list(govreport.indicators_frame([]).columns) == list(govreport.frames.INDICATOR_COLUMNS)


def test_a_wrong_item_is_a_type_error():
    with pytest.raises(TypeError, match="got str"):
        govreport.metrics_frame(["report.txt"])


def test_without_pandas_the_error_says_how_to_install_it():
    code = ("import sys; sys.modules['pandas'] = None\n"
            "import govreport\n"
            "try:\n govreport.metrics_frame([])\n"
            "except ImportError as e:\n print(e)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert 'pip install "govreport[pandas]"' in out
