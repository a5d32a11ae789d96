"""The benchmark's synthetic corpora are valid editions, whatever their size."""
import sys
from pathlib import Path

from edition.build import inspect
from edition.problems import ERROR
from edition.sources import Project
from conftest import ROOT

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import run  # noqa: E402  (bench/run.py)


def test_a_corpus_whose_last_group_is_incomplete_validates(tmp_path):
    # regression: one copy more than there are real texts leaves the second group with one text,
    # whose cross-references pointed to copies that were never made
    real = len(list((ROOT / "tei" / "texts").glob("*.xml")))
    project = Project(run.make_corpus(tmp_path, real + 1))
    assert len(list(project.texts_dir.glob("*.xml"))) == real + 1
    problems = [p for p in inspect(project).problems if p.severity == ERROR]
    assert problems == []
