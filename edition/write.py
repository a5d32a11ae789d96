"""Write the site whole or not at all.

The files go to a fresh temporary folder beside the target as they are made (the build
hands them over one at a time, and nothing holds the whole site); only when every file
is written is the old site moved aside and the new one moved in, by two renames
on the same file system. A build that fails while making or writing its files, or is
killed, leaves the previous site as it was.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .problems import ERROR, EditionError, Problem


def write_site(files: Iterable[tuple[str, bytes]], out: Path) -> tuple[int, int]:
    """Write every (path, bytes) of `files` (a generator, or a dict's items) and publish them as the
    site in `out`; return how many files and how many bytes were written. An error raised by `files`
    itself (the build failing halfway) removes what was staged and goes on up unchanged."""
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
    published = False
    try:
        count = size = 0
        for name, data in files:
            try:
                write_file(staging, name, data)
            except OSError as err:
                raise _unwritable(out, err) from err
            count, size = count + 1, size + len(data)
        try:
            os.chmod(staging, 0o755)  # mkdtemp makes it private; a published site must be readable by the web server
            _swap(staging, out)
        except OSError as err:
            raise _unwritable(out, err) from err
        published = True
    finally:
        if not published:
            shutil.rmtree(staging, ignore_errors=True)
    return count, size


def write_file(staging: Path, name: str, data: bytes) -> None:
    target = staging / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def _unwritable(out: Path, err: OSError) -> EditionError:
    return EditionError([Problem(str(out), 0, 0, ERROR, "output-unwritable", f"cannot write the site: {err.strerror}",
                                 "check the free space and permissions of the output folder")])


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
