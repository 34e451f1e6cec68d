"""Outline and enumeration markers: ``一、`` ``（一）`` ``1.`` ``（1）`` ``第一章`` ``第一节`` ``专栏3``.

Markers are matched on normalized text (see :mod:`govreport.normalize`), where ``(``
has become ``（`` and full-width digits ASCII. A :class:`Marker` records the style (the
marker with its numeral replaced by ``N``), the ordinal and where the marker ends. The
numerals of markers are read by :func:`govreport.numerals.small_ordinal`.
"""
from __future__ import annotations

import re

import attrs
import regex

from govreport.numerals import small_ordinal

__all__ = ["Marker", "match_heading", "match_item", "match_figure", "match_column", "COLUMN_TITLE", "HEADING_FIRST",
           "ITEM_FIRST"]


@attrs.frozen(slots=True)
class Marker:
    """A marker at the start of a block.

    ``style`` is the marker as written with its numeral replaced by ``N`` (``（N）`` for
    both ``（一）`` and ``（1）``); ``key`` also tells Chinese from Arabic numerals, so
    ``（一）`` and ``（1）`` nest as different levels. ``end`` is the offset, relative to
    where matching started, just after the marker and the spaces after it.
    """

    style: str
    key: str
    ordinal: int
    text: str
    end: int


_CN_NUMERALS = "一二三四五六七八九十百两〇零"
_NUM_CN = rf"[{_CN_NUMERALS}]{{1,4}}"
_NUM_AR = r"[0-9]{1,3}"
_AR_NUMERALS = "0123456789"

# (characters it opens with, display style, nesting key, pattern); 第N章 first, and （N）
# before N、.
_HEADING_PATTERNS: tuple[tuple[str, str, str, re.Pattern[str]], ...] = (
    ("第", "第N{u}", "第N{u}", re.compile(rf"第[ ]*(?P<n>{_NUM_CN}|{_NUM_AR})[ ]*(?P<u>[章节篇编]|部分)[ ]*")),
    ("（", "（N）", "（一）", re.compile(rf"（[ ]*(?P<n>{_NUM_CN})[ ]*）[ ]*")),
    ("（", "（N）", "（1）", re.compile(rf"（[ ]*(?P<n>{_NUM_AR})[ ]*）[ ]*")),
    (_CN_NUMERALS, "N、", "一、", re.compile(rf"(?P<n>{_NUM_CN})[ ]*(?:、|[．.](?![0-9]))[ ]*")),
    (_AR_NUMERALS, "N.", "1.", re.compile(rf"(?P<n>{_NUM_AR})[ ]*[.](?![0-9])[ ]*")),
    (_AR_NUMERALS, "N、", "1、", re.compile(rf"(?P<n>{_NUM_AR})[ ]*、[ ]*")),
    # the zero-padded group numbers of plan boxes (``01 水能发电技术示范``): a title line only
    ("0", "0N", "01", re.compile(r"0(?P<n>[1-9])(?=[ ]*[\u4e00-\u9fff“])[ ]*")),
)

def _by_first_character(
    patterns: tuple[tuple[str, str, str, re.Pattern[str]], ...],
) -> dict[str, tuple[tuple[str, str, re.Pattern[str]], ...]]:
    """For each character a marker may open with, the patterns to try there, in order.

    Markers are asked for on every line and most lines open with none of these
    characters, so looking the character up is much cheaper than trying each pattern.
    """
    found: dict[str, list[tuple[str, str, re.Pattern[str]]]] = {}
    for first, style, key, pattern in patterns:
        for ch in first:
            found.setdefault(ch, []).append((style, key, pattern))
    return {ch: tuple(entries) for ch, entries in found.items()}


_HEADINGS_BY_FIRST = _by_first_character(_HEADING_PATTERNS)
HEADING_FIRST = "".join(_HEADINGS_BY_FIRST)
"""Every character an outline marker may open with (what :func:`match_heading` looks for)."""


def match_heading(text: str, pos: int = 0) -> Marker | None:
    """The outline marker opening ``text`` at ``pos``, or ``None``.

    Recognised: ``一、`` ``（一）`` ``1.``/``1．``/``1、`` ``（1）`` ``第一章`` ``第一节``
    ``第一部分`` ``第一篇``. A marker must be followed by text on the same line, except
    ``第N章``-style markers, which may stand alone.
    """
    candidates = _HEADINGS_BY_FIRST.get(text[pos]) if pos < len(text) else None
    if candidates is None:
        return None
    stop = _line_end(text, pos)
    for style, key, pattern in candidates:
        m = pattern.match(text, pos, stop)
        if m is None:
            continue
        after = m.end()
        if (after >= len(text) or text[after] == "\n") and not style.startswith("第"):
            continue
        ordinal = small_ordinal(m.group("n"))
        if ordinal is None:
            continue
        if key == "01" and _SENTENCE_PUNCT.search(text, after, stop):
            continue  # a zero-padded number opens a title line, never a sentence
        if style.startswith("第"):
            unit = m.group("u")
            style = key = f"第N{unit}"
        return Marker(style=style, key=key, ordinal=ordinal, text=text[pos : m.end()].rstrip(), end=m.end() - pos)
    return None


_SENTENCE_PUNCT = re.compile(r"[。，；,;！？!?]")  # a title holds none of these


def _line_end(text: str, pos: int) -> int:
    """Where the line holding ``pos`` ends.

    Markers never span lines, and the ``regex`` module looks for a pattern's required
    literal (the ``.`` of ``1.``, the ``、`` of ``1、``) through the whole rest of the string
    before matching: without this bound, each line of a text with no ``、`` in it cost a scan
    to the end of the text, and parsing was quadratic.
    """
    stop = text.find("\n", pos)
    return len(text) if stop == -1 else stop


