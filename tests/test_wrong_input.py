"""Wrong input, right answer: empty input, other formats, wrong argument types.

Every fixture is built here: the ZIP containers with ``zipfile`` (an XLSX holding a sheet,
a PPTX, an ODT whose ``mimetype`` comes first, an EPUB, a plain archive holding a report),
the images and archives with the standard library (``zlib``, ``gzip``, ``bz2``, ``lzma``)
or from their documented headers. The format is told by the bytes, never by the name:
each fixture is also given to ``parse_file`` under a misleading suffix.
"""
from __future__ import annotations

import bz2
import gzip
import inspect
import io
import lzma
import os
import struct
import subprocess
import sys
import zipfile
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govreport
from govreport import FormatError, ParseError, Severity
from govreport.blocks import RULES
from govreport.normalize import SPACE_CHARS

from helpers import HAVE_METRICS

KW = {} if HAVE_METRICS else {"metrics": False}

TEXT = "一、总体要求\n青禾市全年地区生产总值增长5%左右。\n二、主要任务\n（一）扩大内需。\n"


# -- empty input -----------------------------------------------------------------------------

BLANKS = ["", " ", "\n", "\r\n\r\n", "\t \n", "\u3000\u3000\n", "\n" * 10_000]


@pytest.mark.parametrize("text", BLANKS, ids=repr)
def test_empty_or_blank_text_gives_an_empty_report_with_an_empty_input_warning(text):
    report = govreport.parse(text, **KW)
    assert report.body == () and report.metrics == ()
    [found] = report.diagnostics
    assert (found.code, found.severity) == ("empty-input", Severity.WARNING)
    assert (found.span.start, found.span.end) == (0, len(text))
    with pytest.raises(ParseError) as info:
        govreport.parse(text, strict=True, **KW)
    assert [d.code for d in info.value.diagnostics] == ["empty-input"]


# every character str.isspace() knows (the separators and controls \x1c, \x85, \u2028 … too),
# and the zero-width spaces and byte-order marks normalization reads as spaces
SPACES = "".join(c for c in map(chr, range(0x3000 + 1)) if c.isspace()) + SPACE_CHARS


@given(st.text(alphabet=st.sampled_from(SPACES), max_size=40), st.text(min_size=1, max_size=20))
@settings(max_examples=150, deadline=None)
def test_empty_input_is_said_exactly_when_every_character_is_whitespace(blank, other):
    report = govreport.parse(blank, **KW)
    assert report.body == () and [d.code for d in report.diagnostics] == ["empty-input"]
    codes = [d.code for d in govreport.parse(blank + other + blank, **KW).diagnostics]
    assert ("empty-input" in codes) == all(c in SPACES for c in other)


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff\x00 \x00\n", b" \r\n\t",
                                  "\u3000\n".encode("gb18030"), b"<html><body><p></p></body></html>"],
                         ids=repr)
def test_empty_bytes_files_and_pages_give_the_warning_too(tmp_path, data):
    assert [d.code for d in govreport.parse_bytes(data, **KW).diagnostics] == ["empty-input"]
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    assert [d.code for d in govreport.parse_file(path, **KW).diagnostics] == ["empty-input"]
    with pytest.raises(ParseError):
        govreport.parse_file(path, strict=True, **KW)


def test_a_report_is_never_empty_input():
    assert all(d.code != "empty-input" for d in govreport.parse(TEXT, **KW).diagnostics)
    assert all(d.code != "empty-input" for d in govreport.parse(" \n。\n", **KW).diagnostics)


def test_the_command_line_fails_on_an_empty_file_under_strict(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"\n\n")
    run = [sys.executable, "-m", "govreport", "parse", str(path)]
    lenient = subprocess.run(run, capture_output=True, text=True, encoding="utf-8")
    strict = subprocess.run(run + ["--strict"], capture_output=True, text=True, encoding="utf-8")
    assert lenient.returncode == 0, lenient.stderr
    assert strict.returncode == 1 and "empty-input" in strict.stderr, strict.stderr


# -- formats govreport does not read ------------------------------------------------------------

