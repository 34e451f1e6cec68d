"""The document's own front lines: title, subtitle, speaker and salutation.

``2025年青禾市政府工作报告`` / ``——2025年1月14日在青禾市第五届人民代表大会第三次会议上`` /
``青禾市市长 林远`` / ``各位代表：``. A title or a subtitle may be broken over lines, and
title, subtitle and speaker may run together on one line.
"""
from __future__ import annotations

import regex

from govreport.front.core import OFFICE, SALUTATION, SPEAKER, Cursor, flat_of, looks_like_title
from govreport.markers import match_heading
from govreport.front.header import SCRAPE_FIELDS
from govreport.model import FrontMatter, FrontRole
from govreport.normalize import normalize
from govreport.numerals import DATE, YEAR
from govreport.text import clean

__all__ = ["title_rule", "subtitle_rule", "speaker_rule", "salutation_rule", "byline_rule"]

_DASH_RUN = regex.compile(r"[—―─–‒-]{2,}")
_SUBTITLE_LEAD = regex.compile(r"^(?:[—―─–‒-]{1,4}|～|~)[ ]*")
# A dash-led line is a subtitle only if it speaks of a meeting or a date (not "- 新建学校10所").
_SUBTITLE_CUE = regex.compile(rf"会议|大会|[0-9]{{4}}|{YEAR}年")
_SUBTITLE_BODY = regex.compile(
    r"(?:在|于).{2,60}?(?:会议|大会)(?:上|开幕)"
    rf"|^[（(]?{YEAR}年.{{2,60}}?(?:会议|大会)(?:审议)?(?:批准|通过)[）)]?$"  # a plan's approval line
    rf"|^[（(]{YEAR}年.{{0,20}}?(?:在|于).{{2,40}}?(?:会议|大会)"  # （…, broken
)
_MEETING = regex.compile(r"(?:会议|大会)(?:开幕式)?上|）$")
_MEETING_END = regex.compile(r"(?:会议上|大会上|会议开幕式上)")
_TITLE_END = regex.compile(r"(?:报告|纲要|通知|建议)$")
_TITLE_TAIL = regex.compile(r"(?:规划|纲要|工作报告|报告|统计公报)")
"""How the second line of a title broken before its last words begins."""
_FIELD_LINE = regex.compile(r"(?P<key>\p{Han}{1,6})[ ]*[:：]")
_SPEAKER_SAYS = regex.compile(
    rf"(?P<office>[\p{{Han}}]{{0,24}}?{OFFICE})[ ]*(?P<name>\p{{Han}}(?:[ ]{{0,3}}\p{{Han}}){{1,2}})(?:同志)?(?:所?作|代表).{{0,20}}$"
)
# The speaker between the date and 在…会议上: 2025年1月15日青禾市市长王禾在… / 日王禾市长在…
_REGION_OFFICE = rf"(?:\p{{Han}}{{1,16}}?(?:省|市|自治区|自治州|地区|盟|区|县|旗)(?:人民政府)?)?代?{OFFICE}"
_SPEAKER_INSIDE = regex.compile(
    rf"日[ ]*(?:(?P<office>{_REGION_OFFICE})[ ]*(?P<name>\p{{Han}}(?:[ ]{{0,3}}\p{{Han}}){{1,3}}?)"
    rf"|(?P<name2>\p{{Han}}{{2,3}}?)[ ]*(?P<office2>代?{OFFICE}))(?:同志)?[ ]*在"
)
_SPACE_BY_PUNCT = regex.compile(r"[ ]+(?=[“”‘’《》（）「」、，：])|(?<=[“”‘’《》（）「」、，：])[ ]+")
_SUBTITLE_JOIN = 2
# A government body named alone on a line (周口市统计局, 青禾区人民政府, 国家统计局周口调查队),
# up to three of them side by side; and a date alone, maybe in brackets (（2024年4月）).
_BODY = r"\p{Han}{2,24}?(?:人民政府(?:办公厅|办公室)?|政府|统计局|调查队|局|委员会|委|办公厅|办公室|厅)"
_ISSUER_LINE = regex.compile(rf"{_BODY}(?:\s+{_BODY}){{0,2}}")
_DATE_LINE = regex.compile(rf"[（(]?{YEAR}[ ]*年[ ]*[0-9]{{1,2}}[ ]*月(?:[ ]*[0-9]{{1,2}}[ ]*日)?[）)]?")


