"""Registers worth citing (issue 16, items 2, 5, 7): dates of life, identifications marked,
overlapping entries related both ways, the texts naming an entry at a glance, archival documents."""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from lxml import etree, html

from edition.model import CHRONOLOGY_PAGE, MENTIONS_PER_PAGE, REGISTER_KINDS
from edition.registers import RELATIONS, load_registry, relation_problems
from edition.sources import NS, load_corpus

RNG = "{http://relaxng.org/ns/structure/1.0}"


@pytest.fixture(scope="module")
def registry(project):
    corpus, _ = load_corpus(project)
    return load_registry(corpus)


def _registers_only(project, out: Path, per_page: int | None = None) -> Path:
    """The register pages, the chronology and the entries' and dates' own pages alone (the other outputs
    are not this test's)."""
    build = importlib.import_module("edition.build")
    from edition.outputs import chronology, registers, static
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(build, "PAGES", (registers.pages, chronology.pages))
        patch.setattr(build, "FILES", (static.files,))
        if per_page:
            patch.setattr(registers, "MENTIONS_PER_PAGE", per_page)
            patch.setattr(chronology, "MENTIONS_PER_PAGE", per_page)
        build.build(project, out)
    return out


@pytest.fixture(scope="module")
def site(project, tmp_path_factory) -> Path:
    return _registers_only(project, tmp_path_factory.mktemp("registers"))


@pytest.fixture(scope="module")
def pages(site) -> dict[str, html.HtmlElement]:
    return {kind.prefix: html.parse(str(site / kind.page)).getroot() for kind in REGISTER_KINDS}


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


LISTINGS = [kind.page for kind in REGISTER_KINDS] + [CHRONOLOGY_PAGE]


def _named_in_links_land(project, site: Path) -> tuple[int, dict[str, tuple[int, int]]]:
    """On each register's page and on the chronology, every text an entry's line names, and every text
    the line of the entry's own page names, links to a section of the entry's page(s) with as many
    passages as the line says, in text order; every mention is on exactly one page. Returns how many
    links were followed, and for each of the entries' pages how many texts and mentions it holds."""
    corpus, _ = load_corpus(project)
    order = [corpus.siglum(doc) for doc in corpus.texts]
    checked, held = 0, {}
    for listing in LISTINGS:
        for entry in html.parse(str(site / listing)).getroot().xpath("//li[@class='entry']"):
            count = entry.xpath("p[@class='count']")[0]
            total = int(count.text_content().split()[0])
            own = count.xpath("a[@class='mentions-link']/@href")
            assert bool(own) == (total > 0), entry.get("id")
            if not total:
                continue
            first = (site / listing).parent / own[0]
            lines = [(site / listing, count), (first, html.parse(str(first)).getroot().xpath("//p[@class='count']")[0])]
            seen = 0
            for where, line in lines:
                links = line.xpath("a[@class='named-in']")
                sigla = [a.get("href").split("--", 1)[1] for a in links]
                assert sigla == sorted(sigla, key=order.index), entry.get("id")
                for a in links:
                    page, anchor = a.get("href").split("#")
                    assert anchor.split("--", 1)[0] == entry.get("id")
                    target = html.parse(str((where.parent / page).resolve())).getroot()
                    section = target.xpath("//section[@id=$id]", id=anchor)
                    assert section, a.get("href")
                    occurrences = section[0].xpath(".//a[@class='occ-link']")
                    assert a.text_content().split()[1] == str(len(occurrences))
                    assert all(f"texts/{anchor.split('--', 1)[1]}.html#" in o.get("href") for o in occurrences)
                    seen += len(occurrences) if where == first else 0
                    checked += 1
            assert seen == total, entry.get("id")
            for path in [first, *first.with_suffix("").glob("*.html")]:
                shown = html.parse(str(path)).getroot().xpath("//section[@class='text-occurrences']")
                held[path.relative_to(site).as_posix()] = (len(shown), sum(len(s.xpath(".//a[@class='occ-link']")) for s in shown))
    return checked, held


def test_the_texts_naming_an_entry_link_to_their_passages_in_text_order(project, site):
    checked, held = _named_in_links_land(project, site)
    assert checked > 1500
    assert len(held) == sum(1 for _ in site.glob("index/*/*.html"))  # every entry's and date's page was reached
    assert sum(1 for path in held if path.startswith("index/chronology/")) > 200
    assert all(mentions <= MENTIONS_PER_PAGE or texts == 1 for texts, mentions in held.values())


def test_an_entry_named_very_often_has_its_passages_on_several_pages_of_whole_texts(project, tmp_path):
    site = _registers_only(project, tmp_path / "site", per_page=20)
    checked, held = _named_in_links_land(project, site)
    assert checked > 1500
    continued = [path for path in held if path.count("/") == 3]  # index/places/ankara/2.html
    assert len([p for p in continued if p.startswith("index/chronology/")]) >= 3
    assert len([p for p in continued if not p.startswith("index/chronology/")]) > 100
    # at most 20 mentions on a page, unless one text alone has more
    assert all(mentions <= 20 or texts == 1 for texts, mentions in held.values())
    ankara = html.parse(str(site / "index/places/ankara.html")).getroot()
    assert ankara.xpath("//nav[@class='mention-pages']//span[@aria-current='page']/text()") == ["1"]


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
