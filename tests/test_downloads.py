"""The downloads of each text (issue 15, item 5): its TEI as read, and the plain text of its original
and of its translation (xslt/plaintext.xsl), linked from the text's page and from the home page."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree, html

from conftest import ROOT
from edition.model import BLOCK, PLAINTEXT_KINDS, passage_label, plaintext_path, tei_path, text_path

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"tei": TEI}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SIGLA = sorted(path.stem for path in (ROOT / "tei/texts").glob("*.xml"))
# what the reading text leaves out: the printed reading beside the editors' one, the transcription's note
# calls and note numbers (the label stands for them)
SKIPPED = "self::tei:sic[parent::tei:choice] or self::tei:orig[parent::tei:choice] " \
          "or self::tei:abbr[parent::tei:choice[tei:expan]] or self::tei:ref[@type='noteAnchor'] " \
          "or self::tei:label[parent::tei:note[@place='foot']]"


def reading(element: etree._Element, siglum: str) -> str:
    """The reading text of an element, worked out here from the TEI without the stylesheet: the
    corrections and not the errors, a note as its call [n. 7], a gap as […], supplied text in []."""
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):
            pass
        elif child.xpath(SKIPPED, namespaces=NS):
            pass
        elif child.tag == f"{{{TEI}}}note":
            parts.append(f"[{passage_label(siglum, child.get(XML_ID))}]")
        elif child.tag == f"{{{TEI}}}gap":
            parts.append("[…]")
        elif child.tag == f"{{{TEI}}}supplied":
            parts.append(f"[{reading(child, siglum)}]")
        else:
            parts.append(reading(child, siglum))
        parts.append(child.tail or "")
    return "".join(parts)


def words(text: str) -> str:
    return " ".join(text.split())


def _text(site: Path, siglum: str, kind: str) -> str:
    return (site / plaintext_path(siglum, kind)).read_bytes().decode("utf-8")


def _column(siglum: str, kind: str) -> etree._Element:
    tree = etree.parse(str(ROOT / "tei/texts" / f"{siglum}.xml"))
    [column] = tree.xpath("/tei:TEI/tei:text/tei:group/tei:text[@type=$kind]", namespaces=NS, kind=kind)
    return column


@pytest.mark.parametrize("kind", PLAINTEXT_KINDS)
@pytest.mark.parametrize("siglum", SIGLA)
def test_plain_text_holds_every_sentence_in_order(built_site, siglum, kind):
    plain = words(_text(built_site, siglum, kind))
    sentences = _column(siglum, kind).xpath(".//tei:s", namespaces=NS)
    assert sentences
    at = 0
    for s in sentences:
        expected = words(reading(s, siglum))
        found = plain.find(expected, at)
        assert found >= 0, f"{siglum} {kind}: sentence {s.get(XML_ID)} missing or out of order: {expected[:120]!r}"
        at = found + len(expected)


@pytest.mark.parametrize("kind", PLAINTEXT_KINDS)
@pytest.mark.parametrize("siglum", SIGLA)
def test_every_block_and_note_stands_on_its_own_after_its_label(built_site, siglum, kind):
    """The blocks the page makes rows of (model.BLOCK), then the notes, each a line of its own that
    begins with the label the page shows (model.passage_label), in the order of the TEI."""
    lines = _text(built_site, siglum, kind).split("\n")
    column = _column(siglum, kind)
    blocks = [element for element in column.xpath(" | ".join(".//" + b.strip() for b in BLOCK.split(" | ")),
                                                  namespaces=NS) if element.tag != f"{{{TEI}}}note"]
    notes = column.xpath(".//tei:note", namespaces=NS)
    at = 0
    for element in blocks + notes:
        label = passage_label(siglum, element.get(XML_ID))
        expected = f"{label}  {words(reading(element, siglum))}"
        found = next((i for i in range(at, len(lines)) if lines[i] == expected), None)
        assert found is not None, f"{siglum} {kind}: no line {expected[:120]!r} after line {at}"
        at = found + 1
    if notes:
        assert "Notes" in lines[:lines.index(f"{passage_label(siglum, notes[0].get(XML_ID))}  "
                                              f"{words(reading(notes[0], siglum))}")]


@pytest.mark.parametrize("siglum", SIGLA)
def test_plain_text_says_what_it_is_and_where_the_tei_is(built_site, siglum):
    for kind in PLAINTEXT_KINDS:
        data = (built_site / plaintext_path(siglum, kind)).read_bytes()
        text = data.decode("utf-8")  # UTF-8, or this fails
        assert b"\r" not in data and text.endswith("\n") and not text.endswith("\n\n")
        header = text.split("\n\n")[0].split("\n")
        assert header[0].endswith(f"({siglum})")
        assert "as the edition reads it" in header[1] and "not the printed errors" in header[1]
        tei_line = next(line for line in header if line.startswith("The encoding"))
        assert tei_line.endswith(f" ../{tei_path(siglum)}")
        assert (built_site / plaintext_path(siglum, kind)).parent.joinpath(tei_line.rsplit(" ", 1)[1]).resolve() \
            == (built_site / tei_path(siglum)).resolve()


def test_the_reading_text_is_the_corrected_one(built_site):
    """A correction of the OCR: the editors' reading is in the plain text, the printed error is not."""
    text = _text(built_site, "frunze-heyeti", "original")
    assert "Türkiye'nin emperyalist devletler tarafından işgali ile Anadolu'da başlayan bağımsızlık mücadelesi" in text
    assert "T ürkiye" not in text and "bağımsızW<" not in text


@pytest.mark.parametrize("page", ["index.html", *(text_path(s) for s in SIGLA)])
def test_pages_link_every_download_of_their_texts(built_site, page):
    doc = html.parse(str(built_site / page))
    links = {(Path(page).parent / a.get("href")).as_posix().removeprefix("./") for a in doc.xpath("//a[@download]")}
    links = {re.sub(r"[^/]+/\.\./", "", link) for link in links}
    sigla = SIGLA if page == "index.html" else [Path(page).stem]
    for siglum in sigla:
        wanted = {tei_path(siglum), *(plaintext_path(siglum, kind) for kind in PLAINTEXT_KINDS)}
        assert wanted <= links, f"{page} lacks {wanted - links}"
        assert all((built_site / path).is_file() for path in wanted)
