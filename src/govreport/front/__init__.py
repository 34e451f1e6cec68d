"""The front matter: everything before the document's body, read by named rules.

Title, subtitle (``——2025年1月14日在…会议上``), speaker (``天津市市长 张工``),
salutation (``各位代表：``), a notice wrapper (``关于印发…的通知`` and its letter), a table
of contents, scrape headers and web-page clutter around them. Lines here are read one by
one, not as blocks: the front matter of real documents is a stack of short lines whose
breaks carry meaning.

The rules are an ordered, named tuple (:data:`RULES`), in the spirit of
:data:`govreport.blocks.RULES`: each is shown a line and either passes or takes it (and
maybe the lines after it), adding its nodes. One module a kind of front matter:

* :mod:`~govreport.front.header` — YAML front matter, a site's header block, ``标题：`` lines;
* :mod:`~govreport.front.contents` — ``目录`` and its entries;
* :mod:`~govreport.front.notice` — ``关于印发…的通知`` and its letter;
* :mod:`~govreport.front.report` — title, subtitle, speaker, salutation;
* :mod:`~govreport.front.split` — the rule order, where the front ends, page furniture.
"""
from __future__ import annotations

from govreport.front.core import SALUTATION, SPEAKER, Cursor, FrontInfo, FrontNode, FrontRule
from govreport.front.split import RULES, split_front

__all__ = ["FrontInfo", "split_front", "SPEAKER", "SALUTATION", "RULES", "FrontRule", "FrontNode", "Cursor"]
