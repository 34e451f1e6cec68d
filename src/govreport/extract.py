"""Text out of HTML pages and DOCX files, with the standard library only.

Reports reach users as saved government web pages and DOCX downloads. The extracted text
keeps the document's paragraph breaks (one line per ``<p>``/``<h*>``/``<div>``/``<li>``
or ``w:p``), turns table rows into tab-separated lines (so the table rule reads them like
any other table), and drops scripts, styles and navigation. ``Report.text`` is this
extracted text and every span points into it.

Merged table cells are laid out as the page or document shows them: the text of a cell
merged over several rows (HTML ``rowspan``, DOCX ``w:vMerge``) is repeated in each row it
spans, and the text of a cell merged over several columns (``colspan``, ``w:gridSpan``)
in each of its columns. The extracted text then repeats that text, once per row and
column the merged cell covers, so every row line holds all its cells (a merged 类别 cell
is the category of each row of its group).

``html.parser`` and ``zipfile`` + ``xml.etree`` are enough for what reports contain, so
no dependency is added for them.
"""
from __future__ import annotations

from html.parser import HTMLParser
from typing import TYPE_CHECKING

import regex

from govreport.errors import FormatError
from govreport.inputs.sniff import zip_errors

if TYPE_CHECKING:  # imported where a DOCX is read, so that text and HTML input do without them
    import zipfile
    from xml.etree import ElementTree

__all__ = ["html_to_text", "docx_to_text", "looks_like_html", "looks_like_docx", "FormatError"]


_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol table tr section article header footer blockquote pre "
    "dt dd dl figure figcaption caption center title address".split()
)
_SKIP_TAGS = frozenset("script style noscript head nav iframe svg template select button form".split())
_CELL_TAGS = frozenset(("td", "th"))
_SPACE = regex.compile(r"[ \t\r\n\f\v]+")
_SPAN_VALUE = regex.compile(r"[ ]*+([0-9]{1,9})")

MAX_COLUMNS = 256
"""The most columns a table row is laid out over (cells past it are left out), so an
adversarial ``colspan`` cannot make rows out of proportion to the input."""

MAX_SPAN = 1000
"""The largest ``rowspan``/``colspan``/``w:gridSpan`` honoured (a larger one is taken as this)."""


def _span_value(value: str | None) -> int:
    """A ``rowspan``/``colspan`` value as a count of rows or columns (1 when unreadable)."""
    m = _SPAN_VALUE.match(value or "")
    return max(1, min(int(m.group(1)), MAX_SPAN)) if m else 1


