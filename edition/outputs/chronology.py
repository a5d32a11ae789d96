"""index/chronology.html: every date the texts give, in time order, with the texts that give it;
index/chronology/<date>.html: each date with every passage that gives it, text by text
(model.dated_path; in pages of whole texts: outputs/mentions.py)."""
from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from ..model import CHRONOLOGY_PAGE as PATH
from ..model import MENTIONS_PER_PAGE, dated_path
from .mentions import paginate
from .site import Site


def pages(site: Site) -> Iterator[tuple[str, bytes]]:
    found = {dated.anchor: paginate(partial(dated_path, dated.anchor), dated.occurrences, MENTIONS_PER_PAGE)
             for dated in site.index.chronology}
    yield PATH, site.renderer.page("chronology.html", PATH, index=site.index, titles=site.titles, found=found)
    for dated in site.index.chronology:
        where = found[dated.anchor]
        for number, (path, shown) in enumerate(where.pages, start=1):
            yield path, site.renderer.page("date.html", path, dated=dated, where=where, number=number, shown=shown,
                                           titles=site.titles)
