"""Set one year's targets against the next year's outcomes and targets, indicator by indicator.

    python examples/compare_years.py [OLDER NEWER]
    # default: examples/demo_report_2025.txt examples/demo_report.txt

Each work report states the year's main expected targets (``report.targets``) and the
previous year's headline outcomes (``report.outcomes``), keyed by canonical indicators
(``gdp_growth``, ``cpi`` …). :func:`govreport.targets.compare` lines up a target with the
outcome the next report gives for its key: met, missed or not reported.
"""
from __future__ import annotations

import pathlib
import unicodedata

import govreport

from _script import run
from govreport.targets import compare

HERE = pathlib.Path(__file__).parent
DEFAULTS = [HERE / "demo_report_2025.txt", HERE / "demo_report.txt"]


def pad(text: str, width: int, right: bool = False) -> str:
    """Pad to ``width`` terminal columns; Chinese characters take two."""
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    space = " " * max(width - used, 0)
    return space + text if right else text + space


def main(argv: list[str]) -> int:
    older_path, newer_path = argv[1:3] if len(argv) >= 3 else DEFAULTS
    older, newer = govreport.parse_file(older_path), govreport.parse_file(newer_path)
    y0, y1 = older.meta.year, newer.meta.year
    next_targets = {t.key: t for t in newer.targets}
    print(pad("indicator", 24) + pad(f"{y0} target", 14, True) + pad(f"{y0} outcome", 20, True)
          + pad("status", 16, True) + pad("difference", 12, True) + pad(f"{y1} target", 14, True))
    for c in compare([older, newer]):
        outcome = c.outcome.text + (" (est.)" if c.outcome.estimate else "") if c.outcome else "-"
        diff = f"{c.difference:+} {'pp' if c.target.base_unit == '%' else c.target.base_unit}" if c.difference is not None else ""
        nxt = next_targets.pop(c.key, None)
        target = c.target.text if c.target.value is not None else "(text)"
        print(pad(c.key or c.name, 24) + pad(target, 14, True) + pad(outcome, 20, True)
              + pad(c.status.value, 16, True) + pad(diff, 12, True) + pad(nxt.text if nxt else "-", 14, True))
    for key, t in next_targets.items():  # new in the newer report
        print(pad(key or t.name, 24) + pad("-", 14, True) + pad("-", 20, True) + pad("", 16, True)
              + pad("", 12, True) + pad(t.text, 14, True))
    return 0


if __name__ == "__main__":
    run(main)
