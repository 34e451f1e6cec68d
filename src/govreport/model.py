"""The document model: frozen, slotted attrs classes and enums for closed label sets.

This module holds data only. Parsing lives in :mod:`govreport.parser`, conversion to
and from JSON in :mod:`govreport.serialize.json`, section lookups in
:mod:`govreport.lookup`. Every node carries a :class:`Span` into ``Report.text``;
children are tuples. Enums derive from :class:`govreport.enums.StrEnum`: they print as
their value.

The serializers import this module, never the reverse. ``Report.to_dict()`` and
``Report.from_dict()`` are conveniences that call :func:`govreport.to_dict` and
:func:`govreport.from_dict` through the package, whose names are looked up when the
method is called (the package imports the serializers after this module); the model
itself imports no serializer.
"""
from __future__ import annotations

import bisect
import datetime as _dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, Union

import attrs

import govreport
from govreport.enums import StrEnum
from govreport.errors import Diagnostic
from govreport.lookup import find_section
from govreport.span import Span


class Kind(StrEnum):
    """What sort of document a report is."""

    WORK_REPORT = "work_report"
    PLAN_OUTLINE = "plan_outline"
    NOTICE = "notice"
    OTHER = "other"


class Level(StrEnum):
    """The administrative level of the issuing government."""

    NATIONAL = "national"
    PROVINCIAL = "provincial"
    PREFECTURAL = "prefectural"
    COUNTY = "county"


class Qualifier(StrEnum):
    """How a quantity is hedged: 左右/约 (approx), 以上/超过 (at_least), 以内/不超过 (at_most)."""

    APPROX = "approx"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


class Change(StrEnum):
    """What a quantity says about its indicator."""

    LEVEL = "level"  # 城镇调查失业率5.2%
    GROWTH = "growth"  # 增长5.1%
    DECLINE = "decline"  # 下降8%
    TO = "to"  # 提高到 / 达到 / 增至
    FROM = "from"  # the first half of 由15%提高到55%
    SHARE = "share"  # 占…比重


class Period(StrEnum):
    """The period a quantity covers."""

    ANNUAL_AVERAGE = "annual_average"  # 年均
    CUMULATIVE = "cumulative"  # 累计
    FULL_YEAR = "full_year"  # 全年


class ItemKind(StrEnum):
    """The sort of enumeration an :class:`Item` belongs to."""

    ORDINAL = "ordinal"  # 一是… 二是… / 一要… 二要…
    DASH = "dash"  # ——… / ──…
    LABELLED = "labelled"  # “一核”：…
    ENUMERATED = "enumerated"  # （一）… inside a 专栏 box
    BULLET = "bullet"  # ● / ■ / · items


class FrontRole(StrEnum):
    """The role of a line in the front matter of a report."""

    TITLE = "title"
    SUBTITLE = "subtitle"
    SPEAKER = "speaker"
    SALUTATION = "salutation"
    NOTICE = "notice"
    BYLINE = "byline"  # under a title: who issues the document (统计局) or when (2024年4月29日)


class FurnitureKind(StrEnum):
    """Page furniture around a report: kept as nodes, never headings or metrics."""

    CLUTTER = "clutter"  # 下载 / 打印 / 字号 / 首页 > …
    SOURCE = "source"  # 来源：… / 时间：…
    CAPTION = "caption"  # a photo caption
    LICENCE = "licence"  # licence or copyright footers
    BACK_MATTER = "back_matter"  # 附件 / 名词解释 after the report
    CONTENTS = "contents"  # a 目录 and its entries before the body
    PAGE = "page"  # a page number (or running header) of a paginated original
    HEADER = "header"  # a scraper's or a site's header: YAML front matter, 标题：/发布日期： fields


@attrs.frozen(slots=True)
class Speaker:
    """Who delivered the report: ``name`` (张工) and ``office`` (天津市市长)."""

    name: str | None = None
    office: str | None = None


@attrs.frozen(slots=True)
class Congress:
    """The session the report was delivered to (天津市第十八届人民代表大会, 18, 3)."""

    name: str | None = None
    term: int | None = None
    session: int | None = None


@attrs.frozen(slots=True)
class Notice:
    """A 关于印发…的通知 wrapper around the report."""

    issuer: str | None = None
    title: str | None = None
    recipients: str | None = None
    date: _dt.date | None = None


