"""static/redirects.js: the ids that earlier releases had and that moved (tei/redirects.toml), with the
script that follows them, so that a link to texts/x.html#<old id> lands on the passage that replaced it.

Every page loads it (base.html); with no redirect declared the table is empty."""
from __future__ import annotations

from collections.abc import Iterator

from .site import Site

SCRIPT = "static/redirects.js"


def files(site: Site) -> Iterator[tuple[str, bytes]]:
    moved = {redirect.old: redirect.target for redirect in site.edition.redirects}
    script = site.renderer.env.get_template("redirects.js").render(moved=moved)
    yield SCRIPT, script.encode("utf-8")
