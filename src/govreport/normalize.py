"""A length-preserving normalization for matching.

:func:`normalize` maps characters one to one (full-width ASCII to ASCII, ideographic and
other odd spaces to a plain space, every dash variant to ``—``, Kangxi radicals and
compatibility ideographs from PDF fonts to the ideographs they stand for, private-use
characters to U+FFFD), so an offset in the
normalized text is the same offset in the original. Rules match on the normalized text
and report spans that are valid in ``Report.text``. NFKC is deliberately not used: it
changes the length of characters such as ``㎡``, ``⑩`` and ``℃``.
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize", "TABLE", "SPACE_CHARS"]

SPACE_CHARS = "\u3000\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\ufeff\u200b\u200c\u200d\u2060"
"""Characters treated as a space (zero-width ones included, so they never split a word)."""

_table: dict[int, str] = {}
# Full-width ASCII (！ to ～) to ASCII, except the brackets and punctuation whose
# full-width form carries meaning in Chinese text and is matched as such.
_keep_fullwidth = set("（）：；，。！？、“”")
for _code in range(0xFF01, 0xFF5F):
    _ch = chr(_code)
    if _ch not in _keep_fullwidth:
        _table[_code] = chr(_code - 0xFEE0)
# Half-width brackets and colon to their full-width form: markers are matched in one shape.
_table[ord("(")] = "（"
_table[ord(")")] = "）"
for _ch in SPACE_CHARS:
    _table[ord(_ch)] = " "
for _ch in "\u2010\u2011\u2012\u2013\u2015\u2500\u2501\ufe58":
    _table[ord(_ch)] = "—"
# The minus signs read as ASCII "-", like the full-width －: before a number it is a sign
# (增长−2.1%), between two it is a range (5−10所), as "-" is.
_table[ord("\u2212")] = "-"
_table[ord("\ufe63")] = "-"
_table[ord("\u3007")] = "〇"
_table[ord("\u25cb")] = "〇"  # ○ written for 〇 in years
_table[ord("\u2014")] = "—"
_table[ord("\r")] = " "
# Characters some embedded PDF fonts produce for ordinary ones. Kangxi radicals
# (U+2F00–U+2FD5: ⼀⼆ for 一二) and CJK compatibility ideographs (U+F900–U+FAFF, U+2F800–)
# map to the unified ideograph they stand for (their compatibility decomposition, one
# character each); U+FFFE, which PDFium gives for a hyphen at a line end, reads as "-";
# private-use characters (Symbol-font glyphs with no Unicode meaning) read as U+FFFD, a
# character that stands for one unknown (not a space: it is text, and belongs to its node).
for _code in list(range(0x2F00, 0x2FD6)) + list(range(0xF900, 0xFB00)) + list(range(0x2F800, 0x2FA20)):
    _decomposed = unicodedata.normalize("NFKC", chr(_code))
    if len(_decomposed) == 1 and _decomposed != chr(_code):
        _table[_code] = _decomposed
_table[0xFFFE] = "-"
for _code in range(0xE000, 0xF900):
    _table[_code] = "\ufffd"

TABLE: dict[int, str] = dict(_table)
"""The translate table: every value is exactly one character."""

if any(len(v) != 1 for v in TABLE.values()):  # pragma: no cover - a broken table is a bug
    raise RuntimeError("normalize.TABLE must map characters one to one")


# ``str.translate`` looks every character up in the table, which is slow on Chinese text
# where almost no character changes; one regex pass finds the runs that do change. The run
# is written ``[…][…]*`` rather than ``[…]+``: a pattern that opens with a plain character
# class lets the re engine skip ahead with its fast class scan (four times faster here).
def _char_class(codes: list[int]) -> str:
    """A regex character class of ``codes``, runs of consecutive codes written as ranges
    (a class of thousands of single characters loses re's fast scan)."""
    parts: list[str] = []
    k = 0
    while k < len(codes):
        j = k
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        parts.append(re.escape(chr(codes[k])) if j == k else f"{re.escape(chr(codes[k]))}-{re.escape(chr(codes[j]))}")
        k = j + 1
    return "[" + "".join(parts) + "]"


_CHANGED = _char_class(sorted(TABLE))
_MAPPED = re.compile(_CHANGED + _CHANGED + "*")


def _translate_run(m: re.Match[str]) -> str:
    return m.group().translate(TABLE)


def normalize(text: str) -> str:
    """Return ``text`` with the one-to-one table applied; ``len`` is unchanged."""
    return _MAPPED.sub(_translate_run, text)
