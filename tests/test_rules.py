"""One broken copy of the real text per validation rule: each is reported with its exact rule id
and the line of the offending element."""
from __future__ import annotations

import pytest

from conftest import TEXT, line_of
from edition.build import check

# rule id: (text to replace, replacement, text identifying the line the problem is reported on)
MUTATIONS = {
    "siglum-form": ('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="historymaps"',
                    '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="HistoryMaps"', '<TEI xmlns'),
    "id-siglum": ('<s xml:id="historymaps-p3-s1">', '<s xml:id="hm-p3-s1">', '<s xml:id="hm-p3-s1">'),
    "id-missing": ('<s xml:id="historymaps-p3-s1">', "<s>", '<p xml:id="historymaps-p3">'),
    "translation-corresp-missing": ('<s xml:id="historymaps-p3-s1-en" corresp="#historymaps-p3-s1">',
                                    '<s xml:id="historymaps-p3-s1-en">', 'xml:id="historymaps-p3-s1-en"'),
    "corresp-dangling": ('corresp="#historymaps-p3-s2"', 'corresp="#historymaps-p3-s2 #nowhere"',
                         "#nowhere"),
    "align-missing": ('corresp="#historymaps-p3-s2"', 'corresp="#historymaps-p3-s3"', '<s xml:id="historymaps-p3-s2">'),
    "align-doubled": ('<p xml:id="historymaps-p4-en" corresp="#historymaps-p4">',
                      '<p xml:id="historymaps-p4-en" corresp="#historymaps-p3">', '<p xml:id="historymaps-p3">'),
    "ref-form": ('ref="place:italy">اٹلی', 'ref="italy">اٹلی', 'ref="italy"'),
    "ref-type": ('<persName ref="person:lenin">ولادیمیر', '<persName ref="place:moscow">ولادیمیر',
                 '<persName ref="place:moscow">'),
    "ref-unknown": ('ref="place:batumi">باتومی', 'ref="place:batum">باتومی', 'ref="place:batum"'),
    "ref-target": ("Obtaining Bolshevik support", '<ref target="javascript:alert(1)">x</ref> Obtaining Bolshevik support',
                   "javascript:alert"),
    "date-iso": ('<date when="1921" corresp="event:treaty-of-moscow event:treaty-of-kars">1921</date>) نے',
                 '<date when="1921-13" corresp="event:treaty-of-moscow event:treaty-of-kars">1921</date>) نے',
                 'when="1921-13"'),
    "date-range": ('<date from="1919" to="1922" corresp="event:greco-turkish-war">1919-1922</date>',
                   '<date from="1922" to="1919" corresp="event:greco-turkish-war">1919-1922</date>',
                   'from="1922" to="1919"'),
    "date-calendar": ('<date when="1920" corresp="event:turkish-armenian-war">1920</date>) اور',
                      '<date when="1920" calendar="#rumi" corresp="event:turkish-armenian-war">1920</date>) اور',
                      'calendar="#rumi"'),
    "note-translation-place": ("اماسیہ</placeName> سرکلر</rs> سے پہلے،",
                               'اماسیہ</placeName> سرکلر</rs><note type="translation">x</note> سے پہلے،',
                               '<note type="translation">x</note>'),
    "header-transcription": ('<idno type="transcription">000_5e8a9b0d99c23e07.txt</idno>',
                             '<idno type="transcription">source.txt</idno>', '<sourceDesc>'),
    "measure-quantity": ('quantity="327" unit="piece" commodity="machine-gun" corresp',
                         'quantity="about 327" unit="piece" commodity="machine-gun" corresp', 'quantity="about 327"'),
    "text-lang": ('<text type="translation" xml:lang="en"', '<text type="translation" xml:lang="de"',
                  '<text type="translation"'),
    # siglum-filename renames the file and changes no text: see test_rule_coverage.py
    "fidelity": ("پہلا مقصد بیرون ملک", "پہلا مقصد بیرون", '<text type="original"'),
    "ref-target-unknown": ("Obtaining Bolshevik support", '<ref target="other.xml#other-p1">x</ref> Obtaining Bolshevik support',
                           "other.xml#other-p1"),
    "schema": ("<revisionDesc>", "<revisionDesc><bogus/>", "<bogus/>"),
}


