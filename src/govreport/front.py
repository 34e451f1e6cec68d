"""The front matter: everything before the report's body.

Title, subtitle (``——2025年1月14日在…会议上``), speaker (``天津市市长 张工``),
salutation (``各位代表：``), a notice wrapper (``关于印发…的通知``) and web-page clutter
around them. Lines here are read one by one, not as blocks: the front matter of real
reports is a stack of short lines whose breaks carry meaning.
"""
from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from govreport.markers import COLUMN_TITLE, match_heading
from govreport.model import FrontMatter, FrontRole, Furniture, FurnitureKind
from govreport.segment import Line
from govreport.span import Span
from govreport.text import DATE, clean

__all__ = ["FrontInfo", "split_front", "SPEAKER", "SALUTATION"]

# possessive runs of spaces: ``各位代表`` + many spaces + a word backtracked quadratically
SALUTATION = regex.compile(r"(?:各位代表|各位委员|各位同志|同志们|代表们)[ ]*+[，,：:！!]?[ ]*+$")
_OFFICE = r"(?:省长|市长|区长|县长|州长|旗长|盟长|主席|总理|副总理|主任)"
SPEAKER = regex.compile(
    rf"(?P<office>[\p{{Han}}]{{0,24}}?{_OFFICE})[ ]*(?P<name>\p{{Han}}(?:[ ]{{0,3}}\p{{Han}}){{1,3}})[ ]*$"
)
_DASH_RUN = regex.compile(r"[—―─–‒-]{2,}")
_SUBTITLE_LEAD = regex.compile(r"^(?:[—―─–‒-]{1,4}|～|~)[ ]*")
# A dash-led line is a subtitle only if it speaks of a meeting or a date (not "- 新建学校10所").
_SUBTITLE_CUE = regex.compile(r"会议|大会|[0-9]{4}|[〇零一二][〇零一二三四五六七八九]{3}年")
_SUBTITLE_BODY = regex.compile(
    r"(?:在|于).{2,60}?(?:会议|大会)(?:上|开幕)"
    r"|^[（(]?[0-9]{4}年.{2,60}?(?:会议|大会)(?:审议)?(?:批准|通过)[）)]?$"  # a plan's approval line
)
_TITLE_WORDS = regex.compile(r"工作报告|规划.{0,30}纲要|纲要|报告|规划")
_NOTICE_START = regex.compile(r"关于印发")
_ISSUER = regex.compile(r"(?:人民政府|办公厅|办公室|人民代表大会常务委员会)$")


@attrs.define
class FrontInfo:
    """What the front matter says, as raw strings, for :mod:`govreport.meta`."""

    title: str | None = None
    subtitle: str | None = None
    speaker_office: str | None = None
    speaker_name: str | None = None
    notice_issuer: str | None = None
    notice_title: str | None = None
    notice_recipients: str | None = None
    notice_date: str | None = None
    salutation: bool = False


FrontNode = FrontMatter | Furniture


def _find_salutation(norm: str, content: Sequence[Line]) -> int:
    for i, line in enumerate(content[:120]):
        head = line.head
        if SALUTATION.match(norm, head, line.end):
            return i
    return -1


def _title_like(norm: str, line: Line) -> bool:
    head = line.head
    text = norm[head : line.end]
    if not text or len(text) > 90 or match_heading(norm, head) is not None:
        return False
    if "\t" in text or text.startswith("|"):
        return False  # a table row
    if COLUMN_TITLE.match(norm, head):
        return False
    return text[-1] not in "。！？；" and "。" not in text


def split_front(text: str, norm: str, lines: Sequence[Line]) -> tuple[list[FrontNode], int, FrontInfo]:
    """Split off the front matter.

    Returns the front nodes, the index into ``lines`` where the body starts, and what
    the front matter says.
    """
    info = FrontInfo()
    content_idx = [i for i, ln in enumerate(lines) if not ln.blank]
    content = [lines[i] for i in content_idx]
    sal = _find_salutation(norm, content)
    if sal >= 0:
        front = content[:sal]
        body_index = content_idx[sal] + 1
    else:
        count = letter = _notice_letter_end(text, content)
        for line in content[letter : letter + 12]:
            if not _title_like(norm, line):
                break
            count += 1
        front = content[:count]
        body_index = content_idx[count] if count < len(content) else len(lines)
    nodes = _classify(text, norm, front, info)
    if sal < 0:
        # Without a salutation, short lines are front matter only up to the last one that
        # reads as a title, subtitle, speaker or notice; the rest are the body's.
        last = max((k for k, n in enumerate(nodes) if isinstance(n, FrontMatter)), default=-1)
        if last < len(nodes) - 1:
            end = nodes[last].span.end if last >= 0 else 0
            nodes = nodes[: last + 1]
            body_index = next((i for i in content_idx if lines[i].start >= end), len(lines))
    contents = _contents(text, content, _content_position(lines, content_idx, body_index, nodes))
    if contents is not None:
        first, end = contents
        nodes = [n for n in nodes if n.span.start < content[first].start]
        nodes.extend(Furniture(Span(ln.start, ln.end), FurnitureKind.CONTENTS, clean(text[ln.head : ln.end]))
                     for ln in content[first:end])
        body_index = content_idx[end]
    if sal >= 0:
        line = content[sal]
        info.salutation = True
        nodes.append(FrontMatter(Span(line.start, line.end), FrontRole.SALUTATION, clean(text[line.start : line.end])))
    return nodes, body_index, info


