"""Alignment and tagging QA: how complete an encoder's work is.

`figures` counts, per text, what `edition validate` shows in its closing table:
blocks and sentences of the original, how many have a counterpart, dangling and
doubled corresps, notes by type and tagged names by type. `strict_problems` are the
warnings of `edition validate --strict`: things that are allowed but usually mean
unfinished work (an untagged name the registers know, an unreferenced register entry,
a translation sentence far shorter or longer than its original, an untranslated note).
"""
from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from lxml import etree

from .problems import WARNING, Problem
from .model import BLOCK, EDITORS_NOTE_TYPES, KIND_BY_PREFIX, REGISTER_KINDS, TRANSLATION_LANG
from .deliberate import Kept
from .registers import Entry
from .sources import NS, TEI_NS, XML_NS, Corpus, Document, plain_text

_XML_ID = f"{{{XML_NS}}}id"
_XML_LANG = f"{{{XML_NS}}}lang"
_NOTE = f"{{{TEI_NS}}}note"
# ... and a word the encoders have looked at and classified as not a name (<w pos="adjective">:
# "Bolshevik" in "Bolshevik support", "Türkiye" in a state that was only proposed)
_NOT_MENTIONS = {f"{{{TEI_NS}}}{name}" for name in ("title", "expan", "corr", "reg", "w")}
# what counts as one tagged name of each kind
NAME_KINDS = (*((kind.prefix, kind.names) for kind in REGISTER_KINDS), ("date", "tei:date"), ("measure", "tei:measure"))
# a translation sentence whose length, measured against its original, is this many times
# above or below the text's usual proportion is reported; short sentences are left alone
RATIO_FACTOR = 2.5
MIN_LENGTH = 40
_WORD_CHAR = r"\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED"  # letters, and Arabic-script marks


@dataclass
class TextFigures:
    siglum: str
    path: str
    lang: str
    blocks: int = 0
    sentences: int = 0
    blocks_aligned: int = 0
    sentences_aligned: int = 0
    blocks_english: int = 0  # given in English by the source: shown once, not translated
    sentences_english: int = 0
    dangling: int = 0
    doubled: int = 0
    notes: dict[str, int] = field(default_factory=dict)
    names: dict[str, list[int]] = field(default_factory=dict)  # kind -> [original, translation]
    # the editors' corrections of the original (choice/sic/corr): all, and those marked
    # uncertain by @cert on corr (medium, low); readings left unclear
    corrections: int = 0
    corrections_uncertain: dict[str, int] = field(default_factory=dict)
    unclear: int = 0
    kept: dict[str, int] = field(default_factory=dict)  # warnings kept on purpose (tei/deliberate.toml), by rule

    @staticmethod
    def share(part: int, whole: int) -> str:
        return f"{100 * part / whole:.0f}%" if whole else "–"

    def lines(self) -> list[str]:
        """The text's rows of the closing table of `edition validate`."""
        notes = " · ".join(f"{kind} {count}" for kind, count in self.notes.items()) or "none"
        names = " · ".join(f"{kind} {o}/{t}" for kind, (o, t) in self.names.items())
        blocks = self.blocks - self.blocks_english
        sentences = self.sentences - self.sentences_english
        english = (f" ({self.blocks_english} blocks, {self.sentences_english} sentences in English, shown once)"
                   if self.blocks_english else "")
        return [
            f"{self.siglum} ({self.lang} → en, {self.path})",
            f"  original        {self.blocks} blocks, {self.sentences} sentences{english}",
            f"  counterparts    blocks {self.blocks_aligned}/{blocks} ({self.share(self.blocks_aligned, blocks)}), "
            f"sentences {self.sentences_aligned}/{sentences} ({self.share(self.sentences_aligned, sentences)})",
            f"  corresp         {self.dangling} dangling, {self.doubled} doubled",
            f"  notes           {notes}",
            f"  names (orig/en) {names}",
            f"  corrections     {self.corrections}{self._uncertain()}, {self.unclear} unclear",
            f"  kept warnings   {' · '.join(f'{rule} {count}' for rule, count in self.kept.items()) or 'none'}",
        ]

    def _uncertain(self) -> str:
        marked = " · ".join(f"{cert} {count}" for cert, count in self.corrections_uncertain.items())
        return f" (uncertain: {marked})" if marked else ""