# Enumerations that are not outline levels.
_ORDINAL_ITEM = re.compile(r"(?P<n>[一二三四五六七八九十]{1,3})(?P<w>是|要|方面|则|来)(?![0-9])")
_DASH_ITEM = regex.compile(r"(?:——|—{1,2}|--{1,3}|──)[ ]*+(?=[^\s—-])")
# (matched on normalized text, where every dash variant is —)
_LABEL_ITEM = re.compile(r"“(?P<label>[^”\n]{1,16})”[ ]*[：:]")
_BULLET_ITEM = re.compile(r"[●■◆▪•·◎○][ ]*")
# Circled numbers ① … ⑳, ㉑ … ㉟, ㊱ … ㊿: the items of plan boxes.
_CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)}
_CIRCLED.update({chr(0x3251 + i): i + 21 for i in range(15)})
_CIRCLED.update({chr(0x32B1 + i): i + 36 for i in range(15)})
_CIRCLED_ITEM = re.compile("[" + "".join(_CIRCLED) + "][ ]*")
ITEM_FIRST = "一二三四五六七八九十" "—-─" "“" "●■◆▪•·◎○" + "".join(_CIRCLED)
"""Every character an item marker may open with (what :func:`match_item` looks for)."""
_ITEM_FIRST = frozenset(ITEM_FIRST)


def match_item(text: str, pos: int = 0) -> tuple[str, str, int | None, int] | None:
    """An item marker opening ``text`` at ``pos``: ``(kind, marker, ordinal, end)`` or ``None``.

    ``kind`` is ``ordinal`` (一是…), ``dash`` (——…), ``labelled`` (“一核”：…), ``bullet``
    or ``enumerated`` (``①``: a circled number, its ordinal).
    """
    if pos >= len(text) or text[pos] not in _ITEM_FIRST:
        return None
    stop = _line_end(text, pos)
    m = _ORDINAL_ITEM.match(text, pos, stop)
    if m is not None:
        return ("ordinal", m.group(0), small_ordinal(m.group("n")), m.end() - pos)
    m = _DASH_ITEM.match(text, pos, stop)
    if m is not None:
        return ("dash", m.group(0), None, m.end() - pos)
    m = _LABEL_ITEM.match(text, pos, stop)
    if m is not None:
        return ("labelled", m.group(0), None, m.end() - pos)
    m = _BULLET_ITEM.match(text, pos, stop)
    if m is not None:
        return ("bullet", m.group(0), None, m.end() - pos)
    m = _CIRCLED_ITEM.match(text, pos, stop)
    if m is not None:
        return ("enumerated", m.group(0), _CIRCLED[text[pos]], m.end() - pos)
    return None


COLUMN_TITLE = regex.compile(
    r"[【\[]?专[ ]?栏(?:[ ]*+(?:[（(](?P<p>[0-9]{1,2}|[一二三四五六七八九十]{1,3})[）)]"
    r"|(?P<n>[0-9]{1,3}|[一二三四五六七八九十百]{1,4})(?:[-—－–.．](?=[0-9])[0-9]{1,3})?)(?![0-9]))?"
    r"(?P<close>[】\]])?"
    r"(?P<sep>[ ：:、.．]*+)"
)
"""The opening of a 专栏 box title: ``专栏3``, ``专 栏 三：``, ``专栏3-2`` (the second box of
chapter 3: number 3), ``专栏（一）``, ``【专栏1】``, or ``专栏`` with no number."""

_COLUMN_TITLE_MAX = 60


def match_column(text: str, pos: int, end: int) -> tuple[int | None, int] | None:
    """A 专栏 box title opening ``text[pos:end]``: ``(number, title_start)`` or ``None``.

    ``number`` is ``None`` for a box without a number (``专栏 “十五五”时期主要指标``); such a
    title must be there, short and without sentence punctuation, or the words are prose
    that happens to open with 专栏. A numbered box may have its title on the next line
    (the title then starts at ``end``).
    """
    if not text.startswith(("专", "【专", "[专"), pos):
        return None
    m = COLUMN_TITLE.match(text, pos, end)
    if m is None:
        return None
    numeral = m.group("n") or m.group("p")
    title = text[m.end() : end]
    if numeral is None:
        words = title.strip(" *")
        if not words or len(words) > _COLUMN_TITLE_MAX or _SENTENCE_PUNCT.search(words):
            return None
        return None, m.end()
    delimited = m.group("p") or m.group("close") or m.group("sep")  # （一）, 【专栏一】, 专栏一：
    if not numeral.isdigit() and not delimited and m.end() < end and text[m.end()] not in "*“\"":
        return None  # 专栏一览: a word that opens with a numeral, not a box number
    return small_ordinal(numeral), m.end()

# possessive runs of spaces: with two greedy runs around an optional stop, a caption marker
# followed by many spaces and no word backtracked quadratically
FIGURE_CAPTION = regex.compile(r"图[ ]*(?P<n>[0-9]{1,3})[ ]*+(?:[：:、.．][ ]*+)?(?=\S)")


def match_figure(text: str, pos: int = 0, end: int | None = None) -> regex.Match[str] | None:
    """The figure caption marker (``图2``) opening ``text[pos:end]``, or ``None``.

    Asked of every line: the test for 图 spares most lines the pattern.
    """
    if not text.startswith("图", pos):
        return None
    return FIGURE_CAPTION.match(text, pos, len(text) if end is None else end)
