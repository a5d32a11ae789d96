"""The pipeline, top to bottom: load -> validate -> transform -> index -> render -> write.

Everything is read, checked and rendered in memory first; nothing is written
unless the whole edition validates and every page rendered.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .align import note_rows, rows
from .config import load_config
from .index import build_index
from .metadata import text_meta
from .problems import ERROR, EditionError, Problem, has_errors
from .qa import TextFigures, figures, strict_problems
from .registers import load_registry
from .render import INDEX_PAGES, Renderer, TextView
from .sources import Project, load_corpus
from .transform import Transformer
from .validate import Validator, validate_corpus
from .write import write_site


@dataclass
class BuildResult:
    files: dict[str, bytes]
    warnings: list[Problem] = field(default_factory=list)


def load_and_validate(project: Project, validator: Validator | None = None):
    """Load and validate: the corpus, its registry and every problem found."""
    corpus, problems = load_corpus(project)
    registry = load_registry(corpus)
    if not has_errors(problems):  # schemas and rules need every file parsed
        problems += validate_corpus(corpus, registry, validator)
    return corpus, registry, problems


def check(project: Project, validator: Validator | None = None) -> list[Problem]:
    return load_and_validate(project, validator)[2]


@dataclass
class Report:
    """What `edition validate` tells: every problem, and the QA figures of every text that parsed."""

    problems: list[Problem]
    figures: list[TextFigures] = field(default_factory=list)


def inspect(project: Project, validator: Validator | None = None, strict: bool = False) -> Report:
    try:
        corpus, registry, problems = load_and_validate(project, validator)
    except EditionError as err:  # a schema that cannot be loaded
        return Report(err.problems)
    if strict:
        problems += strict_problems(corpus, registry)
    return Report(problems, figures(corpus))


def render_site(project: Project) -> BuildResult:
    config = load_config(project)
    corpus, registry, problems = load_and_validate(project)
    if has_errors(problems):
        raise EditionError(problems)

    renderer = Renderer(project, config)
    metas = [text_meta(corpus, doc) for doc in corpus.texts]
    titles = {meta.siglum: meta for meta in metas}
    files: dict[str, bytes] = {"index.html": renderer.home(metas)}
    # Each text is transformed and rendered in turn, so that only one text's HTML tree is in
    # memory at a time (holding them all made memory grow with the size of the edition).
    transformer = Transformer(project)
    warnings: list[Problem] = []
    for doc, meta in zip(corpus.texts, metas, strict=True):
        fragment, found = transformer.transform(doc)
        warnings += found
        aligned, orphans = rows(fragment)
        if orphans:  # validation should have caught these; never publish a text that lost a block
            raise EditionError([Problem(project.show(doc.path), 0, 0, ERROR, "align-orphan",
                                        f"translation block {o.get('id')} has no original block", "") for o in orphans])
        files[f"texts/{meta.siglum}.html"] = renderer.text(TextView(meta, aligned, *note_rows(fragment)), titles)
    index = build_index(corpus, registry)
    for slug, prefix, heading in INDEX_PAGES:
        entries = [entry for entry in registry.values() if entry.prefix == prefix]
        entries.sort(key=(lambda e: (e.sort_date, e.label)) if prefix == "event" else (lambda e: e.label.casefold()))
        files[f"index/{slug}.html"] = renderer.index_page(slug, heading, entries, index, titles)
    files["index/chronology.html"] = renderer.chronology(index, titles)
    for doc in corpus.texts:
        files[f"tei/{doc.path.name}"] = doc.path.read_bytes()
    for doc in corpus.registers.values():
        files[f"tei/registers/{doc.path.name}"] = doc.path.read_bytes()
    for asset in sorted((project.templates_dir / "static").iterdir()):
        if asset.is_file():
            files[f"static/{asset.name}"] = asset.read_bytes()
    return BuildResult(files, warnings)


def build(project: Project, out: Path) -> BuildResult:
    result = render_site(project)
    write_site(result.files, out)
    return result
