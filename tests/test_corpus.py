"""Every command over a corpus: files, directories, globs and ``-`` in; one table out.

The fixtures are two small work reports of invented places (云岭区 2025 and 2026), a plan
with an indicator table, a file the walk skips for its suffix and a file that fails.
"""
from __future__ import annotations

import csv
import io
import json
import pathlib
import subprocess
import sys

import pytest

from govreport.cli import main
from helpers import doc, stderr_on_a_terminal

REPORT_2025 = doc("""
    2025年云岭区政府工作报告
    ——2025年1月8日在云岭区第三届人民代表大会第四次会议上
    云岭区区长 陈明
    一、2024年工作回顾
    全区地区生产总值增长5.2%，新建口袋公园12个。
    二、2025年工作安排
    今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，城镇调查失业率5.5%以内。
    新建社区食堂30个。
    """)

REPORT_2026 = doc("""
    2026年云岭区政府工作报告
    ——2026年1月7日在云岭区第三届人民代表大会第五次会议上
    云岭区区长 陈明
    一、2025年工作回顾
    全区地区生产总值增长5.6%，城镇调查失业率5.1%。
    二、2026年工作安排
    今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。
    新增养老床位800张。
    """)

PLAN = doc("""
    青禾市国民经济和社会发展第十五个五年规划纲要
    第一章 主要目标
    序号	指标	2025年	2030年	属性
    1	地区生产总值增长（%）	5.5	5左右	预期性
    2	城镇新增就业（万人）	30	30以上	预期性
    """)

CORRUPT = "一、总体要求\n".encode("gb18030") + b"\x81\x30\xff" * 8  # neither UTF-8 nor GB18030, no BOM


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "corpus"
    (root / "2025").mkdir(parents=True)
    (root / "2025" / "yunling.txt").write_text(REPORT_2025, encoding="utf-8")
    (root / "2026").mkdir()
    (root / "2026" / "yunling.txt").write_text(REPORT_2026, encoding="gb18030")
    (root / "notes.xlsx").write_bytes(b"PK\x03\x04 not read")
    return root


def cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "govreport", *args], input=stdin, capture_output=True,
                          timeout=300)
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode("utf-8"),
                                       done.stderr.decode("utf-8"))


