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

from .sources import TEI_NS

_SKIPPED = {f"{{{TEI_NS}}}{name}" for name in ("corr", "reg", "expan", "supplied")}
_EDITORS_NOTES = {"translation", "editorial"}
_BLOCKS = {f"{{{TEI_NS}}}{name}" for name in (
    "p", "head", "note", "item", "list", "label", "div", "ab", "quote", "cit", "s", "bibl", "lg", "l",
    "front", "body", "back", "text", "group", "listBibl", "table", "row", "cell", "byline", "docTitle")}
_WORD = re.compile(r"\w+")


def words(text: str) -> Counter[str]:
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[-\u00ad\u2010\u2011]\s*\n\s*", "", text)
    text = re.sub(r"[-\u00ad\u2010\u2011]", "", text)
    return Counter(w.casefold() for w in _WORD.findall(text))


def diplomatic_text(element: etree._Element) -> str:
    """The words of the source as transcribed, in document order."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if not isinstance(node.tag, str) or node.tag in _SKIPPED:
            return
        if node.tag == f"{{{TEI_NS}}}note" and node.get("type") in _EDITORS_NOTES:
            return
        block = node.tag in _BLOCKS
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
