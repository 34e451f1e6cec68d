"""The quantity scanner: every number bound to a unit in a slice of text (step 1 of the pass).

One compiled pattern (:data:`govreport.numerals.NUMERAL_RE`) finds numeral tokens (``4482``,
``三千五百``, ``百分之五``, ``翻一番``). Each token is read forward: 多/余, a magnitude (万 亿
万亿 …), a range (``8—12``, ``3至5``), a unit from :data:`~govreport.metrics.units.UNITS`
(with an optional rate denominator, ``万吨/年``), and a trailing qualifier (左右 以上 以内 …).
Tokens that are years, dates, ordinals, identifiers (``5G``, ``M4``, ``PM2.5``), slogans in
short quotes, titles in 《》 or fixed terms (:data:`govreport.numerals.FIXED_TERMS`) are left
alone. The scan is linear in the size of the text.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from govreport.errors import NumeralError
from govreport.metrics.qualifier import QUAL_BY_WORD, SUFFIX_QUAL
from govreport.metrics.record import CONTEXT_BEFORE, Quantity
from govreport.metrics.units import (
    DURATION_UNITS,
    MAGNITUDES,
    NEEDS_MAGNITUDE,
    RANK_UNITS,
    RATE_DENOMINATORS,
    UNIT_BASES,
    UNIT_BLOCKERS,
    UNITS,
    WITHIN_UNITS,
    alternation,
    fold,
)
from govreport.model import Qualifier
from govreport.numerals import CN_UNITS, FIXED_TERMS, NUMERAL_RE, doubling, is_year_like, to_decimal

__all__ = ["NUMERAL_CHARS", "Scanner", "numeral_tokens", "protected_spans"]

_SEP = re.compile(r"(?:[ \n]|\*\*|\\(?=\*)){0,8}")  # no tab: a tab separates table cells
_SEP_FIRST = frozenset(" \n*\\")  # what a non-empty _SEP match starts with
_UNIT_RE = re.compile(
    rf"(?P<unit>{alternation(UNITS)})(?:/(?P<den>{alternation(RATE_DENOMINATORS)}))?"
)
_MAG_RE = re.compile(alternation(MAGNITUDES))
_CN_MAG_SUFFIX = re.compile(r"(?:万亿|亿|万)$")
_RANGE_CONNECTOR = re.compile(r"[ \t]*(?:—{1,2}|~|-|至|到|一(?=\d))[ \t]*")
# Short quotes, 《titles》 and fixed terms: their numerals are names, not quantities. One
# pattern finds both: no fixed term holds a quote mark, so a term lies either outside every
# quote or wholly inside one, and the text covered is what two separate scans would cover.
_PROTECTED = re.compile(
    r"“[^“”\n]{1,20}”|《[^《》\n]{1,80}》|\"[^\"\n]{1,20}\"|" + alternation(FIXED_TERMS)
)
_ORDINAL_AFTER_JIE = re.compile(
    "[一二两三四五六七八九十〇零]|全国|人大|人民代表大会|政协|历次|全会|中央|党代会|代表大会|"
    "市委|省委|区委|县委|委员会|常委会|中全会|全运会|运动会|残运会|特奥会"
)
_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_TENTHS_OK = frozenset("一二两三四五六七八九十")
# Every character NUMERAL_RE reads, besides the decimal digits (\d): see MetricFinder.
NUMERAL_CHARS: Final[frozenset[str]] = frozenset(".,〇零一二两三四五六七八九十百千万亿点分之翻了番")

@functools.lru_cache(maxsize=4096)
def _split_chinese(token: str) -> tuple[Decimal, str] | None:
    """A Chinese numeral token as (value as written, magnitude moved to the unit).

    ``百亿`` → (100, ``亿``); ``三千五百万`` → (3500, ``万``); ``一亿五千万`` → (150000000, ``""``).
    ``None`` for what is not a count: a lone 一 (the article), digit strings such as
    ``二〇二五`` (a year) or ``三五`` (a loose approximation).

    Remembered across reports (a pure function of the token, its answer immutable): a
    corpus repeats the same few hundred numerals, and reading one that is not among the
    commonest asks cn2an, which takes about 100 µs.
    """
    if len(token) > 1 and not any(c in CN_UNITS or c in "万亿" or c == "点" for c in token):
        return None
    number, mag = token, ""
    mm = _CN_MAG_SUFFIX.search(token)
    if mm is not None and mm.start() > 0 and not any(c in "万亿" for c in token[: mm.start()]):
        number, mag = token[: mm.start()], mm.group()
    if number == "二" and not mag:
        return None  # a count of two is 两: 二次供水, 二期 are not counts
    try:
        return to_decimal(number), mag
    except NumeralError:
        return None


class Scanner:
    """Per-call state of the metrics of one slice, ``text[start:end]``.

    ``text`` is the whole report (when :class:`MetricFinder` asks) or a window of it cut
    around the slice (when :func:`extract_metrics` asks); ``offset`` is where that text
    starts in the report, and is added to the spans of the metrics found. Either way
    nothing before ``start - 400`` or past ``end + 16`` is read: the context of a quantity
    is its clause and sentence (at most 300 characters back) and what follows its unit.
    """

    def __init__(
        self,
        text: str,
        norm: str,
        start: int,
        end: int,
        offset: int = 0,
        numerals: dict[str, tuple[Decimal, str] | None] | None = None,
        tokens: Sequence[re.Match[str]] | None = None,
        protected: tuple[list[tuple[int, int]], list[int]] | None = None,
        screened: bool = False,
    ) -> None:
        self.text = text
        self.norm = norm
        self.start = start
        self.end = end
        self.offset = offset
        # Chinese numerals already read in this text: reports repeat 三, 两, 十九 … and cn2an is slow
        self.numerals = numerals if numerals is not None else {}
        # the numeral tokens of the slice when a scan of the whole text found them;
        # otherwise the slice is scanned here
        self.tokens = tokens
        # the protected spans and their starts: of the whole text when given (see
        # protected_spans), else those around the slice, found when first asked
        # True when ``tokens`` hold none that starts in a protected span (MetricFinder
        # screened them): a token's own test is then skipped
        self.screened = screened
        self._protected: list[tuple[int, int]] | None = None
        self._protected_starts: list[int] = []
        if protected is not None:
            self._protected, self._protected_starts = protected

    # ---- step 1: quantities

    def quantities(self) -> list[Quantity]:
        """Every quantity of the slice, in order; a token inside a quantity already read is skipped."""
        found: list[Quantity] = []
        consumed = self.start
        tokens = self.tokens if self.tokens is not None else NUMERAL_RE.finditer(self.norm, self.start, self.end)
        for m in tokens:
            if m.start() < consumed:
                continue
            qty = self._read(m)
            if qty is not None:
                found.append(qty)
                consumed = qty.end
        return found

    def _protected_spans(self) -> list[tuple[int, int]]:
        """The short quotes, titles and fixed terms around the slice, found when first asked.

        None of them spans a line break, so a scan from the start of the slice's line (or
        from 400 characters before the slice, in a longer line) finds the same ones there
        as a scan of all the text before.
        """
        if self._protected is None:
            lo = max(0, self.start - CONTEXT_BEFORE)
            line_start = self.norm.rfind("\n", lo, self.start) + 1 or lo
            self._protected = [m.span() for m in _PROTECTED.finditer(self.norm, line_start, self.end)]
            self._protected_starts = [s for s, _ in self._protected]
        return self._protected

    def _is_protected(self, pos: int) -> bool:
        """Whether ``pos`` lies in a short quote, a 《title》 or a fixed term."""
        protected = self._protected_spans()
        i = bisect.bisect_right(self._protected_starts, pos) - 1
        while i >= 0:
            s, e = protected[i]
            if s <= pos < e:
                return True
            if s < pos - 100:  # protected spans are short: nothing further back can hold pos
                return False
            i -= 1
        return False

    def _prev_char(self, pos: int, skip_space: bool = False) -> str:
        """The character before ``pos`` (with ``skip_space``, before up to two spaces or tabs); ``""`` at the start."""
        norm = self.norm
        i = pos - 1
        if skip_space:
            while i >= 0 and pos - i <= 3 and norm[i] in " \t":
                i -= 1
        return norm[i] if i >= 0 else ""

    def _chinese(self, token: str) -> tuple[Decimal, str] | None:
        """:func:`_split_chinese`, remembered in :attr:`numerals`."""
        try:
            return self.numerals[token]
        except KeyError:
            found = self.numerals[token] = _split_chinese(token)
            return found

    def _skip_sep(self, pos: int) -> int:
        """After the spaces, line breaks and ``**`` at ``pos`` (:data:`_SEP`)."""
        if pos >= self.end or self.norm[pos] not in _SEP_FIRST:
            return pos  # nothing to skip, the common case
        m = _SEP.match(self.norm, pos, self.end)
        return m.end() if m is not None else pos

    def _infix(self, pos: int) -> bool:
        """Whether 多 or 余 stands at ``pos`` (``300多家``, ``3万余人``)."""
        return pos < self.end and self.norm[pos] in ("多", "余")

    def _read(self, m: re.Match[str]) -> Quantity | None:
        """Read the quantity that starts with numeral token ``m``, or ``None``."""
        kind = m.lastgroup or ""
        s, e = m.span()
        token = m.group()
        norm = self.norm
        if kind == "cn" and e - s == 1 and norm[s] == "一" and not norm.startswith("倍", e):
            return None  # 一个, 一批: the article "a", not a count (but 增长一倍 is one); the commonest token
        if not self.screened and self._is_protected(s):
            return None
        if kind == "pct":
            try:
                value = to_decimal(token)
            except NumeralError:
                return None
            return self._suffix(s, e, value, None, "", "%", None, None)
        if kind == "dbl":
            times = doubling(token)
            return Quantity(s, e, times, "倍", times, "倍")
        before = norm[s - 1] if s else ""
        if before in _LATIN or before == "+" or norm.endswith("PM ", 0, s):
            return None  # 5G's neighbours: M4, T3, PM2.5, 1+3
        lead = self._prev_char(s, skip_space=True) if before in (" ", "\t") else before
        if lead in ("第", "每"):
            return None  # 第3位, 第十八届: ordinals; 每万人口, 每10万人: a denominator
        cn_mag = ""
        if kind == "mx":
            try:
                value = to_decimal(token)
            except NumeralError:
                return None
            return self._forward(s, e, value, kind, "", mixed=True)
        if kind == "ar":
            if norm.startswith("+", e) or e - s > 40:
                return None  # 1+3 is a formula; a run of 40 digits is no quantity
            value = Decimal(token.replace(",", ""))
        else:
            if before and (before in "数几" or before.isdigit()):
                return None  # 数十个, 几百家: no number is stated; 5千: the Arabic number's magnitude
            if len(token) > 1 and token.endswith("千"):
                # 千米, 千瓦, 千伏: a trailing 千 may open the unit rather than close the numeral
                um = _UNIT_RE.match(norm, e - 1, self.end)
                if um is not None and um.group("unit").startswith("千"):
                    token, e = token[:-1], e - 1
            if token == "一" and not norm.startswith("倍", e):
                return None  # 一个, 一批: the article "a", not a count (but 增长一倍 is one)
            parsed = self._chinese(token)
            if parsed is None:
                return None
            value, cn_mag = parsed
        quantity = self._forward(s, e, value, kind, cn_mag)
        if quantity is not None and kind == "ar" and self._negative_sign(s):
            # 增长-2.3%: a minus sign written right before the number
            high, base_high = quantity.value_high, quantity.base_value_high
            quantity = quantity._replace(
                start=s - 1, value=quantity.value.copy_negate(),
                base_value=quantity.base_value.copy_negate(),
                value_high=None if high is None else high.copy_negate(),
                base_value_high=None if base_high is None else base_high.copy_negate(),
            )
        return quantity

    def _negative_sign(self, s: int) -> bool:
        """Whether ``-`` right before ``s`` is a minus sign (not a range dash or a hyphen)."""
        if s < 2 or self.norm[s - 1] != "-" or s - 1 < self.start:
            return False
        before = self.norm[s - 2]
        return not (before.isalnum() and before.isascii()) and before not in "-—~至到" and not before.isdigit()

    def _forward(
        self, s: int, e: int, value: Decimal, kind: str, cn_mag: str, mixed: bool = False
    ) -> Quantity | None:
        """Read 多/余, magnitude, range and unit after the first number."""
        norm, end = self.norm, self.end
        pos = self._skip_sep(e)
        if "\n" in norm[e:pos] and not self._line_has_text_before(s):
            return None  # a number alone on its line (a page number) does not bind to the next line
        infix = False
        if self._infix(pos):
            infix, pos = True, pos + 1
        mag = cn_mag
        um = _UNIT_RE.match(norm, pos, end)
        mm = None if cn_mag or mixed or um is not None else _MAG_RE.match(norm, pos, end)
        if mm is not None:
            mag, pos = mm.group(), self._skip_sep(mm.end())
            if self._infix(pos):
                infix, pos = True, pos + 1
                # 3万多亿元: the 多 sits inside the magnitude 万亿
                m2 = _MAG_RE.match(norm, pos, end)
                if m2 is not None and mag + m2.group() in MAGNITUDES:
                    mag, pos = mag + m2.group(), m2.end()
            um = _UNIT_RE.match(norm, pos, end)
        value_high: Decimal | None = None
        if um is None:
            high = self._range_second(pos, kind)
            if high is None:
                return None
            value_high, high_mag, pos = high
            if mag and high_mag and mag != high_mag:
                return None
            mag = mag or high_mag
            um = _UNIT_RE.match(norm, pos, end)
            if um is None:
                return None
        unit, den = um.group("unit"), um.group("den")
        pos = um.end()
        qualifier = Qualifier.AT_LEAST if infix else None
        if not self._unit_allowed(unit, den, s, e, pos, value, kind, mag, infix):
            return None
        if value_high is None and not mag:
            bound = self._range_with_unit(pos, kind, unit, den)
            if bound is not None:
                value_high, pos = bound
        return self._suffix(s, pos, value, value_high, mag, unit, den, qualifier)

    def _suffix(
        self,
        s: int,
        pos: int,
        value: Decimal,
        value_high: Decimal | None,
        mag: str,
        unit: str,
        den: str | None,
        qualifier: Qualifier | None,
    ) -> Quantity | None:
        """Read a trailing qualifier (左右 以上 以内 …) and build the quantity."""
        norm, end = self.norm, self.end
        qpos = self._skip_sep(pos)
        qm = SUFFIX_QUAL.match(norm, qpos, end)
        if qm is not None:
            word = qm.group()
            ok = True
            if word in ("多", "余"):
                ok = unit in DURATION_UNITS and not den
            elif word == "内":
                ok = unit in WITHIN_UNITS and not den
            if ok:
                qualifier = QUAL_BY_WORD[word]
                pos = qm.end()
        if value_high is not None and value_high <= value:
            return None  # 2025—2021 or a list: not a range
        if unit in _AGE_UNITS and not den and self._names_a_group(pos):
            return None  # 3岁以下婴幼儿, 60周岁及以上老年人: an age bracket naming a group
        power = MAGNITUDES.get(mag, 0)
        base_unit, extra = UNIT_BASES.get(unit, (unit, 0))
        rate = f"/{den}" if den else ""
        high_base = fold(value_high, power + extra) if value_high is not None else None
        return Quantity(
            s, pos, value, mag + unit + rate, fold(value, power + extra), base_unit + rate,
            value_high, high_base, qualifier,
        )

    def _names_a_group(self, pos: int) -> bool:
        """Whether an age ending at ``pos`` is followed by the noun it qualifies (a Chinese
        character, after 及以上 and the like), not by the end of its clause."""
        norm = self.norm
        m = _AGE_TAIL.match(norm, pos, self.end)
        after = norm[m.end() : m.end() + 1] if m is not None else norm[pos : pos + 1]
        return "\u4e00" <= after <= "\u9fff"

    def _line_has_text_before(self, s: int) -> bool:
        """Whether the number's line has prose before it (a table row or a bare number has not)."""
        line = self.norm[max(0, s - 60):s].rsplit("\n", 1)[-1]
        return bool(line.strip(" \t*#")) and "\t" not in line

    def _range_second(self, pos: int, kind: str) -> tuple[Decimal, str, int] | None:
        """After a first bound with no unit: the second bound, its magnitude, where its unit starts."""
        norm, end = self.norm, self.end
        cm = _RANGE_CONNECTOR.match(norm, pos, end)
        if cm is None:
            return None
        nm = NUMERAL_RE.match(norm, cm.end(), end)
        if nm is None or nm.lastgroup != kind:
            return None
        mag = ""
        if kind == "cn":
            parsed = self._chinese(nm.group())
            if parsed is None:
                return None
            high, mag = parsed
            after = nm.end()
        else:
            high = Decimal(nm.group().replace(",", ""))
            after = self._skip_sep(nm.end())
            mm = _MAG_RE.match(norm, after, end)
            if mm is not None:
                mag, after = mm.group(), mm.end()
        return high, mag, self._skip_sep(after)

    def _range_with_unit(self, pos: int, kind: str, unit: str, den: str | None) -> tuple[Decimal, int] | None:
        """``4.5%—5%``: after a first bound that has its unit, the second bound and its end."""
        norm, end = self.norm, self.end
        if kind != "ar":
            return None
        cm = _RANGE_CONNECTOR.match(norm, pos, end)
        if cm is None or cm.group().strip() == "到":
            return None
        nm = NUMERAL_RE.match(norm, cm.end(), end)
        if nm is None or nm.lastgroup != "ar":
            return None
        um = _UNIT_RE.match(norm, self._skip_sep(nm.end()), end)
        if um is None or um.group("unit") != unit or um.group("den") != den:
            return None
        return Decimal(nm.group().replace(",", "")), um.end()

    def _unit_allowed(
        self,
        unit: str,
        den: str | None,
        s: int,
        e: int,
        pos: int,
        value: Decimal,
        kind: str,
        mag: str,
        infix: bool,
    ) -> bool:
        """Whether ``unit`` after this number makes a metric (not a year, an ordinal, 台湾 …)."""
        norm = self.norm
        after = norm[pos:pos + 4]
        if unit in NEEDS_MAGNITUDE and not mag:
            return False
        if after.startswith("级"):
            return False  # 30万吨级, 千亿级: a class, not a quantity
        if den is None:
            for blocker in UNIT_BLOCKERS.get(unit, ()):
                if after.startswith(blocker):
                    return False
        if after[:1] in _LATIN and unit not in ("Mbps", "Gbps", "TEU"):
            return False
        if unit not in _CONTEXT_UNITS:
            return True  # the tests below are each about one of these units
        token = norm[s:e]
        before2 = norm[max(0, s - 6):s].rstrip(" \t")[-2:]
        if unit == "年" and den is None:
            if kind == "cn" or is_year_like(token) or after.startswith(("度", "前", "后", "初", "底", "末")):
                return False
            if before2.endswith(("前", "后", "近", "今后", "未来", "过去", "最近", "这", "本", "每")):
                return False
        if unit in ("个月", "天", "小时") and before2.endswith(("前", "后", "近", "每")):
            return False
        if unit in RANK_UNITS and before2.endswith(("前", "后")):
            return False
        if unit in ("届", "次") and _ORDINAL_AFTER_JIE.match(norm, pos):
            return False  # 十九届五中全会, 三次会议: ordinals without 第
        if unit == "届" and value >= 10 and not before2.endswith(("连续", "续", "共", "累计", "已")):
            return False  # 十四届全运会: an edition, not a count of editions
        if unit == "成":
            if mag or infix:
                return False
            if kind == "cn" and token not in _TENTHS_OK:
                return False
            if kind == "ar" and not (0 < value <= 10):
                return False
        if kind == "cn" and unit in ("%", "‰", "Mbps", "Gbps", "TEU"):
            return False
        if unit == "兆" and kind != "ar":
            return False
        return True


