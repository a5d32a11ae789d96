"""The ids a citation can point at, and the redirects of ids that earlier versions had (tei/redirects.toml).

A citation of a sentence, paragraph, heading or note is an address with that passage's id
(`texts/<siglum>.html#<id>`). Once an edition has been released such an id must keep working:
`edition release` refuses a version in which an id of an earlier release is gone, unless the
id is declared here as moved:

    [redirects]
    "historymaps-p2-s3" = { to = "historymaps-p2-s2", reason = "sentences 2 and 3 merged (issue 11)" }

One line per moved id: the old id as the key; `to`, the id that now stands for it (in any text of
the edition); `reason`, why, for the record. The old id must no longer exist and the new one must.
The site carries the table (static/redirects.js), so that a link to the old id lands on the new one.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass

from .model import CITABLE, text_path
from .problems import ERROR, Problem
from .sources import NS, XML_NS, Corpus, Document, Project

REDIRECTS_FILE = "tei/redirects.toml"  # below the project root, next to the encoding
# the problems of that file: they do not stop the validation of the texts
REDIRECT_RULES = ("redirects-file", "redirect-target")


@dataclass(frozen=True)
class Redirect:
    old: str
    new: str
    reason: str
    line: int  # in REDIRECTS_FILE
    page: str  # the page of the text that holds the new id

    @property
    def target(self) -> str:
        """The site path the old id now leads to: texts/<siglum>.html#<new id>."""
        return f"{self.page}#{self.new}"


def _self(union: str) -> str:
    return " or ".join(f"self::{part.strip()}" for part in union.split("|"))


def citable_ids(doc: Document) -> list[str]:
    """The ids of a text that a citation can point at, in document order: every block, sentence
    and note of the original and of the translation (`model.CITABLE`); the page writes each of them."""
    return [element.get(f"{{{XML_NS}}}id")
            for element in doc.root.xpath(f"tei:text//*[@xml:id][{_self(CITABLE)}]", namespaces=NS)]


def id_pages(corpus: Corpus) -> dict[str, str]:
    """Every citable id of the edition with the page that shows it."""
    return {xml_id: text_path(corpus.siglum(doc)) for doc in corpus.texts for xml_id in citable_ids(doc)}


def _line_of(text: str, key: str) -> int:
    pattern = re.compile(rf"""^\s*(["']?){re.escape(key)}\1\s*=""")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return 1


def load_redirects(project: Project, corpus: Corpus) -> tuple[list[Redirect], list[Problem]]:
    """Read tei/redirects.toml (optional) and check it against the edition's ids."""
    path = project.root / REDIRECTS_FILE
    if not path.is_file():
        return [], []
    shown = project.show(path)
    example = '"<old-id>" = { to = "<new-id>", reason = "…" }'
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as err:
        return [], [Problem(shown, 0, 0, ERROR, "redirects-file", f"cannot read the redirects: {err}",
                            "save tei/redirects.toml as UTF-8 text")]
    except tomllib.TOMLDecodeError as err:
        found = re.search(r"at line (\d+)", str(err))
        return [], [Problem(shown, int(found.group(1)) if found else 1, 1, ERROR, "redirects-file",
                            f"not valid TOML: {err}", f"one line per moved id under [redirects]: {example}")]
    problems = [Problem(shown, 1, 1, ERROR, "redirects-file", f"unknown table [{key}]",
                        f"put every redirect under [redirects]: {example}") for key in data if key != "redirects"]
    table = data.get("redirects", {})
    if not isinstance(table, dict):
        return [], problems + [Problem(shown, _line_of(text, "redirects"), 1, ERROR, "redirects-file",
                                       "'redirects' must be a table", f"write [redirects] and under it {example}")]
    pages = id_pages(corpus)
    redirects = []
    for old, value in table.items():
        line = _line_of(text, old)
        if not (isinstance(value, dict) and set(value) == {"to", "reason"}
                and all(isinstance(v, str) and v.strip() for v in value.values())):
            problems.append(Problem(shown, line, 1, ERROR, "redirects-file",
                                    f"the redirect of '{old}' must have exactly a non-empty 'to' and 'reason'",
                                    f"write {example}"))
            continue
        if old in pages:
            problems.append(Problem(shown, line, 1, ERROR, "redirect-target",
                                    f"'{old}' is redirected but still exists ({pages[old]})",
                                    "remove the redirect: a passage that exists is cited by its own id"))
        if value["to"] not in pages:
            problems.append(Problem(shown, line, 1, ERROR, "redirect-target",
                                    f"'{old}' is redirected to '{value['to']}', which is no citable id of any text",
                                    "name the id of a block, sentence or note (the xml:id in tei/texts/)"))
        redirects.append(Redirect(old, value["to"], value["reason"].strip(), line, pages.get(value["to"], "")))
    return sorted(redirects, key=lambda r: r.old), problems
