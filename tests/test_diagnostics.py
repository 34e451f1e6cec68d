"""Diagnostic codes, strict mode and decode errors.

* One registry (``govreport.errors.CODES``) holds every code; every diagnostic made in
  ``src/`` goes through ``errors.diagnostic`` with a registered code (read from the source
  with ``ast``), every diagnostic a parse emits carries a registered code and the severity
  the registry gives it, and ``docs/diagnostics.md`` lists exactly the registered codes,
  each with an example input that triggers it (parsed here).
* ``strict=True`` raises one ``ParseError`` listing every warning and error with its span.
* ``DecodeError.offset`` is the first byte no encoding tried can decode, in every fallback.
"""
from __future__ import annotations

import ast
import codecs
import contextlib
import io
import pathlib
import pickle
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govreport
from govreport import DecodeError, ParseError, Severity, Span, parse_bytes
from govreport.decode import decode
from govreport.errors import CODES, diagnostic

from helpers import check_decode_offset, check_diagnostics, doc, parse_text

ROOT = pathlib.Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "govreport"
DOCS = ROOT / "docs" / "diagnostics.md"


# -- the registry and where codes come from ---------------------------------------------------

def _calls(tree: ast.AST, name: str) -> list[tuple[ast.Call, ast.AST | None]]:
    """Calls of ``name(...)`` or ``x.name(...)``, each with its enclosing function."""
    found: list[tuple[ast.Call, ast.AST | None]] = []

    def visit(node: ast.AST, func: ast.AST | None) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else func
            if isinstance(child, ast.Call):
                f = child.func
                if (isinstance(f, ast.Name) and f.id == name) or (isinstance(f, ast.Attribute) and f.attr == name):
                    found.append((child, func))
            visit(child, inner)

    visit(tree, None)
    return found


def _strings_assigned(func: ast.AST, variable: str) -> list[str]:
    """String constants assigned to ``variable`` in ``func``, tuple unpacking included."""
    values: list[str] = []
    for node in ast.walk(func):
        if not isinstance(node, ast.Assign):
            continue
        for target in node.targets:
            if isinstance(target, ast.Name) and target.id == variable and isinstance(node.value, ast.Constant):
                values.append(node.value.value)
            if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                for t, v in zip(target.elts, node.value.elts):
                    if isinstance(t, ast.Name) and t.id == variable and isinstance(v, ast.Constant):
                        values.append(v.value)
    return values


def emitted_codes() -> dict[str, list[str]]:
    """Every code passed to ``diagnostic(...)`` in the package, with where it is used."""
    codes: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call, func in _calls(tree, "diagnostic"):
            where = f"{path.relative_to(ROOT)}:{call.lineno}"
            arg = call.args[0] if call.args else None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found = [arg.value]
            elif isinstance(arg, ast.Name) and func is not None:
                found = _strings_assigned(func, arg.id)
            else:
                found = []
            assert found, f"{where}: the code given to diagnostic() cannot be read from the source"
            for code in found:
                codes.setdefault(code, []).append(where)
    return codes


def test_every_diagnostic_is_made_through_the_registry() -> None:
    """No ``Diagnostic(...)`` outside errors.py (which makes them) and the JSON reader (which reads them back)."""
    allowed = {SRC / "errors.py", SRC / "serialize" / "json.py"}
    direct = [
        f"{path.relative_to(ROOT)}:{call.lineno}"
        for path in sorted(SRC.rglob("*.py")) if path not in allowed
        for call, _ in _calls(ast.parse(path.read_text(encoding="utf-8")), "Diagnostic")
    ]
    assert direct == [], "make diagnostics with govreport.errors.diagnostic(code, message, span)"


def test_every_code_used_in_the_source_is_registered() -> None:
    codes = emitted_codes()
    assert codes, "no diagnostic() call found: the scan is broken"
    assert {c: w for c, w in codes.items() if c not in CODES} == {}


def test_every_registered_code_is_used() -> None:
    assert sorted(set(CODES) - set(emitted_codes())) == []


def test_codes_are_stable_names_with_a_meaning() -> None:
    for code, info in CODES.items():
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)+", code), code
        assert isinstance(info.severity, Severity)
        assert info.meaning and "\n" not in info.meaning


def test_diagnostic_takes_the_severity_from_the_registry_and_refuses_unknown_codes() -> None:
    made = diagnostic("ordinal-gap", "三、 follows 一、", Span(3, 6))
    assert (made.code, made.severity, made.span) == ("ordinal-gap", CODES["ordinal-gap"].severity, Span(3, 6))
    with pytest.raises(ValueError, match="unregistered"):
        diagnostic("no-such-code", "", Span(0, 0))


