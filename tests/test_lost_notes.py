"""Footnotes whose text the transcription lost are present, empty, and explained."""
from lxml import etree

from edition.sources import TEI_NS, XML_NS

NS = {"t": TEI_NS}
XML_ID = f"{{{XML_NS}}}id"


def test_meyer_lozan_lost_notes_are_empty_gaps_with_an_editorial_note(project):
    tree = etree.parse(str(project.texts_dir / "meyer-lozan.xml"))
    for n in ("1", "43", "44", "45"):
        note = tree.xpath("//t:text[@type='original']//t:note[@place='foot'][@n=$n]", namespaces=NS, n=n)[0]
        assert "".join(note.itertext()).strip() == "" and note.find("t:gap", NS).get("reason") == "lost"
        translated = tree.xpath("//t:note[@corresp=$c]", namespaces=NS, c="#" + note.get(XML_ID))[0]
        explained = translated.xpath("following-sibling::t:note[@type='editorial'] | .//t:note[@type='editorial']",
                                     namespaces=NS)
        assert any("lost" in "".join(e.itertext()) or "missing" in "".join(e.itertext()) for e in explained), n


def test_meyer_lozan_footnotes_are_numbered_1_to_45_in_order(project):
    tree = etree.parse(str(project.texts_dir / "meyer-lozan.xml"))
    numbers = tree.xpath("//t:text[@type='original']//t:note[@place='foot']/@n", namespaces=NS)
    assert numbers == ["*"] + [str(n) for n in range(1, 46)]
