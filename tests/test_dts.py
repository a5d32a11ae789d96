"""For machines (issue 15, item 7): the static DTS 1.0 export (dts/), the sitemap, robots.txt and the
canonical links. The DTS files are checked against the TEI they come from and against their own
URI templates (RFC 6570, expanded here with the `uritemplate` library)."""
from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest
from lxml import etree, html
from uritemplate import URITemplate

from conftest import ROOT, copy_project, replace_in
from edition import dts
from edition.build import render_site
from edition.model import BLOCK, DTS_ENTRY, ROBOTS, SITEMAP, tei_path, text_path

TEI = "http://www.tei-c.org/ns/1.0"
DTS = "https://w3id.org/api/dts#"
NS = {"tei": TEI}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SIGLA = sorted(path.stem for path in (ROOT / "tei/texts").glob("*.xml"))
BASE = "https://edition.example/soviet-turkish/"


def load(site: Path, path: str) -> dict:
    return json.loads((site / path).read_text(encoding="utf-8"))


def resolve(template: str, here: str, **values: str) -> str:
    """A template of a file at site path `here`, expanded and resolved to a site path."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(here), URITemplate(template).expand(**values)))


def citable_ids(siglum: str) -> set[str]:
    """The ids of every unit a reader can cite, worked out from the TEI without the citeStructure:
    the two texts, their divisions, the blocks of their pages (model.BLOCK), sentences and notes."""
    tree = etree.parse(str(ROOT / "tei/texts" / f"{siglum}.xml"))
    texts = tree.xpath("/tei:TEI/tei:text/tei:group/tei:text", namespaces=NS)
    found = {text.get(XML_ID) for text in texts}
    for text in texts:
        for path in [*BLOCK.split(" | "), "tei:div", "tei:floatingText", "tei:s", "tei:note"]:
            found |= {e.get(XML_ID) for e in text.xpath(".//" + path.strip(), namespaces=NS)}
    return found


def test_every_dts_file_parses_and_says_its_version(built_site):
    files = sorted((built_site / "dts").rglob("*"))
    jsons = [path for path in files if path.suffix == ".json"]
    assert len(jsons) >= 1 + 4 + 3 * len(SIGLA) + 6 * len(SIGLA)
    for path in jsons:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["@context"] == "https://dtsapi.org/context/v1.0.json", path
        assert data["dtsVersion"] == "1.0", path
        assert data["@type"] in {"EntryPoint", "Collection", "Resource", "Navigation"}, path
    for path in (p for p in files if p.suffix == ".xml"):
        root = etree.parse(str(path)).getroot()
        assert root.tag == f"{{{TEI}}}TEI", path


def test_entry_point_and_collection(built_site):
    entry = load(built_site, DTS_ENTRY)
    assert entry["@type"] == "EntryPoint" and {"collection", "navigation", "document"} <= set(entry)
    root = load(built_site, resolve(entry["collection"], DTS_ENTRY))
    assert root["@type"] == "Collection" and root["totalChildren"] == len(SIGLA) == len(root["member"])
    assert sorted(member["@id"] for member in root["member"]) == SIGLA
    for member in root["member"]:
        assert member["@type"] == "Resource" and member["citationTrees"][0]["@type"] == "CitationTree"
        assert member["mediaTypes"] == ["application/tei+xml"]


@pytest.mark.parametrize("siglum", SIGLA)
def test_navigation_refs_are_the_citable_ids_of_the_tei(built_site, siglum):
    entry = load(built_site, DTS_ENTRY)
    path = resolve(entry["navigation"], DTS_ENTRY, resource=siglum, down="-1")
    navigation = load(built_site, path)
    members = navigation["member"]
    refs = [unit["identifier"] for unit in members]
    assert len(refs) == len(set(refs)), "an identifier twice"
    assert set(refs) == citable_ids(siglum)
    # levels and parents: a tree in pre-order, each unit after its parent, one level below it
    seen: dict[str, int] = {}
    for unit in members:
        assert unit["@type"] == "CitableUnit"
        if unit["parent"] is None:
            assert unit["level"] == 1
        else:
            assert seen[unit["parent"]] == unit["level"] - 1, unit
        seen[unit["identifier"]] = unit["level"]
    # in document order
    order = {e.get(XML_ID): n for n, e in enumerate(etree.parse(str(ROOT / "tei/texts" / f"{siglum}.xml")).iter())}
    assert [order[r] for r in refs] == sorted(order[r] for r in refs)


@pytest.mark.parametrize("siglum", SIGLA)
def test_uri_templates_expand_to_files_that_exist(built_site, siglum):
    """Every template a DTS file gives, expanded with the values the export supports, names a file."""
    entry = load(built_site, DTS_ENTRY)
    collection = resolve(entry["collection"], DTS_ENTRY, id=siglum)
    resource = load(built_site, collection)
    assert resource["@id"] == siglum and resource["@type"] == "Resource"
    wanted = [collection, resolve(entry["collection"], DTS_ENTRY),
              *(resolve(resource["collection"], collection, nav=nav) for nav in ("children", "parents"))]
    top = [unit["identifier"] for unit in load(built_site, resolve(resource["navigation"], collection, down="1"))["member"]]
    assert len(top) == 2  # the original and the translation
    # the second level (paragraphs, headings, notes) has its navigation and its documents too
    second = [unit["identifier"] for ref in top
              for unit in load(built_site, resolve(resource["navigation"], collection, ref=ref, down="1"))["member"]
              if unit["level"] == 2]
    assert len(second) >= 10 and any(ref.endswith("-p1") for ref in second)
    for down in ("-1", "1"):
        wanted.append(resolve(resource["navigation"], collection, down=down))
        wanted += [resolve(resource["navigation"], collection, ref=ref, down=down) for ref in top + second]
    document = resolve(resource["document"], collection)
    wanted += [document, *(resolve(resource["document"], collection, ref=ref) for ref in top + second)]
    missing = [path for path in wanted if not (built_site / path).is_file()]
    assert not missing
    assert etree.tostring(etree.parse(str(built_site / document)), method="c14n") == \
        etree.tostring(etree.parse(str(ROOT / "tei/texts" / f"{siglum}.xml")), method="c14n")
    # a navigation file's own templates (relative to it) lead to the same files
    for ref in top:
        path = resolve(resource["navigation"], collection, ref=ref, down="1")
        navigation = load(built_site, path)
        assert navigation["ref"]["identifier"] == ref
        assert resolve(navigation["resource"]["document"], path, ref=ref) == \
            resolve(resource["document"], collection, ref=ref)


@pytest.mark.parametrize("siglum", SIGLA)
def test_a_fragment_is_its_unit_in_a_dts_wrapper(built_site, siglum):
    entry = load(built_site, DTS_ENTRY)
    for ref in (f"{siglum}-en", f"{siglum}-p1", f"{siglum}-p1-en"):
        root = etree.parse(str(built_site / resolve(entry["document"], DTS_ENTRY, resource=siglum, ref=ref))).getroot()
        [wrapper] = root
        assert wrapper.tag == f"{{{DTS}}}wrapper"
        [unit] = wrapper
        assert unit.get(XML_ID) == ref
        original = etree.parse(str(ROOT / "tei/texts" / f"{siglum}.xml"))
        [found] = original.xpath(wrapper.get("ref"))  # the wrapper's ref finds the unit in the whole TEI
        assert "".join(found.itertext()) == "".join(unit.itertext()) and len(found.xpath(".//*")) == len(unit.xpath(".//*"))


def test_the_tei_declares_the_citation_structure(project):
    for siglum in SIGLA:
        tree = etree.parse(str(ROOT / "tei/texts" / f"{siglum}.xml"))
        units = tree.xpath("//tei:encodingDesc/tei:refsDecl/tei:citeStructure//@unit", namespaces=NS)
        assert units == ["text", "division", "block", "sentence", "note"], siglum


# -- sitemap, robots.txt, canonical links -----------------------------------------------------------

def _with_base_url(folder: Path, base_url: str):
    """A copy of the project whose edition.toml sets this base URL ("" for none)."""
    project = copy_project(folder)
    text = re.sub(r"(?m)^base_url\s*=.*\n", "", project.config_file.read_text(encoding="utf-8"))
    project.config_file.write_text(text, encoding="utf-8")
    replace_in(project.config_file, "[edition]\n", f'[edition]\nbase_url = "{base_url}"\n')
    return project


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The edition built in memory with a base URL."""
    return render_site(_with_base_url(tmp_path_factory.mktemp("published"), BASE))


