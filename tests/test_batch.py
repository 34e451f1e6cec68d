"""Batch parsing: find_files, parse_many on any executor, and ``govreport batch``."""
from __future__ import annotations

import codecs
import concurrent.futures as cf
import importlib.util
import io
import json
import os
import pathlib
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govreport
from govreport import BatchResult, find_files, parse_many
from helpers import SHARED, stderr_on_a_terminal

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
    seen = stderr_on_a_terminal("batch", str(corpus), "-o", str(tmp_path / "o.jsonl"), "-j", "1")
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


# -- the bounded window and render_many ------------------------------------------------

class Lazy(cf.Executor):
    """An executor that runs a job only when its result is asked for, and counts the
    futures in flight (submitted, neither collected nor cancelled)."""

    def __init__(self) -> None:
        self.futures: list[cf.Future] = []
        self.most = 0

    def in_flight(self) -> int:
        return sum(1 for f in self.futures if not f.done())

    def submit(self, fn, /, *args, **kwargs):
        class Deferred(cf.Future):
            def result(self, timeout=None):
                if not self.done():
                    try:
                        self.set_result(fn(*args, **kwargs))
                    except Exception as exc:  # noqa: BLE001 - handed to the caller
                        self.set_exception(exc)
                return super().result(timeout)

        future = Deferred()
        self.futures.append(future)
        self.most = max(self.most, self.in_flight())
        return future


def _names(name: str, report: govreport.Report) -> str:
    return f"{pathlib.Path(name).name}:{report.meta.kind.value}"


@settings(max_examples=40, deadline=None)
@given(n=st.integers(0, 30), window=st.integers(1, 8), stop=st.integers(0, 30))
def test_at_most_window_futures_are_in_flight_and_results_come_in_order(n, window, stop):
    from govreport.batch import _in_order

    lazy = Lazy()
    seen = []
    results = _in_order(lazy, lambda i: i * i, ((i,) for i in range(n)), window)
    for (i,), future in results:
        assert lazy.in_flight() <= window
        seen.append(future.result())
        if len(seen) == stop:
            results.close()  # the consumer stops early: what is still pending is cancelled
            break
    expected = [i * i for i in range(n)]
    assert seen == (expected[:stop] if stop else expected)
    assert lazy.most <= window and lazy.in_flight() == 0
    assert len(lazy.futures) <= min(n, len(seen) + window)  # never submitted far ahead


