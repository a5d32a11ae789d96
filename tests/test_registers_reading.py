"""Registers worth citing (issue 16, items 2, 5, 7): dates of life, identifications marked,
overlapping entries related both ways, the texts naming an entry at a glance, archival documents."""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from lxml import etree, html

from edition.model import REGISTER_KINDS
from edition.registers import RELATIONS, load_registry, relation_problems
from edition.sources import NS, load_corpus

RNG = "{http://relaxng.org/ns/structure/1.0}"


@pytest.fixture(scope="module")
def registry(project):
    corpus, _ = load_corpus(project)
    return load_registry(corpus)


@pytest.fixture(scope="module")
def pages(project, tmp_path_factory) -> dict[str, html.HtmlElement]:
    """The register pages alone (the other outputs are not this test's)."""
    build = importlib.import_module("edition.build")
    from edition.outputs import registers, static
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(build, "PAGES", (registers.pages,))
        patch.setattr(build, "FILES", (static.files,))
        out = tmp_path_factory.mktemp("registers")
        build.build(project, out)
    return {kind.prefix: html.parse(str(out / kind.page)).getroot() for kind in REGISTER_KINDS}


def test_every_relation_points_to_an_entry_that_relates_back(registry):
    assert sum(len(e.relations) for e in registry.values()) >= 100
    assert relation_problems(registry) == []


def test_a_relation_without_its_converse_is_found(registry):
    entry = registry["place:azerbaijan-ssr"]
    target = registry["place:azerbaijan"]
    saved = list(target.relations)
    target.relations[:] = [r for r in target.relations if r[1] != entry.key]
    try:
        assert any("azerbaijan-ssr" in p for p in relation_problems(registry))
    finally:
        target.relations[:] = saved


def test_the_schema_allows_exactly_the_relations_the_toolkit_knows(project):
    rng = etree.parse(str(project.root / "tei/schema/register.rng"))
    values = rng.xpath(f"//*[local-name()='attribute'][@name='subtype']//*[local-name()='value']/text()")
    assert sorted(values) == sorted(RELATIONS)
    assert all(RELATIONS[RELATIONS[r]] == r for r in RELATIONS)


def test_the_overlapping_entries_of_the_issue_are_related(registry):
    for a, b in [("place:azerbaijan", "place:azerbaijan-ssr"), ("place:soviet-transcaucasia", "place:transcaucasian-federation"),
                 ("place:transcaucasia", "place:soviet-transcaucasia"), ("place:soviet-russia", "place:soviet-union"),
                 ("org:turkish-national-movement", "org:kuva-yi-milliye"), ("place:ottoman-empire", "place:turkey"),
                 ("person:colonel-budyonny-1919", "person:budyonny")]:
        assert b in {t for _, t in registry[a].relations}, (a, b)


def test_every_person_has_dates_or_says_they_are_not_established(project):
    corpus, _ = load_corpus(project)
    persons = corpus.registers["persons"].root.iter(f"{{{NS['tei']}}}person")
    dated = 0
    for person in persons:
        description = person.findtext("tei:note[@type='description']", namespaces=NS)
        has = [part for part in ("birth", "death") if person.find(f"tei:{part}", NS) is not None]
        key = person.get("{http://www.w3.org/XML/1998/namespace}id")
        if not has:
            assert description.rstrip().endswith("Dates not established."), key
        else:
            assert "Dates not established." not in description, key
            dated += "birth" in has
    assert dated >= 79


def test_disputed_and_uncertain_identifications_are_marked_on_the_index(registry, pages):
    assert registry["person:colonel-budyonny-1919"].identification == "disputed"
    assert registry["person:legran"].identification == "uncertain"
    assert registry["person:budyonny"].identification == ""
    page = pages["person"]
    mark = page.xpath("//li[@id='colonel-budyonny-1919']/h3/span[contains(@class, 'identification')]")
    assert mark and mark[0].text_content() == "identification disputed"
    marked = {e.key for e in registry.values() if e.identification}
    shown = {"person:" + li.get("id") for li in page.xpath("//li[@class='entry'][h3/span]")}
    assert shown == {k for k in marked if k.startswith("person:")}


def test_related_entries_are_links_on_the_index(pages):
    links = pages["place"].xpath("//li[@id='azerbaijan']/ul[@class='relations']//a/@href")
    assert "#azerbaijan-ssr" in [link[link.index("#"):] for link in links]
    org = pages["org"].xpath("//li[@id='ankara-government']/ul[@class='relations']//a/@href")
    assert "places.html#turkey" in org


def test_the_texts_naming_an_entry_link_to_their_first_occurrence_in_text_order(project, pages):
    corpus, _ = load_corpus(project)
    order = [corpus.siglum(doc) for doc in corpus.texts]
    checked = 0
    for page in pages.values():
        for entry in page.xpath("//li[@class='entry']"):
            links = entry.xpath("p[@class='count']/a[@class='named-in']")
            sigla = [a.get("href").split("--", 1)[1] for a in links]
            assert sigla == sorted(sigla, key=order.index), entry.get("id")
            for a in links:
                group = entry.xpath("div[@id=$id]", id=a.get("href")[1:])
                assert group, a.get("href")
                occurrences = group[0].xpath(".//a[@class='occ-link']")
                assert a.text_content().split()[1] == str(len(occurrences))
                checked += 1
    assert checked > 500


def test_archival_documents_are_grouped_by_archive_and_fond(pages):
    section = pages["bibl"].xpath("//section[@id='archival']")[0]
    archives = section.xpath("section[@class='archive']")
    assert len(archives) == 8
    mdeyta = section.xpath("section[h3[@id='archive-azerbaijan-state-archive-modern-history']]")[0]
    assert [h.text_content() for h in mdeyta.xpath("h4")] == ["Fond 28"]
    row = [li for li in mdeyta.xpath(".//li") if li.xpath("string(span)") == "op. 1, d. 68, l. 13"][0]
    assert [a.get("href").rsplit("#", 1)[1] for a in row.xpath("a")] == ["frunze-heyeti-n56", "frunze-heyeti-n57"]
    rgaspi = section.xpath("section[h3[@id='archive-rgaspi']]/h4/text()")
    assert rgaspi == ["Fond 2", "Fond 5", "Fond 544"]
    assert len(section.xpath(".//ul[@class='documents']/li")) == 35


def test_works_cited_only_by_the_editors_are_marked(pages, registry, project):
    corpus, _ = load_corpus(project)
    from edition.index import build_index
    index = build_index(corpus, registry)
    expected = {e.id for e in registry.values() if e.prefix == "bibl" and not index.texts_naming(e.key)}
    marked = {li.get("id") for li in pages["bibl"].xpath("//li[@class='entry'][p[@class='cited-by-editors']]")}
    assert marked == expected and marked