def _zip(members: dict[str, str], *, first: tuple[str, str] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        if first is not None:  # ODF and EPUB: the mimetype first and stored, as their specs say
            zf.writestr(zipfile.ZipInfo(first[0]), first[1], compress_type=zipfile.ZIP_STORED)
        for name, content in members.items():
            zf.writestr(name, content)
    return buf.getvalue()


def xlsx() -> bytes:
    """A real (minimal) Excel workbook: one sheet, one inline-string cell of report text."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    return _zip({
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                               '<Override PartName="/xl/workbook.xml" ContentType="application/'
                               'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        "xl/workbook.xml": f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
                           '<sheet name="指标" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{main}"><sheetData><row r="1"><c r="A1" t="inlineStr">'
                                    f'<is><t>{TEXT}</t></is></c></row></sheetData></worksheet>',
    })


def png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")


def ole2(stream: str) -> bytes:
    """The header of a compound file and a directory entry naming ``stream`` (UTF-16LE)."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    return header.ljust(512, b"\x00") + stream.encode("utf-16-le").ljust(64, b"\x00") + bytes(448)


REPORT_BYTES = TEXT.encode("utf-8")

REFUSED = {
    "xlsx": (xlsx, "Excel workbook (XLSX)"),
    "pptx": (lambda: _zip({"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p:presentation/>"}),
             "PowerPoint presentation (PPTX)"),
    "odt": (lambda: _zip({"content.xml": f"<office:document-content>{TEXT}</office:document-content>"},
                         first=("mimetype", "application/vnd.oasis.opendocument.text")), "OpenDocument text (ODT)"),
    "ods": (lambda: _zip({"content.xml": "<x/>"}, first=("mimetype", "application/vnd.oasis.opendocument.spreadsheet")),
            "OpenDocument spreadsheet (ODS)"),
    "epub": (lambda: _zip({"META-INF/container.xml": "<container/>"}, first=("mimetype", "application/epub+zip")),
             "EPUB"),
    "ofd": (lambda: _zip({"OFD.xml": "<ofd:OFD/>", "Doc_0/Document.xml": "<ofd:Document/>"}), "OFD document"),
    "zip": (lambda: _zip({"青禾市政府工作报告.txt": TEXT, "云岭区.txt": TEXT}), "ZIP archive of 2 file(s)"),
    "empty-zip": (lambda: _zip({}), "empty ZIP archive"),
    "damaged-zip": (lambda: b"PK\x03\x04" + b"\x14\x00" + bytes(20) + REPORT_BYTES, "cannot be opened"),
    "doc": (lambda: ole2("WordDocument"), "legacy Word document (.doc"),
    "xls": (lambda: ole2("Workbook"), "legacy Excel workbook (.xls)"),
    "ppt": (lambda: ole2("PowerPoint Document"), "legacy PowerPoint presentation (.ppt)"),
    "ole2": (lambda: ole2("Contents"), "Microsoft compound file"),
    "png": (png, "PNG image"),
    "jpeg": (lambda: b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + bytes(64) + b"\xff\xd9", "JPEG image"),
    "gif": (lambda: b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "GIF image"),
    "tiff": (lambda: b"II*\x00\x08\x00\x00\x00" + bytes(16), "TIFF image"),
    "webp": (lambda: b"RIFF\x1a\x00\x00\x00WEBPVP8 " + bytes(14), "WebP image"),
    "gzip": (lambda: gzip.compress(REPORT_BYTES), "gzip"),
    "bzip2": (lambda: bz2.compress(REPORT_BYTES), "bzip2"),
    "xz": (lambda: lzma.compress(REPORT_BYTES), "xz"),
    "7z": (lambda: b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(24), "7-Zip archive"),
    "rar": (lambda: b"Rar!\x1a\x07\x01\x00" + bytes(24), "RAR archive"),
    "rtf": (lambda: b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl} " + TEXT.encode("gbk") + b"}", "RTF document"),
}


@pytest.mark.parametrize("kind", list(REFUSED))
def test_a_format_govreport_does_not_read_is_a_format_error_naming_it(tmp_path, kind):
    make, name = REFUSED[kind]
    data = make()
    with pytest.raises(FormatError, match=r"^an? ") as info:
        govreport.parse_bytes(data)
    assert name in str(info.value)
    assert "govreport reads" in str(info.value)  # and says what it does read
    for suffix in (".txt", ".docx", ".html", ""):  # told by the bytes, never by the name
        path = tmp_path / f"report{suffix}"
        path.write_bytes(data)
        with pytest.raises(FormatError) as by_file:
            govreport.parse_file(path)
        if kind != "damaged-zip":  # a damaged ZIP named .docx is read as the DOCX it claims to be
            assert str(by_file.value) == str(info.value)


def test_a_damaged_zip_named_docx_is_a_damaged_docx(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(REFUSED["damaged-zip"][0]())
    with pytest.raises(FormatError, match="not a readable DOCX file"):
        govreport.parse_file(path)


def test_format_error_is_a_govreport_error_and_a_value_error_in_both_places():
    from govreport.extract import FormatError as ExtractFormatError

    assert ExtractFormatError is FormatError
    assert issubclass(FormatError, govreport.GovreportError) and issubclass(FormatError, ValueError)


def test_text_that_starts_like_a_format_name_is_still_text():
    # magic numbers are bytes no report starts with; words that name formats are text
    for text in ("PK一、总体要求\n", "GIF动图说明\n", "BZh\n", "RIFF\n", "7z压缩\n", "{\\rt\n"):
        assert govreport.parse_bytes(text.encode("utf-8"), **KW).text == text


def test_a_docx_is_still_read():
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in TEXT.splitlines())
    data = _zip({"[Content_Types].xml": "<Types/>",
                 "word/document.xml": f'<w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>'})
    assert [s.title for s in govreport.parse_bytes(data, **KW).sections] == ["总体要求", "主要任务", "扩大内需"]


