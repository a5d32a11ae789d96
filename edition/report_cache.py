"""The last report of `edition validate`, kept under a digest of everything it depends on.

An encoder runs `edition validate` on every save; most runs change nothing. The report (every
problem, the QA figures, the warnings kept on purpose) depends only on the bytes of the project's
inputs (every file under tei/: texts, registers, schemas, transcriptions, redirects and kept
warnings; edition.toml; the labels tables), on the toolkit's own code and libraries, on tei_all's
grammar when it is used, and on the options. With all of these unchanged the report is the same,
so it is served from `.cache/edition/report-<options>.json` without reading or checking anything.
Any changed byte gives another digest and a full run. `EDITION_CACHE` names another folder, or
`off` (as for the tei_all verdicts, conformance.ResultCache); a damaged cache is ignored.
"""
from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import asdict
from importlib import metadata
from pathlib import Path

from . import conformance
from .build import Report
from .deliberate import Deliberate, Kept
from .problems import Problem
from .qa import TextFigures
from .sources import Project

_CODE = Path(__file__).resolve().parent  # the toolkit: its code and data
_LIBRARIES = ("lxml", "elementpath")


def _inputs(project: Project) -> list[Path]:
    found = [path for path in (project.root / "tei").rglob("*") if path.is_file()]
    found += [project.config_file, *sorted((project.templates_dir / "labels").glob("*.toml"))]
    found += [path for path in _CODE.rglob("*") if path.is_file() and path.suffix != ".pyc"]
    return sorted(found)


def digest(project: Project, strict: bool, tei_all: bool) -> str:
    """Everything the report depends on, in one digest."""
    hashed = hashlib.sha256()
    hashed.update(f"strict={strict} tei_all={tei_all} python={sys.version_info[:2]}".encode())
    for name in _LIBRARIES:
        hashed.update(f"{name}={metadata.version(name)}".encode())
    for path in _inputs(project):
        if path.is_file():
            hashed.update(str(path.relative_to(project.root) if path.is_relative_to(project.root) else
                              path.relative_to(_CODE)).encode())
            hashed.update(hashlib.sha256(path.read_bytes()).digest())
    if tei_all:
        grammar = conformance.locate()
        hashed.update(conformance.grammar_identity(grammar).encode() if grammar and grammar.is_file() else b"none")
    return hashed.hexdigest()


class ReportCache:
    def __init__(self, project: Project, strict: bool, tei_all: bool):
        folder = conformance.cache_folder(project)
        self.path = folder / f"report-{'strict' if strict else 'plain'}.json" if folder else None
        self.key = digest(project, strict, tei_all) if self.path else ""

    def get(self) -> tuple[Report, str] | None:
        """The last run's report and what it said of tei_all (its label, "" if unused), if nothing changed."""
        if self.path is None or not self.path.is_file():
            return None
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
            if stored.get("key") != self.key:
                return None
            return Report([Problem(**p) for p in stored["problems"]],
                          [TextFigures(**f) for f in stored["figures"]],
                          [Kept(Problem(**k["problem"]), Deliberate(**k["entry"])) for k in stored["kept"]]), \
                stored["tei_all_label"]
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None  # damaged, or of another form: the run checks everything

    def put(self, report: Report, tei_all_label: str) -> None:
        if self.path is None:
            return
        stored = {"key": self.key, "problems": [asdict(p) for p in report.problems],
                  "figures": [asdict(f) for f in report.figures],
                  "kept": [{"problem": asdict(k.problem), "entry": asdict(k.entry)} for k in report.kept],
                  "tei_all_label": tei_all_label}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            temporary.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
            temporary.replace(self.path)
        except OSError:
            pass  # an unwritable cache costs time, never correctness
