"""Many reports at once: find the files, parse them on any executor, keep going on failure.

    >>> import govreport
    >>> for result in govreport.parse_many(["examples/demo_report.txt"]):
    ...     print(result.ok, result.report.meta.region)
    True 青禾市

``parse_many`` takes any :class:`concurrent.futures.Executor`: a
``ProcessPoolExecutor`` on one machine, or Dask distributed's ``client.get_executor()``
on a cluster. The work unit is one file, given to :func:`parse_path`, a module-level
function so that it pickles.

When what you keep of each report is smaller than the report — its rows, its JSON —
:func:`render_many` does the rendering in the worker too and sends back only that: the
unit of work is :func:`render_path`, which parses one file and hands the report to a
module-level function of yours. ``govreport batch`` and the corpus commands run on it.

Both yield in input order and keep a bounded window of files in flight (``window``,
by default four per worker), so a corpus of any size never holds more than that many
results at once.
"""
from __future__ import annotations

import collections
import glob
import os
import pathlib
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from typing import Any, Generic, TypeVar

import attrs

from govreport.blocks import RULES, Rules
from govreport.errors import ParseError
from govreport.model import Report
from govreport.parser import parse_bytes, parse_file

__all__ = [
    "BatchResult", "Found", "Input", "Rendered", "SUFFIXES", "find_files", "parse_many", "parse_path",
    "render_many", "render_path", "scan", "warm_up",
]

SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".docx", ".pdf"})
"""The file suffixes :func:`find_files` collects from a directory."""

PathLike = str | os.PathLike[str]
T = TypeVar("T")
R = TypeVar("R")


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


@attrs.frozen(slots=True)
class Input:
    """Bytes already read (standard input, a download), named for the output: a source
    :func:`render_many` and :func:`render_path` take beside paths."""

    name: str
    data: bytes = attrs.field(repr=lambda data: f"<{len(data)} bytes>")


@attrs.frozen(slots=True)
class Rendered(Generic[T]):
    """The outcome of one source in :func:`render_many`: what ``render`` returned, or why
    the file failed.

    ``error`` is one line naming the exception (``DecodeError: input is not…``);
    ``message`` is the exception's own message, every problem of a ``--strict`` failure
    included, as the command line prints it. ``size`` and ``seconds`` are as in
    :class:`BatchResult`.
    """

    path: str
    output: T | None = None
    error: str | None = None
    message: str | None = None
    size: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """True when the file parsed and rendered."""
        return self.error is None


@attrs.frozen(slots=True)
class Found:
    """What :func:`scan` found: the ``files`` to read, in order without duplicates; the
    files of a directory ``skipped`` for their suffix; the ``missing`` targets, which
    name nothing."""

    files: tuple[pathlib.Path, ...] = ()
    skipped: tuple[pathlib.Path, ...] = ()
    missing: tuple[str, ...] = ()


def scan(targets: Iterable[PathLike]) -> Found:
    """Expand ``targets`` as :func:`find_files` does, without raising: a target that
    names nothing is listed in ``missing``, and the files a directory walk leaves out for
    their suffix are listed in ``skipped`` (hidden entries are left out unlisted)."""
    found: dict[pathlib.Path, None] = {}
    skipped: dict[pathlib.Path, None] = {}
    missing: list[str] = []
    for target in targets:
        path = pathlib.Path(target)
        if path.is_file():
            found[path] = None
        elif path.is_dir():
            for child in sorted(path.rglob("*")):
                if any(part.startswith(".") for part in child.relative_to(path).parts) or not child.is_file():
                    continue
                if child.suffix.lower() in SUFFIXES:
                    found[child] = None
                else:
                    skipped[child] = None
        else:
            matches = sorted(glob.glob(os.fspath(target), recursive=True))
            files = [pathlib.Path(m) for m in matches if os.path.isfile(m)]
            if not files:
                missing.append(os.fspath(target))
            found.update(dict.fromkeys(files))
    return Found(tuple(found), tuple(p for p in skipped if p not in found), tuple(missing))


def find_files(targets: Iterable[PathLike]) -> list[pathlib.Path]:
    """Expand ``targets`` into a sorted, de-duplicated list of files.

    A target is a file (taken whatever its suffix), a directory (searched recursively
    for :data:`SUFFIXES`, hidden entries skipped) or a glob pattern (``reports/**/*.txt``).
    A target that names nothing raises :class:`FileNotFoundError`. :func:`scan` says
    also which files a directory walk skipped.
    """
    found = scan(targets)
    if found.missing:
        raise FileNotFoundError(f"no such file, directory or matching pattern: {found.missing[0]}")
    return list(found.files)


def parse_path(path: PathLike, strict: bool = False, metrics: bool = True,
               rules: Rules = RULES) -> BatchResult:
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


def render_path(source: PathLike | Input, render: Callable[[str, Report], T], strict: bool = False,
                metrics: bool = True, rules: Rules = RULES) -> Rendered[T]:
    """Read and parse one file (or :class:`Input`) and return ``render(name, report)``.

    The unit of work of :func:`render_many`: ``render`` runs where the parse ran, so only
    its result travels back. Failures are caught as in :func:`parse_path`, those of
    ``render`` too.
    """
    name = source.name if isinstance(source, Input) else os.fspath(source)
    started = time.perf_counter()
    size = 0
    try:
        if isinstance(source, Input):
            size = len(source.data)
            report = parse_bytes(source.data, strict=strict, metrics=metrics, rules=rules)
        else:
            size = os.path.getsize(name)
            report = parse_file(name, strict=strict, metrics=metrics, rules=rules)
        output = render(name, report)
    except Exception as exc:  # noqa: BLE001 - reported per file, by design
        message = str(exc) if isinstance(exc, ParseError) else first_line(exc)
        return Rendered(name, None, _one_line(exc), message, size, time.perf_counter() - started)
    return Rendered(name, output, None, None, size, time.perf_counter() - started)


