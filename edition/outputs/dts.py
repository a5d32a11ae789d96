"""dts/: the edition as a static DTS 1.0 API (https://dtsapi.org/versions/v1.0), Level 0: JSON-LD and
TEI files at the expansions of the URI templates in edition/model.py (DTS_*), so that a DTS client
reads the edition from any static host, without a server.

What is written (every other expansion of the templates is not, as a server would answer 404):
- the entry point, dts/index.json;
- the collection: the edition (no id, or id "edition") with the texts as its Resources, and each
  Resource (id: its siglum) alone, also with nav=children and nav=parents;
- the navigation of each text: its whole citation tree (down=-1), its top level (down=1), and for
  each unit down to FRAGMENT_DEPTH (the original and the translation; their paragraphs, headings,
  lists and notes) that unit with its children (down=1) and with its whole subtree (down=-1);
- the documents: each text's TEI whole (as parsed, serialised again: UTF-8, no byte-order mark) and
  each unit down to FRAGMENT_DEPTH wrapped in <TEI><dts:wrapper>. A sentence (the third level) is
  read in its paragraph's document: 4,139 files of one sentence each would double the site's files.

Addresses: with a base URL (edition.toml) absolute, as DTS wants them; without one (an unpublished
edition) relative to the file they stand in, which a client resolves against that file's address
(RFC 3986), but which DTS 1.0 does not foresee for `@id` (an absolute URL): the build warns.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache

from uritemplate import URITemplate

from .. import dts
from ..model import DTS_COLLECTION, DTS_DOCUMENT, DTS_ENTRY, DTS_NAVIGATION, Text, published_address, tei_path
from .site import Site

ROOT_ID = "edition"  # the identifier of the edition's collection (the texts' sigla are the Resources')
NAVS = ("children", "parents")
FRAGMENT_DEPTH = 2  # the deepest citation level with a navigation and a document of its own (paragraphs)
TEI_TYPE = "application/tei+xml"


@lru_cache(maxsize=None)
def _parsed(template: str) -> URITemplate:
    return URITemplate(template)


def expand(template: str, **values: str) -> str:
    """A site path: the template with these values (RFC 6570; a value left out is undefined)."""
    return _parsed(template).expand(**values)


def _json(data: dict) -> bytes:
    """Compact: json's C encoder (with indent it falls back to its Python one, three times slower)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


class Addresses:
    """Every address an object of the export gives, as seen from the file it stands in."""

    def __init__(self, site: Site, here: str):
        self.config = site.edition.config
        self.here = here

    def __call__(self, target: str) -> str:
        return published_address(self.config, target, self.here)

    def template(self, template: str, **values: str) -> str:
        """A template with some of its variables already given (RFC 6570 partial expansion)."""
        return self(str(_parsed(template).partial(**values)) if values else template)


def files(site: Site) -> Iterator[tuple[str, bytes]]:
    texts = site.edition.texts
    trees = {text.siglum: dts.cite_structures(text.doc.tree) for text in texts}

    def resource(text: Text, at: Addresses, full: bool = True) -> dict:
        found = {"@id": text.siglum, "@type": "Resource", "title": text.meta.title_english,
                 "collection": at.template(DTS_COLLECTION, id=text.siglum),
                 "navigation": at.template(DTS_NAVIGATION, resource=text.siglum),
                 "document": at.template(DTS_DOCUMENT, resource=text.siglum),
                 "citationTrees": [{"@type": "CitationTree",
                                    "citeStructure": [s.as_json() for s in trees[text.siglum]]}]}
        if full:
            found = {**found, "description": text.meta.subtitle, "totalParents": 1, "totalChildren": 0,
                     "dublinCore": dts.dublin_core(text), "download": at(tei_path(text.siglum)),
                     "mediaTypes": [TEI_TYPE]}
        return found

    def edition(at: Addresses) -> dict:
        config = site.edition.config
        return {"@id": ROOT_ID, "@type": "Collection", "title": config.title, "description": config.subtitle,
                "totalParents": 0, "totalChildren": len(texts), "collection": at(DTS_COLLECTION)}

    header = {"@context": dts.CONTEXT, "dtsVersion": dts.VERSION}

    # the entry point
    at = Addresses(site, DTS_ENTRY)
    yield DTS_ENTRY, _json({**header, "@id": at(DTS_ENTRY), "@type": "EntryPoint", "collection": at(DTS_COLLECTION),
                            "navigation": at(DTS_NAVIGATION), "document": at(DTS_DOCUMENT)})

    # the collection: the edition, then each text
    for values in ({}, {"id": ROOT_ID}, {"id": ROOT_ID, "nav": "children"}, {"id": ROOT_ID, "nav": "parents"}):
        path = expand(DTS_COLLECTION, **values)
        at = Addresses(site, path)
        members = [] if values.get("nav") == "parents" else [resource(text, at) for text in texts]
        yield path, _json({**header, **edition(at), "member": members})
    for text in texts:
        for nav in (None, *NAVS):
            path = expand(DTS_COLLECTION, id=text.siglum, **({"nav": nav} if nav else {}))
            at = Addresses(site, path)
            found = {**header, **resource(text, at)}
            if nav:
                found["member"] = [edition(at)] if nav == "parents" else []
            yield path, _json(found)

    # navigation and documents, text by text
    for text in texts:
        cited = dts.units(text.doc.tree, trees[text.siglum])
        position = {id(unit): n for n, unit in enumerate(cited)}
        top = [unit for unit in cited if unit.level == 1]
        fragments = [unit for unit in cited if unit.level <= FRAGMENT_DEPTH]

        def navigation(path: str, members: list[dts.Unit], ref: dts.Unit | None = None) -> bytes:
            at = Addresses(site, path)
            found = {**header, "@type": "Navigation", "@id": at(path), "resource": resource(text, at, full=False)}
            if ref is not None:
                found["ref"] = ref.as_json()
            return _json({**found, "member": [unit.as_json() for unit in members]})

        for down in ("-1", "1"):
            path = expand(DTS_NAVIGATION, resource=text.siglum, down=down)
            yield path, navigation(path, cited if down == "-1" else top)
        for unit in fragments:
            subtree = _subtree(cited, position[id(unit)])
            for down in ("-1", "1"):
                path = expand(DTS_NAVIGATION, resource=text.siglum, ref=unit.identifier, down=down)
                members = subtree if down == "-1" else [u for u in subtree if u.level <= unit.level + 1]
                yield path, navigation(path, members, unit)
        yield expand(DTS_DOCUMENT, resource=text.siglum), dts.whole(text.doc.tree)
        for unit in fragments:
            yield expand(DTS_DOCUMENT, resource=text.siglum, ref=unit.identifier), dts.fragment(unit.element, unit.identifier)


def _subtree(cited: list[dts.Unit], start: int) -> list[dts.Unit]:
    """The unit at `start` and all its descendants, in order (they follow it in a pre-order list)."""
    level = cited[start].level
    end = next((i for i in range(start + 1, len(cited)) if cited[i].level <= level), len(cited))
    return cited[start:end]
