"""Nesting: the one place where the flat stream of block events becomes a tree.

Levels come from how marker styles nest in *this* document, with a stack: a marker whose
style is already open closes everything below it and becomes a sibling; a style not yet
open becomes a child of the innermost open section. No table maps ``（一）`` to depth 2.
Ordinals are checked for continuity among siblings and gaps become diagnostics.

A 专栏 box has no end marker. It ends at a heading of the enclosing structure (a style
open on the stack that does not continue the box's own enumeration), the next box, a
figure caption, a part title, or the first plain paragraph after its entries.

Each decision that is not plain stack order is a named *policy* (:data:`POLICIES`):
``stack`` (sibling or child by marker style), ``restart`` (one style at two levels),
``bare_title`` (where a title without a number goes), ``box_end`` (where a 专栏 box
ends) and ``clause_list`` (where a list of numbered clauses of one sentence closes). ``build(..., trace=[])`` records, for each heading, title and box ending, a
:class:`Decision` naming the policy that placed it and why
(:func:`govreport.parser.explain` gives them for a text).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType

import attrs

from govreport.blocks import BareTitle, ColumnStart, Context, Event, Heading
from govreport.errors import Diagnostic, diagnostic
from govreport.model import Column, Figure, Furniture, FurnitureKind, Item, ItemKind, Metric, Node, Note, Paragraph, Section, Table
from govreport.span import Span
from govreport.tables.indicators import read_indicators

__all__ = ["build", "PART_KEYS", "POLICIES", "Decision", "stack_policy", "restart_policy", "bare_title_policy",
           "box_end_policy", "clause_list_policy"]

PART_KEYS = ("第N编", "第N篇", "第N部分", "第N章", "一、")
"""Marker styles that, when a document has them, head its parts: a part title with no
number then stands beside them rather than above them."""

_BARE_KEY = "bare"


@attrs.frozen(slots=True)
class Decision:
    """Why a node went where it did: the policy (a name in :data:`POLICIES`) that decided
    about the node at ``span``, and what it decided, in words."""

    policy: str
    span: Span
    outcome: str

    def __str__(self) -> str:
        return f"{self.policy} [{self.span.start}:{self.span.end}] {self.outcome}"


@attrs.define
class _SectionFrame:
    key: str
    ordinal: int | None
    marker: str
    style: str
    title: str
    title_span: Span
    start: int
    end: int
    depth: int
    metrics: tuple[Metric, ...]
    children: list[Node] = attrs.field(factory=list)
    last_ordinal: dict[str, int] = attrs.field(factory=dict)


@attrs.define
class _SubFrame:
    key: str
    ordinal: int | None
    marker: str
    text: str
    start: int
    end: int
    metrics: tuple[Metric, ...]
    children: list[Node] = attrs.field(factory=list)

    def close(self) -> Item:
        """The enumerated item this frame gathered, spanning its children."""
        end = max([self.end] + [c.span.end for c in self.children])
        return Item(Span(self.start, end), ItemKind.ENUMERATED, self.text, self.marker, self.ordinal,
                    metrics=self.metrics, children=tuple(self.children))


@attrs.define
class _BoxFrame:
    start: ColumnStart
    children: list[Node] = attrs.field(factory=list)
    sub: _SubFrame | None = None
    inline_items: bool = False
    last_ordinal: dict[str, int] = attrs.field(factory=dict)

    def add(self, node: Node) -> None:
        """Add ``node`` to the open sub-item, or to the box itself when none is open."""
        target = self.sub.children if self.sub is not None else self.children
        target.append(node)

    def close_sub(self) -> None:
        """Close the open sub-item, if any, into the box's children."""
        if self.sub is not None:
            self.children.append(self.sub.close())
            self.sub = None

    def close(self) -> Column:
        """The box this frame gathered, spanning its children."""
        self.close_sub()
        end = max([self.start.span.end] + [c.span.end for c in self.children])
        return Column(Span(self.start.span.start, end), self.start.title, self.start.number,
                      tuple(self.children))