@attrs.frozen(slots=True)
class Meta:
    """What the report says about itself."""

    title: str | None = None
    kind: Kind = Kind.OTHER
    region: str | None = None
    level: Level | None = None
    year: int | None = None
    date: _dt.date | None = None
    subtitle: str | None = None
    speaker: Speaker | None = None
    congress: Congress | None = None
    notice: Notice | None = None


@attrs.frozen(slots=True)
class Metric:
    """One quantitative claim: a number bound to a unit or measure word.

    ``value``/``unit`` are as written (``4482`` ``亿元``); ``base_value``/``base_unit``
    fold the magnitude in (``448200000000`` ``元``). Ranges carry ``value_high`` and
    ``base_value_high``. A from–to pair (由15%提高到55%) gives two metrics whose
    ``partner`` points at each other's span.

    ``year`` is the year the quantity is about; a figure for a run of years (a five-year
    plan's ``年均增长``, ``过去五年``) has ``years`` (first, last) instead. ``key`` is the
    canonical indicator (``gdp_growth``, ``cpi`` …, see docs/targets.md) or ``None``.
    """

    text: str
    span: Span
    value: Decimal
    unit: str
    base_value: Decimal
    base_unit: str
    value_high: Decimal | None = None
    base_value_high: Decimal | None = None
    qualifier: Qualifier | None = None
    indicator: str | None = None
    change: Change | None = None
    period: Period | None = None
    year: int | None = None
    target: bool = False
    estimate: bool = False
    partner: Span | None = None
    years: tuple[int, int] | None = None
    key: str | None = None


class HeadlineKind(StrEnum):
    """Whether a headline figure is one of the year's targets or one of last year's outcomes."""

    TARGET = "target"
    OUTCOME = "outcome"


@attrs.frozen(slots=True)
class Headline:
    """A row of the table analysts compile (see docs/targets.md): one of the year's main
    expected targets, or one of the previous year's headline outcomes.

    ``key`` is the canonical indicator (``gdp_growth``, ``cpi`` …); ``name`` the indicator
    as the report words it; ``year`` the year it is for. ``text`` and ``span`` are the
    quantity as written, or for a qualitative target (``与经济增长同步``: ``value`` None)
    the words of its clause. Value fields are those of :class:`Metric`.
    """

    kind: HeadlineKind
    key: str | None
    name: str
    year: int | None
    text: str
    span: Span
    value: Decimal | None = None
    value_high: Decimal | None = None
    unit: str | None = None
    base_value: Decimal | None = None
    base_value_high: Decimal | None = None
    base_unit: str | None = None
    qualifier: Qualifier | None = None
    change: Change | None = None
    estimate: bool = False


@attrs.frozen(slots=True)
class Paragraph:
    """A paragraph of prose. ``lead`` is its topic sentence when it opens with one."""

    span: Span
    text: str
    lead: str | None = None
    metrics: tuple[Metric, ...] = ()


@attrs.frozen(slots=True)
class Item:
    """An entry of an enumeration that is not an outline level (一是…, ——…, “一核”：…)."""

    span: Span
    kind: ItemKind
    text: str
    marker: str = ""
    ordinal: int | None = None
    label: str | None = None
    metrics: tuple[Metric, ...] = ()
    children: tuple[Node, ...] = ()


class Flag(StrEnum):
    """What a table cell says besides its number (``Cell.flags``, ``IndicatorValue.flags``)."""

    FIVE_YEAR_AVERAGE = "five_year_average"  # 3.8*
    FIVE_YEAR_CUMULATIVE = "five_year_cumulative"  # 〔17〕
    APPROX = "approx"  # 5左右
    AT_LEAST = "at_least"  # 30以上
    AT_MOST = "at_most"  # 5.5以内
    TEXT = "text"  # 与经济增长基本同步: words, no number
    DECLINE = "decline"  # 下降15%: an indicator value that says its direction
    GROWTH = "growth"  # 增长5%


class Attribute(StrEnum):
    """The attribute of a plan's indicator, as its table says (the 属性 column)."""

    ANTICIPATORY = "预期性"
    BINDING = "约束性"
    GUIDING = "引导性"
    DIRECTIVE = "指导性"
    ENCOURAGED = "鼓励性"


@attrs.frozen(slots=True)
class Cell:
    """One table cell: its text and, when it holds a quantity, value, unit and flags."""

    text: str
    value: Decimal | None = None
    unit: str | None = None
    flags: tuple[Flag, ...] = ()
    metrics: tuple[Metric, ...] = ()


@attrs.frozen(slots=True)
class Row:
    """A table row with the category it falls under: a ``<b>…</b>`` row above it, or its
    group's cell in a 类别 column."""

    span: Span
    cells: tuple[Cell, ...]
    category: str | None = None
    unit: str | None = None