def test_parse_many_and_render_many_keep_a_bounded_window_over_a_long_corpus(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    paths = [tmp_path / "a.txt"] * 50
    lazy = Lazy()
    assert all(r.ok for r in parse_many(iter(paths), executor=lazy, window=3, metrics=False))
    assert len(lazy.futures) == 50 and lazy.most == 3
    lazy = Lazy()
    out = [r.output for r in govreport.batch.render_many(paths, _names, executor=lazy, metrics=False)]
    assert out == ["a.txt:other"] * 50 and lazy.most == govreport.batch.default_window(lazy) == 4 * (os.cpu_count() or 1)


def test_the_default_window_is_four_per_worker():
    with cf.ThreadPoolExecutor(3) as pool:
        assert govreport.batch.default_window(pool) == 12
    assert govreport.batch.default_window(None) == 4 * (os.cpu_count() or 1)


def test_render_many_sends_back_what_render_returns_and_names_failures(corpus):
    from govreport.batch import Input, render_many

    sources = [*find_files([corpus]), Input("stdin", GOOD.encode("gb18030"))]
    with cf.ProcessPoolExecutor(2) as pool:
        results = list(render_many(sources, _names, executor=pool))
    assert [r.output for r in results] == ["a.txt:other", "b.md:other", None, "stdin:other"]
    bad = results[2]
    assert not bad.ok and bad.error.startswith("DecodeError: ") and bad.message.startswith("input is not UTF-8")
    assert bad.size == len(CORRUPT) and results[3].size == len(GOOD.encode("gb18030"))


def test_render_many_keeps_every_problem_of_a_strict_failure(tmp_path):
    from govreport.batch import render_many

    (tmp_path / "gap.txt").write_text("一、甲\n三、丙\n五、戊\n", encoding="utf-8")
    result, = render_many([tmp_path / "gap.txt"], _names, strict=True)
    assert result.error.startswith("ParseError: 2 problem(s)")
    assert result.message.count("ordinal-gap") == 2


def test_a_render_that_raises_is_a_failed_result(tmp_path):
    from govreport.batch import render_many

    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result, = render_many([tmp_path / "a.txt"], _explode)
    assert result.error == "KeyError: 'nothing'" and result.output is None


def _explode(name: str, report: govreport.Report) -> str:
    return {}["nothing"]


def test_scan_names_what_a_directory_walk_skips_and_what_names_nothing(corpus):
    found = govreport.batch.scan([corpus, corpus / "nothing*.txt"])
    assert [p.name for p in found.files] == ["a.txt", "b.md", "c.txt"]
    assert [p.name for p in found.skipped] == ["notes.csv"]  # hidden files are neither
    assert found.missing == (str(corpus / "nothing*.txt"),)
    assert govreport.batch.scan([corpus / "sub" / "notes.csv", corpus]).skipped == ()  # named: read


# -- the batch formats -----------------------------------------------------------------------

PLAN = "第一章 目标\n序号\t指标\t2025年\t2030年\t属性\n1\t城镇新增就业（万人）\t30\t30以上\t预期性\n"


@pytest.fixture
def two(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(PLAN, encoding="utf-8")
    return tmp_path


def test_batch_json_is_one_array_of_the_jsonl_records(two):
    cli(str(two / "in"), "-o", str(two / "r.jsonl"), "-j", "2")
    cli(str(two / "in"), "-o", str(two / "r.json"), "--format", "json", "-j", "2")
    lines = [json.loads(line) for line in (two / "r.jsonl").read_text(encoding="utf-8").splitlines()]
    array = json.loads((two / "r.json").read_text(encoding="utf-8"))
    assert array == lines and [pathlib.Path(r["path"]).name for r in array] == ["a.txt", "b.txt"]
    (two / "none").mkdir()
    (two / "none" / "bad.txt").write_bytes(CORRUPT)
    assert cli(str(two / "none"), "-o", str(two / "e.json"), "--format", "json").returncode == 1
    assert json.loads((two / "e.json").read_text(encoding="utf-8")) == []


def test_batch_no_text_is_smaller_and_otherwise_the_same(two):
    cli(str(two / "in"), "-o", str(two / "full.jsonl"))
    done = cli(str(two / "in"), "-o", str(two / "lean.jsonl"), "--no-text")
    assert done.returncode == 0
    full = [json.loads(line) for line in (two / "full.jsonl").read_text(encoding="utf-8").splitlines()]
    lean = [json.loads(line) for line in (two / "lean.jsonl").read_text(encoding="utf-8").splitlines()]
    for f, s in zip(full, lean, strict=True):
        assert "text" not in s["report"] and f["report"].pop("text") and f == s


@pytest.mark.parametrize("fmt, command", [("metrics", "metrics"), ("indicators", "indicators"),
                                          ("targets", "targets")])
def test_batch_tables_are_the_commands_tables(two, fmt, command):
    done = cli(str(two / "in"), "-o", str(two / "t.csv"), "--format", fmt, "-j", "2", "--encoding", "utf-8-sig")
    assert done.returncode == 0 and done.stderr.startswith("govreport batch: 2 files")
    data = (two / "t.csv").read_text(encoding="utf-8-sig")
    same = subprocess.run([sys.executable, "-m", "govreport", command, str(two / "in"), "-j", "1"],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert data == same.stdout and data.startswith("file,region,report_year,")
    if fmt == "indicators":
        assert "30以上" in data and data.splitlines()[0].endswith(",2030,2030_value,2030_flags")


@pytest.mark.parametrize("fmt", ["jsonl", "json", "metrics", "indicators", "targets"])
def test_batch_writes_every_encoding_to_a_file_and_to_stdout_as_the_utf8_text_encoded(two, fmt):
    # the workers send back bytes in the output's encoding, the main process writes them
    # as they come: the output is the UTF-8 text in that encoding, a BOM only at its start
    cli(str(two / "in"), "-o", str(two / "u.txt"), "--format", fmt, "-j", "1")
    text = (two / "u.txt").read_text(encoding="utf-8")
    assert "总体要求" in text or fmt in ("indicators", "targets")
    cli(str(two / "in"), "-o", str(two / "sig.txt"), "--format", fmt, "-j", "2", "--encoding", "utf-8-sig")
    assert (two / "sig.txt").read_bytes() == codecs.BOM_UTF8 + text.encode("utf-8")
    gb = subprocess.run([sys.executable, "-m", "govreport", "batch", str(two / "in"), "-o", "-", "--format", fmt,
                         "-j", "2", "--encoding", "gb18030"], capture_output=True, timeout=300)
    assert gb.returncode == 0 and gb.stdout == text.encode("gb18030")
    sig = subprocess.run([sys.executable, "-m", "govreport", "batch", str(two / "in"), "-o", "-", "--format", fmt,
                          "-j", "1", "--encoding", "utf-8-sig"], capture_output=True, timeout=300)
    assert sig.stdout == codecs.BOM_UTF8 + text.encode("utf-8")


def test_batch_to_a_stdout_without_bytes_under_it_writes_the_text(two, monkeypatch):
    from govreport.cli import main

    cli(str(two / "in"), "-o", str(two / "u.jsonl"), "-j", "1")
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert main(["batch", str(two / "in"), "-o", "-", "-j", "1", "--encoding", "gb18030"]) == 0
    assert sys.stdout.getvalue() == (two / "u.jsonl").read_text(encoding="utf-8")


@pytest.mark.parametrize("warm", [False, True])
def test_warm_up_leaves_the_first_parse_nothing_to_compile_or_import(warm):
    # what govreport batch does before it forks its workers, so that each does not again
    code = ("import re, sys\nfrom govreport.batch import warm_up, parse_file\n"
            + ("warm_up()\n" if warm else "")
            + "before = len(re._cache), 'cn2an' in sys.modules\nparse_file(sys.argv[1])\n"
            "print(len(re._cache) - before[0], before[1])\n")
    done = subprocess.run([sys.executable, "-c", code, str(EXAMPLES / "demo_report.txt")], capture_output=True,
                          text=True, timeout=120)
    compiled, imported = done.stdout.split()
    if warm:
        assert (compiled, imported) == ("0", "True")
    else:
        assert int(compiled) > 0 and imported == "False"


@pytest.mark.skipif(not hasattr(os, "nice"), reason="this system has no process priorities (os.nice)")
def test_batch_workers_start_one_step_below_the_writer():
    """The pool's workers run one nice step below the process that writes their results."""
    from govreport.cli import _yield_to_writer

    with cf.ProcessPoolExecutor(1, initializer=_yield_to_writer) as pool:
        assert pool.submit(os.nice, 0).result() == os.nice(0) + 1