_AGE_UNITS: Final[frozenset[str]] = frozenset({"岁", "周岁"})
_AGE_TAIL = re.compile(r"(?:及|或|和)?(?:以上|以下|以内)")


_CONTEXT_UNITS: Final[frozenset[str]] = frozenset(
    {"年", "个月", "天", "小时", "届", "次", "成", "%", "‰", "Mbps", "Gbps", "TEU", "兆"}) | frozenset(RANK_UNITS)
"""The units :meth:`Scanner._unit_allowed` tests further, each by its own rule below the
tests every unit takes; a quantity in any other unit is allowed once past those."""


def protected_spans(norm: str) -> tuple[list[tuple[int, int]], list[int]]:
    """The short quotes, 《titles》 and fixed terms of a whole text, and where each starts.

    None spans a line break, so each line is scanned afresh and these are, line by line,
    what a scan of one slice finds; a :class:`Scanner` given them reads no text for them."""
    spans = [m.span() for m in _PROTECTED.finditer(norm)]
    return spans, [s for s, _ in spans]


_NUMERAL_START = re.compile(r"[\d百翻一二两三四五六七八九十千]")


def numeral_tokens(norm: str) -> list[re.Match[str]]:
    """``list(NUMERAL_RE.finditer(norm))`` without the tokens that are 一 alone and not 一倍
    (the article: 一个, 一批), the commonest and never a quantity; found faster, as
    NUMERAL_RE is tried only where :data:`_NUMERAL_START` finds a character a token can
    open with, and not at all at a 一 that no numeral character follows."""
    tokens: list[re.Match[str]] = []
    pos = 0
    while (candidate := _NUMERAL_START.search(norm, pos)) is not None:
        start = candidate.start()
        if norm[start] == "一":
            after = norm[start + 1 : start + 2]
            if after != "倍" and after not in NUMERAL_CHARS and not after.isdecimal():
                pos = start + 1  # nothing can extend this 一: it is the article
                continue
        m = NUMERAL_RE.match(norm, start)
        if m is None:
            pos = start + 1
            continue
        pos = m.end()
        if m.group() != "一" or norm.startswith("倍", pos):
            tokens.append(m)
    return tokens
