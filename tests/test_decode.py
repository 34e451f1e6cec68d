"""Decoding: UTF-8, UTF-8 with a BOM, GB18030/GBK, UTF-16 and UTF-32; anything else is a DecodeError."""
from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govreport.decode import decode
from govreport.errors import DecodeError, GovreportError
from govreport.parser import parse_bytes, parse_file

from helpers import HAVE_METRICS, check_all, doc, parse_text

KW = {} if HAVE_METRICS else {"metrics": False}

REPORT = doc("""
    2025年某某市政府工作报告
    ——2025年1月14日在某某市第十八届人民代表大会第三次会议上
    某某市市长 张三
    各位代表：
    现在，我代表市人民政府向大会报告工作，请予审议。
    一、2024年工作回顾
    过去一年，全市地区生产总值增长5.1%，城镇新增就业12.5万人。
    （一）产业结构持续优化。战略性新兴产业增加值增长较快。
    二、2025年工作安排
    今年要坚持稳中求进，扎实推动高质量发展。
    """)


def test_utf8():
    assert decode(REPORT.encode("utf-8")) == REPORT
    assert parse_bytes(REPORT.encode("utf-8"), **KW) == parse_text(REPORT)


def test_utf8_bom_is_removed_and_offsets_follow_the_text_after_it():
    data = codecs.BOM_UTF8 + REPORT.encode("utf-8")
    assert decode(data) == REPORT
    report = parse_bytes(data, **KW)
    assert report.text == REPORT
    assert report == parse_text(REPORT)
    first = report.sections[0]
    assert report.text[first.span.start : first.span.end].startswith("一、2024年工作回顾")
    assert first.span.start == REPORT.index("一、2024年工作回顾")
    check_all(report)


def test_bom_in_a_str_is_removed_too():
    report = parse_text("\ufeff" + REPORT)
    assert report.text == REPORT
    assert report == parse_text(REPORT)


@pytest.mark.parametrize("encoding", ["gb18030", "gbk"])
def test_gb_encodings_give_the_same_report_as_utf8(encoding):
    data = REPORT.encode(encoding)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the fixture really is not UTF-8 in this encoding
    assert decode(data) == REPORT
    assert parse_bytes(data, **KW) == parse_bytes(REPORT.encode("utf-8"), **KW)


def test_gb18030_only_characters():
    text = "一、总体要求\n推进𠀀字库建设和€结算便利化。\n"  # outside GBK, inside GB18030
    assert decode(text.encode("gb18030")) == text


def test_crlf_bytes_keep_their_line_ends():
    data = REPORT.replace("\n", "\r\n").encode("gbk")
    report = parse_bytes(data, **KW)
    assert "\r\n" in report.text
    assert [s.title for s in report.sections] == [s.title for s in parse_text(REPORT).sections]


@pytest.mark.parametrize(
    ("data", "offset"),
    [
        pytest.param(b"abc\xffdef", 3, id="ascii-then-ff"),
        pytest.param("一、总体要求\n".encode("utf-8") + b"\xff" + "稳中求进。".encode("utf-8"),
                     len("一、总体要求\n".encode("utf-8")), id="utf8-then-ff"),
        pytest.param("一、总体要求\n".encode("gbk") + b"\xff" + "稳中求进。".encode("gbk"),
                     len("一、总体要求\n".encode("gbk")), id="gbk-then-ff"),
        pytest.param(b"\x80", 0, id="lone-80"),
    ],
)
def test_undecodable_bytes_raise_decode_error_with_the_offset(data, offset):
    with pytest.raises(DecodeError) as info:
        decode(data)
    assert info.value.offset == offset
    assert str(offset) in str(info.value)
    with pytest.raises(DecodeError):
        parse_bytes(data)


def test_invalid_utf8_after_a_bom():
    data = codecs.BOM_UTF8 + b"abc\xffdef"
    with pytest.raises(DecodeError) as info:
        decode(data)
    assert info.value.offset == 6  # byte offset in the input, BOM included


def test_decode_error_is_a_govreport_error_and_a_value_error():
    with pytest.raises(GovreportError):
        decode(b"\xff")
    with pytest.raises(ValueError):
        decode(b"\xff")


def test_parse_bytes_rejects_str_and_parse_rejects_bytes():
    with pytest.raises(TypeError):
        parse_bytes(REPORT)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_text(REPORT.encode("utf-8"))  # type: ignore[arg-type]


def test_empty_bytes():
    report = parse_bytes(b"", **KW)
    assert report.text == ""
    assert report.body == ()