def test_sitemap_lists_every_page_at_its_absolute_address(published):
    pages = sorted(path for path in published.files if path.endswith(".html"))
    sitemap = etree.fromstring(published.files[SITEMAP])
    locs = sitemap.xpath("/s:urlset/s:url/s:loc/text()", namespaces={"s": "http://www.sitemaps.org/schemas/sitemap/0.9"})
    assert locs == [BASE + page for page in pages]
    assert text_path(SIGLA[0]) in pages and len(pages) > 20
    assert published.files[ROBOTS].decode("utf-8").endswith(f"\nSitemap: {BASE}{SITEMAP}\n")
    assert "no-base-url" not in {p.rule for p in published.warnings}


def test_every_page_has_one_canonical_link_to_itself(published):
    for path, data in published.files.items():
        if path.endswith(".html") and not path.startswith("pagefind/"):
            links = html.fromstring(data).xpath("//link[@rel='canonical']/@href")
            assert links == [BASE + path], path


def test_dts_addresses_are_absolute_with_a_base_url(published):
    entry = json.loads(published.files[DTS_ENTRY])
    assert entry["@id"] == BASE + DTS_ENTRY and entry["collection"].startswith(BASE + "dts/collection")
    navigation = json.loads(published.files[f"dts/navigation/{SIGLA[0]};down=1.json"])
    assert navigation["@id"] == BASE + f"dts/navigation/{SIGLA[0]};down=1.json"
    resource = json.loads(published.files[f"dts/collection/{SIGLA[0]}.json"])
    assert resource["download"] == BASE + tei_path(SIGLA[0])


