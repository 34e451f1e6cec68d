"""Text out of HTML pages and DOCX files, with the standard library only.

Reports reach users as saved government web pages and DOCX downloads. The extracted text
keeps the document's paragraph breaks (one line per ``<p>``/``<h*>``/``<div>``/``<li>``
or ``w:p``), turns table rows into tab-separated lines (so the table rule reads them like
any other table), and drops scripts, styles and navigation. ``Report.text`` is this
extracted text and every span points into it.

``html.parser`` and ``zipfile`` + ``xml.etree`` are enough for what reports contain, so
no dependency is added for them.
"""
from __future__ import annotations

import io
import lzma
import struct
import zipfile
import zlib
from html.parser import HTMLParser
from xml.etree import ElementTree

import regex

from govreport.errors import GovreportError

__all__ = ["html_to_text", "docx_to_text", "looks_like_html", "looks_like_docx", "FormatError"]


class FormatError(GovreportError, ValueError):
    """A file that claims to be DOCX (or another container) but cannot be read as one."""


_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol table tr section article header footer blockquote pre "
    "dt dd dl figure figcaption caption center title address".split()
)
_SKIP_TAGS = frozenset("script style noscript head nav iframe svg template select button form".split())
_CELL_TAGS = frozenset(("td", "th"))
_SPACE = regex.compile(r"[ \t\r\n\f\v]+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.cells: list[str] | None = None

    def _flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self.current)).strip(" ")
        self.current = []
        if self.cells is not None:
            self.cells.append(text)
            return
        if text.strip(" \u3000\u00a0"):
            self.lines.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag == "tr":
            self._flush()
            self.cells = []
        elif tag in _CELL_TAGS:
            if self.cells is not None and self.current:
                self._flush()
        elif tag == "br":
            if self.cells is None:
                self._flush()
        elif tag in _BLOCK_TAGS:
            if self.cells is None:
                self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if self.skip_depth:
            return
        if tag in _CELL_TAGS and self.cells is not None:
            self._flush()
        elif tag == "tr" and self.cells is not None:
            if self.current:
                self._flush()
            cells, self.cells = self.cells, None
            if any(c.strip() for c in cells):
                self.lines.append("\t".join(cells))
        elif tag in _BLOCK_TAGS and self.cells is None:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        # html.parser raises AssertionError on a malformed ``<![…`` (an unknown keyword, no
        # name); read it as browsers do, as a bogus comment up to the next ``>``.
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            return self.parse_bogus_comment(i)


def _inert_tail(html: str) -> str:
    """``html`` with each ``<`` after its last ``>`` written as ``&lt;``.

    No tag can open there, and html.parser (before CPython 3.12.11 and 3.13.4) looks for the
    missing ``>`` through the rest of the text at every such ``<``: thousands of ``</`` at
    the end of a page were quadratic. The text extracted is the same.
    """
    last = html.rfind(">")
    if "<" not in html[last + 1 :]:
        return html
    return html[: last + 1] + html[last + 1 :].replace("<", "&lt;")


def html_to_text(html: str) -> str:
    """The text of an HTML page or fragment, one line per block element."""
    collector = _TextCollector()
    collector.feed(_inert_tail(html))
    collector.close()
    return "\n".join(collector.lines) + "\n"


_HTML_SIGNS = regex.compile(r"<(?:!doctype|html|body|p|div|br|h[1-6]|li|td|tr|table|article|section)\b", regex.I)
_PAGE_START = regex.compile(r"\s*+(?:\[\s*+)?<(?:!doctype|html)\b", regex.I)
_TABLE_OPEN = regex.compile(r"<table\b", regex.I)
_TABLE_CLOSE = regex.compile(r"</table\s*+>", regex.I)
_TAG_START = regex.compile(r"[ \t\u3000]*+<[a-zA-Z/!]")


