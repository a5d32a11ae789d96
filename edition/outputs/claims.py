"""compare/claims.html, .csv and .json, and compare/claims/<event>.html: every figure and every date
the texts give for an event, side by side (edition/claims.py reads them from the TEI).

compare/claims.html lists the events and their rows (what each compares, which texts give it, whether
they agree); each event's own page sets its rows side by side, a column for each text that gives one.
So the list grows with the events, not with the texts, and an event's page with the texts that speak
of it; the CSV and JSON hold every claim of every text in one file."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from ..claims import Claim, Claims, Row
from ..model import CLAIMS_DATA, CLAIMS_PAGE, claims_path, text_path
from .site import Site

FIELDS = ("row", "status", "event", "event_label", "kind", "type", "commodity", "unit", "text", "lang",
          "passage", "link", "wording", "translation", "quantity", "low", "high", "date_from", "date_to",
          "reading", "certainty", "evidence_scope", "evidence", "editors_notes")


def _record(site: Site, row: Row, claim: Claim) -> dict[str, str]:
    entry = site.edition.registry.get(row.event)
    value = claim.value or ("", "")
    figure = claim.kind == "figure"
    return {
        "row": row.id, "status": row.status, "event": row.event, "event_label": entry.label if entry else "",
        "kind": claim.kind, "type": row.type, "commodity": row.commodity, "unit": row.unit,
        "text": claim.siglum, "lang": claim.lang, "passage": claim.anchor,
        "link": f"{text_path(claim.siglum)}#{claim.anchor}",
        "wording": claim.wording, "translation": claim.translation,
        "quantity": claim.attributes.get("quantity", "") if figure else "",
        "low": value[0] if figure else "", "high": value[1] if figure else "",
        "date_from": "" if figure else claim.attributes.get("when") or claim.attributes.get("from")
        or claim.attributes.get("notBefore", ""),
        "date_to": "" if figure else claim.attributes.get("when") or claim.attributes.get("to")
        or claim.attributes.get("notAfter", ""),
        "reading": claim.reading, "certainty": claim.attributes.get("cert", ""),
        "evidence_scope": claim.evidence_scope,
        "evidence": " | ".join(filter(None, (e.key or e.label for e in claim.evidence))),
        "editors_notes": " ".join(claim.notes),
    }


def records(site: Site, claims: Claims) -> list[dict[str, str]]:
    return [_record(site, row, claim) for row in claims.rows for claim in row.claims]


def data(site: Site) -> Iterator[tuple[str, bytes]]:
    """compare/claims.csv and .json: the same records, once for every interface language."""
    rows = records(site, site.claims)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    csv_path, json_path = CLAIMS_DATA
    yield csv_path, out.getvalue().encode("utf-8")
    yield json_path, (json.dumps({"fields": FIELDS, "claims": rows}, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def pages(site: Site) -> Iterator[tuple[str, bytes]]:
    claims = site.claims
    registry = site.edition.registry
    yield CLAIMS_PAGE, site.renderer.page("claims.html", CLAIMS_PAGE, claims=claims, registry=registry, data=CLAIMS_DATA)
    for event, rows in claims.compared.items():
        entry = registry[event]
        path = claims_path(entry.id)
        yield path, site.renderer.page("claims_event.html", path, entry=entry, rows=rows, texts=claims.texts_of(rows),
                                       registry=registry, index=site.index)
