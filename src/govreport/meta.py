"""Report metadata from the front matter and, where it is silent, from the body.

Title, kind, region, level, year, delivery date, speaker, congress and the notice
wrapper. Every rule reads what the document says; nothing is looked up elsewhere except
the names of China's provincial-level divisions, used to tell a region's level and to
name the region of a report that never states it in its front matter.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence

import regex

from govreport.front import FrontInfo
from govreport.normalize import normalize
from govreport.text import DATE
from govreport.markers import chinese_ordinal
from govreport.model import Congress, Kind, Level, Meta, Node, Notice, Section, Speaker

__all__ = ["extract_meta", "PROVINCES", "parse_date", "plan_start_year"]

PROVINCES: tuple[str, ...] = (
    "北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省",
    "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省",
    "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省", "台湾省",
    "内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区",
    "香港特别行政区", "澳门特别行政区",
)
"""China's provincial-level divisions, with their suffixes."""

_SHORT = {p: regex.sub(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$", "", p) for p in PROVINCES}
NATIONAL_REGION = "中华人民共和国"

_CN_DIGIT = {"〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5",
             "六": "6", "七": "7", "八": "8", "九": "9"}
_YEAR = regex.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})[ ]*年")
_CONGRESS = regex.compile(
    r"(?P<name>(?<![0-9])(?P<region>\p{Han}{0,16}?)第(?P<term>[一二三四五六七八九十]{1,4}|[0-9]{1,2})届"
    r"(?P<body>全国人民代表大会|人民代表大会|人大))第?(?P<session>[一二三四五六七八九十]{1,3}|[0-9]{1,2})次(?:全体)?会议"
)
_REGION_IN_TITLE = regex.compile(
    r"(?P<r>\p{Han}{2,12}?(?:省|市|自治区|自治州|地区|盟|区|县|旗))(?:[0-9]{4}年)?(?:(?:人民)?政府|国民经济和社会发展)"
)
_PLAN = regex.compile(r"第(?P<n>[一二三四五六七八九十]{1,3})个五年规划|“?(?P<m>[一二三四五六七八九十]{2,3})五”?规划")


def parse_date(text: str) -> dt.date | None:
    """The first date ``2025年1月14日`` or ``二〇二六年一月十五日`` in ``text``."""
    m = DATE.search(text)
    if m is None:
        return None
    y = m.group("y")
    year = int("".join(_CN_DIGIT.get(c, c) for c in y))
    month = chinese_ordinal(m.group("m"))
    day = chinese_ordinal(m.group("d"))
    if month is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def plan_start_year(n: int) -> int:
    """The first year of the n-th five-year plan (the 14th ran 2021–2025).

    The first two plans ran from 1953; 1963–1965 were years of readjustment, so from the
    third plan on the n-th starts in 1953 + 5(n − 1) + 3.
    """
    return 1953 + 5 * (n - 1) + (3 if n >= 3 else 0)


def _level_of(region: str | None, national: bool) -> Level | None:
    if national:
        return Level.NATIONAL
    if not region:
        return None
    if region in PROVINCES or region.endswith(("省", "自治区", "特别行政区")):
        return Level.PROVINCIAL
    if region.endswith(("县", "旗")) or (region.endswith("区") and not region.endswith(("自治区", "地区"))):
        return Level.COUNTY
    if region.endswith(("自治州", "地区", "盟")):
        return Level.PREFECTURAL
    if region.endswith("市"):
        # 省 + 市 is a prefecture-level city; a bare 市 not in the province list too
        return Level.PREFECTURAL
    return None


def _region_from_speaker(office: str | None) -> str | None:
    if not office:
        return None
    m = regex.match(r"(?P<r>\p{Han}+?(?:省|市|自治区|自治州|地区|盟|区|县|旗))(?:人民政府)?(?:代)?(?:省长|市长|区长|县长|州长|主席|旗长|盟长|专员)$", office)
    return m.group("r") if m else None


# The short names (北京, 内蒙古 …): none is a prefix of another or overlaps itself, so
# finding every place one starts counts each name as str.count would, in one scan.
_SHORT_NAME = re.compile("|".join(re.escape(_SHORT[p]) for p in PROVINCES))


