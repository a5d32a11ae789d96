"""introduction.html: the edition's introduction, the editors' prose (tei/introduction.xml through
xslt/prose.xsl), with the length of each text counted from its TEI at every build (qa.text_figures).
Its TEI is published with the texts' (downloads.py)."""
from __future__ import annotations

from collections.abc import Iterator

from ..model import INTRODUCTION_PAGE, Edition
from ..qa import TextFigures, text_figures
from ..sources import NS, XML_NS, plain_text
from .site import Site

# the paragraphs of a text's original, its own notes left out (a block also counts headings, items, footnotes)
_PARAGRAPHS = "count(tei:text//tei:text[@type='original']//tei:p[not(ancestor::tei:note)])"


def _figures(edition: Edition) -> list[tuple[TextFigures, int]]:
    """Each text's figures, and the paragraphs of its original."""
    return [(text_figures(edition.corpus, text.doc), int(text.doc.root.xpath(_PARAGRAPHS, namespaces=NS)))
            for text in edition.texts]


def pages(site: Site) -> Iterator[tuple[str, bytes]]:
    corpus = site.edition.corpus
    doc = corpus.introduction
    if doc is None:
        return
    prose, problems = site.transformer.transform_prose(doc, INTRODUCTION_PAGE)
    site.warnings.extend(problems)
    contents = [(div.get(f"{{{XML_NS}}}id"), plain_text(div.find("tei:head", NS)))
                for div in doc.root.iterfind("tei:text/tei:body/tei:div", NS)]
    subtitle = plain_text(doc.root.find("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type='sub']", NS))
    yield INTRODUCTION_PAGE, site.renderer.page("introduction.html", INTRODUCTION_PAGE, prose=prose, subtitle=subtitle,
                                                contents=contents, figures=site.derived.of(_figures))
