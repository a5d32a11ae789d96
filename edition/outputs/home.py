"""index.html: the edition's home page."""
from __future__ import annotations

from collections.abc import Iterator

from ..model import HOME_PAGE
from .site import Site


def pages(site: Site) -> Iterator[tuple[str, bytes]]:
    yield HOME_PAGE, site.renderer.page("home.html", HOME_PAGE, texts=[t.meta for t in site.edition.texts],
                                             citations=site.citations)
