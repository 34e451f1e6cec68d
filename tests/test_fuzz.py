"""Fuzzing: Hypothesis with a large example budget on report-shaped text and on bytes.

Run with ``python -m pytest -m fuzz`` (the default run leaves these out: see ``addopts`` in
``pyproject.toml``). ``GOVREPORT_FUZZ_EXAMPLES`` sets the examples per test (default 1500).

The strategies compose what reports are made of, in our own words: front matter, headings
in every marker style, prose with quantities (Arabic, full-width and Chinese numerals,
magnitudes, units, qualifiers, ranges, 百分之, 翻番, years), enumerations, 专栏 boxes with
entries and sub-headings, tables (tab and pipe rows, category rows, cell markers, repeated
headers, notes), figure captions, web clutter, and the noise of real files (page breaks in
mid-sentence, page numbers, CRLF, indents, zero-width and no-break spaces, markup).

For each text: ``parse`` (metrics on) does not raise; spans are in range and nested; every
non-blank character is covered; the report survives JSON; every metric's text is its span;
diagnostics carry registered codes; ``strict=True`` raises exactly the lenient warnings.
For bytes: ``parse_bytes`` gives a report or a ``DecodeError`` at the first byte that no
encoding tried can decode; encoded reports read back as the same report; a 0xFF put between
two characters is found where it is; reports saved as HTML pages (with malformed markup)
and as damaged DOCX files give a report or, for DOCX, a ``FormatError``.
"""
from __future__ import annotations

import codecs
import io
import os
import random
import zipfile
from xml.sax.saxutils import escape

import cn2an
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govreport
from govreport import DecodeError, Report
from govreport.extract import FormatError, looks_like_html

from helpers import NOT_TEXT, check_all, check_decode_offset, check_diagnostics, check_strict, decodes

pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("GOVREPORT_FUZZ_EXAMPLES", "1500"))

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


# -- words and numbers ------------------------------------------------------------------------------

SUBJECTS = ["全市地区生产总值", "一般公共预算收入", "规模以上工业增加值", "社会消费品零售总额", "城镇新增就业",
            "居民人均可支配收入", "研发经费投入强度", "新建改造农村公路", "常住人口城镇化率", "森林覆盖率",
            "细颗粒物（PM2.5）平均浓度", "“十四五”规划目标", "《政府工作报告》", "5G基站", "地铁5号线"]
VERBS = ["增长", "下降", "提高到", "达到", "累计完成", "年均增长", "由", "占全市比重", "力争", "预计", "超过",
         "约", "不少于", "控制在", "比上年增加", "增至", "分别为"]
UNITS = ["亿元", "万元", "元", "万人", "人次", "个", "家", "项", "所", "公里", "平方公里", "万亩", "万吨/年",
         "千伏", "万千瓦", "%", "％", "‰", "个百分点", "倍", "成", "标准箱", "微克/立方米", "年", "天", ""]
QUALIFIERS = ["", "", "", "左右", "以上", "以内", "多", "余", "上下"]
CJK = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=6)
WORD = st.one_of(st.sampled_from(SUBJECTS), CJK)

FULLWIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


@st.composite
def arabic(draw: st.DrawFn) -> str:
    whole = draw(st.integers(min_value=0, max_value=10**9))
    text = f"{whole:,}" if draw(st.booleans()) and whole >= 1000 else str(whole)
    if draw(st.booleans()):
        text += "." + draw(st.text(alphabet="0123456789", min_size=1, max_size=3))
    if draw(st.integers(0, 4)) == 0:
        text = text.translate(FULLWIDTH)
    return text


@st.composite
def chinese(draw: st.DrawFn) -> str:
    n = draw(st.integers(min_value=1, max_value=10**12))
    text: str = cn2an.an2cn(n, draw(st.sampled_from(["low", "low", "up"])))
    if draw(st.booleans()):
        text = text.replace("二千", "两千").replace("二万", "两万").replace("二亿", "两亿")
    return text


