"""Validate the edition: RELAX NG, Schematron, and the checks that span files.

Three layers, each reporting `Problem`s with file, line and rule id:
1. the grammar (tei/schema/edition.rng for texts, register.rng for registers);
2. the Schematron rules (tei/schema/edition.sch), each assert carrying its rule id;
3. edition-wide checks in Python: IDs unique across all texts, cross-text
   references, web addresses, the file name and the siglum, the transcription and fidelity to it;
and, when the Validator is given it, conformance to the TEI Consortium's tei_all (conformance.py).
Schemas are compiled once per `Validator`.
"""
from __future__ import annotations

import difflib
import hashlib
import os
import re
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cached_property, partial
from pathlib import Path

from lxml import etree, isoschematron

from . import claims, conformance
from .conformance import TeiAll
from .fidelity import compare, diplomatic_text
from .model import CROSS_TEXT_TARGET, KIND_BY_PREFIX, NAMED_PAGES, URI_ATTRIBUTES, text_path
from .problems import ERROR, EditionError, Problem
from .registers import Entry
from .sources import NS, TEI_NS, XML_NS, Corpus, Document, Project, secure_parser

SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
_XML_ID = f"{{{XML_NS}}}id"
_RNG_HINTS = (
    ("Did not expect element", "check the element's name and place against docs/ENCODING.md"),
    ("Expecting element", "an element the model requires is missing here"),
    ("Expecting an element", "an element the model requires is missing here"),
    ("Invalid attribute", "this attribute is not allowed here; see docs/ENCODING.md"),
)


