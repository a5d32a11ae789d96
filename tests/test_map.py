"""The map of places (compare/map.html): a point for every place the register locates and only
those, each linking to its index entry; the rest listed; the SVG well-formed; the outline vendored,
small and attributed; the vendoring script's TopoJSON decoding and the clipping correct."""
from __future__ import annotations

import importlib.util
import json
import re

import pytest
from lxml import etree, html

from conftest import ROOT
from edition.build import read_edition
from edition.index import build_index
from edition.labels import load_labels
from edition.model import MAP_PAGE, relative
from edition.outputs import PAGES, Site
from edition.outputs import map as place_map
from edition.outputs import registers
from edition.render import Renderer
from edition.sources import DATA_DIR, NS, XML_NS
from edition.transform import Transformer

SVG = "{http://www.w3.org/2000/svg}"
PLACES_PAGE = "index/places.html"


def make_site(project) -> Site:
    """The site as the build makes it, past the barrier (the map and the index need no valid texts)."""
    edition = read_edition(project)
    labels = {language: load_labels(project, language) for language in edition.config.languages}
    return Site(edition, build_index(edition.corpus, edition.registry), Renderer(project, edition.config, labels),
                Transformer(project, edition.registry, labels[edition.config.language]))


@pytest.fixture(scope="module")
def site(project) -> Site:
    return make_site(project)


@pytest.fixture(scope="module")
def page(site) -> bytes:
    [(path, data)] = list(place_map.pages(site))
    assert path == MAP_PAGE
    return data


@pytest.fixture(scope="module")
def svg(page) -> etree._Element:
    """The page's SVG, parsed as XML: it must be well-formed on its own."""
    text = page.decode("utf-8")
    return etree.fromstring(text[text.index("<svg"):text.index("</svg>") + len("</svg>")])


def _register(project) -> dict[str, etree._Element]:
    tree = etree.parse(str(project.registers_dir / "places.xml"))
    return {place.get(f"{{{XML_NS}}}id"): place for place in tree.iterfind(".//tei:place", NS)}


def test_the_map_is_an_output():
    assert place_map.pages in PAGES


def test_every_place_with_coordinates_is_one_point_and_only_those(project, svg):
    located = {pid for pid, place in _register(project).items() if place.find("tei:location/tei:geo", NS) is not None}
    points = [a.get("id") for a in svg.iter(f"{SVG}a")]
    assert len(located) >= 67
    assert sorted(points) == sorted(f"map-{pid}" for pid in located)


def test_every_point_links_to_an_existing_entry_of_the_places_index(site, svg):
    [(path, data)] = [(p, d) for p, d in registers.pages(site) if p == PLACES_PAGE]
    anchors = set(html.fromstring(data).xpath("//li[contains(@class, 'entry')]/@id"))
    links = {a.get("id"): a.get("href") for a in svg.iter(f"{SVG}a")}
    assert links
    for point_id, href in links.items():
        target, _, fragment = href.partition("#")
        assert target == relative(PLACES_PAGE, MAP_PAGE), href
        assert point_id == f"map-{fragment}" and fragment in anchors, href


def test_each_point_has_its_english_name_and_lies_on_the_map(site, svg):
    names = {entry.id: entry.label for entry in site.edition.registry.values() if entry.prefix == "place"}
    x0, y0, width, height = (float(v) for v in svg.get("viewBox").split())
    for a in svg.iter(f"{SVG}a"):
        assert a.findtext(f"{SVG}title") == names[a.get("id")[4:]]
        assert a.findtext(f"{SVG}text") == names[a.get("id")[4:]].split(" (")[0]
        dot = a.find(f"{SVG}circle[@class='map-dot']")
        assert x0 <= float(dot.get("cx")) <= width and y0 <= float(dot.get("cy")) <= height


def test_the_places_without_coordinates_are_listed_areas_apart(project, page):
    register = _register(project)
    unlocated = {pid for pid, place in register.items() if place.find("tei:location/tei:geo", NS) is None}
    root = html.fromstring(page)
    unplaced = root.xpath("//ul[contains(@class, 'map-unplaced')]/li/@data-place")
    areas = root.xpath("//ul[contains(@class, 'map-areas')]/li/@data-place")
    assert root.xpath("//ul[contains(@class, 'map-outside')]") == []  # every located place is on the map
    assert sorted(unplaced + areas) == sorted(unlocated) and len(set(unplaced + areas)) == len(unlocated)
    assert {register[pid].get("type") for pid in areas} <= set(place_map.AREA_TYPES)
    assert {register[pid].get("type") for pid in unplaced}.isdisjoint(place_map.AREA_TYPES)
    assert {"soviet-russia", "anatolia", "caucasus"} <= set(areas)
    # each listed place links to its entry, and the mapped ones are listed too (the map is not the only way in)
    assert all(li.xpath("a/@href")[0] == f"../{PLACES_PAGE}#{li.get('data-place')}"
               for li in root.xpath("//ul[contains(@class, 'map-list')]/li"))
    mapped = root.xpath("//ul[contains(@class, 'map-mapped')]/li/@data-place")
    assert sorted(mapped) == sorted(set(register) - unlocated)


