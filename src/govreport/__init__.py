"""govreport: Chinese government work reports and plan outlines as a typed document model.

    >>> import govreport
    >>> report = govreport.parse("一、总体要求\\n全年地区生产总值增长5%左右。")
    >>> report.sections[0].title
    '总体要求'

``import govreport`` loads the model, the errors and :class:`Span`. The parser, the
batch helpers and the frames are loaded the first time one of their names is used
(``govreport.parse``, ``from govreport import parse_many`` …), so that a program that
only asks for ``__version__`` or reads a model type does not compile the parser's
patterns, and so that the command line starts fast. The names are the same either way.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from govreport.errors import (
    DecodeError,
    Diagnostic,
    FormatError,
    GovreportError,
    NumeralError,
    ParseError,
    Severity,
)
from govreport.model import (
    Attribute,
    Cell,
    Change,
    Column,
    Congress,
    Figure,
    Flag,
    FrontMatter,
    FrontRole,
    Furniture,
    FurnitureKind,
    Headline,
    HeadlineKind,
    Indicator,
    IndicatorValue,
    Item,
    ItemKind,
    Kind,
    Level,
    Meta,
    Metric,
    Note,
    Notice,
    Paragraph,
    Period,
    Qualifier,
    Report,
    Row,
    Section,
    Speaker,
    Table,
)
from govreport.span import Span

if TYPE_CHECKING:
    from govreport.batch import BatchResult, find_files, parse_many
    from govreport.frames import comparison_frame, indicators_frame, metrics_frame, targets_frame
    from govreport.metrics import extract_metrics
    from govreport.parser import parse, parse_bytes, parse_file
    from govreport.serialize.json import from_dict, to_dict

__version__ = "0.1.0"
"""The version of govreport: the one source of the version of the distribution too."""

_LAZY = {
    "parse": "govreport.parser",
    "parse_bytes": "govreport.parser",
    "parse_file": "govreport.parser",
    "extract_metrics": "govreport.metrics",
    "BatchResult": "govreport.batch",
    "find_files": "govreport.batch",
    "parse_many": "govreport.batch",
    "comparison_frame": "govreport.frames",
    "indicators_frame": "govreport.frames",
    "metrics_frame": "govreport.frames",
    "targets_frame": "govreport.frames",
    "to_dict": "govreport.serialize.json",
    "from_dict": "govreport.serialize.json",
}
"""The public names loaded on first use, and the module that defines each."""

__all__ = [
    "Attribute", "BatchResult", "Cell", "Change", "Column", "Congress", "DecodeError", "Diagnostic", "Figure", "Flag",
    "FormatError", "FrontMatter", "FrontRole", "Indicator", "IndicatorValue", "Furniture", "FurnitureKind", "GovreportError", "Item",
    "ItemKind", "Kind", "Level", "Meta", "Metric", "Note", "Notice", "NumeralError",
    "Paragraph", "ParseError", "Period", "Qualifier", "Report", "Row", "Section",
    "Severity", "Span", "Speaker", "Table", "__version__", "parse", "parse_bytes", "parse_file", "extract_metrics",
    "find_files", "indicators_frame", "metrics_frame", "parse_many", "Headline", "HeadlineKind",
    "targets_frame", "comparison_frame", "to_dict", "from_dict",
]


def __getattr__(name: str) -> object:
    """Load a public name of :data:`_LAZY` from its module on first use (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'govreport' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later uses find it without this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
