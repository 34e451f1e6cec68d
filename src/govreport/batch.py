"""Many reports at once: find the files, parse them on any executor, keep going on failure.

    >>> import govreport
    >>> for result in govreport.parse_many(["examples/demo_report.txt"]):
    ...     print(result.ok, result.report.meta.region)
    True 青禾市

``parse_many`` takes any :class:`concurrent.futures.Executor`: a
``ProcessPoolExecutor`` on one machine, or Dask distributed's ``client.get_executor()``
on a cluster. The work unit is one file, given to :func:`parse_path`, a module-level
function so that it pickles.
"""
from __future__ import annotations

import glob
import os
import pathlib
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Executor

import attrs

from govreport.blocks import RULES, Rule
from govreport.model import Report
from govreport.parser import parse_file

__all__ = ["BatchResult", "SUFFIXES", "find_files", "parse_many", "parse_path"]

SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".docx", ".pdf"})
"""The file suffixes :func:`find_files` collects from a directory."""

PathLike = str | os.PathLike[str]


@attrs.frozen(slots=True)
class BatchResult:
    """The outcome of one file: a report, or the one-line reason it failed.

    ``size`` is the file's size in bytes (0 if it could not be read) and ``seconds``
    the time spent reading and parsing it.
    """

    path: str
    report: Report | None = None
    error: str | None = None
    size: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """True when the file parsed."""
        return self.report is not None


def find_files(targets: Iterable[PathLike]) -> list[pathlib.Path]:
    """Expand ``targets`` into a sorted, de-duplicated list of files.

    A target is a file (taken whatever its suffix), a directory (searched recursively
    for :data:`SUFFIXES`, hidden entries skipped) or a glob pattern (``reports/**/*.txt``).
    A target that names nothing raises :class:`FileNotFoundError`.
    """
    found: dict[pathlib.Path, None] = {}
    for target in targets:
        path = pathlib.Path(target)
        if path.is_file():
            found[path] = None
        elif path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and child.suffix.lower() in SUFFIXES and not hidden:
                    found[child] = None
        else:
            matches = sorted(glob.glob(os.fspath(target), recursive=True))
            files = [pathlib.Path(m) for m in matches if os.path.isfile(m)]
            if not files:
                raise FileNotFoundError(f"no such file, directory or matching pattern: {os.fspath(target)}")
            found.update(dict.fromkeys(files))
    return list(found)


def parse_path(path: PathLike, strict: bool = False, metrics: bool = True,
               rules: Sequence[tuple[str, Rule]] = RULES) -> BatchResult:
    """Read and parse one file; whatever goes wrong becomes the result's ``error``.

    This is the unit of work :func:`parse_many` sends to an executor. Read and decode
    failures (``OSError``, :class:`~govreport.DecodeError`, :class:`~govreport.extract.FormatError`),
    strict-mode :class:`~govreport.ParseError` and even an unexpected exception are
    caught, so one file never stops a batch; the error names the exception type.
    """
    name = os.fspath(path)
    started = time.perf_counter()
    size = 0
    try:
        size = os.path.getsize(name)
        report = parse_file(name, strict=strict, metrics=metrics, rules=rules)
    except Exception as exc:  # noqa: BLE001 - reported per file, by design
        return BatchResult(name, None, _one_line(exc), size, time.perf_counter() - started)
    return BatchResult(name, report, None, size, time.perf_counter() - started)


def first_line(exc: BaseException) -> str:
    """The first line of ``exc``'s message (an ``OSError``'s reason without its errno)."""
    text = str(exc).strip()
    if isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror
    return text.splitlines()[0] if text else type(exc).__name__


def _one_line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {first_line(exc)}"


def parse_many(paths: Iterable[PathLike], *, executor: Executor | None = None,
               strict: bool = False, metrics: bool = True,
               rules: Sequence[tuple[str, Rule]] = RULES) -> Iterator[BatchResult]:
    """Parse every file in ``paths``, yielding one :class:`BatchResult` each, in input order.

    With ``executor=None`` the files are parsed one after another in this process;
    otherwise each file is submitted to ``executor`` (a ``ProcessPoolExecutor``, a
    ``ThreadPoolExecutor``, Dask's ``client.get_executor()``…) and results are yielded
    in input order. A file that cannot be read or decoded (or, with
    ``strict=True``, has diagnostics) yields a result with ``error`` set; it never stops
    the others. The executor is not shut down: it belongs to the caller. ``strict``,
    ``metrics`` and ``rules`` are the options of :func:`govreport.parse` (with an
    executor in other processes, ``rules`` must pickle: module-level functions do).
    """
    names = [os.fspath(p) for p in paths]
    if executor is None:
        for name in names:
            yield parse_path(name, strict, metrics, rules)
        return
    futures = [executor.submit(parse_path, name, strict, metrics, rules) for name in names]
    try:
        for name, future in zip(names, futures):
            try:
                yield future.result()
            except Exception as exc:  # the worker itself died (e.g. killed, out of memory)
                yield BatchResult(name, None, _one_line(exc))
    finally:
        for future in futures:
            future.cancel()
