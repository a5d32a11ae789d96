"""tei/: the TEI of every text and register, and of the introduction, byte for byte as read (never rewritten); txt/: the
plain text of each text's original and of its translation, made from the TEI by xslt/plaintext.xsl
(the reading text, each block after its label, the notes at the end), UTF-8 with LF line ends."""
from __future__ import annotations

from collections.abc import Iterator

from ..model import PLAINTEXT_KINDS, Text, plaintext_path, published_address, tei_path
from .site import Site


def files(site: Site) -> Iterator[tuple[str, bytes]]:
    corpus = site.edition.corpus
    for doc in corpus.texts:
        yield f"tei/{doc.path.name}", doc.data
    for doc in corpus.registers.values():
        yield f"tei/registers/{doc.path.name}", doc.data
    if corpus.introduction is not None:
        yield f"tei/{corpus.introduction.path.name}", corpus.introduction.data
    for text in site.edition.texts:
        for kind in PLAINTEXT_KINDS:
            yield plaintext_path(text.siglum, kind), plain_text(site, text, kind).encode("utf-8")


def plain_text(site: Site, text: Text, kind: str) -> str:
    """The plain text of a text's original or translation: a header (its title, what it is, where
    the TEI and the page are), then its blocks, then its notes."""
    labels = site.renderer.labels["downloads"]
    meta = text.meta
    path = plaintext_path(text.siglum, kind)
    title = meta.title_original if kind == "original" else meta.title_english
    header = "\n".join([
        f"{title} ({text.siglum})",
        labels["plaintext_header"].format(kind=labels[f"kind_{kind}"]),
        f"{labels['plaintext_tei']} {published_address(site.edition.config, tei_path(text.siglum), path)}",
        f"{labels['plaintext_page']} {published_address(site.edition.config, meta.path, path)}",
        "",
    ])
    body = site.transformer.plain_text(text.doc, text.siglum, kind, header, labels["notes"])
    return body.replace("\r\n", "\n").rstrip("\n") + "\n"
