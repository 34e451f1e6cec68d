"""The ordered front-matter rules and the one loop that runs them."""
from __future__ import annotations

from collections.abc import Sequence

import regex

from govreport.front.contents import contents_rule
from govreport.front.core import SALUTATION, Cursor, FrontInfo, FrontNode, FrontRule
from govreport.front.header import SOURCE_FIELDS, header_rule
from govreport.front.notice import notice_rule
from govreport.front.report import byline_rule, salutation_rule, speaker_rule, subtitle_rule, title_rule
from govreport.model import Furniture, FurnitureKind
from govreport.segment import Line

__all__ = ["RULES", "split_front", "body_rule", "furniture_rule"]

_SALUTATION_WITHIN = 120  # content lines searched for 各位代表：
_SHORT_LINES = 12  # short lines read as front matter after the last block, without a salutation
_SOURCE = regex.compile("(?:" + "|".join(sorted(SOURCE_FIELDS, key=len, reverse=True)) + ")[：:]")
_PAGE_FURNITURE = (FurnitureKind.CLUTTER, FurnitureKind.SOURCE)


def body_rule(cur: Cursor, i: int) -> int | None:
    """Without a salutation, the front ends at the first line that is not short and
    title-like (a heading, a sentence, a table row), or after twelve short lines."""
    if cur.bounded or (cur.is_title_like(i) and i - cur.anchor < _SHORT_LINES):
        return None
    cur.done = True
    return i


def furniture_rule(cur: Cursor, i: int) -> int:
    """Any other line: page furniture, ``source`` for ``来源：…``/``时间：…``, else ``clutter``."""
    kind = FurnitureKind.SOURCE if _SOURCE.match(cur.flat(i)) else FurnitureKind.CLUTTER
    cur.furniture(i, kind)
    return i + 1


RULES: tuple[tuple[str, FrontRule], ...] = (
    ("salutation", salutation_rule),
    ("header", header_rule),
    ("contents", contents_rule),
    ("notice", notice_rule),
    ("body", body_rule),
    ("subtitle", subtitle_rule),
    ("speaker", speaker_rule),
    ("title", title_rule),
    ("byline", byline_rule),
    ("furniture", furniture_rule),
)
"""The front-matter rules in the order they are asked; the first that recognises a line
takes it (and maybe the lines after it). The last, ``furniture``, takes any line."""


def _find_salutation(norm: str, content: Sequence[Line]) -> int:
    for i, line in enumerate(content[:_SALUTATION_WITHIN]):
        if SALUTATION.match(norm, line.head, line.end):
            return i
    return -1


def split_front(text: str, norm: str, lines: Sequence[Line],
                rules: Sequence[tuple[str, FrontRule]] = RULES) -> tuple[list[FrontNode], int, FrontInfo]:
    """Split off the front matter.

    Returns the front nodes, the index into ``lines`` where the body starts, and what
    the front matter says. With a salutation (``各位代表：``) among the first lines,
    every line up to it is front matter; without one, the front ends where ``body_rule``
    says, and page furniture after its last title, subtitle, notice, header or contents
    line is given back to the body.
    """
    content_idx = [i for i, ln in enumerate(lines) if not ln.blank]
    content = [lines[i] for i in content_idx]
    sal = _find_salutation(norm, content)
    cur = Cursor(text, norm, content, limit=sal + 1 if sal >= 0 else len(content), bounded=sal >= 0)
    i = 0
    while i < cur.limit:
        for _name, rule in rules:
            end = rule(cur, i)
            if end is not None:
                break
        else:
            end = furniture_rule(cur, i)  # rules given without a catch-all
        if cur.done:
            i = end
            break
        i = max(end, i + 1)  # a rule that took nothing must not stall the loop
    nodes = cur.nodes
    if not cur.bounded:
        while nodes and isinstance(nodes[-1], Furniture) and nodes[-1].kind in _PAGE_FURNITURE:
            nodes.pop()
        stop = nodes[-1].span.end if nodes else 0
        i = next((k for k, ln in enumerate(content) if ln.start >= stop), len(content))
    body_index = content_idx[i] if i < len(content) else len(lines)
    return nodes, body_index, cur.info
