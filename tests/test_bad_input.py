"""Bad input is refused with file, line, rule id and a non-zero exit; the previous site stays."""
from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, TEXT, line_of, make_transformer, tree_digest
from edition.cli import main


def _build(project, capsys) -> tuple[int, str]:
    status = main(["--root", str(project.root), "build", "--out", str(project.root / "build")])
    return status, capsys.readouterr().err


@pytest.fixture
def previous(scratch, built_site) -> dict[str, str]:
    """The previous site in scratch's output folder, as digests: the edition built from the same sources
    (the session's build, copied: building it again in every test took 10 s each)."""
    shutil.copytree(built_site, scratch.root / "build")
    return tree_digest(scratch.root / "build")


def _replace(project, old: str, new: str, count: int = 1) -> None:
    path = project.root / TEXT
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


CASES = {
    # name: (old, new, rule, the text on the line the problem must point to)
    "malformed": ('<s xml:id="historymaps-p3-s1">', '<s xml:id="historymaps-p3-s1"><oops>', "xml-syntax",
                  'xml:id="historymaps-p3-s1"'),
    "unknown-ref": ('ref="person:lenin">ولادیمیر', 'ref="person:lenine">ولادیمیر', "ref-unknown",
                    'ref="person:lenine"'),
    "dangling-corresp": ('corresp="#historymaps-p3-s2"', 'corresp="#historymaps-p3-s9"', "corresp-dangling",
                         'corresp="#historymaps-p3-s9"'),
    "duplicate-id": ('<s xml:id="historymaps-p3-s2">', '<s xml:id="historymaps-p3-s1">', "id-duplicate",
                     None),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_text_is_refused_and_previous_build_kept(scratch, previous, capsys, case):
    old, new, rule, line_text = CASES[case]
    before = previous

    _replace(scratch, old, new)
    status, err = _build(scratch, capsys)

    assert status == 1
    assert f"[{rule}]" in err
    path = scratch.root / TEXT
    expected_line = line_of(path, line_text if line_text else new)
    assert f"{TEXT}:{expected_line}:" in err, err
    assert "Nothing was written to" in err
    assert tree_digest(scratch.root / "build") == before


def test_doctype_with_external_entity_is_refused_and_not_fetched(scratch, previous, capsys, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT", encoding="utf-8")
    before = previous

    path = scratch.root / TEXT
    text = path.read_text(encoding="utf-8")
    doctype = f'<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n'
    path.write_text(text.replace("<TEI ", doctype + "<TEI ", 1).replace("The first aim", "&xxe; The first aim"),
                    encoding="utf-8")
    status, err = _build(scratch, capsys)

    assert status == 1
    assert f"{TEXT}:2:1: error [doctype-forbidden]" in err
    assert "SECRET-CONTENT" not in err
    assert tree_digest(scratch.root / "build") == before
    assert "SECRET-CONTENT" not in "".join(p.read_text(errors="ignore") for p in (scratch.root / "build").rglob("*.html"))


def test_validate_reports_and_exits_1_without_writing(scratch, capsys):
    _replace(scratch, 'ref="place:kars">کارس', 'ref="place:karss">کارس')
    status = main(["--root", str(scratch.root), "validate"])
    err = capsys.readouterr().err
    assert status == 1
    assert "[ref-unknown]" in err and "did you mean place:kars?" in err
    assert not (scratch.root / "build").exists()


def test_usage_error_exits_2(tmp_path, capsys):
    assert main(["--root", str(tmp_path), "validate"]) == 2
    assert "has no tei/ folder" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2


# --- whole-file bad inputs: each is refused with file (and line), exit 1, the previous site unchanged ---

BOMB = """<?xml version="1.0"?>
<!DOCTYPE TEI [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="historymaps"><teiHeader/><text><body><p>&lol9;</p></body></text></TEI>
"""


def _entity_bomb(project):
    (project.root / TEXT).write_text(BOMB, encoding="utf-8")


def _not_utf8(project):
    path = project.root / TEXT
    data = path.read_bytes().replace("Bolshevik support".encode(), "Bolshevik s\u00fcpport".encode("latin-1"), 1)
    path.write_bytes(data)


def _empty(project):
    (project.root / TEXT).write_bytes(b"")


def _not_tei(project):
    (project.root / TEXT).write_text('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>\n',
                                     encoding="utf-8")


def _register_missing(project):
    (project.registers_dir / "persons.xml").unlink()


def _register_unreadable(project):
    # Tests run as root here, for whom no permission bit makes a file unreadable;
    # a folder in the file's place cannot be read as a file by anyone.
    (project.registers_dir / "persons.xml").unlink()
    (project.registers_dir / "persons.xml").mkdir()


def _no_translation(project):
    path = project.root / TEXT
    text = path.read_text(encoding="utf-8")
    start = text.index('      <text type="translation"')
    end = text.index("</text>", start) + len("</text>\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")


def _ptr_javascript(project):
    path = project.root / TEXT
    path.write_text(path.read_text(encoding="utf-8").replace(
        '<ptr target="https://history-maps.com/ur/', '<ptr target="javascript:alert(1)//', 1), encoding="utf-8")


def _licence_javascript(project):
    path = project.root / TEXT
    path.write_text(path.read_text(encoding="utf-8").replace(
        '<licence target="https://creativecommons.org/licenses/by/4.0/">',
        '<licence target="javascript:alert(document.cookie)">', 1), encoding="utf-8")


def _ref_absolute_url(project):
    path = project.root / TEXT
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Obtaining Bolshevik support", '<ref target="https://evil.example/">x</ref> Obtaining Bolshevik support', 1),
        encoding="utf-8")


FILE_CASES = {
    # name: (how to break the copy, rule, where: (file, text on the reported line | line number | None))
    "entity-expansion-bomb": (_entity_bomb, "doctype-forbidden", (TEXT, 2)),
    "not-utf8": (_not_utf8, "encoding", (TEXT, line_of(ROOT / TEXT, "Bolshevik support"))),
    "empty-file": (_empty, "xml-syntax", (TEXT, 1)),
    "root-not-tei": (_not_tei, "root-not-tei", (TEXT, 2)),
    "register-missing": (_register_missing, "file-unreadable", ("tei/registers/persons.xml", None)),
    "register-unreadable": (_register_unreadable, "file-unreadable", ("tei/registers/persons.xml", None)),
    "no-translation": (_no_translation, "translation-missing", (TEXT, "<group>")),
    "ptr-javascript": (_ptr_javascript, "url-form", (TEXT, "javascript:alert(1)")),
    "licence-javascript": (_licence_javascript, "url-form", (TEXT, "javascript:alert(document.cookie)")),
    "ref-absolute-url": (_ref_absolute_url, "ref-target", (TEXT, "https://evil.example/")),
}


@pytest.mark.parametrize("case", sorted(FILE_CASES))
def test_bad_file_is_refused_and_previous_build_kept(scratch, previous, capsys, case):
    breaker, rule, (shown, where) = FILE_CASES[case]
    before = previous

    breaker(scratch)
    status, err = _build(scratch, capsys)

    assert status == 1
    if isinstance(where, str):
        where = line_of(scratch.root / shown, where)
    location = f"{shown}:{where}:" if where is not None else f"{shown}:"
    assert any(line.startswith(location) and f"[{rule}]" in line for line in err.splitlines()), err
    assert "Nothing was written to" in err
    assert tree_digest(scratch.root / "build") == before
    if case == "register-unreadable":
        assert "Is a directory" in err


def test_utf8_bom_is_accepted(scratch, built_site, capsys):
    """A text that begins with a byte order mark is read as without it: the site is the session's build
    (the TEI downloads aside, which keep the mark)."""
    pages = {k: v for k, v in tree_digest(built_site).items() if not k.startswith("tei/")}
    path = scratch.root / TEXT
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    status, err = _build(scratch, capsys)
    assert status == 0, err
    assert {k: v for k, v in tree_digest(scratch.root / "build").items() if not k.startswith("tei/")} == pages


def test_a_javascript_target_never_becomes_an_href(project, tmp_path):
    """Even if validation were bypassed, the transformer and the pages emit no such link."""
    from lxml import etree

    from edition.metadata import text_meta
    from edition.sources import Document, load_corpus, secure_parser

    source = (project.root / TEXT).read_text(encoding="utf-8")
    source = source.replace("Obtaining Bolshevik support",
                            '<ref target="javascript:alert(1)">a</ref> <ref target="https://evil.example/#x">b</ref> '
                            '<persName ref="javascript:alert(2)">c</persName> Obtaining Bolshevik support', 1)
    source = source.replace('<licence target="https://creativecommons.org/', '<licence target="javascript:alert(3)//', 1)
    path = tmp_path / "historymaps.xml"
    path.write_text(source, encoding="utf-8")
    doc = Document(path, etree.parse(str(path), secure_parser()))
    fragment, _ = make_transformer(project).transform(doc, "historymaps")
    hrefs = fragment.root.xpath("//@href")
    assert hrefs and not [h for h in hrefs if "javascript" in h.split("#")[0] or "evil" in h]
    corpus, _ = load_corpus(project)
    assert text_meta(corpus, doc).licence.url == ""


def test_output_folder_that_is_not_a_site_is_not_replaced(scratch, capsys):
    keep = scratch.root / "notes"
    keep.mkdir()
    (keep / "mine.txt").write_text("precious", encoding="utf-8")
    status = main(["--root", str(scratch.root), "build", "--out", str(keep)])
    err = capsys.readouterr().err
    assert status == 1 and "[output-not-a-site]" in err and str(keep) in err
    assert (keep / "mine.txt").read_text(encoding="utf-8") == "precious"
    status = main(["--root", str(scratch.root), "build", "--out", str(scratch.root)])
    assert status == 1 and "[output-not-a-site]" in capsys.readouterr().err
    assert (scratch.root / "tei").is_dir()


def test_output_folder_that_cannot_be_written(scratch, previous, capsys):
    before = previous
    blocker = scratch.root / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    status = main(["--root", str(scratch.root), "build", "--out", str(blocker / "build")])
    err = capsys.readouterr().err
    assert status == 1 and "[output-unwritable]" in err and str(blocker) in err
    assert "Nothing was written to" in err
    assert tree_digest(scratch.root / "build") == before


# Every attribute TEI types as a URI, anywhere in any TEI file of the edition, gives an allowed
# scheme: http(s), a register entry, or a prefix the file declares (rule url-scheme).
SCHEME_CASES = {
    # name: (file, text replaced, replacement, the token reported)
    "header-licence-facs": (TEXT, '<licence target="https://creativecommons.org/licenses/by/4.0/">',
                            '<licence target="https://creativecommons.org/licenses/by/4.0/" facs="file:///etc/passwd">',
                            "file:///etc/passwd"),
    "root-xml-base": (TEXT, '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="historymaps"',
                      '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:base="file:///etc/" xml:id="historymaps"',
                      "file:///etc/"),
    "register-sameas": ("tei/registers/places.xml", '<place xml:id="kars" type="settlement">',
                        '<place xml:id="kars" type="settlement" sameAs="data:text/html,x">', "data:text/html,x"),
    "text-ref": (TEXT, '<placeName ref="place:kars">', '<placeName ref="javascript:void(0)">', "javascript:void(0)"),
    "undeclared-prefix": (TEXT, '<placeName ref="place:kars">', '<placeName ref="page:kars">', "page:kars"),
}


@pytest.mark.parametrize("case", sorted(SCHEME_CASES))
def test_every_uri_attribute_of_every_tei_file_has_an_allowed_scheme(scratch, case):
    from edition.build import check

    shown, old, new, token = SCHEME_CASES[case]
    path = scratch.root / shown
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    found = [p for p in check(scratch) if p.rule == "url-scheme"]
    assert len(found) == 1, found
    line = line_of(path, token)
    assert (found[0].path, found[0].line, found[0].severity) == (shown, line, "error")
    assert path.read_text(encoding="utf-8").splitlines()[line - 1][found[0].col - 1:].startswith(token)
    assert f'="{token}">' in found[0].message and "declare the prefix" in found[0].hint


def test_the_uri_attributes_are_those_tei_all_types_as_uris():
    """model.URI_ATTRIBUTES is the list of attributes tei_all.rng gives the type anyURI."""
    from lxml import etree

    from edition import conformance
    from edition.model import URI_ATTRIBUTES

    grammar = conformance.locate()
    if grammar is None:
        pytest.skip("tei_all.rng is not installed")
    rng = "{http://relaxng.org/ns/structure/1.0}"
    found = set()
    for attribute in etree.parse(str(grammar), etree.XMLParser(resolve_entities=False, no_network=True)).iter(f"{rng}attribute"):
        if any(data.get("type") == "anyURI" for data in attribute.iter(f"{rng}data")):
            name = attribute.get("name") or attribute.findtext(f"{rng}name")
            found.add(name.replace("xml:", "{http://www.w3.org/XML/1998/namespace}"))
    assert found == URI_ATTRIBUTES


def test_a_prefix_whose_register_is_a_url_is_never_read_and_is_reported(scratch):
    """ref-unknown looks references up in the registers as read; a prefixDef that names a URL (or
    anything but '<relative path>#$1') is reported, and nothing is fetched."""
    from edition.build import check

    path = scratch.root / TEXT
    old = 'replacementPattern="../registers/places.xml#$1"'
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, 'replacementPattern="https://evil.example/places.xml#$1"', 1), encoding="utf-8")
    found = [p for p in check(scratch) if p.rule == "ref-unknown"]
    assert found and all(p.path == TEXT for p in found)
    assert 'its register cannot be read: the prefixDef "place" has replacementPattern="https://evil.example/places.xml#$1"' \
        in found[0].message
    assert found[0].message.endswith('Correct the replacementPattern of the prefixDef "place" in listPrefixDef.')
    # at the line of the first element that names a place
    assert found[0].line == line_of(path, 'ref="place:')
