"""What the sources claim: every figure and every date a text gives for an event, set side by side.

Read from the TEI, never typed: a `measure` or a `date` of the source's text (original or
translation, the source's own footnotes included; the editors' notes and the citations of works
left out) that names an event with `@corresp="event:<id>"` is a claim of that text about that event.
Claims are grouped into rows — a figure by (event, type, commodity, unit), a date by (event, and
whether the text gives the start, the end or the date as a whole) — and a row says whether the
texts (or one text with itself) disagree. Each claim carries the text's own words, the
translation's, the editors' reading (the attributes), the evidence the text itself cites for it
(the works and archival documents cited in its sentence, or failing that in its paragraph or list)
and the editors' notes on its sentence.

`claim_keys` is also what validation compares between an original sentence and its translation.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from lxml import etree

from .model import EDITORS_NOTE_TYPES, TRANSLATION_LANG, UNSHOWN_READINGS, Edition
from .registers import Entry
from .sources import NS, TEI_NS, XML_NS, Corpus, Document

# A figure of these types is a claim about the aid and must name the event it belongs to
# (rule measure-event); "unspecified" figures (petrol, telephones, kilograms of nothing named) may.
CLAIM_MEASURE_TYPES = ("arms", "ammunition", "vessels", "money")
MONEY_TYPES = ("money",)
DATE_ATTRIBUTES = ("when", "from", "to", "notBefore", "notAfter")

_XML_ID = f"{{{XML_NS}}}id"
_XML_LANG = f"{{{XML_NS}}}lang"
_T = f"{{{TEI_NS}}}"
# The claims of the source: not inside the editors' notes, not inside a citation of a work.
_OUTSIDE = (f"not(ancestor::tei:note[@type='{EDITORS_NOTE_TYPES[0]}' or @type='{EDITORS_NOTE_TYPES[1]}'])"
            " and not(ancestor::tei:bibl)")
_CLAIMS = f"tei:text//tei:measure[@corresp][{_OUTSIDE}] | tei:text//tei:date[@corresp][{_OUTSIDE}]"
# The words a reader reads: the editors' corrected reading, the abbreviation as printed, no footnote
# calls or labels, no notes (a claim's words are never a note's).
_UNREAD = {f"{_T}{name}" for name in (*UNSHOWN_READINGS, "note")}
_EVIDENCE_SCOPES = ("sentence", "paragraph", "list")


@dataclass(frozen=True)
class Evidence:
    """A work or archival document a text cites for a claim."""

    key: str  # bibl:<id> or org:<archive id>; "" for a citation not linked to an entry
    label: str  # the citation as the text prints it (corrected reading)
    note: str  # the source's footnote it stands in ("44"), "" if in the running text


@dataclass
class Claim:
    siglum: str
    event: str  # event:<id>
    kind: str  # "figure" | "date"
    anchor: str  # xml:id of the sentence (or footnote) of the original that makes the claim
    translation_anchor: str  # its counterpart in the translation ("" if none)
    lang: str
    wording: str  # the text's own words
    translation: str  # the same claim in the translation's words
    attributes: dict[str, str]  # the editors' reading, as encoded
    evidence: list[Evidence] = field(default_factory=list)
    evidence_scope: str = ""  # where the evidence was found: sentence | paragraph | list | "" (none cited)
    notes: list[str] = field(default_factory=list)  # ids of the editors' notes on the claim's sentence
    editorial: list[str] = field(default_factory=list)  # those of them that are editorial notes

    @property
    def uncertain(self) -> bool:
        """The editors' reading is an inference of doubtful certainty (e.g. the Urdu "litres" of gold)."""
        return self.attributes.get("cert", "") in ("low", "medium")

    @property
    def value(self) -> tuple[str, str] | None:
        """What is compared: a figure's (low, high) quantity, a date's (first, last) day; None if
        the text gives no figure ("a large quantity") or no date."""
        if self.kind == "figure":
            return figure_range(self.attributes)
        return date_range(self.attributes)

    @property
    def reading(self) -> str:
        a = self.attributes
        if self.kind == "date":
            return date_label(a)
        if self.value is None:
            amount = "no figure"
        elif self.value[0] == self.value[1]:
            amount = _number(self.value[0])
        else:
            amount = f"{_number(self.value[0])}–{_number(self.value[1])}"
        return " ".join(filter(None, (amount, a.get("unit", ""), a.get("commodity", ""))))


