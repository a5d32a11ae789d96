"""The model's facts: passage labels, note marks, direction, page addresses."""
from __future__ import annotations

import pytest

from edition.model import REGISTER_KINDS, direction, note_mark, passage_label, text_path


@pytest.mark.parametrize("siglum, xml_id, label", [
    ("kafkas-seddi", "kafkas-seddi-p13", "¶13"), ("kafkas-seddi", "kafkas-seddi-p13-s2", "¶13 s. 2"),
    ("kafkas-seddi", "kafkas-seddi-p13-s2-en", "¶13 s. 2"), ("meyer-lozan", "meyer-lozan-p19-q1", "¶19 q. 1"),
    ("meyer-lozan", "meyer-lozan-h2", "h. 2"), ("meyer-lozan", "meyer-lozan-n27", "n. 27"),
    ("meyer-lozan", "meyer-lozan-tn82", "t82"), ("historymaps", "historymaps-e5", "e5"),
    # outside the scheme: shown as it is, less the siglum
    ("kafkas-seddi", "kafkas-seddi-abstract-tr", "abstract-tr"), ("case", "case-a1", "a1"),
    ("historymaps", "other-p1", "other-p1"),
])
def test_passage_label(siglum, xml_id, label):
    assert passage_label(siglum, xml_id) == label


def test_note_mark():
    assert note_mark("x", "x-n4", "4") == "4"  # the source's own number
    assert note_mark("x", "x-tn4") == "t4" and note_mark("x", "x-e12") == "e12"
    assert note_mark("x", "x-note-3") == ""  # outside the scheme: the stylesheet counts by place


@pytest.mark.parametrize("lang, expected", [("ur", "rtl"), ("ur-Arab", "rtl"), ("ota-Arab", "rtl"), ("fa", "rtl"),
                                            ("tr", "ltr"), ("en", "ltr"), ("ru-Latn-x-tr", "ltr"), ("", "ltr")])
def test_direction(lang, expected):
    assert direction(lang) == expected


def test_addresses_are_unique():
    pages = [kind.page for kind in REGISTER_KINDS] + [text_path("x")]
    assert len(pages) == len(set(pages)) and text_path("meyer-lozan") == "texts/meyer-lozan.html"
    assert len({kind.prefix for kind in REGISTER_KINDS}) == len({kind.file for kind in REGISTER_KINDS}) == 5
