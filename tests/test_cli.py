"""The command line as a user meets it: a real process, real exit codes, real output."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import urllib.request

from conftest import ROOT, serving


def _edition(*args, cwd=ROOT, **kwargs):
    return subprocess.run([sys.executable, "-m", "edition", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, **kwargs)


def test_validate_passes_on_the_edition(tmp_path, monkeypatch, tei_all, capsys):
    """The whole validation, tei_all included, in this process (tei_all is compiled once for the
    whole test run); then the real process, which finds nothing changed and serves that report."""
    from edition.cli import main

    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache"))
    assert main(["--root", str(ROOT), "validate"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "historymaps (ur → en, tei/texts/historymaps.xml)" in lines
    assert "  counterparts    blocks 5/5 (100%), sentences 18/18 (100%)" in lines
    assert re.fullmatch(r"\d+ text\(s\) valid against the project's schema and rules and TEI P5 4\.3\.0 tei_all "
                        r"\(tei_all\.rng loaded in \d+\.\d\d s\)\.", lines[-1])
    result = _edition("validate", env={**os.environ, "EDITION_CACHE": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stderr
    served = result.stdout.splitlines()
    assert served[:-1] == lines[:-1]
    assert re.fullmatch(r"\d+ text\(s\) valid against the project's schema and rules and TEI P5 4\.3\.0 tei_all "
                        r"\(nothing changed since the last run: its report, from the cache\)\.", served[-1])


def test_build_reports_what_it_wrote(tmp_path):
    result = _edition("build", "--out", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert re.match(r"Built \d+ files \(\d+ KiB\) in .*site in \d+\.\d\d s\. Open .*index\.html\.", result.stdout)


def test_serve_builds_and_serves_on_loopback(tmp_path):
    with serving("serve", "--port", "0", "--out", str(tmp_path / "s")) as url:
        with urllib.request.urlopen(url + "texts/historymaps.html", timeout=10) as response:
            page = response.read().decode("utf-8")
        assert 'id="historymaps-p5-s1"' in page


def test_validate_message_is_exactly_what_an_encoder_reads(tmp_path):
    from conftest import copy_project

    project = copy_project(tmp_path / "p")
    path = project.texts_dir / "historymaps.xml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('ref="place:italy">اٹلی', 'ref="place:itlay">اٹلی', 1), encoding="utf-8")
    result = _edition("--root", str(project.root), "validate", "--no-tei-all")
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == "Checked against the project's schema and rules: not valid."
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(number for number, content in enumerate(lines, 1) if "place:itlay" in content)
    col = lines[line - 1].index("place:itlay") + 1
    assert result.stderr == (
        f'tei/texts/historymaps.xml:{line}:{col}: error [ref-unknown] The ref "place:itlay" on <placeName> "اٹلی" '
        'names "place:itlay", but the register ../registers/places.xml has no entry with xml:id="itlay". '
        "Check the spelling against the register, or add the entry (with its names in every language and a short "
        "English description) to ../registers/places.xml.\n"
        "    hint: did you mean place:italy?\n"
        "1 error, 0 warnings in 1 file.\n"
    )