@dataclass
class Row:
    event: str
    kind: str  # figure | date
    type: str  # a figure's type (arms, money...); a date's: "" (the date), "start" or "end"
    commodity: str = ""
    unit: str = ""
    claims: list[Claim] = field(default_factory=list)

    @property
    def id(self) -> str:
        parts = (self.event.split(":", 1)[1], self.kind, self.type, self.commodity, self.unit)
        return "claim-" + re.sub(r"[^a-z0-9]+", "-", "-".join(p for p in parts if p).lower()).strip("-")

    @property
    def texts(self) -> list[str]:
        return list(dict.fromkeys(c.siglum for c in self.claims))

    @property
    def disagreement(self) -> bool:
        """Two of the row's claims, made in two passages (of two texts, or of one), cannot both be
        right: figures that differ, dates whose spans do not overlap. Claims without a figure are not
        compared, nor two claims of one sentence: a sentence that gives two figures for one thing
        relates them (“five million, to be raised to twenty million”), it does not contradict itself."""
        claims = [c for c in self.claims if c.value is not None]
        return any(a.anchor != b.anchor and _conflict(self.kind, a.value, b.value)
                   for i, a in enumerate(claims) for b in claims[i + 1:])

    @property
    def status(self) -> str:
        if self.disagreement:
            return "disagree"
        return "agree" if len(self.texts) > 1 else "single"

    @property
    def editorial(self) -> list[tuple[str, str]]:
        """The editorial notes on the row's sentences (where the editors discuss the claims and
        cross-refer the other texts), as (siglum, note id), each once."""
        return list(dict.fromkeys((c.siglum, n) for c in self.claims for n in c.editorial))


@dataclass
class Claims:
    rows: list[Row]  # in the order of the events' dates, then figures before dates
    texts: list[str]  # the texts that make any claim, in the edition's order

    def figures(self) -> list[Row]:
        return [row for row in self.rows if row.kind == "figure"]

    def compared_dates(self) -> list[Row]:
        """The dates the table of claims lists: those that two texts or more give, and those on which
        one text disagrees with itself (the timeline marks both as a disagreement of the texts)."""
        return [row for row in self.rows if row.kind == "date" and (len(row.texts) > 1 or row.disagreement)]

    @cached_property
    def compared(self) -> dict[str, list[Row]]:
        """The events the table of claims lists (a figure, or a compared date), each with every row
        of its own, figures and dates, in the table's order: what its own page sets side by side."""
        listed = {row.event for row in self.figures()} | {row.event for row in self.compared_dates()}
        return {event: rows for event, rows in self.by_event().items() if event in listed}

    def texts_of(self, rows: list[Row]) -> list[str]:
        """The texts that make a claim in these rows, in the edition's order."""
        making = {siglum for row in rows for siglum in row.texts}
        return [siglum for siglum in self.texts if siglum in making]

    def by_event(self) -> dict[str, list[Row]]:
        grouped: dict[str, list[Row]] = defaultdict(list)
        for row in self.rows:
            grouped[row.event].append(row)
        return dict(grouped)


def _conflict(kind: str, a: tuple[str, str], b: tuple[str, str]) -> bool:
    if kind == "figure":
        return a != b
    return a[0] > b[1] or b[0] > a[1]


# --- values --------------------------------------------------------------------------------------

def figure_range(attributes: dict[str, str]) -> tuple[str, str] | None:
    quantity = attributes.get("quantity")
    if quantity:
        return (quantity, quantity)
    bounds = attributes.get("range")
    return tuple(bounds.split("/", 1)) if bounds else None  # type: ignore[return-value]


def _first_day(iso: str) -> str:
    return iso + "-01-01"[len(iso) - 4:] if len(iso) < 10 else iso


def _last_day(iso: str) -> str:
    # "99" sorts after every real day or month; only order is ever asked of these strings
    return iso + "-99-99"[len(iso) - 4:] if len(iso) < 10 else iso


