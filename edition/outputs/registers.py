"""index/<register>.html: one page per register kind, every entry with the texts that name it; the
bibliography adds the archival documents the texts cite, by archive and fond.
index/<register>/<entry>.html: each entry that a text names, with every passage that names it, text
by text (model.mentions_path; in pages of whole texts: outputs/mentions.py)."""
from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from ..archives import archival_documents
from ..model import MENTIONS_PER_PAGE, REGISTER_KINDS, mentions_path
from ..registers import Entry, sort_key
from .mentions import paginate
from .site import Site


def pages(site: Site) -> Iterator[tuple[str, bytes]]:
    for kind in REGISTER_KINDS:
        entries: list[Entry] = sorted(site.edition.entries(kind), key=sort_key)
        archives = archival_documents(site.edition.corpus, site.edition.registry) if kind.prefix == "bibl" else []
        found = {entry.key: paginate(partial(mentions_path, entry.key), site.index.of(entry.key), MENTIONS_PER_PAGE)
                 for entry in entries}
        yield kind.page, site.renderer.page("register.html", kind.page, kind=kind, entries=entries, found=found,
                                            index=site.index, titles=site.titles, claims=site.claims,
                                            registry=site.edition.registry, archives=archives)
        for entry in entries:
            where = found[entry.key]
            if not where.texts:
                continue  # named only in the registers: no page of passages
            for number, (path, shown) in enumerate(where.pages, start=1):
                yield path, site.renderer.page("mentions.html", path, kind=kind, entry=entry, where=where,
                                               number=number, shown=shown, index=site.index, titles=site.titles,
                                               claims=site.claims, registry=site.edition.registry)