# -- the documentation ---------------------------------------------------------------------------

def doc_table() -> dict[str, tuple[str, str, str]]:
    """The code table of docs/diagnostics.md: code → (severity, example input, what the parser does)."""
    rows: dict[str, tuple[str, str, str]] = {}
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\| `(?P<code>[a-z-]+)` \| (?P<sev>\w+) \| [^|]+ \| `(?P<example>[^`]+)` \| (?P<does>[^|]+) \|$", line)
        if m:
            rows[m.group("code")] = (m.group("sev"), ast.literal_eval(m.group("example")), m.group("does").strip())
    return rows


def test_every_registered_code_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    assert [code for code in CODES if f"`{code}`" not in text] == []
    assert sorted(doc_table()) == sorted(CODES), "the table of docs/diagnostics.md and CODES differ"


@pytest.mark.parametrize("code", sorted(CODES))
def test_each_documented_example_triggers_its_code(code: str) -> None:
    severity, example, does = doc_table()[code]
    assert severity == CODES[code].severity.value
    assert does
    if isinstance(example, bytes):  # a code of a binary input (a PDF): the example is its bytes
        pytest.importorskip("pypdfium2", reason="the pdf extra is not installed")
        report = parse_bytes(example)
    else:
        report = parse_text(example)
    assert code in [d.code for d in report.diagnostics], (code, example, report.diagnostics)


def test_the_python_examples_of_the_page_print_what_it_shows() -> None:
    text = DOCS.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```\n\n<!-- docs-test: output -->\n```text\n(.*?)```", text, re.S)
    assert len(blocks) == len(re.findall(r"```python\n", text)) == 3
    for code, shown in blocks:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, str(DOCS), "exec"), {"__name__": "__docs__"})
        assert out.getvalue() == shown


# -- what parses emit ---------------------------------------------------------------------------

CORPUS = [
    doc("""
        二、主要任务
        推进各项工作。
        （一）扩大内需
        推进各项工作。
        （三）深化改革
        推进各项工作。
        （三）扩大开放
        推进各项工作。
        专栏 2 重点工程
        （二）铁路项目
        指标\t2025年\t2030年
        粮食产量（万吨）\t120
        森林覆盖率（%）\t20.1\t22\t多余
        1. 第一项
        3. 第三项
        第二章 总体要求
        第四章 保障措施
        """),
    "一、总体要求\n稳字当头。\n一、总体要求\n稳字当头。\n",
    "| 指标 | 2025年 |\n|---|---|\n| 人口（万人） | 1 | 2 |\n",
]


@pytest.mark.parametrize("text", CORPUS + [row[1] for row in doc_table().values() if isinstance(row[1], str)])
def test_emitted_diagnostics_are_registered_with_their_severity(text: str) -> None:
    report = parse_text(text)
    assert report.diagnostics and all(d.message for d in report.diagnostics)
    check_diagnostics(report)


# -- strict mode ----------------------------------------------------------------------------------

PROBLEMS = doc("""
    二、主要任务
    推进各项工作。
    （一）扩大内需
    推进各项工作。
    （一）扩大开放
    推进各项工作。
    四、保障措施
    强化保障。
    指标\t2025年\t2030年
    粮食产量（万吨）\t120
    """)


def test_strict_raises_one_error_listing_every_problem_with_its_span() -> None:
    lenient = parse_text(PROBLEMS)
    assert [d.code for d in lenient.diagnostics] == ["ordinal-start", "ordinal-restart", "ordinal-gap", "table-ragged-row"]
    with pytest.raises(ParseError) as info:
        parse_text(PROBLEMS, strict=True)
    error = info.value
    assert error.diagnostics == lenient.diagnostics
    message = str(error)
    assert message.startswith("4 problem(s) found:")
    for d in error.diagnostics:
        assert f"{d.code} [{d.span.start}:{d.span.end}] {d.message}" in message
    spans = [PROBLEMS[d.span.start : d.span.end] for d in error.diagnostics]
    assert spans == ["二、主要任务", "（一）扩大开放", "四、保障措施", "粮食产量（万吨）\t120"]


def test_strict_returns_the_same_report_when_there_is_nothing_to_report() -> None:
    text = "一、总体要求\n稳字当头。\n二、主要任务\n抓好落实。\n"
    assert parse_text(text, strict=True) == parse_text(text)
    assert parse_text(text).diagnostics == ()


def test_strict_through_bytes_and_files(tmp_path: pathlib.Path) -> None:
    data = PROBLEMS.encode("gb18030")
    with pytest.raises(ParseError) as from_bytes:
        govreport.parse_bytes(data, strict=True)
    path = tmp_path / "problems.txt"
    path.write_bytes(codecs.BOM_UTF8 + PROBLEMS.encode("utf-8"))
    with pytest.raises(ParseError) as from_file:
        govreport.parse_file(path, strict=True)
    assert from_bytes.value.diagnostics == from_file.value.diagnostics == parse_text(PROBLEMS).diagnostics


