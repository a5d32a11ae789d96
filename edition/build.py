"""The pipeline, top to bottom: read -> validate -> transform -> index -> render -> write.

`build()` is the whole of it. Everything is read and checked first (`prepare`: `read_edition`,
`check_edition`); past the barrier nothing more is read from the project but the
XSLT and the templates. `make_site` then makes the files one at a time and `write_site`
writes each to a staging folder as it comes (nothing holds the whole site in memory),
then replaces the output folder whole; a build that fails on the way leaves the previous
site as it was.
"""
from __future__ import annotations

import gc
from collections.abc import Callable, Collection, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .config import load_config
from .deliberate import DELIBERATE_FILE, Kept, keep, load_deliberate
from .index import Index, TextIndexes, build_index
from .identity import statement_problems
from .labels import load_labels
from .metadata import text_meta
from .model import Edition, Text, is_page, release_path
from .outputs import FILES, PAGES, STARTED_EARLY, Site
from .outputs.site import Derived
from .outputs.texts import pages as reading_pages
from .problems import EditionError, Problem, has_errors
from .qa import TextFigures, figures, strict_problems
from .redirects import REDIRECT_RULES, load_redirects
from .registers import load_registry
from .render import Renderer
from .sources import Project, load_corpus, toolkit_data
from .transform import Transformer
from .validate import TextChecks, Validator, validate_corpus
from .write import write_site


@dataclass
class SiteInMemory:
    """Every file of the site (path -> bytes), and the warnings of the encoding."""

    files: dict[str, bytes]
    warnings: list[Problem] = field(default_factory=list)


@dataclass
class Built:
    """What `build` wrote: how many files, how many bytes, and the warnings of the encoding."""

    count: int
    size: int
    warnings: list[Problem] = field(default_factory=list)


def read_edition(project: Project) -> Edition:
    """Read: the configuration, every TEI file, the registers, each text's metadata, the
    static assets, the toolkit's data (the map's outline). What cannot be read is in `edition.problems`, not raised."""
    problems: list[Problem] = []
    try:
        config = load_config(project)
    except EditionError as err:
        config, problems = None, list(err.problems)
    corpus, found = load_corpus(project)
    problems += found
    registry = load_registry(corpus)
    redirects, found = load_redirects(project, corpus)  # tei/redirects.toml: ids of earlier releases that moved
    problems += found
    deliberate, found = load_deliberate(project)  # tei/deliberate.toml: warnings kept on purpose
    problems += found
    texts = [Text(doc, text_meta(corpus, doc)) for doc in corpus.texts]
    assets = {path.name: path.read_bytes() for path in sorted((project.templates_dir / "static").iterdir())
              if path.is_file()}
    return Edition(config, corpus, registry, texts, problems, assets, toolkit_data(), redirects, deliberate)


def check_edition(edition: Edition, validator: Validator | None = None,
                  kept: TextChecks | None = None) -> list[Problem]:
    """Validate: every problem of the edition (reading problems included); [] means publishable.
    `kept`: each text's problems from an earlier validation in this process (edition serve)."""
    problems = list(edition.problems)
    # schemas and rules need every file parsed (a broken configuration does not stop them)
    if not has_errors([p for p in problems if p.rule not in ("config", "deliberate-file", *REDIRECT_RULES)]):
        problems += validate_corpus(edition.corpus, edition.registry, validator, kept)
        problems += statement_problems(edition.corpus, edition.config)  # the headers agree with edition.toml
    return problems


def check(project: Project, validator: Validator | None = None) -> list[Problem]:
    return check_edition(read_edition(project), validator)


@dataclass
class Report:
    """What `edition validate` tells: every problem, the QA figures of every text that parsed, and
    the warnings kept on purpose (tei/deliberate.toml)."""

    problems: list[Problem]
    figures: list[TextFigures] = field(default_factory=list)
    kept: list[Kept] = field(default_factory=list)


def inspect(project: Project, validator: Validator | None = None, strict: bool = False) -> Report:
    edition = read_edition(project)
    try:
        problems = check_edition(edition, validator)
    except EditionError as err:  # a schema that cannot be loaded
        return Report(edition.problems + err.problems)
    if strict:
        problems += strict_problems(edition.corpus, edition.registry)
    # the warnings the editors keep on purpose leave the problems; an entry that keeps none is a
    # warning once every warning rule has run
    problems, kept = keep(problems, edition.deliberate, project.show(project.root / DELIBERATE_FILE),
                          every_warning_checked=strict)
    return Report(problems, figures(edition.corpus, kept), kept)


@dataclass
class Memo:
    """What a build keeps for the next in one process (edition serve), each part under everything it
    was made from: each text's share of the index, and the problems of each text alone."""

    indexes: TextIndexes = field(default_factory=TextIndexes)
    checks: TextChecks = field(default_factory=TextChecks)


def prepare(project: Project, release: str = "", memo: Memo | None = None) -> Edition:
    """Read and validate: the edition, every problem of it raised (EditionError) before anything is made.
    `release`: the version being released (edition release); its pages give their addresses under that
    version's folder (<base URL>v0.2.0/…), in citations, metadata, canonical links and the sitemap, so
    that what a reader cites from a release resolves to it forever."""
    edition = read_edition(project)
    _publishable(check_edition(edition, kept=memo.checks if memo else None))
    if release:
        edition.config = edition.config.under(release_path(release))
    return edition


def _publishable(problems: list[Problem]) -> None:
    """Raise the edition's problems if any is an error: nothing is made of an edition that is not publishable."""
    if has_errors(problems):
        raise EditionError(problems)