@attrs.frozen(slots=True)
class IndicatorValue:
    """One value of an indicator: the column it sits in (``2025年``), its year and flags."""

    label: str
    text: str
    year: int | None = None
    value: Decimal | None = None
    flags: tuple[Flag, ...] = ()


@attrs.frozen(slots=True)
class Indicator:
    """A row of an indicator table (序号 / 指标 / years / 属性) read as data.

    ``attribute`` is 预期性 (anticipatory), 约束性 (binding) … as the table says, or
    ``None`` when it has no 属性 column or the cell says none of these.
    """

    name: str
    span: Span
    number: int | None = None
    unit: str | None = None
    category: str | None = None
    values: tuple[IndicatorValue, ...] = ()
    attribute: Attribute | None = None

    def value_for(self, year: int) -> IndicatorValue | None:
        """The value given for ``year``, or ``None``."""
        return next((v for v in self.values if v.year == year), None)


@attrs.frozen(slots=True)
class Table:
    """A table: header cells, rows and the notes printed after it.

    ``caption`` is the title line printed right above it (``表1 主要指标``), when its
    layout reader took one. ``indicators`` are its rows read as data when it is an
    indicator table (see :mod:`govreport.tables.indicators`), computed once the table is
    whole (its page-break continuations joined).
    """

    span: Span
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()
    caption: str | None = None
    indicators: tuple[Indicator, ...] = ()


@attrs.frozen(slots=True)
class Figure:
    """A figure, known by its caption (图2 天津市域生态体系图)."""

    span: Span
    caption: str
    number: int | None = None


@attrs.frozen(slots=True)
class Note:
    """A note (注：…)."""

    span: Span
    text: str


@attrs.frozen(slots=True)
class FrontMatter:
    """A title, subtitle, speaker, salutation or notice line before the report body."""

    span: Span
    role: FrontRole
    text: str


@attrs.frozen(slots=True)
class Furniture:
    """Page furniture: web-page clutter, source lines, licence footers, back matter."""

    span: Span
    kind: FurnitureKind
    text: str


@attrs.frozen(slots=True)
class Column:
    """A 专栏 box: its number, title and contents."""

    span: Span
    title: str
    number: int | None = None
    children: tuple[Node, ...] = ()
    metrics: tuple[Metric, ...] = ()


@attrs.frozen(slots=True)
class Section:
    """An outline heading and everything under it.

    ``style`` is the marker with its numeral replaced by ``N`` (``N、``, ``（N）``,
    ``第N章``), or ``""`` for a part title with no number. ``depth`` is 1 at the top.
    ``title_metrics`` are the quantities in the heading's own title; :attr:`metrics`
    gives every metric under the heading.
    """

    span: Span
    marker: str
    style: str
    ordinal: int | None
    title: str
    depth: int
    title_span: Span
    children: tuple[Node, ...] = ()
    title_metrics: tuple[Metric, ...] = ()

    @property
    def metrics(self) -> tuple[Metric, ...]:
        """Every metric of the section, its title's and those of everything under it (table
        cells too), in document order."""
        return metrics_of((self,))


Node = Union[Section, Paragraph, Item, Column, Table, Figure, Note, FrontMatter, Furniture]
"""Any node of the document tree."""


def _children(node: Node) -> tuple[Node, ...]:
    """The children of ``node``; none for a node that cannot have any."""
    return getattr(node, "children", ())


def own_metrics(node: Node) -> tuple[Metric, ...]:
    """The metrics ``node`` itself carries: a section's title metrics, a paragraph's,
    item's or box's metrics; none for other nodes (a table's are in its cells)."""
    if isinstance(node, Section):
        return node.title_metrics
    return getattr(node, "metrics", ())


def _cell_metrics(table: Table) -> list[Metric]:
    """The metrics in the cells of ``table``."""
    return [m for row in table.rows for cell in row.cells for m in cell.metrics]


def metrics_of(nodes: tuple[Node, ...]) -> tuple[Metric, ...]:
    """Every metric of ``nodes`` and their descendants (table cells too), in document order."""
    found: list[Metric] = []
    stack: list[Node] = list(reversed(nodes))
    while stack:
        node = stack.pop()
        found.extend(own_metrics(node))
        if isinstance(node, Table):
            found.extend(_cell_metrics(node))
        stack.extend(reversed(_children(node)))
    found.sort(key=lambda m: m.span.start)
    return tuple(found)


