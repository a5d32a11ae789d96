"""compare/map.html: the register's places on a map drawn at build time, offline.

Each place with `location/geo` is a point linking to its index entry, over Natural Earth's land
(1:50m, public domain), vendored in edition/data/ by tools/vendor_natural_earth.py and read with
the edition (`Edition.data`). No tile server, no network at build or read time.

The projection is equirectangular with a standard parallel at 48°N (the middle of the main
panel, where shapes keep their proportions): x = (lon - west)·cos 48°·k, y = (north - lat)·k.
The main panel is the region of the events, from the Aegean to Semirechye and from Adana to
Petrograd (24–76°E, 35.5–61°N); the places the texts name in western Europe (London, Paris,
Sèvres, Brussels, Lausanne, Genoa, Berlin) stand in an inset at the same scale, over the empty
north-east corner (Siberia) of the main panel. One map that showed them all would leave the
Anatolian towns, where the texts' places are densest, a few pixels apart.

Places without coordinates are listed, not guessed: areas (polities, countries, regions, seas,
rivers) as areas, the rest as places whose position the register does not establish. Python
computes the numbers (path data, positions); templates/map.html writes the markup.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import MAP_PAGE
from ..registers import Entry, sort_key
from .site import Site

OUTLINE = "natural-earth-50m-land.json"
PARALLEL = 48.0  # the standard parallel of the projection, degrees north
SCALE = 28.7  # SVG units per degree of latitude (and per degree of longitude at the standard parallel / cos)
MARGIN = 8.0  # the inset's distance from the main panel's edges
AREA_TYPES = ("polity", "country", "region", "sea", "river")  # what is an area, not a point
RADIUS = 4.5  # a point's radius, SVG units
FONT = 12.0  # a label's font size, SVG units (templates/static/edition.css says the same)
CHAR = 0.58  # a character's mean width, in font sizes, for placing labels
GRATICULE = 10  # degrees between the lines of the graticule


@dataclass(frozen=True)
class Extent:
    west: float
    south: float
    east: float
    north: float

    def holds(self, lat: float, lon: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north


MAIN = Extent(24.0, 35.5, 76.0, 61.0)
WEST = Extent(-1.5, 43.5, 15.0, 53.5)

Box = tuple[float, float, float, float]  # x0, y0, x1, y1


@dataclass
class Point:
    entry: Entry
    x: float
    y: float
    label: str  # the English name as the map shows it (without its bracketed alternatives)
    mentions: int
    panel: str = "main"  # the panel it stands in
    label_x: float = 0.0
    label_y: float = 0.0
    anchor: str = "start"
    shown: bool = False  # the label stands on the map; else it shows on hover and focus


@dataclass
class Panel:
    name: str  # "main", "west"
    extent: Extent
    x: float  # the panel's top left corner in the SVG
    y: float
    land: str = ""  # SVG path data
    graticule: str = ""
    points: list[Point] = field(default_factory=list)

    @property
    def width(self) -> float:
        return (self.extent.east - self.extent.west) * SCALE * math.cos(math.radians(PARALLEL))

    @property
    def height(self) -> float:
        return (self.extent.north - self.extent.south) * SCALE

    @property
    def box(self) -> Box:
        return (self.x, self.y, self.x + self.width, self.y + self.height)

    def project(self, lat: float, lon: float) -> tuple[float, float]:
        return (self.x + (lon - self.extent.west) * SCALE * math.cos(math.radians(PARALLEL)),
                self.y + (self.extent.north - lat) * SCALE)


def panels() -> list[Panel]:
    main = Panel("main", MAIN, 0.0, 0.0)
    west = Panel("west", WEST, 0.0, MARGIN)
    west.x = main.width - west.width - MARGIN
    return [main, west]


def clip_ring(points: list[tuple[float, float]], box: Box) -> list[tuple[float, float]]:
    """Sutherland–Hodgman: a closed ring clipped to a rectangle (closed again, or [] if nothing is
    left). Each ring is clipped alone: the map fills its rings even-odd, so holes stay holes."""
    x0, y0, x1, y1 = box
    edges = ((0, x0, 1), (0, x1, -1), (1, y0, 1), (1, y1, -1))  # axis, bound, which side is inside
    out = list(points[:-1] if points and points[0] == points[-1] else points)
    for axis, bound, side in edges:
        if not out:
            break
        given, out = out, []
        previous = given[-1]
        for point in given:
            inside, was_inside = (point[axis] - bound) * side >= 0, (previous[axis] - bound) * side >= 0
            if inside != was_inside:
                t = (bound - previous[axis]) / (point[axis] - previous[axis])
                other = 1 - axis
                crossing = [0.0, 0.0]
                crossing[axis] = bound
                crossing[other] = previous[other] + t * (point[other] - previous[other])
                out.append((crossing[0], crossing[1]))
            if inside:
                out.append(point)
            previous = point
    return out + out[:1] if len(out) >= 3 else []


def _path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in rings:
        if len(ring) < 4:
            continue
        coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in ring[:-1])
        parts.append(f"M{coords}Z")
    return "".join(parts)


def _land(panel: Panel, outline: dict) -> str:
    rings = []
    for polygon in outline["geometry"]["coordinates"]:
        for ring in polygon:
            projected = [panel.project(lat, lon) for lon, lat in ring]
            rings.append(clip_ring(projected, panel.box))
    return _path(rings)


def _graticule(panel: Panel) -> str:
    e = panel.extent
    lines = []
    for lon in range(math.ceil(e.west / GRATICULE) * GRATICULE, math.floor(e.east) + 1, GRATICULE):
        (x, y0), (_, y1) = panel.project(e.north, lon), panel.project(e.south, lon)
        lines.append(f"M{x:.1f},{y0:.1f}V{y1:.1f}")
    for lat in range(math.ceil(e.south / GRATICULE) * GRATICULE, math.floor(e.north) + 1, GRATICULE):
        (x0, y), (x1, _) = panel.project(lat, e.west), panel.project(lat, e.east)
        lines.append(f"M{x0:.1f},{y:.1f}H{x1:.1f}")
    return "".join(lines)


def map_label(entry: Entry) -> str:
    """The name a point carries: the English name without its bracketed alternatives."""
    return entry.label.split(" (")[0]


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _inside(a: Box, b: Box) -> bool:
    return b[0] <= a[0] and b[1] <= a[1] and a[2] <= b[2] and a[3] <= b[3]


def label_box(x: float, baseline: float, anchor: str, text: str) -> Box:
    """The box a label's text covers (estimated from its length), by where it is anchored."""
    width = len(text) * FONT * CHAR
    left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
    return (left, baseline - FONT * .8, left + width, baseline + FONT * .25)


