"""The archival documents the texts cite (<bibl type="archival">), grouped by archive and fond.

An archive is the organisation register entry the reference names (orgName/@ref); a fond, opis,
delo and folio are `biblScope` or `idno` of those units (Russian and Azerbaijani archives); a
Turkish archive's reference is one shelfmark (`idno type="shelfmark"`, or the `biblScope` of that
unit) and has no fond. A document is one reference; the passages citing it are the original's
notes, in the texts' order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .collation import collation_key
from .registers import Entry
from .sources import NS, Corpus

_UNITS = ("fond", "opis", "delo", "folio")
_LABEL = re.compile(r"^(?:fond|opis|delo|list|ll|op|f|d|l)\b\.?\s*:?\s*", re.IGNORECASE)
_READING = ".//text()[not(ancestor::tei:sic or ancestor::tei:orig or ancestor::tei:abbr)]"


@dataclass
class Document:
    reference: str  # "op. 1, d. 68, l. 17–18" or the shelfmark as printed
    citations: list[tuple[str, str]] = field(default_factory=list)  # (siglum, anchor) of each citing note


@dataclass
class Fond:
    number: str  # "" where the archive's references have none
    documents: list[Document] = field(default_factory=list)


@dataclass
class Archive:
    entry: Entry
    fonds: list[Fond] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(fond.documents) for fond in self.fonds)


def _reading(element) -> str:
    """The editors' reading of an element (corrections, not the OCR's errors), whitespace squeezed."""
    return " ".join("".join(element.xpath(_READING, namespaces=NS)).split())


def _number(value: str) -> str:
    """"Fond:28", "F. 28", "op.1." -> "28", "1"; a range with an en dash; "" where the number is lost."""
    return _LABEL.sub("", value).strip(" .,").replace("-", "–").replace(" ", "")


def _natural(value: str) -> tuple:
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", value) if part)


def archival_documents(corpus: Corpus, registry: dict[str, Entry]) -> list[Archive]:
    """Every archival reference of the originals, grouped by archive (alphabetically) and fond (by number)."""
    found: dict[str, dict[str, dict[str, Document]]] = {}
    for doc in corpus.texts:
        siglum = corpus.siglum(doc)
        for bibl in doc.root.xpath(".//tei:text[@type='original']//tei:bibl[@type='archival']", namespaces=NS):
            archive = next((ref for ref in bibl.xpath(".//tei:orgName/@ref", namespaces=NS) if ref in registry), "")
            if not archive:
                continue
            parts = {unit: _number(_reading(element))
                     for element in bibl.xpath("tei:biblScope | tei:idno", namespaces=NS)
                     for unit in [element.get("unit") or element.get("type")] if unit in _UNITS}
            if parts:
                fond = parts.get("fond", "")
                reference = ", ".join(f"{abbr} {parts[unit] or '[number lost]'}"
                                      for unit, abbr in (("opis", "op."), ("delo", "d."), ("folio", "l."))
                                      if unit in parts)
            else:
                fond = ""
                shelfmarks = bibl.xpath("tei:idno[@type='shelfmark'] | tei:biblScope[@unit='shelfmark']",
                                        namespaces=NS)
                reference = "; ".join(_reading(s) for s in shelfmarks) or _reading(bibl)
            anchor = bibl.xpath("ancestor::*[@xml:id][1]/@xml:id", namespaces=NS)[0]
            document = found.setdefault(archive, {}).setdefault(fond, {}).setdefault(reference, Document(reference))
            if (siglum, anchor) not in document.citations:
                document.citations.append((siglum, anchor))
    archives = [Archive(registry[key], [Fond(number, sorted(docs.values(), key=lambda d: _natural(d.reference)))
                                        for number, docs in sorted(fonds.items(), key=lambda f: _natural(f[0]))])
                for key, fonds in found.items()]
    return sorted(archives, key=lambda a: collation_key(a.entry.label))