def looks_like_html(text: str) -> bool:
    """Whether decoded text is an HTML page or fragment rather than text or markdown that
    holds some HTML (stray tags, an inline ``<table>``, a ``<div>`` line).

    A page opens with ``<!doctype`` or ``<html``. A fragment is mostly markup: in its
    first 8 KB, with each ``<table>…</table>`` counted as one line (a markdown plan may hold
    a long one), at least three block-level tags, and at least half the non-blank lines
    open with a tag.
    """
    head = text[:8192]
    if _PAGE_START.match(head):
        return True
    if len(_HTML_SIGNS.findall(head)) < 3:
        return False
    lines = [ln for ln in _tables_as_one_line(head).split("\n") if ln.strip(" \t\r\u3000")]
    tagged = sum(1 for ln in lines if _TAG_START.match(ln))
    return 2 * tagged >= len(lines)


def _tables_as_one_line(text: str) -> str:
    """``text`` with each ``<table>…</table>`` written as ``<table/>``."""
    parts: list[str] = []
    pos = 0
    while (opening := _TABLE_OPEN.search(text, pos)) is not None:
        closing = _TABLE_CLOSE.search(text, opening.end())
        if closing is None:
            break
        parts += [text[pos : opening.start()], "<table/>"]
        pos = closing.end()
    parts.append(text[pos:])
    return "".join(parts)


_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, ValueError,
               EOFError, OSError, zlib.error, lzma.LZMAError, struct.error)
"""What reading a damaged ZIP raises besides BadZipFile: unsupported versions, methods and
flags (NotImplementedError), encryption (RuntimeError), bad offsets and names (ValueError,
UnicodeDecodeError), truncated or corrupt compressed data (EOFError, zlib/lzma/bz2 errors)."""


def looks_like_docx(data: bytes) -> bool:
    """Whether ``data`` is a ZIP container holding ``word/document.xml``."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except _ZIP_ERRORS:
        return False


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_text(p: ElementTree.Element) -> str:
    parts: list[str] = []
    for el in p.iter():
        if el.tag == _W + "t" and el.text:
            parts.append(el.text)
        elif el.tag == _W + "tab":
            parts.append("\t")
        elif el.tag in (_W + "br", _W + "cr"):
            parts.append("\n")
    return "".join(parts)


MAX_DOCUMENT_XML = 64 * 2**20
"""The most bytes ``word/document.xml`` may inflate to (64 MiB). The longest plan outline
takes a few MB; past this, a small file that inflates without end (a ZIP bomb) is refused
with a :class:`FormatError` before it fills the memory."""


def _read_capped(zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """The member ``name`` inflated, in pieces, refusing it once it passes ``limit`` bytes
    (the size a ZIP declares for a member may be false, so it is not trusted)."""
    pieces: list[bytes] = []
    size = 0
    with zf.open(name) as member:
        while piece := member.read(2**20):
            size += len(piece)
            if size > limit:
                raise FormatError(f"{name} inflates to more than {limit // 2**20} MiB; refused as a likely ZIP bomb")
            pieces.append(piece)
    return b"".join(pieces)


def docx_to_text(data: bytes) -> str:
    """The text of a DOCX file: one line per paragraph, table rows tab-separated.

    Raises :class:`FormatError` when ``data`` is not a readable DOCX file, or when its text
    inflates past :data:`MAX_DOCUMENT_XML`.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            xml = _read_capped(zf, "word/document.xml", MAX_DOCUMENT_XML)
        root = ElementTree.fromstring(xml)
    except FormatError:
        raise
    except (*_ZIP_ERRORS, KeyError, ElementTree.ParseError) as exc:
        raise FormatError(f"not a readable DOCX file: {exc}") from None
    body = root.find(_W + "body")
    if body is None:
        return ""
    lines: list[str] = []
    for child in body:
        if child.tag == _W + "p":
            lines.append(_paragraph_text(child))
        elif child.tag == _W + "tbl":
            for row in child.iter(_W + "tr"):
                cells = [
                    " ".join(_paragraph_text(p) for p in cell.iter(_W + "p")).strip()
                    for cell in row.iter(_W + "tc")
                ]
                lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"
