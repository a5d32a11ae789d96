"""Write the site whole or not at all.

The pages go to a fresh temporary folder beside the target; only when every file
is written is the old site moved aside and the new one moved in, by two renames
on the same file system. A failed or killed build leaves the previous site as it was.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .problems import ERROR, EditionError, Problem


def write_site(files: dict[str, bytes], out: Path) -> None:
    out = out.resolve()
    _refuse_to_replace_what_is_not_a_site(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(out)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    except OSError as err:
        raise EditionError([Problem(str(out), 0, 0, ERROR, "output-unwritable",
                                    f"cannot write to {out.parent}: {err.strerror}",
                                    "choose an output folder you may write to with --out")]) from err
    try:
        for name in sorted(files):
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[name])
        os.chmod(staging, 0o755)  # mkdtemp makes it private; a published site must be readable by the web server
        _swap(staging, out)
    except OSError as err:
        shutil.rmtree(staging, ignore_errors=True)
        raise EditionError([Problem(str(out), 0, 0, ERROR, "output-unwritable",
                                    f"cannot write the site: {err.strerror}",
                                    "check the free space and permissions of the output folder")]) from err


def _refuse_to_replace_what_is_not_a_site(out: Path) -> None:
    """The swap replaces the output folder whole: never let it replace a file, or a folder
    that is not a site built before (`--out .` must not swallow the project)."""
    if not out.exists() and not out.is_symlink():
        return
    if out.is_dir() and not out.is_symlink() and (not any(out.iterdir()) or (out / "index.html").is_file()):
        return
    what = "a file" if not out.is_dir() or out.is_symlink() else "a folder that holds no built site (no index.html)"
    raise EditionError([Problem(str(out), 0, 0, ERROR, "output-not-a-site",
                                f"the output folder {out} is {what}; the build replaces the output folder whole "
                                "and will not replace it", "choose a new or empty folder, or a previous build, with --out")])


def _remove_leftovers(out: Path) -> None:
    """A build killed while writing leaves its staging folder behind; the next build removes it.

    (The previous site itself is never among them: it is only ever renamed aside for the
    moment between the two renames of `_swap`.)"""
    for leftover in out.parent.glob(f".{out.name}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _swap(staging: Path, out: Path) -> None:
    if not out.exists():
        staging.rename(out)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    retired.rmdir()
    out.rename(retired)
    try:
        staging.rename(out)
    except OSError:
        retired.rename(out)  # put the previous site back before reporting
        raise
    shutil.rmtree(retired, ignore_errors=True)
