"""The interface in English and Turkish: one labels table per language with the same keys, every
page made in each language at its own address, nothing but the interface changed between them."""
from __future__ import annotations

import re
import tomllib

import pytest
from lxml import html

from conftest import ROOT, copy_project
from edition.build import build
from edition.config import load_config
from edition.model import is_page, localised
from edition.problems import EditionError

LABELS = ROOT / "templates" / "labels"


def _keys(table: dict, prefix: str = "") -> set[str]:
    keys = set()
    for key, value in table.items():
        keys |= _keys(value, f"{prefix}{key}.") if isinstance(value, dict) else {prefix + key}
    return keys


def _table(language: str) -> dict:
    return tomllib.loads((LABELS / f"{language}.toml").read_text(encoding="utf-8"))


def test_every_interface_language_has_a_table_with_the_same_keys(project):
    languages = load_config(project).languages
    assert languages[0] == "en" and "tr" in languages
    tables = {language: _table(language) for language in languages}
    english = _keys(tables["en"])
    for language, table in tables.items():
        assert _keys(table) == english, f"{language}.toml: missing {sorted(english - _keys(table))}, " \
                                        f"extra {sorted(_keys(table) - english)}"


def _phrases(table: dict, prefix: str = "") -> dict[str, str]:
    """Every phrase of a labels table by its dotted key (search.languages.tr)."""
    found = {}
    for key, value in table.items():
        found.update(_phrases(value, f"{prefix}{key}.") if isinstance(value, dict) else {prefix + key: value})
    return found


def test_placeholders_of_a_phrase_are_the_same_in_every_language(project):
    english = _phrases(_table("en"))
    for language in load_config(project).languages:
        table = _phrases(_table(language))
        for key, phrase in english.items():
            assert set(re.findall(r"\{\w+\}", table[key])) == set(re.findall(r"\{\w+\}", phrase)), \
                f"{language}.toml {key}"


# the same word in both languages
_SAME_IN_TURKISH = {"event_type.plan"}


def test_turkish_labels_are_turkish():
    """A table copied from English and left untranslated passes the key test; not this one."""
    english, turkish = _phrases(_table("en")), _phrases(_table("tr"))
    same = [key for key, phrase in english.items()
            if turkish[key] == phrase and re.search(r"[a-z]{4,}", phrase) and key not in _SAME_IN_TURKISH]
    assert same == [], f"left in English in tr.toml: {same}"


def test_every_type_of_event_and_place_has_its_label(project):
    from edition.registers import load_registry
    from edition.sources import load_corpus
    registry = load_registry(load_corpus(project)[0])
    for language in load_config(project).languages:
        table = _table(language)
        for prefix, section in (("event", "event_type"), ("place", "place_type")):
            used = {e.type for e in registry.values() if e.prefix == prefix and e.type}
            assert used and used <= set(table[section]), f"{language}.toml [{section}] lacks {sorted(used - set(table[section]))}"


def test_a_page_is_localised_and_a_file_is_not():
    languages = ("en", "tr")
    assert localised("texts/x.html#p3", "en", languages) == "texts/x.html#p3"
    assert localised("texts/x.html#p3", "tr", languages) == "tr/texts/x.html#p3"
    assert localised("tei/x.xml", "tr", languages) == "tei/x.xml"
    assert is_page("index/events.html#treaty-of-moscow") and not is_page("compare/claims.csv")


def test_each_page_is_made_in_each_language_and_every_file_once(built_site):
    pages = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")}
    english = {p for p in pages if not p.startswith("tr/")}
    assert {p for p in pages if p.startswith("tr/")} == {"tr/" + p for p in english}
    assert not [p for p in built_site.joinpath("tr").rglob("*") if p.is_file() and p.suffix != ".html"]


def _visible_words(page) -> str:
    """The page's words, less what is in another language than the page's own (the sources'
    words, the translation, the editors' prose, which carry their own lang)."""
    root = html.parse(str(page)).getroot()
    own = root.get("lang")
    for element in root.xpath("//*[@lang]"):
        if element is not root and element.get("lang") != own:
            element.drop_tree()
    for element in root.xpath("//script | //style"):
        element.drop_tree()
    return " ".join(root.xpath("//body")[0].text_content().split())


