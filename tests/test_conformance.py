"""Every TEI file against the TEI Consortium's tei_all, loaded once per run from an installed package."""
from __future__ import annotations

import json

import pytest

from conftest import TEXT, line_of, replace_in
from edition import conformance
from edition.build import check
from edition.cli import main
from edition.validate import Validator


def test_tei_all_comes_from_the_installed_package_not_the_repository(tei_all):
    assert "site-packages" in tei_all.path.parts or "dist-packages" in tei_all.path.parts
    assert tei_all.version == "4.3.0"
    assert tei_all.label == "TEI P5 4.3.0 tei_all"


def test_tei_all_is_loaded_once_per_run(tei_all):
    assert conformance.load() is tei_all


def test_the_edition_conforms_to_tei_all(project, tei_all):
    assert check(project, Validator(project, tei_all)) == []


def test_a_departure_from_tei_is_reported_at_its_line(scratch, tei_all):
    replace_in(scratch.root / TEXT, "<revisionDesc>", "<revisionDesc><bogus/>")
    found = [p for p in check(scratch, Validator(scratch, tei_all)) if p.rule == "tei-all"]
    assert found and found[0].path == TEXT
    assert found[0].line == line_of(scratch.root / TEXT, "<bogus/>")
    assert found[0].message.startswith("TEI P5 4.3.0 tei_all: ")


def test_validate_says_which_tei_version_it_checked_against(project, tei_all, capsys):
    assert main(["--root", str(project.root), "validate"]) == 0
    out = capsys.readouterr().out
    assert "valid against the project's schema and rules and TEI P5 4.3.0 tei_all (tei_all.rng loaded in " in out


def test_missing_tei_all_is_a_clear_error(project, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv(conformance.ENVIRONMENT, str(tmp_path / "nowhere" / "tei_all.rng"))
    assert main(["--root", str(project.root), "validate"]) == 1
    err = capsys.readouterr().err
    assert "error [tei-all-unavailable] cannot load tei_all.rng" in err
    assert "requirements-tei-all.txt" in err
    assert main(["--root", str(project.root), "validate", "--no-tei-all"]) == 0


def test_a_file_refused_on_reading_is_reported_without_compiling_tei_all(scratch, capsys, monkeypatch):
    """tei_all takes seconds to compile; a DOCTYPE is refused before it is ever needed."""
    compiled = []
    monkeypatch.setattr(conformance, "load", lambda: compiled.append(1) or pytest.fail("tei_all compiled"))
    path = scratch.root / "tei" / "texts" / "historymaps.xml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        '<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE TEI>', 1),
        encoding="utf-8")
    assert main(["--root", str(scratch.root), "validate"]) == 1
    assert "error [doctype-forbidden]" in capsys.readouterr().err
    assert compiled == []


def _compiles(monkeypatch):
    """Count the compilations of tei_all in this process (the real one, still cached per process)."""
    calls = []
    real = conformance.load
    monkeypatch.setattr(conformance, "load", lambda: calls.append(1) or real())
    return calls


