"""The edition model: what every stage knows about the edition, each fact defined once.

- `REGISTER_KINDS`: the five registers (prefix, file, entry element, the names that point to them);
- `BLOCK`: what a block of the reading view is (the unit that has a counterpart and a ¶ label);
- `EDITORS_NOTE_TYPES`: the notes that are the edition's, not the source's;
- `direction(lang)`: the writing direction of a language;
- `localised(path, language, languages)`: a page in an interface language (tr/texts/x.html);
- `text_path(siglum)`, `HOME_PAGE`, `CHRONOLOGY_PAGE`, `RegisterKind.page`: the address of every page;
- `passage_label(siglum, id)`: how a reader sees a passage cited ("¶13 s. 2", "n. 27", "t5");
- `Edition` / `Text`: the corpus read once, with each text's metadata and address.

Validation, the XSLT (through extension functions and parameters, see transform.py),
the index, the templates and QA all take these from here.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the model's facts above import nothing of the edition; only its types below do
    from .config import Config
    from .metadata import TextMeta
    from .problems import Problem
    from .redirects import Redirect
    from .deliberate import Deliberate
    from .registers import Entry
    from .sources import Corpus, Document


@dataclass(frozen=True)
class RegisterKind:
    prefix: str  # the private URI prefix of @ref: person:lenin
    file: str  # tei/registers/<file>.xml, and the index page index/<file>.html
    element: str  # the register element holding one entry
    names: str  # XPath (prefix tei:) of what names an entry of this kind in a text
    tag: str  # how an encoder tags a name of this kind, as a hint shows it: persName, rs type="event"

    @property
    def page(self) -> str:
        return f"index/{self.file}.html"

    @property
    def folder(self) -> str:
        """The folder of its entries' own pages (mentions_path)."""
        return f"index/{self.file}/"


REGISTER_KINDS: tuple[RegisterKind, ...] = (
    RegisterKind("person", "persons", "person", "tei:persName", "persName"),
    RegisterKind("place", "places", "place", "tei:placeName", "placeName"),
    RegisterKind("org", "organisations", "org", "tei:orgName", "orgName"),
    RegisterKind("event", "events", "event", "tei:rs[@type='event']", 'rs type="event"'),
    RegisterKind("bibl", "bibliography", "bibl", "tei:title[@ref] | tei:bibl[starts-with(@corresp, 'bibl:')]", "title"),
)
KIND_BY_PREFIX = {kind.prefix: kind for kind in REGISTER_KINDS}

# A block: the unit of the reading view that has an id, a counterpart and a ¶ label. A quotation
# is a block only when it is set off (a child of a division); a footnote is a block of the notes.
# In a document the article prints whole (floatingText), its opener (date) and closer
# (attestation) are blocks, and a speaker's turn (sp) is one block with its paragraphs.
BLOCK = ("tei:p[not(parent::tei:sp)] | tei:head | tei:item | tei:ab | tei:note[@place='foot']"
         " | tei:opener | tei:closer | tei:sp"
         " | tei:quote[parent::tei:div or parent::tei:body or parent::tei:front or parent::tei:back]"
         " | tei:cit[parent::tei:div or parent::tei:body or parent::tei:front or parent::tei:back]")
BLOCK_OR_SENTENCE = f"{BLOCK} | tei:s"
# what a citation can point at (texts/<siglum>.html#<id>): a block, a sentence, a note; `edition release`
# keeps every such id of an earlier release working (redirects.py)
CITABLE = f"{BLOCK_OR_SENTENCE} | tei:note"

# the edition's own notes (the source's footnotes have no type)
EDITORS_NOTE_TYPES = ("translation", "editorial")
# The readings of a TEI choice that the reading page does not show in its running text
# (xslt/corrections.xsl, edition.css): the printed reading beside the editors' correction or
# regularisation, and an abbreviation's expansion (its tooltip). Every excerpt of the texts
# (index snippets, claims) reads what the reading page shows.
UNSHOWN_READINGS = ("sic", "orig", "expan")

# the language of the edition's translations; text the source itself gives in it is not translated
TRANSLATION_LANG = "en"

# Arabic-script languages of the edition and its registers (Urdu, Arabic, Persian, Ottoman Turkish)
_RTL_LANGUAGES = frozenset({"ur", "ar", "fa", "ota"})


