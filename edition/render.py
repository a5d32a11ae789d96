"""Jinja2 owns the pages: the shell, the aligned rows, the index, every label.

The XSLT fragments come in as lxml elements and are serialised here as markup;
everything else reaches the templates as data and is escaped by them.
"""
from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from lxml import etree
from markupsafe import Markup

from .align import NoteRow, Row
from .config import Config
from .index import Index
from .metadata import TextMeta
from .registers import PREFIXES, Entry
from .sources import Project, direction

_HEADINGS = {"person": "Persons", "place": "Places", "org": "Organisations", "event": "Events", "bibl": "Works cited"}
# (page slug = register file kind, ref prefix, heading), in the order of the navigation
INDEX_PAGES = tuple((kind, prefix, _HEADINGS[prefix]) for prefix, (kind, _tag) in PREFIXES.items())


def html(element: etree._Element | None) -> Markup:
    """An XSLT-made element as markup; its text was escaped by the HTML serialiser."""
    if element is None:
        return Markup("")
    return Markup(etree.tostring(element, method="html", encoding="unicode", with_tail=False))


@dataclass
class TextView:
    meta: TextMeta
    rows: list[Row]
    footnotes: list[NoteRow]  # the source's own notes, each beside its translation
    edition_notes: list[etree._Element]  # translation and editorial notes


def environment(project: Project) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(project.templates_dir)),
        autoescape=select_autoescape(["html", "xml"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["html"] = html
    env.filters["dir"] = direction
    return env


class Renderer:
    def __init__(self, project: Project, config: Config):
        self.env = environment(project)
        self.config = config

    def _page(self, template: str, root: str, **context) -> bytes:
        return self.env.get_template(template).render(edition=self.config, root=root, index_pages=INDEX_PAGES,
                                                      **context).encode("utf-8")

    def home(self, texts: list[TextMeta]) -> bytes:
        return self._page("home.html", "", texts=texts)

    def text(self, view: TextView, titles: dict[str, TextMeta]) -> bytes:
        return self._page("text.html", "../", view=view, meta=view.meta, titles=titles)

    def index_page(self, slug: str, heading: str, entries: list[Entry], index: Index,
                   titles: dict[str, TextMeta]) -> bytes:
        return self._page("register.html", "../", slug=slug, heading=heading, entries=entries,
                          index=index, titles=titles)

    def chronology(self, index: Index, titles: dict[str, TextMeta]) -> bytes:
        return self._page("chronology.html", "../", index=index, titles=titles)
