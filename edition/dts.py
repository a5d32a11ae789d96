"""Distributed Text Services 1.0 (https://dtsapi.org/versions/v1.0), read statically from the TEI.

A text's citation tree is what its header declares: `refsDecl/citeStructure` (TEI P5), whose
`@match` (XPath, as the TEI Guidelines say: absolute on the outer citeStructure, relative to the
parent's unit below it; names without a prefix are TEI's) finds the citable units and whose `@use`
gives each unit's identifier. Every unit of this edition has an xml:id, and its DTS identifier
(`ref`) is that id alone: ids are unique in the file, so the unit needs no path of its parents to
be found (a TEI processor that joins the parents' references with `@delim` gets the same unit
named by its ancestry). The same ids are the fragments of the text's page (¶3 is #<siglum>-p3).

The objects below are the JSON-LD of the DTS responses (entry point, Collection, Resource,
Navigation, CitableUnit) and the TEI of the Document endpoint; edition/outputs/dts.py writes
them at the expansions of the URI templates in edition/model.py.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

import elementpath
from elementpath.xpath30 import XPath30Parser
from lxml import etree

from .model import Text

TEI_NS = "http://www.tei-c.org/ns/1.0"
DTS_NS = "https://w3id.org/api/dts#"  # the namespace of <dts:wrapper>, as DTS 1.0 gives it
CONTEXT = "https://dtsapi.org/context/v1.0.json"
VERSION = "1.0"
_NS = {"tei": TEI_NS}


@dataclass
class CiteStructure:
    """One citeStructure of the header: its unit (citeType), its XPath and its children."""

    unit: str
    match: str
    use: str
    children: list[CiteStructure] = field(default_factory=list)

    def as_json(self) -> dict:
        found: dict = {"@type": "CiteStructure", "citeType": self.unit}
        if self.children:
            found["citeStructure"] = [child.as_json() for child in self.children]
        return found


@dataclass
class Unit:
    """A citable unit: its identifier (an xml:id), its depth, its parent's identifier, its type, its element."""

    identifier: str
    level: int
    parent: str | None
    cite_type: str
    element: etree._Element = field(repr=False)

    def as_json(self) -> dict:
        return {"identifier": self.identifier, "@type": "CitableUnit", "level": self.level, "parent": self.parent,
                "citeType": self.cite_type}


def cite_structures(tree: etree._ElementTree) -> list[CiteStructure]:
    """The citation tree a TEI file declares (its first refsDecl with citeStructure); [] if none."""

    def read(element: etree._Element) -> CiteStructure:
        return CiteStructure(element.get("unit", ""), element.get("match", ""), element.get("use", ""),
                             [read(child) for child in element.xpath("tei:citeStructure", namespaces=_NS)])

    decls = tree.xpath("/tei:TEI/tei:teiHeader/tei:encodingDesc/tei:refsDecl[tei:citeStructure][1]", namespaces=_NS)
    return [read(element) for element in decls[0].xpath("tei:citeStructure", namespaces=_NS)] if decls else []


# An XPath 1.0 name test in a citeStructure expression: a name after an axis (parent::sp), a slash
# (/TEI, .//s) or at the start, not a function (not(…)) and not an attribute (@xml:id)
_NAME_TEST = re.compile(r"(?:(?<=::)|(?<=/)|(?<=\[)|(?<=\()|(?<=^))([A-Za-z_][\w.-]*)(?![\w.:-]*\s*\()(?![\w.-]*::)")


def _lxml_xpath(expression: str) -> etree.XPath | None:
    """The expression as lxml's XPath 1.0 (in C), its unprefixed names put in TEI's namespace, when it is
    XPath 1.0 at all (lxml compiles it); None otherwise (elementpath's XPath 3.0 then evaluates it)."""
    try:
        return etree.XPath(_NAME_TEST.sub(r"tei:\1", expression), namespaces=_NS)
    except etree.XPathSyntaxError:
        return None


def units(tree: etree._ElementTree, structures: list[CiteStructure], xpath3: bool = False) -> list[Unit]:
    """Every citable unit, in document order of the citation tree (pre-order, depth first).

    An expression that is XPath 1.0 is evaluated by lxml (in C: a hundred times faster on a long
    text); any other by elementpath's XPath 3.0, as the Guidelines allow. `xpath3`: elementpath for
    all (a test compares the two)."""
    parser = XPath30Parser(namespaces={"": TEI_NS}, default_namespace=TEI_NS)
    context: elementpath.XPathContext | None = None
    compiled: dict[str, object] = {}

    def evaluate(expression: str, item: etree._Element | etree._ElementTree) -> list:
        """The expression's result at an element, or at the document (the outermost citeStructure)."""
        if expression not in compiled:
            compiled[expression] = (None if xpath3 else _lxml_xpath(expression)) or parser.parse(expression)
        found = compiled[expression]
        if isinstance(found, etree.XPath):
            result = found(item)
            return result if isinstance(result, list) else [result]
        nonlocal context
        if context is None:
            context = elementpath.XPathContext(tree)
        context.item = context.root if item is tree else context.root.get_element_node(item)
        result = found.evaluate(context)
        return [getattr(node, "obj", node) for node in (result if isinstance(result, list) else [result])]

    def identifier(structure: CiteStructure, element: etree._Element) -> str:
        return " ".join(str(getattr(value, "value", value)) for value in evaluate(structure.use, element))

    def children(element: etree._Element | etree._ElementTree, level: int, parent: str | None,
                 structures: list[CiteStructure]) -> list[Unit]:
        found: list[tuple[Unit, CiteStructure]] = []
        for structure in structures:
            found += [(Unit(identifier(structure, node), level, parent, structure.unit, node), structure)
                      for node in evaluate(structure.match, element)]
        found.sort(key=lambda entry: order[entry[0].element])
        result: list[Unit] = []
        for unit, structure in found:
            result.append(unit)
            result += children(unit.element, level + 1, unit.identifier, structure.children)
        return result

    order = {element: number for number, element in enumerate(tree.iter())}
    return children(tree, 1, None, structures)


# -- the JSON-LD objects --------------------------------------------------------------------------

def dublin_core(text: Text) -> dict:
    meta = text.meta
    return {"title": [{"lang": meta.original_lang, "value": meta.title_original},
                      {"lang": "en", "value": meta.title_english}],
            "creator": [meta.author], "language": list(dict.fromkeys([meta.original_lang, "en"])),
            "description": [{"lang": "en", "value": meta.subtitle}]}


def whole(tree: etree._ElementTree) -> bytes:
    """The Document endpoint's answer for a whole Resource: its TEI, serialised from the parsed tree."""
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n"


def fragment(element: etree._Element, ref: str) -> bytes:
    """The Document endpoint's answer for one unit: <TEI><dts:wrapper>the unit</dts:wrapper></TEI>."""
    root = etree.Element(f"{{{TEI_NS}}}TEI", nsmap={None: TEI_NS, "dts": DTS_NS})
    # the wrapper's ref: an XPath that finds the unit in the whole TEI (DTS 1.0, Document endpoint)
    wrapper = etree.SubElement(root, f"{{{DTS_NS}}}wrapper", ref=f"//*[@xml:id='{ref}']")
    unit = copy.deepcopy(element)
    unit.tail = None
    wrapper.append(unit)
    etree.cleanup_namespaces(root, top_nsmap={None: TEI_NS, "dts": DTS_NS})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"