# rules of the footnoted article model, on the copy of the article (kafkas-seddi)
ARTICLE = "tei/texts/kafkas-seddi.xml"
ARTICLE_MUTATIONS = {
    "note-anchor": ('target="#kafkas-seddi-n3">3</ref><note', 'target="#kafkas-seddi-n3">3</ref> <note',
                    'target="#kafkas-seddi-n3">3</ref>'),
    "note-number": ('<note place="foot" n="3" xml:id="kafkas-seddi-n3-en"', '<note place="foot" n="13" xml:id="kafkas-seddi-n3-en"',
                    'xml:id="kafkas-seddi-n3-en"'),
    "align-english": ('<s xml:id="kafkas-seddi-p1-s1-en" corresp="#kafkas-seddi-p1-s1">',
                      '<s xml:id="kafkas-seddi-p1-s1-en" corresp="#kafkas-seddi-p1-s1 #kafkas-seddi-p2-s1">',
                      'xml:id="kafkas-seddi-p1-s1-en"'),
    "ref-unknown": ('<bibl corresp="bibl:tengirsenk-vatan-hizmetinde">', '<bibl corresp="bibl:tengirsenk-vatan">',
                    'bibl:tengirsenk-vatan"'),
    "correction-pair": ("<sic>Yaresimos</sic><corr>Yerasimos</corr>", "<corr>Yaresimos</corr><corr>Yerasimos</corr>",
                        "<corr>Yaresimos</corr><corr>Yerasimos</corr>"),
    "correction-changes-nothing": ("<sic>Yaresimos</sic><corr>Yerasimos</corr>", "<sic>Yaresimos</sic><corr>Yaresimos</corr>",
                                   "<sic>Yaresimos</sic><corr>Yaresimos</corr>"),
}


@pytest.mark.parametrize("rule", sorted(MUTATIONS))
def test_rule_fires_with_its_id_and_line(scratch, rule):
    _check_mutation(scratch, rule, TEXT, MUTATIONS[rule])


@pytest.mark.parametrize("rule", sorted(ARTICLE_MUTATIONS))
def test_article_rule_fires_with_its_id_and_line(scratch, rule):
    _check_mutation(scratch, rule, ARTICLE, ARTICLE_MUTATIONS[rule])


def _check_mutation(scratch, rule, text_path, mutation):
    old, new, line_text = mutation
    path = scratch.root / text_path
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    problems = check(scratch)
    fired = [p for p in problems if p.rule == rule]
    assert fired, [p.format() for p in problems]
    expected = line_of(path, line_text)
    assert any(p.line == expected for p in fired), [p.format() for p in fired]
    assert all(p.path == path.relative_to(scratch.root).as_posix() for p in fired)
    assert all(p.message for p in fired)


def test_unknown_ref_suggests_the_closest_entry(scratch):
    path = scratch.root / TEXT
    path.write_text(path.read_text(encoding="utf-8").replace('ref="person:lenin"', 'ref="person:lennin"', 1),
                    encoding="utf-8")
    [problem] = [p for p in check(scratch) if p.rule == "ref-unknown"]
    assert problem.hint == "did you mean person:lenin?"
    assert "person:lennin" in problem.message
    line = path.read_text(encoding="utf-8").splitlines()[problem.line - 1]
    assert line[problem.col - 1:].startswith("person:lennin")


@pytest.mark.parametrize("register", ["persons", "places"])
def test_register_grammar_catches_an_entry_without_name_language(scratch, register):
    path = scratch.tei / "registers" / f"{register}.xml"
    text = path.read_text(encoding="utf-8")
    tag = "persName" if register == "persons" else "placeName"
    path.write_text(text.replace(f'<{tag} xml:lang="en"', f"<{tag}", 1), encoding="utf-8")
    problems = [p for p in check(scratch) if p.path.endswith(f"{register}.xml")]
    assert problems and all(p.rule == "schema" for p in problems)


# ---- each text's Schematron problems, kept for the next run ---------------------------------------

def _shown(problems) -> list[tuple[str, str]]:
    return [(problem.format(), problem.hint) for problem in problems]