def table(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def run_main(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


# -- inputs --------------------------------------------------------------------------

def test_a_directory_gives_one_table_with_the_file_region_and_year_of_each_row(corpus, capsys):
    code, out, err = run_main(capsys, "metrics", str(corpus), "-j", "1")
    assert code == 0
    assert out.count("file,region,report_year,") == 1 and out.startswith("file,region,report_year,path,")
    rows = table(out)
    files = [pathlib.Path(r["file"]).relative_to(corpus).as_posix() for r in rows]
    assert files == sorted(files) and set(files) == {"2025/yunling.txt", "2026/yunling.txt"}
    assert {(r["region"], r["report_year"]) for r in rows} == {("云岭区", "2025"), ("云岭区", "2026")}
    gdp = next(r for r in rows if r["text"] == "5.5%左右")
    assert (gdp["key"], gdp["year"], gdp["target"]) == ("gdp_growth", "2025", "True")
    # the skipped file is counted and named, on one line
    assert err == (f"govreport: skipped 1 file not ending in .docx .htm .html .md .pdf .txt: "
                   f"{corpus / 'notes.xlsx'}\n")


def test_explicit_files_keep_their_order_and_a_glob_its_sorted_matches(corpus, capsys):
    new, old = corpus / "2026" / "yunling.txt", corpus / "2025" / "yunling.txt"
    _, out, _ = run_main(capsys, "metrics", str(new), str(old), "--format", "jsonl", "-j", "1")
    files = [json.loads(line)["file"] for line in out.splitlines()]
    n_new, n_old = files.count(str(new)), files.count(str(old))
    assert n_new and n_old and files == [str(new)] * n_new + [str(old)] * n_old
    _, out, err = run_main(capsys, "targets", str(corpus / "*" / "yunling.txt"), "-j", "1")
    assert [r["report_year"] for r in table(out)][:1] == ["2025"] and err == ""


def test_a_file_named_twice_is_read_once(corpus, capsys):
    path = corpus / "2025" / "yunling.txt"
    _, once, _ = run_main(capsys, "metrics", str(path), "-j", "1")
    _, twice, _ = run_main(capsys, "metrics", str(path), str(corpus / "2025"), "-j", "1")
    assert once == twice


def test_standard_input_is_read_as_bytes_so_any_encoding_or_format_works(corpus):
    data = (corpus / "2026" / "yunling.txt").read_bytes()  # GB18030
    done = cli("metrics", "-", stdin=data)
    assert done.returncode == 0, done.stderr
    rows = table(done.stdout)
    assert rows and {r["file"] for r in rows} == {"-"} and rows[0]["region"] == "云岭区"
    outline = cli("parse", "-", stdin=REPORT_2025.encode("utf-8")).stdout
    assert outline.startswith("2025年云岭区政府工作报告\n") and "==>" not in outline


def test_a_failing_file_is_named_and_the_others_are_still_written(corpus, capsys):
    (corpus / "2025" / "broken.txt").write_bytes(CORRUPT)
    code, out, err = run_main(capsys, "metrics", str(corpus), "-j", "1")
    assert code == 1
    assert {pathlib.Path(r["file"]).name for r in table(out)} == {"yunling.txt"}
    lines = err.splitlines()
    assert lines[0].startswith(f"govreport: {corpus / '2025' / 'broken.txt'}: input is not UTF-8 or GB18030")
    assert lines[1].startswith("govreport: skipped 1 file") and len(lines) == 2


def test_a_missing_target_is_an_error_and_the_others_are_still_written(corpus, capsys):
    code, out, err = run_main(capsys, "targets", str(corpus / "nowhere.txt"), str(corpus / "2025"), "-j", "1")
    assert code == 1 and table(out)
    assert err == f"govreport: {corpus / 'nowhere.txt'}: No such file or directory\n"


def test_when_every_file_fails_nothing_is_written(tmp_path, capsys):
    (tmp_path / "a.txt").write_bytes(CORRUPT)
    (tmp_path / "b.txt").write_bytes(CORRUPT)
    code, out, err = run_main(capsys, "metrics", str(tmp_path), "-j", "1")
    assert code == 1 and out == "" and err.count("govreport: ") == 2


def test_only_skipped_files_is_no_input(tmp_path, capsys):
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    code, out, err = run_main(capsys, "indicators", str(tmp_path))
    assert code == 2 and out == ""
    assert err.splitlines() == [f"govreport: skipped 1 file not ending in .docx .htm .html .md .pdf .txt: "
                                f"{tmp_path / 'data.csv'}",
                                f"govreport: no input files found (looked for {tmp_path})"]


def test_many_skipped_files_are_counted_and_the_first_named(tmp_path, capsys):
    (tmp_path / "r.txt").write_text(REPORT_2025, encoding="utf-8")
    for i in range(12):
        (tmp_path / f"sheet{i:02}.csv").write_text("x\n", encoding="utf-8")
    _, _, err = run_main(capsys, "outline", str(tmp_path))
    line, = err.splitlines()
    assert line.startswith("govreport: skipped 12 files not ending in") and line.endswith(" and 2 more")
    assert "sheet09.csv" in line and "sheet10.csv" not in line


# -- what is written ---------------------------------------------------------------------

def test_parse_over_several_files_heads_each_outline(corpus, capsys):
    code, out, _ = run_main(capsys, "parse", str(corpus), "-j", "1")
    assert code == 0
    first, second = (corpus / "2025" / "yunling.txt", corpus / "2026" / "yunling.txt")
    assert out.startswith(f"==> {first} <==\n2025年云岭区政府工作报告\n")
    assert f"\n\n==> {second} <==\n2026年云岭区政府工作报告\n" in out
    _, single, _ = run_main(capsys, "parse", str(first))
    assert "==>" not in single and single in out


def test_parse_json_over_several_files_writes_json_lines(corpus, capsys):
    code, out, _ = run_main(capsys, "parse", str(corpus), "--format", "json", "-j", "1")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(records) == 2
    assert [pathlib.Path(r["path"]).parent.name for r in records] == ["2025", "2026"]
    assert records[0]["report"]["meta"]["year"] == 2025 and records[0]["report"]["text"] == REPORT_2025


def test_parse_json_of_one_file_is_the_report_itself(corpus, capsys):
    _, out, _ = run_main(capsys, "parse", str(corpus / "2025" / "yunling.txt"), "--format", "json")
    assert json.loads(out)["schema"] == "govreport/1" and out.count("\n") == 1


def test_no_text_leaves_the_text_out_and_from_dict_says_why_it_cannot_read_it(corpus, capsys):
    import govreport

    path = str(corpus / "2025" / "yunling.txt")
    _, full, _ = run_main(capsys, "parse", path, "--format", "json")
    _, lean, _ = run_main(capsys, "parse", path, "--format", "json", "--no-text")
    full_doc, lean_doc = json.loads(full), json.loads(lean)
    assert "text" not in lean_doc and lean_doc == {k: v for k, v in full_doc.items() if k != "text"}
    assert len(lean) < len(full)
    with pytest.raises(ValueError, match="no text"):
        govreport.Report.from_dict(lean_doc)
    assert govreport.Report.from_dict(full_doc) == govreport.parse_file(path)


def test_indicator_tables_of_a_corpus_share_one_header_with_the_union_of_their_columns(tmp_path, capsys):
    (tmp_path / "a_plan.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "b_plan.txt").write_text(PLAN.replace("2030年", "目标"), encoding="utf-8")
    (tmp_path / "c_report.txt").write_text(REPORT_2025, encoding="utf-8")
    code, out, _ = run_main(capsys, "indicators", str(tmp_path), "-j", "1")
    assert code == 0
    header = out.splitlines()[0].split(",")
    assert header[:8] == ["file", "region", "report_year", "number", "category", "name", "unit", "attribute"]
    assert header[8:] == ["2025", "2025_value", "2025_flags", "2030", "2030_value", "2030_flags",
                          "目标", "目标_value", "目标_flags"]
    rows = table(out)
    assert [(pathlib.Path(r["file"]).name, r["2030"], r["目标"]) for r in rows] == [
        ("a_plan.txt", "5左右", ""), ("a_plan.txt", "30以上", ""),
        ("b_plan.txt", "", "5左右"), ("b_plan.txt", "", "30以上"),
    ]


def test_targets_compare_over_a_directory(corpus, capsys):
    code, out, _ = run_main(capsys, "targets", str(corpus), "--compare", "-j", "1")
    rows = table(out)
    assert code == 0
    gdp = next(r for r in rows if r["indicator"] == "gdp_growth")
    assert (gdp["region"], gdp["year"], gdp["status"]) == ("云岭区", "2025", "met")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_encoding_of_the_output_file_and_of_standard_output(corpus, tmp_path, encoding):
    path = corpus / "2025" / "yunling.txt"
    target = tmp_path / "m.csv"
    assert cli("metrics", str(path), "-o", str(target), "--encoding", encoding).returncode == 0
    plain = cli("metrics", str(path)).stdout
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    assert data.decode(encoding) == plain
    assert data.decode(encoding).startswith("file,") and "云岭区" in data.decode(encoding)
    piped = subprocess.run([sys.executable, "-m", "govreport", "metrics", str(path), "--encoding", encoding],
                           capture_output=True, timeout=120)
    assert piped.stdout == data


def test_worker_processes_write_what_one_process_writes(corpus, tmp_path):
    (corpus / "2025" / "broken.txt").write_bytes(CORRUPT)
    (corpus / "plan.txt").write_text(PLAN, encoding="utf-8")
    for command in ("metrics", "indicators", "targets", "parse"):
        one = cli(command, str(corpus), "-j", "1")
        two = cli(command, str(corpus), "-j", "2")
        assert (two.returncode, two.stdout, two.stderr) == (one.returncode, one.stdout, one.stderr) == (
            1, one.stdout, one.stderr), command
        assert one.stdout


def test_the_output_file_is_not_read_as_an_input(corpus):
    out = corpus / "outlines.md"
    assert cli("parse", str(corpus), "-o", str(out)).returncode == 0
    again = cli("parse", str(corpus), "-o", str(out))
    assert again.returncode == 0 and out.read_text(encoding="utf-8").count("==> ") == 2


def test_progress_shows_on_a_terminal_and_not_when_piped(corpus, tmp_path):
    assert "] 2/2 files" in stderr_on_a_terminal("metrics", str(corpus), "-o", str(tmp_path / "m.csv"), "-j", "1")
    assert "\r" not in cli("metrics", str(corpus), "-o", str(tmp_path / "m.csv")).stderr


def test_help_says_several_files_make_json_lines():
    out = cli("parse", "--help").stdout
    assert "JSON lines" in out and "==> FILE <==" in out
