"""Write every metric of a corpus to Parquet with dask.bag: one row per metric of every report.

    python examples/metrics_to_parquet.py [TARGET ...] [-o metrics.parquet] [-j N]

A TARGET is a file, a directory or a glob (default: the demo reports). The output is a
Parquet dataset, a directory of part files that ``pandas.read_parquet`` (or DuckDB, Polars,
Spark) reads as one table. Needs the ``dask`` and ``parquet`` extras:
``pip install "govreport[dask,parquet]"``.

Each file is parsed in a worker process and turned into its rows there; the rows of a
partition of files are written as one part file, so memory holds a few partitions, never
the corpus. A file that cannot be read is named on standard error and left out. On a
cluster, replace the local ``processes`` scheduler by a ``dask.distributed.Client``: the
rest is the same.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import sys
from typing import Any

import dask
import dask.bag as db
import pandas as pd

import govreport
from govreport.serialize.metrics import TABLE_COLUMNS, table_rows

from _script import run

HERE = pathlib.Path(__file__).parent
DEMO = [HERE / "demo_report_2025.txt", HERE / "demo_report.txt", HERE / "demo_plan.txt"]

NUMBERS = ("value", "value_high", "base_value", "base_value_high")
DTYPES = {
    **{column: "string" for column in TABLE_COLUMNS},
    **{column: "float64" for column in NUMBERS},
    "report_year": "Int64", "year": "Int64", "target": "bool", "estimate": "bool", "start": "int64", "end": "int64",
}
"""The schema: exact values are strings in the CSV; here they are floats, as in
``govreport.metrics_frame``, and ``years`` is ``first-last``."""


def rows_of(path: str) -> list[dict[str, Any]]:
    """The metric rows of one file, typed for the schema; none (and a line on stderr) if it fails."""
    try:
        report = govreport.parse_file(path)
    except (OSError, govreport.GovreportError) as exc:
        print(f"metrics_to_parquet: {path}: {exc}", file=sys.stderr)
        return []
    rows = []
    for row in table_rows(report, path):
        for column in NUMBERS:
            row[column] = None if row[column] is None else float(row[column])
        row["years"] = None if row["years"] is None else "-".join(map(str, row["years"]))
        rows.append(row)
    return rows


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("targets", nargs="*", default=DEMO, help="files, directories or globs (default: the demos)")
    ap.add_argument("-o", "--output", default="metrics.parquet", help="the Parquet dataset (a directory) to write")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    args = ap.parse_args(argv[1:])

    paths = [str(p) for p in govreport.find_files(args.targets)]
    meta = pd.DataFrame({column: pd.Series(dtype=DTYPES[column]) for column in TABLE_COLUMNS})
    bag = db.from_sequence(paths, npartitions=min(len(paths), 4 * args.jobs)).map(rows_of).flatten()
    with dask.config.set(scheduler="processes", num_workers=args.jobs):
        bag.to_dataframe(meta=meta).to_parquet(args.output, write_index=False)
    print(f"{len(paths)} files -> {args.output}")
    return 0


if __name__ == "__main__":
    run(main)
