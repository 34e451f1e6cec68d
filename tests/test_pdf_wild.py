"""The real PDFs of ``../shared/wild/pdf`` (skipped when ``../shared`` or the pdf extra is absent).

What is checked was read by eye against the PDFs: the outline (titles and depths), the
boxes, the tables, and that no page number or header is left in the body.
"""
from __future__ import annotations

import functools
import re

import pytest

pytest.importorskip("pypdfium2", reason="the pdf extra (pypdfium2, pdfplumber) is not installed")
pytest.importorskip("pdfplumber", reason="the pdf extra (pypdfium2, pdfplumber) is not installed")

from govreport import parse_file  # noqa: E402
from govreport.model import Furniture, FurnitureKind, Item, Paragraph, Report, Section  # noqa: E402
from tests.helpers import SHARED, check_all  # noqa: E402

PDF = SHARED / "wild" / "pdf"
pytestmark = [pytest.mark.seeds, pytest.mark.slow, pytest.mark.skipif(not PDF.is_dir(), reason="../shared/wild/pdf is absent")]


@functools.lru_cache(maxsize=None)
def _report(name: str) -> Report:
    return parse_file(PDF / f"{name}.pdf")


def _no_furniture_in_body(report: Report) -> None:
    numbers = re.compile(r"[-—\s]*[0-9IVX]{1,3}[-—\s]*")
    for node in report.walk():
        if isinstance(node, (Paragraph, Item)):
            assert not numbers.fullmatch(node.text), node
        if isinstance(node, Section):
            assert not numbers.fullmatch(node.title), node


def test_energy_plan() -> None:
    report = _report("2021_national_energy_tech_plan")
    parts = [s.title for s in report.sections if s.depth == 1 and s.marker]
    assert parts == ["发展形势", "总体要求和发展目标", "重点任务", "保障措施", "附录：技术路线图"]
    third = report.section("重点任务")
    inside = [s for s in report.sections if third.span.start < s.span.start < report.section("保障措施").span.start]
    assert [s.title for s in inside if re.fullmatch("（[一二三四五]）", s.marker)] == [
        "先进可再生能源发电及综合利用技术", "新型电力系统及其支撑技术", "安全高效核能技术",
        "绿色高效化石能源开发利用技术", "能源系统数字化智能化技术"]
    assert [c.number for c in report.columns] == [1, 2, 3, 4, 5, 6]
    assert report.columns[0].title == "先进可再生能源发电及综合利用技术重点示范"
    # every box holds its 01/02/… groups: the invisible ⑪ before later items does not end a box,
    # and a group number glued after a sentence end starts its own line
    assert [len(c.children) for c in report.columns] == [5, 2, 3, 3, 4, 3]
    items = [s for s in report.sections if re.fullmatch("（[0-9]+）", s.marker)]
    assert len(items) >= 90
    pages = [n for n in report.walk() if isinstance(n, Furniture) and n.kind is FurnitureKind.PAGE]
    assert len(pages) >= 55  # every page but the cover has its number
    assert report.page_of(report.section("保障措施")) == 48
    _no_furniture_in_body(report)
    check_all(report)


def test_statistics_bulletin() -> None:
    report = _report("2023_zhoukou_statistics_bulletin")
    titles = [s.title for s in report.sections if s.marker]
    assert titles[:3] == ["综合", "农业", "工业和建筑业"]
    assert len(titles) == 11 and titles[-1] == "环境保护和安全生产"
    assert len(report.tables) >= 6
    cpi = next(t for t in report.tables if t.header and t.header[0] == "类别")
    assert any(row.cells[0].text == "一、食品烟酒" for row in cpi.rows)  # a category row is no heading
    _no_furniture_in_body(report)
    check_all(report)


def test_work_report() -> None:
    report = _report("2024_beijing_work_report")
    outline = [(s.depth, s.marker) for s in report.sections]
    assert outline[:2] == [(1, "一、"), (1, "二、")] or outline[0] == (1, "一、")
    assert [s.marker for s in report.section("二").children if isinstance(s, Section)] == [
        f"（{n}）" for n in "一二三四五六七八九十"] + ["（十一）"]
    assert report.section("二/（四）").title == "全面提升“两区”建设水平，在更高起点上推进改革开放"
    _no_furniture_in_body(report)
    check_all(report)
