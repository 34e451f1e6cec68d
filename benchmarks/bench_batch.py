"""Throughput and memory of ``govreport batch`` against the single-process parse speed.

    python benchmarks/bench_batch.py [--mb 5 20] [--jobs 2] [--repeat 3] [--formats jsonl metrics]

Run it from a checkout (``govreport`` is imported from ``src/`` when it is not installed).
It builds its corpus itself, in a temporary directory: the ``*.txt`` files of
``../shared/seeds`` and ``../shared/wild`` and the ``*.txt``/``*.md`` plans of
``../shared/wild/plans``, copied in turn under numbered names until the corpus reaches each
size of ``--mb`` (MB = 10⁶ bytes). Without ``../shared`` it says so and does nothing.
It prints:

1. ``parse``: the in-process speed of ``govreport.parse_bytes`` over the first corpus, every
   file parsed once per round after one warm-up parse (the range over ``--repeat`` rounds).
2. One row per corpus size, format and ``-j`` (1 and ``--jobs``): ``govreport batch DIR -o
   FILE -j J --format F`` run as a command, ``--repeat`` times. Columns: the range of its
   wall-clock seconds and MB/s; for ``-j N`` the ratio of its MB/s to N times the
   in-process parse speed (issue 16 asks for 0.80 at ``-j 2``); the CPU seconds of the run,
   every process counted (the best run's); and the largest resident set of any of its
   processes in MB, which should not grow with the corpus.

The machine's other load moves wall-clock figures by a third: quote ranges, and read the
CPU seconds, which move less.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence

from _common import REPO, SEEDS, SHARED, WILD, print_table, use_source_tree

use_source_tree()

import govreport  # noqa: E402


def sources() -> list[pathlib.Path]:
    """The shared texts the corpus repeats: seeds, wild texts and wild plans, in order."""
    plans = WILD / "plans"
    found = sorted(SEEDS.glob("*.txt")) + sorted(WILD.glob("*.txt"))
    found += sorted(p for p in plans.glob("*") if p.suffix in (".txt", ".md"))
    return found


def build_corpus(folder: pathlib.Path, files: Sequence[pathlib.Path], mb: float) -> int:
    """Copy ``files`` in turn into ``folder`` until they add up to ``mb``; the bytes copied."""
    folder.mkdir(parents=True, exist_ok=True)
    size = i = 0
    while size < mb * 1e6:
        source = files[i % len(files)]
        shutil.copyfile(source, folder / f"{i:05d}_{source.name}")
        size += source.stat().st_size
        i += 1
    return size


def parse_speeds(folder: pathlib.Path, repeat: int) -> list[float]:
    """MB/s of ``parse_bytes`` over every file of ``folder``, once per round."""
    datas = [p.read_bytes() for p in sorted(folder.iterdir())]
    govreport.parse_bytes(datas[0])  # the first parse imports and compiles what it needs
    speeds = []
    for _ in range(repeat):
        started = time.perf_counter()
        for data in datas:
            govreport.parse_bytes(data)
        speeds.append(sum(map(len, datas)) / 1e6 / (time.perf_counter() - started))
    return speeds


def run_batch(folder: pathlib.Path, out: pathlib.Path, jobs: int, fmt: str) -> tuple[float, float, float]:
    """Run ``govreport batch`` once: its wall-clock seconds, CPU seconds (the command and its
    workers) and the largest resident set of any of its processes, in MB."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO / "src"), os.environ.get("PYTHONPATH")])))
    command = [sys.executable, "-m", "govreport", "batch", str(folder), "-o", str(out), "-j", str(jobs),
               "--format", fmt]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{errors.decode(errors='replace')}")
    # the usage of a waited-for process includes that of the workers it waited for; ru_maxrss
    # is the largest of theirs, in kilobytes on Linux
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def span(values: Sequence[float], digits: int = 2) -> str:
    """``low-high`` of ``values`` (one value when they agree to ``digits``)."""
    low, high = f"{min(values):.{digits}f}", f"{max(values):.{digits}f}"
    return low if low == high else f"{low}-{high}"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, nargs="+", default=[5.0, 20.0], help="corpus sizes in MB (default 5 20)")
    ap.add_argument("--jobs", type=int, default=2, help="the -j to compare with -j 1 (default 2)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each command (default 3)")
    ap.add_argument("--formats", nargs="+", default=["jsonl", "metrics"], help="batch formats (default jsonl metrics)")
    args = ap.parse_args(argv)
    files = sources()
    if not SHARED.is_dir() or not files:
        print(f"bench_batch: skipped, no shared texts at {SHARED}")
        return 0
    with tempfile.TemporaryDirectory(prefix="govreport-bench-batch-") as tmp:
        root = pathlib.Path(tmp)
        corpora = [(mb, root / f"corpus{i}", build_corpus(root / f"corpus{i}", files, mb)) for i, mb in enumerate(args.mb)]
        speeds = parse_speeds(corpora[0][1], args.repeat)
        print(f"parse (in process, {corpora[0][2] / 1e6:.2f} MB): {span(speeds)} MB/s; "
              f"the bar for -j {args.jobs}: 0.80 x {args.jobs} x {max(speeds):.2f} = "
              f"{0.8 * args.jobs * max(speeds):.2f} MB/s\n")
        rows = []
        for mb, folder, size in corpora:
            for fmt in args.formats:
                for jobs in sorted({1, args.jobs}):
                    runs = [run_batch(folder, root / "out", jobs, fmt) for _ in range(args.repeat)]
                    walls = [r[0] for r in runs]
                    rates = [size / 1e6 / w for w in walls]
                    ratio = span([r / (jobs * s) for r in rates for s in (min(speeds), max(speeds))]) if jobs > 1 else ""
                    best = min(runs)
                    rows.append([f"{size / 1e6:.1f}", fmt, str(jobs), span(walls), span(rates), ratio,
                                 f"{best[1]:.2f}", f"{max(r[2] for r in runs):.0f}"])
                    (root / "out").unlink(missing_ok=True)
        print_table(["MB", "format", "-j", "seconds", "MB/s", "of N x parse", "CPU s", "max RSS MB"], rows,
                    [6, 8, 3, 12, 12, 13, 7, 11], left=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
