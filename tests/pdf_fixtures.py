"""PDFs made at test time with reportlab and its built-in CID font ``STSong-Light``.

The texts are our own words. A :class:`Page` writer sets paragraphs the way published
reports do: lines broken at the text width, the first line indented two characters, page
numbers at the bottom centre and a running header at the top.
"""
from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
SIZE = 12.0
LEFT = 72.0
PER_LINE = 30  # characters a full line holds
WIDTH = PER_LINE * SIZE
LEADING = 20.0
TOP = A4[1] - 90
BOTTOM = 90.0

pdfmetrics.registerFont(UnicodeCIDFont(FONT))


class Writer:
    """Writes pages top to bottom; a new page starts when the text reaches the bottom."""

    def __init__(self, header: str | None = None, number: Callable[[int], str] | None = lambda n: f"— {n} —",
                 **options: object) -> None:
        self.buffer = io.BytesIO()
        self.canvas = canvas.Canvas(self.buffer, pagesize=A4, **options)  # type: ignore[arg-type]
        self.header = header
        self.number = number
        self.page = 1
        self.y = TOP
        self.deferred: list[tuple[float, float, str]] = []
        self._furniture()

    def _furniture(self) -> None:
        c = self.canvas
        c.setFont(FONT, 9)
        if self.header:
            c.drawCentredString(A4[0] / 2, A4[1] - 50, self.header)
        if self.number is not None:
            c.drawCentredString(A4[0] / 2, 45, self.number(self.page))
        c.setFont(FONT, SIZE)

    def new_page(self) -> None:
        self.canvas.showPage()
        self.page += 1
        self.y = TOP
        self._furniture()

    def line(self, text: str, x: float = LEFT, size: float = SIZE) -> None:
        """One line at ``x``; a new page first if the page is full."""
        if self.y < BOTTOM:
            self.new_page()
        self.canvas.setFont(FONT, size)
        self.canvas.drawString(x, self.y, text)
        self.y -= LEADING

    def centred(self, text: str, size: float = SIZE) -> None:
        if self.y < BOTTOM:
            self.new_page()
        self.canvas.setFont(FONT, size)
        self.canvas.drawCentredString(LEFT + WIDTH / 2, self.y, text)
        self.y -= LEADING + 6

    def paragraph(self, text: str, indent: bool = True) -> None:
        """``text`` broken every :data:`PER_LINE` characters, justified to the full width
        (the last line excepted), its first line indented by two characters."""
        first = PER_LINE - 2 if indent else PER_LINE
        pieces = [text[:first]]
        rest = text[first:]
        while rest:
            pieces.append(rest[:PER_LINE])
            rest = rest[PER_LINE:]
        for k, piece in enumerate(pieces):
            x = LEFT + (2 * SIZE if indent and k == 0 else 0)
            full = k < len(pieces) - 1
            self._justified(piece, x, LEFT + WIDTH if full else None)

    def _justified(self, text: str, x: float, right: float | None) -> None:
        """One line of a paragraph; a full line reaches ``right`` (set by the character
        spacing, as justified text is)."""
        if self.y < BOTTOM:
            self.new_page()
        c = self.canvas
        c.setFont(FONT, SIZE)
        spacing = 0.0
        if right is not None and len(text) > 1:
            spacing = (right - x - pdfmetrics.stringWidth(text, FONT, SIZE)) / (len(text) - 1)
        c.drawString(x, self.y, text, charSpace=spacing)
        self.y -= LEADING

    def table(self, rows: Sequence[Sequence[str]], widths: Sequence[float], *, ruled: bool,
              merged: Sequence[tuple[int, int, int, int]] = ()) -> None:
        """A table: fully ruled (``ruled``) or three-line (rules above, under the header,
        below). ``merged`` are ``(row, col, rows, cols)`` cells spanning others (text
        written once, no inner rules across them)."""
        c = self.canvas
        height = 22.0
        top = self.y + SIZE
        xs = [LEFT]
        for w in widths:
            xs.append(xs[-1] + w)
        covered = {(r + dr, col + dc) for r, col, nr, nc in merged for dr in range(nr) for dc in range(nc)
                   if (dr, dc) != (0, 0)}
        c.setFont(FONT, 10.5)
        for r, row in enumerate(rows):
            y = top - (r + 1) * height + 7
            for k, cell in enumerate(row):
                if (r, k) in covered or not cell:
                    continue
                span = next((m for m in merged if (m[0], m[1]) == (r, k)), None)
                cy = y - (height * (span[2] - 1) / 2 if span else 0)
                c.drawString(xs[k] + 4, cy, cell)
        bottom = top - len(rows) * height
        c.setLineWidth(0.8)
        if ruled:
            for r in range(len(rows) + 1):
                y = top - r * height
                for k in range(len(widths)):
                    if r in (0, len(rows)) or ((r - 1, k) not in covered and (r, k) not in covered) \
                            or ((r, k) not in covered and (r - 1, k) in covered and _ends(merged, r - 1, k)):
                        c.line(xs[k], y, xs[k + 1], y)
            for k, x in enumerate(xs):
                for r in range(len(rows)):
                    if k in (0, len(widths)) or ((r, k) not in covered):
                        c.line(x, top - r * height, x, top - (r + 1) * height)
        else:
            c.setLineWidth(1.5)
            c.line(xs[0], top, xs[-1], top)
            c.line(xs[0], bottom, xs[-1], bottom)
            c.setLineWidth(0.75)
            c.line(xs[0], top - height, xs[-1], top - height)
        self.y = bottom - LEADING - 4

    def box(self, title: str, items: Sequence[str]) -> None:
        """A 专栏 box drawn as a frame: its title centred, then its items."""
        start = self.y + SIZE + 4
        self.centred(title)
        for item in items:
            self.line(item, x=LEFT + 8)
        bottom = self.y + LEADING - 8
        self.canvas.setLineWidth(1)
        self.canvas.rect(LEFT - 4, bottom, WIDTH + 8, start - bottom)
        self.y -= 10

    def image_page(self) -> None:
        """A page holding one image and no text (a scan)."""
        from reportlab.lib.utils import ImageReader
        from PIL import Image

        self.canvas.showPage()
        self.page += 1
        picture = Image.new("RGB", (40, 40), (200, 30, 30))
        self.canvas.drawImage(ImageReader(picture), LEFT, 400, 200, 200)
        self.canvas.showPage()
        self.page += 1
        self.y = TOP
        self._furniture()

    def bytes(self) -> bytes:
        self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()


def _ends(merged: Sequence[tuple[int, int, int, int]], r: int, k: int) -> bool:
    """Whether slot ``(r, k)``, covered by a merged cell, is in the merged cell's last row."""
    for mr, mc, nr, nc in merged:
        if mr <= r < mr + nr and mc <= k < mc + nc:
            return r == mr + nr - 1
    return True


def image_only_pdf() -> bytes:
    """A PDF whose only page is an image."""
    from reportlab.lib.utils import ImageReader
    from PIL import Image

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    c.drawImage(ImageReader(Image.new("RGB", (30, 30), (0, 0, 0))), 100, 400, 300, 300)
    c.showPage()
    c.save()
    return buffer.getvalue()
