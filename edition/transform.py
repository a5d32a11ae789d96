"""TEI -> HTML fragments with the project's XSLT 1.0 stylesheets (compiled once).

The stylesheet output stays an lxml tree: `align` pairs its blocks into rows and the
text-page output serialises each fragment into the Jinja page as markup.

What the stylesheets need to know about the edition they ask the model, through the
extension functions below (namespace urn:x-edition:xslt), so that no fact of the model
is written a second time in XSLT: the direction of a language, the index page of a
register entry and its name, the address of another text, the mark of a note.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from lxml import etree

from .model import (CROSS_TEXT_TARGET, KIND_BY_PREFIX, NAMED_PAGES, direction, note_mark, passage_label, passages_path,
                    relative, text_path)
from .problems import WARNING, Problem
from .registers import Entry
from .sources import Document, Project, secure_parser


@dataclass
class Fragment:
    """The transformed text: the root <div class="tei-TEI"> of the XSLT output."""

    root: etree._Element

    def text_column(self, kind: str) -> etree._Element | None:
        found = self.root.xpath("div[@class='tei-text'][@data-type=$kind]", kind=kind)
        return found[0] if found else None

    def note_list(self, kind: str) -> etree._Element | None:
        found = self.root.xpath("div[@class='tei-notes']/div[@data-type=$kind]", kind=kind)
        return found[0] if found else None


EXTENSIONS_NS = "urn:x-edition:xslt"
_MESSAGE = re.compile(r"^\s*(\d+): (.*)$", re.S)
# the XSLT parameter -> the labels table entry it takes
_LABEL_PARAMS = {"label-note": ("text", "note"), "label-note-list": ("text", "note_open_list"),
                 "label-note-back": ("text", "note_back"), "label-close": ("text", "close"),
                 "label-gloss": ("text", "gloss"),
                 "label-gloss-translator": ("text", "gloss_translator"), "label-printed": ("text", "printed"),
                 "label-cert": ("text", "cert"), "label-figure-missing": ("text", "figure_missing"),
                 "label-document": ("text", "document")}


def _source_line(_context, nodes) -> str:
    """ed:line(node): XSLT 1.0 cannot know where a node stood in its file; lxml can."""
    return str(getattr(nodes[0], "sourceline", 0) or 0) if nodes else "0"


class Transformer:
    def __init__(self, project: Project, registry: dict[str, Entry], labels: dict[str, dict[str, str]],
                 passages: frozenset[str] = frozenset()):
        self.project = project
        self.registry = registry
        self.labels = labels
        self.passages = passages  # the events that have a page of parallel passages
        self._siglum = ""  # the text being transformed
        self._here = ""  # the page it is transformed for, which every link is relative to
        self._index_pages: dict[str, str] = {}  # prefix -> its index page, relative to that text's page

    @cached_property
    def stylesheet(self) -> etree.XSLT:
        return self._compile("tei2html.xsl")

    @cached_property
    def prose_stylesheet(self) -> etree.XSLT:
        """xslt/prose.xsl: the edition's own prose (the introduction), with the text pages' templates."""
        return self._compile("prose.xsl")

    def _compile(self, name: str) -> etree.XSLT:
        path = self.project.xslt_dir / name
        functions = {"line": _source_line, "dir": self._dir, "index-href": self._index_href,
                     "index-label": self._index_label, "text-href": self._text_href, "note-mark": self._note_mark,
                     "page-href": self._page_href, "passages-href": self._passages_href,
                     "passages-label": self._passages_label, "passage-label": self._passage_label}
        # The imports are read when compiling; at run time the stylesheet needs no file at all.
        return etree.XSLT(etree.parse(str(path), secure_parser()), access_control=etree.XSLTAccessControl.DENY_ALL,
                          extensions={(EXTENSIONS_NS, name): f for name, f in functions.items()})

    def transform(self, doc: Document, siglum: str) -> tuple[Fragment, list[Problem]]:
        self._siglum = siglum
        return self._run(self.stylesheet, doc, text_path(siglum))

    @cached_property
    def plaintext_stylesheet(self) -> etree.XSLT:
        """xslt/plaintext.xsl: the reading text of a text's original or translation, as plain text."""
        return self._compile("plaintext.xsl")

    def plain_text(self, doc: Document, siglum: str, kind: str, header: str, label_notes: str) -> str:
        """The plain text of the text of `kind` (original, translation) in a text's TEI."""
        self._siglum = siglum
        result = self.plaintext_stylesheet(doc.tree, kind=etree.XSLT.strparam(kind),
                                           header=etree.XSLT.strparam(header),
                                           **{"label-notes": etree.XSLT.strparam(label_notes)})
        return str(result)

    def transform_prose(self, doc: Document, page: str) -> tuple[etree._Element, list[Problem]]:
        """The edition's prose as the page at `page` shows it: <div class="tei-prose">."""
        self._siglum = ""
        fragment, problems = self._run(self.prose_stylesheet, doc, page)
        return fragment.root, problems

    def _run(self, stylesheet: etree.XSLT, doc: Document, here: str) -> tuple[Fragment, list[Problem]]:
        self._here = here
        self._index_pages = {prefix: relative(kind.page, here) for prefix, kind in KIND_BY_PREFIX.items()}
        params = {name: etree.XSLT.strparam(self.labels[section][key])
                  for name, (section, key) in _LABEL_PARAMS.items()}
        result = stylesheet(doc.tree, **params)
        problems = [self._problem(doc, entry.message) for entry in stylesheet.error_log]
        return Fragment(result.getroot()), problems

    # -- the extension functions: each answers from the model ----------------------------------
    def _dir(self, _context, lang: str) -> str:
        return direction(lang)

    def _index_href(self, _context, uri: str) -> str:
        prefix, _, entry_id = uri.partition(":")
        page = self._index_pages.get(prefix)
        return f"{page}#{entry_id}" if page else ""

    def _index_label(self, _context, uri: str) -> str:
        entry = self.registry.get(uri)
        return f"{self.labels['register']['index_link']} {entry.label if entry else uri}"

    def _text_href(self, _context, target: str) -> str:
        found = CROSS_TEXT_TARGET.match(target)
        if not found:
            return ""
        return f"{relative(text_path(found.group(1)), self._here)}#{found.group(2)}"

    def _page_href(self, _context, target: str) -> str:
        page = NAMED_PAGES.get(target.removeprefix("page:"))
        return relative(page, self._here) if page else ""

    def _passages_href(self, _context, uri: str) -> str:
        """The page of parallel passages of an event, if it has one; "" otherwise."""
        return relative(passages_path(uri.partition(":")[2]), self._here) if uri in self.passages else ""

    def _passages_label(self, _context, uri: str) -> str:
        entry = self.registry.get(uri)
        return f"{self.labels['passages']['title']}: {entry.label if entry else uri}"

    def _passage_label(self, _context, xml_id: str) -> str:
        return passage_label(self._siglum, xml_id) if xml_id else ""

    def _note_mark(self, _context, xml_id: str, n: str) -> str:
        return note_mark(self._siglum, xml_id, n)

    def _problem(self, doc: Document, message: str) -> Problem:
        found = _MESSAGE.match(message)
        line, text = (int(found.group(1)), found.group(2)) if found else (0, message)
        return Problem(self.project.show(doc.path), line, 1, WARNING, "xslt-message", " ".join(text.split()),
                       "add a template for this element in xslt/ or correct the TEI")
