""""Cite this" in a real browser: a paragraph's, a sentence's, a footnote's and an editors' note's citation from the
dialog (over http and from disk), copying a reference, each download parsed back, the keyboard."""
from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import pytest
import rispy

from edition.citation import FORMATS

pytestmark = pytest.mark.browser

TEXT = "texts/meyer-lozan.html"
STYLES = ("chicago-author-date-16th-edition", "modern-language-association")


def _open(context, url: str):
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.wait_for_load_state("load")
    page.errors = errors
    return page


def _dialog(page) -> dict:
    return page.evaluate("""() => {
        const dialog = document.getElementById('cite-dialog');
        const forms = {};
        dialog.querySelectorAll('.cite-form').forEach(f => {
            forms[f.dataset.style] = {inText: f.querySelector('.cite-in-text').textContent,
                                      reference: f.querySelector('.cite-reference').textContent,
                                      italic: f.querySelector('.cite-reference i') ? f.querySelector('.cite-reference i').textContent : ''};
        });
        return {open: dialog.open, label: dialog.querySelector('.cite-dialog-label').textContent,
                options: [...dialog.querySelectorAll('.cite-passage option')].map(o => o.textContent), forms};
    }""")


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_a_paragraph_and_one_of_its_sentences_are_cited_from_the_dialog(context, http_url, site, scheme):
    base = http_url if scheme == "http" else site.as_uri() + "/"
    page = _open(context, f"{base}{TEXT}")
    button = page.locator("button.cite-button[data-cite='meyer-lozan-p19']")
    assert button.is_visible() and button.inner_text() == "Cite"
    button.click()
    shown = _dialog(page)
    assert shown["open"] and shown["label"] == "¶19" and shown["options"][:3] == ["¶19", "¶19 s. 1", "¶19 s. 2"]
    chicago, mla = shown["forms"][STYLES[0]], shown["forms"][STYLES[1]]
    assert chicago["inText"] == "(Meyer 2026, ¶19)"
    assert chicago["reference"].startswith("Meyer, Mihail Serafimoviç. 2026.")
    assert chicago["reference"].endswith("texts/meyer-lozan.html#meyer-lozan-p19.")
    assert chicago["italic"] == "Soviet Arms and Gold for Ankara, 1919–1923"  # the processor's markup
    assert mla["inText"].endswith(" ¶19)") and "texts/meyer-lozan.html#meyer-lozan-p19" in mla["reference"]

    page.locator("#cite-dialog .cite-passage").select_option(label="¶19 s. 5")
    shown = _dialog(page)
    assert shown["label"] == "¶19 s. 5"
    assert shown["forms"][STYLES[0]]["inText"] == "(Meyer 2026, ¶19 s. 5)"
    assert shown["forms"][STYLES[0]]["reference"].endswith("texts/meyer-lozan.html#meyer-lozan-p19-s5.")
    assert "LOCATOR" not in json.dumps(shown)
    assert page.errors == []


def test_a_footnote_is_cited_by_its_number(context, http_url):
    page = _open(context, f"{http_url}{TEXT}")
    page.locator("button.cite-button[data-cite='meyer-lozan-n33']").click()
    shown = _dialog(page)
    assert shown["label"] == "n. 33" and shown["options"] == ["n. 33"]
    assert shown["forms"][STYLES[0]]["inText"] == "(Meyer 2026, n. 33)"
    assert shown["forms"][STYLES[0]]["reference"].endswith("#meyer-lozan-n33.")


@pytest.mark.parametrize("note, label", [("meyer-lozan-e1", "e1"), ("meyer-lozan-tn1", "t1")])
def test_an_editors_or_translators_note_is_cited_by_its_mark(context, http_url, note, label):
    page = _open(context, f"{http_url}{TEXT}")
    button = page.locator(f".edition-note button.cite-button[data-cite='{note}']")
    assert button.is_visible()
    button.click()
    shown = _dialog(page)
    assert shown["label"] == label and shown["options"] == [label]
    assert shown["forms"][STYLES[0]]["inText"] == f"(Meyer 2026, {label})"
    assert shown["forms"][STYLES[0]]["reference"].endswith(f"#{note}.")
    assert page.errors == []


def test_the_dialog_works_from_the_keyboard_and_gives_focus_back(context, http_url):
    page = _open(context, f"{http_url}{TEXT}")
    button = page.locator("button.cite-button[data-cite='meyer-lozan-p19']")
    button.focus()
    page.keyboard.press("Enter")
    assert _dialog(page)["open"]
    assert page.evaluate("document.activeElement.closest('dialog') !== null")
    page.keyboard.press("Escape")
    assert not _dialog(page)["open"]
    assert page.evaluate("document.activeElement.dataset.cite") == "meyer-lozan-p19"


