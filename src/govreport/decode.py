"""Bytes to text: UTF-8, UTF-8 with a BOM, or GB18030 (which covers GBK and GB2312).

A leading BOM is the only thing removed; line ends stay as they were.
"""
from __future__ import annotations

import codecs

from govreport.errors import DecodeError

__all__ = ["decode"]


def decode(data: bytes) -> str:
    """Decode ``data`` as UTF-8 (with or without BOM) or, failing that, GB18030.

    Raises :class:`govreport.DecodeError` naming the byte offset of the first byte that
    neither encoding accepts.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"decode() takes bytes, not {type(data).__name__}")
    raw = bytes(data)
    if raw.startswith(codecs.BOM_UTF8):
        try:
            return raw[len(codecs.BOM_UTF8) :].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DecodeError(exc.start + len(codecs.BOM_UTF8), "invalid UTF-8 after a UTF-8 BOM") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError as gb_error:
            # Report the offset the more plausible encoding got furthest with.
            offset = max(utf8_error.start, gb_error.start)
            raise DecodeError(offset, "neither UTF-8 nor GB18030") from None


def read_document(data: bytes, *, suffix: str = "") -> str:
    """The text of a document given as bytes: plain text, markdown, HTML or DOCX.

    The format is told from the content (a ZIP holding ``word/document.xml`` is DOCX;
    decoded text that is a page or fragment of block-level HTML is HTML), with the file
    ``suffix`` (``.docx``, ``.html``) as a hint. For HTML and DOCX the result is the
    extracted text (see :mod:`govreport.extract`).
    """
    from govreport.extract import docx_to_text, html_to_text, looks_like_docx, looks_like_html

    suffix = suffix.lower()
    if looks_like_docx(data) or (suffix == ".docx" and bytes(data[:2]) == b"PK"):
        return docx_to_text(bytes(data))
    text = decode(data)
    if suffix in (".html", ".htm", ".xhtml") or looks_like_html(text):
        return html_to_text(text)
    return text
