"""HTML pages and DOCX files: read by content, the same report as the same text."""
from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import pytest

from govreport import Furniture, FurnitureKind, Table, parse, parse_bytes, parse_file
from govreport.decode import read_document
from govreport.extract import FormatError, docx_to_text, html_to_text, looks_like_html
from helpers import SHARED, check_all, outline

PAGE = """<!DOCTYPE html>
<html><head><title>示例市政府工作报告</title><style>p{color:red}</style>
<script>var x = "一、不是标题";</script></head>
<body>
<nav><a href="/">首页</a> &gt; <a href="#">政务公开</a></nav>
<div class="article">
<h1>2026年示例市政府工作报告</h1>
<p>——2026年1月8日在示例市第六届人民代表大会第三次会议上</p>
<p>示例市市长　周　明</p>
<p>各位代表：</p>
<p>　　现在，我代表市人民政府向大会报告工作。</p>
<h2>一、2025年工作回顾</h2>
<p>（一）经济运行稳中向好。全市地区生产总值增长5.2%，达到2300亿元。</p>
<p>（二）民生保障不断加强。新增城镇就业3.1万人。</p>
<h2>二、2026年工作安排</h2>
<p>主要目标是：地区生产总值增长5%左右。<br>一般公共预算收入增长3%。</p>
<table><tr><th>指标</th><th>2025年</th></tr><tr><td>地区生产总值增长（%）</td><td>5.2</td></tr></table>
</div>
<div class="footer">版权所有：示例市人民政府办公室</div>
</body></html>
"""

PLAIN = """2026年示例市政府工作报告
——2026年1月8日在示例市第六届人民代表大会第三次会议上
示例市市长　周　明
各位代表：
　　现在，我代表市人民政府向大会报告工作。
一、2025年工作回顾
（一）经济运行稳中向好。全市地区生产总值增长5.2%，达到2300亿元。
（二）民生保障不断加强。新增城镇就业3.1万人。
二、2026年工作安排
主要目标是：地区生产总值增长5%左右。
一般公共预算收入增长3%。
"""


def metric_keys(report):
    return [(m.text, m.base_value, m.base_unit, m.qualifier) for m in report.metrics]


def test_html_text_keeps_blocks_and_drops_scripts_styles_navigation():
    text = html_to_text(PAGE)
    lines = text.splitlines()
    assert "一、2025年工作回顾" in lines
    assert "一般公共预算收入增长3%。" in lines  # <br> breaks a line
    assert "指标\t2025年" in lines  # table rows become tab-separated lines
    assert not any("var x" in ln or "color:red" in ln for ln in lines)
    assert not any("首页" in ln for ln in lines)


def test_html_page_parses_to_the_same_outline_and_metrics_as_its_text():
    page = parse_bytes(PAGE.encode("utf-8"))
    plain = parse(PLAIN)
    assert outline(page) == outline(plain)
    assert page.meta.title == plain.meta.title == "2026年示例市政府工作报告"
    assert page.meta.speaker == plain.meta.speaker
    assert metric_keys(page)[: len(metric_keys(plain))] == metric_keys(plain)
    assert any(isinstance(n, Table) for n in page.walk())
    assert any(isinstance(n, Furniture) and n.kind is FurnitureKind.LICENCE for n in page.walk())
    check_all(page)


def test_html_in_gb18030_is_decoded_then_extracted():
    assert outline(parse_bytes(PAGE.encode("gb18030"))) == outline(parse(PLAIN))


def test_text_with_stray_tags_is_not_taken_for_html():
    text = "专栏 1 主要指标\n\n<b>经济发展</b>\t\t\n1\t地区生产总值增长（%）\t6\n"
    assert not looks_like_html(text)
    assert read_document(text.encode("utf-8")) == text


