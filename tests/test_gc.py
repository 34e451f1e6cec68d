"""The cyclic garbage collector is paused while a report is built, and that is safe.

``parse()`` switches CPython's cyclic collector off for its duration (see
``govreport.parser._collector_paused``): its full passes walk the growing tree and made a
16x document take 18-20x the time. That is only safe because a parse makes no reference
cycles, so these tests check that first, on every kind of input we have, and then that the
collector's state is what it was before, whatever happens during the parse.
"""
from __future__ import annotations

import gc
import pathlib
import threading
from collections.abc import Callable, Iterator, Sequence

import pytest

import govreport
from govreport import ParseError, Report
from govreport.blocks import RULES, Context, Event
from govreport.segment import Block

from helpers import SHARED
from test_adversarial import TEXT_CASES

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"


def _documents() -> Iterator[tuple[str, Callable[[], Report]]]:
    """Every real and written document at hand, each as a way to parse it."""
    for folder in (SHARED / "seeds", SHARED / "wild", EXAMPLES):
        for path in sorted(folder.glob("*.txt")):
            yield path.name, lambda path=path: govreport.parse(path.read_text(encoding="utf-8"))
    for path in sorted((SHARED / "wild" / "raw").glob("*")):
        yield path.name, lambda path=path: govreport.parse_bytes(path.read_bytes())
    for name, make in TEXT_CASES.items():
        yield name, lambda make=make: govreport.parse(make(1))


DOCUMENTS = dict(_documents())
_LARGE = set(TEXT_CASES)  # the adversarial inputs, up to megabytes: among the slow checks


@pytest.fixture
def collector_on() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if not was_enabled:
        gc.disable()


@pytest.mark.parametrize("name", [pytest.param(name, marks=pytest.mark.slow) if name in _LARGE else name
                                  for name in DOCUMENTS])
def test_a_parse_makes_no_reference_cycles(name: str) -> None:
    """What a parse allocates is freed by reference counting alone: once the report is
    dropped, the cyclic collector finds nothing. This is what makes pausing it safe."""
    run = DOCUMENTS[name]
    run()  # first use: lazy imports (html.parser, ElementTree) may leave cycles of their own
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        report = run()
        assert isinstance(report, Report)
        del report
        assert gc.collect() == 0
    finally:
        if was_enabled:
            gc.enable()


def _observing(seen: list[bool]) -> Sequence[tuple[str, Callable[[Context, Block, Sequence[Block], int], Event | None]]]:
    """The block rules, with a first rule that records whether the collector is on and declines."""
    def observe(ctx: Context, block: Block, blocks: Sequence[Block], index: int) -> Event | None:
        seen.append(gc.isenabled())
        return None
    return (("observe", observe), *RULES)


TEXT = "一、工作回顾\n\n全年新增就业4万人，增长5%。\n"


def test_the_collector_is_off_during_a_parse_and_on_again_after(collector_on: None) -> None:
    seen: list[bool] = []
    report = govreport.parse(TEXT, rules=_observing(seen))
    assert report.sections and seen and not any(seen)
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off(collector_on: None) -> None:
    gc.disable()
    govreport.parse(TEXT)
    assert not gc.isenabled()


def test_the_collector_is_restored_when_the_parse_raises(collector_on: None) -> None:
    def broken(ctx: Context, block: Block, blocks: Sequence[Block], index: int) -> Event | None:
        raise RuntimeError("a rule failed")

    with pytest.raises(RuntimeError, match="a rule failed"):
        govreport.parse(TEXT, rules=(("broken", broken),))
    assert gc.isenabled()
    with pytest.raises(ParseError):
        govreport.parse("一、工作回顾\n三、后来\n", strict=True)
    assert gc.isenabled()


@pytest.mark.slow
def test_parses_in_many_threads_leave_the_collector_on(collector_on: None) -> None:
    """Threads start and end their parses in every interleaving; none coordinates, and the
    collector is on at the end because the first parse to start saw it on."""
    text = TEXT * 200
    start = threading.Barrier(8)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            start.wait()
            for _ in range(5):
                govreport.parse(text)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert gc.isenabled()