def direction(lang: str) -> str:
    """rtl for a right-to-left language (by its primary subtag: ur, ur-Arab, ota-Arab…), else ltr."""
    return "rtl" if lang.split("-")[0].lower() in _RTL_LANGUAGES else "ltr"


# a cross-reference to another text: <siglum>.xml#<id>
CROSS_TEXT_TARGET = re.compile(r"^([a-z][a-z0-9-]*)\.xml#(.+)$")


HOME_PAGE = "index.html"
INTRODUCTION_PAGE = "introduction.html"
CHRONOLOGY_PAGE = "index/chronology.html"
CHRONOLOGY_FOLDER = "index/chronology/"  # each date's own page (dated_path)
# Reading the sources together (issue 16): what they claim, side by side; their events in time;
# their places on a map; each event's passages side by side.
CLAIMS_PAGE = "compare/claims.html"
CLAIMS_DATA = ("compare/claims.csv", "compare/claims.json")
TIMELINE_PAGE = "compare/timeline.html"
MAP_PAGE = "compare/map.html"
# The full-text search (outputs/search.py): its page, and the folder of Pagefind's index and script.
SEARCH_PAGE = "search.html"
SEARCH_BUNDLE = "pagefind/"
# Pagefind holds every record of an index in memory while it makes it, and more than triples that
# when it writes the index: its peak is about 42 KB a record, 700-900 MB for the 17,020 records of
# 20 texts. The records go into several indexes, whole texts in each, none (unless one text alone
# is bigger) over this many records; the search page merges them (Pagefind's mergeIndex), so that
# the peak stays that of one index however many texts there are. The edition's 4,255 records are one.
SEARCH_RECORDS_PER_INDEX = 5000


def search_bundle(number: int) -> str:
    """The folder of the n-th search index: the first (with Pagefind's script) at SEARCH_BUNDLE,
    the next beside it (pagefind-2/, pagefind-3/...)."""
    return SEARCH_BUNDLE if number == 1 else f"{SEARCH_BUNDLE.rstrip('/')}-{number}/"


def entry_path(key: str) -> str:
    """The index entry of a register key (event:treaty-of-moscow -> index/events.html#treaty-of-moscow);
    "" for a key of no register."""
    prefix, _, entry_id = key.partition(":")
    kind = KIND_BY_PREFIX.get(prefix)
    return f"{kind.page}#{entry_id}" if kind and entry_id else ""


def mentions_path(key: str, number: int = 1) -> str:
    """The page of a register entry's own, with every passage that names it, text by text
    (place:ankara -> index/places/ankara.html; its second page, when the mentions fill more than one,
    index/places/ankara/2.html); "" for a key of no register. Its register's page (entry_path) shows
    the entry and how often each text names it, so that it stays small however many texts the edition holds."""
    prefix, _, entry_id = key.partition(":")
    kind = KIND_BY_PREFIX.get(prefix)
    return _paged(kind.folder, entry_id, number) if kind and entry_id else ""


def dated_path(anchor: str, number: int = 1) -> str:
    """The page of a date of the chronology, with every passage that gives it, text by text
    (date-1921-03-16 -> index/chronology/date-1921-03-16.html; then …/date-1921-03-16/2.html)."""
    return _paged(CHRONOLOGY_FOLDER, anchor, number)


def _paged(folder: str, name: str, number: int) -> str:
    """The n-th page of an entry's mentions: the first at <folder><name>.html, the next in a folder
    of that name (an id never collides with a page number)."""
    return f"{folder}{name}.html" if number == 1 else f"{folder}{name}/{number}.html"


# a register's page names each text that names an entry, with how often, up to this many texts;
# past it, only how many texts (the entry's own page names them all)
TEXTS_AT_A_GLANCE = 12
# an entry's page holds the mentions of whole texts up to about this many (a text is never split
# across pages); more go on to a next page (about 65 bytes gzipped a mention: ~100 KB a page)
MENTIONS_PER_PAGE = 1500