def _join_tables(events: Sequence[Event]) -> list[Event]:
    """Join each table with what continues it, in one pass.

    A table whose header repeats the previous table's (a page break) is the same table;
    notes right after a table (注：1. … 2. …) are its notes. The continuations of a table
    follow it directly in the event stream and land in the same container, so they are
    collected here and the table is built once (joining piece by piece copied every row
    at every piece: quadratic in the number of pieces). Each whole table then gets its
    rows read as indicators (:func:`~govreport.tables.indicators.read_indicators`).
    """
    joined: list[Event] = []
    i = 0
    while i < len(events):
        table = events[i]
        i += 1
        if not isinstance(table, Table):
            joined.append(table)
            continue
        rows, notes, span, start = list(table.rows), list(table.notes), table.span, i
        while i < len(events):
            node = events[i]
            if isinstance(node, Table) and node.header == table.header and not notes:
                last_category = rows[-1].category if rows else None
                if node.rows and node.rows[0].category is None:
                    rows.extend(attrs.evolve(r, category=last_category) if r.category is None else r for r in node.rows)
                else:
                    rows.extend(node.rows)
            elif isinstance(node, Note):
                notes.append(node.text)
            else:
                break
            span = span.cover(node.span)
            i += 1
        whole = table if i == start else attrs.evolve(table, span=span, rows=tuple(rows), notes=tuple(notes))
        joined.append(attrs.evolve(whole, indicators=read_indicators(whole)))
    return joined


