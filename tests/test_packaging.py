"""Packaging as people expect: what ``import govreport`` loads, one version, the licence.

The import is checked by what it loads, not by how long it takes (a wall time on a shared
machine is noise; ``benchmarks/bench_import.py`` measures it): none of the optional heavy
modules, and none of the parser until a name that needs it is used.
"""
from __future__ import annotations

import importlib
import importlib.metadata
import pathlib
import re
import subprocess
import sys

import pytest

import govreport

ROOT = pathlib.Path(__file__).resolve().parents[1]

HEAVY = ("cn2an", "pandas", "dask", "distributed", "pypdfium2", "pdfplumber")


def _loaded_after(code: str, prefixes: tuple[str, ...]) -> list[str]:
    """The modules starting with ``prefixes`` loaded by ``code`` in a fresh interpreter."""
    probe = f"{code}; import sys; print(sorted(m for m in sys.modules if m.startswith({prefixes!r})))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    return list(eval(done.stdout))  # a printed list of str


def test_import_loads_no_heavy_optional_module():
    assert _loaded_after("import govreport", HEAVY) == []


def test_import_loads_no_parser_until_a_parse_name_is_used():
    parser_modules = ("govreport.parser", "govreport.blocks", "govreport.metrics", "govreport.batch",
                      "govreport.frames", "govreport.extract", "regex", "zipfile", "concurrent.futures")
    assert _loaded_after("import govreport; govreport.__version__; govreport.Report", parser_modules) == []
    assert "govreport.parser" in _loaded_after("import govreport; govreport.parse", ("govreport.parser",))


def test_cn2an_is_loaded_only_by_a_numeral_that_needs_it():
    # 三 and 十九 are read without cn2an; 三千五百万 is not
    code = "import govreport; govreport.parse('一、总体要求\\n新增就业三万人，建成十九个公园。\\n')"
    assert _loaded_after(code, ("cn2an",)) == []
    assert "cn2an" in _loaded_after("from govreport.numerals import to_decimal; to_decimal('三千五百七十二万')",
                                    ("cn2an",))


def test_a_text_input_loads_no_pdf_or_docx_reader():
    code = "import govreport; govreport.parse_bytes('一、总体要求\\n稳中求进。\\n'.encode())"
    assert _loaded_after(code, ("govreport.inputs.pdf", "ctypes", "zipfile")) == []


@pytest.mark.parametrize("name", govreport.__all__)
def test_every_public_name_is_there(name):
    assert getattr(govreport, name) is not None
    assert name in dir(govreport)


@pytest.mark.parametrize("name", sorted(govreport._LAZY))
def test_a_name_loaded_on_first_use_is_the_defining_modules_own(name):
    assert name in govreport.__all__
    assert getattr(govreport, name) is getattr(importlib.import_module(govreport._LAZY[name]), name)


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'parse_text'"):
        govreport.parse_text  # type: ignore[attr-defined]  # noqa: B018
    assert not hasattr(govreport, "nothing_here")


def test_from_import_star_gives_every_public_name():
    namespace: dict[str, object] = {}
    exec("from govreport import *", namespace)
    assert set(govreport.__all__) <= set(namespace)


# -- one version --------------------------------------------------------------------------------

def test_the_version_has_one_source():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^dynamic = \["version"\]', pyproject, re.M)
    assert not re.search(r'^version = "', pyproject, re.M)
    assert 'version = { attr = "govreport.__version__" }' in pyproject
    assert re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+(?:[a-z]+[0-9]+)?", govreport.__version__)


def test_the_installed_metadata_and_the_cli_say_the_same_version():
    try:
        installed = importlib.metadata.version("govreport")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("govreport is not installed (run from a source tree without pip install)")
    assert installed == govreport.__version__
    done = subprocess.run([sys.executable, "-m", "govreport", "--version"], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.strip() == f"govreport {govreport.__version__}"


# -- the licence --------------------------------------------------------------------------------

def test_the_licence_is_mit_and_ships_in_wheel_and_sdist():
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License") and "Copyright (c) 2026 The govreport authors" in licence
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'license = "MIT"' in pyproject and 'license-files = ["LICENSE"]' in pyproject
    manifest = (ROOT / "MANIFEST.in").read_text(encoding="utf-8")
    for needed in ("LICENSE", "README.md", "mkdocs.yml", "graft tests", "graft examples", "graft docs"):
        assert needed in manifest, needed
