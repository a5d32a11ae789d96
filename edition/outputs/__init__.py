"""The outputs of the build: each takes the site (the model, its index, the renderer) and
yields (path, bytes) for the files it makes. A new output is one more entry in PAGES or FILES.

PAGES make the pages (.html), and run once for each interface language, with that language's
renderer and labels; FILES make everything else (TEI, data, scripts), once. The build checks
that each keeps to its kind (model.is_page)."""
from __future__ import annotations

from collections.abc import Callable, Iterator

from . import citations, chronology, claims, downloads, home, introduction, map, passages, redirects, registers, search, static, texts, timeline
from . import dts, sitemap
from .site import Site

Output = Callable[[Site], Iterator[tuple[str, bytes]]]

PAGES: tuple[Output, ...] = (
    home.pages,  # index.html: the texts, how to cite, downloads
    introduction.pages,  # introduction.html: the editors' introduction
    texts.pages,  # texts/<siglum>.html: the reading page of each text
    registers.pages,  # index/<register>.html: persons, places, organisations, events, works cited
    chronology.pages,  # index/chronology.html
    claims.pages,  # compare/claims.html: what the texts claim, side by side
    timeline.pages,  # compare/timeline.html: the events in time, with the dates each text gives
    map.pages,  # compare/map.html: the register's places on a map drawn offline, the rest listed
    passages.pages,  # compare/events/<event>.html: each event's passages in every text that names it
    search.pages,  # search.html: full-text search over the sentences and notes (Pagefind)
)
FILES: tuple[Output, ...] = (
    claims.data,  # compare/claims.csv, .json: the claims as data
    search.files,  # pagefind/: the search index and Pagefind's script
    downloads.files,  # tei/: the TEI of every text and register, and of the introduction; txt/: the plain text of each original and translation
    dts.files,  # dts/: the static DTS 1.0 export (entry point, collection, navigation, documents)
    citations.files,  # cite/: the citation record of the edition and each text: BibTeX, RIS, CSL-JSON
    static.files,  # static/: CSS and JavaScript
    redirects.files,  # static/redirects.js: ids of earlier releases that moved (tei/redirects.toml), and their script
    sitemap.files,  # sitemap.xml, robots.txt (with a base URL): every page made, in every language
)

# What outputs derive (Site.derived) that has work to do outside Python: begun before the pages
# are made, so that it runs beside them, on the other core.
STARTED_EARLY = (search.Indexing,)  # the search's first indexes, each made by a Pagefind process

__all__ = ["FILES", "PAGES", "STARTED_EARLY", "Output", "Site"]
