"""Check one part's fragments: python wip/meyer/check_part.py X  (run from /work/main)."""
import sys
from pathlib import Path
from lxml import etree
sys.path.insert(0, ".")
from edition.fidelity import diplomatic_text, words

T = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
RANGES = {
    "A": [(1, 103), (113, 124)],
    "B": [(105, 111), (125, 191), (210, 212)],
    "C": [(193, 209), (213, 270)],
    "D": [(271, 336), (343, 346)],
    "E": [(337, 342), (347, 442)],
    "F": [(443, 552)],
}
PREFIX = {"person": "persons", "place": "places", "org": "organisations", "event": "events", "bibl": "bibliography"}
part = sys.argv[1].upper()
here = Path("wip/meyer")
parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
problems = []
orig = etree.parse(str(here / f"{part}-original.xml"), parser).getroot()
tran = etree.parse(str(here / f"{part}-translation.xml"), parser).getroot()
ids = {}
for root in (orig, tran):
    for el in root.iter():
        i = el.get(XML_ID)
        if i:
            if not i.startswith("meyer-lozan-"):
                problems.append(f"id {i} does not start with meyer-lozan-")
            if i in ids:
                problems.append(f"duplicate id {i}")
            ids[i] = el
english = {id(e) for d in orig.iter(T + "div") if d.get("{http://www.w3.org/XML/1998/namespace}lang") == "en" for e in d.iter()}
need = [T + n for n in ("p", "s", "head", "quote", "ab", "item")]
for el in orig.iter():
    if id(el) in english or not isinstance(el.tag, str):
        continue
    if el.tag in need or (el.tag == T + "note" and el.get("place") == "foot"):
        if el.tag == T + "quote" and el.getparent().tag != T + "div":
            continue
        i = el.get(XML_ID)
        if not i:
            problems.append(f"original {el.tag[len(T):]} without xml:id: {(''.join(el.itertext()))[:60]!r}")
        elif not tran.xpath("//*[@corresp=$c or contains(concat(' ', @corresp, ' '), concat(' ', $c, ' '))]", c="#" + i):
            problems.append(f"no counterpart in translation for {i}")
for el in tran.iter():
    c = el.get("corresp")
    if c and not c.startswith("bibl:"):
        for t in c.split():
            if t[1:] not in ids:
                problems.append(f"translation corresp {t} dangles")
    if el.tag in need and el.get(XML_ID) is None and el.tag != T + "quote":
        problems.append(f"translation {el.tag[len(T):]} without xml:id")
registers = {}
for prefix, name in PREFIX.items():
    reg = etree.parse(f"tei/registers/{name}.xml", parser)
    registers[prefix] = set(reg.xpath("//@xml:id"))
pending = set()
for root in (orig, tran):
    for el in root.iter():
        for attr in ("ref", "corresp"):
            v = el.get(attr)
            if not v or attr == "corresp" and not v.startswith("bibl:"):
                continue
            for r in v.split():
                p, _, k = r.partition(":")
                if p not in registers:
                    problems.append(f"bad ref {r}")
                elif k not in registers[p]:
                    pending.add(r)
        if el.tag == T + "ref" and el.get("target", "").startswith("#") and el.get("target")[1:] not in ids:
            pending.add("target " + el.get("target"))
lines = Path("wip/meyer/source.txt").read_text(encoding="utf-8").split("\n")
source = "\n".join("\n".join(lines[a - 1:b]) for a, b in RANGES[part])
enc, src = words(diplomatic_text(orig)), words(source)
missing, added = src - enc, enc - src
if missing:
    problems.append(f"fidelity: words of the transcription missing: {dict(missing)}")
if added:
    problems.append(f"fidelity: words added: {dict(added)}")
print("\n".join(problems) or "no problems")
if pending:
    print("refs/targets not (yet) resolvable here:", " ".join(sorted(pending)))
print(f"original: {len(orig.xpath('//t:s', namespaces={'t': T[1:-1]}))} sentences; translation: {len(tran.xpath('//t:s', namespaces={'t': T[1:-1]}))}")
