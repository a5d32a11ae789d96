"""The benchmark's synthetic corpora are valid editions, whatever their size."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import run  # noqa: E402  (bench/run.py)


def test_a_corpus_whose_last_group_is_incomplete_validates(tmp_path):
    # regression: with three real texts, 4 copies leave the second group with one text, whose
    # cross-references pointed to copies that were never made
    project = run.make_corpus(tmp_path, 4)
    assert len(list((project / "tei" / "texts").glob("*.xml"))) == 4
    result = subprocess.run([sys.executable, "-m", "edition", "validate", "--no-tei-all"], cwd=project,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-2000:]
