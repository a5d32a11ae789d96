"""The QA figures and the --strict warnings of `edition validate`, and its JSON output."""
from __future__ import annotations

import json
import re

import pytest

from conftest import TEXT, line_of, replace_in
from edition.build import inspect
from edition.cli import main


def _validate(project, capsys, *args) -> tuple[int, str, str]:
    status = main(["--root", str(project.root), "validate", "--no-tei-all", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _historymaps(report):
    return next(f for f in report.figures if f.siglum == "historymaps")


def test_figures_of_the_real_text(project):
    figures = _historymaps(inspect(project))
    assert (figures.siglum, figures.lang, figures.blocks, figures.sentences) == ("historymaps", "ur", 5, 18)
    assert (figures.blocks_aligned, figures.sentences_aligned, figures.dangling, figures.doubled) == (5, 18, 0, 0)
    assert figures.notes == {"translation": 13, "editorial": 23}
    # the translation's extra names are in the translators' and editors' notes, tagged like the text
    assert figures.names["place"][0] == 23 and figures.names["place"][1] > 23
    assert figures.names["place"] == [23, 143] and figures.names["date"][0] == 6


def test_figures_leave_english_in_the_original_out_of_what_needs_translating(project):
    figures = next(f for f in inspect(project).figures if f.siglum == "kafkas-seddi")
    # the English title, "Abstract" and the abstract paragraph: 3 blocks, 5 sentences
    assert (figures.blocks_english, figures.sentences_english) == (3, 5)
    assert (figures.blocks_aligned, figures.sentences_aligned) == (figures.blocks - 3, figures.sentences - 5)
    assert figures.notes["foot (original)"] == figures.notes["foot (translation)"] == 26


def test_figures_count_dangling_and_doubled_corresps(scratch):
    path = scratch.root / TEXT
    replace_in(path, 'corresp="#historymaps-p3-s2"', 'corresp="#historymaps-p3-s2 #nowhere"')
    replace_in(path, '<p xml:id="historymaps-p4-en" corresp="#historymaps-p4">',
               '<p xml:id="historymaps-p4-en" corresp="#historymaps-p3">')
    figures = _historymaps(inspect(scratch))
    assert (figures.dangling, figures.doubled, figures.blocks_aligned) == (1, 1, 4)
    assert "  corresp         1 dangling, 1 doubled" in figures.lines()


def test_the_edition_is_clean_under_strict(project):
    """No warning stands: the two Urdu adjectives that once did (“Bolshevik delegation”, “Soviet
    weapons”) are <w pos="adjective">, which says they were looked at and are not names."""
    assert [(p.path, p.line, p.rule, p.message) for p in inspect(project, strict=True).problems] == []


def test_a_word_classified_as_not_a_name_is_not_reported(scratch):
    path = scratch.root / TEXT
    text = path.read_text(encoding="utf-8")
    assert text.count('<w pos="adjective">بالشویک</w>') == 2
    problems = inspect(scratch, strict=True).problems
    assert not [p for p in problems if p.rule == "name-untagged"]
    # the same word without its <w> is reported again
    replace_in(path, '<w pos="adjective">بالشویک</w>', "بالشویک", count=2)
    found = [p for p in inspect(scratch, strict=True).problems if p.rule == "name-untagged"]
    assert [p.message.split("”")[0] for p in found] == ["“بالشویک"]


def test_untagged_name_is_reported_once_per_form_with_its_line(scratch):
    path = scratch.root / TEXT
    # inside the tagged event "treaties of Moscow and Kars" the bare Kars is not reported
    replace_in(path, '<placeName ref="place:kars">Kars</placeName>', "Kars")
    replace_in(path, "The first aim was", "Kars. The first aim was Kars, was")
    found = [p for p in inspect(scratch, strict=True).problems if p.rule == "name-untagged" and "Kars" in p.message]
    assert len(found) == 1
    assert found[0].line == line_of(path, "Kars. The first aim")
    assert "(and 1 more time in this text)" in found[0].message
    assert found[0].hint.startswith('tag it: <placeName ref="place:kars">Kars</placeName>')
    line = path.read_text(encoding="utf-8").splitlines()[found[0].line - 1]
    assert line[found[0].col - 1:].startswith("Kars")


def test_register_entry_referenced_by_nothing(scratch):
    for path in (scratch.root / "tei" / "texts").glob("*.xml"):  # the entry's every reference, in every text
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace('ref="place:sakarya-river"', 'ref="place:anatolia"'), encoding="utf-8")
    [found] = [p for p in inspect(scratch, strict=True).problems if p.rule == "register-unused" and "sakarya-river" in p.message]
    assert found.path == "tei/registers/places.xml"
    assert found.line == line_of(scratch.registers_dir / "places.xml", 'xml:id="sakarya-river"')


def test_translation_out_of_proportion_is_reported(scratch):
    path = scratch.root / TEXT
    replace_in(path, "By providing financial and war-material aid, the ", "In short, the ")
    replace_in(path, "aimed to inflame the conflict between the <orgName ref=\"org:entente\">Allies</orgName> and the "
               "<orgName ref=\"org:turkish-national-movement\">Turkish nationalists</orgName>, so as to prevent the "
               "participation of more Allied troops in the <rs type=\"event\" ref=\"event:russian-civil-war\">Russian "
               "Civil War</rs>.", "meddled.")
    [found] = [p for p in inspect(scratch, strict=True).problems if p.rule == "length-ratio"]
    assert "historymaps-p4-s1" in found.message and "omission or a summary" in found.hint
    assert found.line == line_of(path, 'corresp="#historymaps-p4-s1"')


def test_untranslated_note_of_the_original(scratch):
    path = scratch.root / TEXT
    replace_in(path, "پہلا مقصد بیرون ملک سے اسلحہ حاصل کرنا تھا۔</s>",
               'پہلا مقصد بیرون ملک سے اسلحہ حاصل کرنا تھا۔<note place="foot" n="1" xml:id="historymaps-n1">حاشیہ</note></s>')
    [found] = [p for p in inspect(scratch, strict=True).problems if p.rule == "note-untranslated"]
    assert found.line == line_of(path, 'xml:id="historymaps-n1"')
    assert "note 1 of the original (historymaps-n1) has no translation" in found.message


def test_strict_fails_on_warnings_plain_validate_does_not(scratch, capsys):
    status, out, err = _validate(scratch, capsys, "--strict")
    assert status == 0 and "warning" not in err
    replace_in(scratch.root / TEXT, "The first aim was", "Kars. The first aim was")
    status, out, err = _validate(scratch, capsys)
    assert status == 0 and err == ""
    status, out, err = _validate(scratch, capsys, "--strict")
    assert status == 1
    assert "warning [name-untagged]" in err
    assert re.search(r"\n0 errors, \d+ warnings? in \d+ files?\.$", err.rstrip())
    assert out.splitlines()[-1].endswith("text(s) valid against the project's schema and rules, but --strict fails "
                                         "on the warnings.")


def test_problems_are_sorted_by_file_and_line(scratch, capsys):
    path = scratch.root / TEXT
    replace_in(path, 'ref="place:batumi">Batumi', 'ref="place:batumy">Batumi')
    replace_in(path, 'ref="place:italy">اٹلی', 'ref="place:itly">اٹلی')
    status, _out, err = _validate(scratch, capsys)
    assert status == 1
    lines = [int(line.split(":")[1]) for line in err.splitlines() if line.startswith(TEXT)]
    assert len(lines) == 2 and lines == sorted(lines)
    assert "did you mean place:italy?" in err and "did you mean place:batumi?" in err


def test_json_has_the_same_problems_and_figures(scratch, capsys):
    replace_in(scratch.root / TEXT, 'ref="place:kars">Kars', 'ref="place:karss">Kars')
    replace_in(scratch.root / TEXT, "The first aim was", "Kars. The first aim was")
    status, out, err = _validate(scratch, capsys, "--format", "json", "--strict")
    assert status == 1 and err == ""
    report = json.loads(out)
    assert report["ok"] is False and report["strict"] is True and report["tei_all"] is None
    rules = [p["rule"] for p in report["problems"]]
    assert "ref-unknown" in rules and "name-untagged" in rules
    assert [(p["path"], p["line"]) for p in report["problems"]] == sorted((p["path"], p["line"]) for p in report["problems"])
    unknown = next(p for p in report["problems"] if p["rule"] == "ref-unknown")
    assert unknown["hint"] == "did you mean place:kars?" and unknown["line"] > 0 and unknown["col"] > 0
    text = next(t for t in report["texts"] if t["siglum"] == "historymaps")
    assert text["sentences"] == 18 and text["names"]["place"] == [23, 143]  # names in the notes are tagged too


def test_figures_of_meyer_lozan(project):
    """Source 002: 45 numbered footnotes and the asterisk note, all translated; the English abstract
    (heading, abstract, key words: 3 blocks, 8 sentences) is shown once and not translated."""
    figures = next(f for f in inspect(project).figures if f.siglum == "meyer-lozan")
    assert (figures.blocks_english, figures.sentences_english) == (3, 8)
    assert (figures.blocks_aligned, figures.sentences_aligned) == (figures.blocks - 3, figures.sentences - 8)
    assert figures.notes["foot (original)"] == figures.notes["foot (translation)"] == 46


# --- warnings kept on purpose (tei/deliberate.toml) ----------------------------------------------

KEEP_KARS = """# the editors' decisions
[[warning]]
rule = "name-untagged"
file = "tei/texts/historymaps.xml"
about = "Kars"
reason = "A test: the name stands in a sentence the editors quote as written."
"""


def test_a_warning_kept_on_purpose_passes_strict_is_counted_and_keeps_its_reason(scratch, capsys):
    replace_in(scratch.root / TEXT, "The first aim was", "Kars. The first aim was")
    (scratch.root / "tei/deliberate.toml").write_text(KEEP_KARS, encoding="utf-8")
    status, out, err = _validate(scratch, capsys, "--strict")
    assert status == 0 and "warning" not in err, err
    assert "1 warning(s) kept on purpose, each with its reason in tei/deliberate.toml: name-untagged 1." in out
    table = out[out.index("historymaps (ur"):]
    assert table.splitlines()[7] == "  kept warnings   name-untagged 1"
    status, out, _ = _validate(scratch, capsys, "--strict", "--format", "json")
    report = json.loads(out)
    assert status == 0 and report["ok"] and report["problems"] == []
    [kept] = report["kept"]
    assert kept["rule"] == "name-untagged" and "Kars" in kept["message"] and kept["reason"].startswith("A test:")
    assert kept["kept_by"] == "tei/deliberate.toml:2"
    assert next(t for t in report["texts"] if t["siglum"] == "historymaps")["kept"] == {"name-untagged": 1}


def test_an_entry_keeps_only_its_own_warning_and_an_unexplained_one_still_fails(scratch, capsys):
    replace_in(scratch.root / TEXT, "The first aim was", "Kars. Moscow. The first aim was")
    (scratch.root / "tei/deliberate.toml").write_text(KEEP_KARS, encoding="utf-8")
    found = [p for p in inspect(scratch, strict=True).problems if p.rule == "name-untagged"]
    assert len(found) == 1 and "Kars" not in found[0].message
    status, _, err = _validate(scratch, capsys, "--strict")
    assert status == 1 and "warning [name-untagged]" in err


def test_an_entry_that_keeps_no_warning_is_itself_a_warning(scratch, capsys):
    (scratch.root / "tei/deliberate.toml").write_text(KEEP_KARS, encoding="utf-8")
    [stale] = [p for p in inspect(scratch, strict=True).problems if p.rule == "deliberate-unused"]
    assert (stale.path, stale.line, stale.severity) == ("tei/deliberate.toml", 2, "warning")
    assert "[name-untagged] about 'Kars' in tei/texts/historymaps.xml no longer occurs" in stale.message
    status, _, err = _validate(scratch, capsys, "--strict")
    assert status == 1 and "tei/deliberate.toml:2:1: warning [deliberate-unused]" in err
    # without --strict the warning rules have not run: nothing to say of the entry
    assert not [p for p in inspect(scratch).problems if p.rule == "deliberate-unused"]


@pytest.mark.parametrize("text, line, message", [
    (KEEP_KARS.replace('reason = "A test: the name stands in a sentence the editors quote as written."\n', ""), 2,
     "entry 1: no non-empty reason"),
    (KEEP_KARS.replace('reason = "A test', 'because = "x"\nreason = "A test'), 2, "entry 1: unknown key(s) because"),
    (KEEP_KARS + "[[warning]]\nrule = \"length-ratio\"\n", 7, "entry 2: no non-empty file, about, reason"),
    ("[[warning]\n", 1, "not valid TOML"),
    ("[kept]\nrule = 1\n", 1, "unknown key or table 'kept'"),
])
def test_a_malformed_entry_is_an_error_with_its_line(scratch, capsys, text, line, message):
    (scratch.root / "tei/deliberate.toml").write_text(text, encoding="utf-8")
    [found] = [p for p in inspect(scratch, strict=True).problems if p.rule == "deliberate-file"]
    assert (found.path, found.line, found.severity) == ("tei/deliberate.toml", line, "error")
    assert message in found.message and found.hint
    status, _, err = _validate(scratch, capsys)
    assert status == 1 and f"tei/deliberate.toml:{line}:1: error [deliberate-file]" in err
