"""The table of claims, the timeline and the parallel passages: made from the TEI, complete,
and able to say that two texts disagree."""
from __future__ import annotations

import copy
import csv
import io
import json
import posixpath
import tomllib

import pytest
from lxml import etree, html

from conftest import ROOT, TEXT, line_of, replace_in
from edition.build import check, read_edition
from edition.claims import Claim, Row, collect
from edition.model import CLAIMS_DATA, CLAIMS_PAGE, TIMELINE_PAGE, claims_path, passages_path
from edition.sources import NS

SOURCE_CLAIMS = ("tei:text//tei:text[@type='original']//*[self::tei:measure or self::tei:date][@corresp]"
                 "[not(ancestor::tei:note[@type='translation' or @type='editorial'])][not(ancestor::tei:bibl)]")


def _claim(siglum: str, kind: str, sentence: str = "p1-s1", **attributes) -> Claim:
    return Claim(siglum, "event:x", kind, f"{siglum}-{sentence}", "", "tr", "w", "t", attributes)


def test_figures_that_differ_disagree_and_equal_ones_agree():
    same = Row("event:x", "figure", "arms", "rifle", "piece",
               [_claim("a", "figure", quantity="39000"), _claim("b", "figure", quantity="39000")])
    other = Row("event:x", "figure", "arms", "rifle", "piece",
                [_claim("a", "figure", quantity="39000"), _claim("b", "figure", quantity="37812")])
    vague = Row("event:x", "figure", "ammunition", "ammunition", "",
                [_claim("a", "figure"), _claim("b", "figure", quantity="5000")])
    assert (same.status, other.status, vague.status) == ("agree", "disagree", "agree")
    # one sentence that relates two figures ("five million, to be raised to twenty") is not at odds
    related = Row("event:x", "figure", "ammunition", "rifle-cartridge", "round",
                  [_claim("a", "figure", quantity="5000000"), _claim("a", "figure", quantity="20000000")])
    assert related.status == "single"
    related.claims.append(_claim("b", "figure", quantity="5000000"))
    assert related.status == "disagree"  # b's one figure differs from a's twenty million


def test_dates_disagree_only_when_they_cannot_both_be_right():
    def row(*dates):
        return Row("event:x", "date", "", claims=[_claim(s, "date", **d) for s, d in dates])
    assert row(("a", {"when": "1921-03"}), ("b", {"when": "1921-03-16"})).status == "agree"
    assert row(("a", {"when": "1920-05-05"}), ("b", {"when": "1920-07-19"})).status == "disagree"
    assert row(("a", {"from": "1921-08", "to": "1921-09"}), ("b", {"when": "1921-09-13"})).status == "agree"
    assert row(("a", {"when": "1921-12-13"}), ("a", {"when": "1921-10-13"}, )).status == "single"  # one sentence
    assert Row("event:x", "date", "", claims=[_claim("a", "date", when="1921-12-13"),
                                             _claim("a", "date", "p2-s1", when="1921-10-13")]).disagreement
    assert row(("a", {"when": "1922"})).status == "single"


def test_every_claim_of_every_text_is_in_the_data_once(project, built_site):
    edition = read_edition(project)
    expected = sum(len(doc.root.xpath(SOURCE_CLAIMS, namespaces=NS)) for doc in edition.corpus.texts)
    # a claim naming two events stands in two rows
    expected += sum(len(e.get("corresp").split()) - 1 for doc in edition.corpus.texts
                    for e in doc.root.xpath(SOURCE_CLAIMS, namespaces=NS))
    records = json.loads((built_site / CLAIMS_DATA[1]).read_text(encoding="utf-8"))["claims"]
    assert expected > 20 and len(records) == expected
    rows = list(csv.DictReader(io.StringIO((built_site / CLAIMS_DATA[0]).read_text(encoding="utf-8"))))
    assert rows == records


# In a passage of a reading page, what is not the passage's words as the editors read them: a misprint's
# printed form (the correction is shown beside it), the links to the index and to the parallel passages,
# the calls of notes, and the notes themselves (passages of their own).
NOT_THE_READING = " or ".join(f"contains(concat(' ', @class, ' '), ' {name} ')"
                              for name in ("tei-sic", "entity-link", "note-call", "note-popover"))


def _read(passage: etree._Element) -> str:
    """A passage's words as a reader of the page reads them."""
    passage = copy.deepcopy(passage)
    for element in passage.xpath(f".//*[{NOT_THE_READING}]"):
        element.drop_tree()  # its tail, the text after it, stays
    return " ".join(passage.text_content().split())


