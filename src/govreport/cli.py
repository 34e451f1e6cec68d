"""The ``govreport`` command.

Exit codes: 0 success; 1 the input could not be read or decoded (for ``batch``: some
file failed, the others were still written); 2 bad usage (for ``batch``: also no input
file found); 130 interrupted. Errors are one line on stderr (``--strict`` adds one line
per problem), never a traceback; a
closed output pipe (``| head``) ends the command quietly.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import ExitStack
from typing import TextIO

from govreport.batch import find_files, first_line, parse_many
from govreport.errors import GovreportError, ParseError
from govreport.model import Report
from govreport.parser import parse_file
from govreport.serialize.indicators import indicators_csv, indicators_jsonl
from govreport.serialize.json import report_to_dict
from govreport.serialize.metrics import metrics_csv, metrics_jsonl
from govreport.serialize.outline import render_outline
from govreport.serialize.targets import comparison_csv, comparison_jsonl, targets_csv, targets_jsonl

__all__ = ["main"]

_EXIT_CODES = """exit codes:
  0  ok
  1  the input could not be read or decoded, or --strict found problems
     (batch: some file failed, the rest were written)
  2  bad usage (batch: also when no input file is found)
  130 interrupted (Ctrl-C)"""

_FORMAT = argparse.RawDescriptionHelpFormatter


def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines) + "\n\n" + _EXIT_CODES


def _parser() -> argparse.ArgumentParser:
    from govreport import __version__

    ap = argparse.ArgumentParser(
        prog="govreport",
        description="Parse Chinese government work reports (政府工作报告) and plan outlines (规划纲要).",
        epilog=_examples(
            "govreport parse examples/demo_report.txt                 # the outline",
            "govreport parse report.txt --format json > report.json   # everything, as JSON",
            "govreport metrics report.txt > metrics.csv               # one row per quantity",
            "govreport indicators plan.txt > indicators.csv           # 指标 tables as rows",
            "govreport targets reports/*.txt > targets.csv            # targets and outcomes",
            "govreport batch reports/ -o reports.jsonl -j 4           # a whole corpus",
        ),
        formatter_class=_FORMAT,
    )
    ap.add_argument("--version", action="version", version=f"govreport {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("parse", help="parse a report and print its outline or JSON", formatter_class=_FORMAT,
                       description="Parse one report (text, HTML or DOCX) and print its outline or its JSON.",
                       epilog=_examples("govreport parse examples/demo_report.txt",
                                        "govreport parse report.txt --format json > report.json",
                                        "govreport parse report.docx --strict --no-metrics"))
    p.add_argument("file", help="a text (UTF-8, UTF-8 with BOM, GB18030), HTML or DOCX file")
    p.add_argument("--format", choices=("outline", "json"), default="outline",
                   help="outline (default): the headings, indented; json: the whole report")
    _add_parse_options(p)

    o = sub.add_parser("outline", help="print the outline of a report (same as parse)", formatter_class=_FORMAT,
                       description="Print the outline of one report: its headings, indented by depth.",
                       epilog=_examples("govreport outline examples/demo_report.txt"))
    o.add_argument("file", help="a text, HTML or DOCX file")
    _add_strict(o)

    tables = (
        ("metrics", "every quantitative claim, one row per metric with its section path",
         "examples/demo_report.txt"),
        ("indicators", "the indicator tables (指标 / years / 属性), one row per indicator",
         "examples/demo_plan.txt"),
    )
    for name, help_text, example in tables:
        t = sub.add_parser(name, help=help_text, description=help_text[0].upper() + help_text[1:] + ".",
                           formatter_class=_FORMAT,
                           epilog=_examples(f"govreport {name} {example} > {name}.csv",
                                            f"govreport {name} {example} --format jsonl"))
        t.add_argument("file", help="a text, HTML or DOCX file")
        t.add_argument("--format", choices=("csv", "jsonl"), default="csv", help="csv (default) or jsonl")
        _add_strict(t)

    g = sub.add_parser(
        "targets", help="the year's main targets and last year's outcomes of work reports", formatter_class=_FORMAT,
        description="Print the main expected targets of each work report's year and the previous year's\n"
                    "headline outcomes, one row each with the file, region and year, the canonical\n"
                    "indicator key (gdp_growth, cpi, ...) and the value as written and normalized.\n"
                    "With --compare: each target against the outcome the next year's report of the\n"
                    "same region gives (met / missed / not_reported, and the difference).",
        epilog=_examples("govreport targets examples/demo_report.txt",
                         "govreport targets reports/*.txt --format jsonl > targets.jsonl",
                         "govreport targets examples/demo_report_2025.txt examples/demo_report.txt --compare"),
    )
    g.add_argument("files", nargs="+", metavar="FILE", help="text, HTML or DOCX files of work reports")
    g.add_argument("--format", choices=("csv", "jsonl"), default="csv", help="csv (default) or jsonl")
    g.add_argument("--compare", action="store_true",
                   help="set each target against the next year's outcome of the same region")
    _add_strict(g)

    b = sub.add_parser(
        "batch", help="parse many files in parallel into one JSON-lines file", formatter_class=_FORMAT,
        description="Parse every file named by a TARGET in parallel processes and write one JSON line\n"
                    'per report: {"path": ..., "report": {...}} (the report as `govreport parse --format json`).\n'
                    "A TARGET is a file, a directory (searched recursively for .txt .md .html .htm .docx .pdf)\n"
                    "or a glob pattern. A file that fails is named on stderr and skipped; a summary\n"
                    "(files, MB, seconds, failures) ends the run. On a terminal a progress bar shows.",
        epilog=_examples("govreport batch reports/ -o reports.jsonl",
                         "govreport batch 'reports/**/*.txt' more/report.docx -o out.jsonl -j 8",
                         "govreport batch reports/ -o - --no-metrics | wc -l"),
    )
    b.add_argument("targets", nargs="+", metavar="TARGET", help="a file, a directory or a glob pattern")
    b.add_argument("-o", "--output", required=True, help="the JSON-lines file to write ('-' for stdout)")
    b.add_argument("-j", "--jobs", type=_positive, default=os.cpu_count() or 1,
                   help="worker processes (default: the number of CPUs; 1 parses in this process)")
    _add_parse_options(b)
    return ap


def _add_parse_options(p: argparse.ArgumentParser) -> None:
    _add_strict(p)
    p.add_argument("--no-metrics", action="store_true", help="skip metric extraction (faster)")


def _add_strict(p: argparse.ArgumentParser) -> None:
    p.add_argument("--strict", action="store_true", help="fail, listing every warning diagnostic, if there is any")


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def _write_json(report: Report) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False) + "\n"


_SINGLE: dict[str, Callable[[argparse.Namespace, Report], str]] = {
    "parse": lambda a, r: _write_json(r) if a.format == "json" else render_outline(r),
    "outline": lambda a, r: render_outline(r),
    "metrics": lambda a, r: metrics_csv(r) if a.format == "csv" else metrics_jsonl(r),
    "indicators": lambda a, r: indicators_csv(r) if a.format == "csv" else indicators_jsonl(r),
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except BrokenPipeError:  # `govreport metrics big.txt | head`: the reader has gone
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("govreport: interrupted", file=sys.stderr)
        return 130


def _run(args: argparse.Namespace) -> int:
    if args.command == "batch":
        return _batch(args)
    if args.command == "targets":
        return _targets(args)
    try:
        metrics = args.command != "outline" and not getattr(args, "no_metrics", False)
        report = parse_file(args.file, strict=args.strict, metrics=metrics)
    except ParseError as exc:  # --strict: name every problem, one per line
        print(f"govreport: {args.file}: {exc}", file=sys.stderr)
        return 1
    except (OSError, GovreportError) as exc:
        print(f"govreport: {args.file}: {first_line(exc)}", file=sys.stderr)
        return 1
    sys.stdout.write(_SINGLE[args.command](args, report))
    return 0


def _targets(args: argparse.Namespace) -> int:
    reports: list[tuple[str, Report]] = []
    for file in args.files:
        try:
            reports.append((file, parse_file(file, strict=args.strict)))
        except ParseError as exc:
            print(f"govreport: {file}: {exc}", file=sys.stderr)
            return 1
        except (OSError, GovreportError) as exc:
            print(f"govreport: {file}: {first_line(exc)}", file=sys.stderr)
            return 1
    if args.compare:
        parsed = [r for _, r in reports]
        sys.stdout.write(comparison_csv(parsed) if args.format == "csv" else comparison_jsonl(parsed))
    else:
        sys.stdout.write(targets_csv(reports) if args.format == "csv" else targets_jsonl(reports))
    return 0


def _batch(args: argparse.Namespace) -> int:
    try:
        files = find_files(args.targets)
    except FileNotFoundError as exc:
        print(f"govreport: {exc}", file=sys.stderr)
        return 2
    if not files:
        print("govreport: no input files found (looked for " + ", ".join(args.targets) + ")", file=sys.stderr)
        return 2
    started = time.perf_counter()
    progress = _Progress(len(files), sys.stderr) if sys.stderr.isatty() else None
    done = failed = size = 0
    with ExitStack() as stack:
        try:
            out: TextIO = sys.stdout if args.output == "-" else stack.enter_context(
                open(args.output, "w", encoding="utf-8"))
        except OSError as exc:
            print(f"govreport: {args.output}: {first_line(exc)}", file=sys.stderr)
            return 1
        executor: Executor | None = None
        if args.jobs > 1 and len(files) > 1:
            executor = stack.enter_context(ProcessPoolExecutor(min(args.jobs, len(files))))
        for result in parse_many(files, executor=executor, strict=args.strict, metrics=not args.no_metrics):
            done += 1
            size += result.size
            if result.report is not None:
                out.write(json.dumps({"path": result.path, "report": report_to_dict(result.report)},
                                     ensure_ascii=False) + "\n")
            else:
                failed += 1
                if progress:
                    progress.clear()
                print(f"govreport: {result.path}: {result.error}", file=sys.stderr)
            if progress:
                progress.show(done, size, time.perf_counter() - started)
    if progress:
        progress.clear()
    print(_summary(done, size, time.perf_counter() - started, failed), file=sys.stderr)
    return 1 if failed else 0


def _summary(files: int, size: int, seconds: float, failed: int) -> str:
    mb = size / 1e6
    rate = f" ({mb / seconds:.2f} MB/s)" if seconds > 0 else ""
    return f"govreport batch: {files} files, {mb:.2f} MB in {seconds:.2f} s{rate}, {failed} failed"


class _Progress:
    """A one-line progress bar redrawn in place on a terminal."""

    WIDTH = 30

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.stream = stream

    def show(self, done: int, size: int, seconds: float) -> None:
        filled = self.WIDTH * done // self.total
        bar = "#" * filled + "." * (self.WIDTH - filled)
        self.stream.write(f"\r[{bar}] {done}/{self.total} files  {size / 1e6:.1f} MB  {seconds:.1f} s")
        self.stream.flush()

    def clear(self) -> None:
        self.stream.write("\r\033[K")
        self.stream.flush()