def test_the_turkish_pages_are_in_turkish_and_the_english_in_english(built_site):
    turkish = _visible_words(built_site / "tr/index/persons.html")
    english = _visible_words(built_site / "index/persons.html")
    assert "Kişiler" in turkish and "doğumu" in turkish and "Persons" not in turkish and "born " not in turkish
    assert "Persons" in english and "born " in english and "doğumu" not in english
    root = html.parse(str(built_site / "tr/texts/kafkas-seddi.html")).getroot()
    assert root.get("lang") == "tr"
    assert root.xpath("string(//*[@class='view-controls']/span)") == _table("tr")["text"]["show"]


def test_the_language_switch_links_each_page_to_itself_in_the_other_language(built_site):
    for page, other in (("texts/historymaps.html", "tr/texts/historymaps.html"),
                        ("tr/compare/claims.html", "compare/claims.html")):
        root = html.parse(str(built_site / page)).getroot()
        switch = {a.get("data-language"): a.get("href") for a in root.xpath("//nav[@class='language-switch']//a")}
        here = (built_site / page).parent
        assert {(here / href).resolve() for href in switch.values()} == {(built_site / page).resolve(),
                                                                         (built_site / other).resolve()}
        assert root.xpath("//link[@rel='alternate'][@hreflang]/@href")


def test_only_the_interface_differs_between_the_languages(built_site):
    """The reading text of a page is the same in both: the XSLT output differs only in its labels."""
    def sentences(page):
        root = html.parse(str(page)).getroot()
        return [(s.get("id"), s.text_content()) for s in root.xpath("//*[@id][@class='tei-s']")]
    english = sentences(built_site / "texts/meyer-lozan.html")
    assert len(english) > 100 and english == sentences(built_site / "tr/texts/meyer-lozan.html")


@pytest.mark.parametrize("value, message", [("[]", "'languages' is empty"),
                                            ('"tr"', "'languages' must be a list of strings")])
def test_a_bad_list_of_languages_is_refused(scratch, value, message):
    config = scratch.root / "edition.toml"
    config.write_text(re.sub(r"(?m)^languages = .*$", f"languages = {value}", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    with pytest.raises(EditionError) as caught:
        load_config(scratch)
    assert message in caught.value.problems[0].message


def test_a_language_without_a_labels_table_is_refused_and_nothing_written(tmp_path):
    """edition.toml is at fault (naming a language there is no table of), and says so."""
    project = copy_project(tmp_path / "project")
    config = project.root / "edition.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('languages = ["en", "tr"]', 'languages = ["en", "de"]'),
                      encoding="utf-8")
    with pytest.raises(EditionError) as caught:
        build(project, tmp_path / "out")
    problem = caught.value.problems[0]
    assert problem.path.endswith("edition.toml") and problem.line > 1 and "'de' has no labels table" in problem.message
    assert not (tmp_path / "out").exists()


def test_a_turkish_page_links_to_turkish_pages_and_to_the_one_copy_of_each_file(built_site):
    """A reader who chose Turkish stays in Turkish from link to link; downloads are not duplicated."""
    tr = (built_site / "tr").resolve()
    checked = 0
    for page in sorted(tr.rglob("*.html")):
        root = html.parse(str(page)).getroot()
        for element in root.xpath("//a[@href] | //link[@href] | //script[@src]"):
            href = element.get("href") or element.get("src")
            if href.startswith(("http:", "https:", "#", "mailto:")) or element.get("hreflang"):
                continue  # outside the site, on the page, or the language switch itself
            target = (page.parent / href.partition("#")[0]).resolve()
            assert target.is_file(), f"{page.relative_to(built_site)}: {href} does not resolve"
            assert target.is_relative_to(tr) == is_page(href), f"{page.relative_to(built_site)}: {href}"
            checked += 1
    assert checked > 10000
