"""What a reader gives the parser: the text, and where each page of it lies."""
from __future__ import annotations

import attrs

from govreport.span import Span

__all__ = ["Document"]


@attrs.frozen(slots=True)
class Document:
    """The text of an input document.

    ``pages`` are the spans of the pages in ``text`` (empty for formats without pages),
    one per page, in order and without gaps; ``image_pages`` the 1-based numbers of the
    pages that hold images and no text (they need OCR).
    """

    text: str
    pages: tuple[Span, ...] = ()
    image_pages: tuple[int, ...] = ()
