"""What the full-text search finds: the folded spelling a reader may type, and the records.

- `fold(text)`: one spelling for the forms a reader may type for the same word: case, the Turkish
  dotted and dotless i (I, İ, ı, i), the marks of ç ş ğ ö ü â î û (and every other combining mark),
  the Arabic letter forms Urdu writes otherwise (ي ى → ی, ك → ک, ه ة ۃ → ہ, as
  tei/texts/historymaps.xml is encoded), Eastern Arabic digits. The steps are: decompose (NFD),
  drop the combining marks, lower case, replace by `FOLDING`. The search page's script and the
  index pages' filter box take the same table (`FOLDING`, through the templates) and take the
  same steps, so that a query is folded as the text was.
- `records(edition)`: one record per sentence of each original and each translation (per block
  where a block has no sentences) and one per note (the source's footnotes, the translation and
  editorial notes), each with the address of its passage (`texts/<siglum>.html#<id>`), its words
  as the page shows them, and what the search filters by.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from .claims import read_text
from .model import BLOCK, EDITORS_NOTE_TYPES, KIND_BY_PREFIX, Edition, Text, passage_label, text_path
from .sources import NS, TEI_NS, XML_NS

# What is left of a letter once the marks are gone and the case is lowered, where it is still
# another letter than the one a reader may type.
FOLDING: dict[str, str] = {
    "ı": "i",  # Turkish dotless i; İ is I + a mark, I lowers to i
    "ə": "e",  # Azerbaijani schwa (a name in frunze-heyeti)
    "ي": "ی", "ى": "ی",  # Arabic yeh and alef maksura -> Urdu (Farsi) yeh; ئ is ي + hamza
    "ك": "ک",  # Arabic kaf -> Urdu keheh
    "ه": "ہ", "ة": "ہ", "ۃ": "ہ",  # Arabic heh and teh marbuta -> Urdu heh goal (ۂ is ہ + hamza)
    **{chr(0x0660 + n): str(n) for n in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + n): str(n) for n in range(10)},  # Extended Arabic-Indic (Urdu) digits
    "’": " ", "‘": " ", "'": " ",  # Çiçerin’in: the name and its suffix are two words
}


def fold(text: str) -> str:
    """The spelling the search indexes and looks up: Çiçerin’in -> cicerin in, Kâzım -> kazim."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.category(c).startswith("M"))
    return "".join(FOLDING.get(c, c) for c in bare.lower())


_XML_ID = f"{{{XML_NS}}}id"
_XML_LANG = f"{{{XML_NS}}}lang"
_NOTE = f"{{{TEI_NS}}}note"
_S = f"{{{TEI_NS}}}s"
# the notes a reader reads: the source's footnotes, the translators' and the editors' notes
_NOTES = "tei:note[@xml:id][@place='foot' or " + " or ".join(f"@type='{t}'" for t in EDITORS_NOTE_TYPES) + "]"
SOURCE_NOTE = "source"  # the note type of the source's own footnotes (they have no @type)


@dataclass(frozen=True)
class Record:
    siglum: str
    anchor: str  # xml:id of the sentence, block or note
    part: str  # original | translation
    lang: str
    note_type: str  # "" for a sentence or block; source | translation | editorial for a note
    entities: tuple[str, ...]  # the register kinds (prefixes) of the names it tags
    text: str  # its words as the page shows them

    @property
    def url(self) -> str:
        return f"{text_path(self.siglum)}#{self.anchor}"

    @property
    def label(self) -> str:
        return passage_label(self.siglum, self.anchor)

    @property
    def content(self) -> str:
        """What is indexed: the folded words."""
        return fold(self.text)


def _own(named: etree._Element, element: etree._Element) -> bool:
    """Whether a name inside an element is the element's own, not a note's inside it."""
    for ancestor in named.iterancestors():
        if ancestor is element:
            return True
        if ancestor.tag == _NOTE:
            return False
    return False


def _entities(element: etree._Element) -> tuple[str, ...]:
    """The register kinds of the names an element tags (not those of a note inside it)."""
    kinds = set()
    for named in element.xpath(".//*[@ref] | .//tei:bibl[@corresp]", namespaces=NS):
        if not _own(named, element):
            continue
        for key in (named.get("ref") or named.get("corresp") or "").split():
            prefix = key.partition(":")[0]
            if prefix in KIND_BY_PREFIX:
                kinds.add(prefix)
    return tuple(sorted(kinds))


def _lang(element: etree._Element) -> str:
    return next((e.get(_XML_LANG) for e in (element, *element.iterancestors()) if e.get(_XML_LANG)), "")


def _units(part: etree._Element) -> Iterator[etree._Element]:
    """The sentences of a part, and its blocks that have no sentence and hold no other block,
    in document order; nothing inside a note, and no note."""
    blocks = set(part.xpath(" | ".join(".//" + b for b in BLOCK.split(" | ")), namespaces=NS))
    for element in part.iter(_S, *sorted({e.tag for e in blocks})):
        if element.tag == _NOTE or not element.get(_XML_ID) or any(True for _ in element.iterancestors(_NOTE)):
            continue
        if element.tag == _S or not any(d.tag == _S or d in blocks for d in element.iterdescendants()
                                        if _own(d, element)):
            yield element


def text_records(text: Text) -> Iterator[Record]:
    for part in text.doc.root.xpath("tei:text//tei:text[@type]", namespaces=NS):
        kind = part.get("type")
        for element in _units(part):
            if words := read_text(element):
                yield Record(text.siglum, element.get(_XML_ID), kind, _lang(element), "", _entities(element), words)
        for note in part.xpath(f".//{_NOTES}", namespaces=NS):
            if words := read_text(note):  # a footnote lost from the print (gap) has none
                yield Record(text.siglum, note.get(_XML_ID), kind, _lang(note), note.get("type") or SOURCE_NOTE,
                             _entities(note), words)


def records(edition: Edition) -> list[Record]:
    """Every record of every text (none without words), in the texts' order and each text's document order."""
    return [record for text in edition.texts for record in text_records(text)]
