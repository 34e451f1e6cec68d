"""Spec fixtures and properties for :mod:`govreport.numerals`.

Each fixture row is one supported form, input and expected value side by side. The
properties check the round trip with ``cn2an.an2cn``; one test replays the conversion
tables of cn2an's own test suite from its installed wheel.
"""
from __future__ import annotations

import ast
import datetime as dt
import importlib.util
import itertools
import pathlib
import re
from decimal import Decimal

import cn2an
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govreport import numerals
from govreport.errors import NumeralError
from govreport.numerals import doubling, is_year_like, ordinal, plan_number, to_decimal, year

# --------------------------------------------------------------------------- fixtures

TO_DECIMAL = [
    # Arabic, full-width, separators
    ("4482", "4482"),
    ("24.03", "24.03"),
    ("１２３４．５", "1234.5"),
    ("1,234", "1234"),
    ("12,345,678.9", "12345678.9"),
    # Chinese integers: 〇/零, 两, places, magnitudes
    ("〇", "0"),
    ("零", "0"),
    ("十", "10"),
    ("十二", "12"),
    ("两千", "2000"),
    ("两万三千", "23000"),
    ("三千五百万", "35000000"),
    ("一亿五千万", "150000000"),
    ("一千零一", "1001"),
    ("一万亿", "1000000000000"),
    ("五千零六十亿", "506000000000"),
    ("百亿", "10000000000"),
    ("千万", "10000000"),
    # direct digits (years are written this way)
    ("二〇三五", "2035"),
    ("二零二五", "2025"),
    # capitals, traditional, old forms, colloquial
    ("壹佰贰拾叁", "123"),
    ("兩千六", "2600"),
    ("廿五", "25"),
    ("三万五", "35000"),
    ("一百二", "120"),
    # Chinese decimals
    ("三点五", "3.5"),
    ("零点零五", "0.05"),
    ("一百点二五", "100.25"),
    # mixed Arabic and Chinese
    ("5.67万亿", "5670000000000"),
    ("3.2万", "32000"),
    ("1.2万亿", "1200000000000"),
    ("4482亿", "448200000000"),
    ("1万6千", "16000"),
    ("1亿5000万", "150000000"),
    ("3亿5千万", "350000000"),
    ("4万5", "45000"),
    ("3千5", "3500"),
    ("1万05", "10005"),
    ("２.５万", "25000"),
    # signs
    ("负五", "-5"),
    ("-10.1万", "-101000"),
    # percent words and tenths: values in percent
    ("百分之五", "5"),
    ("百分之五点五", "5.5"),
    ("百分之一百二十", "120"),
    ("百分之20", "20"),
    ("七成", "70"),
    ("两成", "20"),
    ("8成", "80"),
    # fractions
    ("三分之一", "0.3333333333333333333333333333"),
    ("四分之三", "0.75"),
    ("1/10", "0.1"),
    ("3/4", "0.75"),
    # doubling: a multiplier
    ("翻番", "2"),
    ("翻一番", "2"),
    ("翻了一番", "2"),
    ("翻两番", "4"),
    ("翻三番", "8"),
]


@pytest.mark.parametrize(("text", "expected"), TO_DECIMAL)
def test_to_decimal(text: str, expected: str) -> None:
    got = to_decimal(text)
    assert isinstance(got, Decimal)
    assert got == Decimal(expected)


def test_long_values_are_exact() -> None:
    assert to_decimal("12345678901234567890123456789012345万") == Decimal("123456789012345678901234567890123450000")
    with pytest.raises(NumeralError):
        to_decimal("9" * 101)


def test_whole_values_come_back_without_exponent() -> None:
    assert str(to_decimal("5.67万亿")) == "5670000000000"
    assert str(to_decimal("3.2万")) == "32000"


NOT_NUMERALS = [
    "",
    "   ",
    "abc",
    "元",
    "负",
    "点五",
    "三点",
    "零点点",
    "10..1万",
    "10.1万零100",
    "万",
    "亿元",
    "十四五",  # a plan term, read by plan_number
    "第十八届",  # an ordinal, read by ordinal
    "一带一路",
    "3分之",
    "1/0",
]


@pytest.mark.parametrize("text", NOT_NUMERALS)
def test_not_a_numeral(text: str) -> None:
    with pytest.raises(NumeralError):
        to_decimal(text)


def test_numeral_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        to_decimal("不是数字")


def test_to_decimal_wants_a_string() -> None:
    with pytest.raises(TypeError):
        to_decimal(5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("第十八届", 18), ("第 3 位", 3), ("第二十届", 20), ("十九届", 19), ("第一百零八条", 108), ("第5", 5)],
)
def test_ordinal(text: str, expected: int) -> None:
    assert ordinal(text) == expected


