"""The rules that the per-rule mutations (test_rules.py) do not reach: the configuration, the
labels table, the project's folders and schemas, the page address, the alignment guard of the
build. Each is made to fire on a broken copy of the project, with its rule id; and every rule id
the code can report is exercised by some test."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, TEXT, line_of, replace_in
from edition.build import check, render_site
from edition.cli import main
from edition.problems import EditionError

from test_docs_and_registers import _rule_ids_in_code


def _rules(problems) -> set[str]:
    return {p.rule for p in problems}


def _build_problems(project) -> list:
    with pytest.raises(EditionError) as raised:
        render_site(project)
    return raised.value.problems


@pytest.mark.parametrize("change, message", [
    (("version = ", "versio = "), "unknown key 'versio'"),
    (("editors = ", "# editors = "), "lacks the required key 'editors'"),
    (('languages = ["en", "tr"]', "languages = 3"), "'languages' must be a list of strings"),
    (('languages = ["en", "tr"]', 'languages = ["en", "xx"]'), "interface language 'xx' has no labels table"),
    (('forthcoming = [', 'forthcoming = "one" \nunused = ['), "unknown key 'unused'"),
    (("[edition]", "[editions]"), "no [edition] table"),
])
def test_config_problems_are_reported_by_validate_and_build(scratch, capsys, change, message):
    replace_in(scratch.config_file, *change)
    fired = [p for p in check(scratch) if p.rule == "config"]
    assert fired and any(message in p.message for p in fired), [p.format() for p in fired]
    assert all(p.path == "edition.toml" for p in fired)
    assert main(["--root", str(scratch.root), "validate", "--no-tei-all"]) == 1
    assert "[config]" in capsys.readouterr().err
    assert "config" in _rules(_build_problems(scratch))


def test_config_unknown_key_names_its_line(scratch):
    replace_in(scratch.config_file, "licence = ", "license = ")
    [problem] = [p for p in check(scratch) if p.rule == "config"]
    assert problem.line == line_of(scratch.config_file, "license = ")


def test_a_broken_config_does_not_hide_the_encodings_problems(scratch):
    replace_in(scratch.config_file, "version = ", "versio = ")
    replace_in(scratch.root / TEXT, 'ref="place:batumi">باتومی', 'ref="place:batum">باتومی')
    assert {"config", "ref-unknown"} <= _rules(check(scratch))


def test_unreadable_labels_table(scratch):
    replace_in(scratch.templates_dir / "labels" / "tr.toml", "[site]", "[site")
    problems = _build_problems(scratch)
    assert _rules(problems) == {"labels"} and "templates/labels/tr.toml" in problems[0].path


def test_no_texts(scratch):
    for path in scratch.texts_dir.glob("*.xml"):
        path.unlink()
    assert "no-texts" in _rules(check(scratch))


def test_schema_unusable(scratch):
    (scratch.schema_dir / "edition.rng").write_text("<grammar", encoding="utf-8")
    problems = _build_problems(scratch)
    assert _rules(problems) == {"schema-unusable"} and problems[0].path == "tei/schema/edition.rng"


def test_transcription_missing(scratch):
    (scratch.transcriptions_dir / "000_5e8a9b0d99c23e07.txt").unlink()
    fired = [p for p in check(scratch) if p.rule == "transcription-missing"]
    assert fired and fired[0].line == line_of(scratch.root / TEXT, '<idno type="transcription">')


def test_siglum_filename(scratch):
    """The file is renamed, its text left as it is (the siglum inside still says historymaps)."""
    path = scratch.root / TEXT
    path.rename(path.with_name("renamed.xml"))
    [problem] = [p for p in check(scratch) if p.rule == "siglum-filename"]
    assert problem.path == "tei/texts/renamed.xml" and "historymaps" in problem.message


def test_text_path(scratch):
    """Regression: the header's page address and the page the build wrote could differ, with
    validation clean; the home page then linked to a page that did not exist."""
    replace_in(scratch.root / TEXT, '<idno type="path">texts/historymaps.html</idno>',
               '<idno type="path">texts/bolshevik-support.html</idno>')
    [problem] = [p for p in check(scratch) if p.rule == "text-path"]
    assert problem.line == line_of(scratch.root / TEXT, "texts/bolshevik-support.html")
    assert "texts/historymaps.html" in problem.message


def test_align_orphan_is_the_builds_last_guard(scratch, monkeypatch):
    """Validation catches a translation block without an original (corresp-dangling); were it
    bypassed, the build still refuses to publish a page that would lose the block."""
    import sys

    build_module = sys.modules["edition.build"]  # the package exports a function of the same name
    replace_in(scratch.root / TEXT, '<p xml:id="historymaps-p4-en" corresp="#historymaps-p4">',
               '<p xml:id="historymaps-p4-en" corresp="#historymaps-p9">')
    assert "corresp-dangling" in _rules(check(scratch))
    monkeypatch.setattr(build_module, "check_edition", lambda *_, **__: [])
    problems = _build_problems(scratch)
    assert _rules(problems) == {"align-orphan"} and "historymaps-p4-en" in problems[0].message


def test_every_rule_id_has_a_test():
    """Every rule id the code or the Schematron can report is named in some test."""
    tests = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "tests").rglob("test_*.py")
                    if path.name != Path(__file__).name)
    tests += Path(__file__).read_text(encoding="utf-8").split("def test_every_rule_id_has_a_test")[0]
    untested = sorted(rule for rule in _rule_ids_in_code() if not re.search(rf"[\"'\[]{re.escape(rule)}[\"'\]]", tests))
    assert untested == []