def test_unchanged_files_are_not_checked_again_and_a_change_is(scratch, capsys, monkeypatch, tmp_path, tei_all):
    monkeypatch.setenv(conformance.CACHE_ENVIRONMENT, str(tmp_path / "cache"))
    calls = _compiles(monkeypatch)
    assert main(["--root", str(scratch.root), "validate"]) == 0
    first = capsys.readouterr().out
    assert calls == [1] and "tei_all.rng loaded in" in first and (tmp_path / "cache" / "tei-all.json").is_file()
    # nothing changed: the whole report is served (report_cache.py), the same
    assert main(["--root", str(scratch.root), "validate"]) == 0
    served = capsys.readouterr().out
    assert calls == [1] and "(nothing changed since the last run: its report, from the cache)" in served
    assert first.splitlines()[:-1] == served.splitlines()[:-1]
    # no TEI file changed (only the configuration's comments): tei_all is not compiled, every verdict
    # comes from the cache, the report is the same
    scratch.config_file.write_text(scratch.config_file.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    assert main(["--root", str(scratch.root), "validate"]) == 0
    second = capsys.readouterr().out
    files = len(list((scratch.root / "tei").glob("*/*.xml"))) + len(list((scratch.root / "tei").glob("*.xml")))
    assert calls == [1] and f"({files} unchanged file(s) from the cache; tei_all.rng not loaded)" in second
    assert first.splitlines()[:-1] == second.splitlines()[:-1]
    # a departure from TEI in one file: that file is checked again, and the departure is reported
    # (bibl/@ref is TEI only from P5 4.9: the project's schema lets it through, tei_all 4.3.0 does not)
    replace_in(scratch.root / TEXT, '<bibl type="source"', '<bibl ref="bibl:historymaps-bolshevik-support-en" type="source"')
    assert main(["--root", str(scratch.root), "validate"]) == 1
    assert calls == [1, 1] and "error [tei-all]" in capsys.readouterr().err
    # ... and again from the cache, departure included
    assert main(["--root", str(scratch.root), "validate"]) == 1
    assert calls == [1, 1] and "error [tei-all]" in capsys.readouterr().err


def test_a_damaged_cache_is_ignored_and_another_grammar_is_not_served_from_it(scratch, capsys, monkeypatch,
                                                                             tmp_path, tei_all):
    cache = tmp_path / "cache"
    monkeypatch.setenv(conformance.CACHE_ENVIRONMENT, str(cache))
    calls = _compiles(monkeypatch)
    cache.mkdir()
    (cache / "tei-all.json").write_text("{not json", encoding="utf-8")
    assert main(["--root", str(scratch.root), "validate"]) == 0 and calls == [1]
    # the verdicts are kept under the grammar's digest: another tei_all.rng finds none of them
    monkeypatch.setattr(conformance, "grammar_identity", lambda path: "another grammar")
    assert main(["--root", str(scratch.root), "validate"]) == 0 and calls == [1, 1]
    capsys.readouterr()


def test_the_grammar_identity_changes_with_the_grammar_bytes_not_only_its_version(tmp_path, tei_all):
    text = tei_all.path.read_text(encoding="utf-8")
    first, second = tmp_path / "a.rng", tmp_path / "b.rng"
    first.write_text(text, encoding="utf-8")
    second.write_text(text.replace("</grammar>", "<!-- changed --></grammar>"), encoding="utf-8")
    assert conformance.tei_version(first) == conformance.tei_version(second) == "4.3.0"
    assert conformance.grammar_identity(first) == conformance.grammar_identity(tei_all.path)
    assert conformance.grammar_identity(first) != conformance.grammar_identity(second)


def test_the_tei_guidelines_own_constraints_are_checked_too(scratch, tei_all):
    """tei_all.rng embeds the TEI's ODD constraints as Schematron in XPath 2.0, which RELAX NG
    validation ignores: a dated element with @calendar and no content passes the grammar, not them."""
    assert len(tei_all.constraints) > 80
    replace_in(scratch.root / TEXT, '<date when="2026-11-22">2026-11-22</date>',
               '<date when="2026-11-22" calendar="#gregorian"/>')
    found = [p for p in check(scratch, Validator(scratch, tei_all)) if p.rule.startswith("tei-all")]
    assert [(p.rule, p.line) for p in found] == [("tei-all-constraint", line_of(scratch.root / TEXT, 'calendar="#gregorian"/>'))]
    assert found[0].message.startswith("TEI P5 4.3.0 tei_all, constraint tei_all-att.datable-calendar-calendar-constraint")
    assert found[0].message.endswith("but this date element has no textual content.")


# --- the whole report, when nothing has changed (report_cache.py) --------------------------------

def _report(scratch, capsys, *options):
    status = main(["--root", str(scratch.root), "validate", "--no-tei-all", "--format", "json", *options])
    report = json.loads(capsys.readouterr().out)
    return status, report


def test_with_nothing_changed_the_report_is_served_without_reading_anything(scratch, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv(conformance.CACHE_ENVIRONMENT, str(tmp_path / "cache"))
    replace_in(scratch.root / TEXT, "The first aim was", "Kars. The first aim was")  # a warning under --strict
    status, first = _report(scratch, capsys, "--strict")
    assert status == 1 and not first["from_cache"] and first["problems"]
    import edition.cli
    monkeypatch.setattr(edition.cli, "inspect", lambda *a, **k: pytest.fail("the edition was read again"))
    status, served = _report(scratch, capsys, "--strict")
    assert status == 1 and served["from_cache"]
    assert {**served, "from_cache": False} == first
    monkeypatch.undo()


@pytest.mark.parametrize("change", ["text", "kept warnings", "option", "register", "schema", "labels"])
def test_any_changed_input_or_option_gives_a_full_run(scratch, capsys, monkeypatch, tmp_path, change):
    monkeypatch.setenv(conformance.CACHE_ENVIRONMENT, str(tmp_path / "cache"))
    status, first = _report(scratch, capsys)
    assert status == 0 and not first["from_cache"]
    options = ()
    if change == "text":
        replace_in(scratch.root / TEXT, 'ref="place:kars"', 'ref="place:karz"')
    elif change == "kept warnings":
        (scratch.root / "tei/deliberate.toml").write_text("[[warning]]\nrule = 1\n", encoding="utf-8")
    elif change == "option":
        options = ("--strict",)
    elif change == "register":
        replace_in(scratch.registers_dir / "places.xml", '<place xml:id="kars"', '<place xml:id="karz"')
    elif change == "schema":
        path = scratch.root / "tei/schema/edition.sch"
        path.write_text(path.read_text(encoding="utf-8") + "<!-- changed -->\n", encoding="utf-8")
    elif change == "labels":
        path = scratch.templates_dir / "labels/en.toml"
        path.write_text(path.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
    _, second = _report(scratch, capsys, *options)
    assert not second["from_cache"]
    if change in ("text", "kept warnings", "register"):
        assert second["problems"] and not second["ok"]


def test_a_damaged_report_is_ignored(scratch, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv(conformance.CACHE_ENVIRONMENT, str(tmp_path / "cache"))
    status, first = _report(scratch, capsys)
    [stored] = (tmp_path / "cache").glob("report-*.json")
    stored.write_text(stored.read_text(encoding="utf-8")[:200], encoding="utf-8")
    status, second = _report(scratch, capsys)
    assert status == 0 and not second["from_cache"] and {**second, "from_cache": False} == first
