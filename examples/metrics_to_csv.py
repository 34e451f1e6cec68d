"""Write every quantity a report states to CSV: where it is, what it measures, its value.

    python examples/metrics_to_csv.py [REPORT] [-o metrics.csv]   # default: the demo, to stdout

``govreport metrics REPORT`` does the same with all columns; this script shows the
Python API behind it, for when you want your own columns.
"""
from __future__ import annotations

import argparse
import csv
import pathlib
import sys

import govreport

from _script import run

DEMO = pathlib.Path(__file__).with_name("demo_report.txt")
COLUMNS = ["section", "indicator", "text", "value", "unit", "base_value", "base_unit",
           "qualifier", "change", "target"]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("report", nargs="?", default=DEMO)
    ap.add_argument("-o", "--output", type=argparse.FileType("w", encoding="utf-8"), default=sys.stdout,
                    help="CSV file to write (default: stdout)")
    args = ap.parse_args(argv[1:])

    report = govreport.parse_file(args.report)
    writer = csv.writer(args.output, lineterminator="\n")
    writer.writerow(COLUMNS)
    for path, m in report.located_metrics():
        section = " / ".join(s.title for s in path)
        writer.writerow([
            section, m.indicator or "", m.text, m.value, m.unit, m.base_value, m.base_unit,
            m.qualifier.value if m.qualifier else "", m.change.value if m.change else "",
            "yes" if m.target else "",
        ])
    return 0


if __name__ == "__main__":
    run(main)
