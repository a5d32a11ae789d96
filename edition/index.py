"""The combined index: every tagged mention and every dated mention across all texts.

Gathered from the TEI of all texts before any page is rendered, so that every
page sees the same index (the barrier MkDocs keeps between reading and writing).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from lxml import etree

from .model import EDITORS_NOTE_TYPES, PASSAGES_MIN_TEXTS, UNSHOWN_READINGS
from .registers import Entry
from .sources import NS, TEI_NS, XML_NS, Corpus, Document

_XML_ID = f"{{{XML_NS}}}id"
_XML_LANG = f"{{{XML_NS}}}lang"
_NOTE = f"{{{TEI_NS}}}note"
# Left out of snippets, as on the reading page: the printed reading beside a correction (the
# corrected one is shown), and the footnote calls and numbers, which the page shows as buttons.
_UNSHOWN = {f"{{{TEI_NS}}}{name}" for name in UNSHOWN_READINGS}
_REF = f"{{{TEI_NS}}}ref"
_LABEL = f"{{{TEI_NS}}}label"
_TEXT = f"{{{TEI_NS}}}text"
_CONTEXT = 70  # characters of context on each side of a mention


@dataclass(frozen=True)
class Occurrence:
    siglum: str
    kind: str  # original | translation
    lang: str
    anchor: str  # xml:id of the sentence, block or note the mention is in
    form: str  # the name as written
    before: str
    after: str
    editors: bool = False  # in a translation or editorial note: the editors' words, not the source's


@dataclass
class DatedMention:
    label: str  # 1921-08 – 1921-09
    sort_key: str
    occurrences: list[Occurrence] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return "date-" + re.sub(r"[^0-9A-Za-z]+", "-", self.label).strip("-")


class Index:
    """The index of every text: made of the texts' shares (in the edition's order) and the registry.
    Which texts name an entry (and so which events have a page of passages) is known at once; the
    occurrences, with their snippets, are gathered when first asked for (the reading page never asks)."""

    def __init__(self, shares: list[TextIndex], registry: dict[str, Entry]):
        self._shares = shares
        self._registry = registry

    @cached_property
    def mentions(self) -> dict[str, list[Occurrence]]:
        """register key -> occurrences in text order"""
        mentions: dict[str, list[Occurrence]] = defaultdict(list)
        for share in self._shares:
            for key, occurrences in share.mentions.items():
                if key in self._registry:
                    mentions[key].extend(occurrences)
        return dict(mentions)

    @cached_property
    def chronology(self) -> list[DatedMention]:
        dates: dict[str, DatedMention] = {}
        for share in self._shares:
            for label, sort_key, occurrence in share.dates:
                dates.setdefault(label, DatedMention(label, sort_key)).occurrences.append(occurrence)
        return sorted(dates.values(), key=lambda d: (d.sort_key, d.label))

    def of(self, key: str) -> list[Occurrence]:
        return self.mentions.get(key, [])

    def texts_naming(self, key: str) -> list[str]:
        """The texts whose own words (not the editors' notes) name an entry, in the edition's order."""
        return [share.siglum for share in self._shares if key in share.named] if key in self._registry else []

    def has_passages(self, key: str) -> bool:
        """Whether an event has a page of parallel passages (model.passages_path)."""
        return key.startswith("event:") and len(self.texts_naming(key)) >= PASSAGES_MIN_TEXTS

    def events_with_passages(self) -> frozenset[str]:
        return frozenset(key for share in self._shares for key in share.named if self.has_passages(key))


def _anchor(element: etree._Element) -> etree._Element:
    for ancestor in element.iterancestors():
        if ancestor.get(_XML_ID) and etree.QName(ancestor).localname != "text":
            return ancestor
    return element


def _silent(node: etree._Element) -> bool:
    if node.tag in _UNSHOWN:
        return True
    if node.tag == _REF:
        return node.get("type") == "noteAnchor"
    if node.tag == _LABEL:
        parent = node.getparent()
        return parent is not None and parent.tag == _NOTE and parent.get("place") == "foot"
    return False


def _skipped(node: etree._Element, anchor: etree._Element) -> bool:
    """Whether a node's own text is left out of a snippet (its tail is kept): a note inside the anchor,
    a footnote call or number, the printed reading beside a correction, an XML comment or processing
    instruction."""
    return not isinstance(node.tag, str) or (node.tag == _NOTE and node is not anchor) or _silent(node)


def _text(element: etree._Element) -> str:
    """The reading text of an element, as the reading page shows it, without footnote marks."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if isinstance(node.tag, str) and not _silent(node):
            parts.append(node.text or "")
            for child in node:
                walk(child)
        if node is not element:
            parts.append(node.tail or "")

    walk(element)
    return " ".join("".join(parts).split())


@dataclass
class _Layout:
    """An anchor's text as pieces in reading order, and where each element's own text begins and ends
    among them: made once per anchor, so that each mention in it is a slice, not a walk."""

    parts: list[str]
    spans: dict[etree._Element, tuple[int, int]]

    @classmethod
    def of(cls, anchor: etree._Element) -> _Layout:
        parts: list[str] = []
        spans: dict[etree._Element, tuple[int, int]] = {}

        def walk(node: etree._Element) -> None:
            start = len(parts)
            if not _skipped(node, anchor):
                parts.append(node.text or "")
                for child in node:
                    walk(child)
            spans[node] = (start, len(parts))
            if node is not anchor and node.tail:
                parts.append(node.tail)

        walk(anchor)
        return cls(parts, spans)


def _context(anchor: etree._Element, target: etree._Element,
             layouts: dict[etree._Element, _Layout]) -> tuple[str, str, str]:
    """The anchor's text split around the target, notes left out (unless the anchor is one).
    `layouts`: the anchors already laid out, by the text's mentions before this one."""
    if target is anchor:
        before, after = "", target.tail or ""
    else:
        layout = layouts.get(anchor)
        if layout is None:
            layout = layouts[anchor] = _Layout.of(anchor)
        start, end = layout.spans.get(target, (len(layout.parts),) * 2)
        before, after = "".join(layout.parts[:start]), "".join(layout.parts[end:])
    # Inner whitespace is squeezed, but the space next to the mention is kept: a Turkish
    # suffix ("Çiçerin’in") follows its name without one.
    left = re.sub(r"\s+", " ", before).lstrip()
    right = re.sub(r"\s+", " ", after).rstrip()
    left = ("…" + left[-_CONTEXT:].lstrip()) if len(left) > _CONTEXT else left
    right = (right[:_CONTEXT].rstrip() + "…") if len(right) > _CONTEXT else right
    return left, _text(target), right


def _occurrence(siglum: str, element: etree._Element, layouts: dict[etree._Element, _Layout]) -> Occurrence:
    # ancestor walks rather than XPath: this runs once per mention, and an XPath call costs more
    text = next(a for a in element.iterancestors(_TEXT) if a.get("type"))
    lang = next((e.get(_XML_LANG) for e in (element, *element.iterancestors()) if e.get(_XML_LANG) is not None), "")
    anchor = _anchor(element)
    before, form, after = _context(anchor, element, layouts)
    return Occurrence(siglum, text.get("type"), lang, anchor.get(_XML_ID), form, before, after, _by_editors(element))


def _by_editors(element: etree._Element) -> bool:
    """Whether a mention is in a translation or editorial note: the editors' words, not the source's."""
    return any(n.get("type") in EDITORS_NOTE_TYPES for n in element.iterancestors(_NOTE))


def _date_label(date: etree._Element) -> tuple[str, str]:
    when = date.get("when")
    if when:
        return when, when
    start = date.get("from") or date.get("notBefore") or ""
    end = date.get("to") or date.get("notAfter") or ""
    prefix = "" if date.get("from") or date.get("to") else "c. "
    return f"{prefix}{start} – {end}".strip(), start or end


_MENTIONS = "tei:text//*[@ref] | tei:text//tei:bibl[starts-with(@corresp, 'bibl:')]"


def _keys(element: etree._Element) -> list[str]:
    return (element.get("ref") or element.get("corresp", "")).split()


class TextIndex:
    """One text's share of the index; it depends on the text alone. `named`: the keys the text's own words
    name (not the editors' notes), found at once. `mentions` (every key it names, with its occurrences in
    the text's order) and `dates` (its dated mentions: label, sort key, occurrence) are made when first
    asked for, the snippets being most of the cost."""

    def __init__(self, siglum: str, doc: Document):
        self.siglum = siglum
        self._doc: Document | None = doc
        self.named = frozenset(key for element in doc.root.xpath(_MENTIONS, namespaces=NS)
                               if not _by_editors(element) for key in _keys(element))

    @property
    def mentions(self) -> dict[str, list[Occurrence]]:
        return self._made[0]

    @property
    def dates(self) -> list[tuple[str, str, Occurrence]]:
        return self._made[1]

    @cached_property
    def _made(self) -> tuple[dict[str, list[Occurrence]], list[tuple[str, str, Occurrence]]]:
        doc, self._doc = self._doc, None  # the tree is not held once its share is made
        mentions: dict[str, list[Occurrence]] = defaultdict(list)
        layouts: dict[etree._Element, _Layout] = {}
        for element in doc.root.xpath(_MENTIONS, namespaces=NS):
            occurrence = _occurrence(self.siglum, element, layouts)
            for key in _keys(element):
                mentions[key].append(occurrence)
        # the chronology is of the events a text speaks of, not of the works it cites
        dates = [(*_date_label(date), _occurrence(self.siglum, date, layouts))
                 for date in doc.root.xpath("tei:text//tei:date[not(ancestor::tei:bibl)]", namespaces=NS)]
        return dict(mentions), dates


class TextIndexes:
    """Each text's share of the index, kept from one build to the next in one process (edition serve):
    a text whose file has not changed is not indexed again. Keyed by the siglum and the file's bytes, on
    which alone a share depends; only the shares of the latest build are kept."""

    def __init__(self) -> None:
        self._kept: dict[tuple[str, bytes], TextIndex] = {}
        self.made = 0  # how many texts the latest build indexed (the others were kept)

    def of(self, corpus: Corpus) -> list[TextIndex]:
        kept, self._kept, self.made = self._kept, {}, 0
        shares = []
        for doc in corpus.texts:
            siglum = corpus.siglum(doc)
            key = (siglum, doc.data)
            share = kept.get(key) if doc.data else None
            if share is None:
                share, self.made = TextIndex(siglum, doc), self.made + 1
            if doc.data:
                self._kept[key] = share
            shares.append(share)
        return shares


def build_index(corpus: Corpus, registry: dict[str, Entry], kept: TextIndexes | None = None) -> Index:
    """The index of every text, in the edition's order (with `kept`, the unchanged texts' shares are reused)."""
    shares = kept.of(corpus) if kept is not None else [TextIndex(corpus.siglum(doc), doc) for doc in corpus.texts]
    return Index(shares, registry)