def _body_region(text: str) -> str | None:
    found: Counter[str] = Counter()
    pos = 0
    while (m := _SHORT_NAME.search(text, pos)) is not None:
        found[m.group()] += 1
        pos = m.start() + 1  # 河北京: 河北, then 北京
    counts = Counter({p: found[_SHORT[p]] for p in PROVINCES if found[_SHORT[p]]})
    if not counts:
        return None
    best, n = counts.most_common(1)[0]
    return best if n >= 3 else None


def _year_from_outline(sections: Sequence[Section]) -> int | None:
    for sec in sections:
        if sec.depth != 1:
            continue
        m = _YEAR.search(normalize(sec.title)) or regex.search(r"(?P<y>[0-9]{4})年", normalize(sec.title))
        if m is None:
            continue
        year = int(m.group("y"))
        if regex.search(r"回顾|报告.{0,6}工作$|的工作$", sec.title):
            return year + 1
        if regex.search(r"工作安排|重点工作|主要任务|工作建议|的建议|工作任务|总体要求|政策取向", sec.title):
            return year
    return None




def extract_meta(info: FrontInfo, text: str, body: Sequence[Node], sections: Sequence[Section]) -> Meta:
    """Build :class:`Meta` from what the front matter said and the report's outline."""
    subtitle = info.subtitle or ""
    congress_m = _CONGRESS.search("".join(subtitle.split()))
    congress = None
    national = False
    congress_region: str | None = None
    if congress_m is not None:
        congress_region = regex.split(r"[0-9]日?在|日在|在|于", congress_m.group("region"))[-1] or None
        name = congress_m.group("name")[len(congress_m.group("region")) :]
        congress = Congress(
            name=(congress_region or "") + name,
            term=chinese_ordinal(congress_m.group("term")),
            session=chinese_ordinal(congress_m.group("session")),
        )
        national = congress_m.group("body") == "全国人民代表大会"
    head = "".join(text[:2000].split())
    if "国务院" in head[:400] and ("我代表国务院" in head or "国务院总理" in head):
        national = True

    title = info.title
    date = parse_date(subtitle) if subtitle else None

    region: str | None = None
    if national:
        region = NATIONAL_REGION
    if region is None:
        region = congress_region
    if region is None:
        region = _region_from_speaker(info.speaker_office)
    if region is None and title:
        m = _REGION_IN_TITLE.search(normalize(title).replace(" ", "")) or regex.search(
            r"(?P<r>" + "|".join(PROVINCES) + ")", title
        )
        if m is not None:
            region = regex.sub(r"^[0-9]{4}年", "", m.group("r"))
    if region is None:
        region = _body_region(text)
    kind = Kind.OTHER
    plan = _PLAN.search((title or "").replace(" ", ""))
    has_chapters = any(s.style == "第N章" for s in sections)
    if title and "工作报告" in title.replace(" ", ""):
        kind = Kind.WORK_REPORT
    elif plan is not None or (title and "纲要" in title) or has_chapters:
        kind = Kind.PLAN_OUTLINE
    elif info.salutation or info.speaker_name:
        kind = Kind.WORK_REPORT
    elif info.notice_title:
        kind = Kind.NOTICE

    year: int | None = None
    if kind is Kind.PLAN_OUTLINE and plan is not None:
        n = chinese_ordinal(plan.group("n") or plan.group("m"))
        year = plan_start_year(n) if n else None
    if year is None and title:
        m = _YEAR.search(normalize(title).replace(" ", ""))
        year = int(m.group("y")) if m else None
    if year is None and date is not None:
        year = date.year
    if year is None:
        year = _year_from_outline(sections)

    notice = None
    if info.notice_title:
        notice = Notice(
            issuer=info.notice_issuer,
            title=info.notice_title,
            recipients=info.notice_recipients,
            date=parse_date(info.notice_date or ""),
        )
    speaker = None
    if info.speaker_name or info.speaker_office:
        speaker = Speaker(info.speaker_name, info.speaker_office)
    return Meta(
        title=title,
        kind=kind,
        region=region,
        level=_level_of(region, national),
        year=year,
        date=date,
        subtitle=info.subtitle,
        speaker=speaker,
        congress=congress,
        notice=notice,
    )
