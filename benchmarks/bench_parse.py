"""Throughput and scaling of ``govreport.parse()`` with metrics (the default).

    python benchmarks/bench_parse.py [--repeat N] [--synthetic-mb MB] [--no-synthetic]

Run it from a checkout (``govreport`` is imported from ``src/`` when it is not installed).
Every figure is the best of ``--repeat`` runs (default 5), taken per document and summed;
MB are 10⁶ bytes of UTF-8 input. It prints:

1. A throughput table, one row per corpus, each document parsed as its own report:

   - ``seeds``: the ``*.txt`` files of ``../shared/seeds`` through ``parse()``;
   - ``wild .txt``: the ``*.txt`` files of ``../shared/wild`` through ``parse()``;
   - ``wild raw/``: the HTML and DOCX files of ``../shared/wild/raw`` through
     ``parse_bytes()`` (MB of the file bytes; text extraction included), a row of its own;
   - ``synthetic``: about 20 MB of documents made from ``examples/demo_report.txt``, each
     with its numbers varied (a seeded generator, so runs are comparable).

   Columns: MB/s of ``parse()`` (metrics on), of ``parse(metrics=False)``, and the floor:
   one ``regex.finditer`` pass of a digit pattern over the same texts, every match consumed.
   A corpus whose directory is missing (no ``../shared``) is skipped with a message.

2. Scaling: ``parse()`` of ONE document made of the demo's body repeated as numbered
   chapters (ordinals and 专栏 numbers continue), at 1x, 4x and 16x the size; the times and
   the ratios t4/t1 and t16/t1 (linear is 4 and 16; the target is t16/t1 ≤ 18).
"""
from __future__ import annotations

import argparse
import collections
import functools
import pathlib
import random
import re
import sys
from collections.abc import Callable, Sequence

from _common import DEMO, SEEDS, WILD, best_of, best_total, megabytes, print_table, read_text, text_files, use_source_tree

use_source_tree()

import regex  # noqa: E402  (a dependency of govreport, importable once it is)

import govreport  # noqa: E402
from govreport import parse, parse_bytes  # noqa: E402
from govreport.decode import read_document  # noqa: E402

FLOOR = regex.compile(r"[0-9]+")
"""The floor: the cheapest useful regex pass over a text."""

# An Arabic number that is not part of a marker (1. 2、), an identifier (PM2.5, 5G's
# neighbours) or a 专栏 number; its digits are redrawn in each synthetic document.
_NUMBER = re.compile(r"(?<![0-9A-Za-z.])(?<!栏 )([0-9]+)(\.[0-9]+)?(?![0-9.、])")


def vary_numbers(text: str, rng: random.Random) -> str:
    """``text`` with every quantity's digits redrawn (same number of digits; years kept)."""
    def redraw(m: re.Match[str]) -> str:
        whole, frac = m.group(1), m.group(2) or ""
        if len(whole) == 4 and whole.startswith(("19", "20")):
            return m.group()
        low = 10 ** (len(whole) - 1) if len(whole) > 1 else 1
        new = str(rng.randint(low, 10 ** len(whole) - 1))
        if frac:
            new += "." + "".join(str(rng.randint(0, 9)) for _ in frac[1:])
        return new

    return _NUMBER.sub(redraw, text)


def synthetic_corpus(demo: str, megabytes_wanted: float, seed: int = 7) -> list[str]:
    """Documents made from the demo, numbers varied, until ``megabytes_wanted`` MB."""
    rng = random.Random(seed)
    docs: list[str] = []
    size = 0.0
    while size < megabytes_wanted:
        doc = vary_numbers(demo, rng)
        docs.append(doc)
        size += megabytes(doc)
    return docs


def split_demo(demo: str) -> tuple[str, str, str]:
    """The demo as (front matter, body of parts, closing paragraph)."""
    body_start = demo.index("\n一、") + 1
    closing = demo.rindex("\n各位代表！") + 1
    return demo[:body_start], demo[body_start:closing], demo[closing:]


def scaled_document(demo: str, chapters: int, seed: int = 11) -> str:
    """One report: the demo's front matter, its body repeated as chapters 第1章 … 第N章
    (专栏 numbers continuing, numbers varied), and its closing paragraph."""
    rng = random.Random(seed)
    front, body, closing = split_demo(demo)
    parts = [front]
    box = 0
    for k in range(1, chapters + 1):
        def renumber(m: re.Match[str]) -> str:
            nonlocal box
            box += 1
            return f"专栏 {box}"

        chapter = re.sub(r"专栏 [0-9]+", renumber, vary_numbers(body, rng))
        parts.append(f"第{k}章　专题工作{k}\n\n{chapter}\n")
    parts.append(closing)
    return "".join(parts)