# -- files ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda s: s.encode("utf-8"), id="utf-8"),
        pytest.param(lambda s: codecs.BOM_UTF8 + s.encode("utf-8"), id="utf-8-bom"),
        pytest.param(lambda s: s.encode("gb18030"), id="gb18030"),
        pytest.param(lambda s: s.encode("gbk"), id="gbk"),
    ],
)
def test_parse_file_in_each_encoding(tmp_path, encode):
    path = tmp_path / "report.txt"
    path.write_bytes(encode(REPORT))
    assert parse_file(path, **KW) == parse_text(REPORT)
    assert parse_file(str(path), **KW) == parse_text(REPORT)


def test_parse_file_of_undecodable_bytes(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "一、总体要求\n".encode("utf-8") + b"\xff\xfe")
    with pytest.raises(DecodeError) as info:
        parse_file(path)
    assert info.value.offset == 3 + len("一、总体要求\n".encode("utf-8"))


def test_parse_file_of_a_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        parse_file(tmp_path / "nowhere.txt")


# -- UTF-16 and UTF-32 --------------------------------------------------------------------------

BOM_ENCODINGS = {
    "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE,
}


@pytest.mark.parametrize("encoding", list(BOM_ENCODINGS))
@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
def test_utf16_and_utf32_with_a_bom_give_the_same_report_as_utf8(encoding, line_end):
    text = REPORT.replace("\n", line_end)
    data = BOM_ENCODINGS[encoding] + text.encode(encoding)
    assert decode(data) == text
    assert parse_bytes(data, **KW) == parse_bytes(text.encode("utf-8"), **KW)


def test_the_bom_of_utf32_le_is_not_taken_for_utf16_le():
    # FF FE 00 00 starts both; UTF-32LE is the longer match and is tried first
    data = codecs.BOM_UTF32_LE + "一、总体要求\n".encode("utf-32-le")
    assert decode(data) == "一、总体要求\n"


@pytest.mark.parametrize(("encoding", "name"), [("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")])
def test_utf16_cut_in_the_middle_of_a_character_is_a_decode_error_at_the_last_byte(encoding, name):
    data = BOM_ENCODINGS[encoding] + "一、总体要求\n".encode(encoding)
    with pytest.raises(DecodeError) as info:
        decode(data[:-1])
    assert info.value.offset == len(data) - 2
    assert info.value.encodings == name and name in str(info.value)


def test_a_lone_surrogate_in_utf16_is_a_decode_error_at_its_offset():
    body = "一、总体".encode("utf-16-le")
    data = codecs.BOM_UTF16_LE + body + b"\x00\xd8" + "要求".encode("utf-16-le")  # D800 with no low half
    with pytest.raises(DecodeError) as info:
        decode(data)
    assert info.value.offset == 2 + len(body)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read_when_one_byte_order_gives_report_text(encoding):
    data = REPORT.encode(encoding)
    assert decode(data) == REPORT
    assert parse_bytes(data, **KW) == parse_text(REPORT)


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
@given(st.text(alphabet=st.sampled_from("一二三四五六七八九十年月日增长全市地区生产总值。，、；：（）《》\n5%."),
               min_size=1, max_size=80),
       st.lists(st.integers(min_value=0), min_size=1, max_size=4))
@settings(max_examples=300, deadline=None)
def test_utf8_or_gb18030_text_with_stray_nul_bytes_is_never_taken_for_utf16(encoding, text, cuts):
    """NUL bytes send decode() to try UTF-16, but a report in UTF-8 or GB18030 read as UTF-16
    gives Hangul, private-use and surrogate code units, never report text."""
    for cut in cuts:
        at = cut % (len(text) + 1)
        text = text[:at] + "\x00" + text[at:]
    data = text.encode(encoding)
    try:
        expected = data.decode("utf-8")  # short GB18030 bytes can be valid UTF-8 too: read as UTF-8
    except UnicodeDecodeError:
        expected = text
    assert decode(data) == expected


def test_utf8_chinese_after_nul_bytes_is_not_taken_for_utf16_latin_letters():
    # read as UTF-16BE these bytes give ã肁ã肁…: UTF-8's lead byte E3 as a Latin-1 letter
    # beside a Chinese character; Latin-1 letters are not report text, so UTF-8 stands
    text = "\x00、" * 4
    assert decode(text.encode("utf-8")) == text


def test_ascii_with_nul_bytes_reads_the_same_in_either_order_and_stays_utf8():
    # "A\x00B\x00" is "AB" in UTF-16LE and 䄀䈀 in UTF-16BE: no overwhelming evidence
    assert decode(b"A\x00B\x00") == "A\x00B\x00"
