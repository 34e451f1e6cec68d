"""Bytes to text: UTF-8, UTF-8 with a BOM, or GB18030 (which covers GBK and GB2312).

A leading BOM is the only thing removed; line ends stay as they were.
"""
from __future__ import annotations

import codecs

from govreport.errors import DecodeError
from govreport.inputs.document import Document

__all__ = ["decode", "read_document", "read_input"]


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
    """The text of a document given as bytes: plain text, markdown, HTML, DOCX or PDF.

    The format is told from the content (a ZIP holding ``word/document.xml`` is DOCX;
    ``%PDF-`` at the start is PDF; decoded text that is a page or fragment of block-level
    HTML is HTML), with the file ``suffix`` (``.docx``, ``.html``) as a hint. For HTML,
    DOCX and PDF the result is the extracted text (see :mod:`govreport.extract` and
    :mod:`govreport.inputs.pdf`); :func:`read_input` gives a PDF's pages too.
    """
    return read_input(data, suffix=suffix).text


def read_input(data: bytes, *, suffix: str = "") -> Document:
    """Like :func:`read_document`, with the page spans of a PDF (see :class:`Document`)."""
    from govreport.extract import docx_to_text, html_to_text, looks_like_docx, looks_like_html
    from govreport.inputs.pdf import looks_like_pdf, read_pdf

    suffix = suffix.lower()
    if looks_like_pdf(data):
        return read_pdf(bytes(data))
    if looks_like_docx(data) or (suffix == ".docx" and bytes(data[:2]) == b"PK"):
        return Document(docx_to_text(bytes(data)))
    text = decode(data)
    if suffix in (".html", ".htm", ".xhtml") or looks_like_html(text):
        return Document(html_to_text(text))
    return Document(text)
