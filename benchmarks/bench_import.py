"""Import time: how long ``import govreport`` takes in a fresh interpreter.

    python benchmarks/bench_import.py [--repeat N] [--top K]

Each run starts a new interpreter. It prints the best of ``--repeat`` runs (default 20)
of ``python -c "import govreport"`` minus the best of as many runs of ``python -c pass``
(the interpreter's own start-up), in milliseconds, and then the ``--top`` (default 15)
modules with the largest own import time in one ``python -X importtime`` run, and the
optional heavy modules (cn2an, pandas, dask, the PDF readers) that the import loaded:
there should be none. The best of many runs is quoted because a shared machine only
ever adds time; the per-module times of one ``-X importtime`` run are noisy, to be read
as a ranking. The first run writes the bytecode caches (``__pycache__``) as any import does.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

from _common import REPO

HEAVY = ("cn2an", "pandas", "dask", "distributed", "pypdfium2", "pdfplumber")
"""Modules that ``import govreport`` must not load: each is needed only by some calls."""


def _env() -> dict[str, str]:
    """The environment of the child interpreters: this checkout's ``src/`` first on the path,
    and bytecode caches written and read as in a normal installation (a
    ``PYTHONDONTWRITEBYTECODE`` set here would make every run compile every module)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), env.get("PYTHONPATH")]))
    return env


def best_run(code: str, repeat: int) -> float:
    """The best wall-clock time, in seconds, of ``repeat`` fresh interpreters running ``code``."""
    env = _env()
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        best = min(best, time.perf_counter() - start)
    return best


def top_modules(count: int) -> list[tuple[int, str]]:
    """The ``count`` modules with the largest own import time (µs) in one ``-X importtime`` run."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", "import govreport"],
                          check=True, env=_env(), capture_output=True, text=True)
    rows: list[tuple[int, str]] = []
    for line in done.stderr.splitlines():
        fields = line.removeprefix("import time:").split("|")
        if len(fields) == 3 and fields[0].strip().isdigit():
            rows.append((int(fields[0]), fields[2].strip()))
    return sorted(rows, reverse=True)[:count]


def heavy_loaded() -> list[str]:
    """The :data:`HEAVY` modules (and their submodules) loaded by ``import govreport``."""
    code = f"import govreport, sys; print(' '.join(sorted(m for m in sys.modules if m.startswith({HEAVY!r}))))"
    done = subprocess.run([sys.executable, "-c", code], check=True, env=_env(),
                          capture_output=True, text=True)
    return done.stdout.split()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--top", type=int, default=15)
    args = ap.parse_args(argv)
    bare = best_run("pass", args.repeat)
    full = best_run("import govreport", args.repeat)
    print(f"import govreport: {(full - bare) * 1e3:.1f} ms "
          f"(best of {args.repeat}: {full * 1e3:.1f} ms, interpreter start-up {bare * 1e3:.1f} ms)")
    print("largest own import times (one -X importtime run, µs):")
    for micros, name in top_modules(args.top):
        print(f"  {micros:8d}  {name}")
    heavy = heavy_loaded()
    print("heavy modules loaded:", " ".join(heavy) if heavy else "none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
