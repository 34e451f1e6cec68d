"""PDF input: PDFs we make at test time (reportlab, ``STSong-Light``), in our own words.

They have what published reports have: lines broken at the page width with a first-line
indent, page numbers and a running header, a paragraph running across a page break, a
ruled table with merged cells, a three-line table, a 专栏 box drawn as a frame, a heading
the content stream runs onto the line before it, and an image-only page; plus damaged,
encrypted and text-less PDFs, which give one clear error.
"""
from __future__ import annotations

import builtins
import json
from typing import Any

import pytest

pytest.importorskip("pypdfium2", reason="the pdf extra (pypdfium2, pdfplumber) is not installed")
pytest.importorskip("pdfplumber", reason="the pdf extra (pypdfium2, pdfplumber) is not installed")
pytest.importorskip("reportlab", reason="reportlab (test extra) is not installed")

from govreport import parse_bytes, parse_file  # noqa: E402
from govreport.batch import find_files, parse_many  # noqa: E402
from govreport.decode import read_input  # noqa: E402
from govreport.extract import FormatError  # noqa: E402
from govreport.model import Furniture, FurnitureKind, Paragraph, Report  # noqa: E402
from govreport.normalize import normalize  # noqa: E402
from tests.helpers import check_coverage, check_roundtrip, check_spans  # noqa: E402
from tests.pdf_fixtures import FONT, LEADING, LEFT, SIZE, WIDTH, Writer, image_only_pdf  # noqa: E402

HEADER = "青禾市人民政府公报"
LONG_OPENING = "过去一年，全市上下迎难而上，经济运行总体平稳，"
LONG_CLOSING = "各项民生实事如期完成，群众获得感持续增强。"


def _filler(n: int, seed: str) -> str:
    words = ["推进产业升级", "完善公共服务", "加强生态治理", "深化改革开放", "稳定就业大局", "提升城市品质"]
    return "".join(f"{seed}{words[(k + len(seed)) % len(words)]}取得新进展，" for k in range(n))


def _report_pdf() -> bytes:
    w = Writer(header=HEADER)
    w.centred("青禾市政府工作报告", size=18)
    w.line("各位代表：")
    w.paragraph("现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员提出意见。")
    w.line("一、过去一年的工作")
    # a long paragraph: it runs across the first page break
    w.paragraph(LONG_OPENING + _filler(14, "全年") + "城乡居民收入增长2.5万亿元，" + _filler(10, "各区") + LONG_CLOSING)
    w.line("（一）经济运行稳中有进")
    w.paragraph("地区生产总值增长5.2%，一般公共预算收入增长6.1%，城镇新增就业3.2万人。" + _filler(3, "工业"))
    w.paragraph("主要指标如下表。")
    w.table(
        [["类别", "指标", "单位", "2025年", "属性"],
         ["经济发展", "地区生产总值增长", "%", "5左右", "预期性"],
         ["", "城镇调查失业率", "%", "5.5以内", "预期性"],
         ["绿色生态", "单位生产总值能耗下降", "%", "3", "约束性"]],
        [80, 140, 50, 70, 60], ruled=True, merged=[(1, 0, 2, 1)])
    w.line("表1 2025年主要产品产量")
    w.table([["产品", "产量（万吨）", "增长（%）"], ["粮食", "120.5", "1.2"], ["蔬菜", "88.0", "-0.4"],
             ["水果", "30.2", "2.8"]], [140, 120, 120], ruled=False)
    w.paragraph("以上数据为初步统计。")
    w.box("专栏1 民生实事工程", ["1.新建改建学校十所，新增学位八千个。", "2.改造老旧小区一百个，惠及居民三万户。"])
    # a centred heading the content stream runs onto the end of the line before it
    c = w.canvas
    text = c.beginText(LEFT + 2 * SIZE, w.y)
    text.setFont(FONT, SIZE)
    text.textOut("今年以来各项工作扎实推进。")
    text.setTextOrigin(LEFT + WIDTH / 2 - 4 * SIZE, w.y - LEADING - 6)
    text.textOut("二、今年的主要任务")
    c.drawText(text)
    w.y -= 2 * LEADING + 6
    w.paragraph("今年要突出重点，抓好落实。" + _filler(4, "重点"))
    w.image_page()
    w.line("（一）加快建设现代化产业体系")
    w.paragraph("坚持实体经济为本，培育壮大新兴产业。" + _filler(2, "新兴"))
    return w.bytes()


@pytest.fixture(scope="module")
def report() -> Report:
    return parse_bytes(_report_pdf())


def _paragraph_texts(report: Report) -> list[str]:
    return [n.text for n in report.walk() if isinstance(n, Paragraph)]