def test_a_texts_rule_problems_are_kept_and_found_again_only_when_it_changes(scratch, monkeypatch, tmp_path):
    """The Schematron's problems of a text unchanged since the same rules last checked it come from
    the cache (.cache/edition/rules.json), the same as a check without it; a changed text is checked again."""
    from conftest import replace_in
    from edition.validate import Validator

    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache"))
    mutation = MUTATIONS["measure-quantity"]
    replace_in(scratch.root / TEXT, *mutation[:2])
    cold = Validator(scratch)
    first = check(scratch, cold)
    assert cold.cached_rules == 0 and (tmp_path / "cache" / "rules.json").is_file()
    assert "measure-quantity" in {p.rule for p in first} and "text-lang" not in {p.rule for p in first}

    warm = Validator(scratch)
    assert _shown(check(scratch, warm)) == _shown(first) and warm.cached_rules == len(scratch.text_files())

    replace_in(scratch.root / ARTICLE, *MUTATIONS["text-lang"][:2])  # a translation not in English
    changed = Validator(scratch)
    found = check(scratch, changed)
    assert changed.cached_rules == len(scratch.text_files()) - 1
    assert {"measure-quantity", "text-lang"} <= {p.rule for p in found}

    monkeypatch.setenv("EDITION_CACHE", "off")
    uncached = Validator(scratch)
    assert _shown(check(scratch, uncached)) == _shown(found) and uncached.cached_rules == 0


def test_a_text_saved_while_it_is_checked_is_checked_again(scratch, monkeypatch, tmp_path):
    """The verdict is kept under the bytes that were parsed and checked, not the file as it is once the
    check ends (edition serve reads while the encoder saves): the new file gets a verdict of its own."""
    from conftest import replace_in
    from edition.build import check_edition, read_edition
    from edition.validate import Validator

    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache"))
    edition = read_edition(scratch)
    replace_in(scratch.root / TEXT, *MUTATIONS["measure-quantity"][:2])  # saved after the edition was read
    assert "measure-quantity" not in {p.rule for p in check_edition(edition, Validator(scratch))}
    again = Validator(scratch)
    assert "measure-quantity" in {p.rule for p in check(scratch, again)}
    assert again.cached_rules == len(scratch.text_files()) - 1


def test_each_texts_problems_are_kept_only_while_what_they_read_is_unchanged(scratch):
    """edition serve keeps each text's problems from one validation to the next (validate.TextChecks): a
    text is checked again when it, a register or its transcription changes, and what is kept is what a
    validation from nothing finds."""
    from conftest import replace_in
    from edition.build import check_edition, read_edition
    from edition.validate import TextChecks

    kept, texts = TextChecks(), len(scratch.text_files())

    def validated() -> tuple[set, set]:
        """The problems found with what was kept, and from nothing."""
        return set(check_edition(read_edition(scratch), kept=kept)), set(check(scratch))

    found, fresh = validated()
    assert found == fresh and kept.made == texts
    found, fresh = validated()
    assert found == fresh and kept.made == 0  # nothing changed: nothing checked again

    with (scratch.root / "tei/transcriptions/000_5e8a9b0d99c23e07.txt").open("a", encoding="utf-8") as transcription:
        transcription.write(" Anotherword")
    found, fresh = validated()
    assert "fidelity" in {p.rule for p in found} and found == fresh and kept.made == 1

    replace_in(scratch.registers_dir / "places.xml", '<place xml:id="italy"', '<place xml:id="italia"')
    found, fresh = validated()
    assert {p.path for p in found if p.rule == "ref-unknown"} == {
        "tei/texts/historymaps.xml", "tei/texts/frunze-heyeti.xml", "tei/texts/kafkas-seddi.xml"}
    assert found == fresh and kept.made == texts

    replace_in(scratch.root / TEXT, "The first aim was", "The very first aim was")
    found, fresh = validated()
    assert found == fresh and kept.made == 1


def test_a_problem_s_column_is_in_the_file_as_it_was_read(scratch):
    """The column of a problem is found in the bytes that were parsed and checked, not in the file as it
    is when the check ends (edition serve reads while the encoder saves)."""
    from conftest import replace_in
    from edition.build import check_edition, read_edition

    token = "javascript:void(0)"
    replace_in(scratch.root / TEXT, '<placeName ref="place:kars">', f'<placeName ref="{token}">')
    line = line_of(scratch.root / TEXT, token)
    read = (scratch.root / TEXT).read_text(encoding="utf-8").splitlines()[line - 1]
    edition = read_edition(scratch)
    replace_in(scratch.root / TEXT, f'<placeName ref="{token}">', f'<placeName    ref="{token}">')  # saved since
    [found] = [p for p in check_edition(edition) if p.rule == "url-scheme"]
    assert found.line == line and read[found.col - 1:].startswith(token)
