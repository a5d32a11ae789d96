"""Jinja2 owns the pages: the page shells, the aligned rows, the index, every label.

The XSLT fragments come in as lxml elements and are serialised here as markup;
everything else reaches the templates as data and is escaped by them. Every template
sees the edition's configuration, its labels table and the model's register kinds.
"""
from __future__ import annotations

from dataclasses import dataclass

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.bccache import Bucket
from lxml import etree
from markupsafe import Markup

from .config import Config
from .model import CITATION_FORMATS, citation_path
from .model import PLAINTEXT_KINDS, plaintext_path, tei_path
from .model import (CHRONOLOGY_PAGE, CLAIMS_PAGE, HOME_PAGE, INTRODUCTION_PAGE, MAP_PAGE, REGISTER_KINDS,
                    SEARCH_PAGE, TIMELINE_PAGE, TRANSLATION_LANG, direction, entry_path, localised, passage_label,
                    TEXTS_AT_A_GLANCE, claims_path, dated_path, mentions_path, passages_path, relative, text_path)
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


class _Compiled(BytecodeCache):
    """The templates as Jinja2 compiles them, kept in memory for the life of the process (each build makes
    a renderer per interface language, edition serve one per build, the tests hundreds): Jinja2 keys each
    by the template's name and file and checks it against the digest of its source, so that a template
    that changed is compiled again. Only `environment()` uses it: what Jinja2 compiles depends on the
    environment's settings too, and every environment it makes has the same."""

    def __init__(self) -> None:
        self._kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._kept:
            bucket.bytecode_from_string(self._kept[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._kept[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _Compiled()


def environment(project: Project) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(project.templates_dir)),
        bytecode_cache=_COMPILED,
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
                       entry_path=entry_path, passages_path=passages_path, claims_path=claims_path, mentions_path=mentions_path,
                       dated_path=dated_path,
                       texts_at_a_glance=TEXTS_AT_A_GLANCE,
                       home_page=HOME_PAGE, chronology_page=CHRONOLOGY_PAGE, claims_page=CLAIMS_PAGE,
                       timeline_page=TIMELINE_PAGE, map_page=MAP_PAGE, introduction_page=INTRODUCTION_PAGE,
                       search_page=SEARCH_PAGE, folding=FOLDING, translation_lang=TRANSLATION_LANG)
    env.globals.update(citation_path=citation_path, citation_formats=CITATION_FORMATS)  # "Cite this" downloads
    env.globals.update(tei_path=tei_path, plaintext_path=plaintext_path, plaintext_kinds=PLAINTEXT_KINDS)  # downloads
    return env


@dataclass(frozen=True)
class Alternate:
    """The same page in another interface language, as the language switch offers it."""

    language: str
    name: str  # the language's own name for itself (Türkçe), from its labels table
    href: str
    current: bool


class Renderer:
    """Renders one page in one interface language: a template, the page's own path (for relative
    links) and its data. `page()` takes the page's address (texts/x.html) and renders it for the
    address it has in this language (tr/texts/x.html)."""

    def __init__(self, project: Project, config: Config, labels: dict[str, dict[str, dict[str, str]]],
                 language: str = "", rendered: list[str] | None = None):
        self.env = environment(project)
        self.config = config
        self.language = language or config.language
        self.all_labels = labels
        self.labels = labels[self.language]
        # the address of every page rendered so far, in every language (the sitemap lists them):
        # the build gives its renderers one list
        self.rendered: list[str] = [] if rendered is None else rendered

    def address(self, path: str) -> str:
        """Where a page or file of the site is written for this interface language."""
        return localised(path, self.language, self.config.languages)

    def page(self, template: str, path: str, **context) -> bytes:
        here = self.address(path)
        self.rendered.append(here)
        root = "../" * here.count("/")

        def link(target: str) -> str:
            """A site path (texts/x.html#p3, tei/x.xml) as a link from this page: a page in this
            page's language, a file where it is."""
            return relative(self.address(target), here)

        alternates = [Alternate(language, self.all_labels[language]["site"]["language_name"],
                                relative(localised(path, language, self.config.languages), here),
                                language == self.language)
                      for language in self.config.languages]
        # the edition's own prose (the registers, the texts' metadata, the readings) is in the
        # translation's language; on a page whose interface is in another, it says so
        prose_lang = Markup(f' lang="{TRANSLATION_LANG}"') if self.language != TRANSLATION_LANG else Markup("")
        return self.env.get_template(template).render(edition=self.config, labels=self.labels, root=root,
                                                      path=path, address=here, link=link, ui_lang=self.language,
                                                      alternates=alternates, prose_lang=prose_lang,
                                                      **context).encode("utf-8")
