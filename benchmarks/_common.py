"""Helpers shared by the benchmark scripts: where the inputs are, timing, reporting.

Not part of the package and not a test: the scripts in this directory import it as a
sibling module (``python benchmarks/bench_parse.py`` puts ``benchmarks/`` on ``sys.path``).
Throughput is always in MB/s of input, 1 MB = 10⁶ bytes.
"""
from __future__ import annotations

import pathlib
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
WILD = SHARED / "wild"
DEMO = REPO / "examples" / "demo_report.txt"

T = TypeVar("T")


def use_source_tree() -> None:
    """Import ``govreport`` from this checkout's ``src/`` rather than any installed copy."""
    src = REPO / "src"
    if (src / "govreport").is_dir() and str(src) not in sys.path:
        sys.path.insert(0, str(src))


def text_files(paths: Iterable[pathlib.Path | str]) -> list[pathlib.Path]:
    """The ``*.txt`` files of each directory in ``paths`` (sorted) and each file itself;
    paths that do not exist are left out."""
    files: list[pathlib.Path] = []
    for p in paths:
        path = pathlib.Path(p)
        if path.is_dir():
            files.extend(sorted(path.glob("*.txt")))
        elif path.is_file():
            files.append(path)
    return files


def read_text(path: pathlib.Path) -> str:
    """A text file decoded the way the parser decodes it (UTF-8, BOM, GB18030)."""
    from govreport.decode import decode

    return decode(path.read_bytes())


def megabytes(text: str | bytes) -> float:
    """Size in MB: of the UTF-8 encoding for text, of the bytes themselves for bytes."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return len(data) / 1e6


def best_of(fn: Callable[[], T], repeat: int) -> tuple[float, T]:
    """The best wall-clock time of ``repeat`` calls of ``fn`` and the result of the last."""
    best = float("inf")
    result: T
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def best_total(fns: Sequence[Callable[[], object]], repeat: int) -> float:
    """The sum over ``fns`` of each one's best time: per-item bests, as noise is per item."""
    return sum(best_of(fn, repeat)[0] for fn in fns)


def print_table(head: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int], left: int = 1) -> None:
    """Print a table: the first ``left`` columns left-aligned, the others right-aligned."""
    def line(cells: Sequence[str]) -> str:
        return " ".join(f"{c:<{w}}" if i < left else f"{c:>{w}}" for i, (c, w) in enumerate(zip(cells, widths)))

    title = line(head)
    print(title)
    print("-" * len(title))
    for row in rows:
        print(line(row))
