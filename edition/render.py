"""Jinja2 owns the pages: the page shells, the aligned rows, the index, every label.

The XSLT fragments come in as lxml elements and are serialised here as markup;
everything else reaches the templates as data and is escaped by them. Every template
sees the edition's configuration, its labels table and the model's register kinds.
"""
from __future__ import annotations

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from lxml import etree
from markupsafe import Markup

from .config import Config
from .model import CITATION_FORMATS, citation_path
from .model import PLAINTEXT_KINDS, plaintext_path, tei_path
from .model import (CHRONOLOGY_PAGE, CLAIMS_PAGE, HOME_PAGE, INTRODUCTION_PAGE, MAP_PAGE, REGISTER_KINDS,
                    SEARCH_PAGE, TIMELINE_PAGE, direction, entry_path, passage_label, passages_path, relative, text_path)
from .registers import Entry
from .search import FOLDING
from .sources import Project


def html(element: etree._Element | None) -> Markup:
    """An XSLT-made element as markup; its text was escaped by the HTML serialiser."""
    if element is None:
        return Markup("")
    return Markup(etree.tostring(element, method="html", encoding="unicode", with_tail=False))


def groupby_initial(entries: list[Entry], by_year: bool = False) -> list[tuple[str, list[Entry]]]:
    """Sorted entries in groups under their letter (or year), in order, for an index's jumps."""
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        key = entry.year if by_year else entry.initial
        groups.setdefault(key, []).append(entry)
    return list(groups.items())


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
    env.filters["groupby_initial"] = groupby_initial
    env.globals.update(kinds=REGISTER_KINDS, passage_label=passage_label, text_path=text_path,
                       entry_path=entry_path, passages_path=passages_path,
                       home_page=HOME_PAGE, chronology_page=CHRONOLOGY_PAGE, claims_page=CLAIMS_PAGE,
                       timeline_page=TIMELINE_PAGE, map_page=MAP_PAGE, introduction_page=INTRODUCTION_PAGE,
                       search_page=SEARCH_PAGE, folding=FOLDING)
    env.globals.update(citation_path=citation_path, citation_formats=CITATION_FORMATS)  # "Cite this" downloads
    env.globals.update(tei_path=tei_path, plaintext_path=plaintext_path, plaintext_kinds=PLAINTEXT_KINDS)  # downloads
    return env


class Renderer:
    """Renders one page: a template, the page's own path (for relative links) and its data."""

    def __init__(self, project: Project, config: Config, labels: dict[str, dict[str, str]]):
        self.env = environment(project)
        self.config = config
        self.labels = labels
        self.rendered: list[str] = []  # the path of every page rendered so far (the sitemap lists them)

    def page(self, template: str, path: str, **context) -> bytes:
        root = "../" * path.count("/")
        self.rendered.append(path)

        def link(target: str) -> str:
            """A site path (texts/x.html#p3) as a link from this page."""
            return relative(target, path)

        return self.env.get_template(template).render(edition=self.config, labels=self.labels, root=root,
                                                      path=path, link=link, **context).encode("utf-8")
