"""The documentation keeps its promises, checked without mkdocs installed.

* Every ```` ```python ```` block of a page in ``docs/`` runs, in page order and in one
  namespace per page, from a scratch directory where ``examples/`` is the project's.
  A block preceded by ``<!-- docs-test: skip REASON -->`` is not run; one preceded by
  ``<!-- docs-test: needs MODULE ... -->`` runs only where those modules import.
* Output pasted after a block and marked ``<!-- docs-test: output -->`` is what the block
  prints (JSON compared as data, anything else line by line).
* A ```` ```console ```` block marked ``<!-- docs-test: console -->`` is run command by
  command (``$ `` lines, in one shell) and its pasted output compared; a text block marked
  ``<!-- docs-test: file NAME -->`` is written to ``NAME`` first.
* Every page in ``docs/`` is in the nav of ``mkdocs.yml``, every nav entry exists, and
  every relative link between pages points at a page that exists.
"""
from __future__ import annotations

import contextlib
import importlib
import io
import json
import os
import pathlib
import re
import subprocess
import sys
from dataclasses import dataclass

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PAGES = sorted(p for p in DOCS.rglob("*.md") if "_ext" not in p.parts)

_FENCE = re.compile(
    r"(?:^<!-- docs-test: (?P<directive>[^\n]*?) -->\n)?^```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^```[ \t]*$",
    re.M | re.S,
)


@dataclass
class Block:
    lang: str
    body: str
    directive: str
    line: int


def blocks(page: pathlib.Path) -> list[Block]:
    text = page.read_text(encoding="utf-8")
    return [
        Block(m.group("lang"), m.group("body"), (m.group("directive") or "").strip(), text.count("\n", 0, m.start()) + 1)
        for m in _FENCE.finditer(text)
    ]


def _missing(directive: str) -> list[str]:
    """The modules a ``needs`` directive names that do not import here."""
    missing = []
    for name in directive.split()[1:]:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    return missing


def _lines(text: str) -> list[str]:
    return [ln.rstrip() for ln in text.strip("\n").split("\n")]


def _same_output(expected: Block, actual: str, where: str) -> None:
    if expected.lang == "json":
        assert json.loads(actual) == json.loads(expected.body), f"{where}: the JSON shown is not what the code prints"
    else:
        assert _lines(actual) == _lines(expected.body), f"{where}: the output shown is not what the code prints"


@pytest.fixture
def scratch(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> pathlib.Path:
    """A working directory where ``examples/`` is the project's and ``govreport`` runs this source."""
    (tmp_path / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
    bin_dir = tmp_path / ".bin"
    bin_dir.mkdir()
    for name, command in (("govreport", "-m govreport"), ("python", "")):
        shim = bin_dir / name
        shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" {command} "$@"\n')
        shim.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])))
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _console_expected(body: str) -> list[tuple[str, str]]:
    """The ``$ `` commands of a console block with the output shown under each."""
    pairs: list[tuple[str, list[str]]] = []
    for line in body.strip("\n").split("\n"):
        if line.startswith("$ "):
            pairs.append((line[2:], []))
        elif pairs:
            pairs[-1][1].append(line)
    return [(cmd, "\n".join(out)) for cmd, out in pairs]


