"""The ``govreport`` command.

Every command reads a corpus: files, directories (searched for report files), glob
patterns and ``-`` (standard input), parsed in worker processes (``-j``) and written in
input order to standard output or ``-o FILE``. A table (metrics, indicators, targets)
has one header for the whole corpus and the file, region and year of each row's report.

Exit codes: 0 success; 1 some input could not be read or decoded, or ``--strict`` found
problems (the other files were still written); 2 bad usage, or no input file found (for
``batch``: also a target that names nothing); 130 interrupted. Errors are one line on
stderr per file (``--strict`` adds one line per problem), never a traceback; a closed
output pipe (``| head``) ends the command quietly.
"""
from __future__ import annotations

import argparse
import codecs
import functools
import json
import multiprocessing
import os
import pathlib
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import ExitStack
from typing import IO, Any, ClassVar, TextIO

import attrs

from govreport.batch import SUFFIXES, Input, PathLike, Rendered, first_line, render_many, scan, warm_up
from govreport.model import Report
from govreport.serialize.indicators import FIRST_COLUMNS, indicators_jsonl
from govreport.serialize.json import to_dict
from govreport.serialize.metrics import TABLE_COLUMNS, metrics_csv, metrics_jsonl
from govreport.serialize.outline import render_outline
from govreport.serialize.rows import UnionCsv, csv_text
from govreport.serialize.targets import COLUMNS as TARGET_COLUMNS
from govreport.serialize.targets import comparison_csv, comparison_jsonl, targets_csv, targets_jsonl

__all__ = ["main"]

_EXIT_CODES = """exit codes:
  0  ok
  1  an input could not be read or decoded, or --strict found problems
     (the other files were still written)
  2  bad usage, or no input file found (batch: also a target that names nothing)
  130 interrupted (Ctrl-C)"""

_INPUTS = """A FILE is a file (text in UTF-8, UTF-8 with BOM or GB18030, HTML, DOCX or PDF, told
apart by content), a directory (searched recursively for .docx .htm .html .md .pdf .txt;
other files are counted and named on stderr), a glob pattern, or - for standard input.
Files are parsed in -j worker processes and written in input order; a file that fails
is named on stderr and the others are still written (exit code 1)."""

_FORMAT = argparse.RawDescriptionHelpFormatter


def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines) + "\n\n" + _EXIT_CODES


