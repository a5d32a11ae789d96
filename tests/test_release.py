"""`edition release`: a folder per version plus the current one, CHANGELOG.md, ids that last.

Building takes seconds, so the releases are made once per module: `first` releases 0.1.0 of a copy
of the project (with a base URL); `second` renames a translation sentence's id in a copy of that,
is refused, declares the redirect and releases 0.2.0 beside 0.1.0. The refusals that come before
the build are tried on throwaway copies."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import ROOT, copy_project, replace_in, tree_digest
from edition.cli import main
from edition.config import load_config
from edition.problems import EditionError
from edition.redirects import REDIRECTS_FILE, citable_ids, load_redirects
from edition.release import CHANGELOG, MANIFEST, release
from edition.sources import Project, load_corpus

BASE_URL = "https://edition.test/soviet-turkish/"
# the release's date: the configured one if edition.toml has a date key, else the --date option's
DATE = getattr(load_config(Project(ROOT)), "date", "") or "2026-12-05"
OLD_ID, NEW_ID = "historymaps-p2-s3-en", "historymaps-p2-s30-en"
TEXT = "tei/texts/historymaps.xml"
NEW_CHANGE = "Translation sentence 3 of paragraph 2 renumbered (a test of the release)."


def _publish(project: Project) -> Project:
    """Give the copy a base URL (the real edition.toml has none while the edition is unpublished)."""
    lines = [line for line in project.config_file.read_text(encoding="utf-8").splitlines()
             if not line.startswith("base_url")]
    at = lines.index("[edition]") + 1
    project.config_file.write_text("\n".join(lines[:at] + [f'base_url = "{BASE_URL}"'] + lines[at:]) + "\n",
                                   encoding="utf-8")
    return project


def _version(project: Project, old: str, new: str) -> None:
    """Raise the edition's version in edition.toml and in every header that states it."""
    replace_in(project.config_file, f'version = "{old}"', f'version = "{new}"')
    for path in project.text_files():
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(f">{old}</num>", f">{new}</num>"), encoding="utf-8")


def _changelog(project: Project) -> str:
    return (project.root / CHANGELOG).read_text(encoding="utf-8")


def _cli(project: Project, out: Path, capsys, *extra: str) -> tuple[int, str]:
    code = main(["--root", str(project.root), "release", "--out", str(out), "--date", DATE, *extra])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture(scope="module")
def first(tmp_path_factory):
    base = tmp_path_factory.mktemp("first")
    project = _publish(copy_project(base / "project"))
    out = base / "releases"
    done = release(project, out, DATE)
    return SimpleNamespace(project=project, out=out, done=done, digest=tree_digest(out), changelog=_changelog(project))


@pytest.fixture(scope="module")
def second(first, tmp_path_factory):
    base = tmp_path_factory.mktemp("second")
    shutil.copytree(first.project.root, base / "project")
    shutil.copytree(first.out, base / "releases")
    project, out = Project(base / "project"), base / "releases"
    _version(project, first.done.version, "0.2.0")
    for path in project.text_files():  # the id and every reference to it
        if OLD_ID in path.read_text(encoding="utf-8"):
            replace_in(path, OLD_ID, NEW_ID, count=-1)
    replace_in(project.root / TEXT, "<revisionDesc>", f'<revisionDesc>\n      <change when="{DATE}">{NEW_CHANGE}</change>')
    before = tree_digest(out), _changelog(project)
    with pytest.raises(EditionError) as refused:
        release(project, out, DATE)
    after_refusal = tree_digest(out), _changelog(project)
    with (project.root / REDIRECTS_FILE).open("a", encoding="utf-8") as redirects:
        redirects.write(f'"{OLD_ID}" = {{ to = "{NEW_ID}", reason = "renumbered (a test)" }}\n')
    done = release(project, out, DATE)
    return SimpleNamespace(project=project, out=out, refused=refused.value.problems, before=before,
                           after_refusal=after_refusal, done=done)


@pytest.fixture
def published(scratch) -> Project:
    return _publish(scratch)


def test_release_refuses_to_run_without_a_base_url(scratch, capsys):
    out = scratch.root.parent / "releases"
    config = scratch.config_file.read_text(encoding="utf-8")
    scratch.config_file.write_text("\n".join(line for line in config.splitlines() if not line.startswith("base_url"))
                                   + "\n", encoding="utf-8")
    code, said = _cli(scratch, out, capsys)
    assert code == 1
    assert re.search(r"^edition\.toml:\d+:1: error \[(.+?)\] no base_url is configured", said, re.M)[1] == "release-no-base-url"
    assert "hint: set base_url" in said and "Nothing was written" in said
    assert not out.exists() and not (scratch.root / CHANGELOG).exists()


