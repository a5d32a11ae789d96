"""The search page over http (Pagefind in the browser), its message opened from disk, and the
index pages' filter box: what a reader types is folded as the texts were (edition/search.py)."""
from __future__ import annotations

import re

import pytest

from edition.model import SEARCH_PAGE

from .conftest import serving

pytestmark = pytest.mark.browser

STATUS = "#search-status"


def search(page, query: str) -> list[dict]:
    """Type a query, wait for the first results (or for "Nothing found"), return them."""
    page.fill("#search-query", query)
    page.press("#search-query", "Enter")
    page.wait_for_function(
        "() => { const s = document.getElementById('search-status').textContent;"
        " return /^\\d+ /.test(s) ? document.querySelector('.search-result') !== null : /^Nothing/.test(s); }",
        timeout=30000)
    return page.eval_on_selector_all(
        ".search-result",
        "items => items.map(li => ({href: li.querySelector('a').getAttribute('href'),"
        " text: li.querySelector('.search-result-text').textContent,"
        " lang: li.querySelector('.search-result-text').lang,"
        " marked: Array.from(li.querySelectorAll('mark')).map(m => m.textContent)}))")


def total(page) -> int:
    return int(page.text_content(STATUS).split()[0])


def changed(page, before: int) -> None:
    """Wait until the status gives another number of results than before (a filter was applied)."""
    page.wait_for_function(
        "before => { const s = document.getElementById('search-status').textContent;"
        " return (/^\\d+ /.test(s) && parseInt(s) !== before && document.querySelector('.search-result'))"
        " || /^Nothing/.test(s); }", arg=before, timeout=30000)


@pytest.fixture
def search_page(context, http_url):
    page = context.new_page()
    page.goto(http_url + SEARCH_PAGE)
    return page


@pytest.mark.parametrize("query", ["Cicerin", "cicerin", "Çiçerin", "ÇİÇERİN"])
def test_every_spelling_finds_chicherin(search_page, query):
    results = search(search_page, query)
    assert results, query
    assert any("Çiçerin" in r["text"] for r in results), [r["text"][:60] for r in results]
    # the word found is marked in its own spelling
    assert any(any(m.startswith("Çiçerin") for m in r["marked"]) for r in results)
    assert total(search_page) == total_for(search_page, "Çiçerin")


def total_for(page, query: str) -> int:
    search(page, query)
    return total(page)


def test_kazim_finds_kazim_with_its_accents(search_page):
    results = search(search_page, "Kazim")
    assert any("Kâzım" in r["text"] for r in results), [r["text"][:60] for r in results]


def test_urdu_letter_variants_match(search_page):
    """historymaps writes ترکی with the Urdu kaf and yeh; typed with the Arabic ك and ي it is found."""
    results = search(search_page, "تركي")
    assert "texts/historymaps.html#historymaps-p3-s4" in [r["href"].split("/", 1)[-1] for r in results]
    assert all(r["lang"] == "ur" for r in results)
    # and the Arabic heh: اهم finds اہم ("important")
    assert any("اہم" in r["text"] for r in search(search_page, "اهم"))


def test_a_result_links_to_its_sentence(search_page):
    results = search(search_page, "Çiçerin")
    search_page.click(".search-result a >> nth=0")
    search_page.wait_for_load_state("load")
    anchor = search_page.evaluate("() => decodeURIComponent(location.hash.slice(1))")
    assert results[0]["href"].endswith("#" + anchor)
    assert search_page.evaluate("id => document.getElementById(id) !== null", anchor), anchor
    assert "Çiçerin" in search_page.evaluate("id => document.getElementById(id).textContent", anchor)


def test_filters_narrow_the_search(search_page):
    everything = total_for(search_page, "Karabekir")
    search_page.click(".search-filters summary")
    search_page.check("input[name=language][value=en]")
    changed(search_page, everything)
    english = total(search_page)
    assert 0 < english < everything
    assert all(r == "en" for r in search_page.eval_on_selector_all(".search-result-text", "ps => ps.map(p => p.lang)"))
    # the editors' notes alone
    search_page.check("input[name=note][value=editorial]")
    changed(search_page, english)
    editorial = search_page.eval_on_selector_all(".search-result a", "links => links.map(a => a.getAttribute('href'))")
    assert editorial and all(re.search(r"-e\d+$", href) for href in editorial), editorial


def test_opened_from_disk_the_page_says_what_to_do(context, site):
    page = context.new_page()
    page.goto((site / SEARCH_PAGE).as_uri())
    page.wait_for_selector("#search-file", state="visible")
    message = page.text_content("#search-file")
    assert "edition serve" in message and "python3 -m http.server" in message
    assert page.is_hidden("#search-form")


def test_without_javascript_the_form_is_hidden(new_context, http_url):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(http_url + SEARCH_PAGE)
    assert page.is_hidden("#search-form")
    page.goto(http_url + "index/persons.html")
    assert page.is_hidden(".entry-filter")


@pytest.mark.parametrize("typed, entry", [("cicerin", "chicherin"), ("KAZIM", "kazim-karabekir"),
                                          ("Çiçerin", "chicherin")])
def test_the_register_filter_box_hides_what_does_not_match(context, http_url, typed, entry):
    page = context.new_page()
    page.goto(http_url + "index/persons.html")
    every = page.locator(".entry").count()
    page.fill("#entry-filter", typed)
    visible = page.eval_on_selector_all(".entry", "es => es.filter(e => e.offsetParent !== null).map(e => e.id)")
    assert entry in visible
    assert 0 < len(visible) < every
    assert page.text_content(".entry-filter-count").startswith(f"{len(visible)} ")
    # groups left empty are hidden with their letter
    assert page.eval_on_selector_all(".entry-group", "gs => gs.filter(g => g.offsetParent === null).length") > 0
    page.fill("#entry-filter", "")
    assert page.eval_on_selector_all(".entry", "es => es.filter(e => e.offsetParent !== null).length") == every


AXE_RUN = """async () => (await axe.run(document, {resultTypes: ['violations']}))
    .violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"""


def test_results_and_the_filter_box_pass_axe(new_context, http_url, axe_source):
    """test_axe.py sees the pages as they load; here with results, the filters open, a box filled."""
    page = new_context(bypass_csp=True).new_page()  # the page's policy would block the injected axe script
    page.goto(http_url + SEARCH_PAGE)
    assert search(page, "Kazim") and search(page, "تركي")
    page.click(".search-filters summary")
    page.add_script_tag(path=str(axe_source))
    assert page.evaluate(AXE_RUN) == []
    page.goto(http_url + "index/persons.html")
    page.fill("#entry-filter", "kazim")
    page.add_script_tag(path=str(axe_source))
    assert page.evaluate(AXE_RUN) == []


@pytest.fixture(scope="module")
def parted_url(parted_site):
    with serving(parted_site) as url:
        yield url


@pytest.mark.parametrize("query", ["Çiçerin", "Karabekir", "تركي", "1921"])
def test_several_indexes_merged_find_what_one_finds(context, http_url, parted_url, query):
    """A large edition's records are in several indexes (here the edition's own, in four): the page
    merges them, and a reader finds as much, in both interface languages, as in one index."""
    found = {}
    for name, url in (("one", http_url), ("parted", parted_url)):
        for prefix in ("", "tr/"):
            page = context.new_page()
            page.goto(url + prefix + SEARCH_PAGE)
            search(page, query)
            found[name, prefix] = total(page)
            page.close()
    assert found["one", ""] > 0 and len(set(found.values())) == 1, found
