"""Chinese and Arabic numerals to :class:`~decimal.Decimal`.

This module owns the numeral logic of govreport: magnitudes (万, 亿, 万亿), mixed forms
(``5.67万亿``), Chinese decimals (``三点五``), fractions, ``百分之``, ``成``, ``翻番``,
ordinals, plan terms and years. Values are always :class:`~decimal.Decimal`; no float is
ever produced or kept.

Pure Chinese integers (``三千五百万``, ``二〇三五``, ``两千``) are converted by `cn2an`_ in
its ``normal`` mode, behind :func:`_cn2an_integer`, a small typed adapter. cn2an never sees
a mixed form (``3.25万亿``, ``1万600``) nor a decimal part: those are composed here. It is
imported by the first numeral that needs it (importing it takes longer than all of
govreport), and the commonest numerals never need it.

Support table (what :func:`to_decimal` accepts and returns):

=====================  ===================  ==========================================
form                   example              result
=====================  ===================  ==========================================
Arabic                 ``4482`` ``24.03``   ``4482`` ``24.03``
full-width digits      ``２００１``         ``2001``
thousands separators   ``1,234.5``          ``1234.5``
Chinese integer        ``三千五百万``       ``35000000``
〇/零, direct digits    ``二〇三五``         ``2035``
两, capitals, 廿        ``两千`` ``壹佰``    ``2000`` ``100``
colloquial             ``三万五``           ``35000``
leading 百/千           ``百亿``             ``10000000000``
Chinese decimal        ``三点五``           ``3.5``
mixed                  ``5.67万亿``         ``5670000000000``
negative               ``负五`` ``-10.1万`` ``-5`` ``-101000``
百分之 (percent)        ``百分之五点五``     ``5.5`` (a value in percent)
成 (tenths)             ``七成``             ``70`` (a value in percent)
fraction               ``三分之一`` ``1/10`` ``0.333…`` (28 digits) ``0.1``
doubling               ``翻一番`` ``翻两番`` ``2`` ``4`` (a multiplier)
=====================  ===================  ==========================================

Ordinals (``第十八届``), plan terms (``十四五``), years (``二〇三五年``) and dates are not
quantities; :func:`ordinal` and :func:`small_ordinal`, :func:`plan_number` and
:func:`plan_period`, :func:`year` and :func:`date` read them. This is the only module that
reads a numeral, a year, an ordinal or a plan name: the other modules match them with the
regex sources below (:data:`YEAR`, :data:`ARABIC_YEAR`, :data:`YEAR_RANGE`,
:data:`PLAN_NAME`, :data:`PLAN`, :data:`DATE`) and ask these functions for their values.

Regex engines, one per purpose. The patterns here and the sources exported from here are
written for the standard library's ``re``: it is faster on these short alternations and
its character-class scan is what makes :data:`NUMERAL_RE` cheap on a whole report. The
sources use no syntax that the ``regex`` module reads differently, so a rule that needs
``regex`` — possessive runs or atomic groups (``re`` has them only from Python 3.11, and
3.10 is supported), or ``\\p{Han}`` — may embed them in its own ``regex`` pattern.

.. _cn2an: https://github.com/Ailln/cn2an
"""
from __future__ import annotations

import datetime as dt
import decimal
import re
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Final

from govreport.errors import NumeralError
from govreport.normalize import normalize

__all__ = [
    "ARABIC",
    "ARABIC_YEAR",
    "CHINESE",
    "CN_DIGITS",
    "CN_MAGNITUDES",
    "CN_UNITS",
    "DATE",
    "DOUBLING",
    "FIXED_TERMS",
    "MAX_NUMERAL_LENGTH",
    "MIXED",
    "NUMERAL_RE",
    "PERCENT_WORD",
    "PLAN",
    "PLAN_NAME",
    "YEAR",
    "YEAR_RANGE",
    "date",
    "doubling",
    "is_year_like",
    "plain",
    "ordinal",
    "plan_number",
    "plan_period",
    "small_ordinal",
    "to_decimal",
    "year",
]

