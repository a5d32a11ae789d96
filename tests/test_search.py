"""The full-text search: the folding of what a reader types, the records, the index the build ships.

The search itself runs in the browser: tests/browser/test_search.py."""
from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import cbor2
import pytest
from conftest import ROOT, SMALL_SEARCH_INDEX
from lxml import html

from edition.build import read_edition
from edition import model
from edition.model import REGISTER_KINDS, SEARCH_BUNDLE, SEARCH_PAGE, search_bundle
from edition.outputs import search as output
from edition.search import FOLDING, fold, records


@pytest.fixture(scope="module")
def edition(project):
    return read_edition(project)


@pytest.fixture(scope="module")
def found(edition):
    return {record.anchor: record for record in records(edition)}


@pytest.mark.parametrize("typed, indexed", [
    ("Çiçerin", "cicerin"), ("cicerin", "cicerin"), ("CICERIN", "cicerin"), ("ÇİÇERİN", "cicerin"),
    ("Kâzım", "kazim"), ("KAZIM", "kazim"), ("Kazim", "kazim"),
    # Turkish I, İ, ı, i all one letter; ğ ş ö ü û î to their base letters
    ("Işık", "isik"), ("İsmet", "ismet"), ("ısmet", "ismet"), ("Doğu Şûrası", "dogu surasi"), ("Gümrü", "gumru"),
    ("Çiçerin’in", "cicerin in"),  # the suffix after the apostrophe is a word of its own
    # the Arabic forms of yeh, kaf and heh are the Urdu ones of tei/texts/historymaps.xml
    ("تركي", "ترکی"), ("ترکی", "ترکی"), ("اهم", "اہم"), ("ى", "ی"), ("ۂ", "ہ"), ("ئ", "ی"),
    ("۱۹۲۱", "1921"), ("١٩٢١", "1921"), ("مصطفیٰ", "مصطفی"),
])
def test_fold(typed, indexed):
    assert fold(typed) == indexed


def test_folding_is_idempotent_over_every_record(found):
    texts = [record.text for record in found.values()]
    assert texts
    assert [fold(fold(text)) for text in texts] == [fold(text) for text in texts]


def test_the_pages_give_the_script_the_python_table(built_site):
    """The query is folded in the browser with the same table the index was folded with."""
    pages = [SEARCH_PAGE] + [kind.page for kind in REGISTER_KINDS]
    for page in pages:
        root = html.parse(str(built_site / page)).getroot()
        tables = root.xpath("//@data-fold")
        assert len(tables) == 1, page
        assert json.loads(tables[0]) == FOLDING, page


def test_records_sentences_blocks_and_notes(found):
    chicherin = found["kafkas-seddi-p6-s9"]
    assert "Çiçerin" in chicherin.text and chicherin.content.count("cicerin") == 1
    assert (chicherin.part, chicherin.lang, chicherin.note_type) == ("original", "tr", "")
    assert chicherin.url == "texts/kafkas-seddi.html#kafkas-seddi-p6-s9" and chicherin.label == "¶6 s. 9"
    assert chicherin.entities == ("person", "place")
    # a sentence without the footnote inside it (the note's archive is the note's, not the sentence's)
    weak = found["kafkas-seddi-p6-s11"]
    assert "Cumhuriyet" not in weak.text and weak.entities == ("place",)
    note = found["kafkas-seddi-n9"]
    assert note.note_type == "source" and "Cumhuriyet Müzesi Arşivi" in note.text and note.entities == ("org",)
    # the translation and the editors' notes
    assert found["kafkas-seddi-p6-s9-en"].part == "translation" and found["kafkas-seddi-p6-s9-en"].lang == "en"
    kinds = {record.note_type for record in found.values()}
    assert kinds == {"", "source", "translation", "editorial"}
    # the Urdu original
    urdu = [record for record in found.values() if record.lang == "ur"]
    assert urdu and all(record.siglum == "historymaps" and record.part == "original" for record in urdu)
    # a block with no sentence is one record (a heading), a block with sentences is not
    assert any(re.search(r"-h\d+$", anchor) for anchor in found)
    assert "kafkas-seddi-p6" not in found
    # a footnote lost from the print has no words and no record
    assert "kafkas-seddi-n5" not in found and all(record.text for record in found.values())