def _column(doc: Document, kind: str) -> etree._Element | None:
    found = doc.root.xpath("tei:text/tei:group/tei:text[@type=$kind]", namespaces=NS, kind=kind)
    return found[0] if found else None


def _targets(element: etree._Element) -> list[str]:
    return [token[1:] for token in (element.get("corresp") or "").split() if token.startswith("#")]


def _in_english(element: etree._Element) -> bool:
    return element.xpath("string(ancestor-or-self::*[@xml:lang][1]/@xml:lang)").split("-")[0] == TRANSLATION_LANG


def text_figures(corpus: Corpus, doc: Document) -> TextFigures:
    original, translation = _column(doc, "original"), _column(doc, "translation")
    figures = TextFigures(corpus.siglum(doc), corpus.project.show(doc.path),
                          original.get(_XML_LANG, "") if original is not None else "")
    if original is None:
        return figures
    blocks = [b for b in original.xpath(f".//*[{_self(BLOCK)}]", namespaces=NS) if b.get(_XML_ID)]
    sentences = [s for s in original.iterfind(".//tei:s", NS) if s.get(_XML_ID)]
    original_ids = {e.get(_XML_ID) for e in original.iter() if e.get(_XML_ID)}
    pointed: Counter[str] = Counter()
    block_pointers: Counter[str] = Counter()
    if translation is not None:
        for element in translation.iter():
            if not isinstance(element.tag, str) or not element.get("corresp"):
                continue
            targets = _targets(element)
            figures.dangling += sum(1 for t in targets if t not in original_ids)
            pointed.update(targets)
            if element.xpath(f"boolean({_self(BLOCK)})", namespaces=NS):
                block_pointers.update(targets)
    block_ids = {b.get(_XML_ID) for b in blocks}
    figures.blocks, figures.sentences = len(blocks), len(sentences)
    figures.blocks_english = sum(1 for b in blocks if _in_english(b))
    figures.sentences_english = sum(1 for s in sentences if _in_english(s))
    figures.blocks_aligned = sum(1 for b in block_ids if pointed[b])
    figures.sentences_aligned = sum(1 for s in sentences if pointed[s.get(_XML_ID)])
    figures.doubled = sum(1 for b in block_ids if block_pointers[b] > 1)
    notes: Counter[str] = Counter()
    for column, where in ((original, "original"), (translation, "translation")):
        if column is None:
            continue
        for note in column.iter(_NOTE):
            kind = note.get("type") or ("foot" if note.get("place") == "foot" else "note")
            notes[f"{kind} ({where})" if kind in ("foot", "note") else kind] += 1
    figures.notes = dict(sorted(notes.items()))
    for kind, xpath in NAME_KINDS:
        figures.names[kind] = [len(column.xpath(f".//*[{_self(xpath)}]", namespaces=NS)) if column is not None else 0
                               for column in (original, translation)]
    corrections = original.xpath(".//tei:choice/tei:corr[../tei:sic]", namespaces=NS)
    figures.corrections = len(corrections)
    figures.corrections_uncertain = dict(sorted(Counter(c.get("cert") for c in corrections if c.get("cert")).items()))
    figures.unclear = len(original.xpath(".//tei:unclear", namespaces=NS))
    return figures


def _self(union: str) -> str:
    """`tei:p | tei:head[@x]` -> `self::tei:p or self::tei:head[@x]`, to test an element's own kind."""
    return " or ".join(f"self::{part.strip()}" for part in union.split("|"))


def figures(corpus: Corpus, kept: list[Kept] | None = None) -> list[TextFigures]:
    found = [text_figures(corpus, doc) for doc in corpus.texts]
    for text in found:
        text.kept = dict(sorted(Counter(k.problem.rule for k in kept or [] if k.problem.path == text.path).items()))
    return found


