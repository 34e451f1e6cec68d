"""The ``govreport`` command.

Exit codes: 0 success, 1 the input could not be read or decoded, 2 bad usage.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from govreport.errors import GovreportError
from govreport.parser import parse_file
from govreport.serialize.indicators import indicators_csv, indicators_jsonl
from govreport.serialize.json import report_to_dict
from govreport.serialize.metrics import metrics_csv, metrics_jsonl
from govreport.serialize.outline import render_outline

__all__ = ["main"]

_EPILOG = """examples:
  govreport parse examples/demo_report.txt                 # the outline
  govreport parse report.txt --format json > report.json   # everything, as JSON
  govreport outline report.txt
  govreport metrics report.txt --format csv > metrics.csv

exit codes: 0 ok, 1 unreadable or undecodable input, 2 bad usage"""


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="govreport",
        description="Parse Chinese government work reports and plan outlines.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from govreport import __version__

    ap.add_argument("--version", action="version", version=f"govreport {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("parse", help="parse a report and print its outline or JSON",
                       epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", help="a .txt/.md file (UTF-8, UTF-8 with BOM or GB18030)")
    p.add_argument("--format", choices=("outline", "json"), default="outline")
    p.add_argument("--strict", action="store_true", help="fail on any diagnostic")
    p.add_argument("--no-metrics", action="store_true", help="skip metric extraction")
    o = sub.add_parser("outline", help="print the outline of a report (same as parse --format outline)")
    o.add_argument("file")
    tables = (
        ("metrics", "every quantitative claim, one row per metric with its section path", "report.txt"),
        ("indicators", "the indicator tables (指标 / years / 属性), one row per indicator", "plan.txt"),
    )
    for name, help_text, example in tables:
        t = sub.add_parser(name, help=help_text, formatter_class=argparse.RawDescriptionHelpFormatter,
                           epilog=f"examples:\n  govreport {name} {example} > {name}.csv\n"
                                  f"  govreport {name} {example} --format jsonl")
        t.add_argument("file")
        t.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "parse":
            report = parse_file(args.file, strict=args.strict, metrics=not args.no_metrics)
            if args.format == "json":
                json.dump(report_to_dict(report), sys.stdout, ensure_ascii=False)
                sys.stdout.write("\n")
            else:
                sys.stdout.write(render_outline(report))
        elif args.command == "outline":
            sys.stdout.write(render_outline(parse_file(args.file)))
        elif args.command == "metrics":
            report = parse_file(args.file)
            sys.stdout.write(metrics_csv(report) if args.format == "csv" else metrics_jsonl(report))
        elif args.command == "indicators":
            report = parse_file(args.file)
            sys.stdout.write(indicators_csv(report) if args.format == "csv" else indicators_jsonl(report))
    except (OSError, GovreportError) as exc:
        print(f"govreport: {args.file}: {exc}", file=sys.stderr)
        return 1
    return 0