# The pages the edition's prose (tei/introduction.xml) may name with ref target="page:<name>":
# the addresses above, by name; a register's index page by its prefix (page:person).
NAMED_PAGES = {"home": HOME_PAGE, "chronology": CHRONOLOGY_PAGE, "claims": CLAIMS_PAGE, "timeline": TIMELINE_PAGE,
               "map": MAP_PAGE, **{prefix: kind.page for prefix, kind in KIND_BY_PREFIX.items()}}

# an event that only one text names has no page of parallel passages
PASSAGES_MIN_TEXTS = 2


def passages_path(event_id: str) -> str:
    """The page that sets side by side the passages of every text that names an event."""
    return f"compare/events/{event_id}.html"


def claims_path(event_id: str) -> str:
    """The page that sets side by side every figure and date the texts give for one event; the
    table of claims (CLAIMS_PAGE) lists the events and their rows, each row linked to its place here,
    so that neither page grows with the number of texts beyond the texts that speak of the event."""
    return f"compare/claims/{event_id}.html"


# "Cite this": the citation record of the edition and of each text, as a file in each format
# (edition/citation.py makes them; outputs/citations.py writes them).
CITATION_FORMATS = {"bibtex": "bib", "ris": "ris", "csl-json": "json"}


def citation_path(key: str, fmt: str) -> str:
    """The download of a citation record: cite/edition.bib, cite/texts/<siglum>.ris…"""
    return f"cite/{key}.{CITATION_FORMATS[fmt]}" if key == "edition" else f"cite/texts/{key}.{CITATION_FORMATS[fmt]}"


# Pages (.html) are made once per interface language: the first language of the configuration at
# the site's root, every other under <language>/ (tr/texts/x.html). Every other file (TEI,
# downloads, data, scripts, styles) is made once, at its one address, and every page links there.
def is_page(path: str) -> bool:
    return path.partition("#")[0].endswith(".html")


def language_prefix(language: str, languages: tuple[str, ...]) -> str:
    """Where an interface language's pages live: "" for the first (the root), "tr/" for another."""
    return "" if not languages or language == languages[0] else f"{language}/"


def localised(path: str, language: str, languages: tuple[str, ...]) -> str:
    """A site path as it is in an interface language: a page under its language's folder; any
    other file where it is."""
    return language_prefix(language, languages) + path if is_page(path) else path


def text_path(siglum: str) -> str:
    """The page of a text below the site's root (and below the edition's base URL)."""
    return f"texts/{siglum}.html"


def release_path(version: str) -> str:
    """The folder of a released version below the releases' root (= the edition's base URL), which holds
    the current version: <base URL>v0.1.0/texts/x.html#p3 is the passage as version 0.1.0 has it, forever."""
    return f"v{version}/"


# The attributes TEI types as URIs (teidata.pointer: RELAX NG anyURI in tei_all.rng, P5 4.3.0), by
# name, whatever their element: every token of them with a scheme must have an allowed one (validate,
# rule url-scheme). A test derives the list from tei_all.rng again when it is installed.
URI_ATTRIBUTES = frozenset("""
active adj adjFrom adjTo ana calendar change children class code copyOf corresp datcat datingMethod
datingPoint decls defaultExceptions domains edRef end except exclude fVal facs feats filter follow from
fromUnit given hand inst lemmaRef location mergedIn mutual name new next ns nymRef origin parent parts
passive perf period prev property ref rendition require resp sameAs scheme scribeRef scriptRef select
since source spanTo start synch target targetEnd to toUnit toWhom unitRef uri url value valueDatcat where
who wit""".split()) | {"{http://www.w3.org/XML/1998/namespace}base"}


# Downloads (issue 15): each text's TEI as read, and the plain text of its original and of its
# translation (the reading text, each block labelled as its page labels it).
PLAINTEXT_KINDS = ("original", "translation")


def tei_path(siglum: str) -> str:
    """The TEI of a text, as read."""
    return f"tei/{siglum}.xml"


def plaintext_path(siglum: str, kind: str) -> str:
    """The plain text of a text's original or translation (kind: one of PLAINTEXT_KINDS)."""
    return f"txt/{siglum}-{kind}.txt"


# For machines: the sitemap (absolute addresses, so written only when a base URL is configured)
# and robots.txt, which names it.
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"

