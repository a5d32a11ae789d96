"""Fixtures of the browser tests: the built site, an HTTP server over it, and one Chromium.

The tools come from outside PyPI and must be installed first (.ci/run does it):

    apt-get install chromium default-jre-headless    # the browser, and Java for the Nu checker
    npm ci                                            # axe-core and vnu-jar, pinned in package-lock.json

A missing tool fails the tests with that hint; EDITION_SKIP_BROWSER=1 skips them instead.
CHROMIUM=/path/to/chromium names another browser; EDITION_SITE=/path/to/site tests an
already built site (e.g. `build/`) instead of building one.
"""
from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from edition.config import load_config
from edition.model import CHRONOLOGY_FOLDER, REGISTER_KINDS
from edition.sources import Project

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = ROOT / "test-artifacts"
INSTALL = "install the browser-test tools: apt-get install chromium default-jre-headless; npm ci " \
          "(or set EDITION_SKIP_BROWSER=1 to skip the browser tests)"
# Without the background-networking flags Chromium keeps calling home on a closed network.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


class MissingTool(pytest.fail.Exception):
    """A tool the browser tests need is not installed."""


def pytest_runtest_setup(item):
    if item.get_closest_marker("browser") and os.environ.get("EDITION_SKIP_BROWSER") == "1":
        pytest.skip("EDITION_SKIP_BROWSER=1: browser tests skipped")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "setup" and report.failed and call.excinfo and call.excinfo.errisinstance(MissingTool):
        report.when = "call"  # a missing tool fails the test (FAILED, not ERROR: nothing went wrong in the test's set-up)


def require(path: Path | str | None, what: str) -> None:
    if not path or not Path(path).exists():
        raise MissingTool(f"{what} not found ({path or 'not on PATH'}): {INSTALL}", pytrace=False)


@pytest.fixture(scope="session")
def site(request) -> Path:
    """The built edition: the session's `built_site` (tests/conftest.py), built once."""
    if os.environ.get("EDITION_SITE"):
        folder = Path(os.environ["EDITION_SITE"]).resolve()
        assert (folder / "index.html").is_file(), f"EDITION_SITE={folder} holds no built site"
        return folder
    try:
        return request.getfixturevalue("built_site")
    except pytest.FixtureLookupError:
        from edition.build import build
        from edition.sources import Project

        out = request.getfixturevalue("tmp_path_factory").mktemp("site") / "build"
        build(Project(ROOT), out)
        return out


@pytest.fixture(scope="session")
def pages(site) -> list[str]:
    """The pages the per-page tests visit, as paths relative to the site ('texts/x.html'): every page
    in the site's first interface language; in each other language (tr/…), whose pages are the same
    templates over the same data with other labels, every page but the parallel passages and the
    events' claims compared (compare/events/, compare/claims/), of each the first. Of the register
    entries' and the dates' own pages (index/<register>/<entry>.html, index/chronology/<date>.html:
    two templates over 770 entries), the first of each register and of the chronology, in every
    language. tests/test_languages.py checks that
    every page exists in each language; tests/test_registers_reading.py follows every link to an entry's page."""
    found = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    assert found, f"no *.html in {site}"
    others = load_config(Project(ROOT)).languages[1:]
    compared: dict[str, list[str]] = {}  # compare/events/ and compare/claims/ in each other language -> its pages
    for path in found:
        if path.split("/")[0] in others and path.split("/")[1:3] in (["compare", "events"], ["compare", "claims"]):
            compared.setdefault(path.rsplit("/", 1)[0], []).append(path)
    folders = {kind.folder for kind in REGISTER_KINDS} | {CHRONOLOGY_FOLDER}
    entries: dict[str, list[str]] = {}  # the folder of a register's entries, in each language -> its pages
    for path in found:
        folder = path.rsplit("/", 1)[0] + "/"
        if folder.split("/", 1)[-1] in folders or folder in folders:
            entries.setdefault(folder, []).append(path)
    skipped = {path for paths in (*compared.values(), *entries.values()) for path in paths[1:]}
    return [path for path in found if path not in skipped]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """http://127.0.0.1:<port>/ serving a folder, until the block ends."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def http_url(site):
    """http://127.0.0.1:<port>/ serving the site folder, for the whole session."""
    with serving(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (Debian's, not a Playwright download) for the whole session."""
    executable = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    require(executable if os.path.isabs(executable) else shutil.which(executable), "Chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise MissingTool("playwright is not installed: .venv/bin/pip install -e '.[test]'", pytrace=False) from None
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def new_context(browser):
    """Makes browser contexts for one test — new_context(size="phone", bypass_csp=True) — closed after it."""
    made = []

    def make(size: str = "desktop", **options):
        phone = size == "phone"
        made.append(browser.new_context(viewport=SIZES[size], is_mobile=phone, has_touch=phone, **options))
        return made[-1]

    yield make
    for ctx in made:
        ctx.close()


@pytest.fixture
def context(new_context):
    """A fresh browser context for one test, at desktop size."""
    return new_context()


@pytest.fixture(scope="session")
def axe_source() -> Path:
    require(AXE, "axe-core")
    return AXE


@pytest.fixture(scope="session")
def vnu() -> list[str]:
    """The command that runs the W3C Nu HTML checker."""
    require(shutil.which("java"), "java")
    require(VNU, "vnu.jar")
    return [shutil.which("java"), "-jar", str(VNU)]


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """test-artifacts/screenshots/, emptied at the start of the session."""
    folder = ARTIFACTS / "screenshots"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder
