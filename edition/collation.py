"""Sorting as a reader of the edition expects: Turkish and Urdu alphabetical order.

Python sorts by code point, which puts "Çiçerin" after "Zinovyev" and "İnönü" after
"Yusuf". The key below follows the Turkish alphabet (a b c ç d e f g ğ h ı i j k l m n
o ö p r s ş t u ü v y z; q w x in their Latin places), folds other accents to their base
letter (â, é, î, û), and orders Urdu letters by the Urdu alphabet. Small and exact
for the edition's languages; no ICU needed.
"""
from __future__ import annotations

import unicodedata

_TURKISH = "aâbcçdefgğhıiîjklmnoöpqrsştuüûvwxyz"
_URDU = "اآبپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھءیے"
_RANK = {letter: rank for rank, letter in enumerate(_TURKISH + _URDU)}
# accented letters of other languages fold to their base letter; Turkish's own are kept
_KEEP = set("çğıöşüâîû")


def _lower(text: str) -> str:
    """Turkish lower case: I -> ı, İ -> i."""
    return text.replace("I", "ı").replace("İ", "i").lower()


def _fold(char: str) -> str:
    if char in _KEEP:
        return char
    return unicodedata.normalize("NFD", char)[0]


def collation_key(text: str) -> tuple:
    """A sort key: letters by the Turkish (then Urdu) alphabet, everything else after them."""
    key = []
    for char in _lower(text):
        char = _fold(char)
        if char in _RANK:
            key.append((0, _RANK[char]))
        elif char.isdigit():
            key.append((0, -10 + int(char)))  # digits before letters
        elif char.isalpha():
            key.append((1, ord(char)))
        # spaces and punctuation do not count
    return tuple(key)


def initial(text: str) -> str:
    """The letter under which an index lists a heading (Ç, Ş and İ are letters of their own)."""
    for char in text:
        if char.isalpha():
            folded = _fold(_lower(char))
            return "İ" if folded == "i" else ("I" if folded == "ı" else folded.upper())
    return "other"
