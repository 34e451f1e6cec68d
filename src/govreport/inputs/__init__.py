"""Readers that turn the bytes of a published format into text (and, for PDF, pages).

Each reader is one module: :mod:`govreport.inputs.pdf` for PDF. Text encodings, HTML and
DOCX are still read by :mod:`govreport.decode` and :mod:`govreport.extract`.
"""
from __future__ import annotations

from govreport.inputs.document import Document

__all__ = ["Document"]