# -- wrong argument types ------------------------------------------------------------------------

@pytest.mark.parametrize("path", [0, 1, 123, True, None, 1.5, ["a.txt"]], ids=repr)
def test_parse_file_of_anything_but_a_path_is_a_type_error(path):
    with pytest.raises(TypeError, match="parse_file\\(\\) takes a str or os.PathLike path"):
        govreport.parse_file(path)


def test_parse_file_never_reads_a_file_descriptor(tmp_path):
    r, w = os.pipe()
    try:
        os.write(w, REPORT_BYTES)
        os.close(w)
        with pytest.raises(TypeError):
            govreport.parse_file(r)
        assert os.read(r, 100) == REPORT_BYTES[:100]  # nothing was read from it
    finally:
        os.close(r)


def test_parse_file_of_bytes_is_a_type_error_pointing_to_parse_bytes(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT_BYTES)
    for wrong in (REPORT_BYTES, os.fsencode(path)):
        with pytest.raises(TypeError, match="parse_bytes"):
            govreport.parse_file(wrong)

    class BytesPath:
        def __fspath__(self) -> bytes:
            return os.fsencode(path)

    with pytest.raises(TypeError, match="bytes"):
        govreport.parse_file(BytesPath())  # type: ignore[arg-type]
    assert govreport.parse_file(os.fsdecode(os.fsencode(path)), **KW).text == TEXT


def test_parse_file_takes_str_and_path_like(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT_BYTES)

    class PathLike:
        def __fspath__(self) -> str:
            return str(path)

    for given_path in (path, str(path), PathLike()):
        assert govreport.parse_file(given_path, **KW).text == TEXT


@pytest.mark.parametrize("data", [TEXT, 123, None, ["a"]], ids=repr)
def test_parse_bytes_of_anything_but_bytes_is_a_type_error(data):
    with pytest.raises(TypeError, match="parse_bytes\\(\\) takes bytes") as info:
        govreport.parse_bytes(data)
    if isinstance(data, str):
        assert "use parse()" in str(info.value)


def test_parse_bytes_takes_bytearray_and_memoryview():
    for data in (bytearray(REPORT_BYTES), memoryview(REPORT_BYTES)):
        assert govreport.parse_bytes(data, **KW).text == TEXT


# -- the same options everywhere ---------------------------------------------------------------

def _options(function: object) -> dict[str, object]:
    params = inspect.signature(function).parameters.values()  # type: ignore[arg-type]
    return {p.name: p.default for p in params if p.kind is inspect.Parameter.KEYWORD_ONLY}


@pytest.mark.parametrize("function", [govreport.parse_bytes, govreport.parse_file, govreport.parse_many],
                         ids=lambda f: f.__name__)
def test_every_entry_point_takes_the_options_of_parse(function):
    options = {k: v for k, v in _options(govreport.parse).items() if k != "pages"}  # pages: of a text only
    assert set(options) == {"strict", "metrics", "rules"}
    assert {k: v for k, v in _options(function).items() if k in options} == options


def test_rules_reach_the_parse_from_bytes_files_and_batches(tmp_path):
    table = "一、主要指标\n指标\t2025年\n粮食产量（万吨）\t120\n"
    no_tables = RULES.copy().disable("table")
    expected = govreport.parse(table, rules=no_tables, **KW)
    assert expected != govreport.parse(table, **KW)  # the option changes the report
    path = tmp_path / "table.txt"
    path.write_text(table, encoding="utf-8")
    assert govreport.parse_bytes(table.encode("utf-8"), rules=no_tables, **KW) == expected
    assert govreport.parse_file(path, rules=no_tables, **KW) == expected
    [result] = govreport.parse_many([path], rules=no_tables, **KW)
    assert result.report == expected


def test_strict_and_metrics_reach_parse_many(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    [result] = govreport.parse_many([path], strict=True)
    assert result.error is not None and result.error.startswith("ParseError")
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    [result] = govreport.parse_many([good], metrics=False)
    assert result.report is not None and result.report.metrics == ()


def test_fixtures_are_what_they_claim():
    """The XLSX really is a workbook zipfile reads, the PNG a PNG with a valid CRC."""
    with zipfile.ZipFile(io.BytesIO(xlsx())) as zf:
        assert "xl/workbook.xml" in zf.namelist()
    data = png()
    assert zlib.crc32(data[12:29]) == struct.unpack(">I", data[29:33])[0]
    assert gzip.decompress(REFUSED["gzip"][0]()) == REPORT_BYTES
