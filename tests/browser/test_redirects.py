"""A declared redirect (tei/redirects.toml) works in the browser: a link to an id that an earlier
release had lands on the passage that replaced it, on the same page or another, over http and
from disk; an unknown id is left alone."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import copy_project, replace_in
from edition.redirects import REDIRECTS_FILE

from .conftest import serving

pytestmark = pytest.mark.browser

OLD_ID, NEW_ID = "historymaps-p2-s3-en", "historymaps-p2-s30-en"  # renumbered: the same page
GONE_ID, ELSEWHERE = "historymaps-p9", "meyer-lozan-p19-s5"  # never in this text: another page


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("moved")
    project = copy_project(base / "project")
    for path in project.text_files():
        if OLD_ID in path.read_text(encoding="utf-8"):
            replace_in(path, OLD_ID, NEW_ID, count=-1)
    with (project.root / REDIRECTS_FILE).open("a", encoding="utf-8") as redirects:
        redirects.write(f'"{OLD_ID}" = {{ to = "{NEW_ID}", reason = "renumbered" }}\n'
                        f'"{GONE_ID}" = {{ to = "{ELSEWHERE}", reason = "moved to another text" }}\n')
    # in a process of its own: the build must not share this thread's event loop (Playwright's)
    subprocess.run([sys.executable, "-m", "edition", "--root", str(project.root), "build", "--out", str(base / "site")],
                   check=True, capture_output=True)
    return base / "site"


@pytest.fixture(scope="module")
def moved_url(moved_site):
    with serving(moved_site) as url:
        yield url


@pytest.mark.parametrize("scheme", ["http", "file"])
@pytest.mark.parametrize("old, page, new", [(OLD_ID, "texts/historymaps.html", NEW_ID),
                                            (GONE_ID, "texts/meyer-lozan.html", ELSEWHERE)])
def test_a_link_to_a_moved_id_lands_on_the_new_passage(context, moved_site, moved_url, scheme, old, page, new):
    base = moved_url if scheme == "http" else moved_site.as_uri() + "/"
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(f"{base}texts/historymaps.html#{old}")
    tab.wait_for_function("id => location.hash === '#' + id && document.readyState === 'complete'", arg=new)
    landed = tab.evaluate("() => ({page: location.href.split('#')[0], target: document.querySelector(':target')?.id})")
    assert landed == {"page": f"{base}{page}", "target": new}
    assert errors == []


def test_an_unknown_id_is_left_alone(context, moved_url):
    tab = context.new_page()
    tab.goto(f"{moved_url}texts/historymaps.html#no-such-id")
    tab.wait_for_load_state("load")
    assert tab.evaluate("() => location.hash") == "#no-such-id"