NUMBER = st.one_of(
    arabic(),
    chinese(),
    st.builds(lambda a, m: a + m, arabic(), st.sampled_from(["万", "亿", "万亿", "千万", "多万", "余亿"])),
    st.builds(lambda a, b: f"{a}—{b}", st.integers(1, 50), st.integers(51, 99)),
    st.builds(lambda a, b: f"{a}至{b}", st.integers(1, 50), st.integers(51, 99)),
    st.builds(lambda c: "百分之" + c, chinese()),
    st.sampled_from(["翻一番", "翻两番", "上百", "上千", "数十", "几百", "二〇三五年", "2025年", "1月14日", "第十八届",
                     "3.8*", "〔17〕", "-2.3", "负五", "三分之一", "1/10", "七成", "十四五", "一带一路"]),
)

QUANTITY = st.builds(lambda n, u, q: n + u + q, NUMBER, st.sampled_from(UNITS), st.sampled_from(QUALIFIERS))


SENTENCE = st.builds(
    lambda subject, verb, q, rest, end: f"{subject}{verb}{q}{rest}{end}",
    WORD, st.sampled_from(VERBS), QUANTITY,
    st.one_of(st.just(""), st.builds(lambda w, q: f"，{w}{q}", WORD, QUANTITY)),
    st.sampled_from(["。", "。", "，", "；", "！", "", "：", "”。"]),
)


# -- blocks -----------------------------------------------------------------------------------------

def chinese_ordinal(n: int) -> str:
    return str(cn2an.an2cn(n, "low"))


@st.composite
def marker(draw: st.DrawFn) -> str:
    n = draw(st.integers(min_value=1, max_value=25))
    c = chinese_ordinal(n)
    return draw(st.sampled_from([
        f"{c}、", f"（{c}）", f"({c})", f"{n}.", f"{n}．", f"{n}、", f"（{n}）", f"({n})", f"第{c}章 ", f"第{c}节 ",
        f"第{c}部分 ", f"第{c}编 ", f"第{c}篇 ", f"## 第{c}章 ", f"### 第{c}节 ", f"**（{c}）", "① ", "一是", "——",
    ]))


PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=5).map("".join)

HEADING = st.builds(
    lambda m, title, stop, body: m + title + stop + body,
    marker(), WORD, st.sampled_from(["", "。", "。", "：", "**"]),
    st.one_of(st.just(""), PARAGRAPH),
)

ITEM = st.builds(
    lambda lead, s: lead + s,
    st.sampled_from(["一是", "二是", "三要", "——", "──", "-- ", "“一核”：", "“两翼”:", "● ", "■", "· "]),
    PARAGRAPH,
)

CELL = st.one_of(
    arabic(), st.sampled_from(["3.8*", "〔17〕", "6*左右", "30以上", "5.5以内", "与经济增长基本同步", "—", "", "约5",
                               "≥90", "[25]", "5\\*", "预期性", "约束性"]),
)


@st.composite
def table(draw: st.DrawFn) -> str:
    width = draw(st.integers(min_value=2, max_value=6))
    header = ["指标"] + [f"{2020 + i}年" for i in range(width - 2)] + ["属性"]
    names = st.builds(lambda w, u: f"{w}（{u}）" if u else w, WORD, st.sampled_from(["%", "万人", "亿元", "万吨", "", "个"]))
    rows: list[list[str]] = [header]
    for _ in range(draw(st.integers(min_value=0, max_value=6))):
        kind = draw(st.integers(0, 9))
        if kind == 0:
            rows.append([f"<b>{draw(WORD)}</b>"] + [""] * (width - 1))  # a category row
        elif kind == 1:
            rows.append(list(header))  # the header again after a page break
        else:
            cells = [draw(names)] + [draw(CELL) for _ in range(width - 1)]
            if kind == 2:
                cells = cells[: draw(st.integers(1, width + 2))]  # a ragged row
            rows.append(cells)
    if draw(st.booleans()):
        lines = ["| " + " | ".join(r) + " |" for r in rows]
        lines.insert(1, "|" + "---|" * width)
    else:
        lines = ["\t".join(r) for r in rows]
    if draw(st.booleans()):
        lines.append("注：1. 〔 〕内为五年累计数。")
        lines.append("2. *为五年平均数。")
    return "\n".join(lines)


