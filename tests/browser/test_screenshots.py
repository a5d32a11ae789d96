"""Screenshots of every page at desktop and phone sizes, in test-artifacts/screenshots/ (artefacts, not assertions).

Each is the whole page down to MAX_HEIGHT pixels: longer images are slow to write and most viewers refuse them.
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

MAX_HEIGHT = 16384


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_screenshot_every_page(size, pages, http_url, new_context, screenshots):
    page = new_context(size).new_page()
    failed = []
    for name in pages:
        response = page.goto(http_url + name, wait_until="load")
        if response.status != 200:
            failed.append(f"{name}: HTTP {response.status}")
            continue
        path = screenshots / f"{name.removesuffix('.html').replace('/', '__')}-{size}.png"
        width, height = page.evaluate("() => [document.documentElement.clientWidth, document.documentElement.scrollHeight]")
        page.screenshot(path=path, full_page=True, clip={"x": 0, "y": 0, "width": width, "height": min(height, MAX_HEIGHT)})
        if not path.read_bytes().startswith(b"\x89PNG"):
            failed.append(f"{name}: no PNG written to {path}")
    assert not failed, f"no screenshot of {len(failed)} of {len(pages)} pages at {size} size:\n" + "\n".join(failed)