class Validator:
    """Holds the compiled schemas so that many documents are checked for one compile."""

    def __init__(self, project: Project, tei_all: TeiAll | Callable[[], TeiAll] | None = None):
        """tei_all: the compiled grammar, or a function that compiles it. A function is called only
        when the files have been read without errors, so that a file refused on reading (a DOCTYPE,
        bad XML) is reported at once, without the seconds tei_all takes to compile."""
        self.project = project
        self._tei_all = tei_all
        self.unavailable: list[Problem] = []  # why tei_all could not be had, if it could not
        self.tei_all_label = ""  # "TEI P5 4.3.0 tei_all" once the documents were checked against it
        self.cached_files = 0  # how many verdicts came from the cache
        self.cached_rules = 0  # how many texts' Schematron problems came from the cache

    def _compiled_tei_all(self) -> TeiAll | None:
        """The grammar, compiled now if it was given as a function; None (and the reason in
        `unavailable`) if it cannot be had."""
        if callable(self._tei_all):
            load, self._tei_all = self._tei_all, None
            try:
                self._tei_all = load()
            except EditionError as err:
                self.unavailable = list(err.problems)
        return self._tei_all

    def conformance_problems(self, docs: list[Document]) -> list[Problem]:
        """tei_all's verdicts on the documents: from the cache for files unchanged since they were
        last checked against the same grammar, and tei_all compiled only if some file is new."""
        self.tei_all_label, self.cached_files = "", 0
        if self._tei_all is None:
            return []
        path = self._tei_all.path if isinstance(self._tei_all, TeiAll) else conformance.locate()
        if path is None or not path.is_file():
            self._compiled_tei_all()  # records why tei_all is unavailable
            return []
        identity = conformance.grammar_identity(path)
        cache = conformance.ResultCache(self.project)
        found: list[Problem] = []
        unchecked = []
        for doc in docs:
            key = cache.key(identity, doc)
            cached = cache.get(key, self.project.show(doc.path))
            if cached is None:
                unchecked.append((doc, key))
            else:
                found += cached
                self.cached_files += 1
        if unchecked:
            tei_all = self._compiled_tei_all()
            if tei_all is None:
                return found
            for doc, key in unchecked:
                verdict = conformance.problems(tei_all, doc, self.project)
                cache.put(key, verdict)
                found += verdict
        cache.save()
        self.tei_all_label = conformance.label(conformance.tei_version(path))
        return found

    @property
    def loaded_tei_all(self) -> TeiAll | None:
        """The tei_all grammar if it has been compiled (or was given compiled); never compiles it."""
        return None if callable(self._tei_all) else self._tei_all

    def _compile(self, name: str, compiler):
        """A schema compiled by `compiler`; a broken schema is a problem, not a traceback."""
        path = self.project.schema_dir / name
        try:
            return compiler(etree.parse(str(path), secure_parser()))
        except (OSError, etree.XMLSyntaxError, etree.RelaxNGParseError, etree.SchematronParseError,
                etree.XSLTParseError) as err:
            raise EditionError([Problem(self.project.show(path), 0, 0, ERROR, "schema-unusable",
                                        f"cannot load the schema: {err}",
                                        "restore the file from the repository")]) from err

    @cached_property
    def text_grammar(self) -> etree.RelaxNG:
        return self._compile("edition.rng", etree.RelaxNG)

    @cached_property
    def register_grammar(self) -> etree.RelaxNG:
        return self._compile("register.rng", etree.RelaxNG)

    @cached_property
    def rules(self) -> etree.XSLT:
        # Compile the Schematron to XSLT ourselves so that it runs with an access
        # control that can read the registers (document()) but never the network.
        access = etree.XSLTAccessControl(read_file=True, write_file=False, create_dir=False,
                                         read_network=False, write_network=False)
        return self._compile("edition.sch", lambda doc: etree.XSLT(
            isoschematron.Schematron(doc, store_xslt=True).validator_xslt, access_control=access))

    def grammar_problems(self, doc: Document, grammar: etree.RelaxNG) -> list[Problem]:
        if grammar.validate(doc.tree):
            return []
        shown = self.project.show(doc.path)
        problems = []
        for entry in grammar.error_log:
            hint = next((h for prefix, h in _RNG_HINTS if entry.message.startswith(prefix)), "")
            problems.append(Problem(shown, entry.line, max(entry.column, 1), ERROR, "schema", entry.message, hint))
        return problems

    @cached_property
    def rules_identity(self) -> str:
        """What a text's Schematron problems depend on besides the text (the rules read no other
        file): the rules, the code that reads their report (this module), lxml and libxslt."""
        digest = hashlib.sha256(
            (self.project.schema_dir / "edition.sch").read_bytes() + Path(__file__).read_bytes()).hexdigest()[:16]
        return (f"rules:{digest}:lxml-{etree.__version__}:libxslt-{'.'.join(map(str, etree.LIBXSLT_VERSION))}")

    def texts_rule_problems(self, docs: list[Document]) -> list[list[Problem]]:
        """The Schematron's problems of each text, in order: from the cache (rules.json, beside
        tei_all's verdicts) for a text unchanged since the same rules last checked it, the others
        checked now, in threads."""
        self.rules  # compiled once (by validate_corpus's thread), before the threads share it
        cache = conformance.ResultCache(self.project, "rules.json")
        keys = [cache.key(self.rules_identity, doc) for doc in docs]
        found = [cache.get(key, self.project.show(doc.path)) for key, doc in zip(keys, docs)]
        unchecked = [n for n, problems in enumerate(found) if problems is None]
        self.cached_rules = len(docs) - len(unchecked)
        for n, problems in zip(unchecked, _each_text(self.rule_problems, [docs[n] for n in unchecked])):
            cache.put(keys[n], problems)
            found[n] = problems
        cache.save()
        return found

    def rule_problems(self, doc: Document) -> list[Problem]:
        report = self.rules(doc.tree)
        shown = self.project.show(doc.path)
        lines = _lines(doc)
        problems = []
        for failed in report.getroot().iter(f"{{{SVRL_NS}}}failed-assert", f"{{{SVRL_NS}}}successful-report"):
            line = _line_of(doc, failed.get("location", ""))
            message = " ".join("".join(failed.itertext()).split())
            problems.append(Problem(shown, line, _column(lines, line, message), ERROR,
                                    failed.get("id") or "schematron", message))
        return problems


_QUOTED = re.compile(r'"([^"]+)"')


def _lines(doc: Document) -> list[str]:
    """The lines of the file as it was parsed (not as it is on disk now: it may have been saved since)."""
    return (doc.data.decode("utf-8-sig") if doc.data else doc.path.read_text(encoding="utf-8-sig")).splitlines()


def _column(lines: list[str], line: int, message: str) -> int:
    """SVRL knows the element, not the column: point at the first value the message quotes,
    where the line holds it (the offending ref, id or date), else at the line's start."""
    if not 0 < line <= len(lines):
        return 1
    for value in _QUOTED.findall(message):
        found = lines[line - 1].find(value)
        if found >= 0:
            return found + 1
    return 1


def _line_of(doc: Document, location: str) -> int:
    try:
        found = doc.tree.xpath(location)
    except etree.XPathError:
        return 0
    return getattr(found[0], "sourceline", 0) or 0 if found else 0


