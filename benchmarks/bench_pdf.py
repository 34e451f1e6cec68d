"""PDF reading speed: pages per second for text and for tables, on the three wild PDFs.

    python benchmarks/bench_pdf.py [--repeat N]

Run it from a checkout with the ``pdf`` extra installed. For each PDF of
``../shared/wild/pdf`` (skipped with a message when absent) it prints the best of
``--repeat`` runs (default 3) of:

- ``text``: :func:`govreport.inputs.pdf.read_pdf` with ``tables=False`` — characters,
  lines, page furniture at the edges, paragraphs — in pages/s and MB of PDF/s;
- ``tables``: the extra time ``tables=True`` takes (rules from the path objects, pdfplumber
  on pages with a ruled grid, three-line tables from the character boxes), as pages/s over
  the pages that hold rules, and over all pages;
- ``parse``: ``parse_bytes`` of the whole file (reading and parsing), in pages/s.
"""
from __future__ import annotations

import argparse
import sys

from _common import WILD, best_of, use_source_tree

use_source_tree()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    folder = WILD / "pdf"
    files = sorted(folder.glob("*.pdf")) if folder.is_dir() else []
    if not files:
        print(f"no PDFs in {folder}: ../shared is absent; nothing to measure")
        return 0
    try:
        import pypdfium2
        import pypdfium2.raw
    except ImportError:
        print('the pdf extra is not installed: pip install "govreport[pdf]"')
        return 0
    from govreport import parse_bytes
    from govreport.inputs.pdf import _page_rules, read_pdf

    print(f"{'file':40} {'pages':>5} {'MB':>6} {'text p/s':>9} {'text MB/s':>9} "
          f"{'ruled':>5} {'tables p/s (ruled)':>18} {'tables p/s (all)':>16} {'parse p/s':>9}")
    for path in files:
        data = path.read_bytes()
        doc = pypdfium2.PdfDocument(data)
        pages = len(doc)
        ruled = 0
        for k in range(pages):
            page = doc[k]
            if _page_rules(pypdfium2, page).horizontal:
                ruled += 1
            page.close()
        doc.close()
        text_time = best_of(lambda: read_pdf(data, tables=False), args.repeat)[0]
        full_time = best_of(lambda: read_pdf(data, tables=True), args.repeat)[0]
        parse_time = best_of(lambda: parse_bytes(data), args.repeat)[0]
        table_time = max(full_time - text_time, 1e-9)
        mb = len(data) / 1e6
        print(f"{path.name:40} {pages:5d} {mb:6.2f} {pages / text_time:9.1f} {mb / text_time:9.2f} "
              f"{ruled:5d} {ruled / table_time if ruled else float('nan'):18.1f} {pages / table_time:16.1f} "
              f"{pages / parse_time:9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
