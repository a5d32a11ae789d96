"""Warnings kept on purpose (tei/deliberate.toml): what the editors have looked at and decided to
leave, each with its reason, so that `edition validate --strict` can be clean honestly.

    [[warning]]
    rule = "length-ratio"
    file = "tei/texts/historymaps.xml"
    about = "historymaps-p3-s2"
    reason = "The translation expands an Urdu idiom the reader would not otherwise understand."

Each entry keeps every warning of its `rule` in its `file` whose message contains `about` (an id,
a name form, a register key: what the warning names). A kept warning no longer fails --strict;
`edition validate` counts the kept warnings in its closing table, text by text, and lists them
with their reasons in its JSON. An entry that keeps no warning is itself a warning
(`deliberate-unused`, checked when every warning rule has run, i.e. under --strict): a record
that has outlived its warning is removed, not left to hide the next one. Errors cannot be kept.

A word deliberately left untagged is better said in the encoding itself (`<w pos="adjective">`,
docs/ENCODING.md), where it stays with the word; this file is for what the encoding cannot say.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass

from .problems import ERROR, WARNING, Problem
from .sources import Project

DELIBERATE_FILE = "tei/deliberate.toml"  # below the project root, next to the encoding
KEYS = ("rule", "file", "about", "reason")
_EXAMPLE = '[[warning]] with rule = "…", file = "tei/texts/….xml", about = "…", reason = "…"'


@dataclass(frozen=True)
class Deliberate:
    """One entry of the file: which warnings it keeps, and why."""

    rule: str
    file: str  # as problems name it: relative to the project root
    about: str  # a part of the warning's message
    reason: str
    line: int  # of its [[warning]] in DELIBERATE_FILE

    def keeps(self, problem: Problem) -> bool:
        return (problem.severity == WARNING and problem.rule == self.rule and problem.path == self.file
                and self.about in problem.message)


@dataclass(frozen=True)
class Kept:
    """A warning kept on purpose, with the entry that keeps it."""

    problem: Problem
    entry: Deliberate


def _entry_lines(text: str) -> list[int]:
    return [number for number, line in enumerate(text.splitlines(), start=1) if line.strip() == "[[warning]]"]


def load_deliberate(project: Project) -> tuple[list[Deliberate], list[Problem]]:
    """Read tei/deliberate.toml (optional)."""
    path = project.root / DELIBERATE_FILE
    if not path.is_file():
        return [], []
    shown = project.show(path)

    def problem(line: int, message: str, hint: str = f"write each entry as {_EXAMPLE}") -> Problem:
        return Problem(shown, line, 1, ERROR, "deliberate-file", message, hint)

    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as err:
        return [], [problem(0, f"cannot read the kept warnings: {err}", f"save {DELIBERATE_FILE} as UTF-8 text")]
    except tomllib.TOMLDecodeError as err:
        found = re.search(r"at line (\d+)", str(err))
        return [], [problem(int(found.group(1)) if found else 1, f"not valid TOML: {err}")]
    problems = [problem(1, f"unknown key or table '{key}'") for key in data if key != "warning"]
    table = data.get("warning", [])
    if not isinstance(table, list):
        return [], problems + [problem(1, "'warning' must be an array of tables ([[warning]])")]
    lines = _entry_lines(text)
    found: list[Deliberate] = []
    for number, value in enumerate(table):
        line = lines[number] if number < len(lines) else 1
        if not isinstance(value, dict):
            problems.append(problem(line, f"entry {number + 1} is not a table"))
            continue
        unknown = sorted(set(value) - set(KEYS))
        missing = [key for key in KEYS if not (isinstance(value.get(key), str) and value[key].strip())]
        if unknown or missing:
            said = "; ".join(part for part in (f"unknown key(s) {', '.join(unknown)}" if unknown else "",
                                               f"no non-empty {', '.join(missing)}" if missing else "") if part)
            problems.append(problem(line, f"entry {number + 1}: {said}",
                                    "every kept warning says which rule, which file, what it is about and why"))
            continue
        found.append(Deliberate(value["rule"].strip(), value["file"].strip(), value["about"].strip(),
                                " ".join(value["reason"].split()), line))
    return found, problems


def keep(problems: list[Problem], entries: list[Deliberate], shown: str,
         every_warning_checked: bool) -> tuple[list[Problem], list[Kept]]:
    """The problems less the warnings the entries keep, and those kept. When every warning rule has
    run (--strict), an entry that keeps nothing is a `deliberate-unused` warning."""
    left: list[Problem] = []
    kept: list[Kept] = []
    for found in problems:
        entry = next((entry for entry in entries if entry.keeps(found)), None)
        if entry is None:
            left.append(found)
        else:
            kept.append(Kept(found, entry))
    if every_warning_checked:
        used = {item.entry for item in kept}
        left += [Problem(shown, entry.line, 1, WARNING, "deliberate-unused",
                         f"the kept warning [{entry.rule}] about '{entry.about}' in {entry.file} no longer occurs",
                         f"remove the entry from {DELIBERATE_FILE} (or correct its rule, file or 'about')")
                 for entry in entries if entry not in used]
    return left, kept
