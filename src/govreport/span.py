"""Character spans into ``Report.text`` and a line index over a text.

A :class:`Span` is half-open: ``text[span.start:span.end]`` is the source it covers.
Offsets are Python string indices into the decoded input, never byte offsets.
"""
from __future__ import annotations

import bisect

import attrs


@attrs.frozen(slots=True, order=True, init=False)
class Span:
    """A half-open range ``[start, end)`` of character offsets."""

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        # Written by hand, not generated: a parse makes a span for every node and metric,
        # and setting the two slots through their descriptors, with the check inline, is
        # about 40 % cheaper than attrs' frozen __init__ and its post-init hook.
        if start < 0 or end < start:
            raise ValueError(f"invalid span [{start}, {end})")
        _set_start(self, start)
        _set_end(self, end)

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies inside this span."""
        return self.start <= other.start and other.end <= self.end

    def cover(self, other: Span) -> Span:
        """The smallest span that covers both spans."""
        return Span(min(self.start, other.start), max(self.end, other.end))

    def shift(self, offset: int) -> Span:
        """This span moved by ``offset`` characters."""
        return Span(self.start + offset, self.end + offset)

    def slice(self, text: str) -> str:
        """The part of ``text`` this span covers."""
        return text[self.start : self.end]


_set_start = Span.__dict__["start"].__set__  # the slot descriptors, past the frozen __setattr__
_set_end = Span.__dict__["end"].__set__


class LineIndex:
    """Maps character offsets of a text to 1-based line numbers and back."""

    __slots__ = ("_starts", "_length")

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts
        self._length = len(text)

    def __len__(self) -> int:
        return len(self._starts)

    def line_of(self, offset: int) -> int:
        """The 1-based line number holding ``offset``."""
        return bisect.bisect_right(self._starts, offset)

    def line_start(self, line: int) -> int:
        """The offset where 1-based ``line`` starts."""
        return self._starts[line - 1]


def excerpt(text: str, span: Span, width: int = 30) -> str:
    """A one-line excerpt of ``text`` around ``span``, for messages."""
    piece = text[span.start : min(span.end, span.start + width)]
    piece = " ".join(piece.split())
    return piece + ("…" if span.end - span.start > width else "")
