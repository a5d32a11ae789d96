"""compare/timeline.html: the events of the texts in time order, each once (every event a text names,
or gives a figure or a date for), with the dates each text gives it (edition/claims.py), filterable
by text and by type of event."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ..claims import Claim
from ..model import TIMELINE_PAGE
from ..registers import Entry
from .site import Site


@dataclass
class TimelineEvent:
    entry: Entry
    texts: list[str]  # the texts that name or date it, in the edition's order
    dates: dict[str, list[Claim]] = field(default_factory=dict)  # text -> the dates it gives
    disagreement: bool = False

    @property
    def sort_key(self) -> tuple:
        earliest = min((c.value[0] for claims in self.dates.values() for c in claims if c.value), default="9999")
        own = self.entry.sort_date
        return (own if own != "9999" else earliest, self.entry.id)


def events(site: Site) -> list[TimelineEvent]:
    rows = site.claims.by_event()
    found = []
    for entry in site.edition.registry.values():
        if entry.prefix != "event":
            continue
        claimed = rows.get(entry.key, [])  # a text that gives a figure or a date for an event speaks of it
        dated = [row for row in claimed if row.kind == "date"]
        texts = list(dict.fromkeys(site.index.texts_naming(entry.key) + [c.siglum for row in claimed for c in row.claims]))
        if not texts:
            continue
        item = TimelineEvent(entry, [t for t in site.titles if t in texts])
        for row in dated:
            for claim in row.claims:
                item.dates.setdefault(claim.siglum, []).append(claim)
            item.disagreement = item.disagreement or row.disagreement
        found.append(item)
    return sorted(found, key=lambda e: e.sort_key)


def pages(site: Site) -> Iterator[tuple[str, bytes]]:
    items = events(site)
    types = sorted({item.entry.type for item in items if item.entry.type})
    yield TIMELINE_PAGE, site.renderer.page("timeline.html", TIMELINE_PAGE, events=items, types=types,
                                            titles=site.titles, index=site.index, claims=site.claims)