class _Builder:
    """The one nesting pass: a stack of open sections, and the 专栏 box open, if any.

    The policies (:data:`POLICIES`) read its state: ``stack`` (innermost last),
    ``root_last``/``last_ordinal`` (the last ordinal of each style in a list), ``part_key``.
    """

    def __init__(self, ctx: Context, events: Sequence[Event], trace: list[Decision] | None = None,
                 list_ends: frozenset[int] = frozenset()) -> None:
        self.ctx = ctx
        self.trace = trace
        self.list_ends = list_ends  # where a list of clauses ends (clause_list_policy)
        self.root: list[Node] = []
        self.root_last: dict[str, int] = {}
        self.seen_last: dict[str, int] = {}  # the last ordinal of each style, document-wide
        self.stack: list[_SectionFrame] = []
        self.box: _BoxFrame | None = None
        self.diagnostics: list[Diagnostic] = []
        self.part_key = next(
            (e.marker.key for e in events if isinstance(e, Heading) and e.marker.key in PART_KEYS), None
        )

    # -- sections -----------------------------------------------------------------
    def container(self) -> list[Node]:
        """Where the next node goes: the children of the innermost open section, or the root."""
        return self.stack[-1].children if self.stack else self.root

    def close_frame(self) -> None:
        """Close the innermost open section into its parent's children."""
        frame = self.stack.pop()
        end = max([frame.end] + [c.span.end for c in frame.children])
        section = Section(Span(frame.start, end), frame.marker, frame.style, frame.ordinal, frame.title,
                          frame.depth, frame.title_span, tuple(frame.children), frame.metrics)
        self.container().append(section)

    def close_to(self, level: int) -> None:
        """Close the open sections at ``level`` and below it."""
        while len(self.stack) > level:
            self.close_frame()

    def open_section(self, key: str, ordinal: int | None, marker: str, style: str, title: str,
                     title_span: Span, span: Span) -> _SectionFrame:
        """Open a section for a heading of style ``key`` at the level the stack policy gives it (closing deeper ones), checking its ordinal."""
        level = stack_policy(self, key)
        if self.trace is not None:
            why = "its marker style is not open" if level is None else "its marker style is open"
            self.note("stack", span, f"{marker or title}: {why}{self._describe(level)}")
        if level is not None and ordinal is not None:
            level, why = restart_policy(self, level, key, ordinal, marker, span)
            if self.trace is not None and why:
                self.note("restart", span, f"{marker}: {why}{self._describe(level)}")
        if level is not None:
            self.close_to(level)
        last = self.stack[-1].last_ordinal if self.stack else self.root_last
        if ordinal is not None:
            self.check_ordinal(last.get(key), ordinal, span, marker, self.seen_last.get(key))
            last[key] = self.seen_last[key] = ordinal
        frame = _SectionFrame(key, ordinal, marker, style, title, title_span, span.start, span.end,
                              len(self.stack) + 1, self.ctx.metrics(title_span.start, title_span.end))
        self.stack.append(frame)
        return frame

    def note(self, policy: str, span: Span, outcome: str) -> None:
        """Record a decision. Callers ask only when tracing, so an untraced build never
        formats the words."""
        if self.trace is not None:
            self.trace.append(Decision(policy, span, outcome))

    def _describe(self, level: int | None) -> str:
        """Where a section opening with the stack closed to ``level`` goes, in words."""
        if level is not None:
            frame = self.stack[level]
            return f" (sibling of {frame.marker or frame.title})"
        if self.stack:
            frame = self.stack[-1]
            return f" (child of {frame.marker or frame.title})"
        return " (top level)"

    def check_ordinal(self, previous: int | None, ordinal: int, span: Span, marker: str,
                      seen: int | None = None) -> None:
        """Diagnose an ordinal that does not follow ``previous`` (its list's last one).

        A new list starts at 1, or continues the previous list of its style (``seen``):
        plan outlines number 第N章 through the whole document, across 第N篇.
        """
        expected = 1 if previous is None else previous + 1
        if ordinal == expected or (previous is None and seen is not None and ordinal == seen + 1):
            return
        if previous is None:
            code, message = "ordinal-start", f"{marker} opens a list that should start at 1"
        elif ordinal <= previous:
            code, message = "ordinal-restart", f"{marker} follows ordinal {previous}: numbering restarts or repeats"
        else:
            code, message = "ordinal-gap", f"{marker} follows ordinal {previous}: {expected} is missing"
        self.diagnostics.append(diagnostic(code, message, span))

    def check_table(self, table: Table) -> None:
        """A ``table-ragged-row`` diagnostic for each row whose width is not the header's."""
        width = len(table.header)
        for row in table.rows:
            if len(row.cells) != width:
                self.diagnostics.append(diagnostic(
                    "table-ragged-row", f"row has {len(row.cells)} cells where the header has {width}", row.span))

    def heading(self, event: Heading) -> None:
        """Open the section of a numbered heading; a paragraph run into its line goes in first."""
        m = event.marker
        frame = self.open_section(m.key, m.ordinal, m.text, m.style, event.title, event.title_span, event.span)
        if event.rest is not None:
            frame.children.append(event.rest)
        if event.span.end in self.list_ends:
            self.close_frame()  # the list of clauses ends: what follows is not under its last clause
            self.note("clause_list", event.span, f"{m.text}: the last clause of the list the paragraph before "
                      "leads into: the list closes, and what follows goes beside it")

    def bare(self, event: BareTitle, next_heading: Heading | None) -> None:
        """Open the section of an unnumbered title where the bare-title policy places it."""
        key, level, why = bare_title_policy(self, next_heading)
        if self.trace is not None:
            self.note("bare_title", event.span, f"{event.title}: {why}")
        if level is not None:
            self.close_to(level)
        self.open_section(key, None, "", "", event.title, event.span, event.span)

    # -- boxes ----------------------------------------------------------------------
    def next_outline_ordinal(self, key: str, level: int) -> int:
        """The ordinal that would continue the outline's list of style ``key`` open at ``level``."""
        parent_last = self.stack[level - 1].last_ordinal if level > 0 else self.root_last
        return parent_last.get(key, 0) + 1

    def box_add(self, box: _BoxFrame, event: Event) -> None:
        """Add ``event`` to ``box``: a numbered heading opens a sub-item (or is one, with its run-in text); anything else goes in as it is."""
        if isinstance(event, Heading):
            m = event.marker
            box.last_ordinal[m.key] = m.ordinal
            if event.rest is None:
                box.close_sub()
                box.sub = _SubFrame(m.key, m.ordinal, m.text, event.title, event.span.start, event.span.end,
                                    self.ctx.metrics(event.title_span.start, event.title_span.end))
                return
            item = Item(event.span, ItemKind.ENUMERATED, f"{event.title}。{event.rest.text}", m.text, m.ordinal,
                        metrics=self.ctx.metrics(event.title_span.start, event.title_span.end) + event.rest.metrics)
            if box.sub is not None and box.sub.key == m.key:
                box.close_sub()
            if box.sub is None:
                box.inline_items = True
            box.add(item)
            return
        if isinstance(event, Table):
            self.check_table(event)
        box.add(event)  # type: ignore[arg-type]

    def run(self, events: Sequence[Event]) -> tuple[tuple[Node, ...], list[Diagnostic]]:
        """Build the tree from ``events``: trailing furniture and back matter stay at the root, after the outline; the diagnostics come with it."""
        # Furniture after the last words of the report (licence footers, 扫一扫…) stays
        # outside the outline.
        tail = len(events)
        while tail > 0 and isinstance(events[tail - 1], Furniture):
            tail -= 1
        # So does the back matter (附件, 名词解释), its tables included.
        tail = next((i for i, e in enumerate(events[:tail])
                     if isinstance(e, Furniture) and e.kind is FurnitureKind.BACK_MATTER), tail)
        trailing = events[tail:]
        events = events[:tail]
        next_heading = _next_headings(events)
        for i, event in enumerate(events):
            if self.box is not None:
                ends, why = box_end_policy(self, self.box, event)
                if self.trace is not None and (ends or isinstance(event, Heading)):
                    self.note("box_end", event.span, f"{'ends' if ends else 'stays in'} 专栏 "
                              f"{self.box.start.title}: {why}")
                if not ends:
                    self.box_add(self.box, event)
                    continue
                self.container().append(self.box.close())
                self.box = None
            if isinstance(event, Heading):
                self.heading(event)
            elif isinstance(event, BareTitle):
                self.bare(event, next_heading[i])
            elif isinstance(event, ColumnStart):
                self.box = _BoxFrame(event)
            else:
                if isinstance(event, Table):
                    self.check_table(event)
                self.container().append(event)
        if self.box is not None:
            self.container().append(self.box.close())
            self.box = None
        while self.stack:
            self.close_frame()
        self.root.extend(trailing)  # type: ignore[arg-type]
        return tuple(self.root), self.diagnostics