def date_range(attributes: dict[str, str]) -> tuple[str, str] | None:
    """The first and the last day a date can mean, as sortable strings."""
    start = attributes.get("when") or attributes.get("from") or attributes.get("notBefore")
    end = attributes.get("when") or attributes.get("to") or attributes.get("notAfter")
    if not (start or end):
        return None
    return (_first_day(start or end), _last_day(end or start))


def date_label(attributes: dict[str, str]) -> str:
    a = attributes
    if a.get("when"):
        return a["when"]
    if a.get("from") or a.get("to"):
        return f"{a.get('from', '?')} – {a.get('to', '?')}"
    return f"between {a.get('notBefore', '?')} and {a.get('notAfter', '?')}"


def _number(value: str) -> str:
    number = float(value)
    return f"{int(number):,}" if number.is_integer() else f"{number:,}"


# --- reading the TEI -----------------------------------------------------------------------------

def read_text(element: etree._Element) -> str:
    """An element's words as the reading page shows them by default (corrected readings, no notes)."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _UNREAD and not _is_mark(child):
            parts.append(read_text(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _is_mark(node: etree._Element) -> bool:
    """A footnote call (the page shows it as a button), or a note's own number (its `label`, which
    the page shows as the note's mark): not words of the sentence or of the note."""
    if node.tag == f"{_T}label":
        parent = node.getparent()
        return parent is not None and parent.tag == f"{_T}note"
    return node.tag == f"{_T}ref" and node.get("type") == "noteAnchor"


def _attributes(element: etree._Element) -> dict[str, str]:
    names = ("type", "quantity", "unit", "commodity", "cert") if element.tag == f"{_T}measure" \
        else ("type", "cert", "calendar", *DATE_ATTRIBUTES)
    found = {name: element.get(name) for name in names if element.get(name)}
    if element.tag == f"{_T}measure" and "quantity" not in found:
        bounds = [num.get("value") for num in element.iter(f"{_T}num") if num.get("value")]
        if len(bounds) == 2:
            found["range"] = "/".join(bounds)
    return found


def claim_key(element: etree._Element) -> tuple:
    """What must agree between a claim in the original and the same claim in the translation."""
    attributes = _attributes(element)
    attributes.pop("calendar", None)  # the translation gives a Rumi date in the Gregorian calendar
    return (etree.QName(element).localname, " ".join(sorted(element.get("corresp", "").split())),
            tuple(sorted(attributes.items())))


def claim_keys(scope: etree._Element) -> list[tuple]:
    """The claims made in a sentence (or a footnote), as comparable keys, in order."""
    return [claim_key(e) for e in scope.xpath(f".//tei:measure[@corresp][{_OUTSIDE}] | .//tei:date[@corresp][{_OUTSIDE}]",
                                             namespaces=NS)]


def _anchor(element: etree._Element) -> etree._Element:
    """The sentence a claim is made in; a claim outside sentences, its nearest element with an id."""
    for ancestor in element.iterancestors():
        if ancestor.tag in (f"{_T}s", f"{_T}note") and ancestor.get(_XML_ID):
            return ancestor
    return next(a for a in element.iterancestors() if a.get(_XML_ID))


def _evidence(scope: etree._Element, registry: dict[str, Entry]) -> list[Evidence]:
    found: list[Evidence] = []
    for bibl in scope.xpath(f".//tei:bibl[not(ancestor::tei:bibl)][not(ancestor::tei:note[@type])]",
                            namespaces=NS):
        note = next((n for n in bibl.iterancestors(f"{_T}note") if n.get("place") == "foot"), None)
        if bibl.get("type") == "archival":
            archive = bibl.find("tei:orgName", NS)
            key = archive.get("ref", "").split()[0] if archive is not None and archive.get("ref") else ""
        else:
            key = bibl.get("corresp", "") if bibl.get("corresp", "").startswith("bibl:") else ""
        if key and key not in registry:
            key = ""
        evidence = Evidence(key, read_text(bibl), note.get("n", "") if note is not None else "")
        previous = found[-1] if found else None
        if previous and key and previous.key == key and previous.note == evidence.note:
            # a page-only back-reference, "(30)", cites the work named just before it: one citation
            found[-1] = Evidence(key, f"{previous.label}, {evidence.label}", previous.note)
        else:
            found.append(evidence)
    return list(dict.fromkeys(found))


