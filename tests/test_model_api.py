"""The model as data: section metrics under their obvious names, enums that print their
value, closed sets as enums, lookups and the JSON functions outside the model."""
from __future__ import annotations

import ast
import enum
import pathlib

import pytest
from hypothesis import given, strategies as st

import govreport
from govreport import Attribute, Flag, Kind, Qualifier, Severity
from govreport.lookup import find_section, marker_matches
from govreport.tables.indicators import attribute_of

SRC = pathlib.Path(__file__).resolve().parents[1] / "src" / "govreport"

TEXT = (
    "一、过去一年的工作\n\n"
    "全市地区生产总值增长5.2%。\n\n"
    "（一）产业升级\n\n"
    "新增高新技术企业120家。\n\n"
    "二、2025年新增就业3万人以上的安排\n\n"
    "城镇新增就业4万人。\n"
)


def test_section_metrics_are_every_metric_under_it_in_order():
    report = govreport.parse(TEXT)
    first = report.section("一")
    assert first.title_metrics == ()
    assert [m.text for m in first.metrics] == ["5.2%", "120家"]
    second = report.section("二")
    assert [m.text for m in second.title_metrics] == ["3万人以上"]
    assert [m.text for m in second.metrics] == ["3万人以上", "4万人"]
    assert sum(len(s.metrics) for s in report.body if isinstance(s, govreport.Section)) == len(report.metrics)


def test_a_sections_title_metrics_are_its_metrics_in_json_and_read_back():
    # the JSON contract: any node may carry "metrics"; a section's are its title's
    report = govreport.parse(TEXT)
    data = govreport.to_dict(report)
    section = data["body"][1]
    assert "title_metrics" not in section and len(section["metrics"]) == 1
    assert govreport.from_dict(data) == report == govreport.Report.from_dict(report.to_dict())

    def rename(nodes):
        for node in nodes:
            if node["type"] == "section":
                node["title_metrics"] = node.pop("metrics")
            rename(node["children"])

    rename(data["body"])  # as some development builds wrote it
    assert govreport.from_dict(data) == report


ENUMS = [c for c in vars(govreport).values() if isinstance(c, type) and issubclass(c, enum.Enum)]


def test_every_public_enum_prints_its_value():
    assert {Kind, Qualifier, Severity, Flag, Attribute} <= set(ENUMS)
    for cls in ENUMS:
        for member in cls:
            assert str(member) == member.value
            assert f"{member}" == member.value
            assert f"{member:>12}" == f"{member.value:>12}"
            assert "%s" % member == member.value
            assert format(member) == "{}".format(member) == member.value


def test_enums_still_compare_and_serialize_as_their_strings():
    assert Qualifier.AT_LEAST == "at_least" and Flag("approx") is Flag.APPROX
    assert repr(Qualifier.AT_LEAST).startswith("<Qualifier.AT_LEAST")


def test_cell_flags_and_indicator_attribute_are_enums_with_the_same_json():
    text = (
        "第一章 发展目标\n\n"
        "序号\t指标\t2025年\t2030年\t属性\n"
        "1\t地区生产总值增长（%）\t〔5.5〕\t5左右\t预期性\n"
        "2\t单位能耗降低（%）\t下降3%\t与增长同步\t约 束 性\n"
    )
    report = govreport.parse(text)
    first, second = report.indicators
    assert first.attribute is Attribute.ANTICIPATORY and second.attribute is Attribute.BINDING
    assert first.values[0].flags == (Flag.FIVE_YEAR_CUMULATIVE,)
    assert second.values[0].flags == (Flag.DECLINE,)
    assert all(isinstance(f, Flag) for row in report.tables[0].rows for c in row.cells for f in c.flags)
    data = govreport.to_dict(report)
    table = data["body"][0]["children"][0]
    assert table["indicators"][1]["attribute"] == "约束性"
    assert table["indicators"][0]["values"][1]["flags"] == ["approx"]
    assert govreport.from_dict(data) == report


@pytest.mark.parametrize("text, attribute", [("预期性", Attribute.ANTICIPATORY), (" 引导性 ", Attribute.GUIDING),
                                             ("约束", None), ("", None)])
def test_attribute_of(text, attribute):
    assert attribute_of(text) is attribute


def test_lookup_by_title_marker_and_path():
    report = govreport.parse(TEXT)
    assert report.section("(一)").title == "产业升级"
    assert report.section("一/（一）").title == "产业升级"
    assert report.section("产业").title == "产业升级"
    with pytest.raises(KeyError):
        report.section("二/（一）")
    with pytest.raises(KeyError):
        report.section("/")


@given(st.sampled_from(["二、", "（二）", "2.", "第二章"]), st.sampled_from(["", " "]))
def test_marker_matches_its_bare_numeral_and_other_brackets(marker, pad):
    bare = marker.strip("、.（）")
    assert marker_matches(marker, pad + bare + pad)
    assert not marker_matches("", bare)


def test_find_section_works_on_any_heading_shaped_data():
    class H:
        def __init__(self, marker, title, depth):
            self.marker, self.title, self.depth = marker, title, depth

    top, inner = H("一、", "总体", 1), H("（一）", "目标", 2)
    tree = {None: [top], top: [inner], inner: []}
    assert find_section([top, inner], "一/(一)", lambda h: tree[h]) is inner


def _imports(path: pathlib.Path) -> list[str]:
    """Every module ``path`` imports, at any depth of its code."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found.extend(a.name for a in node.names)
    return found


def test_the_model_imports_no_serializer_and_nothing_lazily():
    names = _imports(SRC / "model.py")
    assert not [n for n in names if n.startswith(("govreport.serialize", "govreport.normalize"))]
    tree = ast.parse((SRC / "model.py").read_text(encoding="utf-8"))
    for fn in ast.walk(tree):
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            assert not any(isinstance(n, (ast.Import, ast.ImportFrom)) for n in ast.walk(fn)), fn.name
    assert [n for n in _imports(SRC / "lookup.py") if n.startswith("govreport")] == ["govreport.normalize"]


def test_no_docstring_points_to_the_design_file():
    for path in SRC.rglob("*.py"):
        assert "DESIGN" not in path.read_text(encoding="utf-8"), path