# The static DTS 1.0 export (dtsapi.org): the entry point and the RFC 6570 URI templates of its
# three endpoints. Each template expands to the path of a file below the site's root; the
# export writes its files at exactly these expansions (edition/dts.py), for the values it
# supports: collection id (none: the edition) and nav; navigation ref (none: the whole text)
# and down; document ref (none: the whole TEI).
DTS_ENTRY = "dts/index.json"
DTS_COLLECTION = "dts/collection{/id}{/nav}.json"
DTS_NAVIGATION = "dts/navigation/{resource}{/ref}{;down}.json"
DTS_DOCUMENT = "dts/document/{resource}{/ref}.xml"


def relative(target: str, page: str) -> str:
    """A site path (texts/x.html#p3) as a link from the page at site path `page`: what
    posixpath.relpath gives, computed from the paths' segments alone where both are plain (no
    leading or trailing '/', no empty, '.' or '..' segment), since relpath asks the working
    folder for each of the 140,000 links of a 20-text edition."""
    start = posixpath.dirname(page)
    into, parts = (start.split("/") if start else []), target.split("/")
    if any(part in ("", ".", "..") for part in (*into, *parts)):
        return posixpath.relpath(target, start or ".")
    common = 0
    for here, there in zip(into, parts):
        if here != there:
            break
        common += 1
    return "/".join([".."] * (len(into) - common) + parts[common:]) or "."


def published_address(config: Config, target: str, here: str) -> str:
    """The address a file gives for a site path: under the base URL when the edition is published,
    else relative to the file `here` (an unpublished edition cites its pages relatively)."""
    return config.url(target) if config.published else relative(target, here)


# Passage ids: <siglum>-p3 (block 3), -p3-s2 (its sentence 2), -p3-q1 (quotation), -h2 (heading),
# -n7 (footnote 7), -tn4 (translation note), -e5 (editorial note), -doc1 (a document the text prints
# whole, such as minutes); a translation's id adds -en.
_PARTS = {"p": "¶{}", "h": "h. {}", "s": "s. {}", "q": "q. {}", "n": "n. {}", "tn": "t{}", "e": "e{}", "d": "div. {}",
          "doc": "doc. {}"}
_PART = re.compile(r"^(tn|doc|[a-z])(\d+)$")
_NOTE_MARK = re.compile(r"^(t|e)\d+$|^n\. \d+$")


def passage_label(siglum: str, xml_id: str) -> str:
    """What the page shows for an id, and how the index cites it: kafkas-seddi-p13-s2 -> "¶13 s. 2".

    An id outside the scheme is shown as it is, less the siglum."""
    rest = xml_id[len(siglum) + 1:] if xml_id.startswith(siglum + "-") else xml_id
    if rest.endswith("-en"):
        rest = rest[:-3]
    words = []
    for part in rest.split("-"):
        found = _PART.match(part)
        if not found or found.group(1) not in _PARTS:
            return rest
        words.append(_PARTS[found.group(1)].format(found.group(2)))
    return " ".join(words)


def note_mark(siglum: str, xml_id: str, n: str = "") -> str:
    """The mark on a note's call button and in the list: the source's own number, or the label
    of its id (tn4 -> t4, e5 -> e5); "" for an id outside the scheme (the XSLT then numbers
    the note by its place)."""
    if n:
        return n
    label = passage_label(siglum, xml_id)
    return label if _NOTE_MARK.match(label) else ""


@dataclass
class Text:
    """One source of the edition: its TEI, its metadata and its one address."""

    doc: Document
    meta: TextMeta

    @property
    def siglum(self) -> str:
        return self.meta.siglum


@dataclass
class Edition:
    """Everything read and checked, before anything is written."""

    config: Config
    corpus: Corpus
    registry: dict[str, Entry]
    texts: list[Text] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # what could not be read
    assets: dict[str, bytes] = field(default_factory=dict)  # static files (CSS, JavaScript) by name
    data: dict[str, bytes] = field(default_factory=dict)  # the toolkit's data files (edition/data/: the map's outline)
    redirects: list[Redirect] = field(default_factory=list)  # tei/redirects.toml: ids of earlier releases that moved
    deliberate: list[Deliberate] = field(default_factory=list)  # tei/deliberate.toml: warnings kept on purpose

    def entries(self, kind: RegisterKind) -> list[Entry]:
        return [entry for entry in self.registry.values() if entry.prefix == kind.prefix]
