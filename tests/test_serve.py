"""`edition serve`: a real server process that rebuilds on change and shows problems in the page."""
from __future__ import annotations

import time
import urllib.error
import urllib.request

import pytest

from conftest import TEXT, copy_project, line_of, replace_in, serving, tree_digest
from edition.build import render_reading_pages
from edition.problems import EditionError, Problem
from edition.serve import LiveSite, problem_page


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")


def _until(url: str, wanted) -> tuple[int, str]:
    """Poll until the page satisfies `wanted` (bounded, at two minutes: the rebuild is asynchronous, and
    takes 10 to 40 s on a 2-core machine)."""
    status, body = _get(url)
    for _ in range(1200):
        if wanted(status, body):
            break
        time.sleep(0.1)
        status, body = _get(url)
    return status, body


def test_serve_rebuilds_on_change_and_shows_problems_in_the_page(tmp_path):
    project = copy_project(tmp_path / "live project")
    out = tmp_path / "out"
    with serving("--root", str(project.root), "serve", "--port", "0", "--out", str(out)) as url:
        page = url + "texts/historymaps.html"
        status, body = _get(page)
        assert status == 200 and 'id="historymaps-p5-s1"' in body
        assert _get(url)[0] == 200  # / is the home page
        built = tree_digest(out)

        # a change that breaks validation: the page shows the problem with file:line, not the stale page
        replace_in(project.root / TEXT, 'ref="place:italy">Italy', 'ref="place:itlay">Italy')
        line = line_of(project.root / TEXT, "place:itlay")
        status, body = _until(page, lambda s, b: s == 500)
        assert status == 500, body
        assert f"{TEXT}:{line}:" in body and "[ref-unknown]" in body and "did you mean place:italy?" in body
        assert 'id="historymaps-p5-s1"' not in body
        assert tree_digest(out) == built  # the last good build stays on disk, untouched

        # fixed, and changed: the site comes back with the change
        replace_in(project.root / TEXT, 'ref="place:itlay">Italy', 'ref="place:italy">Italy')
        replace_in(project.root / TEXT, "The first aim was", "The very first aim was")
        status, body = _until(page, lambda s, b: s == 200 and "The very first aim" in b)
        assert status == 200 and "The very first aim" in body
        assert b"The very first aim" in (out / "texts/historymaps.html").read_bytes()

        # templates are watched too
        replace_in(project.templates_dir / "base.html", "<main id=\"main\" tabindex=\"-1\">", "<main id=\"main\" tabindex=\"-1\" data-live=\"yes\">")
        status, body = _until(page, lambda s, b: 'data-live="yes"' in b)
        assert 'data-live="yes"' in body


def test_the_served_site_is_always_one_whole_build(scratch, tmp_path):
    site = LiveSite(scratch, tmp_path / "out")
    # a good build (an unpublished edition's build warns that it wrote no sitemap: not a problem)
    assert [p.rule for p in site.rebuild()] == ["no-base-url"] and site.problems == []
    good, _ = site.snapshot()
    replace_in(scratch.root / TEXT, "<revisionDesc>", "<revisionDesc><bogus/>")
    problems = site.rebuild()
    files, shown = site.snapshot()
    assert problems and shown == problems
    assert files is good  # the last good build, whole, never a mixture


def test_an_edited_text_is_shown_first_and_is_the_page_the_whole_build_makes(scratch, tmp_path):
    out = tmp_path / "out"
    site = LiveSite(scratch, out)
    site.rebuild()
    before, _ = site.snapshot()
    written = tree_digest(out)
    pages = ["texts/historymaps.html", "tr/texts/historymaps.html"]  # the reading page in each interface language
    assert all(page in before for page in pages)

    replace_in(scratch.root / TEXT, "The first aim was", "The very first aim was")
    swap = scratch.texts_dir / ".historymaps.xml.swp"  # an editor's swap file, which the build does not read
    swap.write_bytes(b"swap")
    assert site.show_texts({scratch.root / TEXT, swap}) == []
    shown, problems = site.snapshot()
    assert problems == [] and site.shown == 1
    # only the edited text's reading pages changed, and they show the edit; nothing was written yet
    assert {path for path in shown if shown[path] != before.get(path)} == set(pages)
    assert all(b"The very first aim" in shown[page] for page in pages)
    assert tree_digest(out) == written

    # the whole build that follows makes the same pages, byte for byte
    site.rebuild()
    whole, _ = site.snapshot()
    assert [whole[page] for page in pages] == [shown[page] for page in pages]

    # anything but an edit of existing texts needs the whole build
    assert site.only_texts({scratch.root / TEXT})
    assert not site.only_texts({scratch.templates_dir / "base.html"})
    assert not site.only_texts({scratch.root / TEXT, scratch.registers_dir / "places.xml"})
    added = scratch.texts_dir / "added.xml"
    added.write_bytes((scratch.root / TEXT).read_bytes())
    assert not site.only_texts({added}) and not site.only_texts({scratch.root / TEXT})
    added.unlink()

    # an edit that breaks the text is shown as its problems, as the whole build would
    replace_in(scratch.root / TEXT, 'ref="place:italy">Italy', 'ref="place:itlay">Italy')
    problems = site.show_texts({scratch.root / TEXT})
    assert [p.rule for p in problems] == ["ref-unknown"] and site.snapshot()[1] == problems
    assert not site.only_texts({scratch.root / TEXT})  # after a failed build, only the whole build will do


def test_an_edited_text_whose_page_cannot_be_made_is_shown_as_its_problems(scratch):
    """The edited text's pages are made while the edition is validated: when an edit breaks both, the
    encoder is shown the validation's problems, not the error of a page made from an invalid text."""
    replace_in(scratch.root / TEXT, '<p xml:id="historymaps-p5-en" corresp="#historymaps-p5">',
               '<p xml:id="historymaps-p5-en" corresp="#historymaps-p99">')
    with pytest.raises(EditionError) as raised:
        render_reading_pages(scratch, {scratch.root / TEXT})
    assert {p.rule for p in raised.value.problems} == {"corresp-dangling", "align-missing"}


def test_a_whole_build_is_left_when_the_sources_change_again(scratch, tmp_path):
    """edition serve leaves a whole build as soon as the sources change again: nothing of it is served
    or written."""
    out = tmp_path / "out"
    site = LiveSite(scratch, out)
    asked = []

    def newer() -> bool:
        asked.append(True)
        return len(asked) == 3  # changed again by the third time it asks

    assert site.rebuild(newer) is None
    assert len(asked) == 3 and site.snapshot() == ({}, []) and site.builds == 0
    assert not out.exists() and not list(tmp_path.glob(".out.new-*"))


def test_problem_page_escapes_and_names_file_and_line(scratch):
    page = problem_page(scratch, [Problem("tei/texts/x.xml", 7, 3, "error", "schema", '<script>alert("x")</script>',
                                          "fix & retry")]).decode("utf-8")
    assert "tei/texts/x.xml:7:3" in page and "[schema]" in page
    assert "<script>alert" not in page and "&lt;script&gt;" in page and "fix &amp; retry" in page
    assert "Content-Security-Policy" in page


def test_a_port_in_use_is_a_message_not_a_traceback(scratch, tmp_path, capsys):
    import socket

    from edition.cli import main

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        status = main(["--root", str(scratch.root), "serve", "--port", str(port), "--out", str(tmp_path / "out")])
    assert status == 1
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()  # said at once, before the first build