def test_each_claim_links_to_its_passage_and_its_words_are_the_texts(project, built_site):
    """A claim's wording is in the passage it links to, and its translation in the translation's
    passages that render that passage (data-corresp); a claim has no translation only where the
    translation renders nothing (the English abstracts of silah-temini and frunze-heyeti)."""
    records = json.loads((built_site / CLAIMS_DATA[1]).read_text(encoding="utf-8"))["claims"]
    pages, renderings = {}, {}
    for record in records:
        page, anchor = record["link"].split("#")
        if page not in pages:  # each page parsed once (not setdefault, which would parse it for every claim)
            pages[page] = html.parse(str(built_site / page)).getroot()
            for element in pages[page].xpath("//*[@data-corresp]"):
                for token in element.get("data-corresp").split():
                    renderings.setdefault((page, token.removeprefix("#")), []).append(element)
        passage = pages[page].get_element_by_id(anchor, None)
        assert passage is not None, record
        wording = " ".join(record["wording"].split())
        assert wording and wording in _read(passage), record
        rendered = " ".join(_read(element) for element in renderings.get((page, anchor), []))
        translation = " ".join(record["translation"].split())
        assert translation in rendered if translation else not rendered, record
    texts = {r["text"] for r in records}
    assert {"historymaps", "frunze-heyeti"} <= texts


def test_the_totals_of_the_aid_are_set_side_by_side(project):
    """The Urdu text's total of rifles for 1920-1922 and silah-temini's differ: the row says so."""
    edition = read_edition(project)
    rows = {r.id: r for r in collect(edition.corpus, edition.registry).rows}
    rifles = rows["claim-soviet-aid-totals-1920-1922-figure-arms-rifle-piece"]
    assert {c.siglum: c.value for c in rifles.claims} == {"historymaps": ("39000", "39000"),
                                                          "silah-temini": ("37812", "37812")}
    assert rifles.status == "disagree"
    gold = rows["claim-soviet-aid-totals-1920-1922-figure-money-lira"]
    assert [c.uncertain for c in gold.claims] == [True]  # the Urdu "litres" of gold
    # sums of money meet by unit: 100,000 gold roubles (historymaps) against Meyer's 100 roubles
    orphanage = rows["claim-soviet-gift-for-an-orphanage-figure-money-rouble"]
    assert sorted(c.reading for c in orphanage.claims) == ["100 rouble", "100,000 rouble gold"]
    assert orphanage.status == "disagree"


def _compared(records: list[dict]) -> dict[str, list[dict]]:
    """The rows the table of claims lists, from the JSON: every figure, and a date that two texts give
    or that disagrees (one text giving it twice, differently), each with its claims."""
    rows: dict[str, list[dict]] = {}
    for record in records:
        rows.setdefault(record["row"], []).append(record)
    return {row: found for row, found in rows.items()
            if found[0]["kind"] == "figure" or len({r["text"] for r in found}) > 1 or found[0]["status"] == "disagree"}


def test_the_table_lists_each_row_and_marks_disagreements(built_site):
    page = html.parse(str(built_site / CLAIMS_PAGE)).getroot()
    records = json.loads((built_site / CLAIMS_DATA[1]).read_text(encoding="utf-8"))["claims"]
    compared = _compared(records)
    shown = {tr.get("id"): tr for tr in page.xpath("//table[contains(@class, 'claims-list')]/tbody/tr")}
    assert set(shown) == set(compared)
    # one text disagreeing with itself is listed (the timeline marks it): moscow-talks-1920's start
    assert len({r["text"] for r in compared["claim-moscow-talks-1920-date-start"]}) == 1
    assert {row for row, tr in shown.items() if "status-disagree" in tr.get("class").split()} \
        == {row for row, found in compared.items() if found[0]["status"] == "disagree"} != set()
    # the list names the texts; it holds no claim (those are on the events' own pages)
    for row, tr in shown.items():
        assert tr.xpath("string(td[1])").replace(" ", "").split(",") == list(dict.fromkeys(r["text"] for r in compared[row]))
    assert not page.xpath("//*[contains(@class, 'claim-wording')]")
    # the first column says what its rows compare: a figure, or an event's date
    labels = tomllib.loads((ROOT / "templates" / "labels" / "en.toml").read_text(encoding="utf-8"))["claims"]
    heads = {h2.get("id"): h2.xpath("string(following::table[1]/thead/tr/th[1])") for h2 in page.xpath("//h2[@id]")}
    assert heads == {"figures": labels["what"], "dates": labels["event_column"]}
    event_page = html.parse(str(built_site / claims_path("moscow-talks-1920"))).getroot()
    assert event_page.xpath("string(//h2[@id='dates']/following::table[1]/thead/tr/th[1])") == labels["date_column"]