@attrs.frozen(slots=True)
class Report:
    """One parsed document: the text, its metadata, the tree, what the parser noticed, and
    the headline targets and outcomes of a work report."""

    text: str
    meta: Meta
    body: tuple[Node, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    pages: tuple[Span, ...] = ()
    """The spans of the pages of a paginated original (a PDF), in order; empty for text."""

    def page_of(self, node: Node | Metric | Span) -> int | None:
        """The 1-based number of the page where ``node`` (or a span) begins, so it can be
        cited ("p. 37"); ``None`` for a report read from text without pages."""
        if not self.pages:
            return None
        start = node.start if isinstance(node, Span) else node.span.start
        k = bisect.bisect_right([p.start for p in self.pages], start)
        return max(k, 1)
    targets: tuple[Headline, ...] = ()
    """The year's main expected targets (see docs/targets.md), found at parse time."""
    outcomes: tuple[Headline, ...] = ()
    """The previous year's headline outcomes (see docs/targets.md), found at parse time."""

    def walk(self) -> Iterator[Node]:
        """Every node of the tree, depth first, parents before children."""
        stack: list[Node] = list(reversed(self.body))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(_children(node)))

    @property
    def sections(self) -> tuple[Section, ...]:
        """Every section, in document order."""
        return tuple(n for n in self.walk() if isinstance(n, Section))

    @property
    def columns(self) -> tuple[Column, ...]:
        """Every 专栏 box, in document order."""
        return tuple(n for n in self.walk() if isinstance(n, Column))

    @property
    def tables(self) -> tuple[Table, ...]:
        """Every table, in document order."""
        return tuple(n for n in self.walk() if isinstance(n, Table))

    @property
    def metrics(self) -> tuple[Metric, ...]:
        """Every metric of the report, in document order."""
        return metrics_of(self.body)

    def located_metrics(self) -> Iterator[tuple[tuple[Section, ...], Metric]]:
        """Every metric with the chain of sections enclosing it, in document order."""

        def visit(nodes: tuple[Node, ...], path: tuple[Section, ...]) -> Iterator[tuple[tuple[Section, ...], Metric]]:
            """The metrics of ``nodes`` and their descendants, each with its enclosing sections."""
            for node in nodes:
                inner = path + (node,) if isinstance(node, Section) else path
                found = list(own_metrics(node))
                if isinstance(node, Table):
                    found += _cell_metrics(node)
                for metric in sorted(found, key=lambda m: m.span.start):
                    yield inner, metric
                yield from visit(_children(node), inner)

        yield from visit(self.body, ())

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """The rows of every indicator table, in document order (``Table.indicators``)."""
        return tuple(ind for table in self.tables for ind in table.indicators)

    def source(self, node: Node | Metric) -> str:
        """The raw source text of a node or metric."""
        return self.text[node.span.start : node.span.end]

    def section(self, key: str) -> Section:
        """Find a section by its title or by a path of markers such as ``三/（二）``.

        A path step matches a section's marker (``三``, ``三、``, ``（二）``, ``第一章``)
        or its title, among the sections directly under the previous step (sections inside
        boxes or items are not looked at). A key without ``/`` is tried as an exact title
        or marker, then as a marker written another way (``二``, ``(二)``: the shallowest
        such section), then as part of a title (the first section whose title contains
        it). Raises :class:`KeyError` when nothing matches (rules:
        :func:`govreport.lookup.find_section`).
        """
        return find_section(self.sections, key, self._sections_below)

    def _sections_below(self, parent: Section | None) -> Iterator[Section]:
        """The sections directly in ``parent``'s children (the body's for ``None``)."""
        for n in self.body if parent is None else parent.children:
            if isinstance(n, Section):
                yield n

    def section_path(self, target: Node | Metric) -> tuple[Section, ...]:
        """The chain of sections, outermost first, that encloses ``target``."""
        chain: list[Section] = []
        nodes: tuple[Node, ...] = self.body
        span = target.span
        while True:
            inner = next(
                (n for n in nodes if isinstance(n, (Section, Column, Item)) and n.span.contains(span) and n is not target),
                None,
            )
            if inner is None:
                return tuple(chain)
            if isinstance(inner, Section):
                chain.append(inner)
            nodes = inner.children

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``schema: govreport/1``, see docs/model.md): :func:`govreport.to_dict`."""
        return govreport.to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        """Read back what :meth:`to_dict` wrote: :func:`govreport.from_dict`."""
        return govreport.from_dict(data)