def test_outline_from_a_pdf(report: Report) -> None:
    outline = [(s.depth, s.marker, s.title) for s in report.sections]
    assert outline == [
        (1, "一、", "过去一年的工作"),
        (2, "（一）", "经济运行稳中有进"),
        (1, "二、", "今年的主要任务"),
        (2, "（一）", "加快建设现代化产业体系"),
    ]


def test_page_furniture_is_never_body(report: Report) -> None:
    furniture = [n for n in report.walk() if isinstance(n, Furniture) and n.kind is FurnitureKind.PAGE]
    texts = ["".join(n.text.split()) for n in furniture]
    assert "—1—" in texts and "—2—" in texts
    assert texts.count(HEADER) >= 2
    for text in _paragraph_texts(report):
        assert HEADER not in text
        assert "— " not in text
    assert all(HEADER not in s.title for s in report.sections)
    assert all(not m.text.startswith("—") for m in report.metrics)


def test_paragraph_across_a_page_break_is_one_paragraph(report: Report) -> None:
    whole = [t for t in _paragraph_texts(report) if LONG_OPENING in t]
    assert len(whole) == 1
    assert whole[0].endswith(LONG_CLOSING)
    assert "2.5万亿元" in whole[0]  # a wrapped line opening with a number is no marker
    node = next(n for n in report.walk() if isinstance(n, Paragraph) and LONG_OPENING in n.text)
    assert report.page_of(node) == 1


def test_ruled_table_with_a_merged_cell(report: Report) -> None:
    table = next(t for t in report.tables if "属性" in t.header)
    assert list(table.header) == ["类别", "指标", "单位", "2025年", "属性"]
    names = [row.cells[1].text for row in table.rows]
    assert names == ["地区生产总值增长", "城镇调查失业率", "单位生产总值能耗下降"]
    assert [row.cells[0].text for row in table.rows][:2] == ["经济发展", "经济发展"]
    assert len(report.indicators) == 3


def test_three_line_table(report: Report) -> None:
    table = next(t for t in report.tables if t.header and t.header[0] == "产品")
    assert [row.cells[0].text for row in table.rows] == ["粮食", "蔬菜", "水果"]
    assert [row.cells[1].text for row in table.rows] == ["120.5", "88.0", "30.2"]


def test_framed_box_is_a_box_not_a_table(report: Report) -> None:
    boxes = report.columns
    assert [(b.number, b.title) for b in boxes] == [(1, "民生实事工程")]
    assert not any("民生实事工程" in " ".join(t.header) for t in report.tables)
    assert "新建改建学校" in report.source(boxes[0])


def test_image_page_diagnostic(report: Report) -> None:
    found = [d for d in report.diagnostics if d.code == "pdf-image-page"]
    assert len(found) == 1
    image_page = next(n for n, span in enumerate(report.pages, 1) if not report.text[span.start:span.end].strip())
    assert str(image_page) in found[0].message


def test_pages_locate_nodes_and_survive_json(report: Report) -> None:
    assert len(report.pages) >= 3
    last = report.sections[-1]
    assert report.page_of(last) == len(report.pages)
    data = report.to_dict()
    assert data["pages"][0][0] == 0
    assert all("page" in node for node in data["body"])
    again = json.loads(json.dumps(data, ensure_ascii=False))
    assert Report.from_dict(again) == report


def test_invariants(report: Report) -> None:
    check_spans(report)
    check_coverage(report)
    check_roundtrip(report)


def test_same_report_from_file_and_bytes(tmp_path: Any, report: Report) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(_report_pdf())
    assert parse_file(path) == report


def test_letter_spaced_heading_reads_whole() -> None:
    w = Writer(number=None)
    w.line("2023年青禾市统计公报")
    w.canvas.drawString(LEFT + 120, w.y, "一、综合", charSpace=1.2 * SIZE)  # set wide, as centred headings are
    w.y -= LEADING
    w.paragraph("全年地区生产总值增长4.8%，" + _filler(3, "各业"))
    report = parse_bytes(w.bytes())
    assert [(s.marker, s.title) for s in report.sections if s.marker] == [("一、", "综合")]


def test_batch_takes_pdf(tmp_path: Any) -> None:
    (tmp_path / "a.pdf").write_bytes(_report_pdf())
    (tmp_path / "b.txt").write_text("一、总体要求\n正文。\n", encoding="utf-8")
    files = find_files([tmp_path])
    assert [f.name for f in files] == ["a.pdf", "b.txt"]
    results = list(parse_many(files))
    assert all(r.ok for r in results)


# -- errors ---------------------------------------------------------------------------------

def test_damaged_pdf_is_a_format_error() -> None:
    data = _report_pdf()
    with pytest.raises(FormatError, match="damaged PDF"):
        parse_bytes(data[:200])
    with pytest.raises(FormatError, match="PDF"):
        parse_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)


