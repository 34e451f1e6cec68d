"""What every front-matter rule shares: the per-call cursor, what the front says, and the
patterns of a speaker and a salutation."""
from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs
import regex

from govreport.markers import COLUMN_TITLE, match_heading
from govreport.model import FrontMatter, FrontRole, Furniture, FurnitureKind
from govreport.segment import Line
from govreport.span import Span
from govreport.text import clean

__all__ = [
    "FrontInfo", "FrontNode", "Cursor", "FrontRule", "SALUTATION", "SPEAKER", "OFFICE",
    "title_like", "looks_like_title", "flat_of",
]

# possessive runs of spaces: ``各位代表`` + many spaces + a word backtracked quadratically
SALUTATION = regex.compile(r"(?:各位代表|各位委员|各位同志|同志们|代表们)[ ]*+[，,：:！!]?[ ]*+$")
"""The salutation that opens a report delivered to a congress (``各位代表：``)."""

OFFICE = r"(?:省长|市长|区长|县长|州长|旗长|盟长|主席|总理|副总理|主任)"
"""The offices that deliver a work report, as a regex alternation."""

SPEAKER = regex.compile(
    rf"(?P<office>[\p{{Han}}]{{0,24}}?{OFFICE})[ ]*(?P<name>\p{{Han}}(?:[ ]{{0,3}}\p{{Han}}){{1,3}})[ ]*$"
)
"""A speaker line: the office, then the name (``天津市市长 张工``, ``市长　李　强``)."""

FrontNode = FrontMatter | Furniture


@attrs.define
class FrontInfo:
    """What the front matter says, as raw strings, for :mod:`govreport.meta`.

    ``header`` holds the fields of a scrape header (``发布单位`` → ``上海市青禾区人民政府``),
    read where useful but never taken for the document's own lines.
    """

    title: str | None = None
    subtitle: str | None = None
    speaker_office: str | None = None
    speaker_name: str | None = None
    notice_issuer: str | None = None
    notice_title: str | None = None
    notice_recipients: str | None = None
    notice_date: str | None = None
    byline_date: str | None = None
    salutation: bool = False
    header: dict[str, str] = attrs.Factory(dict)


@attrs.define
class Cursor:
    """The state of one split: the document's non-blank lines, the nodes made so far and
    what they said. Rules read lines through it and add their nodes to it.

    ``limit`` is the index of the first line no rule may take (the line after the
    salutation when there is one); ``bounded`` tells whether a salutation ends the front,
    so that every line before it is front matter. A rule sets ``done`` when the front
    ends at the line it was shown; ``anchor`` is the index after the last block a rule
    took whole (a scrape header, a notice letter, a table of contents).
    """

    text: str
    norm: str
    lines: Sequence[Line]
    limit: int
    bounded: bool
    info: FrontInfo = attrs.Factory(FrontInfo)
    nodes: list[FrontNode] = attrs.Factory(list)
    done: bool = False
    anchor: int = 0
    _flats: dict[int, str] = attrs.Factory(dict)

    def words(self, i: int) -> str:
        """The display words of line ``i`` (markup removed)."""
        line = self.lines[i]
        return clean(self.text[line.head : line.end])

    def flat(self, i: int) -> str:
        """The words of line ``i`` without any space."""
        found = self._flats.get(i)
        if found is None:
            found = self._flats[i] = flat_of(self.words(i))
        return found

    def span(self, i: int, j: int | None = None) -> Span:
        """The span of lines ``i`` to ``j`` (inclusive; ``j`` defaults to ``i``)."""
        return Span(self.lines[i].start, self.lines[i if j is None else j].end)

    def front(self, i: int, j: int, role: FrontRole, text: str) -> None:
        """Add lines ``i`` to ``j`` (inclusive) as one front-matter node."""
        self.nodes.append(FrontMatter(self.span(i, j), role, text))

    def furniture(self, i: int, kind: FurnitureKind) -> None:
        """Add line ``i`` as furniture."""
        self.nodes.append(Furniture(self.span(i), kind, self.words(i)))

    def is_title_like(self, i: int) -> bool:
        """Whether line ``i`` may be front matter without a salutation (:func:`title_like`)."""
        return title_like(self.norm, self.lines[i])


FrontRule = Callable[[Cursor, int], "int | None"]
"""A front-matter rule: shown line ``i``, it returns ``None`` when the line is not its
kind, else it adds nodes for the lines it takes and returns the index after them."""


def flat_of(words: str) -> str:
    """``words`` with every space removed."""
    return "".join(words.split())


def title_like(norm: str, line: Line) -> bool:
    """A short line that is no heading, table row, 专栏 title or sentence: what may stand
    in the front matter of a text without a salutation."""
    head = line.head
    text = norm[head : line.end]
    if not text or len(text) > 90 or match_heading(norm, head) is not None:
        return False
    if "\t" in text or text.startswith("|"):
        return False  # a table row
    if COLUMN_TITLE.match(norm, head):
        return False
    return text[-1] not in "。！？；" and "。" not in text


TITLE_WORDS = regex.compile(r"工作报告|规划.{0,30}纲要|纲要|报告|规划|统计公报")


def looks_like_title(flat: str) -> bool:
    """Whether the words of a line read as a report's or a plan's title."""
    flat = flat_of(flat)
    return (
        bool(TITLE_WORDS.search(flat))
        and len(flat) <= 60
        and not SALUTATION.match(flat)
        and not any(ch in flat for ch in "，。；,;>»›＞")  # sentences and breadcrumbs (首页 > …)
    )