def _next_headings(events: Sequence[Event]) -> list[Heading | None]:
    """For each event, the first heading after it, unless an unnumbered title or a box comes first."""
    found: list[Heading | None] = [None] * len(events)
    following: Heading | None = None
    for i in range(len(events) - 1, -1, -1):
        found[i] = following
        event = events[i]
        if isinstance(event, Heading):
            following = event
        elif isinstance(event, (BareTitle, ColumnStart)):
            following = None
    return found


def build(ctx: Context, events: Sequence[Event],
          trace: list[Decision] | None = None) -> tuple[tuple[Node, ...], list[Diagnostic]]:
    """Nest ``events`` into the document tree; returns the top-level nodes and diagnostics.

    With a ``trace`` list, each placement decision is appended to it as a :class:`Decision`
    (without one, none is made: tracing costs nothing unless asked for).
    """
    joined = _join_tables(events)
    return _Builder(ctx, joined, trace, _clause_list_ends(ctx, joined)).run(joined)


def _clause_list_ends(ctx: Context, events: Sequence[Event]) -> frozenset[int]:
    """Where the last clause of each list a paragraph leads into ends (see
    :func:`clause_list_policy`): the list closes there."""
    ends: set[int] = set()
    for i, event in enumerate(events):
        if isinstance(event, Paragraph) and (count := clause_list_policy(ctx, events, i)):
            ends.add(events[i + count].span.end)
    return frozenset(ends)


