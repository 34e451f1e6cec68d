"""The base of govreport's enums: closed label sets that print as their value.

``str(Qualifier.AT_LEAST)``, ``format(Qualifier.AT_LEAST)`` and ``f"{Qualifier.AT_LEAST}"``
are all ``at_least`` on every supported Python (3.10–3.13). A plain ``(str, enum.Enum)``
prints ``Qualifier.AT_LEAST`` from ``str()``, and its f-string form changed in 3.12;
:class:`enum.StrEnum` would fix both but does not exist before 3.11. A leaf module, so that
:mod:`govreport.errors` and :mod:`govreport.model` can both build on it.
"""
from __future__ import annotations

import enum

__all__ = ["StrEnum"]


class StrEnum(str, enum.Enum):
    """A ``str`` enum whose ``str()`` and ``format()`` are its value."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, format_spec: str) -> str:
        return format(str(self.value), format_spec)