_WARM_UP = ("一、总体要求\n全年地区生产总值增长百分之五左右，投资两千三百亿元，新建学校三十所。"
            "新疆维吾尔自治区克孜勒苏柯尔克孜自治州。\n")


def warm_up() -> None:
    """Do once, in this process, what the first parse of a process does besides parsing:
    import cn2an and compile the patterns made on first use (a quarter of a second of CPU).
    Worker processes *forked* after it start with them, instead of each paying for them on
    its first file; ``govreport batch`` calls it before it starts its pool with the fork
    start method (a spawned worker imports everything again: there it would be wasted)."""
    parse_bytes(_WARM_UP.encode("utf-8"))


def first_line(exc: BaseException) -> str:
    """The first line of ``exc``'s message (an ``OSError``'s reason without its errno)."""
    text = str(exc).strip()
    if isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror
    return text.splitlines()[0] if text else type(exc).__name__


def _one_line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {first_line(exc)}"


def default_window(executor: Executor | None) -> int:
    """Four files in flight per worker: the worker count of a ``ProcessPoolExecutor`` or
    ``ThreadPoolExecutor``, else the machine's CPU count (pass ``window`` yourself for a
    cluster: four times its worker threads)."""
    workers = getattr(executor, "_max_workers", None)
    return 4 * (workers if isinstance(workers, int) and workers > 0 else os.cpu_count() or 1)


def _in_order(executor: Executor, fn: Callable[..., R], jobs: Iterable[tuple[Any, ...]],
              window: int) -> Iterator[tuple[tuple[Any, ...], Future[R]]]:
    """Submit ``fn(*job)`` for each job, at most ``window`` at a time, and yield each job
    with its future in input order; a consumer that stops early cancels the rest."""
    if window < 1:
        raise ValueError(f"window must be at least 1, not {window}")
    pending: collections.deque[tuple[tuple[Any, ...], Future[R]]] = collections.deque()
    try:
        for job in jobs:
            pending.append((job, executor.submit(fn, *job)))
            if len(pending) >= window:
                yield pending.popleft()
        while pending:
            yield pending.popleft()
    finally:
        for _, future in pending:
            future.cancel()


def parse_many(paths: Iterable[PathLike], *, executor: Executor | None = None,
               strict: bool = False, metrics: bool = True, rules: Rules = RULES,
               window: int | None = None) -> Iterator[BatchResult]:
    """Parse every file in ``paths``, yielding one :class:`BatchResult` each, in input order.

    With ``executor=None`` the files are parsed one after another in this process;
    otherwise each file is submitted to ``executor`` (a ``ProcessPoolExecutor``, a
    ``ThreadPoolExecutor``, Dask's ``client.get_executor()``…) and results are yielded
    in input order, with at most ``window`` files in flight (default:
    :func:`default_window`). A file that cannot be read or decoded (or, with
    ``strict=True``, has diagnostics) yields a result with ``error`` set; it never stops
    the others. The executor is not shut down: it belongs to the caller. ``strict``,
    ``metrics`` and ``rules`` are the options of :func:`govreport.parse` (with an
    executor in other processes, ``rules`` must pickle: module-level functions do).
    """
    names = (os.fspath(p) for p in paths)
    if executor is None:
        for name in names:
            yield parse_path(name, strict, metrics, rules)
        return
    jobs = ((name, strict, metrics, rules) for name in names)
    for job, future in _in_order(executor, parse_path, jobs, window or default_window(executor)):
        try:
            yield future.result()
        except Exception as exc:  # the worker itself died (e.g. killed, out of memory)
            yield BatchResult(job[0], None, _one_line(exc))


def render_many(sources: Iterable[PathLike | Input], render: Callable[[str, Report], T], *,
                executor: Executor | None = None, strict: bool = False, metrics: bool = True,
                rules: Rules = RULES, window: int | None = None) -> Iterator[Rendered[T]]:
    """Parse every source and yield ``render(name, report)`` of each, in input order.

    Like :func:`parse_many`, but the report is turned into what you keep — its CSV rows,
    its JSON — where it was parsed, and only that comes back from the executor: the
    whole report never crosses a process boundary. ``render`` must pickle for a process
    pool: a module-level function (or a :func:`functools.partial` of one). ``name`` is the
    path as a string, or the :class:`Input`'s name. The options are those of
    :func:`parse_many`.
    """
    if executor is None:
        for source in sources:
            yield render_path(source, render, strict, metrics, rules)
        return
    jobs = ((source, render, strict, metrics, rules) for source in sources)
    for job, future in _in_order(executor, render_path, jobs, window or default_window(executor)):
        try:
            yield future.result()
        except Exception as exc:  # the worker itself died, or render's result did not pickle
            source = job[0]
            name = source.name if isinstance(source, Input) else os.fspath(source)
            yield Rendered(name, None, _one_line(exc), first_line(exc))
