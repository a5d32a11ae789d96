"""TEI -> HTML fragments with the project's XSLT 1.0 stylesheets (compiled once).

The stylesheet output stays an lxml tree: `align` pairs its blocks into rows and
`render` serialises each fragment into the Jinja page as markup.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from lxml import etree

from .problems import WARNING, Problem
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


def _source_line(_context, nodes) -> str:
    """ed:line(node): XSLT 1.0 cannot know where a node stood in its file; lxml can."""
    return str(getattr(nodes[0], "sourceline", 0) or 0) if nodes else "0"


class Transformer:
    def __init__(self, project: Project):
        self.project = project

    @cached_property
    def stylesheet(self) -> etree.XSLT:
        path = self.project.xslt_dir / "tei2html.xsl"
        # The imports are read when compiling; at run time the stylesheet needs no file at all.
        return etree.XSLT(etree.parse(str(path), secure_parser()), access_control=etree.XSLTAccessControl.DENY_ALL,
                          extensions={(EXTENSIONS_NS, "line"): _source_line})

    def transform(self, doc: Document) -> tuple[Fragment, list[Problem]]:
        result = self.stylesheet(doc.tree, **{"index-href": etree.XSLT.strparam("../index/")})
        problems = [self._problem(doc, entry.message) for entry in self.stylesheet.error_log]
        return Fragment(result.getroot()), problems

    def _problem(self, doc: Document, message: str) -> Problem:
        found = _MESSAGE.match(message)
        line, text = (int(found.group(1)), found.group(2)) if found else (0, message)
        return Problem(self.project.show(doc.path), line, 1, WARNING, "xslt-message", " ".join(text.split()),
                       "add a template for this element in xslt/ or correct the TEI")