# -- the policies ---------------------------------------------------------------------------

def stack_policy(b: _Builder, key: str) -> int | None:
    """Sibling or child, by marker style: a heading of a style open on the stack closes the
    sections from the innermost open one of its style down and becomes its sibling
    (returns the stack level of that section); a style not open makes it a child of the
    innermost open section (``None``). No table maps ``（一）`` to depth 2. The other
    policies ask it where a style is open."""
    stack = b.stack
    for level in range(len(stack) - 1, -1, -1):
        if stack[level].key == key:
            return level
    return None


def restart_policy(b: _Builder, level: int, key: str, ordinal: int, marker: str,
                   span: Span) -> tuple[int | None, str]:
    """One marker style at two levels (``一、`` parts whose sections are numbered ``一、``
    again), by ordinal continuity; given the ``level`` the style is open at.

    A list that restarts at 1 right under an open entry of its style, with nothing deeper
    open and nothing under that entry but a lead-in (nothing, or a paragraph ending in a
    colon), nests under that entry (``None``: open a child; ``nested-restart``); after the
    entry's own prose it is a restart of the outer list. Later, a heading that does not
    continue the inner list but continues an outer list of its style closes the inner list
    and resumes the outer one (``outline-resume``). One style serves at most two levels.
    Returns the level and, when it differs from plain stack order, why (else ``""``).
    """
    frame = b.stack[level]
    nested_once = any(f.key == key for f in b.stack[:level])  # one style serves two levels, not more
    if ordinal == 1 and frame.ordinal is not None and level == len(b.stack) - 1 and not nested_once \
            and _opens_list(frame):
        b.diagnostics.append(diagnostic(
            "nested-restart", f"{marker} restarts its list under {frame.marker}: nested as a lower level", span))
        return None, "restarts at 1 under an entry that holds only a lead-in: a nested list"
    if frame.ordinal is not None and ordinal == frame.ordinal + 1:
        return level, ""
    for outer in range(level - 1, -1, -1):
        above = b.stack[outer]
        if above.key == key and above.ordinal is not None and ordinal == above.ordinal + 1:
            b.diagnostics.append(diagnostic(
                "outline-resume", f"{marker} continues {above.marker}: the list nested under it ends", span))
            return outer, "does not continue the inner list but the outer one: the outer list resumes"
    return level, ""


def _opens_list(frame: _SectionFrame) -> bool:
    """Whether ``frame`` holds nothing yet but what leads into a list (``…如下：``)."""
    if not frame.children:
        return True
    last = frame.children[-1]
    return len(frame.children) == 1 and isinstance(last, Paragraph) and last.text.rstrip().endswith(("：", ":"))


def bare_title_policy(b: _Builder, next_heading: Heading | None) -> tuple[str, int | None, str]:
    """Where a title without a number (``2024年工作回顾``, ``结束语``) goes; given the first
    heading after it (unless a box or another such title comes first).

    In a document whose parts are numbered (a style of :data:`PART_KEYS`), it stands
    beside the parts, as one of them; else the titles are siblings of each other. When its
    style is not open and the heading after it starts an open list again at 1 (（一）（二）,
    a title, （一）), it heads the new list: it closes the old one and stands at its level
    instead of nesting under its last entry. Returns the marker key it opens with, the
    stack level to close to first (or ``None``), and why.
    """
    key = b.part_key or _BARE_KEY
    if key not in {f.key for f in b.stack} and next_heading is not None:
        level = stack_policy(b, next_heading.marker.key)
        if next_heading.marker.ordinal == 1 and level is not None:
            return key, level, f"{next_heading.marker.text} after it starts an open list again: it heads the new list"
    if b.part_key is not None:
        return key, None, f"stands beside the parts ({b.part_key})"
    return key, None, "no numbered part style: titles without a number nest as one more style"


