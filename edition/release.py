"""`edition release`: a version of the edition, published for good.

A release is a build plus what makes its citations last:

    <releases>/                the current version: the site as `edition build` makes it, at the base URL
    <releases>/v0.1.0/         each released version, complete and self-contained, never changed again
    <releases>/v0.2.0/           (model.release_path: <base URL>v0.2.0/texts/x.html#<id> resolves forever;
                               every address a version's pages give, in citations, metadata, canonical
                               links and the sitemap, is under its folder, in the copy at the top too)
    .../ids.json               in each: the manifest of the version (its texts, their versions, their
                               revisionDesc changes, every citable id), so that the next release
                               compares ids without reading old HTML

and the version's entry in CHANGELOG.md (the project's, Keep a Changelog style): the date, each
text's version and its revisionDesc changes since the previous release.

Refused, with nothing written: no base URL (an unpublished edition cannot be cited for good), a
version that is not a semantic version newer than every release in the folder, no date, an id of an
earlier release that is gone without a redirect (redirects.py), a CHANGELOG.md entry for the version
that says something else. The releases' folder is staged and swapped in whole (write.py); the
earlier versions are copied into it byte for byte. Two releases of the same sources are identical.
"""
from __future__ import annotations

import datetime
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import semver

from .build import render_site
from .config import Config, load_config
from .metadata import text_meta
from .model import release_path
from .problems import ERROR, EditionError, Problem, has_errors
from .redirects import REDIRECTS_FILE, Redirect, citable_ids, load_redirects
from .sources import Corpus, Project, load_corpus
from .write import write_site

