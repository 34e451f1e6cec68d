"""Write a plan outline's indicator tables (指标 / years / 属性) to CSV, one row per indicator.

    python examples/indicators_to_csv.py [PLAN] [-o indicators.csv]   # default: the demo plan

Each year column keeps the number; the cell's marks become flags: ``5*`` is a five-year
average, ``〔13.5〕`` a five-year cumulative figure, ``70以上`` at least 70.
"""
from __future__ import annotations

import argparse
import csv
import pathlib
import sys

import govreport

from _script import run

DEMO = pathlib.Path(__file__).with_name("demo_plan.txt")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("plan", nargs="?", default=DEMO)
    ap.add_argument("-o", "--output", type=argparse.FileType("w", encoding="utf-8"), default=sys.stdout,
                    help="CSV file to write (default: stdout)")
    args = ap.parse_args(argv[1:])

    report = govreport.parse_file(args.plan)
    years = sorted({v.year for ind in report.indicators for v in ind.values if v.year is not None})
    writer = csv.writer(args.output, lineterminator="\n")
    writer.writerow(["category", "indicator", "unit", "attribute"]
                    + [f"{y}{suffix}" for y in years for suffix in ("", "_flags")])
    for ind in report.indicators:
        row = [ind.category or "", ind.name, ind.unit or "", ind.attribute or ""]
        for year in years:
            value = ind.value_for(year)
            row += ["", ""] if value is None else [
                "" if value.value is None else value.value, " ".join(value.flags)]
        writer.writerow(row)
    return 0


if __name__ == "__main__":
    run(main)