@pytest.mark.parametrize("where", ["dialog", "text", "home"])
def test_copy_puts_the_formatted_reference_on_the_clipboard(new_context, http_url, where):
    context = new_context(permissions=["clipboard-read", "clipboard-write"])
    page = _open(context, f"{http_url}{'index.html' if where == 'home' else TEXT}")
    if where == "dialog":
        page.locator("button.cite-button[data-cite='meyer-lozan-p19']").click()
        form = page.locator(f"#cite-dialog .cite-form[data-style='{STYLES[1]}']")
    elif where == "text":
        page.locator("#cite > summary").click()  # "Cite this text", in the text's header
        form = page.locator(f"#cite .cite-form[data-style='{STYLES[0]}']")
    else:
        form = page.locator(f".cite[data-cite-key='edition'] .cite-form[data-style='{STYLES[0]}']")
    expected = " ".join(form.locator(".cite-reference").inner_text().split())
    form.locator(".cite-copy").click()
    form.locator(".cite-status", has_text="Copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == expected and len(copied) > 100
    assert ("#meyer-lozan-p19" in copied) == (where == "dialog")
    assert page.errors == []


@pytest.mark.parametrize("fmt", ["bibtex", "ris", "csl-json"])
def test_each_download_of_a_text_parses(new_context, http_url, fmt):
    context = new_context(accept_downloads=True)
    page = _open(context, f"{http_url}{TEXT}")
    with page.expect_download() as info:
        page.locator("#cite > summary").click()
        page.locator(f"#cite a[data-format='{fmt}']").click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    title = "Turkish–Russian Relations during the Lausanne Conference in the Light of Archival Documents"
    if fmt == "bibtex":
        from bibtexparser import middlewares
        entries = bibtexparser.parse_string(text, append_middleware=[middlewares.LatexDecodingMiddleware()]).entries
        assert [e.key for e in entries] == ["meyer-lozan"] and entries[0].fields_dict["title"].value == title
    elif fmt == "ris":
        entries = rispy.loads(text)
        assert [e["title"] for e in entries] == [title] and entries[0]["authors"] == ["Meyer, Mihail Serafimoviç"]
    else:
        assert [item["title"] for item in json.loads(text)] == [title]
    assert info.value.suggested_filename == {"bibtex": "meyer-lozan.bib", "ris": "meyer-lozan.ris",
                                             "csl-json": "meyer-lozan.json"}[fmt]


def _parsed(text: str, fmt: str) -> dict:
    """A downloaded record, read back by the format's own parser: key, title, authors, address, note."""
    if fmt == "bibtex":
        from bibtexparser import middlewares
        [entry] = bibtexparser.parse_string(text, append_middleware=[middlewares.LatexDecodingMiddleware()]).entries
        fields = {name: entry.fields_dict[name].value for name in ("title", "author", "url", "note")}
        return {"key": entry.key, **fields}
    if fmt == "ris":
        [entry] = rispy.loads(text)
        return {"key": entry["id"], "title": entry["title"], "author": entry["authors"], "url": entry["urls"][0],
                "note": entry["notes"][0]}
    [item] = json.loads(text)
    return {"key": item["id"], "title": item["title"], "author": item["author"], "url": item["URL"], "note": item["note"]}


@pytest.mark.parametrize("scheme", ["http", "file"])
@pytest.mark.parametrize("fmt", ["bibtex", "ris", "csl-json"])
def test_each_download_of_a_passage_is_its_own_record_and_parses(new_context, http_url, site, fmt, scheme):
    """The dialog's downloads are the passage's record: the text's record (its file on the site) with
    the passage's id as its key, its address and its locator."""
    extension = {"bibtex": "bib", "ris": "ris", "csl-json": "json"}[fmt]
    text = _parsed((site / f"cite/texts/meyer-lozan.{extension}").read_text(encoding="utf-8"), fmt)
    context = new_context(accept_downloads=True)
    page = _open(context, f"{http_url if scheme == 'http' else site.as_uri() + '/'}{TEXT}")
    page.locator("button.cite-button[data-cite='meyer-lozan-p19']").click()
    page.locator("#cite-dialog .cite-passage").select_option(label="¶19 s. 5")
    for passage, label in (("meyer-lozan-p19-s5", "¶19 s. 5"), ("meyer-lozan-n33", "n. 33")):
        if passage.endswith("n33"):
            page.locator("#cite-dialog .cite-close").click()
            page.locator(f"button.cite-button[data-cite='{passage}']").click()
        with page.expect_download() as info:
            page.locator(f"#cite-dialog a.cite-passage-download[data-format='{fmt}']").click()
        downloaded = Path(info.value.path()).read_text(encoding="utf-8")
        record = _parsed(downloaded, fmt)
        # byte for byte what the format's writer makes of the text's record at the passage
        [item] = json.loads((site / "cite/texts/meyer-lozan.json").read_text(encoding="utf-8"))
        assert downloaded == FORMATS[fmt]({**item, "id": passage, "URL": f"{item['URL']}#{passage}",
                                           "note": f"Passage {label}. {item['note']}"})
        assert info.value.suggested_filename == f"{passage}.{extension}"
        assert record == {**text, "key": passage, "url": f"{text['url']}#{passage}", "note": f"Passage {label}. {text['note']}"}
    assert text["note"].startswith("Text version ") and text["url"].endswith(TEXT)
    assert page.errors == []


def test_without_javascript_the_text_citation_and_downloads_are_there(new_context, http_url):
    context = new_context(java_script_enabled=False)
    page = _open(context, f"{http_url}{TEXT}")
    cite = page.locator("#cite")
    cite.locator("summary").click()  # a <details>: it opens without the script
    assert cite.locator(".cite-reference").first.inner_text().startswith("Meyer, Mihail Serafimoviç. 2026.")
    assert cite.locator("a[download]").count() == 3
    assert page.locator("button.cite-button:visible").count() == 0  # the passage dialog needs the script


def test_axe_finds_no_violation_in_the_open_dialog(new_context, http_url, axe_source):
    page = new_context(bypass_csp=True).new_page()  # the policy would block the injected axe script
    page.goto(f"{http_url}{TEXT}", wait_until="load")
    page.locator("button.cite-button[data-cite='meyer-lozan-p19']").click()
    page.add_script_tag(path=str(axe_source))
    violations = page.evaluate("""async () => (await axe.run('#cite-dialog', {resultTypes: ['violations']}))
        .violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))""")
    assert violations == []
