"""Table captions: the title line printed right above a table.

``表1 “十四五”时期经济社会发展主要指标``, ``“十五五”城市更新主要预期指标一览表``,
``…核心指标表``, ``…重点项目清单``: a short line that names the table below it belongs
to the table (``Table.caption``), not to the outline. What is a caption
(:func:`caption_at`): a line opening with ``表`` and a number, or a short line ending in
``表``, ``一览表``, ``清单`` or ``指标`` (a bracketed note after it allowed), with no
sentence punctuation. An appendix title (``附件1``), a 专栏 title, a heading and a figure
caption are never table captions.

A layout's ``find`` can let its region start at a caption with :func:`find_with_caption`,
and its ``read`` take the caption off again with :func:`split_caption`.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from govreport.markers import COLUMN_TITLE, match_figure, match_heading
from govreport.segment import Line
from govreport.text import clean

__all__ = ["caption_at", "find_with_caption", "split_caption", "CAPTION_MAX", "CAPTION_BLANKS"]

CAPTION_MAX = 40
"""The longest caption line, in characters."""

CAPTION_BLANKS = 2
"""How many blank lines may stand between a caption and its table."""

_NUMBERED = re.compile(r"附?表[ ]*[0-9０-９一二三四五六七八九十]{1,3}(?![0-9])")
_NAMING_END = re.compile(r"(?:表|清单|指标)(?:[（(][^（）()\n]{1,16}[）)])?[：:]?$")
_PUNCT = re.compile(r"[。，；！？,;!?]")


def caption_at(norm: str, line: Line) -> bool:
    """Whether ``line`` (of the normalized text) reads as a table caption."""
    if line.blank or line.end - line.start > CAPTION_MAX:
        return False
    if norm.find("\t", line.start, line.end) != -1 or norm.startswith("|", line.start):
        return False  # a row of a delimited table
    head = line.head
    words = clean(norm[head : line.end])
    if not words or _PUNCT.search(words) or words.startswith("附件"):
        return False
    if match_heading(norm, head) is not None or COLUMN_TITLE.match(norm, head, line.end) is not None:
        return False
    if match_figure(norm, head, line.end) is not None:
        return False
    if _NUMBERED.match(words):
        return True
    return _NAMING_END.search(words, max(0, len(words) - 24)) is not None


def _next_content(lines: Sequence[Line], i: int, blanks: int = CAPTION_BLANKS) -> int | None:
    """The index of the first non-blank line after ``lines[i]``, if at most ``blanks``
    blank lines come between."""
    j = i + 1
    while j < len(lines) and lines[j].blank and j - i - 1 < blanks:
        j += 1
    return j if j < len(lines) and not lines[j].blank else None


def find_with_caption(norm: str, lines: Sequence[Line], i: int, find: Callable[[str, Sequence[Line], int], int]) -> int:
    """``find`` for a layout, with its table's caption included.

    When ``lines[i]`` is a caption and ``find`` says a table starts at the next non-blank
    line, the region starts at the caption: the index after the table's last line.
    Otherwise, what ``find`` says of ``lines[i]`` itself.
    """
    if caption_at(norm, lines[i]):
        j = _next_content(lines, i)
        if j is not None:
            end = find(norm, lines, j)
            if end > j:
                return end
    return find(norm, lines, i)


def split_caption(text: str, norm: str, lines: Sequence[Line]) -> tuple[str | None, Sequence[Line]]:
    """A region's caption (display text) and the lines of the table below it, for a reader
    whose ``find`` used :func:`find_with_caption`. ``(None, lines)`` when the first line is
    no caption."""
    if len(lines) > 1 and caption_at(norm, lines[0]):
        return clean(text[lines[0].head : lines[0].end]), lines[1:]
    return None, lines
