"""The JSON form's converters, generated once per class from its attrs fields, write exactly
what a plain walk over the fields writes: the same keys in the same order, the same values,
for every document at hand and for a report whose every optional field is set."""
from __future__ import annotations

import datetime as dt
import json
import pathlib
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import attrs
import pytest

import govreport
from govreport import Report
from govreport.errors import Diagnostic, Severity
from govreport.model import (
    Attribute, Cell, Change, Column, Congress, Figure, Flag, FrontMatter, FrontRole, Furniture, FurnitureKind,
    Headline, HeadlineKind, Indicator, IndicatorValue, Item, ItemKind, Kind, Level, Meta, Metric, Note, Notice,
    Paragraph, Period, Qualifier, Row, Section, Speaker, Table,
)
from govreport.serialize.json import _value, from_dict, metric_to_dict, node_to_dict, to_dict
from govreport.span import Span
from helpers import SHARED

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"
TYPES = {Section: "section", Paragraph: "paragraph", Item: "item", Column: "column", Table: "table",
         Figure: "figure", Note: "note", FrontMatter: "front", Furniture: "furniture"}


def _plain(v: Any) -> Any:
    """``v`` as JSON data, asking its type every time (the module's generic ``_value``, which
    the generated converters leave to the fields whose type they do not know): the
    reference the converters match."""
    return _value(v)


def _node(node: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"type": TYPES[type(node)]}
    for f in attrs.fields(type(node)):
        value = getattr(node, f.name)
        if f.name == "children":
            out["children"] = [_node(c) for c in value]
        elif f.name in ("metrics", "title_metrics"):
            out["metrics"] = [_plain(m) for m in value]
        else:
            out[f.name] = _plain(value)
    out.setdefault("children", [])
    return out


def _reference(report: Report, text: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {"schema": "govreport/1", "meta": _plain(report.meta),
                           "body": [_node(n) for n in report.body],
                           "diagnostics": _plain(report.diagnostics), "targets": _plain(report.targets),
                           "outcomes": _plain(report.outcomes)}
    if text:
        out["text"] = report.text
    if report.pages:
        out["pages"] = _plain(report.pages)
        starts = [p.start for p in report.pages]

        def number(nodes: list[dict[str, Any]]) -> None:
            for node in nodes:
                node["page"] = max(1, sum(1 for s in starts if s <= node["span"][0]))
                number(node["children"])

        number(out["body"])
    return out


def _same(report: Report) -> None:
    for text in (True, False):
        assert json.dumps(to_dict(report, text=text), ensure_ascii=False) == \
            json.dumps(_reference(report, text), ensure_ascii=False)


def _documents() -> Iterator[pathlib.Path]:
    yield from sorted(EXAMPLES.glob("*.txt"))
    for pattern in ("seeds/*.txt", "wild/*.txt", "wild/plans/*", "wild/raw/*"):
        yield from sorted(SHARED.glob(pattern))


@pytest.mark.parametrize("path", list(_documents()), ids=lambda p: p.name)
def test_every_document_writes_what_the_plain_field_walk_writes(path):
    report = govreport.parse_file(path)
    _same(report)
    assert from_dict(to_dict(report)) == report


def test_a_paginated_report_numbers_every_node_as_before():
    report = govreport.parse_file(EXAMPLES / "demo_report.txt")
    third = len(report.text) // 3
    paged = attrs.evolve(report, pages=(Span(0, third), Span(third, 2 * third), Span(2 * third, len(report.text))))
    _same(paged)
    pages = {node["page"] for node in to_dict(paged)["body"]}
    assert pages == {1, 2, 3}


def test_every_optional_field_set_is_written_as_the_plain_walk_writes_it():
    span = Span(0, 4)
    metric = Metric("约3至5万亿元", span, Decimal("3"), "万亿元", Decimal("3E+12"), "元", Decimal("5"),
                    Decimal("5E+12"), Qualifier.APPROX,
                    "地区生产总值", list(Change)[0], list(Period)[0], 2025, True, True, Span(5, 6), (2021, 2025),
                    "gdp")
    cell = Cell("3", Decimal("3"), "%", tuple(Flag)[:2], (metric,))
    table = Table(span, ("指标", "2025年"), (Row(span, (cell,), "经济", "%"),), ("注：预期性",), "表1",
                  (Indicator("地区生产总值", span, 1, "%", "经济",
                             (IndicatorValue("2025年", "5", 2025, Decimal("5"), tuple(Flag)[:1]),),
                             list(Attribute)[0]),))
    item = Item(span, list(ItemKind)[0], "甲", "1.", 1, "甲", (metric,),
                (Paragraph(span, "乙", "丙", (metric,)), Note(span, "注")))
    body = (
        FrontMatter(span, list(FrontRole)[0], "前言"),
        Section(span, "一、", "N、", 1, "总体", 1, span,
                (item, Column(span, "专栏", 1, (Figure(span, "图1", 1),), (metric,)), table), (metric,)),
        Furniture(span, list(FurnitureKind)[0], "— 1 —"),
    )
    meta = Meta("报告", list(Kind)[0], "青禾市", list(Level)[0], 2025, dt.date(2025, 1, 20), "副题",
                Speaker("某某", "市长"), Congress("青禾市第十届人民代表大会", 10, 3),
                Notice("市政府", "通知", "各区", dt.date(2025, 2, 1)))
    headline = Headline(list(HeadlineKind)[0], "gdp_growth", "地区生产总值", 2025, "增长5%", span,
                        Decimal("5"), Decimal("6"), "%", Decimal("5"), Decimal("6"), "%", list(Qualifier)[0],
                        list(Change)[0], True)
    report = Report("一二三四五六七八", meta, body, (Diagnostic("gap", Severity.WARNING, "缺", span),),
                    (Span(0, 4), Span(4, 8)), targets=(headline,), outcomes=(headline,))
    _same(report)
    assert from_dict(to_dict(report)) == report
    assert metric_to_dict(metric) == _plain(metric)
    assert node_to_dict(item) == _node(item)
    with pytest.raises(TypeError, match="not a node"):
        node_to_dict(metric)


def test_plain_strings_where_an_enum_is_annotated_are_written_as_they_are():
    """A model built by hand may give a flag or a qualifier as its string: the JSON is the same."""
    span = Span(0, 2)
    by_hand = Cell("5左右", Decimal("5"), "%", ("approx",))  # type: ignore[arg-type]
    metric = Metric("5%", span, Decimal("5"), "%", Decimal("5"), "%", qualifier="approx")  # type: ignore[arg-type]
    assert node_to_dict(Table(span, ("指标",), (Row(span, (by_hand,)),)))["rows"][0]["cells"][0]["flags"] == ["approx"]
    assert metric_to_dict(metric) == _plain(metric) and metric_to_dict(metric)["qualifier"] == "approx"