def salutation_rule(cur: Cursor, i: int) -> int | None:
    """``各位代表：`` ends the front matter."""
    line = cur.lines[i]
    if not SALUTATION.match(cur.norm, line.head, line.end):
        return None
    cur.info.salutation = True
    cur.front(i, i, FrontRole.SALUTATION, clean(cur.text[line.start : line.end]))
    cur.done = True
    return i + 1


def _continues(cur: Cursor, k: int) -> bool:
    """Whether line ``k`` may carry on a subtitle broken over lines: not a speaker, not a
    source or scrape field line (``来源：…``), not a bare date, not the salutation."""
    if k >= cur.limit:
        return False
    flat = cur.flat(k)
    if SPEAKER.match(flat) or SALUTATION.match(flat) or DATE.fullmatch(flat):
        return False
    field = _FIELD_LINE.match(flat)
    return field is None or field.group("key") not in SCRAPE_FIELDS


def subtitle_rule(cur: Cursor, i: int) -> int | None:
    """``——2025年1月14日在…会议上``, maybe with the title before it and the speaker after
    it on the same line, maybe broken over up to three lines."""
    info = cur.info
    flat = cur.flat(i)
    words = cur.words(i)
    sub_lead = _SUBTITLE_LEAD.match(flat) if _SUBTITLE_CUE.search(flat) else None
    if info.subtitle is not None or not (sub_lead or (_SUBTITLE_BODY.search(flat) and len(flat) < 90)):
        return None
    title_part = ""
    dash = _DASH_RUN.search(words)
    if not sub_lead and info.title is None and dash and looks_like_title(words[: dash.start()]):
        title_part = words[: dash.start()]
    j = i
    joined = flat
    while not _MEETING.search(joined) and j + 1 - i <= _SUBTITLE_JOIN and _continues(cur, j + 1):
        j += 1
        joined += cur.flat(j)
    if title_part:
        info.title = _title_text(title_part)
        joined = joined[len(flat_of(title_part)) :] if j > i else joined
    if j == i:
        joined = words[len(title_part) :] if title_part else words
    subtitle, office, name = _split_speaker(joined)
    info.subtitle = _SUBTITLE_LEAD.sub("", subtitle).strip()
    if info.subtitle.startswith(("（", "(")):
        info.subtitle = info.subtitle[1:].removesuffix("）").removesuffix(")").strip()
    if office is None:
        office, name = _speaker_inside(info.subtitle)
    if office and info.speaker_name is None:
        info.speaker_office, info.speaker_name = office, name
    cur.front(i, j, FrontRole.SUBTITLE, info.subtitle)
    return j + 1


def speaker_rule(cur: Cursor, i: int) -> int | None:
    """``天津市市长 张工``: the office, then the name."""
    line = cur.lines[i]
    words = cur.words(i)
    speaker = SPEAKER.match(clean(cur.norm[line.head : line.end]))
    if speaker is None or cur.info.speaker_name is not None or len(words) > 40:
        return None
    cur.info.speaker_office = flat_of(speaker.group("office"))
    cur.info.speaker_name = flat_of(speaker.group("name"))
    cur.front(i, i, FrontRole.SPEAKER, words)
    return i + 1


