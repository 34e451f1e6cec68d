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