def validate_corpus(corpus: Corpus, registry: dict[str, Entry], validator: Validator | None = None,
                    kept: TextChecks | None = None) -> list[Problem]:
    """Every problem in the edition; an empty list means it may be published. `kept`: the problems of
    each text alone from an earlier validation in this process (edition serve)."""
    validator = validator or Validator(corpus.project)
    # The rules resolve refs in the registers, so they only run on registers that parsed.
    ruled = len(corpus.registers) == len(corpus.project.register_files())
    if ruled:
        validator.rules  # compiled here, in the thread that parsed the files, before other threads run it
    with ThreadPoolExecutor(max_workers=1) as beside:
        # the Schematron (libxslt, which runs without Python's lock) checks the texts on another core
        # while the checks written in Python run here
        rules = beside.submit(validator.texts_rule_problems, corpus.texts) if ruled else None
        return _corpus_problems(corpus, registry, validator, rules, kept)


def _corpus_problems(corpus: Corpus, registry: dict[str, Entry], validator: Validator,
                     rules: Future[list[list[Problem]]] | None, kept: TextChecks | None) -> list[Problem]:
    problems: list[Problem] = []
    for doc in corpus.registers.values():
        problems += validator.grammar_problems(doc, validator.register_grammar)
    for doc in corpus.texts:
        problems += validator.grammar_problems(doc, validator.text_grammar)
    for doc in [*corpus.registers.values(), *_introduction(corpus)]:
        problems += _scheme_problems(corpus, doc)
    problems += validator.conformance_problems([*corpus.texts, *corpus.registers.values(), *_introduction(corpus)])
    problems += validator.unavailable
    register_ids = ({register.path.resolve(): {e.get(_XML_ID) for e in register.root.iter() if e.get(_XML_ID)}
                     for register in corpus.registers.values()} if rules is not None else None)
    step = partial(_text_problems, corpus, registry, register_ids)
    for alone in (kept.of(corpus, register_ids is not None, step) if kept is not None else map(step, corpus.texts)):
        problems += alone
    if rules is not None:
        for doc, ruled in zip(corpus.texts, rules.result()):
            # without any translation, "no counterpart" for every block says nothing more
            translated = _translated(doc)
            problems += [p for p in _with_hints(ruled, registry) if translated or p.rule != "align-missing"]
    problems += _duplicate_id_problems(corpus)
    problems += _cross_text_ref_problems(corpus)
    problems += _with_hints(_introduction_problems(corpus, registry), registry)
    return problems


def _text_problems(corpus: Corpus, registry: dict[str, Entry], register_ids: dict[Path, set[str]] | None,
                   doc: Document) -> list[Problem]:
    """The problems the checks written in Python find in one text alone: what they read is the text, the
    registers (`register_ids`, None when one did not parse: its references are then not looked up) and
    its transcription (TextChecks keeps them under these)."""
    problems = [*_siglum_problems(corpus, doc), *_path_problems(corpus, doc), *_transcription_problems(corpus, doc),
                *_web_address_problems(corpus, doc), *_scheme_problems(corpus, doc)]
    if register_ids is not None:
        problems += _translation_missing(corpus, doc) + _with_hints(_reference_problems(corpus, doc, register_ids),
                                                                    registry)
    return problems + _claim_problems(corpus, doc)


class TextChecks:
    """The problems of each text alone (`_text_problems`), kept from one validation to the next in one
    process (edition serve): a text is not checked again while nothing they read has changed. Keyed by
    the file, its bytes, the registers' bytes, its transcription's bytes and whether the registers all
    parsed; only the latest validation's are kept."""

    def __init__(self) -> None:
        self._kept: dict[tuple, list[Problem]] = {}
        self.made = 0  # how many texts the latest validation checked (the others' problems were kept)

    def of(self, corpus: Corpus, ruled: bool, step: Callable[[Document], list[Problem]]) -> list[list[Problem]]:
        registers = hashlib.sha256()
        for register in sorted(corpus.registers.values(), key=lambda d: str(d.path)):
            registers.update(str(register.path).encode() + b"\0" + hashlib.sha256(register.data).digest())
        kept, self._kept, self.made = self._kept, {}, 0
        found = []
        for doc in corpus.texts:
            transcription = _transcription_path(corpus, doc)
            key = (str(doc.path), doc.data, registers.digest(), ruled,
                   transcription.read_bytes() if transcription is not None and transcription.is_file() else None)
            problems = kept.get(key) if doc.data else None
            if problems is None:
                problems, self.made = step(doc), self.made + 1
            if doc.data:
                self._kept[key] = problems
            found.append(problems)
        return found


