"""The W3C Nu HTML checker finds no error in any page (one Java run over all of them: it is slow to start)."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

pytestmark = pytest.mark.browser


def test_nu_html_checker_finds_no_errors(site, pages, vnu):
    files = [str(site / name) for name in pages]
    run = subprocess.run([*vnu, "--format", "json", "--errors-only", *files],
                         capture_output=True, text=True, timeout=600)
    try:
        messages = json.loads(run.stderr or run.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"the Nu checker gave no report (exit {run.returncode}):\n{run.stderr}\n{run.stdout}")
    site_path = site.resolve()
    problems = []
    for message in messages:
        url = message.get("url", "")
        name = Path(unquote(urlsplit(url).path)).resolve() if url.startswith("file:") else url
        name = name.relative_to(site_path).as_posix() if isinstance(name, Path) else name
        problems.append(f"{name}:{message.get('lastLine', '?')}: {message.get('type')}: {message.get('message')}")
    assert run.returncode == 0 or problems, f"the Nu checker failed (exit {run.returncode}) without a message"
    per_page = {name: sum(1 for p in problems if p.startswith(name + ":")) for name in pages}
    summary = ", ".join(f"{name} {count}" for name, count in per_page.items() if count)
    assert not problems, f"{len(problems)} Nu HTML checker error(s) ({summary}):\n" + "\n".join(problems)
