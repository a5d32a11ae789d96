"""Vendor the map's outline: Natural Earth's land, 1:50m, clipped to the edition's region.

The map (compare/map.html, edition/outputs/map.py) is drawn at build time from
edition/data/natural-earth-50m-land.json, a GeoJSON MultiPolygon made by this script from the
npm package world-atlas 2.0.2 (Natural Earth 4.1.0 as TopoJSON; the data are in the public
domain, the package's own files are ISC-licensed). Nothing is fetched at build or read time:
run this script by hand only to remake the file, e.g. to widen the extent.

    cd /tmp && npm pack world-atlas@2.0.2        # world-atlas-2.0.2.tgz, sha256 below
    .venv/bin/python tools/vendor_natural_earth.py /tmp/world-atlas-2.0.2.tgz

The land polygons are decoded from the TopoJSON, clipped to EXTENT (Sutherland–Hodgman, one
ring at a time, with the map's own `clip_ring`: the map fills them even-odd), simplified
(Douglas–Peucker, TOLERANCE degrees) and rounded to two decimals (about 1 km, below a pixel at the map's scale).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from edition.outputs.map import clip_ring  # noqa: E402 - the map clips its panels the same way

OUT = ROOT / "edition" / "data" / "natural-earth-50m-land.json"
SOURCE = "world-atlas-2.0.2.tgz"
SOURCE_SHA256 = "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97"
MEMBER = "package/land-50m.json"
EXTENT = (-12.0, 30.0, 82.0, 64.0)  # west, south, east, north (degrees): the map's panels and a margin
TOLERANCE = 0.02  # degrees
DIGITS = 2


def read_topology(path: Path) -> dict:
    data = path.read_bytes()
    if path.suffix == ".tgz":
        digest = hashlib.sha256(data).hexdigest()
        if digest != SOURCE_SHA256:
            raise SystemExit(f"{path}: sha256 {digest}, expected {SOURCE_SHA256} ({SOURCE})")
        with tarfile.open(path) as archive:
            member = archive.extractfile(MEMBER)
            if member is None:
                raise SystemExit(f"{path}: no {MEMBER}")
            data = member.read()
    return json.loads(data)


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The arcs in degrees: a quantized topology's arcs are delta-encoded integers."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:
                x, y = x + dx, y + dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [tuple(p[:2]) for p in arc]
        arcs.append(points)
    return arcs


def ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def polygons(topology: dict) -> list[list[list[tuple[float, float]]]]:
    arcs = decode_arcs(topology)
    found = []

    def geometry(geom: dict) -> None:
        if geom["type"] == "GeometryCollection":
            for child in geom["geometries"]:
                geometry(child)
        elif geom["type"] == "Polygon":
            found.append([ring(arcs, r) for r in geom["arcs"]])
        elif geom["type"] == "MultiPolygon":
            found.extend([ring(arcs, r) for r in polygon] for polygon in geom["arcs"])

    geometry(topology["objects"]["land"])
    return found


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker, iterative; the ends are kept."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = (dx * dx + dy * dy) ** 0.5
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            distance = (abs(dy * (px - ax) - dx * (py - ay)) / length if length
                        else ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5)
            if distance > worst:
                worst, index = distance, i
        if worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep) if k]


def tidy(points: list[tuple[float, float]]) -> list[list[float]]:
    """Rounded, without repeated points; [] for a ring too small to draw."""
    out: list[list[float]] = []
    for x, y in points:
        point = [round(x, DIGITS), round(y, DIGITS)]
        if not out or point != out[-1]:
            out.append(point)
    return out if len(out) >= 4 else []


def outline(topology: dict) -> dict:
    multipolygon = []
    for polygon in polygons(topology):
        rings = [tidy(simplify(clip_ring(r, EXTENT), TOLERANCE)) for r in polygon]
        if rings and rings[0]:
            multipolygon.append([r for r in rings if r])
    return {
        "type": "Feature",
        "properties": {
            "name": "Land",
            "source": "Natural Earth 1:50m land, version 4.1.0, as redistributed in the npm package "
                      "world-atlas 2.0.2 (land-50m.json); made with Natural Earth, free vector and raster map "
                      "data at naturalearthdata.com (public domain)",
            "made_by": "tools/vendor_natural_earth.py",
            "extent": list(EXTENT),
            "simplified": f"Douglas–Peucker, {TOLERANCE} degrees; coordinates rounded to {DIGITS} decimals",
        },
        "geometry": {"type": "MultiPolygon", "coordinates": multipolygon},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help=f"{SOURCE} (npm pack world-atlas@2.0.2) or its land-50m.json")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    feature = outline(read_topology(args.source))
    args.out.write_text(json.dumps(feature, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    points = sum(len(r) for p in feature["geometry"]["coordinates"] for r in p)
    print(f"{args.out}: {len(feature['geometry']['coordinates'])} polygons, {points} points, "
          f"{args.out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
