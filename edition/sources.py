"""Find the edition's files and parse them securely, keeping line numbers.

Every XML file of the edition goes through `parse_xml`: the bytes must be UTF-8
(a BOM is accepted), a DOCTYPE or entity declaration is refused before the
parser sees it, no entity is expanded and nothing is fetched from the network.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .model import REGISTER_KINDS
from .problems import ERROR, Problem, display_path

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NS = {"tei": TEI_NS}
_DECLARATION = re.compile(rb"<!(DOCTYPE|ENTITY)\b")


def plain_text(element: etree._Element | None) -> str:
    """An element's text with its whitespace squeezed, as pages and the index show it."""
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


@dataclass(frozen=True)
class Project:
    """Where everything lives; every path is derived from the project root."""

    root: Path

    @property
    def tei(self) -> Path:
        return self.root / "tei"

    @property
    def texts_dir(self) -> Path:
        return self.tei / "texts"

    @property
    def registers_dir(self) -> Path:
        return self.tei / "registers"

    @property
    def schema_dir(self) -> Path:
        return self.tei / "schema"

    @property
    def transcriptions_dir(self) -> Path:
        return self.tei / "transcriptions"

    @property
    def introduction_file(self) -> Path:
        """The edition's introduction (TEI prose, not a text): optional; without it there is no introduction page."""
        return self.tei / "introduction.xml"

    @property
    def xslt_dir(self) -> Path:
        return self.root / "xslt"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def config_file(self) -> Path:
        return self.root / "edition.toml"

    def text_files(self) -> list[Path]:
        return sorted(self.texts_dir.glob("*.xml"))

    def register_files(self) -> dict[str, Path]:
        return {kind.file: self.registers_dir / f"{kind.file}.xml" for kind in REGISTER_KINDS}

    def show(self, path: Path | str) -> str:
        return display_path(path, self.root)


@dataclass
class Document:
    """A parsed XML file and where it came from."""

    path: Path
    tree: etree._ElementTree
    data: bytes = b""  # the file as read: published byte for byte, never rewritten

    @property
    def root(self) -> etree._Element:
        return self.tree.getroot()


@dataclass
class Corpus:
    """Everything the later stages need, parsed once."""

    project: Project
    texts: list[Document] = field(default_factory=list)
    registers: dict[str, Document] = field(default_factory=dict)
    introduction: Document | None = None  # tei/introduction.xml, if the edition has one

    def siglum(self, doc: Document) -> str:
        return doc.root.get(f"{{{XML_NS}}}id") or doc.path.stem


# the toolkit's own data, shipped with the package (the map's outline: edition/data/natural-earth-50m-land.json)
DATA_DIR = Path(__file__).resolve().parent / "data"


def toolkit_data() -> dict[str, bytes]:
    """Every data file of the toolkit, by name, read once with the edition."""
    return {path.name: path.read_bytes() for path in sorted(DATA_DIR.glob("*.json"))}


def secure_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=False, remove_blank_text=False, collect_ids=True,
    )


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    col = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, col


def parse_xml(path: Path, project: Project) -> tuple[Document | None, list[Problem]]:
    """Parse one file; on any problem return None and say exactly what is wrong."""
    shown = project.show(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        return None, [Problem(shown, 0, 0, ERROR, "file-unreadable", f"cannot read the file: {err.strerror}",
                              "check that the file exists and that you may read it")]
    if not data.strip():
        return None, [Problem(shown, 1, 1, ERROR, "xml-syntax", "the file is empty",
                              "a TEI file starts with <TEI xmlns=\"http://www.tei-c.org/ns/1.0\">")]
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        line, col = _line_col(data, err.start)
        return None, [Problem(shown, line, col, ERROR, "encoding",
                              f"the file is not UTF-8 (byte 0x{data[err.start]:02x} cannot be decoded)",
                              "save the file as UTF-8")]
    declaration = _DECLARATION.search(data)
    if declaration:
        line, col = _line_col(data, declaration.start())
        kind = declaration.group(1).decode()
        return None, [Problem(shown, line, col, ERROR, "doctype-forbidden",
                              f"a <!{kind}> declaration is not allowed: the edition never reads DTDs or expands entities",
                              "remove the declaration; write characters directly in UTF-8 instead of entities")]
    try:
        tree = etree.fromstring(data, secure_parser(), base_url=path.resolve().as_uri()).getroottree()
    except etree.XMLSyntaxError as err:
        line, col = err.position if err.position else (0, 0)
        message = err.msg.split(", line ")[0] if err.msg else "not well-formed XML"
        rule = "id-duplicate" if "already defined" in (err.msg or "") else "xml-syntax"
        return None, [Problem(shown, line, col, ERROR, rule, message, "fix the XML so that it is well-formed")]
    return Document(path, tree, data), []


def load_corpus(project: Project) -> tuple[Corpus, list[Problem]]:
    """Parse every text and register; the problems say which could not be read."""
    corpus = Corpus(project)
    problems: list[Problem] = []
    if not project.text_files():
        problems.append(Problem(project.show(project.texts_dir), 0, 0, ERROR, "no-texts",
                                "no TEI texts found", "put one file per source in tei/texts/<siglum>.xml"))
    for path in project.text_files():
        doc, found = parse_xml(path, project)
        problems += found
        if doc is not None and _keep(doc, project, problems):
            corpus.texts.append(doc)
    for kind, path in project.register_files().items():
        doc, found = parse_xml(path, project)
        problems += found
        if doc is not None and _keep(doc, project, problems):
            corpus.registers[kind] = doc
    if project.introduction_file.is_file():
        doc, found = parse_xml(project.introduction_file, project)
        problems += found
        if doc is not None and _keep(doc, project, problems):
            corpus.introduction = doc
    return corpus, problems


def _keep(doc: Document, project: Project, problems: list[Problem]) -> bool:
    """Only TEI documents go on to the later stages; anything else is reported."""
    if doc.root.tag == f"{{{TEI_NS}}}TEI":
        return True
    problems.append(Problem(project.show(doc.path), doc.root.sourceline or 1, 1, ERROR, "root-not-tei",
                    f"the root element is <{etree.QName(doc.root).localname}> in namespace "
                    f"'{etree.QName(doc.root).namespace or ''}', not a TEI document",
                    'the root must be <TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="...">'))
    return False
