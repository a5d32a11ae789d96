"""The map of places in a real browser: it loads without an error over http and from disk, its
points are links the keyboard reaches (a point's hidden name shows on focus) and open the index
entry, and at phone width the map scrolls inside its frame, not the page."""
from __future__ import annotations

import pytest

from edition.model import MAP_PAGE

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_the_map_loads_and_its_points_are_keyboard_links(scheme, site, http_url, context):
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "favicon" not in m.location.get(
        "url", "") else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(http_url + MAP_PAGE if scheme == "http" else (site / MAP_PAGE).as_uri(), wait_until="load")
    assert page.locator("svg.map").is_visible()
    points = page.locator("svg.map a.map-point")
    assert points.count() >= 67
    # from the link just before the map, Tab reaches a point of the map
    page.locator("main p a[href='#map-places']").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.closest('svg.map') !== null,"
                            " document.activeElement.getAttribute('class')]")
    assert focused == [True, "map-point"]
    # a point whose name the map does not show shows it on focus
    hidden = page.locator("svg.map a.map-point:has(text.map-label-hover)").first
    label = hidden.locator("text")
    assert label.evaluate("e => getComputedStyle(e).visibility") == "hidden"
    hidden.focus()
    assert label.evaluate("e => getComputedStyle(e).visibility") == "visible"
    # Enter opens the place's index entry
    entry = page.evaluate("() => document.activeElement.getAttribute('href')").split("#")[1]
    with page.expect_navigation(wait_until="load"):
        page.keyboard.press("Enter")
    assert page.url.endswith(f"index/places.html#{entry}")
    assert page.locator(f"[id='{entry}']").is_visible()
    assert errors == []


def test_at_phone_width_the_map_scrolls_in_its_frame(site, http_url, new_context):
    page = new_context("phone").new_page()
    page.goto(http_url + MAP_PAGE, wait_until="load")
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth,"
                           " document.querySelector('.map-frame').scrollWidth,"
                           " document.querySelector('.map-frame').clientWidth]")
    page_width, viewport, map_width, frame = widths
    assert page_width <= viewport, widths  # the page itself does not scroll sideways
    assert map_width > frame, widths  # the map keeps a legible size and scrolls in its frame
    assert page.locator("ul.map-areas li").first.is_visible()
