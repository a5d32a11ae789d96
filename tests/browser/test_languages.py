"""The interface language in a real browser: the reader chooses it in the header, it is remembered
from page to page and from visit to visit, over http and from disk, and a link keeps its place."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _nav(page) -> list[str]:
    return page.locator("header nav[aria-label]:not(.language-switch) a").all_inner_texts()


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_the_chosen_language_is_remembered_and_a_link_keeps_its_place(scheme, site, http_url, context):
    base = http_url if scheme == "http" else site.resolve().as_uri() + "/"
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base}index.html")
    assert page.evaluate("document.documentElement.lang") == "en" and "Texts" in _nav(page)

    page.get_by_role("link", name="Türkçe").click()
    page.wait_for_url(f"{base}tr/index.html")
    assert page.evaluate("document.documentElement.lang") == "tr"
    assert "Metinler" in _nav(page) and "Kişiler" in _nav(page)

    # a later visit to an English address, with a fragment, lands on the same place in Turkish
    page.goto(f"{base}texts/kafkas-seddi.html#kafkas-seddi-p13-s2")
    page.wait_for_url(f"{base}tr/texts/kafkas-seddi.html#kafkas-seddi-p13-s2")
    assert page.get_by_role("button", name="Çeviri", exact=True).count() == 1
    assert page.locator("#kafkas-seddi-p13-s2").count() == 1

    # following the site's own links stays in Turkish
    page.get_by_role("link", name="Kişiler").first.click()
    page.wait_for_url(f"{base}tr/index/persons.html")

    # and choosing English again is remembered too
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{base}index/persons.html")
    page.goto(f"{base}tr/index.html")
    page.wait_for_url(f"{base}index.html")
    assert errors == []


def test_without_a_choice_every_page_stays_in_its_own_language(http_url, context):
    page = context.new_page()
    page.goto(f"{http_url}tr/compare/timeline.html")
    page.wait_for_load_state("load")
    assert page.url == f"{http_url}tr/compare/timeline.html"
    assert page.locator("h1").inner_text() == "Zaman çizelgesi"