# --- the warnings of --strict ------------------------------------------------------------------

def strict_problems(corpus: Corpus, registry: dict[str, Entry]) -> list[Problem]:
    problems: list[Problem] = []
    for doc in corpus.texts:
        lines = doc.path.read_text(encoding="utf-8-sig").splitlines()
        problems += _untagged_names(corpus, doc, registry, lines)
        problems += _length_ratios(corpus, doc, lines)
        problems += _untranslated_notes(corpus, doc)
    problems += _unreferenced_entries(corpus, registry)
    return problems


def _find_column(lines: list[str], line: int, value: str) -> int:
    if 0 < line <= len(lines):
        found = lines[line - 1].find(value)
        if found >= 0:
            return found + 1
    return 1


def _untagged_segments(column: etree._Element):
    """(text, line, lang) for every stretch of running text outside tagged names and editors' notes."""
    def lang_of(element: etree._Element) -> str:
        return element.xpath("string(ancestor-or-self::*[@xml:lang][1]/@xml:lang)")

    def skipped(element: etree._Element) -> bool:
        # a name inside the title of a cited work is part of the title, not a mention; the
        # editors' expansions and corrections are not the source's words
        return bool(element.get("ref")) or (element.tag == _NOTE and element.get("type") in EDITORS_NOTE_TYPES) \
            or element.tag in _NOT_MENTIONS

    def walk(element: etree._Element):
        if element.text:
            yield element.text, element.sourceline or 0, lang_of(element)
        for child in element:
            if isinstance(child.tag, str) and not skipped(child):
                yield from walk(child)
            if child.tail:
                last = max((e.sourceline or 0) for e in child.iter())
                yield child.tail, last, lang_of(element)

    yield from walk(column)


def _name_pattern(forms: list[str]) -> re.Pattern[str] | None:
    forms = sorted({f for f in forms if len(f) >= 3}, key=len, reverse=True)
    if not forms:
        return None
    return re.compile(f"(?<![{_WORD_CHAR}])(?:{'|'.join(map(re.escape, forms))})(?![{_WORD_CHAR}])")


def _untagged_names(corpus: Corpus, doc: Document, registry: dict[str, Entry], lines: list[str]) -> list[Problem]:
    by_lang: dict[str, dict[str, str]] = defaultdict(dict)  # lang -> form -> entry key
    for entry in registry.values():
        if entry.prefix == "bibl":
            continue
        for name in entry.names:
            by_lang[name.lang].setdefault(name.text, entry.key)
    patterns = {lang: _name_pattern(list(forms)) for lang, forms in by_lang.items()}
    found: dict[str, list[int]] = defaultdict(list)  # form -> lines where it stands untagged
    for kind in ("original", "translation"):
        column = _column(doc, kind)
        if column is None:
            continue
        for text, line, lang in _untagged_segments(column):
            pattern = patterns.get(lang.split("-")[0])
            if pattern is None:
                continue
            for match in pattern.finditer(text):
                found[f"{lang}\t{match.group(0)}"].append(line + text.count("\n", 0, match.start()))
    shown = corpus.project.show(doc.path)
    problems = []
    for key, places in found.items():
        lang, form = key.split("\t")
        entry = by_lang[lang.split("-")[0]][form]
        tag = KIND_BY_PREFIX[entry.split(":")[0]].tag
        more = f" (and {len(places) - 1} more time{'s' if len(places) > 2 else ''} in this text)" if len(places) > 1 else ""
        problems.append(Problem(shown, places[0], _find_column(lines, places[0], form), WARNING, "name-untagged",
                                f"“{form}” ({lang}) is a name the register knows as {entry}, but it is not tagged here{more}",
                                f"tag it: <{tag} ref=\"{entry}\">{form}</{tag.split()[0]}>; if it is not a name here "
                                "(an adjective, another entity), leave it"))
    return problems