@pytest.mark.parametrize("text", ["第", "第几届", "第1.5名", "届"])
def test_not_an_ordinal(text: str) -> None:
    with pytest.raises(NumeralError):
        ordinal(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("十四五", 14), ("“十三五”", 13), ("十五五规划", 15), ("“十二五”末", 12), ("第十四个五年规划", 14), ("九五", 9)],
)
def test_plan_number(text: str, expected: int) -> None:
    assert plan_number(text) == expected


@pytest.mark.parametrize("text", ["十四", "五年", "一带一路"])
def test_not_a_plan_term(text: str) -> None:
    with pytest.raises(NumeralError):
        plan_number(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("二〇三五年", 2035), ("２００１年", 2001), ("2025", 2025), ("二零二六年", 2026), ("2024年度", 2024), ("二○二○年", 2020)],
)
def test_year(text: str, expected: int) -> None:
    assert year(text) == expected


@pytest.mark.parametrize("text", ["25年", "两千年", "2025年1月", "二十一世纪"])
def test_not_a_year(text: str) -> None:
    with pytest.raises(NumeralError):
        year(text)


def test_doubling() -> None:
    assert doubling("翻两番") == 4
    with pytest.raises(NumeralError):
        doubling("翻一倍")


@pytest.mark.parametrize(("token", "expected"), [("2021", True), ("二〇三五", True), ("3062", False), ("三千", False), ("20", False)])
def test_is_year_like(token: str, expected: bool) -> None:
    assert is_year_like(token) is expected


# --------------------------------------------------------------------------- properties


@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_round_trip_integers(n: int) -> None:
    assert to_decimal(cn2an.an2cn(n)) == n


@given(st.integers(min_value=0, max_value=10**12), st.text(alphabet="0123456789", min_size=1, max_size=6))
def test_round_trip_decimals(whole: int, digits: str) -> None:
    written = f"{whole}.{digits}"
    assert to_decimal(cn2an.an2cn(written)) == Decimal(written)


@given(st.integers(min_value=1, max_value=10**8))
def test_round_trip_negative(n: int) -> None:
    assert to_decimal(cn2an.an2cn(-n)) == -n


@given(
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from([("万", 4), ("亿", 8), ("万亿", 12)]),
)
def test_mixed_magnitudes(value: Decimal, magnitude: tuple[str, int]) -> None:
    word, power = magnitude
    assert to_decimal(f"{value}{word}") == value.scaleb(power)


@given(st.text(max_size=12))
def test_to_decimal_raises_only_numeral_error(text: str) -> None:
    try:
        got = to_decimal(text)
    except NumeralError:
        return
    assert isinstance(got, Decimal)


def test_small_numerals_read_as_cn2an_reads_them() -> None:
    # numerals reads these without calling cn2an; the values must be cn2an's own
    from govreport.numerals import _ONE_CHARACTER, _SMALL_INTEGER, _small_integer

    digits = "一二三四五六七八九"
    small = list(_ONE_CHARACTER)
    small += [f"{tens}十{ones}" for tens in ["", *digits[1:]] for ones in ["", *digits]]
    small += [f"{lead}{unit}" for lead in digits + "两" for unit in "百千"]
    # every string the pattern takes is listed (it takes none longer than three characters)
    alphabet = digits + "两十百千〇零"
    for length in (1, 2, 3):
        for chars in itertools.product(alphabet, repeat=length):
            numeral = "".join(chars)
            assert not _SMALL_INTEGER.fullmatch(numeral) or numeral in small, numeral
    for numeral in small:
        value = _small_integer(numeral)
        assert value is not None and cn2an.cn2an(numeral, "normal") == value, numeral
        assert to_decimal(numeral) == value


# --------------------------------------------------------------------------- cn2an's own tables

_CURRENCY = set("元圆角分整正")


def _cn2an_test_tables() -> dict[str, object]:
    """The literal tables assigned in cn2an's ``cn2an_test.py``, read without running it."""
    spec = importlib.util.find_spec("cn2an")
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    path = next((pathlib.Path(p) / "cn2an_test.py" for p in locations if (pathlib.Path(p) / "cn2an_test.py").exists()), None)
    if path is None:
        pytest.skip("cn2an's wheel ships no cn2an_test.py in this installation")
    tables: dict[str, object] = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Attribute) and isinstance(node.value, (ast.Dict, ast.List)):
                tables[target.attr] = ast.literal_eval(node.value)
    return tables


