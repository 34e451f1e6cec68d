"""The records the metric pass works on, shared by the scanner and every labeller.

:class:`Quantity` is what the scanner (:mod:`.scan`) finds: a number bound to a unit, with
its span in the text. :class:`Context` is what the labellers learn about one quantity, one
field each (:mod:`.qualifier`, :mod:`.change`, :mod:`.period`, :mod:`.year`, :mod:`.target`,
:mod:`.indicator`, :mod:`.key`). :class:`Window` is the text a labeller may read: the
quantity's clause and sentence before it, cut once for all of them.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final, NamedTuple

import attrs

from govreport.model import Change, Metric, Period, Qualifier
from govreport.span import Span

__all__ = [
    "CLAUSE_PUNCT",
    "CLAUSE_REACH",
    "CONTEXT_AFTER",
    "CONTEXT_BEFORE",
    "GOAL_SET",
    "Context",
    "Quantity",
    "SENTENCE_PUNCT",
    "SENTENCE_REACH",
    "TailPattern",
    "VERB",
    "Window",
    "new_metric",
]

CONTEXT_BEFORE: Final[int] = 400
"""Characters read before a slice for the context of its first quantities."""
CONTEXT_AFTER: Final[int] = 16
"""Characters read after a slice (what follows a unit)."""
CLAUSE_REACH: Final[int] = 120
"""How far back a clause is looked for; text without punctuation stays linear."""
SENTENCE_REACH: Final[int] = 300
"""How far back a sentence is looked for."""

CLAUSE_PUNCT = re.compile(r"[，,。；;：:！!？?\n]")
"""What ends a clause."""
SENTENCE_PUNCT = re.compile(r"[。！!？?\n]")
"""What ends a sentence."""

VERB: Final[str] = (
    r"(?P<to>(?:提高|提升|增加|增长|上升|扩大|下降|降低|减少|缩小|缩短|压减|压缩|延长|调整|增|降|升|减)(?:到|至)|"
    r"达到|达)"  # (增至 and the like are 增 + 至 above: one way to match each, no backtracking blow-up)
    r"|(?P<growth>增长|增加|提高|提升|上涨|上升|扩大|(?<!新)增|涨|多增)"
    r"|(?P<decline>下降|降低|减少|下滑|回落|缩小|缩短|压减|压缩|削减|下拉|降|减)"
)
"""The verbs of change, in three named groups: ``to``, ``growth`` and ``decline``."""

GOAL_SET: Final[str] = r"(?:建议|安排|拟定|设定|确定|初步安排|初步确定)?"
"""How a draft sets the goals it names, between 目标 and 是/为 (``主要预期目标建议为``): what
the targets passage, the target labeller and the indicator's cleaning all read."""


class TailPattern:
    """A pattern anchored at the end of the text (``…$``), searched only where it can match.

    Every character such a match holds is written in the pattern's source, is a space or
    is a digit the source's ``\\d`` stands for, so a match lies inside the final run of those
    characters: :meth:`search` starts there (the characters before stay visible to
    lookbehinds) and finds what ``re.search`` finds, without trying the pattern at every
    position of the text.
    """

    def __init__(self, source: str) -> None:
        self.regex = re.compile(source)
        # a \d stands for the digits (of normalized text, where digits are ASCII)
        digits = "0123456789" if r"\d" in source else ""
        self.chars = "".join(sorted(set(source))) + digits + " \t\n\r\x0b\x0c"

    def search(self, text: str) -> re.Match[str] | None:
        """The match at the end of ``text``, or ``None``."""
        head = text.rstrip(self.chars)
        while head and head[-1].isspace():  # a space the list of characters leaves out
            head = head[:-1].rstrip(self.chars)
        return self.regex.search(text, len(head))


class Quantity(NamedTuple):
    """A quantity found by the scanner, before its context is read.

    A named tuple rather than a frozen attrs class: one is made for every quantity, and a
    tuple is made several times faster (the model's classes stay attrs).
    """

    start: int
    end: int
    value: Decimal
    unit: str  # as written, magnitude included, normalized
    base_value: Decimal
    base_unit: str
    value_high: Decimal | None = None
    base_value_high: Decimal | None = None
    qualifier: Qualifier | None = None
    prefix_qualified: bool = False


class Window(NamedTuple):
    """The text before one quantity that its labellers read (all in normalized text).

    ``pre`` runs from the start of the clause, or from the end of the previous quantity when
    that lies inside the clause, to the quantity (or to a qualifier written in front of it);
    ``clause_pre`` and ``sentence_pre`` from the start of the clause and of the sentence.
    ``joined`` tells that only a connector (、 和 及) separates the quantity from the previous one.
    """

    norm: str
    end: int
    clause: int
    sentence: int
    qual_start: int
    pre: str
    clause_pre: str
    sentence_pre: str
    joined: bool


@attrs.define(slots=True)
class Context:
    """What the labellers learn about one quantity; mutable while the pass runs."""

    qty: Quantity
    indicator: str | None = None
    change: Change | None = None
    period: Period | None = None
    year: int | None = None
    years: tuple[int, int] | None = None
    target: bool = False
    estimate: bool = False
    partner: Span | None = None
    key: str | None = None
    clause: int = -1
    """Where the quantity's clause starts (set by the pass): labellers reuse what they read
    in the clause or sentence of the previous quantity when it is the same."""
    sentence: int = -1
    """Where the quantity's sentence starts (set by the pass)."""
    in_clause: tuple[bool, bool] = (False, False)
    """Target and estimate words found in the clause before the quantity."""
    lead: tuple[int, int, bool, bool] | None = None
    """The sentence's lead-in as the target labeller read it: (sentence start, lead-in
    length, opens with a target word, opens with an estimate word); the next quantity of the
    same sentence reuses it."""
    respective: tuple[tuple[str, ...], int] | None = None
    """For a quantity of a run that 分别 gives to the subjects of a list (``A、B分别增长8%、10%``):
    the subjects, and which of them is this quantity's."""


def _metric_maker() -> Callable[..., Metric]:
    """A function taking :class:`~govreport.model.Metric`'s fields positionally, in the order
    of its attrs fields, that makes the metric by setting its slots through their
    descriptors: about 30 % cheaper than the generated frozen ``__init__``, whose
    ``object.__setattr__`` per field looks each slot up by name. The metric pass makes one
    per quantity; everyone else calls ``Metric(...)``. Generated from the fields, as attrs
    generates ``__init__``, so that it cannot drift from the class."""
    names = [field.name for field in attrs.fields(Metric)]
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": Metric}
    namespace.update({f"_set_{name}": Metric.__dict__[name].__set__ for name in names})
    body = "".join(f"    _set_{name}(m, {name})\n" for name in names)
    exec(f"def new_metric({', '.join(names)}):\n    m = _new(_cls)\n{body}    return m\n", namespace)
    maker: Callable[..., Metric] = namespace["new_metric"]
    return maker


new_metric: Final[Callable[..., Metric]] = _metric_maker()
"""``new_metric(text, span, value, …, key)``: a :class:`~govreport.model.Metric`, all 18
fields given positionally (see :func:`_metric_maker`)."""
