"""PDF to text: the characters of each page laid out again as lines, paragraphs and tables.

Text comes from PDFium (``pypdfium2``): every character with its box. From the boxes the
reader rebuilds what the page shows, rather than trusting the order of the content stream:

* **Lines**: characters whose vertical centres agree form one visual line, read left to
  right. Spaces are set from the gaps (between Latin letters and digits, and wide gaps),
  not from the file's space characters, so a letter-spaced heading (``一、综 合``) reads
  ``一、综合`` and a centred heading the content stream ran onto the line before stands on
  its own line.
* **Page furniture**: a page's topmost and bottommost lines go first and last in its text,
  so page numbers and running headers lie at the edges of each page's span, where the
  parser finds them (:mod:`govreport.pages`).
* **Paragraphs**: a line continues the paragraph above when that line reaches the right
  margin and this one starts at the left margin (not indented, no wider gap, same size).
  Each paragraph is written as one line of text, so a wrapped line that begins with a
  number (``2.5万亿元``) is never read as a marker. A paragraph running on to the next page
  is written whole before the page's footer.
* **Tables**: on a page with ruling lines, a ruled grid is read by ``pdfplumber`` (merged
  cells repeated in every row and column they cover); a table with horizontal rules only
  (三线表, inner vertical rules optional) is read from the character boxes, its columns set
  by the vertical rules or by the gaps that run through every row. Rows are written as
  tab-separated lines, which the table rule reads. A frame with one column (a 专栏 box
  drawn as a frame, however many rules it has inside) is no table: its lines are read as
  paragraphs within the frame's margins.

Both libraries are the ``pdf`` extra (``pip install "govreport[pdf]"``); without them a
PDF raises :class:`~govreport.FormatError` naming it.
"""
from __future__ import annotations

import ctypes
import io
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from typing import Any

from govreport.errors import FormatError
from govreport.inputs.document import Document
from govreport.inputs.sniff import looks_like_pdf
from govreport.span import Span

__all__ = ["looks_like_pdf", "read_pdf", "EXTRA_HINT"]

EXTRA_HINT = 'PDF input needs the pdf extra: pip install "govreport[pdf]"'
"""The message of the error raised for a PDF when pypdfium2 or pdfplumber is missing."""

_CHART_OBJECTS = 3000  # a page drawn from more objects than this is a chart: no table search


def _pdfium() -> Any:
    """The pypdfium2 module; :class:`FormatError` naming the ``pdf`` extra when it is missing."""
    try:
        import pypdfium2
        import pypdfium2.raw
    except ImportError:
        raise FormatError(EXTRA_HINT) from None
    return pypdfium2


def _plumber() -> Any:
    try:
        import pdfplumber
    except ImportError:
        raise FormatError(EXTRA_HINT) from None
    return pdfplumber


# -- characters and lines ------------------------------------------------------------------

class _Char:
    __slots__ = ("ch", "x0", "x1", "y0", "y1")

    def __init__(self, ch: str, x0: float, x1: float, y0: float, y1: float) -> None:
        self.ch, self.x0, self.x1, self.y0, self.y1 = ch, x0, x1, y0, y1

    @property
    def cy(self) -> float:
        """The vertical centre."""
        return (self.y0 + self.y1) / 2