def test_encrypted_pdf_is_a_format_error() -> None:
    w = Writer(encrypt="secret")
    w.paragraph("这是一份加密的文件。")
    with pytest.raises(FormatError, match="encrypted PDF"):
        parse_bytes(w.bytes())


def test_no_text_layer_says_ocr() -> None:
    with pytest.raises(FormatError, match="no text layer: run OCR first"):
        parse_bytes(image_only_pdf())


def test_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("pypdfium2") or name.startswith("pdfplumber"):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(FormatError, match=r'pip install "govreport\[pdf\]"'):
        parse_bytes(b"%PDF-1.4\n%%EOF\n")


def test_pdf_error_names_pdf_not_an_encoding() -> None:
    with pytest.raises(FormatError) as info:
        read_input(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n")
    assert "PDF" in str(info.value)


# -- characters ------------------------------------------------------------------------------

def test_font_characters_normalize_one_to_one() -> None:
    raw = "⼀⼆、发展\ufffe目标\ue001（⼗）"
    norm = normalize(raw)
    assert len(norm) == len(raw)
    assert norm == "一二、发展-目标\ufffd（十）"


def test_kangxi_heading_read_as_marker() -> None:
    from govreport import parse

    report = parse("⼀、总体要求\n坚持稳中求进。\n⼆、主要任务\n扎实推进各项工作。\n")
    assert [s.ordinal for s in report.sections] == [1, 2]
    assert report.sections[0].marker == "⼀、"


def test_a_table_continued_on_the_next_page_is_one_table() -> None:
    header = ["指标", "单位", "2030年", "属性"]
    w = Writer(header=HEADER)
    w.line("一、主要目标")
    w.paragraph("到2030年，全市主要指标如下表。")
    w.table([header, ["地区生产总值增长", "%", "5左右", "预期性"], ["城镇调查失业率", "%", "5.5以内", "预期性"]],
            [160, 60, 80, 70], ruled=True)
    w.new_page()
    w.table([header, ["森林覆盖率", "%", "45", "约束性"], ["人均预期寿命", "岁", "80", "预期性"]],
            [160, 60, 80, 70], ruled=True)
    w.new_page()  # (a running header is told by its standing on three pages or more)
    w.line("二、主要任务")
    w.paragraph("推进产业升级，扩大有效投资。")
    report = parse_bytes(w.bytes())
    (table,) = report.tables
    assert [row.cells[0].text for row in table.rows] == ["地区生产总值增长", "城镇调查失业率", "森林覆盖率", "人均预期寿命"]
    assert [i.name for i in report.indicators] == ["地区生产总值增长", "城镇调查失业率", "森林覆盖率", "人均预期寿命"]
    assert [report.page_of(row.span) for row in table.rows] == [1, 1, 2, 2]
    assert not any(HEADER in p.text for p in report.walk() if isinstance(p, Paragraph))
    assert [s.title for s in report.sections] == ["主要目标", "主要任务"]
    check_spans(report)
    check_coverage(report)


def test_a_table_without_rules_is_read_from_its_words() -> None:
    """A table set as text at column positions, with no rule at all: its rows reach the
    right margin yet are no wrapped prose, and their words are its cells."""
    w = Writer()
    w.line("第二章 主要目标")
    w.paragraph("到2030年，全市主要指标如下。")
    rows = [["类别", "序号", "指标", "2025年", "2030年", "属性"],
            ["经济发展", "1", "地区生产总值增长（%）", "5.6", "5左右", "预期性"],
            ["", "2", "全员劳动生产率增长（%）", "6.1", "6", "预期性"],
            ["创新驱动", "3", "研发经费投入强度（%）", "2.3", "2.8", "预期性"]]
    xs = [LEFT, LEFT + 60, LEFT + 110, LEFT + 290, LEFT + 350, LEFT + 410]
    for row in rows:
        for x, cell in zip(xs, row):
            if cell:
                w.canvas.drawString(x, w.y, cell)
        w.y -= 22
    w.line("第三章 重点任务")
    w.paragraph("建设省实验室10家。")
    report = parse_bytes(w.bytes())
    assert [(i.number, i.category, i.name, [str(v.value) for v in i.values]) for i in report.indicators] == [
        (1, "经济发展", "地区生产总值增长", ["5.6", "5"]),
        (2, "经济发展", "全员劳动生产率增长", ["6.1", "6"]),
        (3, "创新驱动", "研发经费投入强度", ["2.3", "2.8"]),
    ]
    assert [s.title for s in report.sections] == ["主要目标", "重点任务"]
    check_spans(report)
    check_coverage(report)
