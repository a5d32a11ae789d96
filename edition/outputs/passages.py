"""compare/events/<event>.html: for each event that two or more texts name, the passages of every
text that names or dates it, original beside translation, the texts in the order of their publication."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from ..claims import read_text
from ..model import Text, passages_path
from ..sources import NS, XML_NS
from .site import Site

_XML_ID = f"{{{XML_NS}}}id"


@dataclass
class Passage:
    anchor: str  # xml:id of the original sentence, heading or footnote
    original: str
    lang: str
    translation: str


def by_publication(texts: list[Text]) -> list[Text]:
    """The texts in the order of their publication; a text whose date is unknown comes last."""
    return sorted(texts, key=lambda t: (t.meta.source_date or "9999", texts.index(t)))


@dataclass
class _Elements:
    """A text's elements by id, their order, and each original id's rendering in the translation."""

    by_id: dict[str, etree._Element]
    order: dict[str, int]
    rendering: dict[str, etree._Element]


def _elements(text: Text) -> _Elements:
    by_id = {e.get(_XML_ID): e for e in text.doc.root.iter() if isinstance(e.tag, str) and e.get(_XML_ID)}
    rendering: dict[str, etree._Element] = {}
    for element in text.doc.root.xpath("tei:text//tei:text[@type='translation']//*[@corresp]"
                                       "[not(self::tei:bibl or self::tei:date or self::tei:measure)]", namespaces=NS):
        for token in element.get("corresp").split():
            rendering.setdefault(token.lstrip("#"), element)
    return _Elements(by_id, {element_id: n for n, element_id in enumerate(by_id)}, rendering)


def _passages(elements: _Elements, anchors: list[str]) -> list[Passage]:
    found = []
    for anchor in sorted(dict.fromkeys(anchors), key=lambda a: elements.order.get(a, 0)):
        element = elements.by_id.get(anchor)
        if element is None:
            continue
        lang = next((e.get(f"{{{XML_NS}}}lang") for e in (element, *element.iterancestors())
                     if e.get(f"{{{XML_NS}}}lang")), "")
        counterpart = elements.rendering.get(anchor)
        found.append(Passage(anchor, read_text(element), lang, read_text(counterpart) if counterpart is not None else ""))
    return found


def pages(site: Site) -> Iterator[tuple[str, bytes]]:
    claims = site.claims.by_event()
    texts = by_publication(site.edition.texts)
    elements: dict[str, _Elements] = {}  # each text's, read once for all its events
    for entry in site.edition.registry.values():
        if not site.index.has_passages(entry.key):
            continue
        sections = []
        named = site.index.of(entry.key)
        for text in texts:
            anchors = [o.anchor for o in named if o.siglum == text.siglum and o.kind == "original" and not o.editors]
            anchors += [c.anchor for row in claims.get(entry.key, []) for c in row.claims if c.siglum == text.siglum]
            if anchors:
                if text.siglum not in elements:
                    elements[text.siglum] = _elements(text)
                sections.append((text.meta, _passages(elements[text.siglum], anchors)))
        path = passages_path(entry.id)
        yield path, site.renderer.page("passages.html", path, entry=entry, sections=sections, claims=site.claims)