class _Line:
    """One visual line: its characters left to right and its box. ``size`` is the height
    of its tallest characters (the font size, near enough)."""

    __slots__ = ("chars", "x0", "x1", "y0", "y1", "size", "text")

    def __init__(self, chars: list[_Char]) -> None:
        chars.sort(key=lambda c: c.x0)
        self.chars = chars
        self.x0 = chars[0].x0
        self.x1 = max(c.x1 for c in chars)
        self.y0 = min(c.y0 for c in chars)
        self.y1 = max(c.y1 for c in chars)
        heights = sorted(c.y1 - c.y0 for c in chars)
        self.size = max(heights[(len(heights) * 3) // 4], 1.0)
        self.text = _line_text(chars, self.size)

    @property
    def cy(self) -> float:
        """The vertical centre."""
        return (self.y0 + self.y1) / 2

    def segments(self, gap: float) -> list[tuple[float, float, str]]:
        """Runs of characters separated by gaps wider than ``gap``: ``(x0, x1, text)``."""
        runs: list[list[_Char]] = [[self.chars[0]]]
        for prev, ch in zip(self.chars, self.chars[1:]):
            if ch.x0 - prev.x1 > gap:
                runs.append([ch])
            else:
                runs[-1].append(ch)
        return [(r[0].x0, max(c.x1 for c in r), _line_text(r, self.size)) for r in runs]


def _is_ascii_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "%.)-+/")


_WORD_GAP = 0.2  # a gap of this many font sizes between Latin letters or digits is a space
_WIDE_GAP = 1.5  # any gap this wide (in font sizes) is a space


def _line_text(chars: Sequence[_Char], size: float) -> str:
    """The text of a line's characters, with a space where a gap is wide, or between Latin words."""
    out: list[str] = [chars[0].ch]
    for prev, ch in zip(chars, chars[1:]):
        gap = ch.x0 - prev.x1
        if gap > _WIDE_GAP * size or (
            gap > _WORD_GAP * size and (_is_ascii_word(prev.ch) or _is_ascii_word(ch.ch))
        ):
            out.append(" ")
        out.append(ch.ch)
    return "".join(out)


_SKIPPED = frozenset((0xA0, 0x3000, 0xFEFF, 0x200B, 0x2002, 0x2003))


def _page_chars(raw: Any, textpage: Any) -> list[_Char]:
    """The characters of a page with their boxes; spaces and line breaks PDFium generated,
    and the file's own spaces, are left out (spacing is set again from the gaps)."""
    count = raw.FPDFText_CountChars(textpage)
    rect = raw.FS_RECTF()
    ref = ctypes.byref(rect)
    get_unicode, is_generated, loose_box = raw.FPDFText_GetUnicode, raw.FPDFText_IsGenerated, raw.FPDFText_GetLooseCharBox
    chars: list[_Char] = []
    pending_high = 0
    for i in range(count):
        code = get_unicode(textpage, i)
        if 0xD800 <= code < 0xDC00:
            pending_high = code
            continue
        if 0xDC00 <= code < 0xE000 and pending_high:
            code = 0x10000 + ((pending_high - 0xD800) << 10) + (code - 0xDC00)
        pending_high = 0
        if code <= 0x20 or code in _SKIPPED or is_generated(textpage, i) == 1 or not loose_box(textpage, i, ref):
            continue
        x0, x1, y0, y1 = rect.left, rect.right, rect.bottom, rect.top
        if x1 < x0:
            x0, x1 = x1, x0
        if y1 < y0:
            y0, y1 = y1, y0
        chars.append(_Char(chr(code), x0, x1, y0, y1))
    return chars


def _lines(chars: list[_Char]) -> list[_Line]:
    """Characters grouped into visual lines, top to bottom.

    Characters are taken from the top; one joins the current line while its vertical
    centre lies within half a font size of the line's, so a heading set lower than the
    line before it (however the content stream ran them together) starts a line of its own.
    """
    if not chars:
        return []
    order = sorted(chars, key=lambda c: -c.cy)
    sizes = sorted(c.y1 - c.y0 for c in chars)
    typical = max(sizes[(len(sizes) * 3) // 4], 1.0)
    lines: list[_Line] = []
    current: list[_Char] = [order[0]]
    centre = order[0].cy
    for ch in order[1:]:
        size = max(ch.y1 - ch.y0, typical * 0.5)
        if centre - ch.cy > 0.5 * max(size, typical * 0.8):
            lines.append(_Line(current))
            current, centre = [ch], ch.cy
        else:
            current.append(ch)
    lines.append(_Line(current))
    return lines


# -- rules and tables ----------------------------------------------------------------------

_THIN = 4.0  # a path this thin is a rule (a thick rule of a 三线表 is 3 points)
_RULE_MIN = 20.0  # and at least this long


class _Rules:
    """The ruling lines of a page: horizontal ``(x0, x1, y)`` and vertical ``(x, y0, y1)``."""

    def __init__(self) -> None:
        self.horizontal: list[tuple[float, float, float]] = []
        self.vertical: list[tuple[float, float, float]] = []

    def add(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """Note a drawn path by its box: a horizontal or vertical rule, or the four edges of a rectangle."""
        w, h = x1 - x0, y1 - y0
        if h <= _THIN and w >= _RULE_MIN:
            self.horizontal.append((x0, x1, (y0 + y1) / 2))
        elif w <= _THIN and h >= 8:
            self.vertical.append(((x0 + x1) / 2, y0, y1))
        elif w >= _RULE_MIN and h >= 8:
            # a rectangle's edges (a frame, a cell, a shaded band) rule the page too
            self.horizontal += [(x0, x1, y0), (x0, x1, y1)]
            self.vertical += [(x0, y0, y1), (x1, y0, y1)]


def _page_rules(pdfium: Any, page: Any) -> _Rules:
    """The rules of a page, from its path objects (inside form XObjects too)."""
    rules = _Rules()
    raw = pdfium.raw
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    refs = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    get_type, get_bounds = raw.FPDFPageObj_GetType, raw.FPDFPageObj_GetBounds
    path, form = raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM

    def visit(count: int, get: Any, depth: int) -> None:
        """Add the bounds of every path object among ``count`` objects to the rules, looking into forms two levels deep."""
        for k in range(count):
            obj = get(k)
            kind = get_type(obj)
            if kind == path:
                if get_bounds(obj, *refs):
                    rules.add(left.value, bottom.value, right.value, top.value)
            elif kind == form and depth < 2:
                visit(raw.FPDFFormObj_CountObjects(obj), lambda j, o=obj: raw.FPDFFormObj_GetObject(o, j), depth + 1)

    handle = page.raw
    visit(raw.FPDFPage_CountObjects(handle), lambda j: raw.FPDFPage_GetObject(handle, j), 0)
    return rules


def _has_images(pdfium: Any, page: Any) -> bool:
    raw = pdfium.raw
    handle = page.raw
    image = raw.FPDF_PAGEOBJ_IMAGE
    return any(raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(handle, k)) == image
               for k in range(raw.FPDFPage_CountObjects(handle)))


class _Region:
    """Part of a page read apart from its paragraphs: a table (``rows``) or a frame."""

    def __init__(self, x0: float, x1: float, y0: float, y1: float, rows: list[list[str]] | None) -> None:
        self.x0, self.x1, self.y0, self.y1, self.rows = x0, x1, y0, y1, rows

    def holds(self, line: _Line) -> bool:
        """Whether ``line`` stands inside the region (a point or two of slack)."""
        return self.y0 - 1 <= line.cy <= self.y1 + 1 and self.x0 - 2 <= (line.x0 + line.x1) / 2 <= self.x1 + 2


def _regions(lines: list[_Line], rules: _Rules, plumber_page: Any, size: float) -> list[_Region]:
    """Tables and frames of one page (see the module docstring)."""
    regions: list[_Region] = []
    groups = _rule_groups(lines, rules, size)
    if plumber_page is not None:
        for table in plumber_page.find_tables():
            x0, top, x1, bottom = table.bbox
            height = float(plumber_page.height)
            y0, y1 = height - bottom, height - top
            if any(_overlap(_Region(*g, None), x0, x1, y0, y1) and (x1 - x0) < 0.9 * (g[1] - g[0]) for g in groups):
                continue  # a part of a table ruled above and below: read from its lines
            cols = max((len(r.cells) for r in table.rows), default=0)
            if cols <= 1:
                regions.append(_Region(x0, x1, y0, y1, None))  # a frame
                continue
            rows = _plumber_rows(table)
            if all(sum(1 for cell in row if cell) <= 1 for row in rows):
                regions.append(_Region(x0, x1, y0, y1, None))  # one cell a row: a frame
                continue
            if _trust(rows, lines, x0, x1, y0, y1):
                regions.append(_Region(x0, x1, y0, y1, rows))
    for group in groups:
        x0, x1, y0, y1 = group
        if any(_overlap(r, x0, x1, y0, y1) for r in regions):
            continue
        inner = [v for v in rules.vertical if x0 + 3 < v[0] < x1 - 3 and v[1] < y1 - 3 and v[2] > y0 + 3]
        edges = [v for v in rules.vertical if (abs(v[0] - x0) <= 3 or abs(v[0] - x1) <= 3) and v[1] < y1 - 3 and v[2] > y0 + 3]
        held = [ln for ln in lines if y0 < ln.cy < y1 and x0 - 2 <= (ln.x0 + ln.x1) / 2 <= x1 + 2]
        if not held:
            continue
        if edges and not inner:
            regions.append(_Region(x0, x1, y0, y1, None))  # a box drawn as a frame
            continue
        header_rule = _header_rule(rules, x0, x1, y0, y1, held)
        read = _rows_from_lines(held, sorted(v[0] for v in inner), x0, x1, header_rule, size)
        if read is not None and not all(sum(1 for cell in row if cell) <= 1 for row in read):
            regions.append(_Region(x0, x1, y0, y1, read))
        else:
            regions.append(_Region(x0, x1, y0, y1, None))
    return regions


def _overlap(region: _Region, x0: float, x1: float, y0: float, y1: float) -> bool:
    return region.x0 < x1 and x0 < region.x1 and region.y0 < y1 and y0 < region.y1


def _plumber_rows(table: Any) -> list[list[str]]:
    """A pdfplumber table's rows with merged cells repeated: a slot no cell starts in takes
    the text of the cell whose box covers it."""
    cells = [c for c in table.cells]
    texts = table.extract()
    rows: list[list[str]] = []
    for r, row in enumerate(table.rows):
        out: list[str] = []
        for c, box in enumerate(row.cells):
            text = texts[r][c] if r < len(texts) and c < len(texts[r]) else None
            if box is None or text is None:
                text = _covering(cells, table, r, c, texts)
            out.append(" ".join((text or "").split()).replace(" ", "") if _all_cjk(text) else " ".join((text or "").split()))
        rows.append(out)
    return rows


def _all_cjk(text: str | None) -> bool:
    return bool(text) and not any(ch.isascii() and ch.isalnum() for ch in text or "")


def _covering(cells: Sequence[Any], table: Any, r: int, c: int, texts: list[list[str | None]]) -> str:
    """The text of the merged cell covering slot ``(r, c)``: the nearest cell to its left
    or above whose box reaches over the slot's centre."""
    row_boxes = [b for b in table.rows[r].cells if b is not None]
    col_boxes = [row.cells[c] for row in table.rows if c < len(row.cells) and row.cells[c] is not None]
    if not row_boxes or not col_boxes:
        return ""
    cy = (row_boxes[0][1] + row_boxes[0][3]) / 2
    cx = (col_boxes[0][0] + col_boxes[0][2]) / 2
    for rr in range(r, -1, -1):
        for cc in range(c, -1, -1):
            box = table.rows[rr].cells[cc] if cc < len(table.rows[rr].cells) else None
            if box is not None and box[0] <= cx <= box[2] and box[1] <= cy <= box[3]:
                return texts[rr][cc] or ""
    return ""


def _trust(rows: list[list[str]], lines: list[_Line], x0: float, x1: float, y0: float, y1: float) -> bool:
    """A ruled grid pdfplumber read well: every row a row of the page, not a column of
    several lines lumped in one cell (a table ruled only above and below)."""
    held = sum(1 for ln in lines if y0 < ln.cy < y1 and x0 <= (ln.x0 + ln.x1) / 2 <= x1)
    return len(rows) >= 2 and len(rows) * 3 >= held


def _rule_groups(lines: list[_Line], rules: _Rules, size: float) -> list[tuple[float, float, float, float]]:
    """Runs of long horizontal rules that bound one table each: ``(x0, x1, y0, y1)``.

    Consecutive rules (top to bottom) belong to one table unless a caption (``表2 …``) or a
    full prose line lies between them."""
    if len(rules.horizontal) < 2 or not lines:
        return []
    width = max(ln.x1 for ln in lines) - min(ln.x0 for ln in lines)
    long_rules = sorted((r for r in rules.horizontal if r[1] - r[0] >= 0.4 * width), key=lambda r: -r[2])
    merged: list[tuple[float, float, float]] = []
    for r in long_rules:
        if merged and abs(merged[-1][2] - r[2]) < 2:
            continue  # a doubled or thick rule
        merged.append(r)
    groups: list[list[tuple[float, float, float]]] = []
    for r in merged:
        if groups:
            above = groups[-1][-1]
            between = [ln for ln in lines if r[2] < ln.cy < above[2]]
            if not any(_breaks_table(ln) for ln in between) and abs(above[0] - r[0]) < 30:
                groups[-1].append(r)
                continue
        groups.append([r])
    out = []
    for g in groups:
        if len(g) >= 2:
            out.append((min(r[0] for r in g), max(r[1] for r in g), g[-1][2], g[0][2]))
    return out


def _breaks_table(line: _Line) -> bool:
    text = line.text
    return text.startswith("表") and len(text) > 1 and (text[1].isdigit() or text[1] == " ") or text.endswith("。")


def _header_rule(rules: _Rules, x0: float, x1: float, y0: float, y1: float, held: list[_Line]) -> float | None:
    """The rule under a table's header: the first long rule below the top one."""
    inner = sorted((r[2] for r in rules.horizontal if y0 + 2 < r[2] < y1 - 2 and r[1] - r[0] >= 0.6 * (x1 - x0)),
                   reverse=True)
    return inner[0] if inner else None


def _rows_from_lines(held: list[_Line], verticals: list[float], x0: float, x1: float,
                     header_rule: float | None, size: float) -> list[list[str]] | None:
    """Rows of a table ruled by horizontal rules, from its lines: columns from the inner
    vertical rules, or else from the gaps every row leaves open."""
    held = sorted(held, key=lambda ln: -ln.cy)
    gap = 1.2 * size
    found = [x0, *verticals, x1] if verticals else _gap_columns(held, gap, x0, x1)
    if found is None:
        return None
    bounds = found
    ncols = len(bounds) - 1
    if ncols < 2:
        return None

    def cells_of(line: _Line) -> list[str]:
        """The line's text segments placed in the column whose bounds hold their middle."""
        cells = [""] * ncols
        for s0, s1, text in line.segments(gap if not verticals else 0.9 * size):
            mid = (s0 + s1) / 2
            col = next((k for k in range(ncols) if bounds[k] - 1 <= mid <= bounds[k + 1] + 1), ncols - 1)
            cells[col] = (cells[col] + text) if cells[col] else text
        return cells

    rows: list[list[str]] = []
    header_lines = [ln for ln in held if header_rule is not None and ln.cy > header_rule]
    if header_lines:
        header = [""] * ncols
        for ln in header_lines:
            for k, cell in enumerate(cells_of(ln)):
                header[k] += cell
        rows.append([_squeeze(h) for h in header])
    for ln in held:
        if ln in header_lines:
            continue
        rows.append([_squeeze(c) for c in cells_of(ln)])
    return rows


def _squeeze(cell: str) -> str:
    """A cell's text with the spaces of letter-spacing between Chinese characters removed."""
    parts = cell.split(" ")
    out = parts[0]
    for part in parts[1:]:
        if out and part and (_is_ascii_word(out[-1]) and _is_ascii_word(part[0])):
            out += " "
        out += part
    return out


def _gap_columns(held: list[_Line], gap: float, x0: float, x1: float) -> list[float] | None:
    """Column bounds from the x ranges every multi-cell row leaves empty."""
    step = 1.0
    width = int((x1 - x0) / step) + 1
    covered = [0] * width
    rows = 0
    for ln in held:
        segs = ln.segments(gap)
        if len(segs) < 2:
            continue
        rows += 1
        for s0, s1, _t in segs:
            a, b = max(0, int((s0 - x0) / step)), min(width, int((s1 - x0) / step) + 1)
            for k in range(a, b):
                covered[k] += 1
    if rows < 2:
        return None
    bounds = [x0]
    k = 0
    while k < width:
        if covered[k] == 0:
            start = k
            while k < width and covered[k] == 0:
                k += 1
            if start > 0 and k < width and (k - start) * step >= gap:
                bounds.append(x0 + (start + k) / 2 * step)
        else:
            k += 1
    bounds.append(x1)
    return bounds if len(bounds) >= 3 else None


# -- paragraphs ----------------------------------------------------------------------------

_SENTENCE_END = "。！？；：!?;:…"
_CLOSERS = "”’）)】」』》"


def _ends_sentence(text: str) -> bool:
    text = text.rstrip(_CLOSERS + " ")
    return bool(text) and text[-1] in _SENTENCE_END


class _Margins:
    def __init__(self, left: float, right: float) -> None:
        self.left, self.right = left, right


def _margins(lines: Sequence[_Line]) -> _Margins | None:
    """The left and right margins of body text: the commonest line start and line end."""
    if not lines:
        return None
    starts = Counter(round(ln.x0) for ln in lines)
    ends = Counter(round(ln.x1) for ln in lines)
    left = min(x for x, n in starts.items() if n == max(starts.values()))
    right = max(ln.x1 for ln in lines)
    common_end, n_end = ends.most_common(1)[0]
    if n_end >= 3 and common_end > left:
        right = max(x for x, n in ends.items() if n >= 2 and abs(x - common_end) <= 3)
    return _Margins(float(left), float(right))


_LEADERS = re.compile(r"(?:[.…·．][ ]?){4,}[ ]*[0-9IVXivx]+[ ]*$")


_ITEM_START = re.compile(r"[①-⑳㉑-㉟㊱-㊿●•■◆▲]|[（(][0-9一二三四五六七八九十]{1,3}[）)]|[0-9]{1,2}[.．、]|"
                         r"[一二三四五六七八九十]{1,3}[、是]|——|"
                         r"0[1-9](?=[ ]?[\u4e00-\u9fff])|第[一二三四五六七八九十0-9]{1,3}[章节篇编部]|专[ ]?栏")


def _continues(prev: _Line, line: _Line, first: _Line, margins: _Margins, pitch: float) -> bool:
    """Whether ``line`` goes on with the paragraph ``prev`` ends (``first`` opened it)."""
    size = max(prev.size, line.size)
    if abs(prev.size - line.size) > 0.2 * size:
        return False
    if _LEADERS.search(prev.text):
        return False  # an entry of a table of contents: dot leaders, then its page number
    if _ends_sentence(prev.text) and _ITEM_START.match(line.text):
        return False  # a sentence ends at the margin and an enumerated item starts
    if prev.x1 < margins.right - 1.2 * size:
        return False  # the line above stops short: its paragraph ends there
    if _cells(prev, size) or _cells(line, size):
        return False  # a row of cells set apart by wide gaps (a table without rules), not prose
    if prev.y0 - line.y1 > pitch + 0.6 * size:
        return False  # a wider gap
    if line.x0 <= margins.left + 0.6 * size:
        return True
    # indented: a new paragraph, unless the paragraph hangs (its first line starts further left)
    return first.x0 + 0.6 * size <= line.x0 <= first.x0 + 4 * size and first.x0 <= margins.left + 0.6 * size


_ROW_CELLS = 3  # a line in this many pieces, wide gaps between them, is a row of a table


def _cells(line: _Line, size: float) -> bool:
    """Whether ``line`` stands in pieces apart by gaps wider than :data:`_WIDE_GAP` font sizes."""
    return len(line.segments(_WIDE_GAP * size)) >= _ROW_CELLS


def _join(lines: Sequence[_Line]) -> str:
    """The text of ``lines`` joined, with a space only between two Latin letters."""
    out = lines[0].text
    for ln in lines[1:]:
        if out and ln.text and out[-1].isascii() and out[-1].isalpha() and ln.text[0].isascii() and ln.text[0].isalpha():
            out += " "
        out += ln.text
    return out


_FEW_GAPS = 3


def _pitch(lines: Sequence[_Line]) -> float:
    """The usual gap between two lines of a paragraph: the gap three quarters of the
    page's line gaps stay within (tables set their rows closer than prose)."""
    gaps = sorted(a.y0 - b.y1 for a, b in zip(lines, lines[1:]) if a.y0 > b.y1)
    if len(gaps) < _FEW_GAPS:  # too few lines to tell: the leading of a text set solid
        return 0.5 * statistics.median(ln.size for ln in lines) if lines else 0.0
    return gaps[(3 * len(gaps)) // 4]


# -- pages ---------------------------------------------------------------------------------

class _Page:
    """A page laid out: its edge lines (furniture candidates) and its body units.

    A unit is ``(kind, text, first line, last line)``: ``"p"`` a paragraph, ``"row"`` a
    table row."""

    def __init__(self) -> None:
        self.top: list[str] = []
        self.bottom: list[str] = []
        self.units: list[tuple[str, str, _Line | None, _Line | None]] = []
        self.margins: _Margins | None = None
        self.has_text = False
        self.has_images = False


_EDGE_MAX = 60  # a running header or footer is no longer than this
_NUMBER_LIKE = re.compile(r"[-—–－~·•() 第页共/of Pag]*[0-9IVXLCivxlc]{1,4}[-—–－~·•() 第页共/of Pag0-9]*")


def _edges(lines: list[_Line]) -> tuple[list[_Line], list[_Line], list[_Line]]:
    """The page's top line and bottom line when they stand apart from the body (a gap of
    more than the line pitch), and the body between them."""
    if len(lines) < 2:
        return [], lines, []
    pitch = _pitch(lines)
    top: list[_Line] = []
    bottom: list[_Line] = []
    body = list(lines)

    gaps = sorted(a.y0 - b.y1 for a, b in zip(lines, lines[1:]) if a.y0 > b.y1)
    usual = gaps[len(gaps) // 2] if gaps else pitch

    def apart(gap: float, size: float, line: _Line) -> bool:
        """Whether a short line this far from the body is page furniture: a page number a little apart, a header or footer well apart."""
        if len(line.text) > _EDGE_MAX:
            return False
        if _NUMBER_LIKE.fullmatch(line.text):
            return gap > usual + 0.5 * size  # a page number stands a little apart
        return gap > max(1.5 * pitch, pitch + size)  # a running header or footer, well apart

    if len(body) >= 2 and apart(body[-2].y0 - body[-1].y1, body[-2].size, body[-1]):
        bottom.append(body.pop())
    if len(body) >= 2 and apart(body[0].y0 - body[1].y1, body[1].size, body[0]):
        top.append(body.pop(0))
    return top, body, bottom


def _layout(lines: list[_Line], regions: list[_Region]) -> tuple[list[tuple[str, str, _Line | None, _Line | None]], _Margins | None]:
    """The body lines of a page as paragraphs and table rows, in reading order, and the
    margins of its text outside tables and frames."""
    units: list[tuple[str, str, _Line | None, _Line | None]] = []
    body_margins = _margins([ln for ln in lines if not any(r.holds(ln) for r in regions)] or lines)
    pitch = _pitch(lines)
    emitted: set[int] = set()
    para: list[_Line] = []
    para_margins: _Margins | None = None

    def flush() -> None:
        """End the paragraph being gathered, if any, as one unit."""
        nonlocal para
        if para:
            units.append(("p", _join(para), para[0], para[-1]))
            para = []

    frame_margins: dict[int, _Margins | None] = {}
    for ln in lines:
        region = next((k for k, r in enumerate(regions) if r.holds(ln)), None)
        if region is not None and regions[region].rows is not None:
            if region not in emitted:
                flush()
                emitted.add(region)
                first = next(x for x in lines if regions[region].holds(x))
                for row in regions[region].rows or []:
                    if any(cell for cell in row):
                        units.append(("row", "\t".join(row), first, first))
            continue
        if region is not None:
            if region not in frame_margins:
                frame_margins[region] = _margins([x for x in lines if regions[region].holds(x)])
            margins = frame_margins[region]
        else:
            margins = body_margins
        if para and margins is para_margins and margins is not None and _continues(para[-1], ln, para[0], margins, pitch):
            para.append(ln)
            continue
        flush()
        para, para_margins = [ln], margins
    flush()
    return units, body_margins


def read_pdf(data: bytes, *, tables: bool = True) -> Document:
    """The text of a PDF, one paragraph or table row a line, with its page spans.

    ``tables=False`` skips the search for tables (ruled regions are read as paragraphs);
    the benchmark uses it to time text and tables apart.

    Raises :class:`~govreport.FormatError` when the ``pdf`` extra is missing, the
    file is damaged or encrypted, or no page has a text layer.
    """
    pdfium = _pdfium()
    raw = pdfium.raw
    try:
        doc = pdfium.PdfDocument(bytes(data))
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise FormatError("encrypted PDF: it needs a password to be read") from None
        raise FormatError(f"damaged PDF: PDFium cannot read it ({message})") from None
    plumber: Any = None
    pages: list[_Page] = []
    try:
        for index in range(len(doc)):
            page = doc[index]
            laid = _Page()
            try:
                textpage = page.get_textpage()
                chars = _page_chars(raw, textpage.raw)
                textpage.close()
                lines = _lines(chars)
                laid.has_text = bool(lines)
                if not lines:
                    laid.has_images = _has_images(pdfium, page)
                    pages.append(laid)
                    continue
                top, body, bottom = _edges(lines)
                laid.top = [ln.text for ln in top]
                laid.bottom = [ln.text for ln in bottom]
                rules = _page_rules(pdfium, page) if tables else _Rules()
                regions: list[_Region] = []
                if tables and rules.horizontal:
                    size = statistics.median(ln.size for ln in body) if body else 10.0
                    plumber_page = None
                    if rules.vertical and len(body) >= 3 and raw.FPDFPage_CountObjects(page.raw) <= _CHART_OBJECTS:
                        if plumber is None:
                            plumber = _plumber().open(io.BytesIO(bytes(data)))
                        plumber_page = plumber.pages[index]
                    regions = _regions(body, rules, plumber_page, size)
                laid.units, laid.margins = _layout(body, regions)
            finally:
                page.close()
            pages.append(laid)
    finally:
        if plumber is not None:
            plumber.close()
        doc.close()
    if not any(p.has_text for p in pages):
        raise FormatError("no text layer: run OCR first (the PDF's pages are images only)")
    return _assemble(pages)


_CONTINUED_UNITS = 2  # a page whose body runs on to the next holds this many paragraphs or more
_CONTINUED_WIDTH = 15  # and lines at least this many characters wide


def _is_continued(prev: _Page, nxt: _Page) -> bool:
    """Whether the last paragraph of ``prev`` runs on to the first of ``nxt``."""
    if not prev.units or not nxt.units or prev.margins is None or nxt.margins is None:
        return False
    kind, text, _first, last = prev.units[-1]
    nkind, _ntext, nfirst, _nlast = nxt.units[0]
    if kind != "p" or nkind != "p" or last is None or nfirst is None or _ends_sentence(text):
        return False
    if len(prev.units) < _CONTINUED_UNITS or last.x1 - last.x0 < _CONTINUED_WIDTH * last.size:
        return False  # a page of a caption or two (a chart) runs on to nothing
    return last.x1 >= prev.margins.right - 1.2 * last.size and nfirst.x0 <= nxt.margins.left + 0.6 * nfirst.size


def _assemble(pages: list[_Page]) -> Document:
    """The text of all pages: a page's top edge lines, its body, the paragraph the next
    page goes on with, its bottom edge lines; a blank line between pages."""
    parts: list[str] = []
    spans: list[Span] = []
    images: list[int] = []
    pos = 0
    carried = 0  # body units of this page already written with the page before
    for number, page in enumerate(pages, 1):
        start = pos  # a page's span starts where the page before ended (its separator included)
        lines: list[str] = list(page.top)
        units = page.units[carried:]
        carried = 0
        texts = [u[1] for u in units]
        nxt = pages[number] if number < len(pages) else None
        if nxt is not None and units and _is_continued(page, nxt):
            texts[-1] = texts[-1] + nxt.units[0][1]
            carried = 1
        lines += texts
        lines += page.bottom
        chunk = "\n".join(lines)
        if number > 1:
            chunk = "\n\n" + chunk if chunk else "\n"
        parts.append(chunk)
        pos += len(chunk)
        spans.append(Span(start, pos))
        if not page.has_text and page.has_images:
            images.append(number)
    return Document("".join(parts), tuple(spans), tuple(images))
