"""index/<register>.html: one page per register kind, every entry with every mention."""
from __future__ import annotations

from collections.abc import Iterator

from ..model import REGISTER_KINDS
from ..registers import Entry, sort_key
from .site import Site


def pages(site: Site) -> Iterator[tuple[str, bytes]]:
    for kind in REGISTER_KINDS:
        entries: list[Entry] = sorted(site.edition.entries(kind), key=sort_key)
        yield kind.page, site.renderer.page("register.html", kind.page, kind=kind, entries=entries,
                                            index=site.index, titles=site.titles)