def _run_console(body: str) -> list[tuple[str, str]]:
    """Run the commands of a console block in one shell (``$?`` carries over); (command, output) pairs."""
    commands = [cmd for cmd, _ in _console_expected(body)]
    sep = "@@docs-test-command@@"
    script = "s=0\n" + "\n".join(f"echo '{sep}'; (exit $s)\n{{ {cmd}\n}} 2>&1; s=$?" for cmd in commands)
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=120)
    outputs = done.stdout.split(sep + "\n")[1:]
    assert len(outputs) == len(commands), done.stderr
    return list(zip(commands, outputs))


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(DOCS)) for p in PAGES])
def test_examples_run_and_show_real_output(page: pathlib.Path, scratch: pathlib.Path) -> None:
    namespace: dict[str, object] = {"__name__": "__docs__"}
    last_output: str | None = None
    for block in blocks(page):
        where = f"{page.relative_to(ROOT)}:{block.line}"
        directive = block.directive
        if directive.startswith("file "):
            (scratch / directive.split(maxsplit=1)[1]).write_text(block.body, encoding="utf-8")
            continue
        if directive.startswith("skip") or (directive.startswith("needs") and _missing(directive)):
            last_output = None
            continue
        if directive == "output":
            assert last_output is not None, f"{where}: output shown after a block that did not run"
            _same_output(block, last_output, where)
            continue
        if block.lang == "python":
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                exec(compile(block.body, where, "exec"), namespace)
            last_output = out.getvalue()
        elif block.lang == "console" and (directive == "console" or directive.startswith("needs")):
            for (cmd, shown), (_, got) in zip(_console_expected(block.body), _run_console(block.body)):
                assert _lines(got) == _lines(shown), f"{where}: `{cmd}` prints something else:\n{got}"
            last_output = None
        else:
            last_output = None


def _nav_pages() -> list[str]:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = config.split("\nnav:", 1)[1]
    nav = re.split(r"\n(?=\S)", nav, maxsplit=1)[0]  # up to the next top-level key
    return re.findall(r"([\w/.-]+\.md)\s*$", nav, re.M)


def test_every_page_is_in_the_nav_and_every_nav_entry_exists() -> None:
    nav = _nav_pages()
    pages = [str(p.relative_to(DOCS)) for p in PAGES]
    assert sorted(set(pages) - set(nav)) == [], "pages missing from the nav of mkdocs.yml"
    assert sorted(set(nav) - set(pages)) == [], "nav entries of mkdocs.yml without a page"


def test_links_between_pages_resolve() -> None:
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)", text):
            if "://" in target:
                continue
            assert (page.parent / target).resolve().is_file(), f"{page.relative_to(ROOT)} links to missing {target}"


def test_mkdocs_build_is_strict_clean(tmp_path: pathlib.Path) -> None:
    """The full site build, where the docs extra is installed (``pip install -e ".[docs]"``)."""
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])),
               NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


# -- the numeral tables of docs/numerals.md ---------------------------------------------------

_CODE = re.compile(r"`([^`]+)`")


def _tables(page: pathlib.Path, kind: str) -> list[list[list[str]]]:
    """The rows (cells as lists of code spans) of every table marked ``<!-- docs-test: KIND -->``."""
    found = []
    for m in re.finditer(rf"^<!-- docs-test: {re.escape(kind)} -->\n((?:\|.*\n)+)", page.read_text(encoding="utf-8"), re.M):
        lines = m.group(1).strip("\n").split("\n")[2:]  # after the header and the |---| line
        found.append([[_CODE.findall(cell) for cell in line.strip("|").split("|")] for line in lines])
    assert found, f"no table marked {kind!r} in {page.name}"
    return found


def _checked_pairs(rows: list[list[list[str]]], written: int, result: int) -> list[tuple[str, str]]:
    pairs = []
    for row in rows:
        assert len(row[written]) == len(row[result]), f"row {row}: as many results as inputs"
        pairs += list(zip(row[written], row[result]))
    return pairs


def test_numeral_tables_are_true() -> None:
    from decimal import Decimal

    from govreport import numerals
    from govreport.errors import NumeralError

    page = DOCS / "numerals.md"
    supported, surprising = _tables(page, "numerals to_decimal")
    checks = _checked_pairs(supported, 1, 2) + _checked_pairs(surprising, 0, 1)
    for written, expected in checks:
        assert numerals.to_decimal(written) == Decimal(expected), f"to_decimal({written!r})"
    (unsupported,) = _tables(page, "numerals unsupported")
    for row in unsupported:
        for written in row[1]:
            with pytest.raises(NumeralError):
                numerals.to_decimal(written)
    (functions,) = _tables(page, "numerals functions")
    for row in functions:
        (name,) = row[0]
        for written, expected in zip(row[1], row[2], strict=True):
            assert str(getattr(numerals, name)(written)) == expected, f"{name}({written!r})"
