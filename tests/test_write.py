"""The site is written whole or not at all."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import tree_digest
from edition.problems import EditionError
from edition.write import write_site


def test_failed_write_keeps_the_previous_site_and_leaves_no_staging(tmp_path, monkeypatch):
    out = tmp_path / "build"
    write_site({"index.html": b"old", "texts/a.html": b"old a"}, out)
    before = tree_digest(out)

    real_write = Path.write_bytes
    calls = {"n": 0}

    def failing_write(self, data):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device")
        return real_write(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing_write)
    with pytest.raises(EditionError) as error:
        write_site({f"page{i}.html": b"new" for i in range(5)}, out)
    assert error.value.problems[0].rule == "output-unwritable"
    assert "No space left on device" in error.value.problems[0].message
    assert tree_digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]


def test_a_killed_builds_staging_folder_is_removed_by_the_next_build(tmp_path):
    out = tmp_path / "build"
    (tmp_path / ".build.new-abc123").mkdir()
    (tmp_path / ".build.new-abc123" / "half.html").write_bytes(b"half")
    write_site({"index.html": b"new"}, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]
    assert (out / "index.html").read_bytes() == b"new"


def test_unwritable_output_folder_is_a_problem_not_a_traceback(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(EditionError) as error:
        write_site({"index.html": b"x"}, blocker / "build")
    assert error.value.problems[0].rule == "output-unwritable"