def test_the_svg_says_what_it_shows_and_the_page_has_no_inline_script_or_style(svg, page):
    assert svg.get("aria-labelledby") == "map-title" and svg.findtext(f"{SVG}title")
    assert svg.get("aria-describedby") == "map-desc" and svg.findtext(f"{SVG}desc")
    root = html.fromstring(page)
    assert root.xpath("//@style | //style | //script[not(@src)]") == []
    assert "Natural Earth" in " ".join(root.xpath("//figcaption//text()"))


def test_the_inset_hides_no_point_and_the_projection_keeps_its_bearings(site):
    drawn = place_map.build_map(site)
    main, west = drawn.panels
    for point in main.points:
        assert not (west.box[0] <= point.x <= west.box[2] and west.box[1] <= point.y <= west.box[3]), point.label
    at = {point.entry.id: point for point in drawn.mapped}
    assert at["moscow"].y < at["ankara"].y and at["baku"].x > at["tbilisi"].x > at["batumi"].x
    assert {p.entry.id for p in west.points} >= {"london", "paris", "genoa", "lausanne"}
    assert main.land and west.land  # the outline was drawn in both
    # a point stands where the projection puts it
    lat, lon = at["ankara"].entry.coordinates
    assert main.project(lat, lon) == (at["ankara"].x, at["ankara"].y)
    assert at["ankara"].x == pytest.approx((lon - place_map.MAIN.west) * place_map.SCALE * 0.66913, abs=0.01)


def test_labels_that_stand_on_the_map_do_not_overlap(site):
    for panel in place_map.build_map(site).panels:
        boxes = [place_map.label_box(p.label_x, p.label_y, p.anchor, p.label) for p in panel.points if p.shown]
        assert len(boxes) >= len(panel.points) // 2
        for i, (x0, y0, x1, y1) in enumerate(boxes):
            assert panel.box[0] <= x0 and x1 <= panel.box[2] and panel.box[1] <= y0 and y1 <= panel.box[3]
            for a0, b0, a1, b1 in boxes[i + 1:]:
                assert not (x0 < a1 and a0 < x1 and y0 < b1 and b0 < y1), (x0, y0, a0, b0)


def test_clipping_keeps_what_is_inside_the_box():
    square = [(-5.0, -5.0), (5.0, -5.0), (5.0, 5.0), (-5.0, 5.0), (-5.0, -5.0)]
    clipped = place_map.clip_ring(square, (0, 0, 10, 10))
    assert clipped[0] == clipped[-1] and sorted(set(clipped)) == [(0, 0), (0, 5), (5, 0), (5, 5)]
    assert place_map.clip_ring(square, (20, 20, 30, 30)) == []
    assert place_map.clip_ring(square, (-10, -10, 10, 10)) == square


def test_the_outline_is_vendored_small_attributed_and_read_with_the_edition(site):
    path = DATA_DIR / place_map.OUTLINE
    assert path.stat().st_size < 300_000
    assert site.edition.data[place_map.OUTLINE] == path.read_bytes()
    feature = json.loads(path.read_bytes())
    assert feature["geometry"]["type"] == "MultiPolygon" and "Natural Earth" in feature["properties"]["source"]
    west, south, east, north = feature["properties"]["extent"]
    for extent in (place_map.MAIN, place_map.WEST):  # the outline covers both panels
        assert west <= extent.west and extent.east <= east and south <= extent.south and extent.north <= north
    for polygon in feature["geometry"]["coordinates"]:
        for ring in polygon:
            assert ring[0] == ring[-1] and len(ring) >= 4
            assert all(west <= x <= east and south <= y <= north and round(x, 2) == x for x, y in ring)
    attribution = (DATA_DIR / "NATURAL-EARTH.md").read_text(encoding="utf-8")
    assert "public domain" in attribution and "ISC" in attribution
    assert re.search(r"edition/data/NATURAL-EARTH\.md", (ROOT / "LICENSE.md").read_text(encoding="utf-8"))
    setup = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"data/*"' in setup  # installed with the package


def _vendor_script():
    spec = importlib.util.spec_from_file_location("vendor_natural_earth", ROOT / "tools/vendor_natural_earth.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_vendoring_script_decodes_topojson_and_clips_to_its_extent():
    script = _vendor_script()
    # a quantized topology: arc 0 runs (10,40) -> (20,40) -> (20,50), arc 1 back via (10,50), delta-encoded;
    # the polygon's second arc is used reversed (~1 == -2)
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.25], "translate": [10, 40]},
        "arcs": [[[0, 0], [20, 0], [0, 40]], [[0, 0], [0, 40], [20, 0]]],
        "objects": {"land": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0, ~1]]}]}},
    }
    [[ring]] = script.polygons(topology)
    assert ring == [(10, 40), (20, 40), (20, 50), (10, 50), (10, 40)]
    feature = script.outline(topology)
    [[clipped]] = feature["geometry"]["coordinates"]
    assert clipped[0] == clipped[-1] and {tuple(p) for p in clipped} == {(10, 40), (20, 40), (20, 50), (10, 50)}
    far = dict(topology, transform={"scale": [0.5, 0.25], "translate": [100, -80]})
    assert script.outline(far)["geometry"]["coordinates"] == []  # outside the extent: nothing
