"""The site is written whole or not at all."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import tree_digest
from edition.problems import EditionError
from edition.write import write_site


def test_failed_write_keeps_the_previous_site_and_leaves_no_staging(tmp_path, monkeypatch):
    out = tmp_path / "build"
    write_site({"index.html": b"old", "texts/a.html": b"old a"}.items(), out)
    before = tree_digest(out)

    real_write = Path.write_bytes
    calls = {"n": 0}

    def failing_write(self, data):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device")
        return real_write(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing_write)
    with pytest.raises(EditionError) as error:
        write_site({f"page{i}.html": b"new" for i in range(5)}.items(), out)
    assert error.value.problems[0].rule == "output-unwritable"
    assert "No space left on device" in error.value.problems[0].message
    assert tree_digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]


def test_a_build_that_fails_while_making_its_files_keeps_the_previous_site(tmp_path):
    """The files are written as they are made: an error raised halfway by whatever makes them goes
    on up unchanged, and what was staged before it is removed."""
    out = tmp_path / "build"
    write_site({"index.html": b"old"}.items(), out)
    before = tree_digest(out)

    def made_halfway():
        yield "index.html", b"new"
        yield "texts/a.html", b"new a"
        raise EditionError([])

    with pytest.raises(EditionError):
        write_site(made_halfway(), out)
    assert tree_digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]


def test_write_site_counts_what_it_wrote(tmp_path):
    assert write_site(iter([("index.html", b"abc"), ("texts/a.html", b"de")]), tmp_path / "site") == (2, 5)
    assert (tmp_path / "site/texts/a.html").read_bytes() == b"de"


def test_a_killed_builds_staging_folder_is_removed_by_the_next_build(tmp_path):
    out = tmp_path / "build"
    (tmp_path / ".build.new-abc123").mkdir()
    (tmp_path / ".build.new-abc123" / "half.html").write_bytes(b"half")
    write_site({"index.html": b"new"}.items(), out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]
    assert (out / "index.html").read_bytes() == b"new"


def test_unwritable_output_folder_is_a_problem_not_a_traceback(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(EditionError) as error:
        write_site({"index.html": b"x"}.items(), blocker / "build")
    assert error.value.problems[0].rule == "output-unwritable"


KILLED_BUILD = """
import sys, time
from pathlib import Path
from edition.build import build
from edition.sources import Project

real_write = Path.write_bytes
written = []

def write_then_stall(self, data):
    result = real_write(self, data)
    written.append(self)
    if len(written) == 5:  # halfway: some pages of the new site are on disk, the rest are not
        Path(sys.argv[3]).write_text("halfway", encoding="utf-8")
        time.sleep(120)  # until killed
    return result

Path.write_bytes = write_then_stall
build(Project(Path(sys.argv[1])), Path(sys.argv[2]))
"""


def test_a_build_killed_halfway_leaves_the_previous_site_intact(tmp_path, built_site):
    import os
    import shutil
    import signal
    import subprocess
    import sys
    import time

    from conftest import ROOT, copy_project
    from edition.build import build

    project = copy_project(tmp_path / "p")
    out = tmp_path / "site"
    shutil.copytree(built_site, out)  # the previous site: the session's build of the same sources
    before = tree_digest(out)
    # the next build has something new to write
    text = project.texts_dir / "historymaps.xml"
    text.write_text(text.read_text(encoding="utf-8").replace("The first aim", "The very first aim", 1), encoding="utf-8")

    marker = tmp_path / "halfway"
    process = subprocess.Popen([sys.executable, "-c", KILLED_BUILD, str(project.root), str(out), str(marker)],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(600):  # at most a minute for the build to reach the middle of writing
            if marker.exists() or process.poll() is not None:
                break
            time.sleep(0.1)
        assert marker.exists(), process.stderr.read() if process.poll() is not None else "the build never got halfway"
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.kill()
        process.wait(timeout=30)
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL

    assert tree_digest(out) == before  # the previous site, byte for byte
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.new-")]
    assert len(leftovers) == 1  # the half-written staging folder, never served
    build(project, out)  # the next build clears it away and publishes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["halfway", "p", "site"]
    assert b"The very first aim" in (out / "texts/historymaps.html").read_bytes()


def test_the_build_writes_each_page_as_it_is_made(project, tmp_path, monkeypatch):
    """Nothing holds the whole site (issue 17, item 2): a page is on disk, in the staging folder,
    before the next output has run."""
    import importlib

    from edition.outputs import home, static

    build = importlib.import_module("edition.build")
    out = tmp_path / "site"
    seen = []

    def probe(site):
        seen.append(sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.glob(".site.new-*/index.html")))
        return iter(())

    monkeypatch.setattr(build, "PAGES", (home.pages, probe))
    monkeypatch.setattr(build, "FILES", (static.files,))
    built = build.build(project, out)
    assert len(seen) == 2 and all(len(found) == 1 for found in seen)  # English, then Turkish
    assert built.count == sum(1 for p in out.rglob("*") if p.is_file())
    assert built.size == sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
