"""Does the encoded original keep every word of its transcription?

The diplomatic reading of `<text type="original">` (sic, orig and abbr inside a
choice; no editorial or translation notes, no corr/reg/expan/supplied) must hold
exactly the same words as the transcription, counted as a multiset: footnotes
move to their anchors, so order is not compared; line-end hyphenation is undone,
case and punctuation are ignored.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from lxml import etree

from .model import EDITORS_NOTE_TYPES
from .sources import TEI_NS

_SKIPPED = {f"{{{TEI_NS}}}{name}" for name in ("corr", "reg", "expan", "supplied")}
# elements whose boundaries separate words (wider than the reading view's blocks)
_BLOCKS = {f"{{{TEI_NS}}}{name}" for name in (
    "p", "head", "note", "item", "list", "label", "div", "ab", "quote", "cit", "s", "bibl", "lg", "l",
    "front", "body", "back", "text", "group", "listBibl", "table", "row", "cell", "byline", "docTitle",
    "floatingText", "opener", "closer", "dateline", "signed", "salute", "sp", "speaker", "figure", "figDesc")}
# line and page breaks separate words unless marked break="no"
_BREAKS = {f"{{{TEI_NS}}}{name}" for name in ("lb", "pb", "cb")}
_WORD = re.compile(r"\w+")


_HYPHEN = "-\u00ad\u2010\u2011"
_BROKEN_WORD_END = re.compile(rf"(\w+)[{_HYPHEN}]\s*$")
_FOOTNOTE_LINE = re.compile(r"\s*\d+\s")


def _rejoin_words_broken_at_page_foot(text: str) -> str:
    """A word hyphenated at the foot of a page continues after the page's footnotes.

    In the transcriptions the footnote block follows a blank line, and the body resumes on
    a line that begins with a space; without this, undoing the hyphenation would glue the
    word's first half to the first footnote's number ("el-" + "2 Abdulla" -> "el2").
    """
    lines = text.split("\n")
    pending = ""
    for i, line in enumerate(lines):
        if pending and line[:1].isspace() and line.strip():
            lines[i] = line = pending + line.lstrip()
            pending = ""
        if pending or i + 1 == len(lines) or lines[i + 1].strip():
            continue
        broken = _BROKEN_WORD_END.search(line)
        following = next((later for later in lines[i + 2:] if later.strip()), "") if broken else ""
        if _FOOTNOTE_LINE.match(following):
            pending = broken.group(1)
            lines[i] = line[:broken.start()]
    if pending:
        lines.append(pending)
    return "\n".join(lines)


def words(text: str) -> Counter[str]:
    text = unicodedata.normalize("NFC", text)
    text = _rejoin_words_broken_at_page_foot(text)
    text = re.sub(rf"[{_HYPHEN}]\s*\n\s*", "", text)
    text = re.sub(rf"[{_HYPHEN}]", "", text)
    return Counter(w.casefold() for w in _WORD.findall(text))


def diplomatic_text(element: etree._Element) -> str:
    """The words of the source as transcribed, in document order."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if not isinstance(node.tag, str) or node.tag in _SKIPPED:
            return
        if node.tag == f"{{{TEI_NS}}}note" and node.get("type") in EDITORS_NOTE_TYPES:
            return
        block = node.tag in _BLOCKS or (node.tag in _BREAKS and node.get("break") != "no")
        parts.append(" " if block else "")
        parts.append(node.text or "")
        for child in node:
            walk(child)
            parts.append(child.tail or "")
        parts.append(" " if block else "")

    walk(element)
    return "".join(parts)


def compare(encoded_text: str, transcription: str) -> tuple[Counter[str], Counter[str]]:
    """Words missing from the encoding, and words the encoding adds."""
    encoded, source = words(encoded_text), words(transcription)
    return source - encoded, encoded - source