WORKERS = max(1, min(4, os.cpu_count() or 1))  # threads for the per-text steps that libxslt runs


def _each_text(step: Callable[[Document], list[Problem]], docs: list[Document]) -> list[list[Problem]]:
    """A per-text step over every text, in order, in threads: libxslt (the Schematron) runs without
    Python's lock, so the texts are checked on every core. The step must touch no shared state but
    its compiled stylesheet, which lxml lets threads share."""
    if len(docs) < 2 or WORKERS == 1:
        return [step(doc) for doc in docs]
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return list(pool.map(step, docs))


def _introduction(corpus: Corpus) -> list[Document]:
    return [corpus.introduction] if corpus.introduction is not None else []


def _introduction_problems(corpus: Corpus, registry: dict[str, Entry]) -> list[Problem]:
    """The introduction (tei/introduction.xml) is the editors' prose, not a text: every link it makes
    must resolve. A passage of a text (siglum.xml#id) is checked with the texts' cross-references;
    here, a page of the edition by name (page:claims), an id of its own (#id), and every name and
    work it tags (@ref, bibl/@corresp), which must be in a register."""
    problems: list[Problem] = []
    for doc in _introduction(corpus):
        shown = corpus.project.show(doc.path)
        own = {e.get(_XML_ID) for e in doc.root.iter() if e.get(_XML_ID)}
        problems += _web_address_problems(corpus, doc)
        for ref in doc.root.xpath("tei:text//tei:ref", namespaces=NS):
            target = ref.get("target", "")
            named_page = target.startswith("page:") and target.removeprefix("page:") in NAMED_PAGES
            own_id = target.startswith("#") and target[1:] in own
            if CROSS_TEXT_TARGET.match(target) or named_page or own_id:
                continue
            problems.append(Problem(shown, ref.sourceline or 0, 1, ERROR, "ref-target-unknown",
                                    f"<ref target=\"{target}\"> is neither a passage of a text, a page of the edition "
                                    "nor an id of the introduction",
                                    f"write siglum.xml#<id>, #<id>, or page:<name> ({', '.join(NAMED_PAGES)})"))
        for element in doc.root.xpath("tei:text//*[@ref] | tei:text//tei:bibl[@corresp]", namespaces=NS):
            for key in (element.get("ref") or element.get("corresp")).split():
                if key not in registry:
                    problems.append(Problem(shown, element.sourceline or 0, 1, ERROR, "ref-unknown",
                                            f"{key} names no entry of the registers", ""))
    return problems


def _claim_problems(corpus: Corpus, doc: Document) -> list[Problem]:
    """The table of claims needs every figure of the aid placed in its event, and the same claims
    in a passage and in its translation."""
    shown = corpus.project.show(doc.path)
    problems = [Problem(shown, m.sourceline or 0, 1, ERROR, "measure-event",
                        f"the figure “{' '.join(''.join(m.itertext()).split())}” (type {m.get('type')}) names no event",
                        "add corresp=\"event:<id>\": the delivery, promise, request or total it belongs to "
                        "(tei/registers/events.xml; see docs/ENCODING.md, “Claims”); the same in the translation")
                for m in claims.figures_without_event(doc)]
    for mismatch in claims.mismatched_claims(doc):
        only_original = [k for k in mismatch.original if k not in mismatch.translation]
        only_translation = [k for k in mismatch.translation if k not in mismatch.original]
        problems.append(Problem(
            shown, mismatch.element.sourceline or 0, 1, ERROR, "claim-counterpart",
            f"{mismatch.element.get(_XML_ID) or 'this passage'} and its translation do not make the same claims: "
            f"only in the original {_claim_list(only_original)}; only in the translation {_claim_list(only_translation)}",
            "give the date or measure in the translation the same corresp (event), type and reading attributes "
            "as its original"))
    return problems


def _claim_list(keys: list[tuple]) -> str:
    if not keys:
        return "nothing"
    return ", ".join(f"{kind} {corresp} ({', '.join(f'{a}={v}' for a, v in attributes)})"
                     for kind, corresp, attributes in keys)


