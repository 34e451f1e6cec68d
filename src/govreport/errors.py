"""The exception tree and the :class:`Diagnostic` record.

Everything govreport raises on purpose derives from :class:`GovreportError`.
Parsing text never raises: what the parser notices becomes a :class:`Diagnostic`.
"""
from __future__ import annotations

import enum
from collections.abc import Sequence

import attrs

from govreport.span import Span


class Severity(str, enum.Enum):
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


class GovreportError(Exception):
    """Base class of every error govreport raises on purpose."""


class DecodeError(GovreportError, ValueError):
    """The input bytes are not UTF-8, UTF-8 with BOM, or GB18030.

    ``offset`` is the byte offset of the first byte that no supported encoding accepts.
    """

    def __init__(self, offset: int, reason: str = "") -> None:
        self.offset = offset
        self.reason = reason
        detail = f": {reason}" if reason else ""
        super().__init__(
            f"input is not UTF-8 or GB18030 text (undecodable byte at offset {offset}){detail}"
        )


class ParseError(GovreportError):
    """Raised by ``parse(..., strict=True)``; lists every diagnostic with its span."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        lines = [
            f"  {d.code} [{d.span.start}:{d.span.end}] {d.message}" for d in self.diagnostics
        ]
        super().__init__(f"{len(self.diagnostics)} problem(s) found:\n" + "\n".join(lines))


class NumeralError(GovreportError, ValueError):
    """The text given to :func:`govreport.numerals.to_decimal` is not a numeral."""
