"""The JSON form of a report (schema ``govreport/1``) and reading it back.

Dispatch is on type, never on class-name strings; enums become their values, Decimals
strings, dates ISO strings. ``from_dict(to_dict(r)) == r``. This module imports the
model; the model never imports it (``Report.to_dict()`` reaches :func:`to_dict` through
the package, see :mod:`govreport.model`). docs/model.md shows the JSON.
"""
from __future__ import annotations

import bisect
import datetime as dt
import enum
import functools
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from functools import singledispatch
from typing import Any

import attrs

from govreport.errors import Diagnostic, Severity
from govreport.model import (
    Attribute, Cell, Change, Column, Congress, Figure, Flag, FrontMatter, FrontRole, Furniture, FurnitureKind, Headline,
    HeadlineKind, Indicator, IndicatorValue, Item, ItemKind, Kind, Level, Meta, Metric, Node, Note, Notice,
    Paragraph, Period, Qualifier, Report, Row, Section, Speaker, Table,
)
from govreport.span import Span

__all__ = ["SCHEMA", "to_dict", "from_dict", "report_to_dict", "report_from_dict", "node_to_dict", "metric_to_dict"]

SCHEMA = "govreport/1"

_TYPE_NAMES: dict[type, str] = {
    Section: "section", Paragraph: "paragraph", Item: "item", Column: "column", Table: "table",
    Figure: "figure", Note: "note", FrontMatter: "front", Furniture: "furniture",
}
_TYPES = {name: cls for cls, name in _TYPE_NAMES.items()}


def _value(v: Any) -> Any:
    """``v`` as JSON data: enums their value, Decimals strings, dates ISO, spans pairs."""
    t = type(v)  # the common exact types first: a report has tens of thousands of values
    if v is None or t is str or t is int or t is bool:
        return v
    if t is Decimal:
        return str(v)
    if t is Span:
        return [v.start, v.end]
    if t is tuple:
        return [_value(x) for x in v]
    if isinstance(v, enum.Enum):  # before str: our enums are str subclasses
        return v.value
    if isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, Span):
        return [v.start, v.end]
    if isinstance(v, tuple):
        return [_value(x) for x in v]
    if attrs.has(t):
        return {name: _value(getattr(v, name)) for name in _field_names(t)}
    raise TypeError(f"cannot serialize {t.__name__}")


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    """The attrs field names of ``cls``, looked up once per class."""
    return tuple(f.name for f in attrs.fields(cls))


# -- converters generated from the attrs fields --------------------------------------------
#
# A report has tens of thousands of values, and the JSON of a whole corpus is mostly
# metrics. Asking ``_value`` the type of every one of them costs about as much as encoding
# the result, so each class gets a function, generated once from its attrs fields and their
# annotated types (as attrs generates ``__init__``), that builds its dict with each field's
# conversion written inline: ``str(v)`` for a Decimal, ``[v.start, v.end]`` for a span,
# the value for an enum, the value itself for str, int and bool. A field whose type is
# none of those goes through ``_value``, so the output is always what ``_value`` gives.

_Converter = Callable[[Any], dict[str, Any]]
_CONVERTERS: dict[type, _Converter] = {}
_NODE_CONVERTERS: dict[type, _Converter] = {}  # the node classes' converters, filled below