def floor_pass(text: str) -> None:
    """The floor: every match of :data:`FLOOR` in ``text``, consumed and dropped."""
    collections.deque(FLOOR.finditer(text), maxlen=0)


Row = tuple[str, int, float, float, float, float]  # name, docs, MB, parse, no metrics, floor


def measure(name: str, inputs: Sequence[str | bytes], texts: Sequence[str], repeat: int) -> Row:
    """Best-of times of parse (or parse_bytes for bytes) with and without metrics, and the floor."""
    def parser(item: str | bytes, metrics: bool) -> Callable[[], object]:
        fn = parse_bytes if isinstance(item, bytes) else parse
        return functools.partial(fn, item, metrics=metrics)  # type: ignore[arg-type]

    size = sum(megabytes(i) for i in inputs)
    with_metrics = best_total([parser(i, True) for i in inputs], repeat)
    without = best_total([parser(i, False) for i in inputs], repeat)
    floor = best_total([functools.partial(floor_pass, t) for t in texts], repeat)
    return name, len(inputs), size, size / with_metrics, size / without, size / floor


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5, help="runs per document; the best is kept (default 5)")
    ap.add_argument("--synthetic-mb", type=float, default=20.0, help="size of the synthetic corpus (default 20)")
    ap.add_argument("--no-synthetic", action="store_true", help="skip the synthetic corpus")
    args = ap.parse_args(argv)

    demo = DEMO.read_text(encoding="utf-8")
    rows: list[Row] = []
    skipped: list[str] = []

    seeds = text_files([SEEDS]) if SEEDS.is_dir() else []
    if seeds:
        texts = [read_text(p) for p in seeds]
        rows.append(measure("seeds (parse)", texts, texts, args.repeat))
    else:
        skipped.append(f"seeds: {SEEDS} not found, skipped")

    wild = text_files([WILD]) if WILD.is_dir() else []
    raw = sorted(p for p in (WILD / "raw").glob("*") if p.is_file()) if (WILD / "raw").is_dir() else []
    if wild:
        texts = [read_text(p) for p in wild]
        rows.append(measure("wild .txt (parse)", texts, texts, args.repeat))
    else:
        skipped.append(f"wild .txt: {WILD} not found, skipped")
    if raw:
        data = [p.read_bytes() for p in raw]
        texts = [read_document(d, suffix=p.suffix) for d, p in zip(data, raw)]
        rows.append(measure("wild raw/ (parse_bytes)", data, texts, args.repeat))
    else:
        skipped.append(f"wild raw/: {WILD / 'raw'} not found, skipped")

    if not args.no_synthetic:
        docs = synthetic_corpus(demo, args.synthetic_mb)
        rows.append(measure("synthetic from demo (parse)", docs, docs, args.repeat))

    print(f"govreport parse() throughput ({pathlib.Path(govreport.__file__).parent}), "
          f"best of {args.repeat} runs per document, MB = 10^6 bytes")
    print()
    print_table(
        ("corpus", "docs", "MB", "parse MB/s", "no-metrics MB/s", "floor MB/s"),
        [(n, str(d), f"{mb:.3f}", f"{a:.2f}", f"{b:.2f}", f"{c:.1f}") for n, d, mb, a, b, c in rows],
        (28, 6, 8, 11, 16, 11),
    )
    for line in skipped:
        print(line)
    print("(wild raw/: MB of the HTML/DOCX file bytes, text extraction included; its floor runs on the extracted text)")

    print()
    print("scaling: one document, the demo's body repeated as chapters")
    print()
    unit = 32
    times: list[float] = []
    table: list[tuple[str, ...]] = []
    for factor in (1, 4, 16):
        doc = scaled_document(demo, unit * factor)
        seconds, _ = best_of(functools.partial(parse, doc), args.repeat)
        times.append(seconds)
        table.append((f"{factor}x", str(unit * factor), f"{megabytes(doc):.3f}", f"{seconds:.3f}",
                      f"{megabytes(doc) / seconds:.2f}", f"{seconds / times[0]:.2f}"))
    print_table(("size", "chapters", "MB", "seconds", "MB/s", "t/t1"), table, (6, 9, 8, 9, 8, 7))
    print()
    print(f"t4/t1 = {times[1] / times[0]:.2f}   t16/t1 = {times[2] / times[0]:.2f}   (linear: 4 and 16; target t16/t1 <= 18)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
