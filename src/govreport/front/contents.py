"""Tables of contents: a ``目录`` line and its entries, furniture before the body.

An entry is told on its own by its dot leaders (``第一章 发展基础……………1``,
``前 言 ........ 1``) or its trailing page number (``第一章 发展基础 3``, split by a PDF
extractor as ``1 7``). Entries with neither (indented with U+3000, say) are told by the
first entry's being written again later as the body's first heading: every line before
that repeat is an entry, unless it is prose. The contents end at the first line that is
not an entry. Several entries may run together on one line, the ``目录`` line too.
"""
from __future__ import annotations

import regex

from collections.abc import Iterable

from govreport.front.core import Cursor
from govreport.markers import match_heading
from govreport.model import Furniture, FurnitureKind
from govreport.normalize import normalize

__all__ = ["contents_rule", "is_entry", "contents_titles"]

# a PDF page number glued to a line: 1前言, I目录
_PAGE_MARK = r"(?:[0-9]{1,3}|[IVXivx]{1,4})"
_OPEN = regex.compile(rf"{_PAGE_MARK}?目录(?P<rest>.*)")
_LEADER = regex.compile(r"[.·．・_]{3,}|[…⋯]{2,}|(?:[.·．]\s){3,}")
_PAGE = regex.compile(r"(?<=[^0-9.．\s])\s+[0-9]{1,3}(?:\s[0-9])?$")
_PAGE_ONLY = regex.compile(rf"[-—–]?\s*{_PAGE_MARK}\s*[-—–]?")
_PROSE = regex.compile(r"[。；;，,！？]")
_KEY_TAIL = ".·．・_…⋯ 0123456789"
_KEY_HEAD = regex.compile(rf"^{_PAGE_MARK}(?=\p{{Han}})")
_REPEAT_WITHIN = 400
_ENTRY_MAX = 120


def is_entry(words: str) -> bool:
    """Whether a line reads as a table-of-contents entry: dot leaders, or a short heading
    ending in a page number."""
    if _LEADER.search(words):
        return True
    if len(words) > _ENTRY_MAX or _PROSE.search(words):
        return False
    m = _PAGE.search(words)
    return m is not None and m.start() > 0 and not words[: m.start()].strip().isdigit()


def _key(flat: str) -> str:
    """An entry or heading without leaders, page numbers and a page number glued before it."""
    return str(_KEY_HEAD.sub("", flat.rstrip(_KEY_TAIL)))


def _opens(cur: Cursor, i: int) -> bool:
    """Whether line ``i`` opens a table of contents: ``目录`` alone, with a page number, or with its
    first entry."""
    m = _OPEN.fullmatch(cur.flat(i))
    if m is None:
        return False
    rest = m.group("rest")
    words = cur.words(i)
    return not rest or _PAGE_ONLY.fullmatch(rest) is not None or is_entry(words[words.index("录") + 1 :])


def _repeat(cur: Cursor, first: int) -> int | None:
    """The index of the line that writes the entry at ``first`` again, if any."""
    key = _key(cur.flat(first))
    if not key:
        return None
    for k in range(first + 1, min(len(cur.lines), first + _REPEAT_WITHIN)):
        if _key(cur.flat(k)) == key and not is_entry(cur.words(k)):
            return k
    return None


def contents_rule(cur: Cursor, i: int) -> int | None:
    """A ``目录`` line and its entries, or a run of two entries with dot leaders."""
    opened = _opens(cur, i)
    if not opened:
        if not (i + 1 < cur.limit and _LEADER.search(cur.words(i)) and _LEADER.search(cur.words(i + 1))):
            return None
        first = i
    else:
        first = i + 1
    repeat = _repeat(cur, first) if first < len(cur.lines) else None
    end = first
    while end < cur.limit:
        words = cur.words(end)
        if is_entry(words) or _PAGE_ONLY.fullmatch(words):
            end += 1
        elif repeat is not None and end < repeat and not _PROSE.search(words) and len(words) <= _ENTRY_MAX:
            end += 1
        elif end + 1 < cur.limit and not _PROSE.search(words) and _LEADER.search(cur.words(end + 1)):
            end += 2  # an entry broken over two lines: 第一章 …… / 发展基础……1
        else:
            break
    for k in range(i, end):
        cur.furniture(k, FurnitureKind.CONTENTS)
    cur.anchor = end
    return end


_TITLE_MIN = 2


def contents_titles(nodes: Iterable[object]) -> frozenset[str]:
    """The heading titles a table of contents lists (spaces removed, markers, leaders and
    page numbers taken off): ``第一节 改造提升传统服务业……12`` gives ``改造提升传统服务业``.

    The body's headings are matched against them where a title runs into its paragraph
    without a break (:func:`govreport.blocks.heading_rule`).
    """
    titles: set[str] = set()
    for node in nodes:
        if not isinstance(node, Furniture) or node.kind is not FurnitureKind.CONTENTS:
            continue
        key = normalize(_key("".join(node.text.split())))
        marker = match_heading(key, 0)
        title = key[marker.end :] if marker is not None else ""
        if len(title) >= _TITLE_MIN:
            titles.add(title)
    return frozenset(titles)
