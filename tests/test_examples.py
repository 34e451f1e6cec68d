"""The scripts in examples/ run against the bundled demo inputs, so they cannot rot."""
from __future__ import annotations

import csv
import io
import os
import pathlib
import subprocess
import sys

import pytest

import govreport

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"


def run(script: str, *args: str) -> str:
    done = subprocess.run([sys.executable, str(EXAMPLES / script), *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    assert not done.stderr
    return done.stdout


def test_every_script_is_tested():
    scripts = {p.name for p in EXAMPLES.glob("*.py") if not p.name.startswith("_")}  # _script.py is their helper
    assert scripts == {"outline.py", "metrics_to_csv.py", "indicators_to_csv.py", "compare_years.py",
                       "metrics_to_parquet.py"}


def test_outline_lists_every_section_of_the_demo_with_its_metric_count():
    report = govreport.parse_file(EXAMPLES / "demo_report.txt")
    out = run("outline.py").splitlines()
    assert out[0].startswith(f"{report.meta.title} (work_report, 青禾市, 2026)")
    assert len([line for line in out[1:] if "metrics)" in line]) == len(report.sections)
    top = report.sections[0]
    total = sum(1 for path, _ in report.located_metrics() if path and path[0] is top)
    assert out[1] == f"{top.marker} {top.title}  ({total} metrics)"
    assert any(line.strip().startswith("[专栏1]") for line in out)


def test_outline_takes_another_report(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("一、总体要求\n全年粮食产量稳定在100万吨以上。\n二、主要任务\n", encoding="utf-8")
    out = run("outline.py", str(path)).splitlines()
    assert out[1:] == ["一、 总体要求  (1 metrics)", "二、 主要任务  (0 metrics)"]


def test_metrics_to_csv_writes_one_row_per_metric(tmp_path):
    report = govreport.parse_file(EXAMPLES / "demo_report.txt")
    target = tmp_path / "m.csv"
    assert run("metrics_to_csv.py", "-o", str(target)) == ""
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == len(report.metrics) > 20
    gdp = next(r for r in rows if r["text"] == "1862.4亿元")
    assert (gdp["base_value"], gdp["base_unit"]) == ("186240000000", "元")
    assert any(r["target"] == "yes" and r["qualifier"] == "approx" for r in rows)


def test_indicators_to_csv_reads_the_demo_plan():
    rows = list(csv.DictReader(io.StringIO(run("indicators_to_csv.py"))))
    assert [r["indicator"] for r in rows][:2] == ["地区生产总值增长", "常住人口城镇化率"]
    assert len(rows) == 9
    energy = next(r for r in rows if r["indicator"].startswith("单位地区生产总值能源消耗"))
    assert (energy["attribute"], energy["2025"], energy["2025_flags"]) == ("约束性", "13.5", "five_year_cumulative")
    assert energy["2030"] == "" and "text" in energy["2030_flags"]


def test_compare_years_sets_targets_against_the_next_outcomes_by_key():
    lines = run("compare_years.py").splitlines()
    assert lines[0].split() == ["indicator", "2025", "target", "2025", "outcome", "status", "difference",
                                "2026", "target"]
    gdp = next(line for line in lines if line.startswith("gdp_growth "))
    assert gdp.split()[1:] == ["5.5%左右", "5.3％左右", "(est.)", "met", "-0.2", "pp", "5%左右"]
    energy = next(line for line in lines if line.startswith("energy_intensity "))
    assert "not_reported" in energy.split()


@pytest.mark.parametrize("name", ["demo_report.txt", "demo_report_2025.txt", "demo_plan.txt"])
def test_demo_inputs_parse_without_warnings(name):
    report = govreport.parse_file(EXAMPLES / name, strict=True)
    assert report.meta.region == "青禾市"
    assert report.sections and report.metrics


@pytest.mark.slow
def test_metrics_to_parquet_writes_the_metrics_table_of_a_corpus(tmp_path):
    for module in ("dask.bag", "dask.dataframe", "pyarrow"):
        pytest.importorskip(module, reason=f'needs {module}: pip install "govreport[dask,parquet]"')
    import pandas as pd

    from govreport.serialize.metrics import TABLE_COLUMNS

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("demo_report_2025.txt", "demo_report.txt", "demo_plan.txt"):
        (corpus / name).write_bytes((EXAMPLES / name).read_bytes())
    target = tmp_path / "metrics.parquet"
    assert run("metrics_to_parquet.py", str(corpus), "-o", str(target), "-j", "2") == f"3 files -> {target}\n"
    frame = pd.read_parquet(target)
    assert list(frame.columns) == list(TABLE_COLUMNS)
    expected = list(csv.DictReader(io.StringIO(subprocess.run(
        [sys.executable, "-m", "govreport", "metrics", str(corpus), "-j", "1"], capture_output=True, text=True,
        encoding="utf-8", check=True).stdout)))
    assert len(frame) == len(expected) > 100
    assert list(frame["file"]) == [r["file"] for r in expected]  # in input order, partition after partition
    gdp = frame[(frame["key"] == "gdp_growth") & frame["target"]]
    assert set(gdp["report_year"]) == {2025, 2026} and frame["base_value"].dtype == "float64"


@pytest.mark.parametrize("script", [
    pytest.param(p.name, marks=pytest.mark.slow) if p.name == "metrics_to_parquet.py" else p.name  # starts Dask
    for p in sorted(EXAMPLES.glob("*.py")) if not p.name.startswith("_")
])
def test_a_closed_output_pipe_is_not_a_traceback(script, tmp_path):
    # Like `python examples/outline.py | head -1`, with a reader that has already gone
    # (made explicitly: head may read all of a short output before it exits).
    if script == "metrics_to_parquet.py":
        for module in ("dask.bag", "dask.dataframe", "pyarrow"):
            pytest.importorskip(module, reason=f'needs {module}: pip install "govreport[dask,parquet]"')
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:  # in a scratch directory: a script may write a file beside its output (metrics.parquet)
        done = subprocess.run([sys.executable, str(EXAMPLES / script)], stdout=write_end,
                              stderr=subprocess.PIPE, timeout=120, cwd=tmp_path)
    finally:
        os.close(write_end)
    assert done.stderr.decode("utf-8", "replace") == "" and done.returncode == 1