def _parser() -> argparse.ArgumentParser:
    """The argument parser of the ``govreport`` command and its subcommands."""
    from govreport import __version__

    ap = argparse.ArgumentParser(
        prog="govreport",
        description="Parse Chinese government work reports (政府工作报告) and plan outlines (规划纲要).",
        epilog=_examples(
            "govreport parse examples/demo_report.txt                 # the outline",
            "govreport parse report.txt --format json > report.json   # everything, as JSON",
            "govreport metrics reports/ -o metrics.csv                # one row per quantity, every file",
            "govreport indicators plan.txt > indicators.csv           # 指标 tables as rows",
            "govreport targets reports/*.txt > targets.csv            # targets and outcomes",
            "govreport batch reports/ -o reports.jsonl -j 4           # a whole corpus as JSON lines",
        ),
        formatter_class=_FORMAT,
    )
    ap.add_argument("--version", action="version", version=f"govreport {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "parse", help="parse reports and print their outlines or JSON", formatter_class=_FORMAT,
        description="Parse reports and print the outline of each, or its JSON.\n"
                    "With one FILE, --format json writes one JSON object, the report. With several, or\n"
                    'a directory or a glob, it writes JSON lines (JSONL): {"path": ..., "report": {...}}\n'
                    "per file, and --format outline heads each outline with a ==> FILE <== line.\n\n"
                    + _INPUTS,
        epilog=_examples("govreport parse examples/demo_report.txt",
                         "govreport parse report.txt --format json > report.json",
                         "govreport parse reports/ --format json --no-text -o reports.jsonl",
                         "cat report.docx | govreport parse - --strict --no-metrics"))
    _add_files(p)
    p.add_argument("--format", choices=("outline", "json"), default="outline",
                   help="outline (default): the headings, indented; json: the whole report "
                        "(JSON lines over several files)")
    _add_no_text(p)
    _add_parse_options(p)
    _add_output(p)

    o = sub.add_parser("outline", help="print the outline of reports (same as parse)", formatter_class=_FORMAT,
                       description="Print the outline of each report: its headings, indented by depth.\n"
                                   "Over several files each outline is headed by a ==> FILE <== line.\n\n"
                                   + _INPUTS,
                       epilog=_examples("govreport outline examples/demo_report.txt"))
    _add_files(o)
    _add_strict(o)
    _add_output(o)

    tables = (
        ("metrics", "every quantitative claim, one row per metric with its section path",
         "examples/demo_report.txt"),
        ("indicators", "the indicator tables (指标 / years / 属性), one row per indicator",
         "examples/demo_plan.txt"),
    )
    for name, help_text, example in tables:
        t = sub.add_parser(name, help=help_text, formatter_class=_FORMAT,
                           description=help_text[0].upper() + help_text[1:] + ", led by the file,\n"
                                       "region and year of its report: one table (one header) for the "
                                       "whole corpus.\n\n" + _INPUTS,
                           epilog=_examples(f"govreport {name} {example} > {name}.csv",
                                            f"govreport {name} {example} --format jsonl",
                                            f"govreport {name} reports/ -o {name}.csv --encoding utf-8-sig"))
        _add_files(t)
        t.add_argument("--format", choices=("csv", "jsonl"), default="csv", help="csv (default) or jsonl")
        _add_strict(t)
        _add_output(t)

    g = sub.add_parser(
        "targets", help="the year's main targets and last year's outcomes of work reports", formatter_class=_FORMAT,
        description="Print the main expected targets of each work report's year and the previous year's\n"
                    "headline outcomes, one row each with the file, region and year, the canonical\n"
                    "indicator key (gdp_growth, cpi, ...) and the value as written and normalized.\n"
                    "With --compare: each target against the outcome the next year's report of the\n"
                    "same region gives (met / missed / not_reported, and the difference).\n\n" + _INPUTS,
        epilog=_examples("govreport targets examples/demo_report.txt",
                         "govreport targets reports/ --format jsonl > targets.jsonl",
                         "govreport targets examples/demo_report_2025.txt examples/demo_report.txt --compare"),
    )
    _add_files(g, "text, HTML, DOCX or PDF files of work reports, directories, globs or -")
    g.add_argument("--format", choices=("csv", "jsonl"), default="csv", help="csv (default) or jsonl")
    g.add_argument("--compare", action="store_true",
                   help="set each target against the next year's outcome of the same region")
    _add_strict(g)
    _add_output(g)

    b = sub.add_parser(
        "batch", help="parse a corpus in parallel into one file", formatter_class=_FORMAT,
        description="Parse every file named by a TARGET in parallel processes and write, in input order:\n"
                    '  jsonl (default)  one JSON line per report: {"path": ..., "report": {...}}\n'
                    "                   (the report as `govreport parse --format json` writes it)\n"
                    "  json             the same records as one JSON array\n"
                    "  metrics, indicators, targets\n"
                    "                   the CSV table of `govreport metrics` (indicators, targets)\n"
                    "Each worker sends back only what is written, and a few files per worker are in\n"
                    "flight at a time, so memory stays flat however large the corpus.\n"
                    "A TARGET is a file, a directory (searched recursively for .docx .htm .html .md .pdf\n"
                    ".txt; other files are counted and named on stderr) or a glob pattern. A file that\n"
                    "fails is named on stderr and skipped; a summary (files, MB, seconds, failures)\n"
                    "ends the run. On a terminal a progress bar shows.",
        epilog=_examples("govreport batch reports/ -o reports.jsonl",
                         "govreport batch 'reports/**/*.txt' more/report.docx -o out.jsonl -j 8",
                         "govreport batch reports/ -o lean.jsonl --no-text",
                         "govreport batch reports/ --format metrics -o metrics.csv --encoding utf-8-sig",
                         "govreport batch reports/ -o - --no-metrics | wc -l"),
    )
    b.add_argument("targets", nargs="+", metavar="TARGET", help="a file, a directory or a glob pattern")
    b.add_argument("-o", "--output", required=True, help="the file to write ('-' for stdout)")
    b.add_argument("--format", choices=("jsonl", "json", "metrics", "indicators", "targets"), default="jsonl",
                   help="jsonl (default), json, metrics, indicators or targets (see above)")
    _add_jobs(b)
    _add_encoding(b)
    _add_no_text(b)
    _add_parse_options(b)
    return ap


def _add_files(p: argparse.ArgumentParser, text: str = "files, directories, glob patterns or - (stdin)") -> None:
    p.add_argument("targets", nargs="+", metavar="FILE", help=text)


