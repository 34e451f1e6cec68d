"""Nesting: the one place where the flat stream of block events becomes a tree.

Levels come from how marker styles nest in *this* document, with a stack: a marker whose
style is already open closes everything below it and becomes a sibling; a style not yet
open becomes a child of the innermost open section. No table maps ``（一）`` to depth 2.
Ordinals are checked for continuity among siblings and gaps become diagnostics.

A 专栏 box has no end marker. It ends at a heading of the enclosing structure (a style
open on the stack that does not continue the box's own enumeration), the next box, a
figure caption, a part title, or the first plain paragraph after its entries.
"""
from __future__ import annotations

from collections.abc import Sequence

import attrs

from govreport.blocks import BareTitle, ColumnStart, Context, Event, Heading
from govreport.errors import Diagnostic, diagnostic
from govreport.model import Column, Figure, Furniture, FurnitureKind, Item, ItemKind, Metric, Node, Note, Paragraph, Section, Table
from govreport.span import Span
from govreport.tables.indicators import read_indicators

__all__ = ["build", "PART_KEYS"]

PART_KEYS = ("第N编", "第N篇", "第N部分", "第N章", "一、")
"""Marker styles that, when a document has them, head its parts: a part title with no
number then stands beside them rather than above them."""

_BARE_KEY = "bare"


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
        target = self.sub.children if self.sub is not None else self.children
        target.append(node)

    def close_sub(self) -> None:
        if self.sub is not None:
            self.children.append(self.sub.close())
            self.sub = None

    def close(self) -> Column:
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
    def __init__(self, ctx: Context, events: Sequence[Event]) -> None:
        self.ctx = ctx
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
        return self.stack[-1].children if self.stack else self.root

    def close_frame(self) -> None:
        frame = self.stack.pop()
        end = max([frame.end] + [c.span.end for c in frame.children])
        section = Section(Span(frame.start, end), frame.marker, frame.style, frame.ordinal, frame.title,
                          frame.depth, frame.title_span, tuple(frame.children), frame.metrics)
        self.container().append(section)

    def level_of(self, key: str) -> int | None:
        """The stack position of the innermost open section of marker style ``key``."""
        for level in range(len(self.stack) - 1, -1, -1):
            if self.stack[level].key == key:
                return level
        return None

    def close_to(self, level: int) -> None:
        """Close the open sections at ``level`` and below it."""
        while len(self.stack) > level:
            self.close_frame()

    def open_section(self, key: str, ordinal: int | None, marker: str, style: str, title: str,
                     title_span: Span, span: Span) -> _SectionFrame:
        level = self.level_of(key)
        if level is not None and ordinal is not None:
            level = self.same_style_level(level, key, ordinal, marker, span)
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

    def same_style_level(self, level: int, key: str, ordinal: int, marker: str, span: Span) -> int | None:
        """Where a heading of a style already open at ``level`` goes, by ordinal continuity.

        The policy for one marker style used at two levels (``一、`` parts whose sections are
        numbered ``一、`` again): a list that restarts at 1 right under an open entry of its
        style, with nothing deeper open and nothing under that entry but a lead-in (nothing, or
        a paragraph ending in a colon), nests under that entry (``None``: open a child); after
        the entry's own prose it is a restart of the outer list, as it always was;
        later, a heading that does not continue the inner list but continues an outer list
        of its style closes the inner list and resumes the outer one. Both decisions are
        reported (``nested-restart``, ``outline-resume``).
        """
        frame = self.stack[level]
        nested_once = any(f.key == key for f in self.stack[:level])  # one style serves two levels, not more
        if ordinal == 1 and frame.ordinal is not None and level == len(self.stack) - 1 and not nested_once \
                and self._opens_list(frame):
            self.diagnostics.append(diagnostic(
                "nested-restart", f"{marker} restarts its list under {frame.marker}: nested as a lower level", span))
            return None
        if frame.ordinal is not None and ordinal == frame.ordinal + 1:
            return level
        for outer in range(level - 1, -1, -1):
            above = self.stack[outer]
            if above.key == key and above.ordinal is not None and ordinal == above.ordinal + 1:
                self.diagnostics.append(diagnostic(
                    "outline-resume", f"{marker} continues {above.marker}: the list nested under it ends", span))
                return outer
        return level

    def _opens_list(self, frame: _SectionFrame) -> bool:
        """Whether ``frame`` holds nothing yet but what leads into a list (``…如下：``)."""
        if not frame.children:
            return True
        last = frame.children[-1]
        return len(frame.children) == 1 and isinstance(last, Paragraph) and last.text.rstrip().endswith(("：", ":"))

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
        width = len(table.header)
        for row in table.rows:
            if len(row.cells) != width:
                self.diagnostics.append(diagnostic(
                    "table-ragged-row", f"row has {len(row.cells)} cells where the header has {width}", row.span))

    def heading(self, event: Heading) -> None:
        m = event.marker
        frame = self.open_section(m.key, m.ordinal, m.text, m.style, event.title, event.title_span, event.span)
        if event.rest is not None:
            frame.children.append(event.rest)

    def bare(self, event: BareTitle, next_heading: Heading | None) -> None:
        key = self.part_key or _BARE_KEY
        if key not in {f.key for f in self.stack} and next_heading is not None:
            # A title after which an open list starts again at 1 (（一）（二）, a title,
            # （一）) heads the new list: it closes the old one and stands at its level,
            # instead of nesting under its last entry.
            level = self.level_of(next_heading.marker.key)
            if next_heading.marker.ordinal == 1 and level is not None:
                self.close_to(level)
        self.open_section(key, None, "", "", event.title, event.span, event.span)

    # -- boxes ----------------------------------------------------------------------
    def box_ends(self, box: _BoxFrame, event: Event) -> bool:
        if isinstance(event, (ColumnStart, BareTitle)):
            return True
        if box.children and isinstance(box.children[0], Figure) and box.sub is None:
            return True  # a box printed as an image: the image was all of it
        if isinstance(event, Figure):
            return bool(box.children) or box.sub is not None  # an empty box's figure is its body
        if isinstance(event, Heading):
            key, ordinal = event.marker.key, event.marker.ordinal
            if box.sub is None and box.children and isinstance(box.children[-1], Table):
                return True  # a box that is a table (and its notes) ends before the next heading
            level = self.level_of(key)
            if level is None:
                return False
            previous = box.last_ordinal.get(key)
            continues_box = ordinal == (previous + 1 if previous is not None else 1)
            continues_outline = ordinal == self._next_outline_ordinal(key, level)
            return not continues_box or (continues_outline and previous is None)
        if isinstance(event, Paragraph) and (box.children or box.sub is not None):
            if event.lead is not None:
                return True
            return box.inline_items and box.sub is None
        return False

    def _next_outline_ordinal(self, key: str, level: int) -> int:
        parent_last = self.stack[level - 1].last_ordinal if level > 0 else self.root_last
        return parent_last.get(key, 0) + 1

    def box_add(self, box: _BoxFrame, event: Event) -> None:
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
                if not self.box_ends(self.box, event):
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


def build(ctx: Context, events: Sequence[Event]) -> tuple[tuple[Node, ...], list[Diagnostic]]:
    """Nest ``events`` into the document tree; returns the top-level nodes and diagnostics."""
    joined = _join_tables(events)
    return _Builder(ctx, joined).run(joined)
