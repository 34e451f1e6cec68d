"""Page furniture of a paginated text: page numbers and running headers and footers.

When the text comes with its page spans (a PDF), the furniture of a page is at its edges:
the first and last lines of each page. A line there is furniture when it is a page number
(``— 3 —``, ``- 3 -``, ``第3页``, ``第3页 共9页``, ``3/9``, a bare number or a roman numeral
when such lines stand at the page edges of several pages), or when the same line (its
digits aside) stands at the same edge of several pages (a running header or footer).

The parser hides these lines from the block rules (:func:`mask`) — so a paragraph that runs
across a page break is one paragraph and no page number is read as a heading or a metric —
and puts them back as :class:`~govreport.model.Furniture` nodes of kind ``page``
(:func:`place`).

A text extracted from such an original without its page breaks still shows its pages by
their numbers standing alone on lines (``— 3 —``): :func:`infer_pages` cuts it there, and the
same furniture is found on those pages (the running header under each page number too).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence

import attrs
import regex

from govreport.front.core import looks_like_title
from govreport.model import Column, Furniture, FurnitureKind, Item, Node, Section
from govreport.span import Span

__all__ = ["find_furniture", "infer_pages", "mask", "place"]

_DECORATED = regex.compile(
    r"[-—–－~·•\s]*+(?:[0-9]{1,4}|[ivxlcIVXLC]{1,7})[-—–－~·•\s]*+"  # — 3 —  - 3 -
    r"|第[ ]*+[0-9]{1,4}[ ]*+页(?:[ ]*+[,，/]?[ ]*+共[ ]*+[0-9]{1,4}[ ]*+页)?"  # 第3页 共9页
    r"|[0-9]{1,4}[ ]*+/[ ]*+[0-9]{1,4}"  # 3/9
    r"|(?:page|Page|PAGE)[ ]*+[0-9]{1,4}(?:[ ]*+of[ ]*+[0-9]{1,4})?"
)
_BARE = regex.compile(r"[0-9]{1,4}|[ivxlcIVXLC]{1,7}")
_MIN_REPEATS = 3  # a running header stands on at least this many pages
_MAX_HEADER = 60  # and is no longer than this
_SHARE = 0.3  # bare numbers at page edges on this share of pages make them page numbers


def _edge_lines(norm: str, span: Span) -> list[tuple[int, int]]:
    """The first and last non-blank lines of a page, as ``(start, end)`` content offsets."""
    found: list[tuple[int, int]] = []
    pos = span.start
    lines: list[tuple[int, int]] = []
    while pos < span.end:
        nl = norm.find("\n", pos, span.end)
        end = span.end if nl == -1 else nl
        a, b = pos, end
        while a < b and norm[a] in " \t\f":
            a += 1
        while b > a and norm[b - 1] in " \t\f":
            b -= 1
        if a < b:
            lines.append((a, b))
        pos = end + 1
    if lines:
        found.append(lines[0])
        if len(lines) > 1:
            found.append(lines[-1])
    return found


_DIGITS = regex.compile(r"[0-9]+")


def _key(piece: str) -> str:
    """A line with its digits and spaces folded, to match running headers page to page."""
    return str(_DIGITS.sub("0", "".join(piece.split())))


def find_furniture(norm: str, pages: Sequence[Span]) -> list[Span]:
    """The spans of the page-furniture lines of a paginated text (see the module docstring)."""
    edges: list[list[tuple[int, int]]] = [_edge_lines(norm, p) for p in pages]
    bare_pages = 0
    keys: Counter[tuple[int, str]] = Counter()
    for lines in edges:
        bare = False
        for k, (a, b) in enumerate(lines):
            piece = norm[a:b].strip()
            if _BARE.fullmatch(piece):
                bare = True
            if len(piece) <= _MAX_HEADER:
                keys[(k, _key(piece))] += 1
        bare_pages += bare
    bare_ok = bare_pages >= 2 and bare_pages >= _SHARE * len(pages)
    found: list[Span] = []
    for page, lines in enumerate(edges):
        for k, (a, b) in enumerate(lines):
            piece = norm[a:b].strip()
            if _BARE.fullmatch(piece):
                if bare_ok:
                    found.append(Span(a, b))
            elif _DECORATED.fullmatch(piece) and any(ch.isdigit() for ch in piece):
                found.append(Span(a, b))
            elif page == k == 0 and looks_like_title(piece):
                continue  # the document's first line is its title, which a running header repeats
            elif len(piece) <= _MAX_HEADER and keys[(k, _key(piece))] >= _MIN_REPEATS and len(pages) >= _MIN_REPEATS:
                found.append(Span(a, b))
    return found


# A page number alone on its line. It opens at the line break before it, a literal the
# search skips to: a pattern opening with a class or ^ is tried at every character.
_NUMBER_LINE = re.compile(
    r"\n[ \t\u3000]*(?:[-—–－~][ \t\u3000]*(?P<a>[0-9０-９]{1,4})[ \t\u3000]*[-—–－~]"
    r"|第[ \t\u3000]*(?P<b>[0-9０-９]{1,4})[ \t\u3000]*页"
    r"(?:[ \t\u3000]*[,，/]?[ \t\u3000]*共[ \t\u3000]*[0-9０-９]{1,4}[ \t\u3000]*页)?)[ \t\u3000]*(?=\r?\n|\r?$)"
)


def infer_pages(text: str) -> list[Span]:
    """The pages of a text extracted from a paginated original without its page breaks,
    told by its page-number lines (``— 3 —``, ``- 3 -``, ``第3页``): when at least three
    stand alone on their lines, numbered upwards, each page ends with its number's line.
    ``[]`` when the text shows no such pages (a bare number alone on a line is no proof).
    Raw or normalized text alike (full-width digits and spaces are read)."""
    ends: list[int] = []
    last = -1
    for m in _NUMBER_LINE.finditer(text):
        number = int(m.group("a") or m.group("b"))
        if number > last:
            ends.append(m.end())
            last = number
    if len(ends) < _MIN_REPEATS:
        return []
    starts = [0, *ends]
    if ends[-1] < len(text):
        ends.append(len(text))
    return [Span(a, b) for a, b in zip(starts, ends) if a < b]


def mask(text: str, spans: Sequence[Span]) -> str:
    """``text`` with the characters of ``spans`` replaced by spaces (same length)."""
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for span in sorted(spans):
        parts.append(text[pos : span.start])
        parts.append(" " * (span.end - span.start))
        pos = span.end
    parts.append(text[pos:])
    return "".join(parts)


_CONTAINERS = (Section, Column, Item)


def place(body: tuple[Node, ...], furniture: Sequence[Furniture]) -> tuple[Node, ...]:
    """``body`` with each furniture node put where it lies: inside the innermost section,
    box or item whose span holds it, in order among its siblings. A node that falls
    inside a leaf's span (never, when the reader kept pages apart) is left out: its text
    is covered by that leaf."""
    for node in sorted(furniture, key=lambda n: n.span.start):
        body = _insert(body, node)
    return body


def _insert(nodes: tuple[Node, ...], item: Furniture) -> tuple[Node, ...]:
    """``nodes`` with ``item`` put in document order, inside the section, box or item that holds it."""
    starts = [n.span.start for n in nodes]
    k = bisect.bisect_right(starts, item.span.start)
    if k > 0:
        before = nodes[k - 1]
        if before.span.start <= item.span.start and item.span.end <= before.span.end:
            if isinstance(before, _CONTAINERS) and before.children:
                inner = _insert(before.children, item)
                if inner is before.children:
                    return nodes
                return nodes[: k - 1] + (attrs.evolve(before, children=inner),) + nodes[k:]
            return nodes  # inside a leaf
        if before.span.end > item.span.start:
            return nodes
    if k < len(nodes) and nodes[k].span.start < item.span.end:
        return nodes
    return nodes[:k] + (item,) + nodes[k:]


def page_furniture_nodes(text: str, spans: Sequence[Span]) -> list[Furniture]:
    """One ``page`` furniture node per span, its text as written."""
    return [Furniture(s, FurnitureKind.PAGE, " ".join(text[s.start : s.end].split())) for s in spans]
