"""Batch parsing: find_files, parse_many on any executor, and ``govreport batch``."""
from __future__ import annotations

import concurrent.futures as cf
import importlib.util
import json
import os
import pathlib
import pty
import subprocess
import sys

import pytest

import govreport
from govreport import BatchResult, find_files, parse_many
from helpers import SHARED

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"
GOOD = "一、总体要求\n全年地区生产总值增长5%左右。\n二、主要任务\n新建学校10所。\n"
CORRUPT = b"\xff\xff\x00garbage\x81" * 10  # neither UTF-8 nor GB18030 (FF FE would be a UTF-16 BOM)


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.md").write_text(GOOD.replace("5%", "6%"), encoding="gb18030")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c.txt").write_bytes(CORRUPT)
    (sub / "notes.csv").write_text("not,a,report\n", encoding="utf-8")
    hidden = tmp_path / ".cache"
    hidden.mkdir()
    (hidden / "d.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def test_find_files_walks_directories_for_report_suffixes(corpus):
    assert [p.relative_to(corpus).as_posix() for p in find_files([corpus])] == ["a.txt", "b.md", "sub/c.txt"]


def test_find_files_takes_files_and_globs_without_duplicates(corpus):
    found = find_files([corpus / "sub" / "notes.csv", str(corpus / "*.txt"), corpus / "a.txt"])
    assert [p.name for p in found] == ["notes.csv", "a.txt"]


def test_find_files_names_a_target_that_matches_nothing(tmp_path):
    with pytest.raises(FileNotFoundError, match="nothing-here"):
        find_files([tmp_path / "nothing-here*.txt"])


def test_parse_many_keeps_input_order_and_reports_the_corrupt_file(corpus):
    paths = find_files([corpus])
    results = list(parse_many(paths))
    assert [pathlib.Path(r.path).name for r in results] == ["a.txt", "b.md", "c.txt"]
    assert [r.ok for r in results] == [True, True, False]
    bad = results[2]
    assert bad.report is None and bad.error.startswith("DecodeError: ") and "offset 0" in bad.error
    assert bad.size == len(CORRUPT)
    assert [m.text for m in results[1].report.metrics][0] == "6%左右"


def test_parse_many_reports_a_missing_file_and_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    results = list(parse_many([tmp_path / "gone.txt", tmp_path / "a.txt"]))
    assert results[0].error.startswith("FileNotFoundError") and results[0].size == 0
    assert results[1].ok


def test_strict_failure_is_a_per_file_error(tmp_path):
    (tmp_path / "gap.txt").write_text("一、甲\n三、丙\n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    lenient, = parse_many([tmp_path / "gap.txt"])
    strict = list(parse_many([tmp_path / "gap.txt", tmp_path / "ok.txt"], strict=True))
    assert lenient.ok
    assert strict[0].error.startswith("ParseError") and strict[1].ok


@pytest.mark.parametrize("make", [lambda: cf.ThreadPoolExecutor(2), lambda: cf.ProcessPoolExecutor(2)],
                         ids=["threads", "processes"])
def test_any_executor_gives_the_same_reports_as_sequential(corpus, make):
    paths = find_files([corpus, EXAMPLES / "demo_report.txt"])
    expected = list(parse_many(paths))
    with make() as executor:
        got = list(parse_many(paths, executor=executor, metrics=True))
    assert [(r.path, r.report, r.error) for r in got] == [(r.path, r.report, r.error) for r in expected]


@pytest.mark.slow
def test_parse_many_on_a_local_dask_cluster(corpus):
    distributed = pytest.importorskip("distributed", reason='needs the dask extra: pip install "govreport[dask]"')
    paths = find_files([corpus, EXAMPLES / "demo_plan.txt"])
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        results = list(parse_many(paths, executor=client.get_executor()))
    assert [r.ok for r in results] == [True, True, False, True]
    assert results[3].report == govreport.parse_file(EXAMPLES / "demo_plan.txt")
    assert len(results[3].report.indicators) == 9


def test_a_worker_that_dies_is_a_failed_result_not_a_crash(tmp_path):
    class Broken(cf.Executor):
        def submit(self, fn, /, *args, **kwargs):
            future: cf.Future[BatchResult] = cf.Future()
            future.set_exception(RuntimeError("worker lost"))
            return future

    result, = parse_many([tmp_path / "x.txt"], executor=Broken())
    assert result.error == "RuntimeError: worker lost" and not result.ok


# -- the command ---------------------------------------------------------------

def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "govreport", "batch", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=300)


def test_batch_writes_a_json_line_per_good_file_and_names_the_bad_one(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    done = cli(str(corpus), "-o", str(out), "-j", "2")
    assert done.returncode == 1
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [pathlib.Path(d["path"]).name for d in lines] == ["a.txt", "b.md"]
    report = govreport.Report.from_dict(lines[0]["report"])
    assert report == govreport.parse_file(corpus / "a.txt")
    errors = done.stderr.splitlines()
    assert errors[0].startswith(f"govreport: {corpus / 'sub' / 'c.txt'}: DecodeError")
    assert errors[-1].startswith("govreport batch: 3 files, 0.00 MB in ") and errors[-1].endswith(", 1 failed")
    assert "Traceback" not in done.stderr and "\r" not in done.stderr  # no progress bar off a terminal


def test_batch_of_good_files_exits_0_and_can_write_to_stdout(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    done = cli(str(tmp_path / "*.txt"), "-o", "-", "-j", "1", "--no-metrics")
    assert done.returncode == 0, done.stderr
    line, = done.stdout.splitlines()
    assert json.loads(line)["report"]["body"][0]["title"] == "总体要求"
    assert done.stderr.rstrip().endswith("0 failed")


@pytest.mark.parametrize("args", [["nothing/here"], ["--jobs", "0", "."], []])
def test_batch_bad_usage_exits_2_with_one_line(tmp_path, args):
    done = cli(*args, "-o", str(tmp_path / "o.jsonl"))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and done.stderr.strip()


def test_batch_shows_a_progress_bar_on_a_terminal(corpus, tmp_path):
    controller, terminal = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "govreport", "batch", str(corpus), "-o",
                             str(tmp_path / "o.jsonl"), "-j", "1"], stderr=terminal, stdout=subprocess.DEVNULL)
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=120)
    os.close(controller)
    seen = b"".join(chunks).decode("utf-8")
    assert "[" + "#" * 30 + "] 3/3 files" in seen
    assert seen.rstrip().endswith("1 failed")


@pytest.mark.slow
@pytest.mark.seeds
def test_batch_over_the_shared_seeds_and_wild_files(tmp_path):
    if not SHARED.is_dir():
        pytest.skip("../shared is absent")
    out = tmp_path / "out.jsonl"
    done = cli(str(SHARED / "seeds"), str(SHARED / "wild"), "-o", str(out))
    found = find_files([SHARED / "seeds", SHARED / "wild"])
    expected = found
    if importlib.util.find_spec("pypdfium2") is None:  # without the pdf extra each PDF fails, naming it
        pdfs = [p for p in found if str(p).endswith(".pdf")]
        assert done.stderr.count('pip install "govreport[pdf]"') == len(pdfs) and f"{len(pdfs)} failed" in done.stderr
        expected = [p for p in found if p not in pdfs]
    else:
        assert done.returncode == 0, done.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(expected) >= 11
    assert all(json.loads(line)["report"]["schema"] == "govreport/1" for line in lines)
    assert f"govreport batch: {len(found)} files" in done.stderr
