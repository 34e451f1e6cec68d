"""README's Python example runs as written, from the project root."""
from __future__ import annotations

import os
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_readme_python_example_runs(capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert blocks, "README has no python example"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        exec(compile(blocks[0], "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    out = capsys.readouterr().out
    assert "2026年青禾市政府工作报告" in out and "二、 2026年工作安排" in out


def test_readme_many_reports_example_runs():
    import pytest

    pytest.importorskip("pandas", reason='the example builds a DataFrame: pip install -e ".[pandas]"')
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```python\n(.*?)```", readme, re.S) if "parse_many" in b)
    cwd = os.getcwd()
    os.chdir(ROOT)
    scope: dict[str, object] = {}
    try:
        exec(compile(block, "README.md", "exec"), scope)
    finally:
        os.chdir(cwd)
    assert len(scope["results"]) == 5 and scope["failed"] == []  # the five demo inputs
    assert set(scope["frame"]["region"]) == {"青禾市", "云岭省"}