def make_docx(paragraphs, rows=()):
    """A minimal DOCX: one w:p per paragraph (with w:br for \\n), then one table."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    def para(text):
        runs = []
        for i, part in enumerate(text.split("\n")):
            if i:
                runs.append("<w:r><w:br/></w:r>")
            pieces = part.split("\t")
            for j, piece in enumerate(pieces):
                if j:
                    runs.append("<w:r><w:tab/></w:r>")
                runs.append(f"<w:r><w:t xml:space=\"preserve\">{piece}</w:t></w:r>")
        return "<w:p>" + "".join(runs) + "</w:p>"

    table = ""
    if rows:
        table = "<w:tbl>" + "".join(
            "<w:tr>" + "".join(f"<w:tc>{para(c)}</w:tc>" for c in row) + "</w:tr>" for row in rows
        ) + "</w:tbl>"
    body = "".join(para(p) for p in paragraphs) + table
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", document)
    return buf.getvalue()


def test_docx_paragraphs_breaks_and_tables():
    data = make_docx(PLAIN.strip().split("\n"), rows=[("指标", "2025年"), ("地区生产总值增长（%）", "5.2")])
    text = docx_to_text(data)
    assert text.splitlines()[0] == "2026年示例市政府工作报告"
    assert "指标\t2025年" in text.splitlines()
    report = parse_bytes(data)
    assert outline(report) == outline(parse(PLAIN))
    assert report.meta.speaker is not None and report.meta.speaker.name == "周明"
    check_all(report)


def test_docx_line_break_inside_a_paragraph():
    data = make_docx(["一、总体要求", "第一行\n第二行。"])
    assert "第一行\n第二行。" in docx_to_text(data)


def test_docx_is_recognised_by_content_whatever_the_name(tmp_path):
    path = tmp_path / "report.bin"
    path.write_bytes(make_docx(PLAIN.strip().split("\n")))
    assert outline(parse_file(path)) == outline(parse(PLAIN))


def test_broken_docx_raises_format_error():
    with pytest.raises(FormatError):
        docx_to_text(b"PK\x03\x04 not really a zip")


def test_docx_that_inflates_without_end_is_refused():
    """A ZIP bomb: 80 KB of DOCX whose document.xml inflates past MAX_DOCUMENT_XML. It is
    refused while inflating, with a FormatError that says why, and nothing is parsed."""
    from govreport.extract import MAX_DOCUMENT_XML

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    padding = b" " * (MAX_DOCUMENT_XML + 1)
    document = b'<w:document xmlns:w="' + w.encode() + b'"><w:body>' + padding + b"</w:body></w:document>"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", document)
    del document, padding
    data = buf.getvalue()
    assert len(data) < MAX_DOCUMENT_XML // 100
    with pytest.raises(FormatError, match="ZIP bomb"):
        docx_to_text(data)
    with pytest.raises(FormatError, match="ZIP bomb"):
        parse_bytes(data)


RAW = SHARED / "wild" / "raw"
needs_raw = pytest.mark.skipif(not RAW.is_dir(), reason=f"the raw wild files are not at {RAW}")


@needs_raw
def test_2017_national_html_page():
    report = parse_file(RAW / "2017_national_work_report.html")
    parts = [s for s in report.sections if s.depth == 1]
    assert [p.title for p in parts] == ["2016年工作回顾", "2017年工作总体部署", "2017年重点工作任务"]
    assert [s.ordinal for s in parts[2].children if hasattr(s, "ordinal")] == list(range(1, 10))
    assert report.meta.region == "全国" and report.meta.year == 2017
    assert any(m.base_unit == "元" and m.base_value == 74400000000000 for m in report.metrics)
    check_all(report)


@needs_raw
def test_2017_html_and_its_plain_text_give_the_same_outline_and_metrics():
    page = parse_file(RAW / "2017_national_work_report.html")
    plain = parse(html_to_text((RAW / "2017_national_work_report.html").read_text(encoding="utf-8")))
    assert outline(page) == outline(plain)
    assert metric_keys(page) == metric_keys(plain)


@needs_raw
def test_2025_hebei_docx():
    report = parse_file(RAW / "2025_hebei_province_work_report.docx")
    meta = report.meta
    assert (meta.title, meta.region, meta.year, meta.level.value) == ("2025年河北省政府工作报告", "河北省", 2025, "provincial")
    assert meta.speaker is not None and meta.speaker.name == "王正谱"
    assert meta.congress is not None and (meta.congress.term, meta.congress.session) == (14, 3)
    parts = [s for s in report.sections if s.depth == 1]
    assert [len([c for c in p.children if hasattr(c, "depth")]) for p in parts] == [6, 8]
    assert any(isinstance(n, Furniture) and n.kind is FurnitureKind.SOURCE for n in report.walk())
    check_all(report)


# -- merged table cells -----------------------------------------------------------------------

MERGED_PAGE = """<!DOCTYPE html><html><body>
<h2>一、发展目标</h2>
<table>
<tr><th>类别</th><th>指标</th><th colspan="2">目标值</th></tr>
<tr><th></th><th></th><th>2027年</th><th>2030年</th></tr>
<tr><td rowspan="2">绿色低碳</td><td>森林覆盖率（%）</td><td>33</td><td>35</td></tr>
<tr><td>单位地区生产总值能耗降低（%）</td><td colspan="2">〔13〕</td></tr>
<tr><td>开放合作</td><td>实际使用外资（亿美元）</td><td>8</td><td>10</td></tr>
</table>
<p>二、主要任务</p>
</body></html>
"""


def test_html_page_rowspan_and_colspan_repeat_the_merged_text():
    lines = html_to_text(MERGED_PAGE).splitlines()
    assert lines[1:6] == [
        "类别\t指标\t目标值\t目标值",
        "\t\t2027年\t2030年",
        "绿色低碳\t森林覆盖率（%）\t33\t35",
        "绿色低碳\t单位地区生产总值能耗降低（%）\t〔13〕\t〔13〕",
        "开放合作\t实际使用外资（亿美元）\t8\t10",
    ]
    report = parse_bytes(MERGED_PAGE.encode("utf-8"))
    (table,) = report.tables
    assert [r.category for r in table.rows if r.cells[1].text.endswith("）")] == ["绿色低碳", "绿色低碳", "开放合作"]
    assert [s.title for s in report.sections] == ["发展目标", "主要任务"]
    check_all(report)


def _tc(text, props=""):
    """One DOCX table cell holding ``text``, with its ``w:tcPr`` properties."""
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def _docx_with_table(rows):
    """A DOCX file written by hand: a heading, a table of ``rows`` (each its cells' XML), a heading."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    table = "<w:tbl>" + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>"
    body = '<w:p><w:r><w:t>一、主要指标</w:t></w:r></w:p>' + table + '<w:p><w:r><w:t>二、重点任务</w:t></w:r></w:p>'
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", document)
    return buf.getvalue()


def make_merged_docx():
    """A DOCX table written by hand: a vMerge over two rows, a gridSpan over two columns."""
    return _docx_with_table([
        _tc("领域") + _tc("指标") + _tc("2025年") + _tc("2030年"),
        _tc("创新驱动", '<w:vMerge w:val="restart"/>') + _tc("研发经费投入强度（%）") + _tc("2.6") + _tc("3.2"),
        _tc("", "<w:vMerge/>") + _tc("数字经济核心产业增加值占比（%）") + _tc("与全省同步", '<w:gridSpan w:val="2"/>'),
        _tc("民生福祉") + _tc("人均预期寿命（岁）") + _tc("80") + _tc("81"),
    ])


def test_docx_vmerge_and_gridspan_repeat_the_merged_text():
    data = make_merged_docx()
    lines = docx_to_text(data).splitlines()
    assert lines[1:5] == [
        "领域\t指标\t2025年\t2030年",
        "创新驱动\t研发经费投入强度（%）\t2.6\t3.2",
        "创新驱动\t数字经济核心产业增加值占比（%）\t与全省同步\t与全省同步",
        "民生福祉\t人均预期寿命（岁）\t80\t81",
    ]
    report = parse_bytes(data)
    (table,) = report.tables
    assert [r.category for r in table.rows] == ["创新驱动", "创新驱动", "民生福祉"]
    assert [[c.text for c in r.cells][2:] for r in table.rows][1] == ["与全省同步", "与全省同步"]
    assert [s.title for s in report.sections] == ["主要指标", "重点任务"]
    check_all(report)


def test_markdown_with_an_inline_table_is_not_taken_for_html():
    text = "# 示例区规划\n\n## 第一章 总则\n\n正文一段。\n\n<table><tr><td>指标</td><td>2030年</td></tr>\n<tr><td>人口（万人）</td><td>50</td></tr>\n<tr><td>绿地率（%）</td><td>40</td></tr></table>\n\n## 第二章 目标\n\n正文二段。\n"
    assert not looks_like_html(text)
    assert read_document(text.encode("utf-8")) == text


def test_html_fragment_without_a_doctype_is_still_html():
    fragment = "<div class=\"article\">\n<h4>各位代表：</h4>\n<p>现在报告工作。</p>\n<h5>一、过去一年</h5>\n<p>稳中有进。</p>\n</div>\n"
    assert looks_like_html(fragment)


def test_docx_table_with_a_two_row_header():
    """目标值 spans 2025年 and 2030年 on the row below; 指标, 单位 and 属性 are merged down
    over both rows: one header, every value under its year, nothing read as a row."""
    down, under = '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
    report = parse_bytes(_docx_with_table([
        _tc("指标", down) + _tc("单位", down) + _tc("目标值", '<w:gridSpan w:val="2"/>') + _tc("属性", down),
        _tc("", under) + _tc("", under) + _tc("2025年") + _tc("2030年") + _tc("", under),
        _tc("细颗粒物年均浓度") + _tc("微克/立方米") + _tc("30") + _tc("25") + _tc("约束性"),
        _tc("空气质量优良天数比率") + _tc("%") + _tc("85") + _tc("88") + _tc("约束性"),
    ]))
    (table,) = report.tables
    assert table.header == ("指标", "单位", "2025年", "2030年", "属性") and len(table.rows) == 2
    assert [(i.name, i.unit, i.value_for(2025).value, i.value_for(2030).value, i.attribute)
            for i in report.indicators] == [
        ("细颗粒物年均浓度", "微克/立方米", Decimal("30"), Decimal("25"), "约束性"),
        ("空气质量优良天数比率", "%", Decimal("85"), Decimal("88"), "约束性")]
    check_all(report)


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _numbered_docx(paragraphs):
    """A DOCX whose headings Word numbers itself: ``(text, props)`` paragraphs, ``props`` the
    XML of their ``w:pPr``; one list (numId 1) of 一、 / （一） / 1. levels, a style
    ``Heading1`` numbered at its first level, and a bullet list (numId 2)."""
    numbering = (
        f'<w:numbering xmlns:w="{W_NS}">'
        '<w:abstractNum w:abstractNumId="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
        '</w:abstractNum>'
        '<w:abstractNum w:abstractNumId="1">'
        '<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        '</w:numbering>'
    )
    styles = (f'<w:styles xmlns:w="{W_NS}"><w:style w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/>'
              '</w:numPr></w:pPr></w:style></w:styles>')
    body = "".join(f"<w:p><w:pPr>{props}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>" for text, props in paragraphs)
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", document)
        zf.writestr("word/numbering.xml", numbering)
        zf.writestr("word/styles.xml", styles)
    return buf.getvalue()


def _level(ilvl, num_id=1):
    return f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'


HEADING1 = '<w:pStyle w:val="Heading1"/>'


def test_docx_numbers_word_draws_are_written_before_their_paragraphs():
    data = _numbered_docx([
        ("青禾市“十五五”生态环境保护规划", ""),
        ("总体要求", HEADING1),
        ("全市生态环境质量持续改善。", ""),
        ("发展目标", _level(1)),
        ("空气质量", _level(2)),
        ("细颗粒物浓度下降到28微克/立方米。", ""),
        ("水环境质量", _level(2)),
        ("主要任务", _level(1)),
        ("新建污水处理厂3座。", ""),
        ("重点工程", _level(0)),
        ("加强组织领导", _level(1)),
        ("一张图管理，一个平台调度。", _level(0, num_id=2)),
        ("未编号的段落。", HEADING1 + _level(0, num_id=0)),
    ])
    text = docx_to_text(data)
    assert text.splitlines()[1:5] == ["一、总体要求", "全市生态环境质量持续改善。", "（一）发展目标", "1.空气质量"]
    assert "2.水环境质量" in text and "（二）主要任务" in text and "二、重点工程" in text
    assert "\n（一）加强组织领导\n" in text  # a level counts again from its start under the next 二、
    assert "\n一张图管理" in text and "\n未编号的段落。" in text  # bullets and numbering taken off: no number
    report = parse_bytes(data)
    assert [(s.depth, s.marker, s.title) for s in report.sections] == [
        (1, "一、", "总体要求"), (2, "（一）", "发展目标"), (3, "1.", "空气质量"), (3, "2.", "水环境质量"),
        (2, "（二）", "主要任务"), (1, "二、", "重点工程"), (2, "（一）", "加强组织领导"),
    ]
    assert not report.diagnostics


@pytest.mark.parametrize("fmt, n, shown", [
    ("chineseCounting", 12, "十二"), ("chineseCountingThousand", 20, "二十"), ("ideographDigital", 10, "一〇"),
    ("ideographTraditional", 3, "丙"), ("decimalEnclosedCircle", 4, "④"), ("decimalFullWidth", 7, "７"),
    ("upperLetter", 2, "B"), ("decimalZero", 5, "05"), ("upperRoman", 14, "XIV"), ("lowerRoman", 9, "ix"),
    ("cardinalText", 6, "6"),
])
def test_word_number_formats(fmt, n, shown):
    from govreport.extract import _format_number

    assert _format_number(n, fmt) == shown
