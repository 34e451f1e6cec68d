"""govreport's full parse beside the tools people use today, on the same texts in one run.

    python benchmarks/bench_peers.py [--repeat N]

For each corpus — the ``*.txt`` of ``../shared/seeds`` and of ``../shared/wild`` — every
document is given, one at a time, to:

- ``govreport.parse`` (the whole job: outline, tables, every metric, years, targets);
- ``jionlp.ner.extract_money`` (money amounts only; ``pip install jionlp`` to include it);
- ``cn2an.transform(text, "cn2an")`` (rewrites Chinese numerals; no units, no structure).

Each figure is the sum over the documents of each document's best of ``--repeat`` runs
(default 5), the three tools interleaved document by document so that a busy machine slows
all three alike. Throughput is in MB/s of UTF-8 input (1 MB = 10⁶ bytes); the last column
is govreport's throughput divided by the peer's (above 1: govreport is faster). A peer that
is not installed is reported, not fatal; a corpus that is absent is skipped with a message.
"""
from __future__ import annotations

import argparse
import importlib
import io
import sys
import warnings
from collections.abc import Callable, Sequence
from contextlib import redirect_stdout
from typing import Any

from _common import SEEDS, WILD, best_of, megabytes, print_table, read_text, text_files, use_source_tree

use_source_tree()

import govreport  # noqa: E402


def _jionlp() -> Callable[[str], Any] | str:
    """``jionlp.ner.extract_money``, or why it is not there (jionlp prints a banner on import)."""
    try:
        with redirect_stdout(io.StringIO()):
            jio = importlib.import_module("jionlp")
    except ImportError:
        return "not installed (pip install jionlp)"
    fn = getattr(getattr(jio, "ner", None), "extract_money", None) or getattr(jio, "extract_money", None)
    return fn if callable(fn) else "jionlp has no extract_money"


def _cn2an() -> Callable[[str], Any]:
    import cn2an

    def transform(text: str) -> Any:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # cn2an warns on every term it cannot read (十四五 …)
            return cn2an.transform(text, "cn2an")

    return transform


def measure(texts: Sequence[str], tools: dict[str, Callable[[str], Any]], repeat: int) -> dict[str, float]:
    """Seconds per tool over ``texts``: per document, each tool's best of ``repeat``, summed."""
    totals = dict.fromkeys(tools, 0.0)
    for text in texts:
        for name, fn in tools.items():
            fn(text)  # warm: jionlp loads its dictionaries on the first call
            totals[name] += best_of(lambda: fn(text), repeat)[0]
    return totals


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5, help="runs per document and tool; the best is kept")
    args = ap.parse_args(argv)

    tools: dict[str, Callable[[str], Any]] = {"govreport.parse": govreport.parse}
    jio = _jionlp()
    if isinstance(jio, str):
        print(f"jionlp.ner.extract_money: {jio}")
    else:
        tools["jionlp.ner.extract_money"] = jio
    tools["cn2an.transform"] = _cn2an()

    rows: list[list[str]] = []
    for corpus, folder in (("seeds", SEEDS), ("wild", WILD)):
        files = text_files([folder])
        if not files:
            print(f"{corpus}: no .txt files in {folder}, skipped")
            continue
        texts = [read_text(f) for f in files]
        size = sum(megabytes(t) for t in texts)
        seconds = measure(texts, tools, args.repeat)
        ours = size / seconds["govreport.parse"]
        for name, secs in seconds.items():
            speed = size / secs
            ratio = "" if name == "govreport.parse" else f"{ours / speed:.2f}x"
            rows.append([corpus, name, str(len(texts)), f"{size:.3f}", f"{secs:.3f}", f"{speed:.2f}", ratio])

    print(f"same texts, one run, best of {args.repeat} per document, MB = 10^6 bytes\n")
    print_table(["corpus", "tool", "docs", "MB", "seconds", "MB/s", "govreport/peer"], rows,
                [7, 26, 5, 7, 8, 7, 15], left=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
