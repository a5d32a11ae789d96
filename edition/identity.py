"""The edition's version and date, stated in every TEI header, agree with edition.toml (rule
edition-statement).

Each text's header states, in its edition statement, its own version (edition/@n), and the version
and date of the edition it is published in:

    <editionStmt>
      <edition n="0.5.0">Version 0.5.0 of this text, in version <num type="edition-version">0.1.0</num>
        of the digital edition, <date type="edition" when="2026-12-05">2026-12-05</date></edition>
    </editionStmt>

The check ties the three together: the edition's version and date are those of edition.toml, and
the text's own version was published (publicationStmt/date) no later than the edition's date.
"""
from __future__ import annotations

from .config import Config
from .problems import ERROR, Problem
from .sources import NS, Corpus, Document

_EDITION = "tei:teiHeader/tei:fileDesc/tei:editionStmt/tei:edition"


def _hint(config: Config) -> str:
    return (f"state the edition in editionStmt: <edition n=\"<text version>\">Version … of this text, in version "
            f"<num type=\"edition-version\">{config.version}</num> of the digital edition, "
            f"<date type=\"edition\" when=\"{config.date}\">{config.date}</date></edition> "
            "(edition.toml holds the edition's version and date)")


def _problems(corpus: Corpus, doc: Document, config: Config) -> list[Problem]:
    shown = corpus.project.show(doc.path)
    edition = doc.root.find(_EDITION, NS)
    where = edition if edition is not None else doc.root
    found = []

    def problem(element, message: str) -> None:
        found.append(Problem(shown, getattr(element, "sourceline", 0) or where.sourceline or 1, 1,
                             ERROR, "edition-statement", message, _hint(config)))

    versions = edition.findall("tei:num[@type='edition-version']", NS) if edition is not None else []
    dates = edition.findall("tei:date[@type='edition']", NS) if edition is not None else []
    if not versions:
        problem(where, "the header does not state the edition's version (num type=\"edition-version\" in "
                       "editionStmt/edition)")
    elif (versions[0].text or "").strip() != config.version:
        problem(versions[0], f"the header states edition version {(versions[0].text or '').strip()}, "
                             f"but edition.toml says version = \"{config.version}\"")
    if not dates:
        problem(where, "the header does not state the edition's date (date type=\"edition\" in editionStmt/edition)")
    elif dates[0].get("when") != config.date:
        problem(dates[0], f"the header states the edition's date {dates[0].get('when')}, "
                          f"but edition.toml says date = \"{config.date}\"")
    published = doc.root.find("tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:date", NS)
    when = published.get("when", "") if published is not None else ""
    if when and when > config.date:
        found.append(Problem(shown, published.sourceline or 1, 1, ERROR, "edition-statement",
                             f"this version of the text is dated {when}, after the edition's date {config.date}",
                             "a text's version is published in an edition of the same date or later: set date in "
                             "edition.toml, and the date type=\"edition\" in every header's editionStmt, to the "
                             "date of the release that publishes this version"))
    return found


def statement_problems(corpus: Corpus, config: Config | None) -> list[Problem]:
    """Every text whose header disagrees with edition.toml on the edition's version and date."""
    if config is None:  # a broken configuration is reported as such
        return []
    return [problem for doc in corpus.texts for problem in _problems(corpus, doc, config)]
