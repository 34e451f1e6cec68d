"""Shared test helpers: parsing without metrics until they exist, and the tree invariants.

The invariants checked here are the contract of DESIGN.md section 2 and STYLE.md habit 2:
every node's span lies in ``[0, len(text)]``, children lie inside their parent, siblings
come in order without overlapping, and every non-blank character of the input belongs to
some node. They are used by the Hypothesis properties and by the tests on real documents.
"""
from __future__ import annotations

import codecs
import gc
import importlib.util
import json
import os
import pathlib
import pty
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from govreport.decode import decode
from govreport.errors import CODES, DecodeError, ParseError
from govreport.model import Node, Report, Section
from govreport.normalize import SPACE_CHARS
from govreport.parser import parse

HAVE_METRICS = importlib.util.find_spec("govreport.metrics") is not None
"""Whether metric extraction exists yet (``src/govreport/metrics.py``)."""

SHARED = pathlib.Path(__file__).resolve().parents[2] / "shared"
"""The shared folder beside the repository (seeds, gold, wild texts, scorer)."""

_BLANK = set(SPACE_CHARS) | {"\ufeff"}


def parse_text(text: str, **kwargs: Any) -> Report:
    """``parse(text)``, with metric extraction switched off while it does not exist yet."""
    if not HAVE_METRICS:
        kwargs.setdefault("metrics", False)
    return parse(text, **kwargs)


def cli_metric_args() -> list[str]:
    """Extra CLI arguments: ``--no-metrics`` while metric extraction does not exist yet."""
    return [] if HAVE_METRICS else ["--no-metrics"]


def doc(text: str) -> str:
    """A fixture text: dedented, without the leading newline of a triple-quoted string."""
    return textwrap.dedent(text).lstrip("\n")


def children(node: Node) -> tuple[Node, ...]:
    return tuple(getattr(node, "children", ()))


def outline(report: Report) -> list[tuple[int, str, str, int | None, str]]:
    """Every section as ``(depth, marker, style, ordinal, title)``, in document order."""
    return [(s.depth, s.marker, s.style, s.ordinal, s.title) for s in report.sections]


def kinds(nodes: Iterable[Node]) -> list[str]:
    """The class names of ``nodes`` (for compact assertions on node types)."""
    return [type(n).__name__ for n in nodes]


def is_blank(ch: str) -> bool:
    """Whitespace, including the ideographic space and zero-width spaces."""
    return ch.isspace() or ch in _BLANK


# -- the span invariants ------------------------------------------------------------------

def _spans_of(node: Node) -> Iterator[tuple[str, int, int]]:
    for metric in getattr(node, "metrics", ()):
        yield "metric", metric.span.start, metric.span.end
    if isinstance(node, Section):
        yield "title_span", node.title_span.start, node.title_span.end
    for row in getattr(node, "rows", ()):
        yield "row", row.span.start, row.span.end


def check_spans(report: Report) -> None:
    """Assert the span invariants for every node of ``report``.

    * every span is ``0 <= start <= end <= len(text)``;
    * a child's span lies inside its parent's span;
    * siblings (the top level included) are in document order and do not overlap;
    * a section's title span, a node's metric spans and a table's row spans lie in the node.
    """
    size = len(report.text)

    def visit(nodes: tuple[Node, ...], parent: Node | None, path: str) -> None:
        prev_end = parent.span.start if parent is not None else 0
        for i, node in enumerate(nodes):
            where = f"{path}/{i}:{type(node).__name__}"
            s, e = node.span.start, node.span.end
            assert 0 <= s <= e <= size, f"{where} span [{s}, {e}) outside [0, {size}]"
            if parent is not None:
                assert parent.span.start <= s and e <= parent.span.end, (
                    f"{where} span [{s}, {e}) not inside its parent's "
                    f"[{parent.span.start}, {parent.span.end})"
                )
            assert s >= prev_end, f"{where} starts at {s}, before its previous sibling ends ({prev_end})"
            prev_end = e
            for label, a, b in _spans_of(node):
                assert s <= a <= b <= e, f"{where} {label} [{a}, {b}) not inside [{s}, {e})"
            visit(children(node), node, where)

    visit(report.body, None, "")
    for d in report.diagnostics:
        assert 0 <= d.span.start <= d.span.end <= size, f"diagnostic {d.code} span {d.span} out of range"


def uncovered(report: Report) -> list[int]:
    """Offsets of non-blank characters of ``report.text`` that lie in no node's span."""
    spans = sorted((n.span.start, n.span.end) for n in report.walk())
    text = report.text
    missing: list[int] = []
    pos = 0
    for start, end in spans:
        if start > pos:
            missing.extend(i for i in range(pos, start) if not is_blank(text[i]))
        pos = max(pos, end)
    missing.extend(i for i in range(pos, len(text)) if not is_blank(text[i]))
    return missing


def check_coverage(report: Report) -> None:
    """Assert that every non-blank character of the text lies in some node's span."""
    missing = uncovered(report)
    if missing:
        first = missing[0]
        context = report.text[max(0, first - 10) : first + 20]
        raise AssertionError(
            f"{len(missing)} non-blank character(s) belong to no node; "
            f"first at offset {first}: {report.text[first]!r} in {context!r}"
        )


def check_roundtrip(report: Report) -> None:
    """Assert that ``to_dict`` survives JSON and reads back to an equal report."""
    data = report.to_dict()
    again = json.loads(json.dumps(data, ensure_ascii=False))
    assert again == data, "to_dict() is not stable through json.dumps/json.loads"
    assert Report.from_dict(again) == report


