"""Property-based tests: random text full of markup-significant characters goes through the
transformer and comes out escaped (no element or attribute it did not ask for) and complete; a link
between two pages is what posixpath.relpath makes of their paths."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree, html

from edition.sources import Document, secure_parser
from conftest import make_transformer

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

# characters that mean something to XML, HTML, JavaScript or CSS, and any other printable character
MARKUP = st.sampled_from(list("<>&\"'/=;:!-?[]{}()#`\\") + ["<script>", "</p>", "&amp;", "-->", "<!--", "]]>",
                                                             "javascript:", " onerror=", "\u202e", "\u00a0"])
TEXT = st.lists(MARKUP | st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Co", "Cn")),
                min_size=1, max_size=30).map("".join).filter(lambda t: t.strip())


@pytest.fixture(scope="module")
def transformer(project):
    return make_transformer(project)


def _element(parent, name, text=None, xml_id=None, **attrs):
    element = etree.SubElement(parent, f"{{{TEI}}}{name}", attrs)
    if xml_id:
        element.set(XML_ID, xml_id)
    element.text = text
    return element


def _document(original: str, translation: str, note: str, figure: str, name: str) -> Document:
    root = etree.Element(f"{{{TEI}}}TEI", nsmap={None: TEI})
    root.set(XML_ID, "case")
    header = _element(root, "teiHeader")
    _element(_element(_element(header, "fileDesc"), "titleStmt"), "title", "case")
    group = _element(_element(root, "text"), "group")
    for kind, lang, body_text in (("original", "tr", original), ("translation", "en", translation)):
        text = _element(group, "text", type=kind)
        text.set("{http://www.w3.org/XML/1998/namespace}lang", lang)
        p = _element(_element(text, "body"), "p", xml_id=f"case-p1-{kind}")
        s = _element(p, "s", body_text, xml_id=f"case-p1-s1-{kind}")
        person = _element(s, "persName", name, ref="person:chicherin")
        person.tail = body_text
        measure = _element(s, "measure", body_text, type="arms", quantity=figure, unit="piece")
        measure.tail = "."
        if kind == "translation":
            _element(s, "note", note, type="translation", xml_id="case-tn1")
    data = etree.tostring(root, encoding="utf-8")  # the text is escaped by lxml, as an encoder's editor would
    return Document(Path("case.xml"), etree.fromstring(data, secure_parser()).getroottree())


def _squeeze(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(original=TEXT, translation=TEXT, note=TEXT, figure=TEXT, name=TEXT)
def test_random_text_comes_out_escaped_and_complete(transformer, original, translation, note, figure, name):
    fragment, _ = transformer.transform(_document(original, translation, note, figure, name), "t")
    serialised = etree.tostring(fragment.root, method="html", encoding="unicode")
    page = html.fragment_fromstring(serialised)

    # escaped: the structure is that of the same document with harmless text
    baseline, _ = transformer.transform(_document("a", "b", "c", "1", "d"), "t")
    assert [e.tag for e in page.iter()] == [e.tag for e in html.fragment_fromstring(
        etree.tostring(baseline.root, method="html", encoding="unicode")).iter()]
    assert not page.xpath("//script | //img | //@onerror | //@*[starts-with(., 'javascript:')][name() = 'href']")

    # complete: every piece of text is there, in its place
    for kind, body_text in (("original", original), ("translation", translation)):
        sentence = page.xpath("//*[@id=$id]", id=f"case-p1-s1-{kind}")[0]
        words = "".join(sentence.xpath(".//text()[not(ancestor::button)][not(ancestor::*[@popover])]"))
        assert _squeeze(words) == _squeeze(body_text + name + body_text + body_text + ".")
    assert [_squeeze(b.text_content()) for b in page.find_class("note-body")] == [_squeeze(note)]
    assert [a.text_content() for a in page.find_class("entity")] == [name, name]
    assert page.xpath("//*[@data-quantity]/@data-quantity") == [figure, figure]


# ---- links between the site's pages ---------------------------------------------------------------
# segments from a small set, so that two paths often share a beginning; '', '.' and '..' to take the
# slow road; '#' and '%' as addresses have them
_SEGMENT = st.sampled_from(["texts", "tr", "index", "a.html", "x.html#p3", "", ".", "..", "%C3%A7", "b"])
_PATH = st.lists(_SEGMENT, min_size=1, max_size=5).map("/".join).filter(lambda p: p not in ("", "/"))


@settings(max_examples=2000, deadline=None)
@given(target=_PATH, page=_PATH)
def test_a_link_between_pages_is_what_relpath_gives(target, page):
    import posixpath

    from edition.model import relative

    try:
        expected = posixpath.relpath(target, posixpath.dirname(page) or ".")
    except ValueError:
        return
    assert relative(target, page) == expected
