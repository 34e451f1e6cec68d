"""Finding a section by its title, its marker or a path of markers (``三/（二）``).

The rules behind :meth:`govreport.Report.section`. They are written against the
:class:`Heading` protocol (a marker, a title, a depth) and are given the sections to look
through, so this module needs nothing of :mod:`govreport.model` at run time: the model
calls it, and it never calls back.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, TypeVar

from govreport.normalize import normalize

__all__ = ["Heading", "find_section", "marker_matches"]


class Heading(Protocol):
    """What a lookup reads of a section."""

    @property
    def marker(self) -> str:
        """The marker as written (``三、``), or ``""``."""

    @property
    def title(self) -> str:
        """The title, cleaned for display."""

    @property
    def depth(self) -> int:
        """1 at the top of the outline."""


H = TypeVar("H", bound=Heading)


def marker_matches(marker: str, step: str) -> bool:
    """Whether ``step`` names a section marked ``marker``: ``（二）`` matches ``(二)``,
    and a bare ``二`` matches any marker numbered 二 (``二、``, ``（二）``)."""
    if not marker:
        return False
    marker, step = normalize(marker.strip()), normalize(step.strip())
    return marker == step or step == marker.strip("、.（） ")


def find_section(sections: Sequence[H], key: str, below: Callable[[H | None], Iterable[H]]) -> H:
    """The section ``key`` names among ``sections`` (all of them, in document order).

    ``below(None)`` gives the sections at the top of the outline and ``below(s)`` those
    directly under ``s``. A key with ``/`` is a path: each step matches a marker or a
    title among the sections directly under the previous step. A key without ``/`` is
    tried as an exact title or marker, then as a marker written another way (``二``,
    ``(二)``: the shallowest such section), then as part of a title (the first section
    whose title contains it). Raises :class:`KeyError` when nothing matches.
    """
    if "/" in key:
        return _at_path([p.strip() for p in key.split("/") if p.strip()], key, below)
    for sec in sections:
        if sec.title == key or sec.marker == key:
            return sec
    matching = [sec for sec in sections if marker_matches(sec.marker, key)]
    if matching:
        return min(matching, key=lambda s: s.depth)
    for sec in sections:
        if key in sec.title:
            return sec
    raise KeyError(f"no section titled or marked {key!r}")


def _at_path(steps: list[str], key: str, below: Callable[[H | None], Iterable[H]]) -> H:
    """The section at the end of a path of ``steps`` (see :func:`find_section`)."""
    found: H | None = None
    for step in steps:
        match = next((s for s in below(found) if marker_matches(s.marker, step) or s.title == step), None)
        if match is None:
            raise KeyError(f"no section at path {key!r} (stopped at {step!r})")
        found = match
    if found is None:
        raise KeyError(f"no section at path {key!r}")
    return found
