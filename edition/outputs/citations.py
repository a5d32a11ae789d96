"""cite/: the citation record of the edition and of each text, as BibTeX, RIS and CSL-JSON
(model.citation_path; the records and formats are edition/citation.py's)."""
from __future__ import annotations

from collections.abc import Iterator

from .site import Site


def files(site: Site) -> Iterator[tuple[str, bytes]]:
    for cited in site.citations.values():
        for fmt, path in sorted(cited.files.items()):
            yield path, cited.file(fmt).encode("utf-8")
