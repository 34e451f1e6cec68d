"""govreport: Chinese government work reports and plan outlines as a typed document model.

    >>> import govreport
    >>> report = govreport.parse("一、总体要求\\n全年地区生产总值增长5%左右。")
    >>> report.sections[0].title
    '总体要求'
"""
from govreport.errors import DecodeError, Diagnostic, GovreportError, NumeralError, ParseError, Severity
from govreport.model import (
    Attribute,
    Cell,
    Change,
    Column,
    Congress,
    Figure,
    Flag,
    Indicator,
    IndicatorValue,
    FrontMatter,
    FrontRole,
    Furniture,
    FurnitureKind,
    Headline,
    HeadlineKind,
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
from govreport.batch import BatchResult, find_files, parse_many
from govreport.frames import comparison_frame, indicators_frame, metrics_frame, targets_frame
from govreport.metrics import extract_metrics
from govreport.parser import parse, parse_bytes, parse_file
from govreport.serialize.json import from_dict, to_dict
from govreport.span import Span

__version__ = "0.1.0"

__all__ = [
    "Attribute", "BatchResult", "Cell", "Change", "Column", "Congress", "DecodeError", "Diagnostic", "Figure", "Flag",
    "FrontMatter", "FrontRole", "Indicator", "IndicatorValue", "Furniture", "FurnitureKind", "GovreportError", "Item",
    "ItemKind", "Kind", "Level", "Meta", "Metric", "Note", "Notice", "NumeralError",
    "Paragraph", "ParseError", "Period", "Qualifier", "Report", "Row", "Section",
    "Severity", "Span", "Speaker", "Table", "__version__", "parse", "parse_bytes", "parse_file", "extract_metrics",
    "find_files", "indicators_frame", "metrics_frame", "parse_many", "Headline", "HeadlineKind",
    "targets_frame", "comparison_frame", "to_dict", "from_dict",
]