def test_each_listed_row_opens_on_its_events_page_with_every_claim(built_site, project):
    """A row's name on the list leads to the same row on its event's page, which sets every claim of
    the row side by side (each once, in the column of its text) and holds every row of its event."""
    page = html.parse(str(built_site / CLAIMS_PAGE)).getroot()
    records = json.loads((built_site / CLAIMS_DATA[1]).read_text(encoding="utf-8"))["claims"]
    compared = _compared(records)
    order = [text.siglum for text in read_edition(project).texts]
    events = {}
    for tr in page.xpath("//table[contains(@class, 'claims-list')]/tbody/tr"):
        href, anchor = tr.xpath("string(th/a/@href)").split("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(CLAIMS_PAGE), href))
        assert anchor == tr.get("id")
        event = compared[anchor][0]["event"]
        assert target == claims_path(event.split(":", 1)[1])
        events[event] = target
    for event, target in events.items():
        event_page = html.parse(str(built_site / target)).getroot()
        columns = event_page.xpath("(//table[@class='claims'])[1]/thead/tr[1]/th[position() > 1 and position() < last()]/a/text()")
        rows = {tr.get("id"): tr for tr in event_page.xpath("//table[@class='claims']/tbody/tr")}
        own = [r for r in records if r["event"] == event]
        assert set(rows) == {r["row"] for r in own}, event
        assert columns == [siglum for siglum in order if siglum in {r["text"] for r in own}], event
        for row, tr in rows.items():
            status = next(r["status"] for r in own if r["row"] == row)
            assert f"status-{status}" in tr.get("class").split()
            cells = tr.xpath("td[not(@class='verdict')]")
            assert len(cells) == len(columns)
            found = sorted((siglum, a.get("href").split("#")[1]) for siglum, cell in zip(columns, cells)
                           for a in cell.xpath(".//p[@class='claim-passage']/a[1]"))
            assert found == sorted((r["text"], r["passage"]) for r in own if r["row"] == row), row


def test_a_disagreement_on_the_timeline_links_to_its_dates_compared(built_site):
    """The timeline marks an event whose texts (or one text with itself) disagree on its date, and links
    to its dates set side by side on the event's own page, where a row says they disagree."""
    timeline = html.parse(str(built_site / TIMELINE_PAGE)).getroot()
    disagreeing = timeline.xpath("//li[contains(@class, 'timeline-event')][contains(@class, 'disagree')]")
    assert len(disagreeing) >= 5
    for item in disagreeing:
        link = item.xpath("string(.//p[@class='verdict']/a/@href)")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(TIMELINE_PAGE), link.split("#")[0]))
        assert (target, link.split("#")[1]) == (claims_path(item.get("id")), "dates")
        event_page = html.parse(str(built_site / target)).getroot()
        assert event_page.xpath("//h2[@id='dates']/following::table[1]/tbody/tr[contains(@class, 'status-disagree')]"), link


def test_the_timeline_has_each_event_once(built_site, project):
    page = html.parse(str(built_site / TIMELINE_PAGE)).getroot()
    ids = page.xpath("//li[contains(@class, 'timeline-event')]/@id")
    assert len(ids) == len(set(ids)) > 40
    registry = read_edition(project).registry
    assert all(f"event:{i}" in registry for i in ids)
    dates = sorted(registry[f"event:{i}"].sort_date for i in ids if registry[f"event:{i}"].sort_date != "9999")
    shown = [registry[f"event:{i}"].sort_date for i in ids if registry[f"event:{i}"].sort_date != "9999"]
    assert shown == dates


def test_parallel_passages_exist_for_events_two_texts_name(built_site):
    page = html.parse(str(built_site / passages_path("treaty-of-moscow"))).getroot()
    sections = page.xpath("//section[@class='passages']")
    assert len(sections) >= 4
    for section in sections:
        links = section.xpath(".//tbody/tr/th/a/@href")
        assert links and all(link.startswith("../../texts/") for link in links)
        assert all(td.text_content().strip() for td in section.xpath(".//tbody/tr/td[1]"))
    assert not (built_site / passages_path("russo-japanese-war")).exists()  # one text names it


def test_a_figure_of_the_aid_without_its_event_is_an_error(scratch):
    path = scratch.root / TEXT
    replace_in(path, 'commodity="rifle" corresp="event:soviet-aid-totals-1920-1922">39,000 رائفلیں',
               'commodity="rifle">39,000 رائفلیں')
    fired = [p for p in check(scratch) if p.rule == "measure-event"]
    assert [p.line for p in fired] == [line_of(path, 'commodity="rifle">39,000 رائفلیں')]
    assert "39,000" in fired[0].message and "event:" in fired[0].hint


def test_a_translation_that_claims_another_event_is_an_error(scratch):
    path = scratch.root / TEXT
    replace_in(path, 'corresp="event:battle-of-sakarya">August–September 1921',
               'corresp="event:greco-turkish-war">August–September 1921')
    fired = [p for p in check(scratch) if p.rule == "claim-counterpart"]
    assert [p.line for p in fired] == [line_of(path, '<s xml:id="historymaps-p3-s7">')]
    assert "event:battle-of-sakarya" in fired[0].message and "event:greco-turkish-war" in fired[0].message


@pytest.mark.parametrize("old, new, rule", [
    ('corresp="event:battle-of-sakarya">اگست', 'corresp="event:battle-of-sakaria">اگست', "ref-unknown"),
    ('corresp="event:battle-of-sakarya">اگست', 'corresp="place:kars">اگست', "ref-type"),
])
def test_an_event_reference_of_a_date_is_checked_like_a_name(scratch, old, new, rule):
    path = scratch.root / TEXT
    replace_in(path, old, new)
    problems = check(scratch)
    assert [p.rule for p in problems if p.rule.startswith("ref-")] == [rule], [p.format() for p in problems]
    assert not [p for p in problems if p.rule == "corresp-dangling"]
