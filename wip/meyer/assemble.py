"""Assemble tei/texts/meyer-lozan.xml from the part fragments (one-off; run from /work/main)."""
import re
from pathlib import Path
from lxml import etree

NS = "http://www.tei-c.org/ns/1.0"
T = "{%s}" % NS
XID = "{http://www.w3.org/XML/1998/namespace}id"
HERE = Path("wip/meyer")
parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True)


def fragment(name):
    return etree.parse(str(HERE / name), parser).getroot()


def build_text(kind, lang, suffix):
    text = etree.Element(T + "text", type=kind)
    text.set("{http://www.w3.org/XML/1998/namespace}lang", lang)
    text.set(XID, "meyer-lozan-" + ("tr" if kind == "original" else "en"))
    a = fragment(f"A-{suffix}.xml")
    front = a.find(T + "front")
    text.append(front)
    body = etree.SubElement(text, T + "body")
    div = etree.SubElement(body, T + "div", type="section")
    div.set(XID, "meyer-lozan-d1" + ("" if kind == "original" else "-en"))
    if kind != "original":
        div.set("corresp", "#meyer-lozan-d1")
    div.text = "\n"
    for part in "ABCDEF":
        root = a if part == "A" else fragment(f"{part}-{suffix}.xml")
        for child in root:
            if child.tag == T + "front":
                continue
            child.tail = "\n"
            div.append(child)
    return text


def renumber(tei):
    """tn-x1, e-x1 … from the parts -> tnN, eN in document order; references follow."""
    mapping = {}
    counters = {"tn": 0, "e": 0}
    for el in tei.iter(T + "note"):
        old = el.get(XID) or ""
        m = re.fullmatch(r"meyer-lozan-(tn|e)-[a-f]\d+[a-z]?", old)
        if m:
            counters[m.group(1)] += 1
            mapping[old] = f"meyer-lozan-{m.group(1)}{counters[m.group(1)]}"
            el.set(XID, mapping[old])
    for el in tei.iter():
        for attr in ("target", "corresp"):
            v = el.get(attr)
            if v and "#" in v:
                el.set(attr, " ".join(
                    "#" + mapping.get(t[1:], t[1:]) if t.startswith("#") else t for t in v.split()))
    return counters


header = etree.fromstring(f'<x xmlns="{NS}">' + (HERE / "header.xml").read_text(encoding="utf-8") + "</x>", parser)[0]
tei = etree.Element(T + "TEI", nsmap={None: NS})
tei.set(XID, "meyer-lozan")
tei.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
tei.text = "\n  "
tei.append(header)
header.tail = "\n  "
outer = etree.SubElement(tei, T + "text")
group = etree.SubElement(outer, T + "group")
group.append(build_text("original", "tr", "original"))
group.append(build_text("translation", "en", "translation"))
def place_loose_footnotes(tei):
    """A footnote printed on the page after its call's page may come in the next part's
    fragment, outside any paragraph: put it after its call (original) or at the end of the
    sentence that translates the call's sentence (translation)."""
    original, translation = group[0], group[1]
    for note in list(original.iter(T + "note")):
        if note.getparent().tag != T + "div":
            continue
        anchor = original.xpath("//*[@type='noteAnchor'][@target=$t]", t="#" + note.get(XID))[0]
        note.tail = anchor.tail
        anchor.tail = None
        anchor.addnext(note)
        sentence = anchor.xpath("ancestor::*[local-name()='s'][1]")[0].get(XID)
        counterpart = translation.xpath("//*[@corresp=$c]", c="#" + note.get(XID))[0]
        target = translation.xpath("//*[local-name()='s'][contains(concat(' ', @corresp, ' '), $c)]",
                                   c="#" + sentence + " ")[0]
        counterpart.tail = None
        target.append(counterpart)


place_loose_footnotes(tei)
counters = renumber(tei)
out = Path("tei/texts/meyer-lozan.xml")
out.write_bytes(etree.tostring(tei, xml_declaration=True, encoding="UTF-8") + b"\n")
print("written", out, counters)
