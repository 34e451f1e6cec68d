"""Bytes to text: UTF-8 or GB18030 (which covers GBK and GB2312), and UTF-16 or UTF-32 by
their byte-order mark; and bytes to a document, told by its content.

A leading BOM is the only thing removed; line ends stay as they were.

UTF-16 without a BOM is read only on overwhelming evidence (see :func:`decode`): its
bytes hold NULs, which UTF-8 and GB18030 text never does, and read in exactly one byte
order they give the characters reports are written in. Anything short of that is decoded
as UTF-8 or GB18030 as usual, so no text in those is ever taken for UTF-16.
"""
from __future__ import annotations

import codecs
import re
from typing import Final

from govreport.errors import DecodeError, FormatError
from govreport.inputs.document import Document
from govreport.inputs.sniff import DOCX, ZIP_MAGIC, binary_format, looks_like_pdf, refusal, zip_format

__all__ = ["decode", "read_document", "read_input"]

_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32LE"),  # before UTF-16LE, whose BOM it starts with
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16BE"),
)
"""Byte-order marks, the codec each announces and the encoding's name, in the order tried."""

_REPORT_CHARS: Final = (
    "\t\n\f\r\x20-\x7e\xa0-\xbf\xd7\xf7"  # ASCII and Latin-1 punctuation (·, °, ×, ÷), not its letters
    "\u2010-\u206f\u2100-\u24ff"  # dashes and quotes; ℃, arrows, ①
    "\u3000-\u303f\u3200-\u33ff"  # CJK punctuation; ㈠, ㎡
    "\u4e00-\u9fff\uff00-\uffef"  # Chinese characters; full-width forms
)
"""The characters a report is written in, for telling UTF-16 without a BOM from noise. Latin-1
letters are left out: UTF-8 Chinese with stray NUL bytes, read as UTF-16, gives U+00E3–U+00E9
(ã … é, the lead bytes of UTF-8 Chinese) beside Chinese characters."""

_FOREIGN: Final = re.compile(f"[^{_REPORT_CHARS}]")
_CONTROL: Final = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufdd0-\ufdef\ufffe\uffff]")
"""Controls and Unicode noncharacters: text holds none, so a UTF-16 reading with one is no text."""
_UTF16_MIN_CHARS: Final = 8
"""The fewest characters UTF-16 without a BOM must give: below, no evidence is overwhelming."""
_FOREIGN_SHARE: Final = 0.1
"""The largest share of characters outside :data:`_REPORT_CHARS` a UTF-16 reading without
a BOM may have (a report has a few: ㉑, emoji); the other byte order has most."""


def decode(data: bytes) -> str:
    """Decode ``data``: by its byte-order mark, else UTF-8, else GB18030.

    A UTF-8, UTF-16 or UTF-32 byte-order mark (BOM) decides the encoding: the mark is
    removed and nothing else is tried. Without one, bytes that hold NUL bytes are read as
    UTF-16 (little- or big-endian) when they decode in exactly one byte order to text of
    at least 8 characters without NULs, control characters or noncharacters (U+FFFF …),
    nine in ten of them ones reports are written in (Chinese characters, ASCII, CJK and
    full-width punctuation; not Latin-1 letters); the other order of real UTF-16 text
    gives unrelated scripts. Otherwise UTF-8, then GB18030.

    Raises :class:`govreport.DecodeError` naming the byte offset of the first byte that
    no encoding tried accepts.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"decode() takes bytes, not {type(data).__name__}")
    raw = bytes(data)
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(exc.start + len(bom), f"invalid {name} after a {name} BOM",
                                  encodings=name) from None
    if b"\x00" in raw:
        text = _utf16_without_bom(raw)
        if text is not None:
            return text
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError as gb_error:
            # Report the offset the more plausible encoding got furthest with.
            offset = max(utf8_error.start, gb_error.start)
            raise DecodeError(offset, "neither UTF-8 nor GB18030") from None


def _utf16_without_bom(raw: bytes) -> str | None:
    """``raw`` read as UTF-16 when exactly one byte order gives report text, else ``None``."""
    if len(raw) % 2 or len(raw) < 2 * _UTF16_MIN_CHARS:
        return None
    readings = [text for text in map(_utf16_reading, (raw, raw), ("utf-16-le", "utf-16-be")) if text is not None]
    return readings[0] if len(readings) == 1 else None


def _utf16_reading(raw: bytes, codec: str) -> str | None:
    """``raw`` decoded with ``codec`` if that gives text a report could be, else ``None``."""
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:
        return None
    if _CONTROL.search(text) is not None:
        return None
    foreign = sum(1 for _ in _FOREIGN.finditer(text))
    return text if foreign <= _FOREIGN_SHARE * len(text) else None


def read_document(data: bytes, *, suffix: str = "") -> str:
    """The text of a document given as bytes: plain text, markdown, HTML, DOCX or PDF.

    The format is told from the content (a ZIP holding ``word/document.xml`` is DOCX;
    ``%PDF-`` at the start is PDF; decoded text that is a page or fragment of block-level
    HTML is HTML), with the file ``suffix`` (``.docx``, ``.html``) as a hint. For HTML,
    DOCX and PDF the result is the extracted text (see :mod:`govreport.extract` and
    :mod:`govreport.inputs.pdf`); :func:`read_input` gives a PDF's pages too.
    """
    return read_input(data, suffix=suffix).text


def read_input(data: bytes, *, suffix: str = "") -> Document:
    """Like :func:`read_document`, with the page spans of a PDF (see :class:`Document`).

    Raises :class:`~govreport.FormatError` for bytes in a format govreport does not read,
    told from its first bytes (:mod:`govreport.inputs.sniff`): an XLSX, PPTX, ODT or EPUB
    container or a plain ZIP archive, a legacy Office or WPS file, an image, a compressed
    archive, RTF. The message names the format. A ZIP that cannot be opened is refused
    too, as a damaged DOCX when ``suffix`` is ``.docx``.
    """
    raw = bytes(data)
    suffix = suffix.lower()
    if looks_like_pdf(raw):
        from govreport.inputs.pdf import read_pdf

        return read_pdf(raw)
    if raw.startswith(ZIP_MAGIC) or (suffix == ".docx" and raw.startswith(b"PK")):
        return Document(_zip_text(raw, suffix))
    foreign = binary_format(raw)
    if foreign is not None:
        raise FormatError(refusal(*foreign))
    from govreport.extract import html_to_text, looks_like_html

    text = decode(raw)
    if suffix in (".html", ".htm", ".xhtml") or looks_like_html(text):
        return Document(html_to_text(text))
    return Document(text)


def _zip_text(raw: bytes, suffix: str) -> str:
    """The text of a DOCX file; a :class:`FormatError` naming any other ZIP container."""
    from govreport.extract import docx_to_text

    found = zip_format(raw)
    if found is None and suffix != ".docx":
        raise FormatError("a ZIP file that cannot be opened (damaged or incomplete): "
                          "not a format govreport reads (text, markdown, HTML, DOCX or PDF)")
    if found is not None and found[0] != DOCX:
        raise FormatError(refusal(*found))
    return docx_to_text(raw)
