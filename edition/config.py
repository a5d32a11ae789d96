"""The edition's configuration (edition.toml, table [edition]): typed, documented, checked.

Each field below is one key of the table, with its type, its default (none: the key is
required) and one line saying what it is for. An unknown key, a missing required key or a
value of the wrong type is a `config` problem, reported by `edition validate` and `edition build`
alike, with the line of edition.toml it concerns.
"""
from __future__ import annotations

import tomllib
from dataclasses import MISSING, dataclass, field, fields

from .problems import ERROR, EditionError, Problem
from .sources import Project


def _key(doc: str, default: str | object = MISSING):
    return field(default=default, metadata={"doc": doc})


@dataclass(frozen=True)
class Config:
    title: str = _key("the edition's title, on every page and in every citation")
    version: str = _key("the edition's version (semantic versioning), on every page and in every citation")
    editors: str = _key("who edited the edition, as named in citations")
    base_url: str = _key("the canonical address of the published site, ending in '/'; used only in citations "
                         "and canonical links (links inside the site are relative)")
    subtitle: str = _key("one line under the title on the home page", "")
    licence: str = _key("the licence of the edition's own work, as shown", "CC BY 4.0")
    licence_url: str = _key("the address of that licence", "https://creativecommons.org/licenses/by/4.0/")
    languages: tuple[str, ...] = _key("the languages of the interface, each with its labels table "
                                      "templates/labels/<language>.toml: the first at the site's root, each other "
                                      "in a folder of its own (tr/), every page in each; the reader chooses", ("en",))
    forthcoming: tuple[str, ...] = _key("the sources not yet published, one line each, listed on the home page", ())


    @property
    def language(self) -> str:
        """The interface language of the site's root."""
        return self.languages[0]


_TYPES = {"str": "a string", "tuple[str, ...]": "a list of strings"}
_EXAMPLES = {"str": '"…"', "tuple[str, ...]": '["…", "…"]'}


def _fits(value: object, kind: str) -> bool:
    if kind == "str":
        return isinstance(value, str)
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.split("=")[0].strip() == key:
            return number
    return 1


def load_config(project: Project) -> Config:
    shown = project.show(project.config_file)

    def problem(line: int, message: str, hint: str = "") -> Problem:
        return Problem(shown, line, 1, ERROR, "config", message, hint)

    try:
        text = project.config_file.read_text(encoding="utf-8")
    except OSError as err:
        raise EditionError([problem(0, f"cannot read the configuration: {err.strerror}",
                                    "create edition.toml with an [edition] table")]) from err
    except UnicodeDecodeError as err:
        raise EditionError([problem(0, "the configuration is not UTF-8", "save edition.toml as UTF-8")]) from err
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise EditionError([problem(getattr(err, "lineno", 1) or 1, f"not valid TOML: {err}", "")]) from err
    table = data.get("edition")
    if not isinstance(table, dict):
        raise EditionError([problem(1, "edition.toml has no [edition] table", "put the keys under a line [edition]")])
    known = {f.name: f for f in fields(Config)}
    problems = [problem(_line_of(text, key), f"unknown key '{key}' in [edition]",
                        f"the keys are: {', '.join(known)} (see docs/ARCHITECTURE.md)")
                for key in table if key not in known]
    problems += [problem(1, f"[edition] lacks the required key '{name}'", f"add {name} = \"…\": {f.metadata['doc']}")
                 for name, f in known.items() if f.default is MISSING and name not in table]
    problems += [problem(_line_of(text, key), f"'{key}' must be {_TYPES[known[key].type]}, not {type(value).__name__}",
                         f"write {key} = {_EXAMPLES[known[key].type]}")
                 for key, value in table.items() if key in known and not _fits(value, known[key].type)]
    problems += [problem(1, f"unknown table [{key}] in edition.toml", "the configuration is the table [edition]")
                 for key in data if key != "edition"]
    if "languages" in table and not problems:
        if not table["languages"]:
            problems.append(problem(_line_of(text, "languages"), "'languages' is empty",
                                    'name at least one interface language: languages = ["en"]'))
        problems += [problem(_line_of(text, "languages"), f"interface language '{language}' has no labels table "
                             f"{project.show(project.templates_dir / 'labels' / (language + '.toml'))}",
                             "translate templates/labels/en.toml into that file, or take the language out of languages")
                     for language in table["languages"] if not (project.templates_dir / "labels" / f"{language}.toml").is_file()]
    if problems:
        raise EditionError(problems)
    values = {key: tuple(value) if isinstance(value, list) else value for key, value in table.items()}
    if values.get("base_url") and not values["base_url"].endswith("/"):
        values["base_url"] += "/"
    return Config(**values)