def test_a_notes_record_does_not_begin_with_its_number(found):
    """The result names the note (n. 1); its words are the note's, without the label the print gives it."""
    assert found["frunze-heyeti-n1"].text.startswith("Doğu Halklarının Birinci Kurultayı")
    assert found["frunze-heyeti-n3"].text.startswith("TBMMZC.")  # a corrected label (. -> 3) is left out too
    assert found["frunze-heyeti-n3"].label == "n. 3"
    # a note that begins with a number of its own keeps it
    assert found["frunze-heyeti-n24"].text.startswith("1-8 Eylül 1920")


def test_every_record_links_to_an_anchor_of_its_page(found, built_site):
    ids: dict[str, set[str]] = {}
    missing = []
    for record in found.values():
        if record.siglum not in ids:
            page = (built_site / record.url.split("#")[0]).read_text(encoding="utf-8")
            ids[record.siglum] = set(re.findall(r'\bid="([^"]+)"', page))
        if record.anchor not in ids[record.siglum]:
            missing.append(record.url)
    assert not missing, missing[:10]


def test_the_site_ships_the_index_and_not_pagefinds_own_interface(built_site, found):
    bundle = built_site / SEARCH_BUNDLE
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["en"]  # one index, in the interface's language
    assert entry["languages"]["en"]["page_count"] == len(found)
    assert not (built_site / search_bundle(2)).exists()  # all in one index
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-worker.js").is_file()
    assert not list(bundle.glob("pagefind-*ui*")) and not (bundle / "pagefind-highlight.js").exists()
    page = (built_site / SEARCH_PAGE).read_text(encoding="utf-8")
    # only this page may run WebAssembly and fetch
    assert "'wasm-unsafe-eval'" in page and "connect-src 'self'" in page
    assert "wasm-unsafe-eval" not in (built_site / "index.html").read_text(encoding="utf-8")


def test_the_records_go_into_indexes_of_whole_texts(edition, monkeypatch):
    every = records(edition)
    sizes = {siglum: sum(1 for r in every if r.siglum == siglum) for siglum in dict.fromkeys(r.siglum for r in every)}
    assert len(output.parts(every)) == 1  # the edition's 4,255 records: one index, pagefind/
    monkeypatch.setattr(model, "SEARCH_RECORDS_PER_INDEX", 1200)
    made = output.parts(every)
    assert [record for part in made for record in part] == every  # each record once, in order
    for part in made:
        texts = list(dict.fromkeys(record.siglum for record in part))
        assert all(sum(1 for r in part if r.siglum == siglum) == sizes[siglum] for siglum in texts)  # whole texts
        assert len(part) <= 1200 or len(texts) == 1
    # an index is closed only when the next text would not fit in it
    assert all(len(a) + sizes[b[0].siglum] > 1200 for a, b in zip(made, made[1:]))
    assert len(made) >= 3


def test_a_large_editions_search_is_several_indexes_that_the_page_merges(parted_site, edition, monkeypatch):
    bundles = sorted(path.name for path in parted_site.iterdir() if path.name.startswith(SEARCH_BUNDLE.rstrip("/")))
    assert bundles == [search_bundle(n).rstrip("/") for n in range(1, len(bundles) + 1)] and len(bundles) == 4
    counts = [json.loads((parted_site / name / "pagefind-entry.json").read_text())["languages"]["en"]["page_count"]
              for name in bundles]
    monkeypatch.setattr(model, "SEARCH_RECORDS_PER_INDEX", SMALL_SEARCH_INDEX)
    assert counts == [len(part) for part in output.parts(records(edition))]  # each index holds its part
    # Pagefind's script is the first index's; the page names the others, to be merged into it
    for page, root in ((SEARCH_PAGE, ""), ("tr/" + SEARCH_PAGE, "../")):
        form = html.parse(str(parted_site / page)).getroot().get_element_by_id("search-form")
        assert form.get("data-bundle") == root + SEARCH_BUNDLE
        assert form.get("data-merge").split() == [root + name + "/" for name in bundles[1:]]


def _shuffled(files: dict[str, bytes]) -> dict[str, bytes]:
    """The same index with each filter's values in reverse order (as another run of Pagefind may give)."""
    out = dict(files)
    for path, data in files.items():
        if path.startswith("filter/"):
            raw = gzip.decompress(data)
            name, values = cbor2.loads(raw[len(b"pagefind_dcd"):])
            out[path] = gzip.compress(b"pagefind_dcd" + cbor2.dumps([name, values[::-1]]), mtime=0)
    return out