def make_site(project: Project, edition: Edition, warnings: list[Problem],
              kept: TextIndexes | None = None) -> Iterator[tuple[str, bytes]]:
    """Transform, index, render: every file of the site as (path, bytes), one at a time, as each output
    makes it (nothing holds the whole site). The warnings of the encoding are added to `warnings`.
    `kept`: the texts' shares of the index from an earlier build in this process (edition serve)."""
    derived = Derived(edition)  # what the outputs derive whatever the language, made once
    try:
        for early in STARTED_EARLY:  # the search's first indexes, made by Pagefind beside what follows
            derived.of(early)
        yield from _outputs(project, edition, _Shared.of(project, edition, kept), derived, warnings)
    finally:
        derived.close()


@dataclass
class _Shared:
    """What every language's Site is given: the labels and the index (transform and render run per text
    inside the outputs, one text's tree at a time)."""

    labels: dict
    index: Index

    @classmethod
    def of(cls, project: Project, edition: Edition, kept: TextIndexes | None) -> _Shared:
        return cls({language: load_labels(project, language) for language in edition.config.languages},
                   build_index(edition.corpus, edition.registry, kept))

    def site(self, project: Project, edition: Edition, language: str, derived: Derived, rendered: list[str]) -> Site:
        """The site as the outputs see it in one interface language."""
        renderer = Renderer(project, edition.config, self.labels, language, rendered)
        transformer = Transformer(project, edition.registry, self.labels[language], self.index.events_with_passages())
        return Site(edition, self.index, renderer, transformer, derived=derived)


def _outputs(project: Project, edition: Edition, shared: _Shared, derived: Derived,
             warnings: list[Problem]) -> Iterator[tuple[str, bytes]]:
    config = edition.config
    made: set[str] = set()
    # the pages once in each interface language, every other file once
    runs = [(language, PAGES) for language in config.languages] + [(config.language, FILES)]
    rendered: list[str] = []  # every page made, in every language (the sitemap lists them)
    for language, outputs in runs:
        site = shared.site(project, edition, language, derived, rendered)
        renderer = site.renderer
        for output in outputs:
            for path, data in output(site):
                if is_page(path) != (outputs is PAGES):
                    raise AssertionError(f"{output.__module__} makes {path}: pages come from PAGES, files from FILES")
                path = renderer.address(path)
                if path in made:
                    raise AssertionError(f"two outputs write {path}")
                made.add(path)
                yield path, data
        # a warning of the encoding is found once, not once per language
        warnings += [w for w in site.warnings if w not in warnings]


@contextmanager
def _collector_paused():
    """Python's cycle collector paused while a few pages are made (edition serve's pages of an edited text:
    0.2-0.3 s of its 1.3-1.6 s for the longest text, measured). Never for a whole build: the cycles
    it leaves would double its memory (1,040 MB against 410 MB at 20 texts)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Superseded(Exception):
    """The sources changed again while the site was being made in memory (edition serve leaves that build)."""


def render_site(project: Project, release: str = "", memo: Memo | None = None,
                newer: Callable[[], bool] = lambda: False) -> SiteInMemory:
    """The whole site in memory (edition release, edition serve and the tests): read, validate, then
    every file that `build` would write. `newer`, asked once the edition is read and as each file is
    made: whether the sources changed again, in which case the build is left (Superseded)."""
    edition = prepare(project, release, memo)
    if newer():
        raise Superseded
    warnings: list[Problem] = []
    files: dict[str, bytes] = {}
    indexes = memo.indexes if memo else None
    with closing(make_site(project, edition, warnings, indexes)) as made:  # a build left stops what it began
        for path, data in made:
            if newer():
                raise Superseded
            files[path] = data
    return SiteInMemory(files, warnings)


def render_reading_pages(project: Project, changed: Collection[Path], memo: Memo | None = None) -> SiteInMemory:
    """The reading pages of the texts in the files `changed`, in every interface language: what edition
    serve shows of an edited text before the rest of the site is made again. Each page is the one the
    whole build makes from the same sources.

    The edition is read, then validated as a build validates it while a thread makes the pages; they are
    given only if it is valid, else its problems are raised (EditionError) as `prepare` raises them. The
    Schematron (libxslt, without Python's lock) so runs on the other core while the pages are made."""
    with _collector_paused(), ThreadPoolExecutor(max_workers=1) as beside:
        edition = read_edition(project)
        # the pages, made beside the checks (both only read the trees)
        pages = beside.submit(_reading_pages, project, edition, changed, memo.indexes if memo else None)
        # validated here, as a build validates: an invalid edition is shown as its problems, whatever its pages did
        _publishable(check_edition(edition, kept=memo.checks if memo else None))
        files, warnings = pages.result()
        return SiteInMemory(files, warnings)


def _reading_pages(project: Project, edition: Edition, changed: Collection[Path],
                   kept: TextIndexes | None) -> tuple[dict[str, bytes], list[Problem]]:
    changed = {path.resolve() for path in changed}
    sigla = {text.siglum for text in edition.texts if text.doc.path.resolve() in changed}
    shared, derived = _Shared.of(project, edition, kept), Derived(edition)
    files: dict[str, bytes] = {}
    warnings: list[Problem] = []
    for language in edition.config.languages:
        site = shared.site(project, edition, language, derived, [])
        files.update((site.renderer.address(path), data) for path, data in reading_pages(site, sigla))
        warnings += [w for w in site.warnings if w not in warnings]
    return files, warnings


def build(project: Project, out: Path) -> Built:
    edition = prepare(project)  # read -> validate: every problem raised here, before anything is written
    # ---- the barrier: everything is read and checked; from here on only pages are made, and written ----
    warnings: list[Problem] = []
    # transform -> index -> render -> write: each file written to a staging folder as it is made;
    # the site replaces the previous one whole, or not at all
    count, size = write_site(make_site(project, edition, warnings), out)
    return Built(count, size, warnings)
