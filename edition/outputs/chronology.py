"""index/chronology.html: every dated mention, in time order."""
from __future__ import annotations

from collections.abc import Iterator

from ..model import CHRONOLOGY_PAGE as PATH
from .site import Site


def pages(site: Site) -> Iterator[tuple[str, bytes]]:
    yield PATH, site.renderer.page("chronology.html", PATH, index=site.index, titles=site.titles)