def _add_output(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", default="-", help="the file to write (default: standard output)")
    _add_jobs(p)
    _add_encoding(p)


def _add_jobs(p: argparse.ArgumentParser) -> None:
    p.add_argument("-j", "--jobs", type=_positive, default=os.cpu_count() or 1,
                   help="worker processes (default: the number of CPUs; 1 parses in this process)")


def _add_encoding(p: argparse.ArgumentParser) -> None:
    p.add_argument("--encoding", choices=("utf-8", "utf-8-sig", "gb18030"), default="utf-8",
                   help="of the output (default utf-8); utf-8-sig starts it with a BOM, so that Excel "
                        "reads the CSV as UTF-8")


def _add_no_text(p: argparse.ArgumentParser) -> None:
    p.add_argument("--no-text", action="store_true",
                   help="JSON without the report's text field (leaner; it cannot be read back into a Report)")


def _add_parse_options(p: argparse.ArgumentParser) -> None:
    _add_strict(p)
    p.add_argument("--no-metrics", action="store_true", help="skip metric extraction (faster)")


def _add_strict(p: argparse.ArgumentParser) -> None:
    p.add_argument("--strict", action="store_true", help="fail, listing every warning diagnostic, if there is any")


def _positive(text: str) -> int:
    """An argparse type: ``text`` as an integer of at least 1."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


# -- what a worker sends back for one report: module-level functions, so that they pickle --

def _json(name: str, report: Report, *, text: bool) -> str:
    return json.dumps(to_dict(report, text=text), ensure_ascii=False) + "\n"


def _json_record(name: str, report: Report, *, text: bool) -> str:
    return json.dumps({"path": name, "report": to_dict(report, text=text)}, ensure_ascii=False) + "\n"


def _outline(name: str, report: Report) -> str:
    return render_outline(report)


def _metrics_csv(name: str, report: Report) -> str:
    return metrics_csv(report, name, header=False)


def _metrics_jsonl(name: str, report: Report) -> str:
    return metrics_jsonl(report, name)


def _indicators_jsonl(name: str, report: Report) -> str:
    return indicators_jsonl(report, name)


def _targets_csv(name: str, report: Report) -> str:
    return targets_csv([(name, report)], header=False)


def _targets_jsonl(name: str, report: Report) -> str:
    return targets_jsonl([(name, report)])


def _encoded(name: str, report: Report, *, render: Callable[[str, Report], str], encoding: str) -> bytes:
    """``render``'s text encoded for the output where it was rendered: the main process
    writes the bytes as they come, with no decoding and encoding again of what can be
    three times the corpus."""
    return render(name, report).encode(encoding)


def _headlines(name: str, report: Report) -> Report:
    """What ``targets --compare`` needs of a report: its meta, targets and outcomes."""
    return Report("", report.meta, (), targets=report.targets, outcomes=report.outcomes)


# -- where the results go ----------------------------------------------------------------

class _Output:
    """The output file or standard output, written in ``encoding``: text is encoded here,
    bytes (what a worker encoded, see :func:`_encoded`) are written as they are. For
    utf-8-sig the BOM goes before the first write, as a text file in that encoding writes it
    (nothing at all is written when nothing is). ``text`` is for a standard output that has
    no bytes under it (replaced by a ``StringIO``)."""

    def __init__(self, raw: IO[bytes] | None, encoding: str, text: IO[str] | None = None) -> None:
        self.raw, self.text = raw, text
        self.encoding = "utf-8" if encoding == "utf-8-sig" else encoding
        self.bom = codecs.BOM_UTF8 if encoding == "utf-8-sig" else b""

    def write(self, data: str | bytes) -> None:
        """Write text or bytes already in :attr:`encoding`."""
        if self.raw is None:
            assert self.text is not None
            self.text.write(data if isinstance(data, str) else data.decode(self.encoding))
            return
        if self.bom:
            self.raw.write(self.bom)
            self.bom = b""
        self.raw.write(data if isinstance(data, bytes) else data.encode(self.encoding))


class _Sink:
    """Writes the rendered results to ``out`` in order: ``header`` once, before the first
    file that rendered (nothing at all when every file failed); with ``heads``, each
    file's output under a ``==> FILE <==`` line, as ``head`` does.

    A sink whose :attr:`encoded` is true takes each file's output as bytes in the output's
    encoding (the text sinks, which write it as it comes); the others take what the
    render function returns."""

    encoded: ClassVar[bool] = True

    def __init__(self, out: _Output, header: str = "", heads: bool = False) -> None:
        self.out, self.header, self.heads = out, header, heads
        self.count = 0

    def add(self, name: str, output: Any) -> None:
        """Write one file's rendered output (the header first, before the first)."""
        if self.count == 0:
            self.out.write(self.header)
        elif self.heads:
            self.out.write("\n")
        if self.heads:
            self.out.write(f"==> {name} <==\n")
        self.out.write(output)
        self.count += 1

    def close(self) -> None:
        """Nothing to finish: each output was written as it came."""


class _Array(_Sink):
    """The JSON lines of every file as one JSON array."""

    def add(self, name: str, output: Any) -> None:
        """Write one file's JSON record as the next element of the array."""
        self.out.write("[\n" if self.count == 0 else ",\n")
        self.out.write(output.rstrip(b"\n"))
        self.count += 1

    def close(self) -> None:
        """Close the array (an empty one when no file rendered)."""
        self.out.write("[]\n" if self.count == 0 else "\n]\n")


class _Union(_Sink):
    """A CSV table whose columns are the union of the files' (the indicator tables)."""

    encoded = False  # JSON lines, read for their columns

    def __init__(self, out: _Output) -> None:
        super().__init__(out)
        self.table = UnionCsv(FIRST_COLUMNS)

    def add(self, name: str, output: Any) -> None:
        """Keep one file's rows until every file's columns are known."""
        self.table.add(output)
        self.count += 1

    def close(self) -> None:
        """Write the table: the union of the columns, every file's rows."""
        if self.count:
            self.table.write_to(self.out)
        else:
            self.table.close()


class _Compare(_Sink):
    """The targets of every report against the next year's outcomes: known at the end."""

    encoded = False  # reports, compared at the end

    def __init__(self, out: _Output, fmt: str) -> None:
        super().__init__(out)
        self.fmt = fmt
        self.reports: list[Report] = []

    def add(self, name: str, output: Any) -> None:
        """Keep one report's meta, targets and outcomes for the comparison."""
        self.reports.append(output)
        self.count += 1

    def close(self) -> None:
        """Write the comparison of each target with the next year's outcome."""
        if self.count:
            self.out.write((comparison_csv if self.fmt == "csv" else comparison_jsonl)(self.reports))


@attrs.frozen
class _Plan:
    """How a command renders each report and writes the results."""

    render: Callable[[str, Report], Any]
    sink: Callable[[_Output], _Sink]
    metrics: bool = True


def _plan(args: argparse.Namespace, single: bool) -> _Plan:
    """What the command renders for each file and where it goes, from its arguments."""
    command, fmt = args.command, getattr(args, "format", "outline")
    metrics = not getattr(args, "no_metrics", False)
    text = not getattr(args, "no_text", False)
    if command == "batch":
        command, fmt = {"jsonl": ("parse", "jsonl"), "json": ("parse", "array"), "metrics": ("metrics", "csv"),
                        "indicators": ("indicators", "csv"), "targets": ("targets", "csv")}[fmt]
    if command == "outline":
        return _Plan(_outline, functools.partial(_Sink, heads=not single), metrics=False)
    if command == "parse":
        if fmt == "outline":
            return _Plan(_outline, functools.partial(_Sink, heads=not single), metrics)
        if fmt == "json" and single:
            return _Plan(functools.partial(_json, text=text), _Sink, metrics)
        record = functools.partial(_json_record, text=text)
        return _Plan(record, _Array if fmt == "array" else _Sink, metrics)
    if command == "metrics":
        if fmt == "csv":
            return _Plan(_metrics_csv, functools.partial(_Sink, header=csv_text((), TABLE_COLUMNS)), metrics)
        return _Plan(_metrics_jsonl, _Sink, metrics)
    if command == "indicators":
        return _Plan(_indicators_jsonl, _Union if fmt == "csv" else _Sink, metrics)
    if getattr(args, "compare", False):
        return _Plan(_headlines, functools.partial(_Compare, fmt=fmt), metrics)
    if fmt == "csv":
        return _Plan(_targets_csv, functools.partial(_Sink, header=csv_text((), TARGET_COLUMNS)), metrics)
    return _Plan(_targets_jsonl, _Sink, metrics)


# -- the run -----------------------------------------------------------------------------

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


@attrs.frozen
class _Inputs:
    sources: tuple[PathLike | Input, ...]
    skipped: tuple[pathlib.Path, ...]
    missing: tuple[str, ...]


def _inputs(targets: Sequence[str], output: str) -> _Inputs:
    """The sources the targets name, in order without duplicates (nor the output file)."""
    sources: dict[str, PathLike | Input] = {}
    skipped: list[pathlib.Path] = []
    missing: list[str] = []
    written = os.path.abspath(output) if output != "-" else None
    for target in targets:
        if target == "-":
            sources.setdefault("-", Input("-", sys.stdin.buffer.read()))
            continue
        found = scan([target])
        for path in found.files:
            key = os.path.abspath(path)
            if key != written:
                sources.setdefault(key, path)
        skipped.extend(found.skipped)
        missing.extend(found.missing)
    return _Inputs(tuple(sources.values()), tuple(dict.fromkeys(skipped)), tuple(missing))


def _run(args: argparse.Namespace) -> int:
    """Run a corpus command: find the inputs, render each (on worker processes with ``-j``), write them in input order; the exit code."""
    batch = args.command == "batch"
    inputs = _inputs(args.targets, args.output)
    for target in inputs.missing:
        if batch:
            print(f"govreport: no such file, directory or matching pattern: {target}", file=sys.stderr)
            return 2
        print(f"govreport: {target}: No such file or directory", file=sys.stderr)
    if not inputs.sources:
        if inputs.skipped:
            print(_skipped(inputs.skipped), file=sys.stderr)
        if inputs.missing:
            return 1
        print("govreport: no input files found (looked for " + ", ".join(args.targets) + ")", file=sys.stderr)
        return 2
    single = len(args.targets) == 1 and (args.targets[0] == "-" or os.path.isfile(args.targets[0]))
    plan = _plan(args, single)
    total = len(inputs.sources)
    started = time.perf_counter()
    progress = _Progress(total, sys.stderr) if total > 1 and sys.stderr.isatty() else None
    done = failed = size = 0
    with ExitStack() as stack:
        try:
            out = _open_output(stack, args.output, args.encoding)
        except OSError as exc:
            print(f"govreport: {args.output}: {first_line(exc)}", file=sys.stderr)
            return 1
        sink = plan.sink(out)
        render = plan.render
        if sink.encoded:
            render = functools.partial(_encoded, render=render, encoding=out.encoding)
        executor: Executor | None = None
        if args.jobs > 1 and total > 1:
            if multiprocessing.get_start_method() == "fork":
                warm_up()  # once here, not once in each worker
            executor = stack.enter_context(ProcessPoolExecutor(min(args.jobs, total), initializer=_yield_to_writer))
        results = render_many(inputs.sources, render, executor=executor, strict=args.strict,
                              metrics=plan.metrics, window=4 * args.jobs)
        for result in results:
            done += 1
            size += result.size
            if result.ok:
                sink.add(result.path, result.output)
            else:
                failed += 1
                if progress:
                    progress.clear()
                print(f"govreport: {result.path}: {_reason(result, batch)}", file=sys.stderr)
            if progress:
                progress.show(done, size, time.perf_counter() - started)
        sink.close()
    if progress:
        progress.clear()
    if inputs.skipped:
        print(_skipped(inputs.skipped), file=sys.stderr)
    if batch:
        print(_summary(done, size, time.perf_counter() - started, failed), file=sys.stderr)
    return 1 if failed or inputs.missing else 0


def _yield_to_writer() -> None:
    """A worker's start: one step below this process's priority. The workers keep every core
    busy, and the process that reads their results and writes them (this one) would wait for a
    core while the workers, their result pipes full, wait for it; a step of priority lets it
    run as soon as there is something to write (measured: about 6 % off a 20 MB batch on 2
    cores). Nothing where the system has no ``nice``."""
    if hasattr(os, "nice"):
        os.nice(1)


def _reason(result: Rendered[Any], batch: bool) -> str:
    return (result.error if batch else result.message) or "failed"


def _open_output(stack: ExitStack, output: str, encoding: str) -> _Output:
    """Standard output, or the file ``output``, writing ``encoding``."""
    if output != "-":
        return _Output(stack.enter_context(open(output, "wb")), encoding)
    sys.stdout.flush()
    raw: IO[bytes] | None = getattr(sys.stdout, "buffer", None)
    if raw is None:
        return _Output(None, encoding, sys.stdout)
    stack.callback(raw.flush)
    return _Output(raw, encoding)


def _skipped(paths: Sequence[pathlib.Path], shown: int = 10) -> str:
    """One line counting and naming the files a directory walk skipped for their suffix."""
    names = ", ".join(str(p) for p in paths[:shown])
    more = f" and {len(paths) - shown} more" if len(paths) > shown else ""
    files = "file" if len(paths) == 1 else "files"
    return (f"govreport: skipped {len(paths)} {files} not ending in " + " ".join(sorted(SUFFIXES))
            + f": {names}{more}")


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
        """Redraw the progress bar: files done, megabytes read, seconds so far."""
        filled = self.WIDTH * done // self.total
        bar = "#" * filled + "." * (self.WIDTH - filled)
        self.stream.write(f"\r[{bar}] {done}/{self.total} files  {size / 1e6:.1f} MB  {seconds:.1f} s")
        self.stream.flush()

    def clear(self) -> None:
        """Erase the progress bar's line."""
        self.stream.write("\r\033[K")
        self.stream.flush()
