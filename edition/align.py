"""Pair the blocks of the original with their translation into the rows of the reading view.

A translation block names its original with @corresp (data-corresp in the HTML);
one translation block may point to several originals, in which case it stands in
the row of the first of them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .transform import Fragment


@dataclass
class Row:
    id: str  # the original block's id: the paragraph's permalink
    number: int
    kind: str  # p, head, item, quote…
    original: etree._Element | None
    translations: list[etree._Element] = field(default_factory=list)


def blocks(column: etree._Element | None) -> list[etree._Element]:
    """Top-level blocks of a column, in document order."""
    if column is None:
        return []
    return column.xpath(".//*[@data-block][not(ancestor::*[@data-block])]")


def rows(fragment: Fragment) -> tuple[list[Row], list[etree._Element]]:
    """The aligned rows, and the translation blocks that point to no original block."""
    result: list[Row] = []
    by_id: dict[str, Row] = {}
    for number, block in enumerate(blocks(fragment.text_column("original")), start=1):
        row = Row(block.get("id", ""), number, block.get("data-block", ""), block)
        result.append(row)
        by_id[row.id] = row
    orphans = []
    for block in blocks(fragment.text_column("translation")):
        targets = [token.lstrip("#") for token in block.get("data-corresp", "").split()]
        row = next((by_id[t] for t in targets if t in by_id), None)
        if row is None:
            orphans.append(block)
        else:
            row.translations.append(block)
    return result, orphans
