"""Scrape headers: what a scraper or a site wrote around a document, never its own lines.

Three shapes are read:

* YAML front matter, a block of ``key: value`` lines between two ``---`` lines
  (``标题: …``, ``文号: …``, ``发布单位: …``, ``发布日期: …``), and the ``>`` disclaimer
  lines that follow it;
* a site's header block: a markdown heading, ``**发布日期**: …`` / ``**来源**: URL`` field
  lines, a ``---`` rule and a ``## 政策全文`` line;
* loose field lines such as ``标题：…`` or ``类型：规划与计划``.

They are :class:`~govreport.model.Furniture` of kind ``header``. Their fields are kept in
:attr:`FrontInfo.header <govreport.front.FrontInfo>` (the ``发布单位`` may name the
issuer), but the title comes from the document's own lines.
"""
from __future__ import annotations

import regex

from govreport.front.core import Cursor
from govreport.model import FurnitureKind

__all__ = ["header_rule", "SCRAPE_FIELDS", "SOURCE_FIELDS", "is_rule_line", "is_scrape_field"]

SCRAPE_FIELDS = frozenset({
    "标题", "题目", "名称", "文号", "发文字号", "索引号", "主题分类", "主题词", "分类", "类型", "类别",
    "层级", "级别", "状态", "效力状态", "有效性", "时效性", "发布单位", "发布机构", "发文机关", "发文单位",
    "发布日期", "成文日期", "印发日期", "生效日期", "实施日期", "更新时间", "官方链接", "原文链接", "链接",
    "网址", "来源", "发布时间", "时间", "日期", "作者", "编辑", "责任编辑",
})
"""The field names of scrape headers and page metadata (``标题: …``, ``**来源**: …``)."""

SOURCE_FIELDS = frozenset({"来源", "时间", "发布时间", "日期", "作者", "编辑", "责任编辑"})
"""Fields that, standing alone on a web page, are its source lines (kind ``source``)."""

# ``key: value`` with the key bold or plain; the value may be empty (``**分类**:``).
_FIELD = regex.compile(r"(?:\*\*|__)?(?P<key>[^\s:：*]{1,20}?)(?:\*\*|__)?[ ]*[:：](?:\*\*|__)?[ ]*(?P<value>.*)")
_RULE_LINE = regex.compile(r"(?:-[ ]*){3,}|(?:\*[ ]*){3,}|(?:_[ ]*){3,}|(?:=[ ]*){3,}")
_FULL_TEXT = regex.compile(r"#{1,6}[ ]*(?:政策|文件)?(?:全文|正文|原文)(?:内容)?")
_QUOTE = regex.compile(r">[ ]*\S")
_YAML_MAX = 60
_FIELDS_MAX = 40  # field lines read in one go: no scrape header has more


def is_rule_line(text: str) -> bool:
    """A markdown rule (``---``, ``***``): page layout, never words of the document."""
    return _RULE_LINE.fullmatch(text) is not None


def is_scrape_field(text: str) -> bool:
    """A scrape header's or footer's field line (``**更新时间**: …``, ``来源：…``)."""
    m = _FIELD.fullmatch(text)
    return m is not None and m.group("key") in SCRAPE_FIELDS


def _raw(cur: Cursor, i: int) -> str:
    line = cur.lines[i]
    return cur.norm[line.start : line.end]


def _field(cur: Cursor, i: int) -> tuple[str, str] | None:
    """``(key, value)`` when line ``i`` is a ``key: value`` field line."""
    m = _FIELD.fullmatch(_raw(cur, i))
    if m is None:
        return None
    return m.group("key"), m.group("value").strip()


def _take(cur: Cursor, i: int, j: int) -> int:
    """Lines ``i`` to ``j - 1`` become header furniture; their fields are recorded."""
    for k in range(i, j):
        field = _field(cur, k)
        if field is not None and field[1]:
            cur.info.header.setdefault(field[0], field[1])
        cur.furniture(k, FurnitureKind.HEADER)
    cur.anchor = j
    return j


def _yaml(cur: Cursor, i: int) -> int | None:
    """A ``---`` line, ``key: value`` lines and a closing ``---``: the index after it."""
    if i != 0 or _raw(cur, i) != "---":
        return None
    for k in range(i + 1, min(len(cur.lines), i + _YAML_MAX)):
        if _raw(cur, k) == "---":
            return k + 1 if k > i + 1 else None
        if _field(cur, k) is None:
            return None
    return None


def _site_header(cur: Cursor, i: int) -> int | None:
    """A markdown heading followed by field lines, maybe a rule and a ``## 全文`` line."""
    if not cur.norm.startswith("#", cur.lines[i].start):
        return None
    k = i + 1
    fields = 0
    stop = min(cur.limit, k + _FIELDS_MAX)
    while k < stop and (field := _field(cur, k)) is not None and field[0] in SCRAPE_FIELDS:
        fields += 1
        k += 1
    if fields < 2:
        return None
    if k < cur.limit and _RULE_LINE.fullmatch(_raw(cur, k)):
        k += 1
    if k < cur.limit and _FULL_TEXT.fullmatch(_raw(cur, k)):
        k += 1
    return k


def _field_lines(cur: Cursor, i: int) -> int | None:
    """A run of scrape field lines (``标题：…``, ``类型：…``). Source lines alone
    (``来源：…``, ``时间：…``) are left to the page furniture."""
    k = i
    keys: list[str] = []
    stop = min(cur.limit, i + _FIELDS_MAX)
    while k < stop and (field := _field(cur, k)) is not None and field[0] in SCRAPE_FIELDS:
        keys.append(field[0])
        k += 1
    if all(key in SOURCE_FIELDS for key in keys):  # none, or only 来源：… and 时间：…
        return None
    return k


def header_rule(cur: Cursor, i: int) -> int | None:
    """YAML front matter, a site's header block, ``>`` disclaimer lines or scrape field
    lines: header furniture."""
    end = _yaml(cur, i) or _site_header(cur, i) or _field_lines(cur, i)
    if end is None and _QUOTE.match(_raw(cur, i)):
        end = i + 1
        while end < cur.limit and _QUOTE.match(_raw(cur, end)):
            end += 1
    if end is None:
        return None
    return _take(cur, i, min(end, cur.limit))
