"""Print a report's outline: each heading indented by depth, its 专栏 boxes, and how
many quantities the section states (its own text and everything below it).

    python examples/outline.py [REPORT]        # default: examples/demo_report.txt
"""
from __future__ import annotations

import collections
import pathlib

import govreport

from _script import run

DEMO = pathlib.Path(__file__).with_name("demo_report.txt")


def main(argv: list[str]) -> int:
    report = govreport.parse_file(argv[1] if len(argv) > 1 else DEMO)
    meta = report.meta
    print(f"{meta.title} ({meta.kind.value}, {meta.region}, {meta.year})")

    # located_metrics() gives each metric with the sections around it, outermost first.
    counts: collections.Counter[int] = collections.Counter()
    for path, _metric in report.located_metrics():
        counts.update(id(section) for section in path)

    for section in report.sections:
        indent = "  " * (section.depth - 1)
        print(f"{indent}{section.marker or '·'} {section.title}  ({counts[id(section)]} metrics)")
        for child in section.children:
            if isinstance(child, govreport.Column):
                print(f"{indent}  [专栏{child.number or ''}] {child.title}")
    return 0


if __name__ == "__main__":
    run(main)
