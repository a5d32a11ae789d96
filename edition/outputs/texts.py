"""texts/<siglum>.html: the reading page of each text, original beside translation.

Each text is transformed and rendered in turn, so that only one text's HTML tree is in
memory at a time (holding them all made memory grow with the size of the edition)."""
from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass

from lxml import etree

from ..align import NoteRow, Row, note_rows, rows
from ..metadata import TextMeta
from ..problems import ERROR, EditionError, Problem
from .site import Site


@dataclass
class TextView:
    meta: TextMeta
    rows: list[Row]
    footnotes: list[NoteRow]  # the source's own notes, each beside its translation
    edition_notes: list[etree._Element]  # translation and editorial notes


def pages(site: Site, sigla: Collection[str] | None = None) -> Iterator[tuple[str, bytes]]:
    """The reading page of every text, or only of the texts in `sigla` (edition serve, after an edit)."""
    project = site.edition.corpus.project
    for text in site.edition.texts:
        if sigla is not None and text.siglum not in sigla:
            continue
        fragment, found = site.transformer.transform(text.doc, text.siglum)
        site.warnings.extend(found)
        aligned, orphans = rows(fragment, text.siglum)
        if orphans:  # validation should have caught these; never publish a text that lost a block
            raise EditionError([Problem(project.show(text.doc.path), 0, 0, ERROR, "align-orphan",
                                        f"translation block {o.get('id')} has no original block",
                                        "give the block a corresp that names a block of the original")
                                for o in orphans])
        view = TextView(text.meta, aligned, *note_rows(fragment))
        yield text.meta.path, site.renderer.page("text.html", text.meta.path, view=view, meta=text.meta, titles=site.titles,
                                                   cited=site.citations[text.siglum])