_CLAUSE_END = ("；", ";")
_LIST_END = ("；", ";", "。")
_CLAUSE_MAX = 120  # characters of a clause of a list: longer is a heading's paragraph


def clause_list_policy(ctx: Context, events: Sequence[Event], i: int) -> int:
    """How many headings after the paragraph ``events[i]`` are the clauses of the list it
    leads into; ``0`` when none are.

    The paragraph ends with a colon (``主要预期目标是：``), and at least two numbered lines
    follow, one style numbered from 1 on, each a clause alone (no paragraph run into it)
    ending with a semicolon, the last with a semicolon or a full stop
    (``1.地区生产总值增长6.5%左右；`` … ``7.完成节能减排目标任务。``). Each is a section, as
    any line opening with a marker, but the list closes after its last clause: a heading
    does not end with a semicolon, so what follows (the outline's ``（一）``) is not under
    that clause but beside the list.
    """
    lead = events[i]
    if not isinstance(lead, Paragraph) or not lead.text.endswith(("：", ":")):
        return 0
    count = 0
    key = None
    for event in events[i + 1 :]:
        if not isinstance(event, Heading) or event.rest is not None or event.marker.ordinal != count + 1:
            break
        if key is not None and event.marker.key != key:
            break
        source = ctx.norm[event.title_span.start : event.span.end].rstrip(" *\n")
        if len(source) > _CLAUSE_MAX or not source.endswith(_LIST_END):
            break
        key = event.marker.key
        count += 1
        if not source.endswith(_CLAUSE_END):
            break  # a full stop ends the list
    return count if count >= 2 else 0


def box_end_policy(b: _Builder, box: _BoxFrame, event: Event) -> tuple[bool, str]:
    """Whether a 专栏 box (it has no end marker) ends before ``event``, and why.

    It ends at the next box or a part title; after its image, when it is printed as one;
    at a figure after its content (an empty box's figure is its body); at a heading after
    a box that is a table; at a heading of a style open outside the box that does not
    continue the box's own list, or that continues the outline when the box has no list
    of that style; at a paragraph with a lead sentence, or a plain one after entries
    written inline.
    """
    if isinstance(event, ColumnStart):
        return True, "the next box"
    if isinstance(event, BareTitle):
        return True, "a part title"
    if box.children and isinstance(box.children[0], Figure) and box.sub is None:
        return True, "a box printed as an image: the image was all of it"
    if isinstance(event, Figure):
        if box.children or box.sub is not None:
            return True, "a figure after the box's content"
        return False, "an empty box's figure is its body"
    if isinstance(event, Heading):
        key, ordinal = event.marker.key, event.marker.ordinal
        if box.sub is None and box.children and isinstance(box.children[-1], Table):
            return True, "a heading after a box that is a table"
        level = stack_policy(b, key)
        if level is None:
            return False, "its marker style is not open outside the box: an entry of the box"
        previous = box.last_ordinal.get(key)
        if ordinal != (previous + 1 if previous is not None else 1):
            return True, "a heading of the outline that does not continue the box's list"
        if previous is None and ordinal == b.next_outline_ordinal(key, level):
            return True, "a heading that continues the outline, where the box has no list of its style"
        return False, "it continues the box's own list"
    if isinstance(event, Paragraph) and (box.children or box.sub is not None):
        if event.lead is not None:
            return True, "a paragraph with a lead sentence"
        if box.inline_items and box.sub is None:
            return True, "a plain paragraph after entries written inline"
    return False, ""


POLICIES: Mapping[str, Callable[..., object]] = MappingProxyType({
    "stack": stack_policy,
    "restart": restart_policy,
    "bare_title": bare_title_policy,
    "box_end": box_end_policy,
    "clause_list": clause_list_policy,
})
"""The nesting policies by name, in the order a heading meets them; a :class:`Decision`
names one of these."""
