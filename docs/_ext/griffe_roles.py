"""A Griffe extension for the API reference: our docstrings are written in reST habits.

The docstrings of govreport use Sphinx roles (:class:`~govreport.Report`), reST simple
tables, named hyperlinks (`cn2an`_) and bare ``>>>`` examples. mkdocstrings renders
Markdown, so this extension rewrites those forms at load time, for the docs only (the
source is never touched):

* a role whose target is an object rendered in the API reference becomes a cross-reference
  (``[`Report`][govreport.model.Report]``); any other target becomes inline code;
* a reST simple table (``====  ====`` rules) becomes a Markdown table;
* ```name`_`` with a ``.. _name: URL`` target becomes a Markdown link;
* a run of ``>>>`` lines becomes a ``pycon`` code block.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

import griffe

# What the API reference renders (docs/reference/*.md): whole modules, and single objects.
DOCUMENTED = (
    "govreport.model",
    "govreport.numerals",
    "govreport.metrics",
    "govreport.errors",
    "govreport.batch",
    "govreport.frames",
    "govreport.serialize.json",
    "govreport.serialize.metrics",
    "govreport.serialize.indicators",
    "govreport.serialize.outline",
    "govreport.parser.parse",
    "govreport.parser.parse_bytes",
    "govreport.parser.parse_file",
    "govreport.span.Span",
)

_ROLE = re.compile(r":(?:class|func|meth|data|attr|mod|exc|obj):`(?P<target>[^`]+)`")
_LINK_TARGET = re.compile(r"^\s*\.\. _(?P<name>[^:]+):\s*(?P<url>\S+)\s*$", re.M)
_TABLE_RULE = re.compile(r"^\s*=+(?:\s+=+)+\s*$")


def _resolve(pkg: griffe.Module, obj: griffe.Object, target: str) -> str | None:
    """The canonical path of ``target`` as seen from ``obj``, or ``None``."""
    candidates = [target]
    if "." not in target or not target.startswith("govreport"):
        scope: Any = obj
        while scope is not None:
            candidates.append(f"{scope.path}.{target}")
            scope = scope.parent
    for path in candidates:
        if not path.startswith("govreport"):
            continue
        try:
            found = pkg[path[len("govreport.") :]] if path != "govreport" else pkg
            return str(found.final_target.path) if found.is_alias else str(found.path)
        except (KeyError, ValueError, griffe.AliasResolutionError, griffe.CyclicAliasError):
            continue
    return None


def _documented(path: str) -> bool:
    return any(path == mod or path.startswith(mod + ".") for mod in DOCUMENTED) and not any(
        part.startswith("_") for part in path.split(".")
    )


def _roles(pkg: griffe.Module, obj: griffe.Object, text: str) -> str:
    def replace(m: re.Match[str]) -> str:
        target = "".join(m.group("target").split())  # a role may be broken over two lines
        short = target.lstrip("~")
        display = short.rsplit(".", 1)[-1] if target.startswith("~") else short
        path = _resolve(pkg, obj, short)
        if path is not None and _documented(path):
            return f"[`{display}`][{path}]"
        return f"`{display}`"

    return _ROLE.sub(replace, text)


def _links(text: str) -> str:
    targets = {m.group("name").strip(): m.group("url") for m in _LINK_TARGET.finditer(text)}
    if not targets:
        return text
    text = _LINK_TARGET.sub("", text)
    for name, url in targets.items():
        text = text.replace(f"`{name}`_", f"[{name}]({url})")
    return text.rstrip() + "\n"


def _tables(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not _TABLE_RULE.match(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        rule = lines[i]
        cols = [(m.start(), m.end()) for m in re.finditer(r"=+", rule)]
        rows: list[list[str]] = []
        rules_seen = 1
        i += 1
        while i < len(lines) and rules_seen < 3:
            if _TABLE_RULE.match(lines[i]):
                rules_seen += 1
            elif lines[i].strip():
                rows.append(_split_row(lines[i], cols))
            i += 1
        if rows:
            out.append("| " + " | ".join(rows[0]) + " |")
            out.append("|" + "---|" * len(cols))
            out.extend("| " + " | ".join(r) + " |" for r in rows[1:])
    return "\n".join(out)


def _split_row(line: str, cols: list[tuple[int, int]]) -> list[str]:
    """Cut a table row at the column starts, counting CJK characters as two columns wide."""
    cells = [""] * len(cols)
    column = 0
    for ch in line:
        k = max((j for j, (start, _) in enumerate(cols) if start <= column), default=0)
        cells[k] += ch
        column += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return [c.strip().replace("|", "\\|") for c in cells]


def _doctests(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if lines[i].lstrip().startswith(">>>"):
            block = []
            while i < len(lines) and lines[i].strip():
                block.append(lines[i].strip())
                i += 1
            out += ["```pycon", *block, "```"]
        else:
            out.append(lines[i])
            i += 1
    return "\n".join(out)


class ReSTHabits(griffe.Extension):
    """Rewrite reST habits in docstrings into Markdown (see the module docstring)."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        self._visit(pkg, pkg)

    def _visit(self, pkg: griffe.Module, obj: griffe.Object) -> None:
        if obj.docstring is not None:
            text = obj.docstring.value
            text = _links(text)
            text = _tables(text)
            text = _doctests(text)
            text = _roles(pkg, obj, text)
            obj.docstring.value = text
        for member in obj.members.values():
            if not member.is_alias:
                self._visit(pkg, member)  # type: ignore[arg-type]