def test_a_release_is_the_current_site_and_a_folder_of_its_own_with_a_manifest_of_every_citable_id(first):
    version = f"v{first.done.version}/"
    inside = {path[len(version):]: digest for path, digest in first.digest.items() if path.startswith(version)}
    current = {path: digest for path, digest in first.digest.items() if not path.startswith(version)}
    assert inside == current and len(current) == first.done.files > 60
    assert (first.out / "index.html").is_file() and (first.out / version / "texts/historymaps.html").is_file()
    manifest = json.loads((first.out / version / MANIFEST).read_text(encoding="utf-8"))
    corpus, _ = load_corpus(first.project)
    assert manifest["version"] == first.done.version and manifest["date"] == DATE
    assert sorted(manifest["texts"]) == sorted(corpus.siglum(doc) for doc in corpus.texts)
    for doc in corpus.texts:
        text = manifest["texts"][corpus.siglum(doc)]
        assert text["ids"] == citable_ids(doc) and text["file"] == first.project.show(doc.path)
        page = (first.out / version / text["page"]).read_text(encoding="utf-8")
        written = set(re.findall(r'\bid="([^"]+)"', page))
        assert [xml_id for xml_id in text["ids"] if xml_id not in written] == [], text["page"]
    assert first.done.ids == sum(len(text["ids"]) for text in manifest["texts"].values()) > 4000


