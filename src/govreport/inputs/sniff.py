"""What a file is, told from its bytes: the formats govreport reads, and the ones it names.

Reports arrive as text, HTML, DOCX and PDF, and a folder of downloads also holds
spreadsheets, slide decks, scans, archives and legacy Office files. Those are told from
their first bytes (their *magic numbers*), never from a file name, so that
:func:`govreport.parse_bytes` can refuse them with a :class:`~govreport.FormatError` that
names the format, instead of decoding their bytes as text.

A ZIP container is told apart by its members: ``word/document.xml`` is a DOCX (read),
``xl/`` an XLSX, ``ppt/`` a PPTX, the ``mimetype`` member an OpenDocument file or an EPUB,
``OFD.xml`` an OFD document; any other ZIP is a plain archive. ``zipfile`` is imported only
when the bytes start as a ZIP does.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import zipfile

__all__ = ["DOCX", "ZIP_MAGIC", "binary_format", "looks_like_pdf", "refusal", "zip_errors", "zip_format"]

DOCX: Final = "a Word document (DOCX)"
"""What :func:`zip_format` answers for a DOCX file, the one ZIP container govreport reads."""

ZIP_MAGIC: Final = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
"""How a ZIP file starts: a local file header, the end record of an empty archive, or a
split-archive marker."""

_PDF_WINDOW = 1024  # the PDF header may follow some junk bytes (the spec allows 1024)
_PDF_HEADER = re.compile(rb"%PDF-[0-9]\.[0-9]")

_SAVE = "save it as DOCX, PDF or text"
_UNPACK = "unpack it and parse the files inside"
_OCR = "an image holds no text to parse (run OCR on it first)"

_MAGIC: Final[tuple[tuple[bytes, str, str], ...]] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image", _OCR),
    (b"\xff\xd8\xff", "a JPEG image", _OCR),
    (b"GIF87a", "a GIF image", _OCR),
    (b"GIF89a", "a GIF image", _OCR),
    (b"II*\x00", "a TIFF image", _OCR),
    (b"MM\x00*", "a TIFF image", _OCR),
    (b"\x1f\x8b\x08", "a gzip-compressed file", _UNPACK),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", _UNPACK),
    (b"Rar!\x1a\x07", "a RAR archive", _UNPACK),
    (b"\xfd7zXZ\x00", "an xz-compressed file", _UNPACK),
    (b"\x28\xb5\x2f\xfd", "a Zstandard-compressed file", _UNPACK),
    (b"{\\rtf", "an RTF document", _SAVE),
    (b"\x7fELF", "an executable program (ELF)", "it holds no report"),
    (b"SQLite format 3\x00", "an SQLite database", "export the report's text from it"),
)
"""Magic numbers of formats govreport does not read: the bytes a file starts with, the
format's name and what to do instead."""

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""How a Microsoft compound file starts: legacy .doc, .xls and .ppt, and WPS Office's .wps."""

_OLE2_STREAMS: Final = (
    ("WordDocument", "a legacy Word document (.doc, or WPS .wps)"),
    ("PowerPoint Document", "a legacy PowerPoint presentation (.ppt)"),
    ("Workbook", "a legacy Excel workbook (.xls)"),
    ("Book", "a legacy Excel workbook (.xls)"),
)
"""The stream that tells what a compound file holds; its name is in the file's directory,
in UTF-16LE."""

_ODF_MIMETYPES: Final = {
    "application/vnd.oasis.opendocument.text": "an OpenDocument text (ODT)",
    "application/vnd.oasis.opendocument.spreadsheet": "an OpenDocument spreadsheet (ODS)",
    "application/vnd.oasis.opendocument.presentation": "an OpenDocument presentation (ODP)",
    "application/epub+zip": "an EPUB e-book",
}