@st.composite
def column(draw: st.DrawFn) -> str:
    n = draw(st.integers(min_value=1, max_value=30))
    title = draw(st.sampled_from([f"专栏{n} ", f"专栏 {n}：", f"**专栏{chinese_ordinal(n)}** ", f"##### 专栏{n}、", f"专栏{n}"]))
    body = draw(st.lists(st.one_of(
        st.builds(lambda i, p: f"（{chinese_ordinal(i)}）{p}", st.integers(1, 9), PARAGRAPH),
        st.builds(lambda i, w: f"##### （{chinese_ordinal(i)}）{w}", st.integers(1, 9), WORD),
        ITEM, PARAGRAPH, table(),
    ), max_size=5))
    return "\n".join([title + draw(WORD)] + body)


FRONT = st.lists(st.sampled_from([
    "政 府 工 作 报 告", "2026年某某市政府工作报告", "某某市国民经济和社会发展第十五个五年规划纲要",
    "——2026年1月14日在某某市第十九届人民代表大会第四次会议上", "（2026年1月15日在某某县第三届人民代表大会第五次会议上）",
    "——二〇二六年一月十五日", "某某市市长 张三", "代县长　李　四", "各位代表：", "某某市人民政府办公厅",
    "关于印发某某市政府工作报告的通知", "各区人民政府，市政府各委、局：", "2026年2月2日", "（此件主动公开）",
]), max_size=6).map("\n".join)

CLUTTER = st.sampled_from(["下载", "打印", "【字号：大 中 小】", "来源：某某市人民政府", "时间：2026-01-20 09:30",
                           "关闭窗口", "扫一扫在手机打开当前页", "- 12 -", "— 3 —", "图2 某某市空间布局示意图",
                           "2025年工作回顾", "结束语", "名词解释", "版权所有：某某市人民政府"])

BLOCK = st.one_of(HEADING, HEADING, PARAGRAPH, PARAGRAPH, ITEM, column(), table(), CLUTTER)

DECOR = ["", "", "", "\u3000\u3000", "\u2003\u2003", "\u00a0", "\u200b", "  ", "\t", "# ", "<b>", "**", "> "]


@st.composite
def page_noise(draw: st.DrawFn, block: str) -> str:
    """Cut a block in mid-sentence with a page break, maybe with a page number between the halves."""
    if len(block) < 4 or not draw(st.integers(0, 3)) == 0:
        return block
    cut = draw(st.integers(1, len(block) - 1))
    gap = draw(st.sampled_from(["\n\n", "\n", "\n\n- 7 -\n\n", "\n\n\n"]))
    return block[:cut] + gap + block[cut:]


@st.composite
def report_text(draw: st.DrawFn) -> str:
    blocks = [draw(FRONT)] if draw(st.booleans()) else []
    for _ in range(draw(st.integers(min_value=0, max_value=14))):
        block = draw(BLOCK)
        block = draw(page_noise(block))
        blocks.append(draw(st.sampled_from(DECOR)) + block)
    text = "".join(b + draw(st.sampled_from(["\n", "\n", "\n\n", "\n\n\n"])) for b in blocks)
    if draw(st.integers(0, 4)) == 0:
        text = text.replace("\n", "\r\n")
    return text


# -- text -------------------------------------------------------------------------------------------

def check_text(text: str) -> Report:
    report = govreport.parse(text)
    check_all(report)
    for metric in report.metrics:
        assert metric.text == report.text[metric.span.start : metric.span.end], metric
    check_diagnostics(report)
    check_strict(text, report)
    return report


@FUZZ
@given(report_text())
def test_report_shaped_text(text: str) -> None:
    check_text(text)


@FUZZ
@given(st.lists(st.one_of(st.text(max_size=8), st.sampled_from(["\n", "\n\n", "\r\n", "、", "（一）", "1.", "专栏3",
                                                                 "\t", "|", "“", "”：", "——", "5%", "亿元", "第一章"])),
                max_size=60).map("".join))
def test_any_text_with_report_pieces(text: str) -> None:
    check_text(text)


# -- bytes -----------------------------------------------------------------------------------------

ENCODERS = {
    "utf-8": lambda s: s.encode("utf-8"),
    "utf-8-bom": lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
    "gb18030": lambda s: s.encode("gb18030"),
}