@pytest.mark.parametrize("table", ["strict_data_dict", "normal_data_dict", "smart_data_dict"])
def test_agrees_with_cn2an_test_suite(table: str) -> None:
    tables = _cn2an_test_tables()
    cases = tables.get(table)
    assert isinstance(cases, dict) and cases, f"{table} not found in cn2an_test.py"
    checked = 0
    for text, expected in cases.items():
        if _CURRENCY & set(text):
            continue  # 元角分 currency forms are out of scope
        assert to_decimal(text) == Decimal(str(expected)), text
        checked += 1
    assert checked >= 10


def test_rejects_what_cn2an_test_suite_rejects() -> None:
    tables = _cn2an_test_tables()
    rejected = [*tables.get("error_smart_datas", []), *tables.get("error_normal_datas", [])]  # type: ignore[misc]
    assert rejected
    for text in rejected:
        with pytest.raises(NumeralError):
            to_decimal(text)


def test_the_minus_sign_is_a_sign() -> None:
    from govreport import extract_metrics

    assert to_decimal("\u22122.1") == to_decimal("-2.1") == Decimal("-2.1")
    growth, = extract_metrics("地区生产总值增长\u22122.1%。")
    assert growth.value == Decimal("-2.1")
    span, = extract_metrics("新建学校5\u221210所。")
    assert (span.value, span.value_high) == (Decimal("5"), Decimal("10"))


# -- years, dates, plan names and small ordinals: read here and nowhere else ---------------

@pytest.mark.parametrize("text, value", [("2025", 2025), ("二〇三五年", 2035), ("２００１年", 2001),
                                         ("二零二六年度", 2026), ("1998", 1998)])
def test_year_reads_arabic_chinese_and_full_width(text, value):
    assert numerals.year(text) == value


@pytest.mark.parametrize("text", ["", "202", "二〇三", "十四五", "2025年份"])
def test_year_rejects_what_is_no_year(text):
    with pytest.raises(NumeralError):
        numerals.year(text)


@pytest.mark.parametrize("text, value", [
    ("云岭区人民政府 2024年3月5日", dt.date(2024, 3, 5)),
    ("二〇二六年一月十五日在青禾市", dt.date(2026, 1, 15)),
    ("２０２５年１月１４日", dt.date(2025, 1, 14)),
    ("2025年2月30日", None),  # no calendar date
    ("2025年春", None),
])
def test_date_is_the_first_calendar_date(text, value):
    assert numerals.date(text) == value


@pytest.mark.parametrize("n, period", [(1, (1953, 1957)), (2, (1958, 1962)), (3, (1966, 1970)),
                                       (10, (2001, 2005)), (14, (2021, 2025)), (15, (2026, 2030))])
def test_plan_period(n, period):
    assert numerals.plan_period(n) == period


def test_plan_period_rejects_no_plan():
    with pytest.raises(NumeralError):
        numerals.plan_period(0)


@pytest.mark.parametrize("text, n", [("第十四个五年", 14), ("“十四五”", 14), ("“十三五 ”", 13), ("十五五", 15),
                                     ("“九五”", 9)])
def test_plan_names_found_by_plan_are_read_by_plan_number(text, n):
    m = re.search(numerals.PLAN, f"青禾市{text}规划")
    assert m is not None and numerals.plan_number(m.group()) == n


@pytest.mark.parametrize("text", ["二十五五", "第十五届", "十四五年"])
def test_plan_finds_no_plan_inside_a_longer_numeral(text):
    assert re.search(numerals.PLAN, text) is None


@pytest.mark.parametrize("numeral, value", [("一", 1), ("十二", 12), ("二十", 20), ("一百零五", 105),
                                            ("〇五", 5), ("12", 12), ("两", 2)])
def test_small_ordinal(numeral, value):
    assert numerals.small_ordinal(numeral) == value


@pytest.mark.parametrize("numeral", ["零", "千", "第一", "a", "１２"])
def test_small_ordinal_gives_none_for_what_it_does_not_read(numeral):
    assert numerals.small_ordinal(numeral) is None


@given(st.integers(1, 999))
def test_small_ordinal_agrees_with_to_decimal(n):
    written = cn2an.an2cn(n)  # 一百零五 …
    assert numerals.small_ordinal(written) == int(to_decimal(written)) == n


@given(st.integers(1900, 2099))
def test_year_patterns_and_reader_agree(n):
    for written in (str(n), "".join("〇一二三四五六七八九"[int(c)] for c in str(n))):
        assert re.fullmatch(numerals.YEAR, written) and numerals.year(written + "年") == n
    assert re.fullmatch(numerals.ARABIC_YEAR, str(n))