def _scopes(sentence: etree._Element) -> Iterable[tuple[str, etree._Element]]:
    yield "sentence", sentence
    block = sentence.getparent()
    if block is not None and block.tag != f"{_T}note":
        yield "paragraph", block
        if block.tag == f"{_T}item" and block.getparent() is not None:
            yield "list", block.getparent()


def _editors_notes(*sentences: etree._Element | None, types: tuple[str, ...] = EDITORS_NOTE_TYPES) -> list[str]:
    return [note.get(_XML_ID) for s in sentences if s is not None
            for note in s.iter(f"{_T}note") if note.get("type") in types and note.get(_XML_ID)]


def _counterparts(doc: Document) -> dict[str, etree._Element]:
    """Each original sentence or footnote id -> the translation's element that renders it."""
    found: dict[str, etree._Element] = {}
    for element in doc.root.xpath("tei:text//tei:text[@type='translation']//*[@corresp]"
                                  "[not(self::tei:bibl or self::tei:date or self::tei:measure)]", namespaces=NS):
        for token in element.get("corresp").split():
            found.setdefault(token.lstrip("#"), element)
    return found


def _text_claims(siglum: str, doc: Document, registry: dict[str, Entry]) -> list[Claim]:
    counterparts = _counterparts(doc)
    original = doc.root.xpath("tei:text//tei:text[@type='original']", namespaces=NS)
    if not original:
        return []
    lang = original[0].get(_XML_LANG, "")
    claims = []
    # the translation's claims in each rendering sentence, by key, to be taken in order
    taken: dict[tuple[str, tuple], list[etree._Element]] = {}
    for element in original[0].xpath(_CLAIMS.replace("tei:text//", ".//"), namespaces=NS):
        sentence = _anchor(element)
        anchor = sentence.get(_XML_ID)
        counterpart = counterparts.get(anchor)
        key = claim_key(element)
        if counterpart is not None and (anchor, key) not in taken:
            taken[(anchor, key)] = [e for e in counterpart.xpath(f".//tei:measure[@corresp][{_OUTSIDE}] | .//tei:date[@corresp][{_OUTSIDE}]",
                                                                  namespaces=NS) if claim_key(e) == key]
        rendering = taken.get((anchor, key)) or []
        translation = read_text(rendering.pop(0)) if rendering else ""
        evidence: list[Evidence] = []
        scope_name = ""
        for scope_name, scope in _scopes(sentence):
            evidence = _evidence(scope, registry)
            if evidence:
                break
        kind = "figure" if element.tag == f"{_T}measure" else "date"
        for event in element.get("corresp").split():
            claims.append(Claim(siglum, event, kind, anchor, counterpart.get(_XML_ID) if counterpart is not None else "",
                                element.get(_XML_LANG) or lang, read_text(element), translation,
                                _attributes(element), evidence, scope_name if evidence else "",
                                _editors_notes(sentence, counterpart),
                                _editors_notes(sentence, counterpart, types=("editorial",))))
    return claims


def _event_order(registry: dict[str, Entry], event: str, rows: list[Row]) -> tuple:
    entry = registry.get(event)
    earliest = min((c.value[0] for row in rows for c in row.claims if c.kind == "date" and c.value), default="9999")
    return (entry.sort_date if entry and entry.sort_date != "9999" else earliest, event)


def of_edition(edition: Edition) -> Claims:
    """Every claim of the edition's texts (outputs.site.Site.claims)."""
    return collect(edition.corpus, edition.registry)


def collect(corpus: Corpus, registry: dict[str, Entry]) -> Claims:
    """Every claim of every text, grouped into rows."""
    rows: dict[tuple, Row] = {}
    texts: list[str] = []
    for doc in corpus.texts:
        siglum = corpus.siglum(doc)
        found = _text_claims(siglum, doc, registry)
        if found:
            texts.append(siglum)
        for claim in found:
            a = claim.attributes
            if claim.kind == "figure":
                # sums of money are compared by unit whatever their kind (gold roubles and roubles
                # stand in one row, each claim with its reading); other figures by commodity
                commodity = "" if a.get("type") in MONEY_TYPES else a.get("commodity", "")
                key = (claim.event, "figure", a.get("type", ""), commodity, a.get("unit", ""))
            else:
                key = (claim.event, "date", a.get("type", ""), "", "")
            rows.setdefault(key, Row(*key)).claims.append(claim)
    by_event: dict[str, list[Row]] = defaultdict(list)
    for row in rows.values():
        by_event[row.event].append(row)
    ordered: list[Row] = []
    for event in sorted(by_event, key=lambda e: _event_order(registry, e, by_event[e])):
        ordered += sorted(by_event[event], key=lambda r: (r.kind == "date", r.type, r.commodity, r.unit))
    return Claims(ordered, texts)