def check_bytes(data: bytes) -> Report | None:
    """``parse_bytes`` gives a sound report, a DecodeError at the first undecodable byte, or,
    for bytes that say they are a PDF, a FormatError naming what is wrong with it."""
    try:
        report = govreport.parse_bytes(data)
    except DecodeError:
        check_decode_offset(data)
        return None
    except FormatError as exc:
        assert (b"%PDF-" in data[:1024] and "PDF" in str(exc)) or data.startswith(NOT_TEXT), (data[:40], exc)
        return None
    check_all(report)
    return report


BYTE_PREFIXES = st.sampled_from([b"", b"", codecs.BOM_UTF8, b"PK\x03\x04", b"<html><body><p>", b"\xef\xbb", b"%PDF-1.4\n",
                                 "一、总体要求\n".encode("gb18030"), "一、总体要求\n".encode("utf-8")])


@FUZZ
@given(BYTE_PREFIXES, st.binary(max_size=2_000))
def test_arbitrary_bytes(prefix: bytes, data: bytes) -> None:
    check_bytes(prefix + data)


@FUZZ
@given(report_text(), st.sampled_from(list(ENCODERS)))
def test_encoded_reports_read_back(text: str, encoding: str) -> None:
    data = ENCODERS[encoding](text)
    report = check_bytes(data)
    assert report is not None
    if encoding == "gb18030" and decodes(text.encode("gb18030")) and _is_utf8(data):
        return  # GB18030 bytes that are valid UTF-8 too are read as UTF-8 (see docs/diagnostics.md)
    if looks_like_html(text):
        return  # read as an HTML page
    assert report == govreport.parse(text.removeprefix("\ufeff"))


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@FUZZ
@given(report_text(), st.sampled_from(list(ENCODERS)), st.data())
def test_a_bad_byte_in_an_encoded_report_is_found(text: str, encoding: str, data: st.DataObject) -> None:
    """0xFF, invalid in UTF-8 and in GB18030 anywhere, put between two characters."""
    cut = data.draw(st.integers(min_value=0, max_value=len(text)))
    head = ENCODERS[encoding](text[:cut])
    tail = text[cut:].encode("gb18030" if encoding == "gb18030" else "utf-8")
    with pytest.raises(DecodeError) as info:
        govreport.parse_bytes(head + b"\xff" + tail)
    assert info.value.offset == len(head)


HTML_JUNK = st.sampled_from(["", "", "</", "<!", "<![ >", "<![foo[ x ]]>", "<![CDATA[ x ]]>", "<!-- x", "<?x", "&",
                             "&#", "&lt;", "<p class=", "<br/>", "</div>", "<script>", "<style>x", "<", ">"])


@FUZZ
@given(report_text(), st.lists(HTML_JUNK, max_size=6), st.randoms(use_true_random=False))
def test_reports_as_html_pages(text: str, junk: list[str], rnd: random.Random) -> None:
    """The same text saved as a web page (one <p> per line, table rows as <tr>), with malformed markup."""
    parts = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if "\t" in line:
            cells = "".join(f"<td>{c}</td>" for c in line.split("\t"))
            parts.append(f"<table><tr>{cells}</tr></table>")
        else:
            parts.append(f"<p>{line}</p>")
    for piece in junk:
        parts.insert(rnd.randint(0, len(parts)), piece)
    page = "<!DOCTYPE html><html><head><title>报告</title><script>var x = 1;</script></head><body>" + "".join(parts)
    check_bytes(page.encode("utf-8"))


def make_docx(paragraphs: list[str]) -> bytes:
    """A minimal DOCX, one w:p per paragraph."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{escape(p)}</w:t></w:r></w:p>" for p in paragraphs)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", f'<w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>')
    return buf.getvalue()


@FUZZ
@given(report_text(), st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), min_size=1, max_size=6))
def test_damaged_docx(text: str, damage: list[tuple[int, int]]) -> None:
    """A DOCX with bytes overwritten: a report, or FormatError, or DecodeError once it is no ZIP."""
    data = bytearray(make_docx(text.replace("\r", "").split("\n")))
    for pos, value in damage:
        data[pos % len(data)] = value
    try:
        report = govreport.parse_bytes(bytes(data))
    except (FormatError, DecodeError):
        return
    check_all(report)