def _optional(hint: Any) -> tuple[Any, bool]:
    """``hint`` without its ``None`` member, and whether it had one."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and type(None) in args:
        rest = tuple(a for a in args if a is not type(None))
        return (rest[0] if len(rest) == 1 else typing.Union[rest]), True
    return hint, False


def _expression(hint: Any, v: str, namespace: dict[str, Any]) -> str:
    """Python source converting the value named ``v`` of type ``hint`` as ``_value`` does."""
    hint, optional = _optional(hint)
    if hint in (str, int, bool):
        return v  # None stays None
    if hint is Decimal:
        code = f"str({v})"
    elif hint is Span:
        code = f"[{v}.start, {v}.end]"
    elif isinstance(hint, type) and issubclass(hint, enum.Enum):
        # what .value returns, without the enum property's call; a plain string given where
        # the enum is annotated (a model built by hand, Cell(flags=("approx",))) is itself
        code = f"({v} if type({v}) is str else {v}._value_)"
    elif hint is dt.date:
        code = f"{v}.isoformat()"
    elif isinstance(hint, type) and attrs.has(hint):
        namespace[f"_to_{hint.__name__}"] = _converter(hint)
        code = f"_to_{hint.__name__}({v})"
    elif typing.get_origin(hint) is tuple and typing.get_args(hint)[1:] == (Ellipsis,):
        item = _expression(typing.get_args(hint)[0], "x", namespace)
        code = f"list({v})" if item == "x" else f"[{item} for x in {v}]"
    elif typing.get_origin(hint) is tuple and all(a in (str, int, bool) for a in typing.get_args(hint)):
        code = f"list({v})"
    else:
        return f"_value({v})"
    return f"(None if {v} is None else {code})" if optional else code


def _converter(cls: type) -> _Converter:
    """The dict-making function of the attrs class ``cls`` (a node's with its ``type`` tag,
    its children and its metrics, as :func:`node_to_dict` writes them), made once."""
    if cls in _CONVERTERS:
        return _CONVERTERS[cls]
    hints = typing.get_type_hints(cls)
    namespace: dict[str, Any] = {"_value": _value, "_kind": _NODE_CONVERTERS.get, "_other": node_to_dict}
    node = cls in _TYPE_NAMES
    entries = [f"'type': {_TYPE_NAMES[cls]!r}"] if node else []
    for name in _field_names(cls):
        if node and name == "children":
            entries.append(f"'children': [_kind(type(x), _other)(x) for x in o.{name}]")
        elif node and name in ("metrics", "title_metrics"):
            # a section's title metrics are its "metrics" in JSON, as every node's are
            namespace["_metric"] = _converter(Metric)
            entries.append(f"'metrics': [_metric(x) for x in o.{name}]")
        else:
            entries.append(f"{name!r}: {_expression(hints[name], f'o.{name}', namespace)}")
    if node and "children" not in _field_names(cls):
        entries.append("'children': []")
    source = f"def to_{cls.__name__}(o):\n    return {{{', '.join(entries)}}}\n"
    exec(source, namespace)  # generated from the class's own fields, as attrs generates __init__
    converter: _Converter = namespace[f"to_{cls.__name__}"]
    converter.__doc__ = f"``o`` (a {cls.__name__}) as JSON data; generated by ``_converter``."
    _CONVERTERS[cls] = converter
    return converter


@singledispatch
def node_to_dict(node: Any) -> dict[str, Any]:
    """One node, tagged with its ``type``, children included."""
    raise TypeError(f"not a node: {type(node).__name__}")


def metric_to_dict(m: Metric) -> dict[str, Any]:
    """One metric as the METRIC object of the JSON form (docs/model.md)."""
    return _to_metric(m)


def _generic(node: Node) -> dict[str, Any]:
    """Any node as a dict: its ``type`` tag, then its fields in order (empty ``children``
    last for a node that cannot have any)."""
    return _NODE_CONVERTERS[type(node)](node)


_to_metric = _converter(Metric)
_NODE_CONVERTERS.update({cls: _converter(cls) for cls in _TYPE_NAMES})
for _cls in _TYPE_NAMES:
    node_to_dict.register(_cls)(_generic)
_to_meta, _to_diagnostic, _to_headline = _converter(Meta), _converter(Diagnostic), _converter(Headline)


def to_dict(report: Report, *, text: bool = True) -> dict[str, Any]:
    """The whole report: ``schema``, ``meta``, ``body``, ``diagnostics`` and ``text``;
    for a paginated original also ``pages`` (the page spans) and a ``page`` number on
    every node (the page it begins on).

    ``text=False`` leaves ``text`` out (``govreport parse --no-text``): a lean form for
    reading the tree, its metrics and its metadata, some 30 % smaller for a typical
    report; the spans still point into the original file's text, and
    :func:`from_dict` refuses it, since a report without its text is not whole."""
    body = [_NODE_CONVERTERS.get(type(n), node_to_dict)(n) for n in report.body]
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "meta": _to_meta(report.meta),
        "body": body,
        "diagnostics": [_to_diagnostic(d) for d in report.diagnostics],
        "targets": [_to_headline(h) for h in report.targets],
        "outcomes": [_to_headline(h) for h in report.outcomes],
    }
    if text:
        out["text"] = report.text
    if report.pages:
        out["pages"] = [[p.start, p.end] for p in report.pages]
        starts = [p.start for p in report.pages]
        _number_pages(body, starts)
    return out


report_to_dict = to_dict
"""The former name of :func:`to_dict`."""


def _number_pages(nodes: list[dict[str, Any]], starts: list[int]) -> None:
    """Give every node dict of ``nodes`` (children too) the page it begins on."""
    for node in nodes:
        node["page"] = max(bisect.bisect_right(starts, node["span"][0]), 1)
        _number_pages(node["children"], starts)


# -- reading back ----------------------------------------------------------------------

def _span(v: Any) -> Span | None:
    """A span read back, or ``None``."""
    return None if v is None else Span(int(v[0]), int(v[1]))


def _dec(v: Any) -> Decimal | None:
    """A Decimal read back from its string, or ``None``."""
    return None if v is None else Decimal(v)


def _date(v: Any) -> dt.date | None:
    """A date read back from its ISO form, or ``None``."""
    return None if v is None else dt.date.fromisoformat(v)


def _enum(cls: type[enum.Enum], v: Any) -> Any:
    """The member of ``cls`` valued ``v``, or ``None``."""
    return None if v is None else cls(v)


def metric_from_dict(d: dict[str, Any]) -> Metric:
    """Read back :func:`metric_to_dict`."""
    return Metric(
        text=d["text"], span=Span(*d["span"]), value=Decimal(d["value"]), unit=d["unit"],
        base_value=Decimal(d["base_value"]), base_unit=d["base_unit"],
        value_high=_dec(d.get("value_high")), base_value_high=_dec(d.get("base_value_high")),
        qualifier=_enum(Qualifier, d.get("qualifier")), indicator=d.get("indicator"),
        change=_enum(Change, d.get("change")), period=_enum(Period, d.get("period")),
        year=d.get("year"), target=bool(d.get("target", False)), estimate=bool(d.get("estimate", False)),
        partner=_span(d.get("partner")),
        years=None if d.get("years") is None else (int(d["years"][0]), int(d["years"][1])),
        key=d.get("key"),
    )


def _metrics(d: dict[str, Any], key: str = "metrics") -> tuple[Metric, ...]:
    """The metrics under ``key`` read back."""
    return tuple(metric_from_dict(m) for m in d.get(key, ()))


def _title_metrics(d: dict[str, Any]) -> tuple[Metric, ...]:
    """A section's title metrics read back: its ``metrics``, as every node's (a key
    ``title_metrics``, which some development builds wrote, is read as well)."""
    return _metrics(d, "title_metrics" if "title_metrics" in d else "metrics")


def _flags(d: dict[str, Any]) -> tuple[Flag, ...]:
    """The flags of a cell or indicator value read back."""
    return tuple(Flag(f) for f in d.get("flags", ()))


def _children(d: dict[str, Any]) -> tuple[Node, ...]:
    """The child nodes read back."""
    return tuple(node_from_dict(c) for c in d.get("children", ()))


def node_from_dict(d: dict[str, Any]) -> Node:
    """Read back :func:`node_to_dict`."""
    kind = d.get("type")
    span = Span(*d["span"])
    if kind == "section":
        return Section(span, d["marker"], d["style"], d["ordinal"], d["title"], d["depth"],
                       Span(*d["title_span"]), _children(d), _title_metrics(d))
    if kind == "paragraph":
        return Paragraph(span, d["text"], d.get("lead"), _metrics(d))
    if kind == "item":
        return Item(span, ItemKind(d["kind"]), d["text"], d.get("marker", ""), d.get("ordinal"),
                    d.get("label"), _metrics(d), _children(d))
    if kind == "column":
        return Column(span, d["title"], d.get("number"), _children(d), _metrics(d))
    if kind == "table":
        rows = tuple(
            Row(Span(*r["span"]), tuple(_cell(c) for c in r["cells"]), r.get("category"), r.get("unit"))
            for r in d["rows"]
        )
        indicators = tuple(_indicator(x) for x in d.get("indicators", ()))
        return Table(span, tuple(d["header"]), rows, tuple(d.get("notes", ())), d.get("caption"), indicators)
    if kind == "figure":
        return Figure(span, d["caption"], d.get("number"))
    if kind == "note":
        return Note(span, d["text"])
    if kind == "front":
        return FrontMatter(span, FrontRole(d["role"]), d["text"])
    if kind == "furniture":
        return Furniture(span, FurnitureKind(d["kind"]), d["text"])
    raise ValueError(f"unknown node type {kind!r}")


def _cell(c: dict[str, Any]) -> Cell:
    """A table cell read back."""
    return Cell(c["text"], _dec(c.get("value")), c.get("unit"), _flags(c), _metrics(c))


def _indicator(d: dict[str, Any]) -> Indicator:
    """An indicator row read back."""
    values = tuple(
        IndicatorValue(v["label"], v["text"], v.get("year"), _dec(v.get("value")), _flags(v))
        for v in d.get("values", ())
    )
    return Indicator(d["name"], Span(*d["span"]), d.get("number"), d.get("unit"), d.get("category"), values,
                     _enum(Attribute, d.get("attribute")))


def _meta(d: dict[str, Any]) -> Meta:
    """The report's metadata read back."""
    sp, cg, nt = d.get("speaker"), d.get("congress"), d.get("notice")
    return Meta(
        title=d.get("title"), kind=Kind(d.get("kind", "other")), region=d.get("region"),
        level=_enum(Level, d.get("level")), year=d.get("year"), date=_date(d.get("date")),
        subtitle=d.get("subtitle"),
        speaker=None if sp is None else Speaker(sp.get("name"), sp.get("office")),
        congress=None if cg is None else Congress(cg.get("name"), cg.get("term"), cg.get("session")),
        notice=None if nt is None else Notice(nt.get("issuer"), nt.get("title"), nt.get("recipients"),
                                             _date(nt.get("date"))),
    )