MANIFEST = "ids.json"  # in every release, at its root
CHANGELOG = "CHANGELOG.md"  # below the project root
_RELEASE_FOLDER = re.compile(r"^v(.+)$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_UNRELEASED = "## [Unreleased]"
CHANGELOG_PREAMBLE = f"""# Changelog

Every released version of the edition, newest first. The format follows
[Keep a Changelog](https://keepachangelog.com/en/1.1.0/), one section per text instead of one per kind
of change, and the edition's versions follow [Semantic Versioning](https://semver.org/spec/v2.0.0.html).
`edition release` writes each version's entry from the texts' headers (`editionStmt/edition/@n`, and
each `revisionDesc/change` not in the previous release): describe a change there, not here.

{_UNRELEASED}
"""


@dataclass
class Released:
    """What a release wrote."""

    version: str
    folder: Path  # <releases>/v<version>
    files: int  # in the version (the current one holds the same)
    size: int  # bytes of the version
    earlier: list[str]  # the versions kept
    ids: int  # citable ids in the manifest
    redirected: int  # ids of earlier releases that lead elsewhere
    changelog: str  # "added" or "unchanged" (the same entry was there)


@dataclass
class _Earlier:
    version: semver.Version
    folder: Path
    manifest: dict


def release(project: Project, out: Path, date: str = "") -> Released:
    config = load_config(project)
    settings = project.config_file.read_text(encoding="utf-8")
    shown = project.show(project.config_file)
    problems = _check_publishable(config, settings, shown)
    version = _version(config, settings, shown, problems)
    date = _date(config, date, settings, shown, problems)
    earlier = _earlier_releases(out, problems)
    if version is not None:
        problems += _check_new(version, earlier, out, shown, _line(settings, "version"))
    if has_errors(problems):
        raise EditionError(problems)  # before the build: these are quick to tell

    corpus, found = load_corpus(project)
    redirects, bad_redirects = load_redirects(project, corpus)
    if has_errors(found) or has_errors(bad_redirects):
        render_site(project)  # reports every problem of the encoding, as `edition build` does
    manifest = _manifest(project, corpus, str(version), date, redirects)
    problems += _removed_ids(project, manifest, earlier, redirects)
    changelog_path = project.root / CHANGELOG
    previous = earlier[-1].manifest if earlier else None
    changelog, status = _changelog(changelog_path, project, manifest, previous, config.base_url, problems)
    if has_errors(problems):
        raise EditionError(problems)

    # read -> validate -> ... -> render, in memory, as `edition build`; every address the pages give (citations,
    # canonical links, the sitemap) is the version's: the root (the current version) holds the same bytes
    site = dict(render_site(project, release=str(version)).files)
    site[MANIFEST] = (json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
    folder = release_path(str(version))
    staged = dict(site)  # the root: the current version
    staged.update({folder + path: data for path, data in site.items()})
    for old in earlier:  # every earlier version, byte for byte
        for path in sorted(old.folder.rglob("*")):
            if path.is_file():
                staged[f"{old.folder.name}/{path.relative_to(old.folder).as_posix()}"] = path.read_bytes()
    write_site(staged.items(), out)  # whole or not at all
    if status == "added":
        _write_atomically(changelog_path, changelog)
    return Released(str(version), out / folder.rstrip("/"), len(site), sum(len(d) for d in site.values()),
                    [str(old.version) for old in earlier],
                    sum(len(text["ids"]) for text in manifest["texts"].values()),
                    len(manifest["redirects"]), status)


def _line(settings: str, key: str) -> int:
    for number, line in enumerate(settings.splitlines(), start=1):
        if line.split("=")[0].strip() == key:
            return number
    return next((number for number, line in enumerate(settings.splitlines(), start=1) if line.strip() == "[edition]"), 1)


def _check_publishable(config: Config, settings: str, shown: str) -> list[Problem]:
    if getattr(config, "base_url", ""):
        return []
    return [Problem(shown, _line(settings, "base_url"), 1, ERROR, "release-no-base-url",
                    "no base_url is configured: the edition is unpublished, and a release is cited by its address "
                    "for good", 'set base_url = "https://…/" in [edition] to the address the releases folder is '
                                "published at, then release")]


def _version(config: Config, settings: str, shown: str, problems: list[Problem]) -> semver.Version | None:
    try:
        return semver.Version.parse(config.version)
    except (ValueError, TypeError):
        problems.append(Problem(shown, _line(settings, "version"), 1, ERROR, "release-version",
                                f"version '{config.version}' is not a semantic version",
                                'write version = "MAJOR.MINOR.PATCH", e.g. "0.2.0" (https://semver.org)'))
        return None


def _date(config: Config, option: str, settings: str, shown: str, problems: list[Problem]) -> str:
    configured = getattr(config, "date", "") or ""
    if configured and option and option != configured:
        problems.append(Problem(shown, _line(settings, "date"), 1, ERROR, "release-date",
                                f"--date {option} contradicts date = \"{configured}\" in [edition]",
                                "leave out --date: the configured date is the release's"))
        return configured
    date = configured or option
    message = ""
    if not date:
        message = "the release has no date: edition.toml gives none and no --date was given"
    elif not _DATE.match(date):
        message = f"the date '{date}' is not YYYY-MM-DD"
    else:
        try:
            datetime.date.fromisoformat(date)
        except ValueError:
            message = f"the date '{date}' is no day of the calendar"
    if message:
        problems.append(Problem(shown if configured else "--date", _line(settings, "date") if configured else 0, 0,
                                ERROR, "release-date", message, "give the day of the release: --date 2026-12-05"))
    return date


def _earlier_releases(out: Path, problems: list[Problem]) -> list[_Earlier]:
    """The versions already in the releases folder, oldest first, each with its manifest."""
    found = []
    if not out.is_dir():
        return found
    for folder in sorted(out.iterdir()):
        name = _RELEASE_FOLDER.match(folder.name)
        if not folder.is_dir() or not name or not semver.Version.is_valid(name.group(1)):
            continue
        try:
            manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
            if not isinstance(manifest.get("texts"), dict):
                raise ValueError("no 'texts' table")
        except (OSError, ValueError, AttributeError) as err:
            problems.append(Problem(str(folder / MANIFEST), 0, 0, ERROR, "release-manifest",
                                    f"the release {folder.name} has no readable manifest of its ids ({err})",
                                    f"restore {folder.name}/{MANIFEST} from the published copy of that release; "
                                    "without it its ids cannot be checked"))
            continue
        found.append(_Earlier(semver.Version.parse(name.group(1)), folder, manifest))
    return sorted(found, key=lambda old: old.version)


def _check_new(version: semver.Version, earlier: list[_Earlier], out: Path, shown: str, line: int) -> list[Problem]:
    folder = out / release_path(str(version)).rstrip("/")
    if folder.exists():
        return [Problem(shown, line, 1, ERROR, "release-exists",
                        f"version {version} is released already ({folder}); a released version never changes",
                        "raise version in edition.toml (e.g. the next minor version) and describe the change in "
                        "each changed text's revisionDesc")]
    if earlier and version <= earlier[-1].version:
        return [Problem(shown, line, 1, ERROR, "release-version",
                        f"version {version} is not newer than the last release, {earlier[-1].version}",
                        f"give a version above {earlier[-1].version} in edition.toml")]
    return []


def _manifest(project: Project, corpus: Corpus, version: str, date: str, redirects: list[Redirect]) -> dict:
    texts = {}
    for doc in corpus.texts:
        meta = text_meta(corpus, doc)
        texts[meta.siglum] = {
            "file": project.show(doc.path), "page": meta.path, "title": meta.title_english, "version": meta.version,
            "changes": [{"when": when, "text": text} for when, text in meta.revisions],
            "ids": citable_ids(doc),
        }
    return {"version": version, "date": date, "texts": texts,
            "redirects": {r.old: {"to": r.new, "page": r.page, "reason": r.reason} for r in redirects}}


def _removed_ids(project: Project, manifest: dict, earlier: list[_Earlier], redirects: list[Redirect]) -> list[Problem]:
    now = {xml_id for text in manifest["texts"].values() for xml_id in text["ids"]}
    moved = {r.old for r in redirects}
    gone: dict[str, tuple[str, str, str]] = {}  # id -> (file, page, the first release that had it)
    for old in earlier:
        for siglum, text in sorted(old.manifest["texts"].items()):
            current = manifest["texts"].get(siglum, text)  # the text's file now, or as it was if the text is gone
            for xml_id in text.get("ids", []):
                if xml_id not in now and xml_id not in moved and xml_id not in gone:
                    gone[xml_id] = (current["file"], text.get("page", ""), str(old.version))
    example = f"in {REDIRECTS_FILE} under [redirects]"
    return [Problem(file, 0, 0, ERROR, "release-id-removed",
                    f"the id '{xml_id}' ({page}#{xml_id}, cited since release {first}) is gone from this version",
                    f"keep the id, or declare where its passage went {example}: "
                    f'"{xml_id}" = {{ to = "<new id>", reason = "…" }}')
            for xml_id, (file, page, first) in sorted(gone.items())]


def _entry(manifest: dict, previous: dict | None) -> str:
    before = previous["texts"] if previous else {}
    lines = [f"## [{manifest['version']}] - {manifest['date']}", ""]
    for siglum, text in sorted(manifest["texts"].items()):
        was = before.get(siglum)
        new = " (new in this version)" if previous is not None and was is None else ""
        lines += [f"### {siglum}: {text['title']}, version {text['version']}{new}", ""]
        changes = [c for c in text["changes"] if was is None or c not in was.get("changes", [])]
        lines += [f"- {change['when']}: {change['text']}" for change in changes]
        if not changes:
            lines.append(f"No change since version {previous['version']}." if was else "No change recorded.")
        lines.append("")
    for siglum in sorted(set(before) - set(manifest["texts"])):
        lines += [f"### {siglum}: {before[siglum].get('title', '')} (removed)", "",
                  f"Removed in this version; its ids lead where {REDIRECTS_FILE} says.", ""]
    moved = {old: r for old, r in manifest["redirects"].items() if old not in (previous or {}).get("redirects", {})}
    if moved:
        lines += ["### Passages that moved", ""]
        lines += [f"- `{old}` → `{r['to']}`: {r['reason']}" for old, r in sorted(moved.items())]
        lines.append("")
    return "\n".join(lines)


def _changelog(path: Path, project: Project, manifest: dict, previous: dict | None, base_url: str,
               problems: list[Problem]) -> tuple[str, str]:
    """CHANGELOG.md with the version's entry (after the Unreleased section), and whether it was added."""
    shown = project.show(path)
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else CHANGELOG_PREAMBLE
    except (OSError, UnicodeDecodeError) as err:
        problems.append(Problem(shown, 0, 0, ERROR, "changelog", f"cannot read the changelog: {err}",
                                "save CHANGELOG.md as UTF-8, or remove it to have it made anew"))
        return "", ""
    entry = _entry(manifest, previous)
    lines = text.splitlines()
    heading = entry.splitlines()[0]
    ours = re.compile(rf"^## \[{re.escape(manifest['version'])}\]")
    for number, line in enumerate(lines):
        if ours.match(line):
            end = next((i for i in range(number + 1, len(lines)) if lines[i].startswith("## ")
                        or re.match(r"^\[[^\]]+\]: ", lines[i])), len(lines))
            if "\n".join(lines[number:end]).rstrip() == entry.rstrip():
                return text, "unchanged"
            problems.append(Problem(shown, number + 1, 1, ERROR, "changelog",
                                    f"CHANGELOG.md has an entry for {manifest['version']} that is not this release's "
                                    f"({line!r}, where the release would write {heading!r})",
                                    "remove that entry (edition release writes it), or raise the version"))
            return "", ""
    if _UNRELEASED not in lines:
        problems.append(Problem(shown, 1, 1, ERROR, "changelog", f"CHANGELOG.md has no '{_UNRELEASED}' section",
                                f"put a line '{_UNRELEASED}' above the entries: the release writes its entry below it"))
        return "", ""
    start = lines.index(_UNRELEASED) + 1
    at = next((i for i in range(start, len(lines)) if lines[i].startswith("## ")
               or re.match(r"^\[[^\]]+\]: ", lines[i])), len(lines))
    while at > start and not lines[at - 1].strip():
        at -= 1
    new = lines[:at] + [""] + entry.splitlines() + [""] + lines[at:]
    links = [i for i, line in enumerate(new) if re.match(r"^\[[^\]]+\]: ", line)]
    link = f"[{manifest['version']}]: {base_url}{release_path(manifest['version'])}"
    if links:
        new.insert(links[0], link)
    else:
        while new and not new[-1].strip():
            new.pop()
        new += ["", link]
    return "\n".join(new).rstrip("\n") + "\n", "added"


def _write_atomically(path: Path, text: str) -> None:
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
        os.chmod(name, 0o644)
        os.replace(name, path)
    except OSError as err:
        Path(name).unlink(missing_ok=True)
        raise EditionError([Problem(str(path), 0, 0, ERROR, "changelog",
                                    f"the release is written, but CHANGELOG.md could not be: {err.strerror}",
                                    "add the version's entry by hand (the manifest ids.json of the release has "
                                    "every change), or free the file and release into a new folder")]) from err
