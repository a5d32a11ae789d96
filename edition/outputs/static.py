"""static/: the site's CSS and JavaScript, as read with the rest of the edition."""
from __future__ import annotations

from collections.abc import Iterator

from .site import Site


def files(site: Site) -> Iterator[tuple[str, bytes]]:
    for name, data in sorted(site.edition.assets.items()):
        yield f"static/{name}", data
