"""tei/: the TEI of every text and register, and of the introduction, byte for byte as read (never rewritten)."""
from __future__ import annotations

from collections.abc import Iterator

from .site import Site


def files(site: Site) -> Iterator[tuple[str, bytes]]:
    corpus = site.edition.corpus
    for doc in corpus.texts:
        yield f"tei/{doc.path.name}", doc.data
    for doc in corpus.registers.values():
        yield f"tei/registers/{doc.path.name}", doc.data
    if corpus.introduction is not None:
        yield f"tei/{corpus.introduction.path.name}", corpus.introduction.data
