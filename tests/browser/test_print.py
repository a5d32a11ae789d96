"""Print (templates/static/print.css) in Chromium's print preview, and each download link of the
text pages and the home page, fetched over http.

The print preview is Playwright's emulate_media(media="print"); its screenshots and PDFs land in
test-artifacts/print/ (artefacts). The PDFs are counted: with the print stylesheet the two columns
stand side by side, so a text prints on fewer pages than without it (columns stacked)."""
from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import urljoin

import pytest
from pypdf import PdfReader

from edition.model import PLAINTEXT_KINDS, plaintext_path, tei_path, text_path

pytestmark = pytest.mark.browser

# a Turkish text with footnotes, and the Urdu one
PRINTED = ["kafkas-seddi", "historymaps"]


@pytest.fixture(scope="module")
def artifacts():
    folder = Path(__file__).resolve().parents[2] / "test-artifacts" / "print"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("siglum", PRINTED)
def test_print_lays_out_both_columns_and_the_notes_at_the_foot(siglum, http_url, context, artifacts):
    page = context.new_page()
    page.goto(http_url + text_path(siglum), wait_until="load")
    page.emulate_media(media="print")
    page.screenshot(path=artifacts / f"{siglum}-print.png", full_page=True)

    # no navigation, controls or buttons (a note's call stays, as its printed mark)
    for selector in (".site-header nav", ".view-controls", ".skip-link", ".cite-button", "details.legend"):
        assert not page.locator(selector).first.is_visible(), selector
    visible_buttons = page.locator("button:not(.note-call)").evaluate_all(
        "all => all.filter(b => b.getClientRects().length > 0).map(b => b.className)")
    assert visible_buttons == []

    # the original beside the translation, row by row, even where the screen view showed one column
    page.evaluate("document.querySelector('.parallel').dataset.view = 'translation'")
    rows = page.locator(".parallel:not(.notes-parallel) > .row:not(.row-head):not(.row-shared)")
    assert rows.count() > 3
    for index in (0, rows.count() - 1):
        original = rows.nth(index).locator(".cell.original").bounding_box()
        translation = rows.nth(index).locator(".cell.translation").bounding_box()
        assert original and translation, index
        assert abs(original["y"] - translation["y"]) < 2  # side by side
        assert original["x"] + original["width"] <= translation["x"] + 1  # the original first (left)
        assert translation["width"] > 150

    # the original in its own direction: Urdu right to left, Turkish left to right
    direction = rows.first.locator(".cell.original").evaluate("e => getComputedStyle(e).direction")
    assert direction == ("rtl" if siglum == "historymaps" else "ltr")

    # the notes after the text
    notes = page.locator("section.notes")
    if notes.count():
        last_row = rows.nth(rows.count() - 1).bounding_box()
        assert notes.bounding_box()["y"] >= last_row["y"] + last_row["height"]
        assert notes.evaluate("e => getComputedStyle(e).breakBefore") == "page"


def test_print_stylesheet_prints_a_text_on_fewer_pages(http_url, context, artifacts):
    """page.pdf() prints with the print media: the stylesheet's two columns take fewer pages than
    the narrow layout that stacks them (printed without print.css)."""
    page = context.new_page()
    page.goto(http_url + text_path("kafkas-seddi"), wait_until="load")
    with_css = page.pdf(format="A4", print_background=False)
    (artifacts / "kafkas-seddi.pdf").write_bytes(with_css)
    page.route("**/static/print.css", lambda route: route.fulfill(status=200, content_type="text/css", body=""))
    page.goto(http_url + text_path("kafkas-seddi"), wait_until="load")
    without_css = page.pdf(format="A4", print_background=False)
    (artifacts / "kafkas-seddi-without-print-css.pdf").write_bytes(without_css)
    counted = _pages(with_css), _pages(without_css)
    print(f"kafkas-seddi prints on {counted[0]} A4 pages with print.css, {counted[1]} without")
    assert 2 <= counted[0] < counted[1]


@pytest.mark.parametrize("page_path", ["index.html", text_path("historymaps")])
def test_every_download_link_fetches_its_file(page_path, http_url, context):
    page = context.new_page()
    page.goto(http_url + page_path, wait_until="load")
    hrefs = page.locator("a[download]").evaluate_all("all => all.map(a => a.getAttribute('href'))")
    sigla = ["historymaps"] if page_path != "index.html" else None
    wanted = {tei_path(s) for s in (sigla or ["historymaps", "kafkas-seddi"])}
    wanted |= {plaintext_path(s, kind) for s in (sigla or ["historymaps", "kafkas-seddi"]) for kind in PLAINTEXT_KINDS}
    resolved = {urljoin(http_url + page_path, href).removeprefix(http_url) for href in hrefs}
    assert wanted <= resolved, wanted - resolved
    for path in sorted(wanted):
        response = page.request.get(http_url + path)
        assert response.ok, path
        body = response.body().decode("utf-8")
        if path.endswith(".txt"):
            assert response.headers["content-type"].startswith("text/plain"), path
            siglum = path.rsplit("/", 1)[1].rsplit("-", 1)[0]
            first, second = body.split("\n")[:2]
            assert first.endswith(f"({siglum})") and "as the edition reads it" in second, path
            assert "\n¶1  " in body, path
        else:
            assert response.headers["content-type"] in ("application/xml", "text/xml"), path
            assert body.startswith("<?xml") and "<TEI " in body, path