def test_every_address_a_release_gives_is_its_versions_own(first):
    """A reader who cites a released page (its Cite dialog, its record files, what Zotero reads, the
    canonical link, the sitemap) gets the version's address, which resolves to these bytes forever."""
    version = f"v{first.done.version}/"
    under = BASE_URL + version
    page = (first.out / version / "texts/historymaps.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{under}texts/historymaps.html">' in page
    assert f'<meta name="citation_public_url" content="{under}texts/historymaps.html">' in page
    record = json.loads((first.out / version / "cite/texts/historymaps.json").read_text(encoding="utf-8"))
    assert record[0]["URL"] == f"{under}texts/historymaps.html"
    sitemap = (first.out / "sitemap.xml").read_text(encoding="utf-8")
    given = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(given) > 60 and all(url.startswith(under) for url in given)
    # nothing in the release names the edition's address without the version
    for path in ("texts/historymaps.html", "tr/texts/historymaps.html", "cite/edition.bib", "cite/texts/historymaps.ris",
                 "dts/index.json", "txt/historymaps-translation.txt"):
        text = (first.out / version / path).read_text(encoding="utf-8")
        assert re.findall(re.escape(BASE_URL) + r"(?!" + re.escape(version) + r")\S*", text) == [], path


def test_the_changelog_gets_the_versions_entry_with_each_texts_version_and_changes(first):
    changelog = first.changelog
    assert changelog.startswith("# Changelog\n") and "## [Unreleased]\n" in changelog
    assert f"\n## [{first.done.version}] - {DATE}\n" in changelog
    assert f"\n[{first.done.version}]: {BASE_URL}v{first.done.version}/\n" in changelog
    corpus, _ = load_corpus(first.project)
    for doc in corpus.texts:
        version = doc.root.xpath("string(//tei:editionStmt/tei:edition/@n)", namespaces={"tei": doc.root.nsmap[None]})
        section = changelog.split(f"\n### {corpus.siglum(doc)}: ")[1].split("\n### ")[0].split("\n[")[0]
        assert f", version {version}\n" in section
        changes = doc.root.xpath("//tei:revisionDesc/tei:change/@when", namespaces={"tei": doc.root.nsmap[None]})
        assert re.findall(r"^- (\d{4}-\d\d-\d\d): ", section, re.M) == changes


def test_two_releases_of_the_same_sources_are_byte_identical(first, tmp_path):
    again = release(first.project, tmp_path / "releases", DATE)
    assert again.changelog == "unchanged"  # the same entry is there already
    assert tree_digest(tmp_path / "releases") == first.digest
    assert _changelog(first.project) == first.changelog


def test_a_release_over_an_existing_version_is_refused_and_writes_nothing(first, capsys):
    code, said = _cli(first.project, first.out, capsys)
    assert code == 1
    assert re.search(rf"^edition\.toml:\d+:1: error \[(.+?)\] version {re.escape(first.done.version)} "
                     "is released already", said, re.M)[1] == "release-exists"
    assert "hint: raise version in edition.toml" in said
    assert tree_digest(first.out) == first.digest and _changelog(first.project) == first.changelog


def test_a_removed_sentence_id_without_a_redirect_is_refused_naming_the_id_and_the_texts_file(second):
    assert [(p.rule, p.path) for p in second.refused] == [("release-id-removed", TEXT)]
    assert f"'{OLD_ID}'" in second.refused[0].message and "release 0.1.0" in second.refused[0].message
    assert REDIRECTS_FILE in second.refused[0].hint and f'"{OLD_ID}" = {{ to = ' in second.refused[0].hint
    assert second.after_refusal == second.before  # nothing written: neither releases nor CHANGELOG.md


def test_with_the_redirect_declared_the_release_passes_keeps_the_earlier_version_and_carries_the_redirect(first, second):
    after = tree_digest(second.out)
    kept = {path: digest for path, digest in first.digest.items() if path.startswith("v0.1.0/")}
    assert {path: digest for path, digest in after.items() if path.startswith("v0.1.0/")} == kept
    assert second.done.earlier == ["0.1.0"] and second.done.redirected == 1
    assert json.loads((second.out / MANIFEST).read_text(encoding="utf-8"))["version"] == "0.2.0"
    for folder in (second.out, second.out / "v0.2.0"):
        page = (folder / "texts/historymaps.html").read_text(encoding="utf-8")
        assert f'id="{NEW_ID}"' in page and f'id="{OLD_ID}"' not in page
        assert '<script src="../static/redirects.js" defer></script>' in page
        script = (folder / "static/redirects.js").read_text(encoding="utf-8")
        assert f'var moved = {{"{OLD_ID}": "texts/historymaps.html#{NEW_ID}"}};' in script
    assert f'id="{OLD_ID}"' in (second.out / "v0.1.0/texts/historymaps.html").read_text(encoding="utf-8")
    changelog = _changelog(second.project)
    assert changelog.index("## [0.2.0] - ") < changelog.index("## [0.1.0] - ") < changelog.index("[0.2.0]: ")
    entry = changelog.split("## [0.2.0] - ")[1].split("## [0.1.0]")[0]
    assert re.findall(r"^- .*$", entry, re.M) == [f"- {DATE}: {NEW_CHANGE}",
                                                  f"- `{OLD_ID}` → `{NEW_ID}`: renumbered (a test)"]
    assert entry.count("No change since version 0.1.0.") == len(first.project.text_files()) - 1
    assert changelog.index("[0.2.0]: ") < changelog.index("[0.1.0]: ")


@pytest.mark.parametrize("setup, option, rule, message", [
    (lambda p, out: replace_in(p.config_file, 'version = "', 'version = "v'), (), "release-version",
     "is not a semantic version"),
    (lambda p, out: ((out / "v9.0.0").mkdir(parents=True), (out / "index.html").write_text("old"),
                     (out / "v9.0.0" / MANIFEST).write_text('{"texts": {}}')), (), "release-version",
     "is not newer than the last release, 9.0.0"),
    (lambda p, out: ((out / "v0.0.1").mkdir(parents=True), (out / "index.html").write_text("old"),
                     (out / "v0.0.1" / MANIFEST).write_text("{not json")), (), "release-manifest",
     "has no readable manifest"),
    (lambda p, out: (p.root / CHANGELOG).write_text(f"# Changelog\n\n## [Unreleased]\n\n"
                                                    f"## [{load_config(p).version}] - 1999-01-01\n"),
     (), "changelog", "that is not this release's"),
    (lambda p, out: None, ("--date", "2026-02-30"), "release-date", "2026-02-30"),
])
def test_bad_releases_are_refused_before_anything_is_built(published, capsys, setup, option, rule, message):
    out = published.root.parent / "releases"
    setup(published, out)
    before = tree_digest(published.root.parent)
    code, said = _cli(published, out, capsys, *option)
    assert code == 1 and f"[{rule}]" in said and message in said, said
    assert tree_digest(published.root.parent) == before


@pytest.mark.parametrize("line, rule, message", [
    ('"historymaps-p2-s3-en" = { to = "historymaps-p2-s3", reason = "x" }', "redirect-target", "still exists"),
    ('"historymaps-p2-s9" = { to = "historymaps-p2-s99", reason = "x" }', "redirect-target",
     "which is no citable id"),
    ('"historymaps-p2-s9" = { to = "historymaps-p2-s3" }', "redirects-file", "non-empty 'to' and 'reason'"),
    ('"historymaps-p2-s9" = = 3', "redirects-file", "not valid TOML"),
])
def test_the_redirects_file_is_checked_with_its_line(scratch, line, rule, message):
    path = scratch.root / REDIRECTS_FILE
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    corpus, _ = load_corpus(scratch)
    _, problems = load_redirects(scratch, corpus)
    assert [(p.rule, p.path, p.line) for p in problems] == [(rule, REDIRECTS_FILE, len(path.read_text().splitlines()))]
    assert message in problems[0].message


def test_validate_reports_a_bad_redirect_and_still_checks_the_texts(scratch, capsys):
    path = scratch.root / REDIRECTS_FILE
    path.write_text(path.read_text(encoding="utf-8") + '"x-p1" = { to = "x-p2", reason = "x" }\n', encoding="utf-8")
    replace_in(scratch.root / TEXT, 'corresp="#historymaps-p2-s1"', 'corresp="#historymaps-p2-s404"')
    assert main(["--root", str(scratch.root), "validate", "--no-tei-all"]) == 1
    said = capsys.readouterr().err
    assert "tei/redirects.toml:" in said and "[redirect-target]" in said
    assert "tei/texts/historymaps.xml:" in said  # the texts' own checks ran too
