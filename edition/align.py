"""Pair the blocks of the original with their translation into the rows of the reading view.

A translation block names its original with @corresp (data-corresp in the HTML);
one translation block may point to several originals, in which case it stands in
the row of the first of them. A block that the source itself gives in the
translation's language (an English abstract) has no translation: its row is
shared by both columns, so that the reader sees it once.

The source's footnotes are paired the same way, into note rows; the edition's own
notes (translation and editorial) are listed apart.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .model import TRANSLATION_LANG, passage_label
from .transform import Fragment


@dataclass
class Row:
    id: str  # the original block's id: the paragraph's permalink
    label: str  # what the page shows and the index cites: ¶3, h. 1 (model.passage_label)
    kind: str  # p, head, item, quote…
    original: etree._Element | None
    translations: list[etree._Element] = field(default_factory=list)

    @property
    def inset(self) -> str:
        """The type of the document printed within the text (minutes…) that this row belongs to, or ""."""
        return "" if self.original is None else self.original.get("data-inset", "")

    @property
    def shared(self) -> bool:
        """Original text already in the translation's language: shown once, across both columns."""
        return not self.translations and self.original is not None \
            and self.original.get("lang", "").split("-")[0] == TRANSLATION_LANG


@dataclass
class NoteRow:
    original: etree._Element
    translations: list[etree._Element] = field(default_factory=list)


def blocks(column: etree._Element | None) -> list[etree._Element]:
    """Top-level blocks of a column, in document order."""
    if column is None:
        return []
    return column.xpath(".//*[@data-block][not(ancestor::*[@data-block])]")


def _targets(element: etree._Element) -> list[str]:
    return [token.lstrip("#") for token in element.get("data-corresp", "").split()]


def _pair(by_id: dict[str, Row | NoteRow], translations: list[etree._Element]) -> list[etree._Element]:
    """Give each translation element to the row of the first original it names; return the
    elements that name none."""
    unpaired = []
    for element in translations:
        row = next((by_id[t] for t in _targets(element) if t in by_id), None)
        if row is None:
            unpaired.append(element)
        else:
            row.translations.append(element)
    return unpaired


def rows(fragment: Fragment, siglum: str) -> tuple[list[Row], list[etree._Element]]:
    """The aligned rows, and the translation blocks that point to no original block."""
    result: list[Row] = []
    by_id: dict[str, Row] = {}
    for block in blocks(fragment.text_column("original")):
        row = Row(block.get("id", ""), passage_label(siglum, block.get("id", "")), block.get("data-block", ""), block)
        result.append(row)
        by_id[row.id] = row
    return result, _pair(by_id, blocks(fragment.text_column("translation")))


def _notes(fragment: Fragment, kind: str) -> list[etree._Element]:
    column = fragment.note_list(kind)
    return [] if column is None else column.xpath("div[contains(concat(' ', @class, ' '), ' tei-note ')]")


def note_rows(fragment: Fragment) -> tuple[list[NoteRow], list[etree._Element]]:
    """The source's footnotes beside their translations, and the edition's own notes."""
    source_notes: list[NoteRow] = []
    by_id: dict[str, NoteRow] = {}
    edition_notes: list[etree._Element] = []
    for note in _notes(fragment, "original"):
        if note.get("data-note-type"):
            edition_notes.append(note)
            continue
        row = NoteRow(note)
        source_notes.append(row)
        by_id[note.get("id", "")] = row
    edition_notes += _pair(by_id, _notes(fragment, "translation"))
    return source_notes, edition_notes