def byline_rule(cur: Cursor, i: int) -> int | None:
    """Right under the title, the issuing body (``周口市统计局``) or the date (``2024年4月29日``) on
    a line of its own, as a bulletin or a plan published alone writes them; or the date
    under a subtitle that gives none (``——在…会议上`` / ``（2024年1月8日）``). The date is the
    document's when the subtitle gives none."""
    info = cur.info
    last = cur.nodes[-1] if cur.nodes else None
    if not isinstance(last, FrontMatter) or i == 0 or last.span.end != cur.lines[i - 1].end:
        return None  # a byline stands right under the title (a date, under the subtitle too)
    words = cur.words(i)
    date_line = _DATE_LINE.fullmatch(normalize(cur.flat(i)))
    if date_line is not None:
        if last.role not in (FrontRole.TITLE, FrontRole.BYLINE, FrontRole.SUBTITLE):
            return None
        if last.role is FrontRole.SUBTITLE and DATE.search(normalize(info.subtitle or "")) is not None:
            return None  # the subtitle is dated: a date after it is some other date
    elif last.role not in (FrontRole.TITLE, FrontRole.BYLINE) or _ISSUER_LINE.fullmatch(words) is None:
        return None
    if date_line is not None and info.byline_date is None:
        info.byline_date = date_line.group()
    cur.front(i, i, FrontRole.BYLINE, words)
    return i + 1


def title_rule(cur: Cursor, i: int) -> int | None:
    """The first line that reads as a title (``…政府工作报告``, ``…规划``, ``…纲要``), with
    a second line when the first does not end the title; or a short line and the line after
    it that begins with a title's last words (``…第十五个五年`` / ``规划和…纲要``)."""
    info = cur.info
    if info.title is not None:
        return None
    j = i
    title = cur.flat(i)
    if not looks_like_title(title):
        # a title broken before its last words: 青禾市…第十五个五年 / 规划和二〇三五年远景目标纲要
        if (i + 1 >= cur.limit or not _TITLE_TAIL.match(cur.flat(i + 1)) or len(title) > 40
                or match_heading(cur.norm, cur.lines[i].head) is not None
                or not looks_like_title(title + cur.flat(i + 1))):
            return None
        j = i + 1
        title += cur.flat(j)
    while j + 1 < cur.limit and not _TITLE_END.search(title) and _TITLE_END.search(cur.flat(j + 1)):
        j += 1
        title += cur.flat(j)
    line = cur.lines[i]
    info.title = _title_text(cur.text[line.head : cur.lines[j].end])
    cur.front(i, j, FrontRole.TITLE, info.title)
    return j + 1


def _title_text(raw: str) -> str:
    """A title for display: lines joined, ``政 府 工 作 报 告`` closed up, no space beside
    a quote or a bracket (a PDF's ``“十四五 ”``)."""
    title = clean(raw).replace("\n", "")
    parts = title.split()
    if len(parts) > 2 and all(len(p) == 1 for p in parts):
        return "".join(parts)
    return str(_SPACE_BY_PUNCT.sub("", " ".join(parts)))


def _split_speaker(subtitle: str) -> tuple[str, str | None, str | None]:
    """Split a speaker run on to the end of a subtitle line."""
    marker = _MEETING_END.search(subtitle)
    if marker is None:
        return subtitle, None, None
    rest = subtitle[marker.end() :].strip().strip("）)").strip()
    head = subtitle[: marker.end()]
    if not rest:
        tail = subtitle[marker.end() :]
        return head + (tail if tail.strip() in ("）", ")") else ""), None, None
    m = SPEAKER.match(rest) or _SPEAKER_SAYS.match(rest)
    if m is None:
        return subtitle, None, None
    return head, flat_of(m.group("office")), flat_of(m.group("name"))


def _speaker_inside(subtitle: str) -> tuple[str | None, str | None]:
    """The speaker written between the date and 在…会议上 (``2025年1月15日青禾市市长王禾在…``,
    ``2025年1月15日王禾市长在…``)."""
    m = _SPEAKER_INSIDE.search(subtitle)
    if m is None:
        return None, None
    if m.group("office"):
        return flat_of(m.group("office")), flat_of(m.group("name"))
    return flat_of(m.group("office2")), flat_of(m.group("name2"))
