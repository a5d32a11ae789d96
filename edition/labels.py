"""The interface words: one table per language (templates/labels/<language>.toml).

Templates read `labels.<section>.<key>`; a key a template asks for and the table lacks
is an error at build time (StrictUndefined), never an empty label on a page.
"""
from __future__ import annotations

import tomllib

from .problems import ERROR, EditionError, Problem
from .sources import Project


def load_labels(project: Project, language: str) -> dict[str, dict[str, str]]:
    path = project.templates_dir / "labels" / f"{language}.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise EditionError([Problem(project.show(path), getattr(err, "lineno", 0) or 0, 1, ERROR, "labels",
                                    f"cannot read the labels table for language '{language}': {err}",
                                    "correct the table (it is TOML), or take the language out of languages in edition.toml")]) from err
