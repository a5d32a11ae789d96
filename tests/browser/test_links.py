"""Every in-page link and every relative link of every page resolves: the file exists, and so does the id.

Read from the built files with lxml: it needs no browser.
"""
from __future__ import annotations

from urllib.parse import unquote, urlsplit

from lxml import html

# Attributes that hold a URL the site itself must provide.
LINKS = "//a/@href | //area/@href | //link/@href | //script/@src | //img/@src | //source/@src" \
        " | //iframe/@src | //video/@src | //audio/@src | //object/@data | //form/@action"


def test_every_internal_link_resolves(site):
    """Every page, not only those the browser visits (`pages`): this needs no browser."""
    roots = {path.relative_to(site).as_posix(): html.parse(str(path)).getroot() for path in sorted(site.rglob("*.html"))}
    ids = {name: set(root.xpath("//@id")) for name, root in roots.items()}
    broken: dict[str, list[str]] = {}
    checked = 0
    for name, root in roots.items():
        for attribute in root.xpath(LINKS):
            link = attribute.strip()
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//"):
                continue  # external
            checked += 1
            element = attribute.getparent()
            where = f"line {element.sourceline}: <{element.tag} {attribute.attrname}=\"{link}\">"
            target = ((site / name).parent / unquote(parts.path)).resolve() if parts.path else site / name
            try:
                target_name = target.relative_to(site.resolve()).as_posix() if parts.path else name
            except ValueError:
                broken.setdefault(name, []).append(f"{where}: points outside the site")
                continue
            if not target.is_file():
                broken.setdefault(name, []).append(f"{where}: no file {target_name}")
            elif parts.fragment and target_name.endswith(".html") and unquote(parts.fragment) not in ids.get(
                    target_name, set()):
                broken.setdefault(name, []).append(f"{where}: no id=\"{unquote(parts.fragment)}\" in {target_name}")
    assert checked, "no internal link on any page"
    report = "\n".join(f"{name}: {len(items)} broken link(s)\n" + "\n".join(f"    {item}" for item in items)
                       for name, items in broken.items())
    assert not broken, f"{sum(map(len, broken.values()))} broken internal link(s) on {len(broken)} page(s):\n{report}"
