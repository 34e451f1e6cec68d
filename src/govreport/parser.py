"""Orchestration only: decode → normalize → lines → front matter → blocks → tree → meta."""
from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator, Sequence

import attrs

from govreport.blocks import RULES, Context, Ruler, Rules, classify
from govreport.decode import read_input
from govreport.errors import Diagnostic, ParseError, diagnostic
from govreport.front import split_front
from govreport.front.contents import contents_titles
from govreport.inputs.document import Document
from govreport.meta import extract_meta
from govreport.metrics import MetricFinder
from govreport.model import Furniture, Metric, Report, Section
from govreport.normalize import SPACE_CHARS, normalize
from govreport.pages import find_furniture, infer_pages, mask, page_furniture_nodes, place
from govreport.segment import flowing, join_blocks, skip_page_numbers, split_lines, split_run_on_headings
from govreport.span import Span
from govreport.structure import Decision, build
from govreport.tables import find_regions
from govreport.targets import date_and_find

__all__ = ["parse", "parse_bytes", "parse_file", "explain"]


def parse(text: str, *, strict: bool = False, metrics: bool = True,
          rules: Rules = RULES, pages: Sequence[Span] | None = None) -> Report:
    """Parse the text of a report into a :class:`~govreport.Report`.

    Never raises on any text: what the parser notices becomes ``Report.diagnostics``; a
    text that is empty or nothing but whitespace (``str.isspace``, the ideographic space
    included, and the zero-width spaces and byte-order marks that
    :data:`~govreport.normalize.SPACE_CHARS` lists) gives an empty report with an
    ``empty-input`` warning.
    With ``strict=True`` a report with warnings or errors raises one
    :class:`~govreport.ParseError` listing them all. ``metrics=False`` skips metric
    extraction. ``rules`` replaces the ordered block rules: a :class:`~govreport.blocks.Ruler`
    such as ``RULES.copy().insert(rule, before="paragraph")`` (see :data:`govreport.blocks.RULES`).

    ``pages`` are the spans of the pages of a paginated original (what
    :func:`govreport.decode.read_input` gives for a PDF): in order, inside the text. With
    them, page numbers and running headers at the edges of the pages become furniture of
    kind ``page`` (:mod:`govreport.pages`), hidden from the block rules, and
    ``Report.pages`` / ``Report.page_of`` locate every node on its page.

    CPython's cyclic garbage collector is paused while the report is built and switched
    back on afterwards if it was on: a parse makes no reference cycles, and the
    collector's full passes over the growing tree made long documents slower than linear.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes str, not {type(text).__name__}; use parse_bytes() for bytes")
    page_spans = _check_pages(text, pages)
    if text.startswith("\ufeff") and not page_spans:
        text = text[1:]
    with _collector_paused():
        source = text  # what the rules read: the text with page furniture blanked out
        furniture: list[Furniture] = []
        # a text without page spans may still show its pages by their numbers (— 3 —)
        cut = page_spans or infer_pages(text)
        if cut:
            found = find_furniture(normalize(text), cut)
            furniture = page_furniture_nodes(text, found)
            source = mask(text, found)
        report = _parse(source, metrics, rules)
        if page_spans:
            report = attrs.evolve(report, text=text, body=place(report.body, furniture), pages=page_spans)
        elif furniture:
            report = attrs.evolve(report, text=text, body=place(report.body, furniture))
    if not text.strip(_BLANK):
        report = attrs.evolve(report, diagnostics=report.diagnostics + (_empty_input(text),))
    diagnostics = report.diagnostics
    if strict and any(d.severity.value != "info" for d in diagnostics):
        raise ParseError([d for d in diagnostics if d.severity.value != "info"])
    return report


_BLANK = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + SPACE_CHARS
"""What an empty input may hold: every ``str.isspace`` character (the last is U+3000) and the
zero-width characters and byte-order marks that normalization reads as spaces."""


def _empty_input(text: str) -> Diagnostic:
    """The ``empty-input`` diagnostic of a text that is empty or only whitespace; its span is
    the whole text."""
    what = "is empty" if not text else f"holds nothing but whitespace ({len(text)} characters)"
    return diagnostic("empty-input", f"the input {what}: there is no report to read", Span(0, len(text)))


def _check_pages(text: str, pages: Sequence[Span] | None) -> tuple[Span, ...]:
    """``pages`` as a tuple, checked: spans in order, inside ``text`` (API misuse raises)."""
    if not pages:
        return ()
    spans = tuple(pages)
    end = 0
    for span in spans:
        if not isinstance(span, Span):
            raise TypeError(f"pages must be Span objects, not {type(span).__name__}")
        if span.start < end or span.end > len(text):
            raise ValueError(f"page span {span} is out of order or outside the text")
        end = span.end
    return spans


def explain(text: str, *, rules: Rules = RULES) -> tuple[Decision, ...]:
    """Why each heading, part title and 专栏 box of ``text`` nested where it did.

    Parses ``text`` as :func:`parse` does (without metrics) and returns the decisions of
    the nesting policies (:data:`govreport.structure.POLICIES`) in document order: each
    names its policy, the span of the heading or block it placed, and what it decided::

        for decision in explain(text):
            print(decision)   # restart [12:20] 一、: restarts at 1 under an entry … (child of 一、)
    """
    if not isinstance(text, str):
        raise TypeError(f"explain() takes str, not {type(text).__name__}")
    trace: list[Decision] = []
    with _collector_paused():
        _parse(text[1:] if text.startswith("\ufeff") else text, False, rules, trace)
    return tuple(trace)


def _parse(text: str, metrics: bool, rules: Rules, trace: list[Decision] | None = None) -> Report:
    """The pipeline proper, on ``text`` (with any page furniture blanked out); nesting
    decisions go to ``trace`` when one is given."""
    ruler = Ruler.of(rules)
    norm = normalize(text)
    lines = split_run_on_headings(norm, skip_page_numbers(norm, split_lines(norm)))
    front_nodes, body_index, info = split_front(text, norm, lines)
    body_lines = lines[body_index:]
    blocks = join_blocks(norm, body_lines, find_regions(norm, body_lines), starts=ruler.starts)
    # the metric pass reads across the line breaks a paragraph was joined over
    flow = flowing(norm, blocks) if metrics else norm
    ctx = Context(text, norm, MetricFinder(text, flow) if metrics else _no_metrics)
    ctx.titles = contents_titles(front_nodes)
    events = classify(ctx, blocks, ruler)
    body, diagnostics = build(ctx, events, trace)
    diagnostics = ctx.diagnostics + diagnostics
    tree = tuple(front_nodes) + body
    sections = tuple(n for n in _walk_sections(tree))
    meta = extract_meta(info, text, tree, sections)
    if metrics:
        tree, targets, outcomes = date_and_find(text, flow, tree, meta)
        return Report(text, meta, tree, tuple(diagnostics), targets=targets, outcomes=outcomes)
    return Report(text, meta, tree, tuple(diagnostics))


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
    """Every section among ``nodes`` and under them, in document order."""
    found: list[Section] = []
    for node in nodes:
        if isinstance(node, Section):
            found.append(node)
            found.extend(_walk_sections(node.children))
    return found


def parse_bytes(data: bytes, *, strict: bool = False, metrics: bool = True,
                rules: Rules = RULES) -> Report:
    """Read ``data`` — text, HTML, DOCX or PDF — and parse it, with the options of :func:`parse`.

    The format is told from the content; text is decoded as :func:`govreport.decode.decode`
    says (UTF-8, GB18030, UTF-16 or UTF-32 after a byte-order mark). For HTML, DOCX and
    PDF, ``Report.text`` is the extracted text; a PDF's report has its ``pages``. Empty or
    whitespace-only input gives a report with an ``empty-input`` warning.

    Raises :class:`TypeError` for anything but ``bytes``, ``bytearray`` or ``memoryview``
    (a ``str`` goes to :func:`parse`); :class:`~govreport.DecodeError` for text bytes in no
    supported encoding; and :class:`~govreport.FormatError` for a format govreport does not
    read, named in the message (an XLSX, PPTX, ODT or EPUB, a ZIP archive, a legacy
    ``.doc``/``.xls``, an image, a compressed archive …), and for a file that claims a
    format and cannot be read as it (a damaged DOCX; a damaged or encrypted PDF, a PDF
    without a text layer or without the ``pdf`` extra installed).
    """
    if isinstance(data, str):
        raise TypeError("parse_bytes() takes bytes, not str; use parse() for text that is already decoded")
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"parse_bytes() takes bytes, not {type(data).__name__}")
    return _parse_document(read_input(data), strict, metrics, rules)


def parse_file(path: str | os.PathLike[str], *, strict: bool = False, metrics: bool = True,
               rules: Rules = RULES) -> Report:
    """Read and parse the file at ``path`` (any format :func:`parse_bytes` reads), with the
    options of :func:`parse`.

    ``path`` is a ``str`` or an :class:`os.PathLike` such as :class:`pathlib.Path`. Anything
    else raises :class:`TypeError`: an ``int`` is not taken for a file descriptor, and
    ``bytes`` are not taken for a path, as they are far more often a file's content given
    to the wrong function (use :func:`parse_bytes`; a path you hold as bytes is
    ``os.fsdecode(path)``). The suffix is only a hint (``.docx``, ``.html``); the format is
    told from the content.
    """
    name = os.fspath(path) if isinstance(path, (str, os.PathLike)) else None
    if not isinstance(name, str):
        got = type(path).__name__ if name is None else "a path of bytes"
        raise TypeError(f"parse_file() takes a str or os.PathLike path, not {got}; "
                        "use parse_bytes() for the content of a file")
    with open(name, "rb") as fh:
        data = fh.read()
    return _parse_document(read_input(data, suffix=os.path.splitext(name)[1]), strict, metrics, rules)


def _parse_document(document: Document, strict: bool, metrics: bool,
                    rules: Rules) -> Report:
    """Parse a read document; image-only pages of a PDF are said in ``pdf-image-page``."""
    if not document.image_pages:
        return parse(document.text, strict=strict, metrics=metrics, rules=rules, pages=document.pages or None)
    report = parse(document.text, strict=False, metrics=metrics, rules=rules, pages=document.pages or None)
    names = ", ".join(str(n) for n in document.image_pages)
    first = document.pages[document.image_pages[0] - 1]
    found = diagnostic("pdf-image-page", f"page(s) {names} hold images and no text: run OCR to read them",
                       Span(first.start, first.start))
    report = attrs.evolve(report, diagnostics=report.diagnostics + (found,))
    if strict and any(d.severity.value != "info" for d in report.diagnostics):
        raise ParseError([d for d in report.diagnostics if d.severity.value != "info"])
    return report