def place_labels(points: list[Point], panel: Panel, keep_out: list[Box]) -> None:
    """Greedy: the most-named places first, each label right, left, above or below its point (then
    at its corners) where it covers no other label, point or the inset; a label that fits nowhere
    shows on hover and focus only."""
    def dot(p: Point) -> Box:
        return (p.x - RADIUS, p.y - RADIUS, p.x + RADIUS, p.y + RADIUS)

    taken = list(keep_out) + [dot(p) for p in points]
    gap, rise = RADIUS + 2, FONT * .3  # rise: from a text's middle to its baseline
    for point in sorted(points, key=lambda p: (-p.mentions, p.label)):
        x, y = point.x, point.y
        options = (  # (text x, baseline, anchor)
            (x + gap, y + rise, "start"), (x - gap, y + rise, "end"),
            (x, y - gap - FONT * .25, "middle"), (x, y + gap + FONT * .8, "middle"),
            (x + RADIUS, y - RADIUS - FONT * .25, "start"), (x - RADIUS, y - RADIUS - FONT * .25, "end"),
            (x + RADIUS, y + RADIUS + FONT * .8, "start"), (x - RADIUS, y + RADIUS + FONT * .8, "end"),
        )
        own = dot(point)
        for lx, ly, anchor in options:
            box = label_box(lx, ly, anchor, point.label)
            if _inside(box, panel.box) and not any(_overlaps(box, t) for t in taken if t != own):
                point.label_x, point.label_y, point.anchor, point.shown = lx, ly, anchor, True
                taken.append(box)
                break
        else:  # shown on hover and focus, to the right (or left, near the panel's right edge)
            right = label_box(x + gap, y + rise, "start", point.label)[2] <= panel.box[2]
            point.label_x, point.label_y = (x + gap if right else x - gap), y + rise
            point.anchor = "start" if right else "end"


@dataclass
class PlaceMap:
    panels: list[Panel]
    width: float
    height: float
    mapped: list[Point]  # every place on the map, in index order
    outside: list[Entry]  # places with coordinates outside both panels (listed, not drawn)
    unplaced: list[Entry]  # places (settlements, buildings) whose position the register does not give
    areas: list[Entry]  # polities, countries, regions, seas and rivers without a point
    radius: float = RADIUS  # a point's, and (twice it) the radius that takes a pointer's hover


def build_map(site: Site) -> PlaceMap:
    outline = json.loads(site.edition.data[OUTLINE])
    main, west = drawn = panels()
    places = sorted((e for e in site.edition.registry.values() if e.prefix == "place"), key=sort_key)
    mapped, outside, unplaced, areas = [], [], [], []
    for entry in places:
        if entry.coordinates is None:
            (areas if entry.type in AREA_TYPES else unplaced).append(entry)
            continue
        lat, lon = entry.coordinates
        panel = next((p for p in drawn if p.extent.holds(lat, lon) and
                      (p is west or not _inside_box(p.project(lat, lon), west.box))), None)
        if panel is None:
            outside.append(entry)
            continue
        x, y = panel.project(lat, lon)
        point = Point(entry, x, y, map_label(entry), len(site.index.of(entry.key)), panel.name)
        panel.points.append(point)
        mapped.append(point)
    for panel in drawn:
        panel.land = _land(panel, outline)
        panel.graticule = _graticule(panel)
        place_labels(panel.points, panel, [west.box] if panel is main else [])
    return PlaceMap(drawn, main.width, main.height, mapped, outside, unplaced, areas)


def _inside_box(xy: tuple[float, float], box: Box) -> bool:
    return box[0] <= xy[0] <= box[2] and box[1] <= xy[1] <= box[3]


def pages(site: Site) -> Iterator[tuple[str, bytes]]:
    yield MAP_PAGE, site.renderer.page("map.html", MAP_PAGE, map=build_map(site))
