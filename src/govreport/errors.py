"""The exception tree, the :class:`Diagnostic` record and the registry of diagnostic codes.

Everything govreport raises on purpose derives from :class:`GovreportError`.
Parsing text never raises: what the parser notices becomes a :class:`Diagnostic` whose
code is one of :data:`CODES` (made with :func:`diagnostic`, which gives it the code's
severity). ``docs/diagnostics.md`` documents every code.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Final

import attrs

from govreport.enums import StrEnum
from govreport.span import Span


class Severity(StrEnum):
    """How much a diagnostic matters."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@attrs.frozen(slots=True)
class Diagnostic:
    """Something the parser noticed and recovered from.

    ``code`` is stable across releases (see the diagnostics page of the docs);
    ``span`` points into ``Report.text``.
    """

    code: str
    severity: Severity
    message: str
    span: Span


@attrs.frozen(slots=True)
class CodeInfo:
    """What a diagnostic code means: the severity it always has and a one-line meaning."""

    severity: Severity
    meaning: str


CODES: Final[Mapping[str, CodeInfo]] = MappingProxyType({
    "ordinal-start": CodeInfo(
        Severity.WARNING, "the first section of a marker style under its parent is not numbered 1"),
    "ordinal-gap": CodeInfo(
        Severity.WARNING, "a section's ordinal skips numbers after the ordinal of its previous sibling"),
    "ordinal-restart": CodeInfo(
        Severity.WARNING, "a section's ordinal is not above its previous sibling's: numbering restarts or repeats"),
    "nested-restart": CodeInfo(
        Severity.INFO, "a marker style restarts at 1 under an open entry of the same style: the new list nests under it"),
    "outline-resume": CodeInfo(
        Severity.INFO, "a section continues an outer list of its style, closing the list nested under that list's entry"),
    "table-ragged-row": CodeInfo(
        Severity.WARNING, "a table row has more or fewer cells than the table's header"),
    "inline-html": CodeInfo(
        Severity.INFO, "a block of HTML tags only (inline HTML in text or markdown) that no reader uses"),
    "html-table-unclosed": CodeInfo(
        Severity.WARNING, "an inline HTML <table> is not closed: its rows are read as far as they go"),
    "table-cells-unfit": CodeInfo(
        Severity.WARNING, "the cells of a flattened table (one cell a line) do not fit the columns of its header"),
    "table-category-centred": CodeInfo(
        Severity.INFO, "a table from a PDF's text whose first row has no category: merged category cells stand mid-group"),
    "pdf-image-page": CodeInfo(
        Severity.WARNING, "PDF pages that hold images and no text layer: their content is not read (run OCR)"),
    "empty-input": CodeInfo(
        Severity.WARNING, "the input holds no text: it is empty or nothing but whitespace"),
})
"""Every diagnostic code govreport emits, with its severity and meaning.

Codes are stable: a code keeps its name and meaning across releases; new codes may be
added. Each is documented, with an input that triggers it, in ``docs/diagnostics.md``.
"""


def diagnostic(code: str, message: str, span: Span) -> Diagnostic:
    """A :class:`Diagnostic` for a registered ``code``, with the severity :data:`CODES` gives it.

    Raises :class:`ValueError` for a code that is not in :data:`CODES` (a bug in the
    caller, never something the input can cause).
    """
    info = CODES.get(code)
    if info is None:
        raise ValueError(f"unregistered diagnostic code {code!r}; add it to govreport.errors.CODES")
    return Diagnostic(code, info.severity, message, span)


class GovreportError(Exception):
    """Base class of every error govreport raises on purpose."""


class DecodeError(GovreportError, ValueError):
    """The input bytes are not text in an encoding govreport reads.

    Those are UTF-8 and GB18030 and, after their byte-order mark, UTF-16 and UTF-32.
    ``offset`` is the byte offset of the first byte that no encoding tried accepts;
    ``encodings`` names the encodings tried (``"UTF-8 or GB18030"``, or the one a
    byte-order mark announced).
    """

    def __init__(self, offset: int, reason: str = "", encodings: str = "UTF-8 or GB18030") -> None:
        self.offset = offset
        self.reason = reason
        self.encodings = encodings
        detail = f": {reason}" if reason else ""
        super().__init__(
            f"input is not {encodings} text (undecodable byte at offset {offset}){detail}"
        )

    def __reduce__(self) -> tuple[type[DecodeError], tuple[int, str, str]]:
        # rebuilt from its fields (the default would pass the message as the offset),
        # so the error survives pickling, e.g. out of a multiprocessing worker
        return (type(self), (self.offset, self.reason, self.encodings))


class FormatError(GovreportError, ValueError):
    """The input is in a format govreport does not read, or claims a format and is damaged.

    Raised for a file told by its first bytes to be something else than a report
    (a spreadsheet, a slide deck, an image, an archive, a legacy Office file …; the
    message names it) and for a DOCX or PDF that cannot be read (damaged, encrypted,
    without a text layer, or a PDF without the ``pdf`` extra installed). Also available
    as ``govreport.extract.FormatError``.
    """


class ParseError(GovreportError):
    """Raised by ``parse(..., strict=True)``; lists every diagnostic with its span."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        lines = [
            f"  {d.code} [{d.span.start}:{d.span.end}] {d.message}" for d in self.diagnostics
        ]
        super().__init__(f"{len(self.diagnostics)} problem(s) found:\n" + "\n".join(lines))

    def __reduce__(self) -> tuple[type[ParseError], tuple[tuple[Diagnostic, ...]]]:
        return (type(self), (self.diagnostics,))


class NumeralError(GovreportError, ValueError):
    """The text given to :func:`govreport.numerals.to_decimal` is not a numeral."""
