"""Every page loads without a console error or an uncaught exception, served over HTTP and opened from disk."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_no_console_or_page_errors(scheme, site, pages, http_url, context):
    page = context.new_page()
    errors: list[str] = []

    def on_console(message):
        where = message.location.get("url", "")
        # Chromium asks any http origin for /favicon.ico by itself, at a moment of its choosing; a
        # published edition lives below its site's root, so the answer is not the edition's to give.
        if message.type == "error" and where != http_url + "favicon.ico":
            errors.append(f"console.error: {message.text} ({where}:{message.location.get('lineNumber', '')})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(f"page error: {error.name}: {error.message}"))
    found = {}
    for name in pages:
        errors.clear()
        url = http_url + name if scheme == "http" else (site / name).as_uri()
        response = page.goto(url, wait_until="load")
        if scheme == "http" and response.status != 200:
            errors.append(f"HTTP {response.status}")
        # let deferred scripts, and what they schedule for the next frames, run
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        if errors:
            found[name] = list(errors)
    report = "\n".join(f"{name}: {len(errs)} error(s)\n" + "\n".join(f"    {e}" for e in errs)
                       for name, errs in found.items())
    assert not found, f"console or page errors over {scheme}, on {len(found)} of {len(pages)} pages:\n{report}"
