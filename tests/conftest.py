"""Shared fixtures: the real project, and throwaway copies of it that a test may break."""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from edition.sources import Project

ROOT = Path(__file__).resolve().parent.parent
TEXT = "tei/texts/historymaps.xml"
# tests never read or write the tei_all result cache (it would live in the checkout) unless a
# test of the cache points EDITION_CACHE at a folder of its own; processes they start inherit this
os.environ["EDITION_CACHE"] = "off"


@pytest.fixture(scope="session")
def project() -> Project:
    return Project(ROOT)


def copy_project(target: Path) -> Project:
    """A copy of everything a build reads, so that a test can change any of it."""
    for name in ("tei", "xslt", "templates"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "edition.toml", target / "edition.toml")
    return Project(target)


@pytest.fixture
def scratch(tmp_path: Path) -> Project:
    return copy_project(tmp_path / "project dir ü")  # a space and a non-ASCII letter on purpose


def make_transformer(project: Project):
    """The transformer as the build makes it: with the project's registry and labels."""
    from edition.build import read_edition
    from edition.labels import load_labels
    from edition.transform import Transformer

    edition = read_edition(project)
    return Transformer(project, edition.registry, load_labels(project, edition.config.language))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    from edition.build import build

    out = tmp_path_factory.mktemp("site") / "build"
    build(Project(ROOT), out)
    return out


# an index of at most this many records: the edition's 4,255 go into four (tests of the search's parts)
SMALL_SEARCH_INDEX = 1000


@pytest.fixture(scope="session")
def parted_site(tmp_path_factory) -> Path:
    """The edition built as a large one is: its search records in several indexes (pagefind/,
    pagefind-2/…), SMALL_SEARCH_INDEX records at most in each."""
    from unittest import mock

    from edition import model
    from edition.build import build

    out = tmp_path_factory.mktemp("parted") / "build"
    with mock.patch.object(model, "SEARCH_RECORDS_PER_INDEX", SMALL_SEARCH_INDEX):
        build(Project(ROOT), out)
    return out


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under a folder with the hash of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


def line_of(path: Path, needle: str) -> int:
    """1-based line of the first line containing needle."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


@pytest.fixture(scope="session")
def tei_all():
    """The TEI Consortium's tei_all, compiled once for the whole test run (it takes seconds)."""
    from edition import conformance

    return conformance.load()


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


@contextmanager
def serving(*args: str):
    """`python -m edition <args> serve --port 0 …` in a real process; yields the URL it serves on."""
    process = subprocess.Popen([sys.executable, "-m", "edition", *args], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = None
        for line in process.stdout:
            found = re.search(r"http://127\.0\.0\.1:\d+/", line)
            if found:
                url = found.group(0)
                break
        assert url, process.stderr.read()
        yield url
    finally:
        process.terminate()
        process.communicate(timeout=10)  # also closes the pipes