def check_all(report: Report) -> None:
    """Span invariants, coverage and the JSON round trip."""
    check_spans(report)
    check_coverage(report)
    check_roundtrip(report)


# -- diagnostics, strict mode and decoding ----------------------------------------------------

def check_diagnostics(report: Report) -> None:
    """Every diagnostic has a registered code, the registry's severity and a span in the text."""
    for d in report.diagnostics:
        assert d.code in CODES, f"unregistered diagnostic code {d.code!r}"
        assert d.severity is CODES[d.code].severity, d
        assert 0 <= d.span.start <= d.span.end <= len(report.text), d


def check_strict(text: str, lenient: Report) -> None:
    """``strict=True`` raises one ParseError with exactly the lenient warnings and errors, or
    returns the same report when there are none."""
    problems = tuple(d for d in lenient.diagnostics if d.severity.value != "info")
    try:
        strict = parse_text(text, strict=True)
    except ParseError as exc:
        assert problems and exc.diagnostics == problems
    else:
        assert not problems and strict == lenient


BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
"""The byte-order marks ``decode`` honours, in the order it tries them, with their codecs."""


NOT_TEXT = (b"PK", b"\xd0\xcf\x11\xe0", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*",
            b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!", b"\xfd7zXZ", b"\x28\xb5\x2f\xfd", b"{\\rtf", b"\x7fELF",
            b"SQLite format", b"BZh", b"RIFF")
"""How the files start that ``parse_bytes`` refuses with a FormatError naming their format
(ZIP containers other than DOCX, legacy Office, images, archives, RTF …)."""


def decodes(data: bytes) -> bool:
    """Whether some encoding that ``govreport.decode.decode`` tries reads all of ``data``: the
    one its byte-order mark names, or else UTF-8 or GB18030 (UTF-16 without a BOM, tried
    only for bytes with NULs, is left to ``check_decode_offset``)."""
    bom = next(((len(mark), codec) for mark, codec in BOMS if data.startswith(mark)), None)
    tries = [(data[bom[0]:], bom[1])] if bom else [(data, "utf-8"), (data, "gb18030")]
    for raw, encoding in tries:
        try:
            raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return True
    return False


def check_decode_offset(data: bytes) -> None:
    """``decode(data)`` gives text, or a DecodeError at the first byte no encoding tried can read:
    ``data[:offset]`` decodes in one of them and ``data[:offset + 1]`` in none."""
    try:
        decode(data)
    except DecodeError as exc:
        offset = exc.offset
        assert 0 <= offset < len(data), (offset, len(data))
        assert decodes(data[:offset]), f"the {offset} bytes before the offset do not decode"
        assert not decodes(data[: offset + 1]), f"the byte at {offset} decodes in some encoding tried"
    else:
        assert decodes(data) or b"\x00" in data  # bytes with NULs may have been read as UTF-16


# -- time that grows with the input -------------------------------------------------------------

SLACK = 3.0
"""How much worse than proportional the big run may be before a test fails (8x input: 24x time)."""

T = TypeVar("T")


def _cpu(run: Callable[[T], object], arg: T) -> tuple[float, object]:
    gc.collect()
    start = time.process_time()
    result = run(arg)
    return time.process_time() - start, result


def assert_linear(run: Callable[[T], object], small: T, big: T, *, factor: int = 8, label: str = "") -> object:
    """Assert that ``run(big)``, on ``factor`` times the input, takes under ``factor * SLACK`` times
    as long as ``run(small)``. No wall-clock time is asserted, only this ratio of CPU times.

    The small time is the best of three runs. The big input runs once, and again (keeping the
    best) only while the ratio is over the bound, so a noisy neighbour does not fail the
    test but a super-linear step does. Returns the result of the last big run.
    """
    t1 = min(_cpu(run, small)[0] for _ in range(3))
    t1 = max(t1, 1e-4)  # below the clock's useful resolution, a ratio means nothing
    tn, result = _cpu(run, big)
    for _ in range(2):
        if tn / t1 < factor * SLACK:
            break
        again, result = _cpu(run, big)
        tn = min(tn, again)
    assert tn / t1 < factor * SLACK, (
        f"{label}: {factor}x input took {tn / t1:.1f}x the time of 1x ({t1:.4f}s → {tn:.4f}s)"
    )
    return result


def check_layout(layout: Any, text: str, *, reads: bool = False) -> None:
    """A table layout module (``find``/``read``) on ``text``: the parse is sound, ``find``
    reports a region inside the lines or ``-1`` at every line, and ``read`` never raises on
    a region ``find`` reported (with ``reads``, it also gives a table for each)."""
    from govreport.normalize import normalize
    from govreport.segment import split_lines

    check_all(parse_text(text))
    norm = normalize(text)
    lines = split_lines(norm)
    for i, line in enumerate(lines):
        if line.blank:
            continue
        end = layout.find(norm, lines, i)
        assert end == -1 or i < end <= len(lines)
        if end > i:
            table = layout.read(text, norm, [ln for ln in lines[i:end] if not ln.blank], [])
            assert table is not None or not reads


def stderr_on_a_terminal(*args: str) -> str:
    """What ``python -m govreport ARGS`` writes to its standard error when that is a
    terminal (a pseudo-terminal here; standard output goes nowhere)."""
    controller, terminal = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "govreport", *args], stderr=terminal, stdout=subprocess.DEVNULL)
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=120)
    os.close(controller)
    return b"".join(chunks).decode("utf-8")
