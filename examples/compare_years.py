"""Compare the targets of two years' work reports, indicator by indicator.

    python examples/compare_years.py [OLDER NEWER]
    # default: examples/demo_report_2025.txt examples/demo_report.txt

A work report sets the year's targets (主要预期目标) as metrics with ``target=True``;
the same indicator in two reports can be lined up by its name and kind of change.
"""
from __future__ import annotations

import pathlib
import sys
import unicodedata

import govreport

HERE = pathlib.Path(__file__).parent
DEFAULTS = [HERE / "demo_report_2025.txt", HERE / "demo_report.txt"]

Key = tuple[str, str]


def targets(report: govreport.Report) -> dict[Key, govreport.Metric]:
    """The first target metric of each (indicator, change) in the report."""
    found: dict[Key, govreport.Metric] = {}
    for m in report.metrics:
        if m.target and m.indicator:
            found.setdefault((m.indicator, m.change.value if m.change else ""), m)
    return found


def pad(text: str, width: int, right: bool = False) -> str:
    """Pad to ``width`` terminal columns; Chinese characters take two."""
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    space = " " * max(width - used, 0)
    return space + text if right else text + space


def main(argv: list[str]) -> int:
    older_path, newer_path = argv[1:3] if len(argv) >= 3 else DEFAULTS
    older, newer = govreport.parse_file(older_path), govreport.parse_file(newer_path)
    a, b = targets(older), targets(newer)
    print(pad("indicator", 44) + pad("change", 8) + pad(str(older.meta.year), 12, True)
          + pad(str(newer.meta.year), 12, True) + pad("difference", 12, True))
    for key in sorted(a.keys() | b.keys()):
        old, new = a.get(key), b.get(key)
        diff = ""
        if old and new and old.unit == new.unit:  # a change of a percentage is in points
            diff = f"{new.value - old.value:+} {'pp' if new.unit == '%' else new.unit}"
        print(pad(key[0], 44) + pad(key[1], 8) + pad(old.text if old else "-", 12, True)
              + pad(new.text if new else "-", 12, True) + pad(diff, 12, True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
