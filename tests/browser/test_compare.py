"""The pages that read the sources together, in a real browser: the timeline's filters, the table
of claims' "disagreements only", and the way from a row of claims, through its event's page, or from a
passage to its sentence."""
from __future__ import annotations

import pytest

from edition.model import CLAIMS_PAGE, TIMELINE_PAGE, passages_path

pytestmark = pytest.mark.browser


def _shown(page, selector: str) -> int:
    return page.evaluate(f"() => [...document.querySelectorAll({selector!r})].filter(e => e.offsetParent).length")


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_the_timeline_filters_by_text_and_by_type(scheme, site, http_url, context):
    page = context.new_page()
    page.goto(http_url + TIMELINE_PAGE if scheme == "http" else (site / TIMELINE_PAGE).as_uri())
    every = _shown(page, ".timeline-event")
    assert every > 40
    assert page.locator(".timeline-count").inner_text().startswith(str(every))
    # only the events that the Urdu text names or dates
    for box in page.locator("input[name=text]").all():
        if box.get_attribute("value") != "historymaps":
            box.uncheck()
    urdu = page.evaluate("() => [...document.querySelectorAll('.timeline-event')].filter(e => !e.hidden)"
                         ".map(e => e.getAttribute('data-texts'))")
    assert 0 < len(urdu) < every and all("historymaps" in texts.split() for texts in urdu)
    # and of those, no wars
    page.locator("input[name=type][value=war]").uncheck()
    types = page.evaluate("() => [...document.querySelectorAll('.timeline-event')].filter(e => !e.hidden)"
                          ".map(e => e.getAttribute('data-type'))")
    assert len(types) < len(urdu) and "war" not in types


def test_the_table_of_claims_shows_the_disagreements_alone_and_leads_to_each_claim(site, http_url, context):
    page = context.new_page()
    page.goto(http_url + CLAIMS_PAGE)
    rows = _shown(page, "table.claims tbody tr")
    disagreeing = _shown(page, "table.claims tbody tr.status-disagree")
    assert rows > disagreeing > 0
    page.locator("input[name=disagree-only]").check()
    assert _shown(page, "table.claims tbody tr") == disagreeing
    # a row's name opens the row on its event's page, the texts side by side ...
    row = page.locator("tr.status-disagree").first
    row_id = row.get_attribute("id")
    row.locator("th a").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("#" + row_id) and "/compare/claims/" in page.url
    assert page.locator(f"[id='{row_id}']").is_visible()
    assert page.locator(f"[id='{row_id}'] .claim").count() >= 2
    # ... and a claim's passage link opens the text at the sentence
    link = page.locator(f"[id='{row_id}'] .claim-passage a").first
    anchor = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("#" + anchor)
    assert page.locator(f"[id='{anchor}']").is_visible()


def test_parallel_passages_open_their_sentence(site, http_url, context):
    page = context.new_page()
    page.goto(http_url + passages_path("treaty-of-moscow"))
    texts = page.locator("section.passages h2").all_inner_texts()
    assert len(texts) >= 4
    link = page.locator("section.passages tbody th a").first
    anchor = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_load_state("load")
    assert page.locator(f"[id='{anchor}']").is_visible()
