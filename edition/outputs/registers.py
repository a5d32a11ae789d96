"""index/<register>.html: one page per register kind, every entry with every mention; the
bibliography adds the archival documents the texts cite, by archive and fond."""
from __future__ import annotations

from collections.abc import Iterator

from ..archives import archival_documents
from ..index import Occurrence
from ..model import REGISTER_KINDS
from ..registers import Entry, sort_key
from .site import Site


def by_text(occurrences: list[Occurrence]) -> list[tuple[str, list[Occurrence]]]:
    """An entry's occurrences grouped by text, in the texts' order (the index keeps it)."""
    groups: dict[str, list[Occurrence]] = {}
    for occurrence in occurrences:
        groups.setdefault(occurrence.siglum, []).append(occurrence)
    return list(groups.items())


def pages(site: Site) -> Iterator[tuple[str, bytes]]:
    for kind in REGISTER_KINDS:
        entries: list[Entry] = sorted(site.edition.entries(kind), key=sort_key)
        archives = archival_documents(site.edition.corpus, site.edition.registry) if kind.prefix == "bibl" else []
        yield kind.page, site.renderer.page("register.html", kind.page, kind=kind, entries=entries,
                                            index=site.index, titles=site.titles, by_text=by_text,
                                            registry=site.edition.registry, archives=archives)