# What follows a table-of-contents entry: dot leaders and a page number.
_LEADER = regex.compile(r"[.·…．_—-]*[0-9]*$")


def _flat(text: str, line: Line) -> str:
    return "".join(clean(text[line.head : line.end]).split())


def _content_position(lines: Sequence[Line], content_idx: Sequence[int], body_index: int,
                      nodes: Sequence[FrontNode]) -> int:
    """The position in the content lines of the front's last line when it is a 目录 line
    (front matter took it for a title-like line), else of the body's first line."""
    body_pos = next((k for k, i in enumerate(content_idx) if i >= body_index), len(content_idx))
    if nodes and "".join(nodes[-1].text.split()) == "目录":
        return body_pos - 1
    return body_pos


def _contents(text: str, content: Sequence[Line], at: int) -> tuple[int, int] | None:
    """A table of contents at ``content[at]``: ``(at, end)``, where ``content[end]`` is the
    body's first line, or None.

    A 目录 line opens it and its entries follow (``第一章 发展基础……3``). It ends where
    the first entry is written again, as the body's first heading; without that repeat
    within 400 lines, there is no telling entries from headings, and only the 目录 line is
    taken.
    """
    if not 0 <= at < len(content) - 1 or _flat(text, content[at]) != "目录":
        return None
    first = _LEADER.sub("", _flat(text, content[at + 1]))
    for k in range(at + 2, min(len(content), at + 400)):
        if first and _LEADER.sub("", _flat(text, content[k])) == first:
            return at, k
    return at, at + 1


_NOTICE_CLOSE = regex.compile(r"[（(]此件[^）)]{0,12}[）)]")


def _notice_letter_end(text: str, content: Sequence[Line]) -> int:
    """Where the letter of a notice wrapper ends, when one opens the text; else 0.

    A notice (``关于印发…的通知``) among the first lines is followed by its letter: the
    recipients, a sentence or two (``现将…印发给你们``), the issuer and a date, maybe
    ``（此件公开发布）``. Its sentences would end the front matter of a text without a
    salutation, so the letter is taken whole: up to its date, or the （此件…） line after it.
    """
    if not any(_NOTICE_START.search(_flat(text, ln)) for ln in content[:4]):
        return 0
    end = 0
    for k, flat in enumerate(_flat(text, ln) for ln in content[:40]):
        if DATE.fullmatch(flat) or _NOTICE_CLOSE.fullmatch(flat):
            end = k + 1
        elif end:
            break
    return end