def _translated(doc: Document) -> bool:
    return doc.root.find("tei:text/tei:group/tei:text[@type='translation']", NS) is not None


def _translation_missing(corpus: Corpus, doc: Document) -> list[Problem]:
    if _translated(doc):
        return []
    group = doc.root.find("tei:text/tei:group", NS)
    where = group if group is not None else doc.root.find("tei:text", NS)
    line = getattr(where, "sourceline", None) or doc.root.sourceline or 1
    return [Problem(corpus.project.show(doc.path), line, 1, ERROR, "translation-missing",
                    f"the text {corpus.siglum(doc)} has no translation: its <group> holds no <text type=\"translation\">",
                    "add <text type=\"translation\" xml:lang=\"en\"> after the original, each block and sentence "
                    "with corresp=\"#<id of the original>\" (see docs/ENCODING.md)")]


def _siglum_problems(corpus: Corpus, doc: Document) -> list[Problem]:
    siglum = doc.root.get(_XML_ID)
    if siglum == doc.path.stem:
        return []
    return [Problem(corpus.project.show(doc.path), doc.root.sourceline or 1, 1, ERROR, "siglum-filename",
                    f"the root xml:id '{siglum}' differs from the file name '{doc.path.name}'",
                    f"name the file {siglum}.xml or set xml:id=\"{doc.path.stem}\" on <TEI>")]


def _path_problems(corpus: Corpus, doc: Document) -> list[Problem]:
    """The header's idno type="path" names the page the build writes (model.text_path), so that
    the address printed in the TEI is the address of the page."""
    expected = text_path(doc.root.get(_XML_ID) or doc.path.stem)
    idno = doc.root.find("tei:teiHeader//tei:publicationStmt/tei:idno[@type='path']", NS)
    if idno is not None and (idno.text or "").strip() == expected:
        return []
    found = "has no idno type=\"path\"" if idno is None else f"gives the path '{(idno.text or '').strip()}'"
    return [Problem(corpus.project.show(doc.path), (idno if idno is not None else doc.root).sourceline or 1, 1, ERROR,
                    "text-path", f"the header {found}, but the text's page is {expected}",
                    f"write <idno type=\"path\">{expected}</idno> in publicationStmt")]


def _transcription_idno(doc: Document) -> etree._Element | None:
    idno = doc.root.find(".//tei:sourceDesc//tei:idno[@type='transcription']", NS)
    return idno if idno is not None and (idno.text or "").strip() else None


def _transcription_path(corpus: Corpus, doc: Document) -> Path | None:
    """The transcription the header names (tei/transcriptions/<idno>), if it names one."""
    idno = _transcription_idno(doc)
    return corpus.project.transcriptions_dir / idno.text.strip() if idno is not None else None


def _transcription_problems(corpus: Corpus, doc: Document) -> list[Problem]:
    shown = corpus.project.show(doc.path)
    idno, path = _transcription_idno(doc), _transcription_path(corpus, doc)
    if idno is None or path is None:
        return []  # the Schematron rule header-transcription reports it
    if not path.is_file():
        return [Problem(shown, idno.sourceline or 0, 1, ERROR, "transcription-missing",
                        f"the transcription {idno.text.strip()} is not in tei/transcriptions/",
                        "copy the transcription, unchanged, into tei/transcriptions/")]
    original = doc.root.find(".//tei:text[@type='original']", NS)
    if original is None:
        return []
    missing, added = compare(diplomatic_text(original), path.read_text(encoding="utf-8"))
    if not missing and not added:
        return []
    listed = lambda words: ", ".join(f"{w}×{n}" for w, n in words.most_common(8)) or "none"  # noqa: E731
    return [Problem(shown, original.sourceline or 0, 1, ERROR, "fidelity",
                    f"the original differs from its transcription {idno.text.strip()}: "
                    f"missing {sum(missing.values())} word(s) ({listed(missing)}); "
                    f"added {sum(added.values())} word(s) ({listed(added)})",
                    "the original must keep every word of the transcription; put editorial text in notes, corr or supplied")]