def test_errors_survive_pickling() -> None:
    with pytest.raises(ParseError) as info:
        parse_text(PROBLEMS, strict=True)
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is ParseError and again.diagnostics == info.value.diagnostics
    assert str(again) == str(info.value)
    error = DecodeError(7, "neither UTF-8 nor GB18030")
    again_d = pickle.loads(pickle.dumps(error))
    assert (again_d.offset, again_d.reason, str(again_d)) == (7, error.reason, str(error))


# -- DecodeError.offset ---------------------------------------------------------------------------

TEXT = "一、总体要求\n全年地区生产总值增长5%左右，城镇新增就业12万人。€𠀀\n（一）扩大内需\n"
"""Our own sentence, with a character outside GBK (€ is in it, 𠀀 needs GB18030's four bytes)."""

BOUNDARIES = [0, 1, 3, 7, 12, 20, len(TEXT) - 4, len(TEXT) - 2, len(TEXT)]


def _fallback(name: str, text: str) -> bytes:
    return {"utf-8-bom": lambda: codecs.BOM_UTF8 + text.encode("utf-8"),
            "utf-8": lambda: text.encode("utf-8"),
            "gb18030": lambda: text.encode("gb18030")}[name]()


@pytest.mark.parametrize("fallback", ["utf-8-bom", "utf-8", "gb18030"])
@pytest.mark.parametrize("cut", BOUNDARIES)
@pytest.mark.parametrize("bad", [b"\xff", b"\xff\xff", b"\xff\x80"])
def test_offset_of_a_bad_byte_at_each_position_in_each_encoding(fallback: str, cut: int, bad: bytes) -> None:
    """0xFF is invalid everywhere in UTF-8 and in GB18030: the offset is where it is.
    (``FF FE`` at the start would be a UTF-16 byte-order mark: see test_decode.py.)"""
    head = _fallback(fallback, TEXT[:cut])
    data = head + bad + TEXT[cut:].encode("utf-8" if fallback != "gb18030" else "gb18030")
    with pytest.raises(DecodeError) as info:
        decode(data)
    assert info.value.offset == len(head), (fallback, cut, bad)
    assert str(len(head)) in str(info.value)
    with pytest.raises(DecodeError) as again:
        govreport.parse_bytes(data)
    assert again.value.offset == info.value.offset


def test_offset_after_a_bom_counts_the_bom_and_gb18030_is_not_tried() -> None:
    body = "中国\n".encode("gb18030")  # valid GB18030; D6 D0 is no UTF-8 sequence
    with pytest.raises(DecodeError) as info:
        decode(codecs.BOM_UTF8 + body)
    assert info.value.offset == 3
    assert "BOM" in str(info.value)


@pytest.mark.parametrize(
    ("data", "offset"),
    [
        pytest.param(codecs.BOM_UTF8 + "一、".encode("utf-8") + b"\xe4\xb8", 3 + 6, id="utf-8-bom-truncated-at-the-end"),
        pytest.param("一、总体要求".encode("gb18030") + b"\x81", 12, id="gb18030-lead-byte-at-the-end"),
        pytest.param("一、".encode("gb18030") + b"\x81\x30\x81", 4, id="gb18030-four-byte-sequence-cut"),
        pytest.param("一、".encode("gb18030") + b"\x81\x30\xff\x30", 4, id="gb18030-four-byte-sequence-broken"),
        pytest.param(b"\x80" + "一".encode("utf-8"), 0, id="first-byte"),
        pytest.param("abc".encode("ascii") + b"\xff", 3, id="last-byte"),
    ],
)
def test_offset_of_truncated_and_broken_sequences(data: bytes, offset: int) -> None:
    with pytest.raises(DecodeError) as info:
        decode(data)
    assert info.value.offset == offset


byte_inputs = st.one_of(
    st.binary(max_size=64),
    st.builds(lambda t, b, cut: (lambda raw: raw[:cut % (len(raw) + 1)] + b + raw[cut % (len(raw) + 1):])(t),
              st.sampled_from([TEXT.encode("utf-8"), TEXT.encode("gb18030"), codecs.BOM_UTF8 + TEXT.encode("utf-8")]),
              st.binary(min_size=1, max_size=3), st.integers(min_value=0)),
)


@settings(deadline=None)
@given(byte_inputs)
def test_decode_offset_is_where_every_encoding_has_failed(data: bytes) -> None:
    check_decode_offset(data)