CN_DIGITS: Final[Mapping[str, int]] = MappingProxyType({
    "〇": 0, "零": 0,
    "一": 1, "壹": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
})
"""Chinese digit characters (lower case, capital and traditional forms) and their values."""

CN_UNITS: Final[Mapping[str, int]] = MappingProxyType({"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000})
"""Chinese place units below 万."""

CN_MAGNITUDES: Final[Mapping[str, int]] = MappingProxyType({"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8})
"""Chinese magnitudes: 万 and 亿 (万亿 is their product)."""

FIXED_TERMS: Final[tuple[str, ...]] = (
    # plan terms and political formulas: names, never quantities
    "十一五", "十二五", "十三五", "十四五", "十五五", "十六五",
    "一带一路", "两会", "一国两制", "三农", "三个代表", "五位一体", "四个全面",
    "四个意识", "四个自信", "两个维护", "两个确立", "两个大局", "两个一百年",
    "两个毫不动摇", "两个市场", "两种资源", "三严三实", "两学一做", "六稳", "六保",
    "八项规定", "三次产业", "五项原则", "两位数",
    # idioms that contain a numeral and a measure word
    "千家万户", "百家争鸣", "千头万绪", "三番五次", "信心百倍", "一五一十", "两条腿", "两只手",
    # place names that look like a count
    "五台山", "七台河",
)
"""Terms whose numerals are never converted inside text (see :func:`plan_number` for 十四五)."""

_DIGIT_CHARS = "".join(CN_DIGITS)
_CN_PLAIN_DIGITS = "〇零一二三四五六七八九"  # the digits a year or a date is written in
_CN_SMALL = "一二三四五六七八九十"  # the numerals of plan numbers, months and days

YEAR: Final[str] = rf"(?:\d{{4}}|[{_CN_PLAIN_DIGITS}]{{4}})"
"""Regex source of the four digits of a year, Arabic or Chinese (``2025``, ``二〇二五``);
``\\d`` also takes the full-width digits of text that was not normalized (``２００１``, in a
section's title). :func:`year` reads them."""

ARABIC_YEAR: Final[str] = r"(?:19|20)[0-9]{2}"
"""Regex source of a year of 1900–2099 in Arabic digits: the years a title, a table
header or a plan's period names."""

YEAR_RANGE: Final[str] = rf"{ARABIC_YEAR}[ ]*年?[ ]*[—–―~～至到-][ ]*{ARABIC_YEAR}"
"""Regex source of a run of years: ``2021—2025``, ``2021年至2025`` (the first year opens it)."""

PLAN_NAME: Final[str] = "十[一二三四五六七八九]?五"
"""Regex source of the short name of the 10th to 19th five-year plans (``十五``, ``十四五``),
as it stands before 时期, 规划, 末 …; :func:`plan_number` reads it."""

PLAN: Final[str] = (
    rf"第[{_CN_SMALL}]{{1,3}}个五年"
    rf"|“[{_CN_SMALL}]{{1,3}}五[ ]*”"
    r"|(?<![一二三四五六七八九十百千第])十[一二三四五六七八九]五(?![一二三四五六七八九十百千年])"
)
"""Regex source of a five-year plan named anywhere in a text: ``第十四个五年``, ``“十四五”``,
or a bare ``十四五`` that is no part of a longer numeral; :func:`plan_number` reads it."""

DATE: Final[re.Pattern[str]] = re.compile(
    rf"(?P<y>{YEAR})[ ]*年[ ]*(?P<m>[0-9]{{1,2}}|[{_CN_SMALL}]{{1,3}})[ ]*月"
    rf"[ ]*(?P<d>[0-9]{{1,2}}|[{_CN_SMALL}]{{1,3}})[ ]*日"
)
"""A date written ``2025年1月14日`` or ``二〇二六年一月十五日`` (match on normalized text);
:func:`date` reads it."""
_UNIT_CHARS = "".join(CN_UNITS)
_MAG_CHARS = "".join(CN_MAGNITUDES)

ARABIC: Final[str] = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?"
"""Regex source of an Arabic number (``4482``, ``24.03``, ``1,234``) in normalized text."""

CHINESE: Final[str] = (
    "[一二两三四五六七八九十百千][〇零一二两三四五六七八九十百千万亿]*"
    "(?:点[〇零一二三四五六七八九]+)?"
)
"""Regex source of a Chinese numeral as it appears in running text (no leading 〇/零/万/亿)."""

PERCENT_WORD: Final[str] = (
    "百分之(?:" + ARABIC + "|[〇零一二两三四五六七八九十百千]+(?:点[〇零一二三四五六七八九]+)?)"
)
"""Regex source of a worded percentage (``百分之五点五``, ``百分之20``)."""

DOUBLING: Final[str] = r"翻了?(?:[一二两三四五六七八九]|\d)?番"
"""Regex source of a doubling phrase (``翻一番``, ``翻了两番``, ``翻番``)."""

MIXED: Final[str] = r"\d+(?:\.\d+)?亿零?\d+[千百]?万|\d+万零?\d[千百]"
"""Regex source of an Arabic–Chinese numeral with two magnitudes (``1万6千``, ``1亿5000万``,
``3亿5千万``)."""

# Every numeral token starts with one of these characters. The lookahead changes no match,
# but it lets the regex engine skip the other characters at once instead of trying each
# alternative (and its lookbehind) there: a pass over a report is seven times faster.
_NUMERAL_FIRST = r"[\d百翻一二两三四五六七八九十千]"

NUMERAL_RE: Final[re.Pattern[str]] = re.compile(
    rf"(?={_NUMERAL_FIRST})"
    rf"(?:(?P<pct>{PERCENT_WORD})|(?P<dbl>{DOUBLING})|(?<![\d.])(?P<mx>{MIXED})|(?<![\d.])(?P<ar>{ARABIC})"
    rf"|(?P<cn>{CHINESE}))"
)
"""A numeral token in normalized text: groups ``pct``, ``dbl``, ``mx`` (mixed), ``ar`` (Arabic)
or ``cn`` (Chinese)."""

_ARABIC_WHOLE = re.compile(rf"(?:{ARABIC})")
_PURE_CN = re.compile(f"[{_DIGIT_CHARS}{_UNIT_CHARS}{_MAG_CHARS}]+")
_CN_DECIMAL_DIGITS = re.compile(f"[{_DIGIT_CHARS}]+")
_MIXED_TOKEN = re.compile(
    rf"(?P<ar>\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+)(?P<frac>\.\d+)?"
    rf"|(?P<digit>[{_DIGIT_CHARS}])|(?P<unit>[{_UNIT_CHARS}])|(?P<mag>[{_MAG_CHARS}])"
)
_FRACTION_CN = re.compile(r"(?P<den>.+?)分之(?P<num>.+)")
_FRACTION_AR = re.compile(rf"(?P<num>{ARABIC})/(?P<den>{ARABIC})")
_DOUBLING_WHOLE = re.compile(r"翻了?(?P<n>[一二两三四五六七八九]|\d)?番")
_TENTHS = re.compile(r"(?P<n>[一二两三四五六七八九十]|10|[1-9](?:\.\d+)?)成")
_ORDINAL = re.compile(
    rf"第?\s*(?P<n>{ARABIC}|[{_DIGIT_CHARS}{_UNIT_CHARS}{_MAG_CHARS}]+)\s*[^\d{_DIGIT_CHARS}{_UNIT_CHARS}]{{0,4}}"
)
_PLAN = re.compile(
    rf"[“\"「]?第?(?P<n>[{_DIGIT_CHARS}十]+?)(?:个五年|五)[ ]*[”\"」]?"
    r"(?:年规划|规划纲要|规划|时期|期间|末|初|计划)?"
)
_YEAR = re.compile(rf"(?P<n>{YEAR})\s*(?:年度|年)?")
_TRADITIONAL = str.maketrans({"兩": "两", "萬": "万", "億": "亿", "貳": "贰", "參": "叁", "陸": "陆"})
_PERCENT_PREFIX = "百分之"


def _dec(value: int) -> Decimal:
    """``value`` as a Decimal."""
    return Decimal(value)


def plain(d: Decimal) -> Decimal:
    """``d`` written without exponent or trailing fractional zeros, exactly.

    ``Decimal('1.0E+9')`` → ``1000000000``, ``Decimal('32000.0')`` → ``32000``,
    ``Decimal('5.50')`` → ``5.5``. No rounding happens, whatever the context precision.
    """
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return Decimal(text if text not in ("", "-", "-0") else "0")


MAX_NUMERAL_LENGTH: Final[int] = 100
"""The longest string :func:`to_decimal` reads; longer ones are not numerals."""

_EXACT: Final[decimal.Context] = decimal.Context(prec=4 * MAX_NUMERAL_LENGTH, Emax=10**6, Emin=-(10**6))


def _cn2an_integer(text: str) -> int:
    """The typed adapter around cn2an: a pure Chinese integer string to ``int``.

    cn2an's ``normal`` mode accepts 〇, 两, capitals and direct digit strings. For integer
    input it returns an ``int``; anything else (a float) is rejected rather than kept.
    """
    import cn2an  # imported on the first numeral that needs it: it takes longer than the rest of govreport

    try:
        result: object = cn2an.cn2an(text, "normal")
    except ValueError as exc:
        raise NumeralError(f"not a Chinese numeral: {text!r}") from exc
    except (KeyError, IndexError) as exc:
        # cn2an's colloquial reading fails inside on forms such as 九亿九
        raise _Cn2anGaveUp(text) from exc
    if isinstance(result, bool) or not isinstance(result, int):
        # cn2an answers floats only for decimals, which never reach this adapter.
        raise NumeralError(f"not a Chinese integer: {text!r}")
    return result


class _Cn2anGaveUp(Exception):
    """cn2an failed on a well-formed string with an internal error; we compose it ourselves."""


# The commonest numerals of reports, read without asking cn2an: one character (三, 两, 十),
# 十一 … 九十九, and 一百 … 九千 in round hundreds and thousands. cn2an gives these very
# values (a test checks every one of them) and a call to it costs tens of microseconds.
# 參 is left to cn2an, which rejects it; to_decimal turns it into 叁 before it gets here.
_ONE_CHARACTER: Final[Mapping[str, int]] = MappingProxyType(
    {**{c: v for c, v in CN_DIGITS.items() if c != "參"}, "十": 10, "拾": 10}
)
_SMALL_INTEGER = re.compile(
    "(?P<tens>[二三四五六七八九]?)十(?P<ones>[一二三四五六七八九]?)|(?P<lead>[一二三四五六七八九两])(?P<unit>[百千])"
)


def _small_integer(text: str) -> int | None:
    """The value of a numeral of :data:`_ONE_CHARACTER` or :data:`_SMALL_INTEGER`, else ``None``."""
    if text in _ONE_CHARACTER:
        return _ONE_CHARACTER[text]
    m = _SMALL_INTEGER.fullmatch(text)
    if m is None:
        return None
    if m.group("unit"):
        return CN_DIGITS[m.group("lead")] * CN_UNITS[m.group("unit")]
    return CN_DIGITS.get(m.group("tens"), 1) * 10 + CN_DIGITS.get(m.group("ones"), 0)


def _pure_chinese_integer(text: str) -> Decimal:
    """The value of a Chinese integer with no Arabic digits (``三千五百万``, ``百亿``)."""
    small = _small_integer(text)
    if small is not None:
        return _dec(small)
    if text[0] in "百佰千仟":  # 百亿 = 一百亿; cn2an wants the leading 一
        text = "一" + text
    if text[0] in _MAG_CHARS:
        raise NumeralError(f"a numeral cannot open with a magnitude: {text!r}")
    try:
        return _dec(_cn2an_integer(text))
    except _Cn2anGaveUp:
        return _compose_mixed(text)


def _decimal_digits(text: str) -> str:
    """The digits of a decimal part written in Chinese or Arabic digits (``五六`` → ``56``)."""
    out = []
    for ch in text:
        if ch.isdigit() and ch.isascii():
            out.append(ch)
        elif ch in CN_DIGITS:
            out.append(str(CN_DIGITS[ch]))
        else:
            raise NumeralError(f"not a decimal digit: {ch!r}")
    if not out:
        raise NumeralError("empty decimal part")
    return "".join(out)


def _compose_mixed(text: str) -> Decimal:
    """Compose a numeral mixing Arabic runs and Chinese units (``1万600``, ``200亿零四千230``).

    A number followed by 十/百/千 is multiplied by it; 万 closes a group of ten thousands
    and 亿 multiplies everything before it (so ``5.67万亿`` is 5.67 × 10¹²). A decimal
    number may only be followed by units. A lone digit, Chinese or Arabic, right after a
    unit of a hundred or more counts in the next lower place (``两千六`` = 2600,
    ``4万5`` = 45000), as it is read aloud.
    """
    pos = 0
    result = Decimal(0)  # everything closed by 亿
    section = Decimal(0)  # everything closed by 万 (below 亿)
    small = Decimal(0)  # 十/百/千 parts below 万
    pending: Decimal | None = None
    pending_kind = ""  # "ar", "ardec", "cn"
    seen_decimal = False  # a decimal number may only be followed by units
    last_unit = 0
    prev = ""  # kind of the previous token
    small_floor = 10**5  # units inside a 万-group must decrease
    for m in _MIXED_TOKEN.finditer(text):
        if m.start() != pos:
            break
        pos = m.end()
        if m.group("ar") is not None or m.group("digit") is not None:
            if pending is not None or seen_decimal:
                raise NumeralError(f"a number after a number or a decimal in {text!r}")
            if m.group("ar") is not None:
                frac = m.group("frac") or ""
                pending = Decimal(m.group("ar").replace(",", "") + frac)
                pending_kind = "ardec" if frac else "ar"
                seen_decimal = bool(frac)
            else:
                value = CN_DIGITS[m.group("digit")]
                if value == 0:
                    prev = "zero"
                    continue
                pending = _dec(value)
                pending_kind = "cn"
            prev = pending_kind
        elif m.group("unit") is not None:
            unit = CN_UNITS[m.group("unit")]
            if unit >= small_floor:
                raise NumeralError(f"units out of order in {text!r}")
            small += (pending if pending is not None else Decimal(1)) * unit
            small_floor = unit
            pending = None
            last_unit = unit
            prev = "unit"
        else:
            mag = CN_MAGNITUDES[m.group("mag")]
            base = small + (pending if pending is not None else Decimal(0))
            if prev in ("", "zero"):
                raise NumeralError(f"a magnitude with no number before it in {text!r}")
            if mag == 10**4:
                if prev == "mag4":
                    raise NumeralError(f"万 twice in {text!r}")
                section += base * mag
            else:
                if prev == "mag8":
                    raise NumeralError(f"亿 twice in {text!r}")
                result = (result + section + base) * mag
                section = Decimal(0)
            small = Decimal(0)
            pending = None
            last_unit = mag
            small_floor = 10**5
            prev = "mag4" if mag == 10**4 else "mag8"
            pending_kind = ""
    if pos != len(text) or not text:
        raise NumeralError(f"not a numeral: {text!r}")
    tail = Decimal(0)
    if pending is not None:
        lone_digit = prev == "cn" or (prev == "ar" and pending < 10)
        if lone_digit and last_unit >= 100 and _last_token_was_unit(text):
            tail = pending * (last_unit // 10)
        else:
            tail = pending
    return plain(result + section + small + tail)


def _last_token_was_unit(text: str) -> bool:
    """Whether the character before the final one is a unit or magnitude (``两千六``)."""
    return len(text) >= 2 and (text[-2] in CN_UNITS or text[-2] in CN_MAGNITUDES)


def _integer_part(text: str) -> Decimal:
    """The value of the integer part of a numeral, Chinese or mixed."""
    if _PURE_CN.fullmatch(text):
        return _pure_chinese_integer(text)
    return _compose_mixed(text)


def _unsigned(text: str) -> Decimal:
    """The value of a numeral without sign: Arabic, Chinese, mixed, or a Chinese decimal (``三点五``)."""
    if _ARABIC_WHOLE.fullmatch(text):
        return Decimal(text.replace(",", ""))
    if "点" in text:
        head, _, tail = text.partition("点")
        if not head or "点" in tail:
            raise NumeralError(f"not a decimal numeral: {text!r}")
        whole = _integer_part(head)
        digits = _decimal_digits(tail)
        return whole + Decimal("0." + digits)
    return _integer_part(text)


def to_decimal(text: str) -> Decimal:
    """The value of a whole numeral string, as a :class:`~decimal.Decimal`.

    Accepts Arabic and Chinese numerals and their mixtures (see the module's support
    table). ``百分之X`` and ``X成`` give a value in percent (``百分之五点五`` → 5.5,
    ``七成`` → 70); ``X分之Y`` and ``a/b`` give the fraction (28 significant digits when
    it does not terminate); ``翻N番`` gives the multiplier 2ᴺ.

    Raises :class:`govreport.errors.NumeralError` for anything that is not one numeral.

    >>> to_decimal("5.67万亿")
    Decimal('5670000000000')
    >>> to_decimal("二〇三五")
    Decimal('2035')
    """
    if not isinstance(text, str):
        raise TypeError(f"to_decimal() wants a str, not {type(text).__name__}")
    s = normalize(text).strip().translate(_TRADITIONAL).replace("廿", "二十").replace("卅", "三十")
    if not s:
        raise NumeralError("empty numeral")
    if len(s) > MAX_NUMERAL_LENGTH:
        raise NumeralError(f"longer than {MAX_NUMERAL_LENGTH} characters: not a numeral")
    try:
        with decimal.localcontext(_EXACT):  # exact arithmetic: no rounding of long values
            return _to_decimal(s)
    except (decimal.InvalidOperation, decimal.DivisionByZero) as exc:
        raise NumeralError(f"not a numeral: {text!r}") from exc


def _to_decimal(s: str) -> Decimal:
    """The value of a normalized numeral string (see :func:`to_decimal`)."""
    if not s:
        raise NumeralError("empty numeral")
    m = _DOUBLING_WHOLE.fullmatch(s)
    if m:
        return doubling(s)
    if s.startswith(_PERCENT_PREFIX):
        return _to_decimal(s[len(_PERCENT_PREFIX):])
    m = _TENTHS.fullmatch(s)
    if m:
        return plain(_unsigned(m.group("n")).scaleb(1))
    m = _FRACTION_AR.fullmatch(s)
    if m:
        return _divide(Decimal(m.group("num").replace(",", "")), Decimal(m.group("den").replace(",", "")))
    m = _FRACTION_CN.fullmatch(s)
    if m:
        return _divide(_to_decimal(m.group("num")), _to_decimal(m.group("den")))
    sign = 1
    if s[0] in "负-":
        sign = -1
        s = s[1:].lstrip()
        if not s:
            raise NumeralError("a sign with no number")
    value = _unsigned(s)
    return -value if sign < 0 else value


def _divide(num: Decimal, den: Decimal) -> Decimal:
    """``num / den`` to 28 significant digits, exact when it terminates."""
    if den == 0:
        raise NumeralError("fraction with a zero denominator")
    with decimal.localcontext() as ctx:
        ctx.prec = 28
        return (num / den).normalize() if num % den == 0 else num / den


def doubling(text: str) -> Decimal:
    """The multiplier of a doubling phrase: ``翻一番``/``翻番`` → 2, ``翻两番`` → 4, ``翻N番`` → 2ᴺ."""
    m = _DOUBLING_WHOLE.fullmatch(normalize(text).strip())
    if not m:
        raise NumeralError(f"not a doubling phrase: {text!r}")
    n = m.group("n")
    times = 1 if n is None else (int(n) if n.isdigit() else CN_DIGITS[n])
    return Decimal(2) ** times


def ordinal(text: str) -> int:
    """The number of an ordinal: ``第十八届`` → 18, ``第 3 位`` → 3, ``十九届`` → 19.

    A leading 第 and a trailing measure word (届 次 章 节 位 …) are allowed.
    Raises :class:`~govreport.errors.NumeralError` when there is no whole number.
    """
    m = _ORDINAL.fullmatch(normalize(text).strip())
    if not m:
        raise NumeralError(f"not an ordinal: {text!r}")
    value = to_decimal(m.group("n"))
    if value != value.to_integral_value() or value < 0:
        raise NumeralError(f"not a whole ordinal: {text!r}")
    return int(value)


def plan_period(n: int) -> tuple[int, int]:
    """The first and last years of the ``n``-th five-year plan: 14 → (2021, 2025).

    The first plan ran 1953–1957 and the second 1958–1962; 1963–1965 were years of
    readjustment, so from the third plan (1966–1970) on the n-th starts in 1951 + 5n.
    Raises :class:`~govreport.errors.NumeralError` for ``n`` below 1.
    """
    if n < 1:
        raise NumeralError(f"no five-year plan number {n}")
    first = 1953 + 5 * (n - 1) + (3 if n >= 3 else 0)
    return first, first + 4


def plan_number(text: str) -> int:
    """The number of a five-year plan term: ``十四五`` → 14, ``“十三五”规划`` → 13.

    ``第十四个五年规划`` is read as well. Raises :class:`~govreport.errors.NumeralError`
    otherwise.
    """
    m = _PLAN.fullmatch(normalize(text).strip())
    if not m:
        raise NumeralError(f"not a plan term: {text!r}")
    value = to_decimal(m.group("n"))
    if not 1 <= value <= 30 or value != value.to_integral_value():
        raise NumeralError(f"not a plan number: {text!r}")
    return int(value)


def year(text: str) -> int:
    """The year of a year expression: ``二〇三五年`` → 2035, ``２００１年`` → 2001, ``2025`` → 2025.

    Four digits, Arabic or Chinese, optionally followed by 年 or 年度.
    Raises :class:`~govreport.errors.NumeralError` otherwise.
    """
    if len(text) == 4 and text.isascii() and text.isdigit():
        return int(text)  # what a year pattern found, the commonest case
    m = _YEAR.fullmatch(normalize(text).strip())
    if not m:
        raise NumeralError(f"not a year: {text!r}")
    digits = m.group("n")
    if not digits.isdigit():
        digits = "".join(str(CN_DIGITS[c]) for c in digits)
    return int(digits)


def date(text: str) -> dt.date | None:
    """The first date in ``text``: ``2025年1月14日``, ``２０２５年１月１４日``,
    ``二〇二六年一月十五日``; ``None`` when there is none or it is no calendar date."""
    m = DATE.search(normalize(text))
    if m is None:
        return None
    month = small_ordinal(m.group("m"))
    day = small_ordinal(m.group("d"))
    if month is None or day is None:
        return None
    try:
        return dt.date(year(m.group("y")), month, day)
    except ValueError:
        return None


def small_ordinal(numeral: str) -> int | None:
    """The value of the numeral of a marker, a month, a day or a term: ``十二`` → 12,
    ``一百零五`` → 105, ``〇五`` → 5, ``12`` → 12; ``None`` for anything else.

    Arabic digits, and Chinese numerals with 十 and 百 (below a thousand). Markers are
    matched on every line, so this reads without :func:`to_decimal`'s normalization and
    checks; it gives ``None`` rather than raising, and a Chinese zero is no ordinal.
    """
    if numeral.isdigit() and numeral.isascii():
        return int(numeral)
    total, current = 0, 0
    for ch in numeral:
        digit = CN_DIGITS.get(ch)
        if digit is not None:
            current = current * 10 + digit if current and numeral[0] in "〇零" else digit
        elif ch == "十" or ch == "百":
            total += (current or 1) * CN_UNITS[ch]
            current = 0
        else:
            return None
    value = total + current
    return value if value > 0 else None


def is_year_like(numeral: str) -> bool:
    """Whether a numeral token reads as a calendar year (``2021``, ``二〇三五``).

    Four Arabic digits from 1000 to 2999, or four Chinese digits with no place units.
    """
    if len(numeral) != 4:
        return False
    if numeral.isdigit() and numeral.isascii():
        return "1000" <= numeral <= "2999"
    return all(c in CN_DIGITS for c in numeral)
