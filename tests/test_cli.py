"""The command line: ``python -m govreport parse FILE --format json|outline``."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from helpers import HAVE_METRICS, cli_metric_args, doc

REPORT = doc("""
    2025年重庆市政府工作报告
    ——2025年1月14日在重庆市第六届人民代表大会第三次会议上
    重庆市市长 张三
    各位代表：
    现在，我代表市人民政府向大会报告工作，请予审议。
    一、2024年工作回顾
    过去一年，全市经济运行稳中有进。
    （一）产业结构持续优化。战略性新兴产业增加值增长较快。
    （二）城乡面貌明显改善
    城市更新有序推进。
    二、2025年工作安排
    今年要坚持稳中求进，扎实推动高质量发展。
    专栏1 民生实事项目
    （一）新建改扩建中小学10所。
    （二）新增养老床位2000张。
    """)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govreport", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.fixture()
def report_file(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_parse_json(report_file):
    proc = run("parse", str(report_file), "--format", "json", *cli_metric_args())
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["schema"] == "govreport/1"
    meta = data["meta"]
    for key in ("title", "kind", "region", "level", "year", "date", "speaker", "congress"):
        assert key in meta, key
    assert meta["title"] == "2025年重庆市政府工作报告"
    assert meta["kind"] == "work_report"
    assert meta["region"] == "重庆市"
    assert meta["level"] == "provincial"
    assert meta["year"] == 2025
    assert meta["date"] == "2025-01-14"
    assert meta["speaker"] == {"name": "张三", "office": "重庆市市长"}
    assert meta["congress"] == {"name": "重庆市第六届人民代表大会", "term": 6, "session": 3}

    def walk(nodes):
        for n in nodes:
            yield n
            yield from walk(n["children"])

    nodes = list(walk(data["body"]))
    for n in nodes:
        assert {"type", "span", "children"} <= n.keys(), n
        start, end = n["span"]
        assert 0 <= start <= end <= len(REPORT)
    sections = [n for n in nodes if n["type"] == "section"]
    assert [(s["depth"], s["marker"], s["style"], s["ordinal"], s["title"]) for s in sections] == [
        (1, "一、", "N、", 1, "2024年工作回顾"),
        (2, "（一）", "（N）", 1, "产业结构持续优化"),
        (2, "（二）", "（N）", 2, "城乡面貌明显改善"),
        (1, "二、", "N、", 2, "2025年工作安排"),
    ]
    columns = [n for n in nodes if n["type"] == "column"]
    assert [(c["number"], c["title"]) for c in columns] == [(1, "民生实事项目")]
    # spans are character offsets into the text
    first = sections[0]
    assert REPORT[first["span"][0] :].startswith("一、2024年工作回顾")
    # METRIC objects, when metric extraction exists
    metrics = [m for n in nodes for m in n.get("metrics", [])]
    if HAVE_METRICS:
        assert metrics, "no metric found in 新增养老床位2000张"
    for m in metrics:
        for key in ("text", "span", "value", "value_high", "unit", "base_value", "base_unit",
                    "qualifier", "indicator", "change", "period", "year"):
            assert key in m, key
        assert isinstance(m["value"], str)  # numbers as strings
        assert REPORT[m["span"][0] : m["span"][1]] == m["text"]


def test_parse_json_is_one_json_document_in_utf8(report_file):
    proc = run("parse", str(report_file), "--format", "json", *cli_metric_args())
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("\n") == 1
    assert "重庆市" in proc.stdout  # not \\u escaped


def test_parse_outline(report_file):
    proc = run("parse", str(report_file), "--format", "outline", *cli_metric_args())
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "2025年重庆市政府工作报告"
    part_one = next(ln for ln in lines if "2024年工作回顾" in ln)
    sub = next(ln for ln in lines if "产业结构持续优化" in ln)
    part_two = next(ln for ln in lines if "2025年工作安排" in ln)

    def indent(line: str) -> int:
        return len(line) - len(line.lstrip(" "))

    assert indent(part_one) == indent(part_two)
    assert indent(sub) > indent(part_one)
    assert "一、" in part_one and "（一）" in sub
    assert lines.index(part_one) < lines.index(sub) < lines.index(part_two)
    assert proc.stderr == ""


def test_outline_is_the_default_format(report_file):
    default = run("parse", str(report_file), *cli_metric_args())
    explicit = run("parse", str(report_file), "--format", "outline", *cli_metric_args())
    assert default.returncode == 0, default.stderr
    assert default.stdout == explicit.stdout


def test_gbk_file_gives_the_same_json(tmp_path, report_file):
    gbk = tmp_path / "report-gbk.txt"
    gbk.write_bytes(REPORT.encode("gbk"))
    a = run("parse", str(report_file), "--format", "json", *cli_metric_args())
    b = run("parse", str(gbk), "--format", "json", *cli_metric_args())
    assert a.returncode == b.returncode == 0
    assert json.loads(a.stdout) == json.loads(b.stdout)


def _one_line_error(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 1
    assert proc.stdout == ""
    err = proc.stderr.strip("\n")
    assert "\n" not in err, proc.stderr
    assert "Traceback" not in err
    return err


def test_missing_file(tmp_path):
    missing = tmp_path / "nowhere.txt"
    err = _one_line_error(run("parse", str(missing), "--format", "json"))
    assert "nowhere.txt" in err


def test_undecodable_file(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("一、总体要求\n".encode("utf-8") + b"\xff\xfe\xff")
    err = _one_line_error(run("parse", str(bad), "--format", "json"))
    assert "bad.txt" in err
    assert str(len("一、总体要求\n".encode("utf-8"))) in err  # the byte offset


def test_a_directory_without_reports_is_bad_usage(tmp_path):
    proc = run("parse", str(tmp_path))
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == f"govreport: no input files found (looked for {tmp_path})\n"


def test_bad_usage_exits_2(report_file):
    proc = run("parse", str(report_file), "--format", "yaml")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


def test_metrics_command_writes_one_csv_row_per_metric_with_its_section_path(tmp_path):
    import csv
    import io

    path = tmp_path / "r.txt"
    path.write_text("一、工作回顾\n（一）经济运行。地区生产总值增长5.1%左右，新增企业1200家。\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "govreport", "metrics", str(path)],
                         capture_output=True, text=True, check=True).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["path"], r["text"], r["base_value"], r["base_unit"], r["qualifier"]) for r in rows] == [
        ("一、/（一）", "5.1%左右", "5.1", "%", "approx"),
        ("一、/（一）", "1200家", "1200", "家", ""),
    ]
    jsonl = subprocess.run([sys.executable, "-m", "govreport", "metrics", str(path), "--format", "jsonl"],
                           capture_output=True, text=True, check=True).stdout
    assert [json.loads(line)["section"] for line in jsonl.splitlines()] == ["经济运行", "经济运行"]


COMMANDS = ("parse", "outline", "metrics", "indicators", "batch")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_documents_examples_and_exit_codes(command):
    proc = run(command, "--help")
    assert proc.returncode == 0
    assert f"govreport {command} " in proc.stdout.split("examples:")[1]
    assert "exit codes:" in proc.stdout and "2  bad usage" in proc.stdout


@pytest.mark.parametrize("command", COMMANDS[:4])
def test_every_command_answers_bad_input_with_one_line(tmp_path, command):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("一、总体要求\n".encode("gb18030") + b"\x81\x30\xff")
    err = _one_line_error(run(command, str(bad)))
    assert err.startswith(f"govreport: {bad}: ") and "offset 13" in err


def test_the_top_level_help_lists_every_command():
    out = run("--help").stdout
    assert all(command in out for command in COMMANDS)


def test_indicators_of_the_demo_plan(tmp_path):
    import csv
    import io
    import pathlib

    plan = pathlib.Path(__file__).resolve().parents[1] / "examples" / "demo_plan.txt"
    proc = run("indicators", str(plan))
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert len(rows) == 9 and rows[0]["2030_flags"] == "five_year_average approx"


def test_a_closed_output_pipe_is_not_a_traceback(tmp_path):
    # Like `govreport parse big.txt --format json | head -c 10`: stdout is a pipe whose
    # reader has gone (made explicitly, since shells and Popen may drain the pipe first).
    import pathlib

    big = tmp_path / "big.txt"
    demo = (pathlib.Path(__file__).resolve().parents[1] / "examples" / "demo_report.txt").read_text(encoding="utf-8")
    big.write_text(demo * 40, encoding="utf-8")
    code = ("import os, sys\n"
            "r, w = os.pipe(); os.close(r); os.dup2(w, 1)\n"
            "from govreport.cli import main\n"
            f"sys.exit(main(['parse', {str(big)!r}, '--format', 'json']))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in proc.stderr and proc.returncode == 1, proc.stderr


def test_strict_names_every_problem_with_its_span(tmp_path):
    gap = tmp_path / "gap.txt"
    gap.write_text("一、甲\n乙。\n三、丙\n丁。\n五、戊\n", encoding="utf-8")
    proc = run("parse", str(gap), "--strict")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert lines[0] == f"govreport: {gap}: 2 problem(s) found:"
    assert [line.split()[0] for line in lines[1:]] == ["ordinal-gap", "ordinal-gap"]
    assert lines[1].split()[1] == "[7:10]"  # the heading 三、丙


@pytest.mark.parametrize("command", COMMANDS[:4])
def test_every_single_file_command_takes_strict(tmp_path, command):
    gap = tmp_path / "gap.txt"
    gap.write_text("一、甲\n乙。\n三、丙\n丁。\n", encoding="utf-8")
    assert run(command, str(gap)).returncode == 0
    proc = run(command, str(gap), "--strict")
    assert proc.returncode == 1 and "ordinal-gap" in proc.stderr and not proc.stdout
