"""What the pages show about each text, read from its TEI header as plain data."""
from __future__ import annotations

from dataclasses import dataclass

from .model import direction, text_path
from .sources import NS, XML_NS, Corpus, Document
from .sources import plain_text as _text


def _all(doc: Document, path: str) -> list:
    return doc.root.xpath(path, namespaces=NS)


def _first_text(element, path: str) -> str:
    found = element.xpath(path, namespaces=NS)
    return _text(found[0]) if found else ""


@dataclass
class Link:
    label: str
    url: str


@dataclass
class TextMeta:
    siglum: str
    title_original: str
    title_english: str
    subtitle: str
    original_lang: str
    original_dir: str
    author: str
    responsibilities: list[tuple[str, str]]
    version: str
    published: str
    source_date: str  # when the source itself was published, as far as known (YYYY…; "" if unknown)
    path: str
    source: str
    source_links: list[Link]
    identification: str
    rights: str
    licence: Link
    transcription: str
    languages: list[str]
    keywords: list[str]
    revisions: list[tuple[str, str]]


def _web(target: str) -> str:
    """Only http(s) addresses become links; anything else (javascript:, data:…) stays out of href."""
    return target if target.startswith(("https://", "http://")) else ""


def _web_links(elements) -> list[Link]:
    return [Link(ptr.get("target"), ptr.get("target")) for ptr in elements if _web(ptr.get("target", ""))]


def text_meta(corpus: Corpus, doc: Document) -> TextMeta:
    siglum = corpus.siglum(doc)
    original = _all(doc, "tei:text/tei:group/tei:text[@type='original']")
    lang = original[0].get(f"{{{XML_NS}}}lang", "") if original else ""
    source = _all(doc, "tei:teiHeader//tei:sourceDesc/tei:bibl[@type='source']")
    licence = _all(doc, "tei:teiHeader//tei:availability/tei:licence")
    return TextMeta(
        siglum=siglum,
        title_original=_first_text(doc.root, "tei:teiHeader//tei:titleStmt/tei:title[@type='main'][@xml:lang != 'en']"),
        title_english=_first_text(doc.root, "tei:teiHeader//tei:titleStmt/tei:title[@type='main'][@xml:lang = 'en']"),
        subtitle=_first_text(doc.root, "tei:teiHeader//tei:titleStmt/tei:title[@type='sub']"),
        original_lang=lang,
        original_dir=direction(lang),
        author=_first_text(doc.root, "tei:teiHeader//tei:titleStmt/tei:author"),
        responsibilities=[(_first_text(r, "tei:resp"), _first_text(r, "tei:name"))
                          for r in _all(doc, "tei:teiHeader//tei:titleStmt/tei:respStmt")],
        version=(_all(doc, "tei:teiHeader//tei:editionStmt/tei:edition/@n") or [""])[0],
        published=_first_text(doc.root, "tei:teiHeader//tei:publicationStmt/tei:date"),
        source_date=_source_date(source[0]) if source else "",
        path=text_path(siglum),  # validation ties the header's idno type="path" to it
        source=_source_text(source[0]) if source else "",
        source_links=_web_links(_all(doc, "tei:teiHeader//tei:sourceDesc//tei:ptr")),
        identification=_first_text(doc.root, "tei:teiHeader//tei:notesStmt/tei:note[@type='identification']"),
        rights=" ".join(_text(p) for p in _all(doc, "tei:teiHeader//tei:availability/tei:p")),
        licence=Link(_text(licence[0]), _web(licence[0].get("target", ""))) if licence else Link("", ""),
        transcription=_first_text(doc.root, "tei:teiHeader//tei:sourceDesc//tei:idno[@type='transcription']"),
        languages=[_text(language) for language in _all(doc, "tei:teiHeader//tei:langUsage/tei:language")],
        keywords=[_text(term) for term in _all(doc, "tei:teiHeader//tei:keywords/tei:term")],
        revisions=[(c.get("when", ""), _text(c)) for c in _all(doc, "tei:teiHeader//tei:revisionDesc/tei:change")],
    )


def _source_text(bibl) -> str:
    """The source's description without the nested description of the work it translates."""
    parts = [bibl.text or ""]
    for child in bibl:
        if child.tag != f"{{{NS['tei']}}}relatedItem":
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _source_date(bibl) -> str:
    """The source's date of publication: its own `date` (not that of a work it translates), exact
    or the earliest it can be."""
    for date in bibl.xpath("tei:date", namespaces=NS):
        found = date.get("when") or date.get("notBefore") or date.get("from")
        if found:
            return found
    return ""