class _Grid:
    """Lays rows of merged cells out: a cell spanning rows reaches the rows below it."""

    def __init__(self) -> None:
        self.below: dict[int, tuple[str, int]] = {}  # column → (text, rows still to reach)

    def row(self, cells: list[tuple[str, int, int]]) -> list[str]:
        """The texts of one row, column by column, from its ``(text, colspan, rowspan)`` cells."""
        placed: dict[int, str] = {}
        for col, (text, left) in list(self.below.items()):
            placed[col] = text
            if left > 1:
                self.below[col] = (text, left - 1)
            else:
                del self.below[col]
        col = 0
        for text, colspan, rowspan in cells:
            while col in placed:
                col += 1
            if col >= MAX_COLUMNS:
                break
            for c in range(col, min(col + colspan, MAX_COLUMNS)):
                if c not in placed:
                    placed[c] = text
                    if rowspan > 1:
                        self.below[c] = (text, rowspan - 1)
            col += colspan
        return [placed.get(c, "") for c in range(max(placed) + 1)] if placed else []


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.cells: list[tuple[str, int, int]] | None = None  # (text, colspan, rowspan) of the row's cells
        self.spans = (1, 1)  # colspan and rowspan of the cell being read
        self.grids: list[_Grid] = []  # one per open <table>

    def _flush(self) -> None:
        """Put the text gathered so far into the open table row as a cell, or else into the
        lines (when it is not blank)."""
        text = _SPACE.sub(" ", "".join(self.current)).strip(" ")
        self.current = []
        if self.cells is not None:
            self.cells.append((text, *self.spans))
            self.spans = (1, 1)
            return
        if text.strip(" \u3000\u00a0"):
            self.lines.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open a table, a row or a cell, end the line at ``<br>`` or a block tag, or start
        skipping a script or style."""
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag == "table":
            self.grids.append(_Grid())
            if self.cells is None:
                self._flush()
        elif tag == "tr":
            self._end_row()
            self._flush()
            self.cells = []
        elif tag in _CELL_TAGS:
            if self.cells is not None and self.current:
                self._flush()
            found = dict(attrs)
            self.spans = (_span_value(found.get("colspan")), _span_value(found.get("rowspan")))
        elif tag == "br":
            if self.cells is None:
                self._flush()
        elif tag in _BLOCK_TAGS:
            if self.cells is None:
                self._flush()

    def handle_endtag(self, tag: str) -> None:
        """Close what ``tag`` opened: a cell, a row, a table, a block (its line ends) or a
        skipped element."""
        if tag in _SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if self.skip_depth:
            return
        if tag in _CELL_TAGS and self.cells is not None:
            self._flush()
        elif tag == "tr" and self.cells is not None:
            self._end_row()
        elif tag == "table":
            self._end_row()
            if self.grids:
                self.grids.pop()
            self._flush()
        elif tag in _BLOCK_TAGS and self.cells is None:
            self._flush()

    def _end_row(self) -> None:
        """Write the open row, if any, as one tab-separated line with its merged cells laid out."""
        if self.cells is None:
            return
        if self.current:
            self._flush()
        cells, self.cells = self.cells, None
        if not self.grids:
            self.grids.append(_Grid())  # a row outside any <table>
        texts = self.grids[-1].row(cells)
        if any(c.strip() for c in texts):
            self.lines.append("\t".join(texts))

    def handle_data(self, data: str) -> None:
        """Keep the text, unless it is inside a skipped element."""
        if not self.skip_depth:
            self.current.append(data)

    def close(self) -> None:
        """Finish the document: the last row and line are kept."""
        super().close()
        self._end_row()
        self._flush()

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """Read a ``<![…]>`` section; a malformed one as a bogus comment, as browsers do."""
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


def looks_like_docx(data: bytes) -> bool:
    """Whether ``data`` is a ZIP container holding ``word/document.xml``."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except zip_errors():
        return False


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_text(p: ElementTree.Element) -> str:
    """The text of a DOCX paragraph: its runs' text, tabs and line breaks."""
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
    """The text of a DOCX file: one line per paragraph, table rows tab-separated, and the
    numbers Word draws for its numbered paragraphs (``一、`` ``（一）`` ``1.``, kept in
    ``word/numbering.xml``, not in the text) written before them, as the page shows them.

    Raises :class:`FormatError` when ``data`` is not a readable DOCX file, or when its text
    inflates past :data:`MAX_DOCUMENT_XML`.
    """
    import io
    import zipfile
    from xml.etree import ElementTree

    unreadable: tuple[type[Exception], ...] = (*zip_errors(), KeyError, ElementTree.ParseError)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            xml = _read_capped(zf, "word/document.xml", MAX_DOCUMENT_XML)
            parts = {name: ElementTree.fromstring(_read_capped(zf, name, MAX_DOCUMENT_XML))
                     for name in ("word/numbering.xml", "word/styles.xml") if name in zf.namelist()}
        root = ElementTree.fromstring(xml)
    except FormatError:
        raise
    except unreadable as exc:
        raise FormatError(f"not a readable DOCX file: {exc}") from None
    body = root.find(_W + "body")
    if body is None:
        return ""
    lines: list[str] = []
    numbering = _Numbering(parts.get("word/numbering.xml"), parts.get("word/styles.xml"))
    for child in body:
        if child.tag == _W + "p":
            lines.append(numbering.label(child) + _paragraph_text(child))
        elif child.tag == _W + "tbl":
            lines.extend(_table_lines(child))
    return "\n".join(lines) + "\n"


_Level = tuple[str, str, int]  # numFmt, lvlText, start


class _Numbering:
    """The numbers Word draws before its numbered paragraphs: a paragraph names a list
    (``w:numId``) and its level (``w:ilvl``) in its properties or its style's, the list's
    abstract definition gives each level's format (``chineseCounting``, ``decimal`` …),
    pattern (``（%1）``, ``%1.``, ``第%1章``) and start, and the counters run in document
    order, a level's count going back to its start when a level above it counts on."""

    def __init__(self, numbering: ElementTree.Element | None, styles: ElementTree.Element | None) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.lists: dict[str, tuple[str, dict[int, int]]] = {}  # numId → abstractNumId, start overrides
        self.styles: dict[str, tuple[str | None, int | None]] = {}  # styleId → numId, ilvl
        self.counters: dict[str, dict[int, int]] = {}  # abstractNumId → level → last number drawn
        if numbering is not None:
            for definition in numbering.iter(_W + "abstractNum"):
                levels: dict[int, _Level] = {}
                for lvl in definition.iter(_W + "lvl"):
                    fmt, text, start = _val(lvl, "numFmt"), _val(lvl, "lvlText"), _val(lvl, "start")
                    levels[_int(lvl.get(_W + "ilvl"))] = (
                        fmt.get(_W + "val", "decimal") if fmt is not None else "decimal",
                        text.get(_W + "val", "") if text is not None else "",
                        _int(start.get(_W + "val")) if start is not None else 1,
                    )
                self.abstract[definition.get(_W + "abstractNumId", "")] = levels
            for num in numbering.iter(_W + "num"):
                ref = _val(num, "abstractNumId")
                overrides = {}
                for override in num.iter(_W + "lvlOverride"):
                    start = _val(override, "startOverride")
                    if start is not None:
                        overrides[_int(override.get(_W + "ilvl"))] = _int(start.get(_W + "val"))
                self.lists[num.get(_W + "numId", "")] = (ref.get(_W + "val", "") if ref is not None else "", overrides)
        if styles is not None and self.lists:
            for style in styles.iter(_W + "style"):
                num_id, ilvl = _num_pr(style.find(_W + "pPr"))
                if num_id is not None or ilvl is not None:
                    self.styles[style.get(_W + "styleId", "")] = (num_id, ilvl)

    def label(self, p: ElementTree.Element) -> str:
        """The number drawn before paragraph ``p`` (``""`` when it has none), counted."""
        if not self.lists:
            return ""
        props = p.find(_W + "pPr")
        num_id, ilvl = _num_pr(props)
        style = _val(props, "pStyle")
        if style is not None:
            style_num, style_lvl = self.styles.get(style.get(_W + "val", ""), (None, None))
            num_id = num_id if num_id is not None else style_num
            ilvl = ilvl if ilvl is not None else style_lvl
        if num_id is None or num_id not in self.lists:
            return ""  # numId 0 (numbering taken off) is never defined
        abstract_id, overrides = self.lists[num_id]
        levels = self.abstract.get(abstract_id, {})
        level = ilvl or 0
        if level not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        start = overrides.get(level, levels[level][2])
        counters[level] = counters[level] + 1 if level in counters else start
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        fmt, pattern, _start = levels[level]
        if fmt == "bullet" or fmt == "none":
            return ""

        def number(m: regex.Match[str]) -> str:
            k = int(m.group(1)) - 1
            shown = counters.get(k, overrides.get(k, levels.get(k, ("decimal", "", 1))[2]))
            return _format_number(shown, levels.get(k, (fmt, "", 1))[0])

        label = str(_LEVEL_REF.sub(number, pattern))
        return label if not label or label[-1] in "、.．)）:：" else label + " "


