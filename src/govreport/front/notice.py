"""The notice wrapper: ``关于印发…的通知`` and its letter, around the document it issues.

A notice opens with its title (``某某市人民政府关于印发…的通知``, maybe broken over lines,
maybe with the issuer on a line of its own above it), then its letter: a document number
(``国发〔2021〕29号``), the recipients (``各区人民政府，市政府各部门：``), a sentence or two
(``现将…印发给你们``, ``特此通知。``), the signature, a date and maybe ``（此件公开发布）``.
The letter is taken whole, up to its date and the bracketed line after it, so its sentences
do not end the front matter of a document without a salutation.
"""
from __future__ import annotations

import regex

from govreport.front.core import Cursor, looks_like_title
from govreport.model import FrontRole
from govreport.normalize import normalize
from govreport.numerals import DATE

__all__ = ["notice_rule", "ISSUER"]

_VERB = regex.compile(r"印发|转发|颁发|发布|公布")
_END = regex.compile(r"通知[》」]?$")
ISSUER = regex.compile(r"(?:人民政府|办公厅|办公室|人民代表大会常务委员会|常务委员会|委员会|国务院|[部委局厅署院办])$")
"""The end of an issuing body's name (人民政府, 办公厅, 国务院, 国家能源局, 科学技术部 …)."""
_CLOSE = regex.compile(r"[（(](?:此件|本文|本件)[^）)]{0,12}[）)]")
_DOC_NUMBER = regex.compile(r"[\p{Han}]{1,16}[〔\[［【(（][0-9]{4}[〕\]］】)）][0-9]{1,4}号")
_SENTENCE = regex.compile(r"[。，；！？：,;!?:]")  # no title or signature holds one
_TITLE_LINES = 4
_LETTER_LINES = 40


def _title(cur: Cursor, i: int) -> tuple[int, str] | None:
    """A notice title opening at line ``i``: the index of its last line and its words."""
    if i >= cur.limit or not _VERB.search(cur.flat(i)):
        return None
    title = ""
    for j in range(i, min(cur.limit, i + _TITLE_LINES)):
        title += cur.flat(j)
        if _SENTENCE.search(title) or len(title) > 160:
            return None
        if _END.search(title):
            return j, title
    return None


def _issuer_line(flat: str) -> bool:
    """A short line naming an issuing body (``某某县人民政府办公室``, ``国务院``)."""
    return 2 <= len(flat) <= 40 and not _SENTENCE.search(flat) and bool(ISSUER.search(flat))


def _date_line(flat: str) -> bool:
    """A line holding only a date (``2021年12月12日``, maybe ``…日印发``)."""
    return DATE.fullmatch(normalize(flat).removesuffix("印发")) is not None


def notice_rule(cur: Cursor, i: int) -> int | None:
    """A notice's title (with the issuer's line above it, if any) and its whole letter."""
    if cur.info.notice_title is not None:
        return None
    issuer_line = None
    found = _title(cur, i)
    if found is None and _issuer_line(cur.flat(i)):
        found = _title(cur, i + 1)
        issuer_line = i
    if found is None:
        return None
    last, title = found
    info = cur.info
    info.notice_title = title
    start = i
    if issuer_line is not None:
        info.notice_issuer = cur.flat(issuer_line)
        cur.front(issuer_line, issuer_line, FrontRole.NOTICE, cur.words(issuer_line))
        start = issuer_line + 1
    else:
        lead = regex.split(r"关于|印发|转发|颁发|发布|公布", title, maxsplit=1)[0]
        if lead and _issuer_line(lead.replace("、", "")):
            info.notice_issuer = lead  # 某某市人民政府关于印发…, the issuer run into the title
    cur.front(start, last, FrontRole.NOTICE, title)
    end = _letter(cur, last + 1)
    cur.anchor = end
    return end


def _letter(cur: Cursor, i: int) -> int:
    """Read the letter from line ``i``; the index after it.

    The letter ends at its date, with the bracketed lines right after it (``（此件公开发布）``,
    ``（本文有删减）``). Without a date within 40 lines, it runs to the first line that reads
    as a title.
    """
    stop = min(cur.limit, i + _LETTER_LINES)
    date = next((k for k in range(i, stop) if _date_line(cur.flat(k))), None)
    if date is None:
        end = i
        while end < stop and not looks_like_title(cur.flat(end)):
            end += 1
        _lines(cur, i, end, None)
        return end
    end = date + 1
    while end < cur.limit and _CLOSE.fullmatch(cur.flat(end)):
        end += 1
    _lines(cur, i, end, date)
    return end


def _lines(cur: Cursor, i: int, end: int, date: int | None) -> None:
    """Add the letter's lines ``i`` to ``end - 1`` as notice nodes and read what they say."""
    info = cur.info
    signature: list[str] = []
    if date is not None:
        k = date - 1
        while k >= i and _issuer_line(cur.flat(k)):
            signature.insert(0, cur.flat(k))
            k -= 1
    for k in range(i, end):
        flat = cur.flat(k)
        if k == date:
            info.notice_date = flat
        elif info.notice_recipients is None and flat.endswith(("：", ":")) and not _DOC_NUMBER.fullmatch(flat):
            info.notice_recipients = flat.rstrip("：:")
        cur.front(k, k, FrontRole.NOTICE, cur.words(k))
    if signature:
        name = "、".join(signature)
        # the signature names the issuer in full (上海市青禾区人民政府办公室 for the title's
        # 青禾区人民政府办公室); an issuer's line above the title is kept as written
        if info.notice_issuer is None or name.endswith(info.notice_issuer) or len(signature) > 1:
            info.notice_issuer = name
