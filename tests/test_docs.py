"""The documentation keeps its promises, checked without mkdocs installed.

* Every ```` ```python ```` block of a page in ``docs/`` runs, in page order and in one
  namespace per page, from a scratch directory where ``examples/`` is the project's.
  A block preceded by ``<!-- docs-test: skip REASON -->`` is not run; one preceded by
  ``<!-- docs-test: needs MODULE ... -->`` runs only where those modules import.
* Output pasted after a block and marked ``<!-- docs-test: output -->`` is what the block
  prints (JSON compared as data, anything else line by line).
* A ```` ```console ```` block marked ``<!-- docs-test: console -->`` is run command by
  command (``$ `` lines, in one shell, ``govreport`` and ``python`` being this project's)
  and the output under each command compared; a block marked
  ``<!-- docs-test: file NAME -->`` is written to ``NAME`` first.
* The numeral tables of ``docs/numerals.md`` are true, row by row.
* Every page in ``docs/`` is in the nav of ``mkdocs.yml``, every nav entry exists, and
  every relative link between pages points at a page that exists.

When the library or the demo files change on purpose, refresh the pasted output and
review the diff::

    python tests/test_docs.py --update            # every page, or name some: docs/cli.md
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
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

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
    start: int  # where the body starts and ends in the page
    end: int


def blocks(text: str) -> list[Block]:
    return [
        Block(m.group("lang"), m.group("body"), (m.group("directive") or "").strip(),
              text.count("\n", 0, m.start()) + 1, m.start("body"), m.end("body"))
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


def _console_commands(body: str) -> list[tuple[str, str]]:
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
    commands = [cmd for cmd, _ in _console_commands(body)]
    sep = "@@docs-test-command@@"
    script = "s=0\n" + "\n".join(f"echo '{sep}'; (exit $s)\n{{ {cmd}\n}} 2>&1; s=$?" for cmd in commands)
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=120)
    outputs = done.stdout.split(sep + "\n")[1:]
    assert len(outputs) == len(commands), done.stderr
    return list(zip(commands, outputs))


@contextlib.contextmanager
def scratch_directory() -> Iterator[pathlib.Path]:
    """Run from a scratch directory where ``examples/`` is the project's and the commands are ours."""
    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        here = pathlib.Path(tmp)
        (here / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
        bin_dir = here / ".bin"
        bin_dir.mkdir()
        for name, command in (("govreport", "-m govreport"), ("python", "")):
            shim = bin_dir / name
            shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" {command} "$@"\n')
            shim.chmod(0o755)
        os.environ["PATH"] = f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"
        os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))
        os.environ["COLUMNS"] = "100"
        os.chdir(here)
        try:
            yield here
        finally:
            os.chdir(saved_cwd)
            os.environ.clear()
            os.environ.update(saved_env)


def run_page(page: pathlib.Path, update: bool = False) -> str:
    """Run a page's examples; check (or, with ``update``, rewrite) the output pasted in it.

    Returns the page text, with fresh output when ``update`` is true.
    """
    text = page.read_text(encoding="utf-8")
    pieces, pos = [], 0
    namespace: dict[str, object] = {"__name__": "__docs__"}
    last_output: str | None = None
    skipped = False  # whether this block was not run for want of an extra it needs
    with scratch_directory() as scratch:
        for block in blocks(text):
            where = f"{page.relative_to(ROOT)}:{block.line}"
            directive, fresh = block.directive, block.body
            after_skipped, skipped = skipped, False
            if directive.startswith("file "):
                (scratch / directive.split(maxsplit=1)[1]).write_text(block.body, encoding="utf-8")
                last_output = None
            elif directive.startswith("skip") or (directive.startswith("needs") and _missing(directive)):
                last_output = None
                skipped = directive.startswith("needs")
            elif directive == "output" and after_skipped:
                pass  # the output of a block whose extra is missing stays as written
            elif directive == "output":
                assert last_output is not None, f"{where}: output shown after a block that did not run"
                if block.lang == "json":
                    fresh = _pretty(json.loads(last_output)) + "\n"
                    assert update or json.loads(block.body) == json.loads(last_output), \
                        f"{where}: the JSON shown is not what the code prints"
                else:
                    fresh = last_output if last_output.endswith("\n") else last_output + "\n"
                    assert update or _lines(block.body) == _lines(last_output), \
                        f"{where}: the output shown is not what the code prints:\n{last_output}"
            elif block.lang == "python":
                out = io.StringIO()
                with contextlib.redirect_stdout(out):
                    exec(compile(block.body, where, "exec"), namespace)
                last_output = out.getvalue()
            elif block.lang == "console" and directive == "console":
                ran = _run_console(block.body)
                for (cmd, shown), (_, got) in zip(_console_commands(block.body), ran):
                    assert update or _lines(got) == _lines(shown), f"{where}: `{cmd}` prints something else:\n{got}"
                fresh = "".join(f"$ {cmd}\n{got}" + ("\n" if got and not got.endswith("\n") else "") for cmd, got in ran)
                last_output = None
            else:
                last_output = None
            pieces += [text[pos:block.start], fresh]
            pos = block.end
    return "".join(pieces) + text[pos:]


def _pretty(value: Any, indent: int = 0) -> str:
    """JSON as pasted in the docs: two-space indents, lists of plain values on one line."""
    pad = "  " * indent
    if isinstance(value, dict) and value:
        items = [f"{pad}  {json.dumps(k, ensure_ascii=False)}: {_pretty(v, indent + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        return "[\n" + ",\n".join(f"{pad}  {_pretty(v, indent + 1)}" for v in value) + f"\n{pad}]"
    return json.dumps(value, ensure_ascii=False)


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(DOCS)) for p in PAGES])
def test_examples_run_and_show_real_output(page: pathlib.Path) -> None:
    run_page(page)


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


# -- the site ---------------------------------------------------------------------------------

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
            assert (page.parent / target).resolve().is_file(), f"{page.relative_to(ROOT)} links to missing {target}"


@pytest.mark.slow
def test_mkdocs_build_is_strict_clean(tmp_path: pathlib.Path) -> None:
    """The full site build, where the docs extra is installed (``pip install -e ".[docs]"``)."""
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1",
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])))
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


if __name__ == "__main__":
    if sys.argv[1:2] != ["--update"]:
        sys.exit(__doc__)
    sys.path.insert(0, str(ROOT / "src"))
    for name in sys.argv[2:] or [str(p) for p in PAGES]:
        page = pathlib.Path(name).resolve()
        fresh = run_page(page, update=True)
        if fresh != page.read_text(encoding="utf-8"):
            page.write_text(fresh, encoding="utf-8")
            print("updated", page.relative_to(ROOT))