def looks_like_pdf(data: bytes) -> bool:
    """Whether ``data`` is a PDF: it opens with a PDF header (``%PDF-1.7``), or has one in its
    first kilobyte (the spec lets junk bytes come first) and PDF objects after it. A text
    that merely mentions ``%PDF-`` is text."""
    found = _PDF_HEADER.search(bytes(data[:_PDF_WINDOW]))
    if found is None:
        return False
    return found.start() == 0 or b"endobj" in data or b"%%EOF" in bytes(data[-2048:])


def binary_format(data: bytes) -> tuple[str, str] | None:
    """The name of the non-text format ``data`` is in, and what to do with it, told from its
    first bytes; ``None`` for anything else (text, HTML, PDF and ZIP containers included:
    see :func:`looks_like_pdf` and :func:`zip_format`)."""
    for magic, name, advice in _MAGIC:
        if data.startswith(magic):
            return name, advice
    if data.startswith(_OLE2):
        for stream, name in _OLE2_STREAMS:
            if stream.encode("utf-16-le") in data:
                return name, _SAVE
        return "a Microsoft compound file (legacy Office or WPS)", _SAVE
    if data.startswith(b"BZh") and data[3:4].isdigit() and data[4:10] == b"1AY&SY":
        return "a bzip2-compressed file", _UNPACK
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "a WebP image", _OCR
    return None


def zip_format(data: bytes) -> tuple[str, str] | None:
    """What the ZIP container ``data`` holds: :data:`DOCX`, or the name of another format
    (``"an Excel workbook (XLSX)"``, ``"a ZIP archive of 3 file(s)"`` …), with what to do
    with it; ``None`` when it cannot be opened as a ZIP at all (damaged or truncated)."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
            mimetype = _small_member(zf, "mimetype") if "mimetype" in names else ""
    except zip_errors():
        return None
    if "word/document.xml" in names:
        return DOCX, ""
    if mimetype in _ODF_MIMETYPES:
        return _ODF_MIMETYPES[mimetype], _SAVE
    if mimetype.startswith("application/vnd.oasis.opendocument."):
        return f"an OpenDocument file ({mimetype})", _SAVE
    for prefix, name in _OOXML_PARTS:
        if any(n.startswith(prefix) for n in names):
            return name, _SAVE
    if "OFD.xml" in names:
        return "an OFD document (GB/T 33190)", _SAVE
    if "[Content_Types].xml" in names:
        return "an Office Open XML package (neither DOCX, XLSX nor PPTX)", _SAVE
    if not names:
        return "an empty ZIP archive", "it holds no file"
    return f"a ZIP archive of {len(names)} file(s)", _UNPACK


_OOXML_PARTS: Final = (
    ("xl/", "an Excel workbook (XLSX)"),
    ("ppt/", "a PowerPoint presentation (PPTX)"),
    ("word/", "a Word document (DOCX) without its text part (word/document.xml)"),
)
"""The folder that tells an Office Open XML package's kind, when it holds no ``word/document.xml``."""


def zip_errors() -> tuple[type[Exception], ...]:
    """What reading a damaged ZIP raises besides BadZipFile: unsupported versions, methods and
    flags (NotImplementedError), encryption (RuntimeError), bad offsets and names (ValueError,
    UnicodeDecodeError), truncated or corrupt compressed data (EOFError, zlib/lzma/bz2 errors).
    The modules are imported here, when a ZIP is read."""
    import lzma
    import struct
    import zipfile
    import zlib

    return (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, ValueError,
            EOFError, OSError, zlib.error, lzma.LZMAError, struct.error)


def _small_member(zf: zipfile.ZipFile, name: str) -> str:
    """The first bytes of member ``name`` as ASCII (the ``mimetype`` of ODF and EPUB)."""
    with zf.open(name) as member:
        return member.read(100).decode("ascii", "replace").strip()


def refusal(name: str, advice: str) -> str:
    """The message of the :class:`~govreport.FormatError` that refuses a format by its ``name``."""
    return f"{name}: not a format govreport reads (text, markdown, HTML, DOCX or PDF); {advice}"
