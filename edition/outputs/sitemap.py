"""sitemap.xml (the sitemaps.org protocol 0.9) and robots.txt, which names it: every page of the
site at its permanent address (`Config.url`, as in each page's canonical link).

A sitemap holds absolute addresses only, so both are written only when edition.toml sets a base
URL; an unpublished edition (no base URL) gets neither, and the build says so in a warning
(rule `no-base-url`). The pages are those the renderers made, in every interface language
(`Renderer.rendered`, one list the build shares): this output is one of outputs.FILES, which run
after every page is made. No dates (lastmod): two builds
of the same edition are byte-identical.
"""
from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ..model import ROBOTS, SITEMAP
from ..problems import WARNING, Problem
from .site import Site

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def files(site: Site) -> Iterator[tuple[str, bytes]]:
    config = site.edition.config
    project = site.edition.corpus.project
    if not config.published:
        site.warnings.append(Problem(
            project.show(project.config_file), 0, 0, WARNING, "no-base-url",
            "edition.toml sets no base_url (the edition is unpublished): no sitemap.xml, no robots.txt and no "
            "canonical links were written, since their addresses must be absolute; the DTS export "
            "(dts/) uses relative addresses",
            "set base_url in edition.toml to the published site's address, ending in '/'"))
        return
    urlset = etree.Element(f"{{{SITEMAP_NS}}}urlset", nsmap={None: SITEMAP_NS})
    for path in sorted({path for path in site.renderer.rendered if path.endswith(".html")}):
        etree.SubElement(etree.SubElement(urlset, f"{{{SITEMAP_NS}}}url"), f"{{{SITEMAP_NS}}}loc").text = \
            config.url(path)
    yield SITEMAP, etree.tostring(urlset, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    yield ROBOTS, f"User-agent: *\nAllow: /\n\nSitemap: {config.url(SITEMAP)}\n".encode("utf-8")
