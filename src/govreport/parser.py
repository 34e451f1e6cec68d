"""Orchestration only: decode → normalize → lines → front matter → blocks → tree → meta."""
from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator, Sequence

from govreport.blocks import RULES, Context, Rule, classify
from govreport.decode import read_document
from govreport.errors import ParseError
from govreport.front import split_front
from govreport.meta import extract_meta
from govreport.metrics import MetricFinder
from govreport.model import Metric, Report, Section
from govreport.normalize import normalize
from govreport.segment import join_blocks, skip_page_numbers, split_lines, split_run_on_headings
from govreport.structure import build
from govreport.tables import find_regions
from govreport.targets import date_and_find

__all__ = ["parse", "parse_bytes", "parse_file"]


def parse(text: str, *, strict: bool = False, metrics: bool = True,
          rules: Sequence[tuple[str, Rule]] = RULES) -> Report:
    """Parse the text of a report into a :class:`~govreport.Report`.

    Never raises on any text: what the parser notices becomes ``Report.diagnostics``.
    With ``strict=True`` a report with warnings or errors raises one
    :class:`~govreport.ParseError` listing them all. ``metrics=False`` skips metric
    extraction. ``rules`` replaces the ordered block rules (see :data:`govreport.blocks.RULES`).

    CPython's cyclic garbage collector is paused while the report is built and switched
    back on afterwards if it was on: a parse makes no reference cycles, and the
    collector's full passes over the growing tree made long documents slower than linear.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes str, not {type(text).__name__}; use parse_bytes() for bytes")
    if text.startswith("\ufeff"):
        text = text[1:]
    with _collector_paused():
        norm = normalize(text)
        ctx = Context(text, norm, MetricFinder(text, norm) if metrics else _no_metrics)
        lines = split_run_on_headings(norm, skip_page_numbers(norm, split_lines(norm)))
        front_nodes, body_index, info = split_front(text, norm, lines)
        body_lines = lines[body_index:]
        blocks = join_blocks(norm, body_lines, find_regions(norm, body_lines))
        events = classify(ctx, blocks, rules)
        body, diagnostics = build(ctx, events)
        diagnostics = ctx.diagnostics + diagnostics
        tree = tuple(front_nodes) + body
        sections = tuple(n for n in _walk_sections(tree))
        meta = extract_meta(info, text, tree, sections)
        if metrics:
            tree, targets, outcomes = date_and_find(text, norm, tree, meta)
            report = Report(text, meta, tree, tuple(diagnostics), targets, outcomes)
        else:
            report = Report(text, meta, tree, tuple(diagnostics))
    if strict and any(d.severity.value != "info" for d in diagnostics):
        raise ParseError([d for d in diagnostics if d.severity.value != "info"])
    return report


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause CPython's cyclic garbage collector while one report is built.

    A parse keeps one object per node, span and metric, and frees everything else by
    reference counting: it makes no reference cycles (``tests/test_gc.py`` checks this on
    every kind of input we test), so the cyclic collector has nothing to find in it. Left
    running, its full passes walk every live object, the growing tree included, and a
    document 16 times as long took 18-20 times as long to parse; paused, the time is
    linear. This is the technique of Mercurial's ``util.nogc`` for its large parses.

    The collector is switched back on when the parse ends, on an exception too, and only
    if it was on when the parse began, so a caller's ``gc.disable()`` is kept. Parses in
    several threads need no coordination: the one that saw the collector on switches it
    back on, and the others run on with it until they end.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _no_metrics(start: int, end: int) -> tuple[Metric, ...]:
    return ()


def _walk_sections(nodes: Sequence[object]) -> list[Section]:
    found: list[Section] = []
    for node in nodes:
        if isinstance(node, Section):
            found.append(node)
            found.extend(_walk_sections(node.children))
    return found


def parse_bytes(data: bytes, *, strict: bool = False, metrics: bool = True) -> Report:
    """Read ``data`` — text (UTF-8, UTF-8 with BOM, GB18030), HTML or DOCX — and parse it.

    The format is told from the content. For HTML and DOCX, ``Report.text`` is the
    extracted text. Raises :class:`~govreport.DecodeError` for text bytes in no supported
    encoding.
    """
    return parse(read_document(data), strict=strict, metrics=metrics)


def parse_file(path: str | os.PathLike[str], *, strict: bool = False, metrics: bool = True) -> Report:
    """Read and parse the file at ``path``."""
    with open(path, "rb") as fh:
        data = fh.read()
    return parse(read_document(data, suffix=os.path.splitext(os.fspath(path))[1]), strict=strict, metrics=metrics)