def _duplicate_id_problems(corpus: Corpus) -> list[Problem]:
    seen: dict[str, list[tuple[Document, etree._Element]]] = defaultdict(list)
    for doc in corpus.texts:
        for element in doc.root.xpath("tei:text//*[@xml:id]", namespaces=NS):
            seen[element.get(_XML_ID)].append((doc, element))
    problems = []
    for xml_id, places in seen.items():
        for doc, element in places[1:]:
            first_doc, first = places[0]
            problems.append(Problem(corpus.project.show(doc.path), element.sourceline or 0, 1, ERROR, "id-duplicate",
                                    f"xml:id '{xml_id}' is already used in {corpus.project.show(first_doc.path)} "
                                    f"line {first.sourceline}", "every xml:id must be unique across the edition"))
    return problems


# the forms a non-ref @target may take: a web address, a place in the edition, a register entry
_TARGET_FORMS = re.compile(r"^(?:https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?"
                           r"|(?:[a-z][a-z0-9-]*\.xml)?#[\w.-]+"
                           rf"|(?:{'|'.join(KIND_BY_PREFIX)}):[\w.-]+)$")


def _web_address_problems(corpus: Corpus, doc: Document) -> list[Problem]:
    """Pointers (ptr, licence, relatedItem, …) are web addresses, places in the edition or register
    entries: they may become links, and a `javascript:`, `data:` or `file:` address must never reach
    an href. (ref/@target, which stays inside the edition, is the Schematron rule ref-target.)"""
    problems = []
    for element in doc.root.xpath("//*[@target][not(self::tei:ref)]", namespaces=NS):
        for target in element.get("target").split():
            if not _TARGET_FORMS.match(target):
                lines = _lines(doc)
                line = element.sourceline or 0
                col = lines[line - 1].find(target) + 1 if 0 < line <= len(lines) else 1
                problems.append(Problem(corpus.project.show(doc.path), line, max(col, 1), ERROR, "url-form",
                                        f"<{etree.QName(element).localname} target=\"{target}\"> is not a web address",
                                        "write an absolute http:// or https:// address; a cross-reference inside "
                                        "the edition is <ref target=\"#id\">"))
    return problems


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
WEB_SCHEMES = ("http", "https")


def _scheme_problems(corpus: Corpus, doc: Document) -> list[Problem]:
    """Every URI a TEI file gives, in any attribute TEI types as a URI (URI_ATTRIBUTES), header and
    registers included, is a web address (http, https), a register entry (person:…) or a private
    URI the file declares (`prefixDef`): a `javascript:`, `data:` or `file:` address in a file of
    the edition, read by another tool, could reach an href or fetch from the disk."""
    declared = set(doc.root.xpath("tei:teiHeader//tei:prefixDef/@ident", namespaces=NS))
    allowed = {*WEB_SCHEMES, *KIND_BY_PREFIX, *declared}
    problems = []
    lines: list[str] | None = None
    for element in doc.root.iter(etree.Element):
        for name, value in element.attrib.items():
            if name not in URI_ATTRIBUTES:
                continue
            for token in value.split():
                found = _SCHEME.match(token)
                if not found or found.group(1) in allowed:
                    continue
                if lines is None:
                    lines = _lines(doc)
                line = element.sourceline or 0
                message = (f"<{etree.QName(element).localname} {etree.QName(name).localname}=\"{token}\">: "
                           f"the scheme '{found.group(1)}:' is neither a web address nor a register entry nor a prefix this file declares")
                problems.append(Problem(
                    corpus.project.show(doc.path), line, _column(lines, line, message), ERROR, "url-scheme", message,
                    "write an http:// or https:// address, a register entry (person:…, place:…), or declare the "
                    "prefix in the header's listPrefixDef"))
    return problems


# what names a register entry, as edition.sch's rule ref-form has it: the element and the attribute
# it must have (its value is the first of @ref and that attribute)
_NAMING = {"persName": "ref", "placeName": "ref", "orgName": "ref", "rs": "ref", "title": "ref",
           "bibl": "corresp", "date": "corresp", "measure": "corresp"}
_WELLFORMED = re.compile(r"^[a-z][a-z0-9+.-]*:[a-z0-9-]+$")


def _register_file(pattern: str) -> str:
    """The register a prefixDef's replacementPattern names ("../registers/persons.xml#$1"), or "" when
    it is not a relative path followed by "#$1" (registers are never read from a URL)."""
    file, _, rest = pattern.partition("#")
    return file if rest == "$1" and file and ":" not in file else ""