# --- what validation checks ---------------------------------------------------------------------

def _claim_elements(scope: etree._Element) -> list[etree._Element]:
    return scope.xpath(f".//tei:measure[{_OUTSIDE}] | .//tei:date[@corresp][{_OUTSIDE}]", namespaces=NS)


def figures_without_event(doc: Document) -> list[etree._Element]:
    """The figures of the source's text of a claim type (arms, ammunition, vessels, money) that name
    no event: the table of claims could not place them (rule measure-event)."""
    return [m for m in doc.root.xpath(f"tei:text//tei:measure[not(@corresp)][{_OUTSIDE}]", namespaces=NS)
            if m.get("type") in CLAIM_MEASURE_TYPES]


@dataclass
class Mismatch:
    """An original passage and its translation that do not make the same claims (rule claim-counterpart)."""

    element: etree._Element  # the original passage (sentence, footnote or block)
    original: list[tuple]
    translation: list[tuple]


def mismatched_claims(doc: Document) -> list[Mismatch]:
    """Passages whose event-linked figures and dates differ between the original and its translation.
    A passage is an original sentence (or footnote, or block without sentences) together with every
    passage its translation groups with it (a translation sentence may render two originals)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    by_id: dict[str, etree._Element] = {}
    original_keys: dict[str, list[tuple]] = defaultdict(list)
    translation_keys: dict[str, list[tuple]] = defaultdict(list)
    texts = {t.get("type"): t for t in doc.root.xpath("tei:text//tei:text[@type]", namespaces=NS)}
    if "original" not in texts or "translation" not in texts:
        return []
    for element in texts["original"].xpath(f".//tei:measure[@corresp][{_OUTSIDE}] | .//tei:date[@corresp][{_OUTSIDE}]",
                                           namespaces=NS):
        anchor = next((a for a in element.iterancestors() if a.get(_XML_ID)), None)
        lang = next((a.get(_XML_LANG) for a in (element, *element.iterancestors()) if a.get(_XML_LANG)), "")
        if anchor is not None and lang != TRANSLATION_LANG:  # English in the source is not translated
            by_id[anchor.get(_XML_ID)] = anchor
            original_keys[anchor.get(_XML_ID)].append(claim_key(element))
    pending: list[tuple[list[str], tuple]] = []
    for element in texts["translation"].xpath(f".//tei:measure[@corresp][{_OUTSIDE}] | .//tei:date[@corresp][{_OUTSIDE}]",
                                              namespaces=NS):
        aligned = next((a for a in element.iterancestors() if a.get("corresp")
                        and a.tag not in (f"{_T}bibl", f"{_T}date", f"{_T}measure")), None)
        if aligned is None:
            continue
        tokens = [t.lstrip("#") for t in aligned.get("corresp").split()]
        for token in tokens[1:]:
            parent[find(token)] = find(tokens[0])
        pending.append((tokens, claim_key(element)))
    for tokens, key in pending:
        translation_keys[find(tokens[0])].append(key)
    grouped: dict[str, list[tuple]] = defaultdict(list)
    first: dict[str, str] = {}
    for anchor_id, keys in original_keys.items():
        root = find(anchor_id)
        grouped[root] += keys
        first.setdefault(root, anchor_id)
    found = []
    for root in sorted(set(grouped) | set(translation_keys), key=lambda r: r):
        if sorted(grouped.get(root, [])) != sorted(translation_keys.get(root, [])):
            element = by_id.get(first.get(root, ""))
            if element is None:
                element = next(iter(doc.root.xpath("//*[@xml:id=$id]", id=root)), doc.root)
            found.append(Mismatch(element, sorted(grouped.get(root, [])), sorted(translation_keys.get(root, []))))
    return found