def headline_from_dict(d: dict[str, Any]) -> Headline:
    """Read back one headline target or outcome."""
    return Headline(
        kind=HeadlineKind(d["kind"]), key=d.get("key"), name=d["name"], year=d.get("year"), text=d["text"],
        span=Span(*d["span"]), value=_dec(d.get("value")), value_high=_dec(d.get("value_high")),
        unit=d.get("unit"), base_value=_dec(d.get("base_value")), base_value_high=_dec(d.get("base_value_high")),
        base_unit=d.get("base_unit"), qualifier=_enum(Qualifier, d.get("qualifier")),
        change=_enum(Change, d.get("change")), estimate=bool(d.get("estimate", False)),
    )


def from_dict(data: dict[str, Any]) -> Report:
    """Read back :func:`to_dict`. Raises :class:`ValueError` on another schema, and on a
    report written without its ``text``.

    A section's title metrics are read from its ``metrics`` (or ``title_metrics``, which
    some development builds wrote)."""
    if data.get("schema") != SCHEMA:
        raise ValueError(f"not a {SCHEMA} document (schema={data.get('schema')!r})")
    if not isinstance(data.get("text"), str):
        raise ValueError("the report has no text (written with --no-text or text=False): "
                         "it cannot be read back into a Report; parse the original file again")
    diagnostics = tuple(
        Diagnostic(x["code"], Severity(x["severity"]), x["message"], Span(*x["span"]))
        for x in data.get("diagnostics", ())
    )
    pages = tuple(Span(int(p[0]), int(p[1])) for p in data.get("pages", ()))
    return Report(
        data["text"], _meta(data["meta"]), tuple(node_from_dict(n) for n in data["body"]), diagnostics, pages,
        targets=tuple(headline_from_dict(h) for h in data.get("targets", ())),
        outcomes=tuple(headline_from_dict(h) for h in data.get("outcomes", ())),
    )


report_from_dict = from_dict
"""The former name of :func:`from_dict`."""