def _length(element: etree._Element) -> int:
    """Characters of running text, notes left out."""
    return len(" ".join(_running_text(element).split()))


def _running_text(element: etree._Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag != _NOTE:
            parts.append(_running_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _length_ratios(corpus: Corpus, doc: Document, lines: list[str]) -> list[Problem]:
    original, translation = _column(doc, "original"), _column(doc, "translation")
    if original is None or translation is None:
        return []
    lengths = {s.get(_XML_ID): _length(s) for s in original.iterfind(".//tei:s", NS) if s.get(_XML_ID)}
    groups: dict[tuple[str, ...], list[etree._Element]] = defaultdict(list)
    for sentence in translation.iterfind(".//tei:s[@corresp]", NS):
        targets = tuple(sorted(t for t in _targets(sentence) if t in lengths))
        if targets:
            groups[targets].append(sentence)
    pairs = []
    for targets, sentences in groups.items():
        source = sum(lengths[t] for t in targets)
        rendered = sum(_length(s) for s in sentences)
        if source and rendered:
            pairs.append((targets, sentences, source, rendered, rendered / source))
    if len(pairs) < 3:
        return []
    usual = statistics.median(ratio for *_, ratio in pairs)
    shown = corpus.project.show(doc.path)
    problems = []
    for targets, sentences, source, rendered, ratio in pairs:
        if max(source, rendered) < MIN_LENGTH or 1 / RATIO_FACTOR <= ratio / usual <= RATIO_FACTOR:
            continue
        first = sentences[0]
        line = first.sourceline or 0
        shorter = ratio < usual
        problems.append(Problem(
            shown, line, _find_column(lines, line, first.get("corresp", "")), WARNING, "length-ratio",
            f"the translation of {', '.join(targets)} has {rendered} characters for {source} in the original: "
            f"{ratio / usual:.1f} times the text’s usual proportion ({usual:.2f})",
            "check for " + ("an omission or a summary" if shorter else "an addition or a wrong corresp")
            + "; the translation renders every sentence in full"))
    return problems


def _untranslated_notes(corpus: Corpus, doc: Document) -> list[Problem]:
    original, translation = _column(doc, "original"), _column(doc, "translation")
    if original is None:
        return []
    translated: dict[str, str] = {}
    if translation is not None:
        for note in translation.iter(_NOTE):
            for target in _targets(note):
                translated[target] = translated.get(target, "") + plain_text(note)
    shown = corpus.project.show(doc.path)
    problems = []
    for note in original.iter(_NOTE):
        if note.get("type") in EDITORS_NOTE_TYPES:
            continue
        note_id = note.get(_XML_ID, "")
        if note_id in translated and (translated[note_id] or not plain_text(note)):
            continue
        label = f"note {note.get('n')}" if note.get("n") else "a note"
        what = "is translated empty" if note_id in translated else "has no translation"
        problems.append(Problem(shown, note.sourceline or 0, 1, WARNING, "note-untranslated",
                                f"{label} of the original ({note_id or 'without xml:id'}) {what}",
                                f"add <note place=\"{note.get('place', 'foot')}\" corresp=\"#{note_id or '…'}\"> with its "
                                "translation at the same place in the translation"))
    return problems


def _unreferenced_entries(corpus: Corpus, registry: dict[str, Entry]) -> list[Problem]:
    used = set()
    for doc in corpus.texts:
        for value in doc.root.xpath("//@ref | //@target | //@source | //@corresp"):
            used.update(value.split())
    files = corpus.project.register_files()
    problems = []
    for entry in registry.values():
        if entry.key in used:
            continue
        path = files[KIND_BY_PREFIX[entry.prefix].file]
        problems.append(Problem(corpus.project.show(path), entry.line, 1, WARNING, "register-unused",
                                f"the register entry {entry.key} ({entry.label}) is referenced by no text",
                                f"tag its mentions with ref=\"{entry.key}\", or remove the entry if no text needs it"))
    return problems
