"""Report metadata from the front matter and, where it is silent, from the body.

Title, kind, region, level, year, delivery date, speaker, congress and the notice
wrapper. Every rule reads what the document says; nothing is looked up elsewhere except
the names of China's provincial-level divisions, used to tell a region's level and to
name the region of a report that never states it in its front matter.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import regex

from govreport.errors import NumeralError
from govreport.front import FrontInfo
from govreport.model import Congress, Kind, Level, Meta, Node, Notice, Section, Speaker
from govreport.normalize import normalize
from govreport.numerals import ARABIC_YEAR, PLAN, YEAR, YEAR_RANGE, plan_number, plan_period, small_ordinal
from govreport.numerals import date as first_date

__all__ = ["extract_meta", "PROVINCES", "NATIONAL_REGION", "region_of_issuer"]

PROVINCES: tuple[str, ...] = (
    "北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省",
    "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省",
    "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省", "台湾省",
    "内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区",
    "香港特别行政区", "澳门特别行政区",
)
"""China's provincial-level divisions, with their suffixes."""

_SHORT = {p: regex.sub(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$", "", p) for p in PROVINCES}
NATIONAL_REGION = "全国"
"""The region of the State Council's reports and of national plans."""

_YEAR = regex.compile(rf"(?<![0-9])(?P<y>{ARABIC_YEAR})[ ]*年")
_CONGRESS = regex.compile(
    r"(?P<name>(?<![0-9])(?P<region>\p{Han}{0,16}?)第(?P<term>[一二三四五六七八九十]{1,4}|[0-9]{1,2})届"
    r"(?P<body>全国人民代表大会|人民代表大会|人大))第?(?P<session>[一二三四五六七八九十]{1,3}|[0-9]{1,2})次(?:全体)?会议"
)
_REGION_IN_TITLE = regex.compile(
    r"(?P<r>(?!年)\p{Han}{2,12}?(?:省|市|自治区|自治州|地区|盟|区|县|旗))"  # not the 年 of ``2023 年``
    rf"(?:{YEAR}年)?(?:(?:人民)?政府|国民经济和社会发展)"
)
# The period of a plan in its title: 第十四个五年规划, “十四五”, 十四五规划, 2021—2025年
_PERIOD = regex.compile(rf"(?P<y>{YEAR_RANGE})|(?P<plan>{PLAN})")
_PLAN_TITLE = regex.compile(r"(?:规划|纲要)(?:[（(][^（()）]{1,20}[）)])?$")
# What a title may open with before the region it names: a plan's period or a year.
_TITLE_LEAD = regex.compile(rf"^(?:{PLAN}|[（(]?(?:{YEAR_RANGE}|{ARABIC_YEAR})年?[）)]?)?")
# A region named at the start of a title: 上海市青禾区…, 青禾市… (each unit has at least two
# characters before its suffix, so 城市 in 青禾市城市更新规划 is not one).
_LEADING_REGION = regex.compile(
    r"(?P<r>\p{Han}{2,12}?(?:省|自治区|市|自治州|地区|盟|县|旗|区)(?:\p{Han}{2,10}?(?:市|自治州|地区|盟|县|旗|区)){0,2})"
)
_NATIONAL_TITLE = regex.compile(r"(?:国家|全国|中国)")
_NATIONAL_ISSUER = regex.compile(
    r"(?:中共中央|国务院|全国人民代表大会|全国人大|国家\p{Han}{1,16}|(?!\p{Han}*(?:省|市|县|区|州|旗))\p{Han}{1,12}部)$"
)
_GOVERNMENT = regex.compile(
    r"(?P<r>\p{Han}{1,24}?(?:省|自治区|市|自治州|地区|盟|县|旗|区))"
    r"(?:人民政府|政府|人民代表大会常务委员会|人大常委会)?(?:办公厅|办公室)?"
)
_ISSUER_FIELDS = ("发布单位", "发布机构", "发文机关", "发文单位")
# How the text speaks of itself: a national document of 我国, a local one of 全市, 本省 …
_NATIONAL_VOICE = re.compile("我国")
_LOCAL_VOICE = re.compile("[全本我][省市区县州旗]")



def _level_of(region: str | None, national: bool) -> Level | None:
    """The administrative level of ``region``, told from its suffix (省, 市, 区, 县 …)."""
    if national or region == NATIONAL_REGION:
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
    """The province ``text`` names most, if it names it at least three times."""
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
    """The report's year from a top-level title: ``2024年工作回顾`` gives 2025, ``2025年工作安排`` 2025."""
    for sec in sections:
        if sec.depth != 1:
            continue
        m = _YEAR.search(normalize(sec.title))
        if m is None:
            continue
        year = int(m.group("y"))
        if regex.search(r"回顾|报告.{0,6}工作$|的工作$", sec.title):
            return year + 1
        if regex.search(r"工作安排|重点工作|主要任务|工作建议|的建议|工作任务|总体要求|政策取向", sec.title):
            return year
    return None


def _year_in(text: str) -> int | None:
    """The first year written in ``text`` (``2026年青禾市…``, a byline's ``2026年1月``)."""
    m = _YEAR.search(normalize(text))
    return int(m.group("y")) if m is not None else None


def _plan_year(title: str) -> int | None:
    """The first year of the plan a title names by its period (十四五 → 2021)."""
    m = _PERIOD.search(title)
    if m is None:
        return None
    if m.group("y"):
        return int(m.group("y")[:4])
    try:
        return plan_period(plan_number(m.group("plan")))[0]
    except NumeralError:
        return None  # 第十十个五年: no plan's number


_OTHER_REPORT = regex.compile(
    r"(?:计划|预算)(?:执行情况|草案)|决算|(?:人民法院|人民检察院|常务委员会|常委会|政协|监察委员会)"
    r"(?:[^，。]{0,6})工作报告"
)
"""The other reports a congress hears (the plan's and the budget's, the court's, the
procuratorate's, the standing committee's): not a government work report."""


def _kind(info: FrontInfo, title: str, sections: Sequence[Section]) -> Kind:
    """A work report, a plan (a five-year outline or a sector plan, under a notice too),
    a notice of something else, or other."""
    if _OTHER_REPORT.search(title):
        return Kind.OTHER  # delivered to the same congress, but not the government's work report
    if "工作报告" in title:
        return Kind.WORK_REPORT
    if _PLAN_TITLE.search(title) or "纲要" in title or ("规划" in title and _PERIOD.search(title)):
        return Kind.PLAN_OUTLINE
    if any(s.style == "第N章" for s in sections):
        return Kind.PLAN_OUTLINE
    if info.salutation or info.speaker_name:
        return Kind.WORK_REPORT
    if info.notice_title:
        if "工作报告" in info.notice_title:
            return Kind.WORK_REPORT
        if regex.search(r"规划|纲要", info.notice_title):
            return Kind.PLAN_OUTLINE
        return Kind.NOTICE
    return Kind.OTHER


def region_of_issuer(issuer: str) -> str | None:
    """The region of an issuing body: ``上海市青禾区人民政府办公室`` → ``上海市青禾区``;
    ``国务院``, ``国务院办公厅``, ``国家能源局`` or ``科学技术部`` → ``全国``; else ``None``."""
    first = regex.split(r"[、，,\s]", issuer.strip())[0]
    if _NATIONAL_ISSUER.fullmatch(first) or first.startswith(("国务院", "中共中央")):
        return NATIONAL_REGION
    m = _GOVERNMENT.fullmatch(first)
    return m.group("r") if m else None


def _region_of_title(title: str, kind: Kind) -> str | None:
    """The region a title names: ``青禾市2025年政府工作报告``, ``上海市青禾区…规划``;
    a plan titled ``国家…``/``全国…`` is national."""
    m = _REGION_IN_TITLE.search(normalize(title))
    if m is not None:
        return str(regex.sub(rf"^{YEAR}年", "", m.group("r")))
    bare = _TITLE_LEAD.sub("", title)
    if kind is Kind.PLAN_OUTLINE and _NATIONAL_TITLE.match(bare):
        return NATIONAL_REGION
    m = _LEADING_REGION.match(bare)
    if m is not None:
        return str(m.group("r"))
    m = regex.search(r"(?P<r>" + "|".join(PROVINCES) + ")", title)
    return m.group("r") if m else None


def _speaks_as_nation(text: str) -> bool:
    """Whether a text speaks of itself as the nation (我国) far more than as a locality
    (全市, 本省, 我区 …): a national document that names no region."""
    national = len(_NATIONAL_VOICE.findall(text))
    return national >= 3 and national > 2 * len(_LOCAL_VOICE.findall(text))


def _region(info: FrontInfo, text: str, title: str, kind: Kind, congress_region: str | None) -> str | None:
    """The region, from the first of: the congress, the speaker's office, the issuer (of
    the notice, else a scrape header's 发布单位), the title, how the text speaks of
    itself, and the province the text names most."""
    region = congress_region or _region_from_speaker(info.speaker_office)
    if region is None:
        issuers = [info.notice_issuer] + [info.header.get(f) for f in _ISSUER_FIELDS]
        region = next((r for i in issuers if i and (r := region_of_issuer(i))), None)
    if region is None and title:
        region = _region_of_title(title, kind)
    if region is None and _speaks_as_nation(text):
        region = NATIONAL_REGION
    return region or _body_region(text)


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
            term=small_ordinal(congress_m.group("term")),
            session=small_ordinal(congress_m.group("session")),
        )
        national = congress_m.group("body") == "全国人民代表大会"
    head = "".join(text[:2000].split())
    if "国务院" in head[:400] and ("我代表国务院" in head or "国务院总理" in head):
        national = True

    title = info.title
    flat_title = "".join((title or "").split())
    date = first_date(subtitle) if subtitle else None
    if date is None and info.byline_date:
        date = first_date(info.byline_date)
    kind = _kind(info, flat_title, sections)
    region = NATIONAL_REGION if national else _region(info, text, flat_title, kind, congress_region)

    year: int | None = None
    if kind is Kind.PLAN_OUTLINE:
        year = _plan_year(normalize(flat_title)) or _plan_year(normalize(info.notice_title or ""))
    if year is None and title:
        year = _year_in(flat_title)
    if year is None and date is not None:
        year = date.year
    if year is None and info.byline_date:
        year = _year_in(info.byline_date)
    if year is None:
        year = _year_from_outline(sections)

    notice = None
    if info.notice_title:
        notice = Notice(
            issuer=info.notice_issuer,
            title=info.notice_title,
            recipients=info.notice_recipients,
            date=first_date(info.notice_date or ""),
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