def _reference_problems(corpus: Corpus, doc: Document, register_ids: dict[Path, set[str]]) -> list[Problem]:
    """ref-unknown: every well-formed reference with a declared prefix names an entry of the register
    its prefixDef points to ("<relative path>#$1"), looked up in the registers as read (never a file
    read again per text, never a URL). Malformed tokens are ref-form's (edition.sch)."""
    prefix_defs: dict[str, str] = {}
    for prefix_def in doc.root.xpath("tei:teiHeader/tei:encodingDesc/tei:listPrefixDef//tei:prefixDef", namespaces=NS):
        prefix_defs.setdefault(prefix_def.get("ident", ""), prefix_def.get("replacementPattern", ""))
    # each declared prefix with the ids of its register (none when the pattern names no register file)
    entries = {prefix: register_ids.get((doc.path.parent / file).resolve(), set()) if file else set()
               for prefix, file in ((prefix, _register_file(pattern)) for prefix, pattern in prefix_defs.items())}
    shown = corpus.project.show(doc.path)
    lines: list[str] | None = None
    problems = []
    for element in doc.root.iter(*(f"{{{TEI_NS}}}{name}" for name in _NAMING)):
        name = etree.QName(element).localname
        attribute = _NAMING[name]
        if attribute not in element.attrib:
            continue
        value = element.get(next(key for key in element.attrib if key in ("ref", attribute)))
        unknown = []
        for token in value.split():
            prefix, _, slug = token.partition(":")
            if prefix in entries and slug not in entries[prefix] and _WELLFORMED.match(token):
                unknown.append(token)
        if not unknown:
            continue
        first = unknown[0]
        prefix, _, slug = first.partition(":")
        pattern = prefix_defs[prefix]
        file = _register_file(pattern)
        said = " ".join("".join(element.itertext()).split())
        message = (f'The {attribute} "{value}" on <{name}> "{said}" names "{first}", but '
                   + (f'the register {file} has no entry with xml:id="{slug}"' if file else
                      f'its register cannot be read: the prefixDef "{prefix}" has replacementPattern="{pattern}", '
                      'which is not a register file relative to this text followed by "#$1" (e.g. '
                      '"../registers/persons.xml#$1"; registers are never read from a URL)')
                   + (f" (and {len(unknown) - 1} more unknown reference(s) in this ref)" if len(unknown) > 1 else "")
                   + ". "
                   + (f"Check the spelling against the register, or add the entry (with its names in every language "
                      f"and a short English description) to {file}." if file else
                      f'Correct the replacementPattern of the prefixDef "{prefix}" in listPrefixDef.'))
        if lines is None:
            lines = _lines(doc)
        line = element.sourceline or 0
        problems.append(Problem(shown, line, _column(lines, line, message), ERROR, "ref-unknown",
                                " ".join(message.split())))
    return problems


def _cross_text_ref_problems(corpus: Corpus) -> list[Problem]:
    ids = {corpus.siglum(doc): {e.get(_XML_ID) for e in doc.root.iter() if e.get(_XML_ID)} for doc in corpus.texts}
    problems = []
    for doc in [*corpus.texts, *_introduction(corpus)]:
        for ref in doc.root.xpath("tei:text//tei:ref[@target]", namespaces=NS):
            match = CROSS_TEXT_TARGET.match(ref.get("target", ""))
            if match and match.group(2) not in ids.get(match.group(1), set()):
                problems.append(Problem(corpus.project.show(doc.path), ref.sourceline or 0, 1, ERROR,
                                        "ref-target-unknown",
                                        f"<ref target=\"{ref.get('target')}\"> points to an id that does not exist",
                                        "check the siglum and the xml:id of the paragraph or sentence you mean"))
    return problems


_TOKEN = re.compile(rf"\b({'|'.join(KIND_BY_PREFIX)}):([A-Za-z0-9_.-]+)")


def _with_hints(problems: list[Problem], registry: dict[str, Entry]) -> list[Problem]:
    """An unknown ref suggests the closest existing entry of the same kind."""
    hinted = []
    for problem in problems:
        match = _TOKEN.search(problem.message) if problem.rule == "ref-unknown" else None
        if match:
            prefix = match.group(1)
            keys = [key for key in registry if key.startswith(prefix + ":")]
            close = difflib.get_close_matches(f"{prefix}:{match.group(2)}", keys, n=1, cutoff=0.6)
            hint = f"did you mean {close[0]}?" if close else f"add an entry to the {prefix} register or correct the ref"
            problem = Problem(problem.path, problem.line, problem.col, problem.severity, problem.rule, problem.message, hint)
        hinted.append(problem)
    return hinted
