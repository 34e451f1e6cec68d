"""Table captions: the title line printed right above a table.

``表1 “十四五”时期经济社会发展主要指标``, ``“十五五”城市更新主要预期指标一览表``,
``…核心指标表``, ``…重点项目清单``: a short line that names the table below it belongs
to the table (``Table.caption``), not to the outline. What is a caption
(:func:`caption_at`): a line opening with ``表`` and a number, or a short line ending in
``表``, ``一览表``, ``清单`` or ``指标`` (a bracketed note after it allowed), with no
sentence punctuation. An appendix title (``附件1``), a 专栏 title, a heading and a figure
caption are never table captions.

The block rules give a table of any layout the caption line standing at most
:data:`CAPTION_BLANKS` blank lines above it (:func:`govreport.blocks.classify`); the
flattened layout reads it itself, since there a caption may look like a header cell.
"""
from __future__ import annotations

import re

from govreport.markers import COLUMN_TITLE, match_figure, match_heading
from govreport.segment import Line
from govreport.text import clean

__all__ = ["caption_at", "CAPTION_MAX", "CAPTION_BLANKS"]

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