def _classify(text: str, norm: str, front: Sequence[Line], info: FrontInfo) -> list[FrontNode]:
    nodes: list[FrontNode] = []
    i = 0
    notice_open = False
    while i < len(front):
        line = front[i]
        head = line.head
        words = clean(text[head : line.end])
        flat = "".join(words.split())
        span = Span(line.start, line.end)

        if _NOTICE_START.search(flat) and info.notice_title is None:
            # 关于印发…的通知, possibly broken over several lines
            j = i
            parts = [flat]
            while "通知" not in parts[-1] and j + 1 < len(front) and j - i < 4:
                j += 1
                parts.append("".join(clean(text[front[j].start : front[j].end]).split()))
            info.notice_title = "".join(parts)
            if nodes and isinstance(nodes[-1], Furniture) and _ISSUER.search(nodes[-1].text.replace(" ", "")):
                issuer = nodes.pop()
                info.notice_issuer = "".join(issuer.text.split())
                nodes.append(FrontMatter(issuer.span, FrontRole.NOTICE, issuer.text))
            elif _ISSUER.search(lead := info.notice_title.split("关于印发", 1)[0]):
                info.notice_issuer = lead  # 某某市人民政府关于印发…, the issuer run into the title
            nodes.append(FrontMatter(Span(line.start, front[j].end), FrontRole.NOTICE, info.notice_title))
            notice_open = True
            i = j + 1
            continue

        if notice_open and info.title is None:
            if flat.endswith(("：", ":")) and info.notice_recipients is None:
                info.notice_recipients = flat.rstrip("：:")
                nodes.append(FrontMatter(span, FrontRole.NOTICE, words))
                i += 1
                continue
            if info.notice_issuer is None and info.notice_date is None and len(flat) <= 30 and _ISSUER.search(flat):
                info.notice_issuer = flat  # the signature above the date
                nodes.append(FrontMatter(span, FrontRole.NOTICE, words))
                i += 1
                continue
            date = DATE.fullmatch(flat)
            if date and info.notice_date is None:
                info.notice_date = flat
                nodes.append(FrontMatter(span, FrontRole.NOTICE, words))
                i += 1
                continue
            if not _looks_like_title(flat):
                nodes.append(FrontMatter(span, FrontRole.NOTICE, words))
                i += 1
                continue

        # A subtitle, maybe with the speaker run on, maybe broken over two lines.
        sub_lead = _SUBTITLE_LEAD.match(flat) if _SUBTITLE_CUE.search(flat) else None
        if info.subtitle is None and (sub_lead or (_SUBTITLE_BODY.search(flat) and len(flat) < 90)):
            title_part = ""
            dash = _DASH_RUN.search(words)
            if not sub_lead and info.title is None and dash and _TITLE_WORDS.search(words[: dash.start()]):
                title_part = words[: dash.start()]
            j = i
            joined = flat
            while (
                not _MEETING.search(joined)
                and j + 1 < len(front)
                and not SPEAKER.match("".join(clean(text[front[j + 1].start : front[j + 1].end]).split()) or "")
            ):
                j += 1
                joined += "".join(clean(text[front[j].start : front[j].end]).split())
                if j - i >= 2:
                    break
            if title_part:
                info.title = title_part.strip()
                joined = joined[len("".join(title_part.split())) :] if j > i else joined
            if j == i:
                joined = words[len(title_part) :] if title_part else words
            subtitle, office, name = _split_speaker(joined)
            info.subtitle = _SUBTITLE_LEAD.sub("", subtitle).strip()
            if info.subtitle.startswith(("（", "(")) and info.subtitle.endswith(("）", ")")):
                info.subtitle = info.subtitle[1:-1].strip()
            if office and info.speaker_name is None:
                info.speaker_office, info.speaker_name = office, name
            nodes.append(FrontMatter(Span(line.start, front[j].end), FrontRole.SUBTITLE, info.subtitle))
            i = j + 1
            continue

        speaker = SPEAKER.match(clean(norm[head : line.end]))
        if speaker and info.speaker_name is None and len(words) <= 40:
            info.speaker_office = "".join(speaker.group("office").split())
            info.speaker_name = "".join(speaker.group("name").split())
            nodes.append(FrontMatter(span, FrontRole.SPEAKER, words))
            i += 1
            continue

        if info.title is None and _looks_like_title(flat):
            # A title may be broken over two short lines.
            j = i
            title = flat
            while (
                j + 1 < len(front)
                and not _TITLE_END.search(title)
                and _TITLE_END.search("".join(clean(text[front[j + 1].start : front[j + 1].end]).split()))
            ):
                j += 1
                title += "".join(clean(text[front[j].start : front[j].end]).split())
            info.title = _spaced_out(clean(text[head : front[j].end]).replace("\n", ""))
            nodes.append(FrontMatter(Span(line.start, front[j].end), FrontRole.TITLE, info.title))
            i = j + 1
            continue

        kind = FurnitureKind.SOURCE if regex.match(r"(来源|时间|发布时间|日期|作者|编辑|责任编辑)[：:]", flat) else FurnitureKind.CLUTTER
        nodes.append(Furniture(span, kind, words))
        i += 1
    return nodes


_SPEAKER_SAYS = regex.compile(
    rf"(?P<office>[\p{{Han}}]{{0,24}}?{_OFFICE})[ ]*(?P<name>\p{{Han}}(?:[ ]{{0,3}}\p{{Han}}){{1,2}})(?:同志)?(?:所?作|代表).{{0,20}}$"
)
_MEETING = regex.compile(r"(?:会议|大会)(?:开幕式)?上|）$")
_TITLE_END = regex.compile(r"(?:报告|纲要|通知|建议)$")


def _looks_like_title(flat: str) -> bool:
    flat = "".join(flat.split())
    return (
        bool(_TITLE_WORDS.search(flat))
        and len(flat) <= 60
        and not SALUTATION.match(flat)
        and not any(ch in flat for ch in "，。；,;>»›＞")  # sentences and breadcrumbs (首页 > …)
    )


def _spaced_out(title: str) -> str:
    """``政 府 工 作 报 告`` → ``政府工作报告``; other titles keep their spaces."""
    parts = title.split()
    if len(parts) > 2 and all(len(p) == 1 for p in parts):
        return "".join(parts)
    return title.strip()


def _split_speaker(subtitle: str) -> tuple[str, str | None, str | None]:
    """Split a speaker run on to the end of a subtitle line."""
    marker = regex.search(r"(?:会议上|大会上|会议开幕式上)", subtitle)
    if marker is None:
        return subtitle, None, None
    rest = subtitle[marker.end() :].strip(" ）)")
    head = subtitle[: marker.end()]
    if not rest:
        tail = subtitle[marker.end():]
        return head + (tail if tail.strip() in ("）", ")") else ""), None, None
    m = SPEAKER.match(rest) or _SPEAKER_SAYS.match(rest)
    if m is None:
        return subtitle, None, None
    return head, "".join(m.group("office").split()), "".join(m.group("name").split())
