"""The edition's introduction (issue 16, item 6): tei/introduction.xml, read securely like the texts,
checked (every passage, page, name and work it links must exist), rendered by xslt/prose.xsl with the
text pages' templates into introduction.html, with the texts' figures counted from the TEI."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree, html

from conftest import line_of, make_transformer, replace_in
from edition.build import check, read_edition, render_site
from edition.model import CLAIMS_PAGE, INTRODUCTION_PAGE, TIMELINE_PAGE, text_path
from edition.qa import text_figures
from edition.sources import NS, load_corpus

INTRO = "tei/introduction.xml"
SIGLA = ("historymaps", "silah-temini", "meyer-lozan", "frunze-heyeti", "kafkas-seddi")


def _page(site: Path) -> html.HtmlElement:
    return html.parse(str(site / INTRODUCTION_PAGE)).getroot()


def _intro_problems(project, rule: str) -> list:
    return [p for p in check(project) if p.rule == rule and p.path == INTRO]


def test_the_introduction_is_read_with_the_corpus(project):
    corpus, problems = load_corpus(project)
    assert corpus.introduction is not None and corpus.introduction.path.name == "introduction.xml"
    assert corpus.introduction not in corpus.texts  # prose, not a text: no reading page, no alignment
    assert not [p for p in problems if p.path == INTRO]


def test_the_page_cites_passages_of_every_text_and_each_link_resolves(built_site):
    page = _page(built_site)
    passages = page.xpath("//div[@class='tei-prose']//a[@class='tei-ref'][contains(@href, 'texts/')]")
    cited = {urlsplit(a.get("href")).path for a in passages}
    assert {text_path(s) for s in SIGLA} <= cited
    tei = etree.parse(str(Path(__file__).parents[1] / INTRO))
    assert len(passages) == len(tei.xpath("//tei:body//tei:ref[contains(@target, '.xml#')]", namespaces=NS)) > 80
    ids: dict[str, set[str]] = {}
    broken = []
    for link in page.xpath("//main//a/@href"):
        parts = urlsplit(link)
        if parts.scheme:
            continue
        target = unquote(parts.path) or INTRODUCTION_PAGE
        if not (built_site / target).is_file():
            broken.append(link)
        elif parts.fragment:
            if target not in ids:
                ids[target] = set(html.parse(str(built_site / target)).getroot().xpath("//@id"))
            if parts.fragment not in ids[target]:
                broken.append(link)
    assert broken == []
    # the label a reader sees is the passage the link goes to: "silah-temini ¶179 s. 3"
    totals = page.xpath("//a[@href='texts/silah-temini.html#silah-temini-p179-s3-en']")
    assert totals and totals[0].text_content() == "silah-temini ¶179 s. 3"


def test_names_works_and_pages_link_as_in_the_editors_notes(built_site):
    page = _page(built_site)
    prose = page.xpath("//div[@class='tei-prose']")[0]
    assert prose.xpath(".//a[@class='tei-persName entity'][@href='index/persons.html#meyer']")
    assert prose.xpath(".//a[contains(@class, 'tei-rs')][@href='index/events.html#treaty-of-moscow']")
    assert prose.xpath(".//span[@class='tei-bibl'][@data-ref='bibl:turtsiya-v-xx-veke']"
                       "/following-sibling::a[1][@href='index/bibliography.html#turtsiya-v-xx-veke']")
    assert prose.xpath(f".//a[@href='{CLAIMS_PAGE}']") and prose.xpath(f".//a[@href='{TIMELINE_PAGE}']")
    assert [s.get("id") for s in prose.xpath("section")] == [
        "intro-sources", "intro-relations", "intro-disagreements", "intro-principles", "intro-reading"]
    assert [a.get("href") for a in page.xpath("//nav[@class='intro-contents']//a")] == [
        "#intro-sources", "#intro-relations", "#intro-disagreements", "#intro-principles", "#intro-reading"]
    assert (built_site / "tei/introduction.xml").read_bytes() == (Path(__file__).parents[1] / INTRO).read_bytes()


def test_the_figures_are_counted_from_the_tei(built_site, project):
    edition = read_edition(project)
    rows = {row.xpath("th/a")[0].text: [int(td.text) for td in row.xpath("td")]
            for row in _page(built_site).xpath("//table[@class='intro-figures']/tbody/tr")}
    assert set(rows) == {text.siglum for text in edition.texts}
    for text in edition.texts:
        figures = text_figures(edition.corpus, text.doc)
        paragraphs = text.doc.root.xpath("tei:text//tei:text[@type='original']//tei:p[not(ancestor::tei:note)]",
                                         namespaces=NS)
        assert rows[text.siglum] == [len(paragraphs), figures.blocks, figures.sentences,
                                     figures.notes.get("foot (original)", 0), figures.notes.get("translation", 0),
                                     figures.notes.get("editorial", 0)], text.siglum
    assert rows["frunze-heyeti"][3] == 79  # 78 numbered footnotes and the author's note, as the header says


def test_the_stylesheet_maps_every_element_of_the_introduction(project):
    """No element of the introduction falls to the fallback (which keeps its text and reports it)."""
    edition = read_edition(project)
    transformer = make_transformer(project)
    root, problems = transformer.transform_prose(edition.corpus.introduction, INTRODUCTION_PAGE)
    assert problems == []
    assert root.get("class") == "tei-prose" and not root.xpath("//span[@class='tei-div' or @class='tei-p']")
    # an element no template maps is kept and reported, with its line
    tree = etree.fromstring(edition.corpus.introduction.data)
    tree.find(".//{http://www.tei-c.org/ns/1.0}body/{http://www.tei-c.org/ns/1.0}div/"
              "{http://www.tei-c.org/ns/1.0}p").append(etree.fromstring(
                  '<said xmlns="http://www.tei-c.org/ns/1.0">unmapped</said>'))
    edition.corpus.introduction.tree = tree.getroottree()
    root, problems = transformer.transform_prose(edition.corpus.introduction, INTRODUCTION_PAGE)
    assert [p.rule for p in problems] == ["xslt-message"] and "<said>" in problems[0].message
    assert root.xpath("//span[@class='tei-said']/text()") == ["unmapped"]


def test_a_passage_that_does_not_exist_is_an_error(scratch):
    path = scratch.root / INTRO
    replace_in(path, 'target="silah-temini.xml#silah-temini-p179-s3-en"',
               'target="silah-temini.xml#silah-temini-p979-s3-en"')
    [problem] = _intro_problems(scratch, "ref-target-unknown")
    assert problem.line == line_of(path, "silah-temini-p979-s3-en") and "silah-temini-p979-s3-en" in problem.message


def test_a_page_or_an_own_id_that_does_not_exist_is_an_error(scratch):
    path = scratch.root / INTRO
    replace_in(path, 'target="page:claims"', 'target="page:claim"')
    replace_in(path, 'target="page:map"', 'target="#intro-maps"')
    replace_in(path, 'target="page:timeline"', 'target="javascript:alert(1)"')
    found = _intro_problems(scratch, "ref-target-unknown")
    expected = sorted(line_of(path, target) for target in ('page:claim"', "#intro-maps", "javascript:"))
    assert sorted(p.line for p in found) == expected
    replace_in(path, 'target="#intro-maps"', 'target="#intro-sources"')  # an id of its own resolves
    assert len(_intro_problems(scratch, "ref-target-unknown")) == 2


def test_a_name_or_work_not_in_the_registers_is_an_error(scratch):
    path = scratch.root / INTRO
    replace_in(path, 'ref="person:aralov"', 'ref="person:aralof"')
    replace_in(path, 'corresp="bibl:aslan-1997"', 'corresp="bibl:aslan-1998"')
    found = _intro_problems(scratch, "ref-unknown")
    assert {p.line for p in found} == {line_of(path, "person:aralof"), line_of(path, "bibl:aslan-1998")}
    assert any(p.hint == "did you mean person:aralov?" for p in found)


def test_the_introduction_is_parsed_securely_and_must_be_tei(scratch):
    path = scratch.root / INTRO
    replace_in(path, "<TEI ", '<!DOCTYPE TEI [<!ENTITY x "y">]>\n<TEI ')
    assert _intro_problems(scratch, "doctype-forbidden")
    path.write_text('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"/>\n', encoding="utf-8")
    assert _intro_problems(scratch, "root-not-tei")
    corpus, _ = load_corpus(scratch)
    assert corpus.introduction is None


def test_an_edition_without_an_introduction_has_no_introduction_page(scratch):
    (scratch.root / INTRO).unlink()
    assert [p for p in check(scratch) if p.severity == "error"] == []
    files = render_site(scratch).files
    assert INTRODUCTION_PAGE not in files and "tei/introduction.xml" not in files
    assert text_path("historymaps") in files
