"""The outline as an indented tree a person reads in a terminal."""
from __future__ import annotations

from govreport.model import Column, Node, Report, Section

__all__ = ["render_outline"]


def render_outline(report: Report, *, columns: bool = True) -> str:
    """An indented outline: the metadata, then one line per section (and per 专栏 box)."""
    m = report.meta
    lines = [m.title or "(untitled)"]
    facts = [m.kind.value]
    if m.region:
        facts.append(m.region)
    if m.year:
        facts.append(str(m.year))
    if m.date:
        facts.append(m.date.isoformat())
    if m.speaker and (m.speaker.office or m.speaker.name):
        facts.append(" ".join(x for x in (m.speaker.office, m.speaker.name) if x))
    lines.append("  " + " · ".join(facts))
    lines.append("")

    def visit(nodes: tuple[Node, ...], depth: int) -> None:
        """Append the lines of the sections among ``nodes`` and below, indented by ``depth``."""
        for node in nodes:
            if isinstance(node, Section):
                marker = node.marker or "·"
                lines.append(f"{'  ' * (node.depth - 1)}{marker} {node.title}")
                visit(node.children, node.depth)
            elif isinstance(node, Column) and columns:
                number = "" if node.number is None else str(node.number)
                lines.append(f"{'  ' * depth}[专栏{number}] {node.title}")
    visit(report.body, 0)
    return "\n".join(lines) + "\n"