def test_without_a_base_url_no_sitemap_no_canonical_link_and_a_warning(tmp_path):
    result = render_site(_with_base_url(tmp_path, ""))
    assert SITEMAP not in result.files and ROBOTS not in result.files
    [warning] = [p for p in result.warnings if p.rule == "no-base-url"]
    assert warning.path == "edition.toml" and "no sitemap.xml" in warning.message
    assert not [path for path, data in result.files.items() if path.endswith(".html") and b'rel="canonical"' in data]
    entry = json.loads(result.files[DTS_ENTRY])
    assert entry["@id"] == "index.json" and entry["collection"] == "collection{/id}{/nav}.json"


@pytest.mark.parametrize("siglum", SIGLA)
def test_the_citation_tree_is_the_same_read_in_c_and_in_xpath_3(siglum):
    """dts.units evaluates XPath 1.0 expressions with lxml and any other with elementpath: both give
    the same units, elements included; an XPath 2.0 form of the same structure gives them too."""
    tree = etree.parse(str(ROOT / "tei/texts" / f"{siglum}.xml"))
    structures = dts.cite_structures(tree)

    def seen(units):
        return [(u.identifier, u.level, u.parent, u.cite_type, u.element) for u in units]

    fast = dts.units(tree, structures)
    assert len(fast) > 80 and seen(fast) == seen(dts.units(tree, structures, xpath3=True))
    [text] = structures
    division = text.children[0]
    assert division.match == ".//*[self::div or self::floatingText]" and dts._lxml_xpath(division.match) is not None
    division.match = ".//(div | floatingText)"  # XPath 2.0 only: lxml refuses it, elementpath reads it
    assert dts._lxml_xpath(division.match) is None
    assert seen(dts.units(tree, structures)) == seen(fast)
