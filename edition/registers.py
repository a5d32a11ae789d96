"""The registers: one entry per real-world person, place, organisation, event and work.

Texts point at entries with private URIs (`person:lenin`); the prefix names the
register file and the rest is the entry's xml:id there.
"""
from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, field

from lxml import etree

from .collation import collation_key, initial
from .model import REGISTER_KINDS
from .sources import NS, XML_NS, Corpus
from .sources import plain_text as _text

NAME_ELEMENTS = ("persName", "placeName", "orgName", "label", "title")
LANGUAGE_ORDER = {"en": 0, "tr": 1, "ur": 2, "ru": 3}
_UNDATED = "9999"  # sorts after every date

# How two entries relate (<ptr type="related" subtype="…" target="…"/>): each relation with its
# converse, which the entry at the other end carries (docs/ENCODING.md, Registers). Entries that
# overlap (Azerbaijan and the Azerbaijan SSR) are related, never merged.
RELATIONS = {
    "successor-of": "predecessor-of",
    "predecessor-of": "successor-of",
    "part-of": "has-part",
    "has-part": "part-of",
    "member-of": "has-member",
    "has-member": "member-of",
    "soviet-republic-of": "has-soviet-republic",
    "has-soviet-republic": "soviet-republic-of",
    "government-of": "has-government",
    "has-government": "government-of",
    "identified-with": "identification-of",
    "identification-of": "identified-with",
    "see-also": "see-also",
}
# how sure the editors are of whom or what an entry is (@cert on the entry): low = an
# identification disputed (a source's the editors doubt), medium = uncertain (the editors' own
# probable identification, or a person the texts name only by a surname or title)
IDENTIFICATION = {"low": "disputed", "medium": "uncertain"}


@dataclass(frozen=True)
class Name:
    lang: str
    text: str
    type: str = ""


@dataclass
class Entry:
    key: str  # "person:lenin"
    prefix: str
    id: str
    label: str
    names: list[Name]
    description: str
    type: str = ""
    dates: dict[str, str] = field(default_factory=dict)  # when/from/to/... of the entry or its birth/death
    coordinates: tuple[float, float] | None = None
    idnos: dict[str, str] = field(default_factory=dict)
    line: int = 0
    sort: str = ""  # the register's @sortKey (persons: surname first), else the label
    cert: str = ""  # @cert: how sure the identification is (IDENTIFICATION)
    relations: list[tuple[str, str]] = field(default_factory=list)  # (relation, key) as the register gives them

    @property
    def identification(self) -> str:
        """"disputed", "uncertain" or "" (an identification the editors accept)."""
        return IDENTIFICATION.get(self.cert, "")

    @property
    def initial(self) -> str:
        """The letter the index lists the entry under."""
        return initial(self.sort or self.label)

    @property
    def geonames(self) -> str:
        return self.idnos.get("geonames", "")

    @property
    def year(self) -> str:
        """The year the index lists a dated entry under, or "undated"."""
        return self.sort_date[:4] if self.sort_date != _UNDATED else "undated"

    @property
    def sort_date(self) -> str:
        for attr in ("when", "from", "notBefore", "birth"):
            if attr in self.dates:
                return self.dates[attr]
        return _UNDATED


def _work_label(bibl) -> str:
    """A work is headed as it is cited: author, title in its own language, volume."""
    author = _text(bibl.find("tei:author", NS)) if bibl.find("tei:author", NS) is not None else ""
    titles = bibl.xpath("tei:title[not(@type = 'translated' or @type = 'sub')]", namespaces=NS)
    volume = bibl.findtext("tei:biblScope[@unit='volume']", namespaces=NS)
    return ", ".join(filter(None, (author, _text(titles[0]) if titles else "", volume and volume.strip())))


def _citation(bibl) -> str:
    """The entry's full text, with a web address written out where the TEI has a bare ptr."""
    copy = deepcopy(bibl)
    for ptr in copy.iter(f"{{{NS['tei']}}}ptr"):
        ptr.text = ptr.get("target", "")
    return _text(copy)


def _entry(prefix: str, element) -> Entry:
    names = [
        Name(child.get(f"{{{XML_NS}}}lang", ""), _text(child), child.get("type", ""))
        for child in element
        if isinstance(child.tag, str) and etree.QName(child).localname in NAME_ELEMENTS
    ]
    names.sort(key=lambda n: (LANGUAGE_ORDER.get(n.lang, 9), n.type not in ("", "main")))
    description = element.xpath("string(tei:desc | tei:note[@type='description'])", namespaces=NS)
    if prefix == "bibl":
        description = _citation(element)
    dates = {attr: element.get(attr) for attr in ("when", "from", "to", "notBefore", "notAfter") if element.get(attr)}
    for part in ("birth", "death"):
        found = element.find(f"tei:{part}", NS)
        if found is not None:
            # a vague date is kept as an ISO 8601 interval: 1921-01-28/1921-01-29
            dates[part] = found.get("when") or "/".join(filter(None, (found.get("notBefore"), found.get("notAfter"))))
    geo = element.findtext("tei:location/tei:geo", namespaces=NS)
    coordinates = tuple(float(x) for x in geo.split()) if geo else None
    idnos = {i.get("type", ""): i.text or "" for i in element.findall("tei:idno", NS)}
    entry_id = element.get(f"{{{XML_NS}}}id")
    label = _work_label(element) if prefix == "bibl" else (names[0].text if names else entry_id)
    relations = [(ptr.get("subtype", ""), ptr.get("target", ""))
                 for ptr in element.findall("tei:ptr[@type='related']", NS)]
    return Entry(f"{prefix}:{entry_id}", prefix, entry_id, label, names, " ".join(description.split()),
                 element.get("type", ""), dates, coordinates, idnos, element.sourceline or 0,
                 element.get("sortKey", ""), element.get("cert", ""), relations)


def sort_key(entry: Entry) -> tuple:
    """How an index page orders its entries: events in time order, everything else
    alphabetically (Turkish and Urdu collation) by the sort key or the label."""
    by_name = (collation_key(entry.sort or entry.label), entry.id)
    return (entry.sort_date, by_name) if entry.prefix == "event" else by_name


def load_registry(corpus: Corpus) -> dict[str, Entry]:
    """Every register entry by its key (`place:kars`), in register order."""
    registry: dict[str, Entry] = {}
    for kind in REGISTER_KINDS:
        doc = corpus.registers.get(kind.file)
        if doc is None:
            continue
        for element in doc.root.iter(f"{{{NS['tei']}}}{kind.element}"):
            if element.get(f"{{{XML_NS}}}id"):
                entry = _entry(kind.prefix, element)
                registry[entry.key] = entry
    return registry


def relation_problems(registry: dict[str, Entry]) -> list[str]:
    """Relations that name no known relation, point to no entry, or lack their converse at the other end."""
    problems = []
    for entry in registry.values():
        for relation, target in entry.relations:
            if relation not in RELATIONS:
                problems.append(f"{entry.key}: unknown relation {relation!r}")
            elif target not in registry:
                problems.append(f"{entry.key}: {relation} points to no entry: {target}")
            elif (RELATIONS[relation], entry.key) not in registry[target].relations:
                problems.append(f"{entry.key}: {relation} {target}, but {target} lacks {RELATIONS[relation]} {entry.key}")
    return problems
