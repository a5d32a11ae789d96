"""Bad input is refused with file, line, rule id and a non-zero exit; the previous site stays."""
from __future__ import annotations

import pytest

from conftest import TEXT, line_of, tree_digest
from edition.cli import main


def _build(project, capsys) -> tuple[int, str]:
    status = main(["--root", str(project.root), "build", "--out", str(project.root / "build")])
    return status, capsys.readouterr().err


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
def test_bad_text_is_refused_and_previous_build_kept(scratch, capsys, case):
    old, new, rule, line_text = CASES[case]
    status, err = _build(scratch, capsys)
    assert status == 0, err
    before = tree_digest(scratch.root / "build")

    _replace(scratch, old, new)
    status, err = _build(scratch, capsys)

    assert status == 1
    assert f"[{rule}]" in err
    path = scratch.root / TEXT
    expected_line = line_of(path, line_text if line_text else new)
    assert f"{TEXT}:{expected_line}:" in err, err
    assert "Nothing was written to" in err
    assert tree_digest(scratch.root / "build") == before


def test_doctype_with_external_entity_is_refused_and_not_fetched(scratch, capsys, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT", encoding="utf-8")
    status, err = _build(scratch, capsys)
    assert status == 0, err
    before = tree_digest(scratch.root / "build")

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