def test_the_index_is_made_canonical(found):
    """Pagefind orders a filter's values as a hash map does; the build sorts them."""
    some = [record for record in found.values() if record.siglum == "historymaps"]
    with ThreadPoolExecutor(max_workers=1) as pool:
        files = pool.submit(output._make, some, "en", {"historymaps": "Bolshevik support"}).result()
    filters = [path for path in files if path.startswith("filter/")]
    assert len(filters) >= 4
    assert output._canonical(files) == output._canonical(_shuffled(files))
    canonical = output._canonical(files)
    entry = json.loads(canonical["pagefind-entry.json"])
    assert f"pagefind.{entry['languages']['en']['hash']}.pf_meta" in canonical
    meta = cbor2.loads(gzip.decompress(canonical[f"pagefind.{entry['languages']['en']['hash']}.pf_meta"])[12:])
    assert all(f"filter/{name}.pf_filter" in canonical for _, name in meta[3])


def test_without_pagefind_the_build_says_so_and_writes_nothing(tmp_path):
    out = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "edition", "build", "--out", str(out)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300,
                            env={**os.environ, "PAGEFIND_BINARY_PATH": str(tmp_path / "no-pagefind")})
    assert result.returncode == 1
    assert "error [search-index] cannot make the search index" in result.stderr, result.stderr
    assert "hint: Pagefind's binary comes with the toolkit's dependencies" in result.stderr
    assert not out.exists()


def test_the_first_indexes_are_made_beside_the_pages_and_the_rest_after(monkeypatch):
    """Pagefind makes the first two indexes while Python renders the pages (outputs.STARTED_EARLY); the
    others are begun only when the search's files are asked for, one as each index is taken."""
    import time

    from edition.build import render_site
    from edition.render import Renderer
    from edition.sources import Project

    begun: list[float] = []
    pages: list[float] = []
    make, page = output._make, Renderer.page

    def making(*args):
        begun.append(time.perf_counter())
        return make(*args)

    def rendering(self, *args, **kwargs):
        pages.append(time.perf_counter())
        return page(self, *args, **kwargs)

    monkeypatch.setattr(output, "_make", making)
    monkeypatch.setattr(Renderer, "page", rendering)
    monkeypatch.setattr(model, "SEARCH_RECORDS_PER_INDEX", SMALL_SEARCH_INDEX)
    monkeypatch.setenv("EDITION_CACHE", "off")  # every index made by Pagefind, none taken from an earlier build
    files = render_site(Project(ROOT)).files
    assert len(begun) == 4 and all(f"{search_bundle(n)}pagefind-entry.json" in files for n in range(1, 5))
    assert begun[0] < pages[0] and begun[1] < pages[-1]  # beside the pages
    assert min(begun[2:]) > pages[-1]  # after them: two at a time


def test_an_index_whose_texts_did_not_change_is_kept_and_byte_identical(scratch, monkeypatch, tmp_path):
    """Each index is kept under a digest of what Pagefind was given for it (.cache/edition/search/):
    a build in which a text changed makes again only the index that holds it; every index is the
    same as one made without the cache, a damaged one is made again; the cache keeps only the last
    build's indexes."""
    from edition.build import render_site
    from conftest import replace_in

    made: list[list[str]] = []
    make = output._make

    def making(part, *args):
        made.append(sorted({record.siglum for record in part}))
        return make(part, *args)

    def search_files(files):
        return {path: data for path, data in files.items() if path.startswith(SEARCH_BUNDLE.split("/")[0])}

    monkeypatch.setattr(output, "_make", making)
    monkeypatch.setattr(model, "SEARCH_RECORDS_PER_INDEX", SMALL_SEARCH_INDEX)
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache"))
    first = search_files(render_site(scratch).files)
    assert len(made) == 4 and len(list((tmp_path / "cache" / "search").glob("*.zip"))) == 4
    made.clear()
    assert search_files(render_site(scratch).files) == first and made == []
    damaged = sorted((tmp_path / "cache" / "search").glob("*.zip"))[0]
    damaged.write_bytes(damaged.read_bytes()[:1000])  # a damaged index is made again
    assert search_files(render_site(scratch).files) == first and len(made) == 1
    made.clear()

    replace_in(scratch.texts_dir / "kafkas-seddi.xml", "was in a very difficult economic situation.",
               "was in a most difficult economic situation.")  # a sentence of the translation
    changed = search_files(render_site(scratch).files)
    assert len(made) == 1 and "kafkas-seddi" in made[0]  # only the index that holds it
    assert len(list((tmp_path / "cache" / "search").glob("*.zip"))) == 4  # the one it replaces is gone
    monkeypatch.setenv("EDITION_CACHE", "off")
    assert search_files(render_site(scratch).files) == changed != first
