"""Metric extraction throughput on the seed documents, beside jionlp and cn2an.

    python benchmarks/bench_metrics.py [DIR_OR_FILES ...] [--repeat N]

Reads every ``*.txt`` of the seed directory (``../shared/seeds`` by default), joins them
into one text and times, best of ``--repeat`` runs:

- ``govreport.extract_metrics`` on the whole text, and once per paragraph (offsets into
  the whole text, the way the parser calls it);
- ``jionlp.extract_money`` (money amounts only) on the same text;
- ``cn2an.transform(text, "cn2an")`` (rewrites Chinese numerals in the text; no units;
  "items" counts the numbers in the rewritten text).

jionlp and cn2an's transform are imported lazily: jionlp is not a dependency of govreport
(``pip install jionlp`` to include it); a missing tool is reported, not fatal.
Throughput is in MB/s of UTF-8 input (1 MB = 10⁶ bytes).
"""
from __future__ import annotations

import argparse
import importlib
import re
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import Any

from _common import SEEDS, best_of, megabytes, print_table, read_text, text_files, use_source_tree

use_source_tree()


def _load(paths: Sequence[str]) -> str:
    files = text_files(paths or [SEEDS])
    if not files:
        sys.exit(f"no .txt files found in {paths or [SEEDS]}")
    return "\n\n".join(read_text(f) for f in files)


def _jionlp_extract_money() -> Callable[[str], Any] | str:
    try:
        jio = importlib.import_module("jionlp")
    except ImportError:
        return "not installed (pip install jionlp)"
    fn = getattr(jio, "extract_money", None) or getattr(getattr(jio, "ner", None), "extract_money", None)
    return fn if callable(fn) else "jionlp has no extract_money"


def _cn2an_transform() -> Callable[[str], int] | str:
    try:
        cn2an = importlib.import_module("cn2an")
    except ImportError:
        return "not installed"
    def transform(text: str) -> int:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # cn2an warns on every term it cannot read (十四五 …)
            out: str = cn2an.transform(text, "cn2an")
        return len(re.findall(r"\d+(?:\.\d+)?", out))  # numbers in the rewritten text

    return transform


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", help="directories of .txt files or files (default: the seeds)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per tool; the best is reported")
    args = ap.parse_args(argv)

    from govreport.metrics import extract_metrics

    text = _load(args.paths)
    size = megabytes(text)
    paragraphs = [m.span() for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)]

    rows: list[tuple[str, str, float | None, int | None]] = []

    def run(name: str, what: str, fn: Callable[[], int], repeat: int) -> None:
        seconds, count = best_of(fn, repeat)
        rows.append((name, what, seconds, count))

    run("govreport.extract_metrics", "metrics, whole text", lambda: len(extract_metrics(text)), args.repeat)
    run(
        "govreport.extract_metrics",
        f"metrics, per paragraph ({len(paragraphs)})",
        lambda: sum(len(extract_metrics(text, s, e)) for s, e in paragraphs),
        args.repeat,
    )
    money = _jionlp_extract_money()
    if callable(money):
        run("jionlp.extract_money", "money amounts", lambda: len(money(text)), max(1, min(args.repeat, 3)))
    else:
        rows.append(("jionlp.extract_money", money, None, None))
    transform = _cn2an_transform()
    if callable(transform):
        run("cn2an.transform", "numeral rewrite (numbers after)", lambda: transform(text), max(1, min(args.repeat, 3)))
    else:
        rows.append(("cn2an.transform", transform, None, None))

    print(f"input: {size:.3f} MB UTF-8, {len(text):,} characters, best of {args.repeat} runs")
    print()
    print_table(
        ("tool", "what", "seconds", "MB/s", "items"),
        [(name, what, "—", "—", "—") if seconds is None else
         (name, what, f"{seconds:.3f}", f"{size / seconds:.2f}", str(count))
         for name, what, seconds, count in rows],
        (28, 34, 9, 9, 7),
        left=2,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
