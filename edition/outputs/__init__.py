"""The outputs of the build: each takes the site (the model, its index, the renderer) and
yields (path, bytes) for the files it makes. A new output is one more entry in OUTPUTS."""
from __future__ import annotations

from collections.abc import Callable, Iterator

from . import chronology, claims, downloads, home, introduction, map, passages, registers, static, texts, timeline
from .site import Site

Output = Callable[[Site], Iterator[tuple[str, bytes]]]

OUTPUTS: tuple[Output, ...] = (
    home.pages,  # index.html: the texts, how to cite, downloads
    introduction.pages,  # introduction.html (and tei/introduction.xml): the editors' introduction
    texts.pages,  # texts/<siglum>.html: the reading page of each text
    registers.pages,  # index/<register>.html: persons, places, organisations, events, works cited
    chronology.pages,  # index/chronology.html
    claims.pages,  # compare/claims.html, .csv, .json: what the texts claim, side by side
    timeline.pages,  # compare/timeline.html: the events in time, with the dates each text gives
    map.pages,  # compare/map.html: the register's places on a map drawn offline, the rest listed
    passages.pages,  # compare/events/<event>.html: each event's passages in every text that names it
    downloads.files,  # tei/: the TEI of every text and register
    static.files,  # static/: CSS and JavaScript
)

__all__ = ["OUTPUTS", "Output", "Site"]