_LEVEL_REF = regex.compile(r"%([1-9])")
_CN_DIGITS = "〇一二三四五六七八九"
_STEMS = "甲乙丙丁戊己庚辛壬癸"


def _int(value: str | None) -> int:
    return int(value) if value is not None and value.isdigit() and len(value) < 6 else 0


def _num_pr(props: ElementTree.Element | None) -> tuple[str | None, int | None]:
    """The list and level a paragraph's (or a style's) properties name, each ``None`` when unsaid."""
    num_pr = _val(props, "numPr")
    if num_pr is None:
        return None, None
    num_id, ilvl = _val(num_pr, "numId"), _val(num_pr, "ilvl")
    return (num_id.get(_W + "val") if num_id is not None else None,
            _int(ilvl.get(_W + "val")) if ilvl is not None else None)


def _chinese(n: int) -> str:
    """``n`` in Chinese counting (1–99 as 一…九十九; larger ones digit by digit)."""
    if n < 10:
        return _CN_DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")
    return "".join(_CN_DIGITS[int(d)] for d in str(n))


def _format_number(n: int, fmt: str) -> str:
    """``n`` in the Word number format ``fmt`` (a format not known here is drawn in digits)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "chineseLegalSimplified"):
        return _chinese(n)
    if fmt in ("ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital"):
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt in ("ideographTraditional", "ideographZodiac") and 1 <= n <= 10:
        return _STEMS[n - 1]
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalFullWidth":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt in ("lowerLetter", "upperLetter") and 1 <= n <= 26:
        letter = chr(ord("a") + n - 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman") and 1 <= n < 4000:
        roman = _roman(n)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _roman(n: int) -> str:
    out = []
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def _val(props: ElementTree.Element | None, name: str) -> ElementTree.Element | None:
    return props.find(_W + name) if props is not None else None


def _table_lines(table: ElementTree.Element) -> list[str]:
    """The rows of a DOCX table as tab-separated lines, merged cells laid out: a cell that
    continues a vertical merge (``w:vMerge`` without ``restart``) repeats the text of the
    cell that began it, and a ``w:gridSpan`` cell fills each of its grid columns. A table
    nested in a cell is read as that cell's text."""
    lines: list[str] = []
    merged: dict[int, str] = {}  # grid column → text of the vertical merge running there
    for row in table.findall(_W + "tr"):
        before = _val(row.find(_W + "trPr"), "gridBefore")
        col = _span_value(before.get(_W + "val")) if before is not None else 0
        texts: dict[int, str] = {}
        for cell in row.findall(_W + "tc"):
            if col >= MAX_COLUMNS:
                break
            props = cell.find(_W + "tcPr")
            span_el = _val(props, "gridSpan")
            span = _span_value(span_el.get(_W + "val")) if span_el is not None else 1
            text = " ".join(_paragraph_text(p) for p in cell.iter(_W + "p")).strip()
            vmerge = _val(props, "vMerge")
            columns = range(col, min(col + span, MAX_COLUMNS))
            for c in columns:
                if vmerge is None:
                    merged.pop(c, None)
                elif vmerge.get(_W + "val") == "restart":
                    merged[c] = text
                elif not text:
                    text = merged.get(c, "")
                texts[c] = text
            col += span
        cells = [texts.get(c, "") for c in range(max(texts) + 1)] if texts else []
        lines.append("\t".join(cells))
    return lines
