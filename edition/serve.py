"""Live preview: serve the site on 127.0.0.1, rebuild when the sources change.

The site is served from memory: the files of the last build that succeeded, swapped
in whole under a lock, so a request never sees a page in the middle of being made, nor
a folder in the middle of being written. When a change breaks the build, every
page asks for shows the problems (file:line:col, what, how to fix) instead of a stale
page, and refreshes itself until the sources are fixed. Each good build is also
written to the output folder, whole or not at all, as `edition build` does.

When only texts changed (tei/texts/*.xml edited, none added or removed), the edition is
read and validated, and the edited texts' reading pages, in every interface language,
are made and served first, in place of their earlier pages: what the encoder is looking
at changes within about a second. The whole site is then made again and replaces
them (registers, search, comparison pages: whatever else the edit changed).
"""
from __future__ import annotations

import http.server
import mimetypes
import posixpath
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape

from .build import Memo, Superseded, render_reading_pages, render_site
from .problems import EditionError, Problem, fold, summary
from .sources import Project
from .write import write_site

WATCHED = ("tei", "xslt", "templates")
# seconds: how often a whole build asks whether the sources changed again (the watched files' times and sizes)
ASKED = 0.1


class LiveSite:
    """The site as served: the last good build, and the problems of the latest one if it failed."""

    def __init__(self, project: Project, out: Path):
        self.project = project
        self.out = out
        self._lock = threading.Lock()
        self.files: dict[str, bytes] = {}
        self.problems: list[Problem] = []
        self.builds = 0  # how many builds have finished, good or bad
        self.shown = 0  # how many times edited texts' pages were served before their whole build
        self.texts: set[Path] = set()  # the text files of the last good build
        self._memo = Memo()  # each text's share of the index and problems, kept while what they read is unchanged

    def rebuild(self, newer: Callable[[], bool] = lambda: False) -> list[Problem] | None:
        """Build in memory, write it whole, then serve it; on failure keep serving the problems.
        `newer`: whether the sources changed again since the build began, asked every ASKED seconds
        while it reads and makes files; if they did, the build is left (None), nothing written, for one
        that reads them."""
        asked = [time.perf_counter()]

        def changed_again() -> bool:
            if time.perf_counter() - asked[0] < ASKED:
                return False
            asked[0] = time.perf_counter()
            return newer()

        try:
            result = render_site(self.project, memo=self._memo, newer=changed_again)
            write_site(result.files.items(), self.out)
        except Superseded:
            return None
        except EditionError as err:
            return self._failed(err)
        with self._lock:
            self.files = result.files
            self.problems = []
            self.builds += 1
            self.texts = self._text_files()
        return result.warnings

    def show_texts(self, changed: set[Path]) -> list[Problem] | None:
        """If only texts were edited since the last good build, serve their new reading pages at once,
        in place of the old ones, and return the warnings (the whole build follows, and replaces them).
        None if something else changed, or the last build failed: only the whole build will do."""
        if not self.only_texts(changed):
            return None
        try:
            result = render_reading_pages(self.project, changed, self._memo)
        except EditionError as err:
            return self._failed(err)
        with self._lock:
            self.files = {**self.files, **result.files}
            self.shown += 1
        return result.warnings

    def only_texts(self, changed: set[Path]) -> bool:
        """Whether `changed` is texts edited since the last good build, none added or removed (files
        under tei/texts/ that are not .xml, an editor's swap and backup files, are not read)."""
        if not self.files or self.problems or not changed:
            return False
        texts, folder = self._text_files(), self.project.texts_dir.resolve()
        if texts != self.texts:
            return False
        changed = {path.resolve() for path in changed}
        edited = changed & texts
        return bool(edited) and all(path.parent == folder and path.suffix != ".xml" for path in changed - edited)

    def _text_files(self) -> set[Path]:
        return {path.resolve() for path in self.project.text_files()}

    def _failed(self, err: EditionError) -> list[Problem]:
        with self._lock:
            self.problems = err.problems
            self.builds += 1
        return err.problems

    def snapshot(self) -> tuple[dict[str, bytes], list[Problem]]:
        with self._lock:
            return self.files, self.problems


def problem_page(project: Project, problems: list[Problem]) -> bytes:
    """The page shown instead of the site while it does not build (its own template, so that
    it renders even when the site's templates or configuration are what is broken)."""
    env = Environment(loader=FileSystemLoader(str(Path(__file__).parent / "templates")),
                      autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True)
    shown, folded = fold(problems)
    return env.get_template("problems.html").render(problems=shown, folded=sorted(folded.items()),
                                                     summary=summary(problems), root=str(project.root)).encode("utf-8")


def _handler(site: LiveSite):
    class Handler(http.server.BaseHTTPRequestHandler):
        server_version = "edition-serve"

        def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
            self._respond(send_body=True)

        def do_HEAD(self) -> None:  # noqa: N802
            self._respond(send_body=False)

        def _respond(self, send_body: bool) -> None:
            files, problems = site.snapshot()
            path = posixpath.normpath(unquote(urlsplit(self.path).path)).lstrip("/")
            if path in ("", "."):
                path = "index.html"
            elif path + "/index.html" in files or (path.endswith("/") and path + "index.html" in files):
                path = path.rstrip("/") + "/index.html"
            if problems and (path.endswith(".html") or path not in files):
                body, status, kind = problem_page(site.project, problems), 500, "text/html; charset=utf-8"
            elif path in files:
                body, status = files[path], 200
                kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
                if kind.startswith("text/") or kind in ("application/javascript", "application/xml"):
                    kind += "; charset=utf-8"
            else:
                body, status, kind = b"Not found\n", 404, "text/plain; charset=utf-8"
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if send_body:
                self.wfile.write(body)

        def log_message(self, format: str, *args) -> None:  # quiet: the terminal is for problems
            pass

    return Handler


def _report(problems: list[Problem], took: float, done: str = "Rebuilt") -> bool:
    """Print the problems, or what was done and how long it took; whether the build failed."""
    if problems and any(p.severity == "error" for p in problems):
        shown, folded = fold(problems)
        for problem in shown:
            print(problem.format(), file=sys.stderr)
        for rule, count in sorted(folded.items()):
            print(f"…and {count} more [{rule}]", file=sys.stderr)
        print(f"{summary(problems)} The browser shows them until they are fixed.", file=sys.stderr, flush=True)
        return True
    print(f"{done} in {took:.2f} s.", flush=True)
    return False


def _watched(project: Project) -> list[Path]:
    paths = [project.root / name for name in WATCHED if (project.root / name).exists()]
    if project.config_file.exists():
        paths.append(project.config_file)
    return paths


def _fingerprint(paths: list[Path]) -> dict[str, tuple[int, int]]:
    found = {}
    for path in paths:
        for file in [path] if path.is_file() else sorted(path.rglob("*")):
            try:
                stat = file.stat()
            except OSError:
                continue
            found[str(file)] = (stat.st_mtime_ns, stat.st_size)
    return found


def watch(site: LiveSite, stop: threading.Event, ready: threading.Event, before: dict[str, tuple[int, int]]) -> None:
    """Rebuild whenever something under tei/, xslt/ or templates/ (or edition.toml) changes.

    `before` is the state of the sources when the first build started: a change made
    before the watch was in place is caught by comparing it, once the watch is up. A whole
    build is left as soon as the sources change again (the encoder saved once more), so that
    the newer edit is shown as soon as its own pages are made, not after the older one's whole build."""
    from watchfiles import watch as changes

    paths = _watched(site.project)
    # what changed since the last whole build that ran to its end (one left halfway built none of it)
    unbuilt: set[Path] = set()
    for batch in changes(*paths, stop_event=stop, debounce=200, step=50, rust_timeout=200, yield_on_timeout=True,
                         raise_interrupt=False):
        if not ready.is_set():  # the first (empty) batch: the watch is in place
            ready.set()
            if _fingerprint(paths) == before:
                continue
        elif not batch:
            continue
        started = time.perf_counter()
        changed = {Path(path) for _, path in batch}
        unbuilt |= changed
        state = _fingerprint(paths)  # the sources this build reads
        shown = site.show_texts(unbuilt)
        if shown is not None:
            names = ", ".join(sorted(path.name for path in changed if path.suffix == ".xml"))
            if _report(shown, time.perf_counter() - started, f"Shown {names}"):
                continue  # the whole build would stop on the same problems
        warnings = site.rebuild(newer=lambda: _fingerprint(paths) != state)
        if warnings is None:
            print("The sources changed again: the whole build starts over.", flush=True)
            continue
        unbuilt = set()
        _report(warnings, time.perf_counter() - started)


def serve(project: Project, out: Path, port: int) -> int:
    site = LiveSite(project, out)
    try:  # the port first: a port in use is said at once, not after the first build
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), _handler(site))
    except OSError as err:
        print(f"edition serve: cannot listen on 127.0.0.1:{port}: {err.strerror} (choose another port with --port)",
              file=sys.stderr)
        return 1
    with server:
        before = _fingerprint(_watched(project))
        started = time.perf_counter()
        _report(site.rebuild(), time.perf_counter() - started)
        stop, ready = threading.Event(), threading.Event()
        watcher = threading.Thread(target=watch, args=(site, stop, ready, before), name="edition-watch", daemon=True)
        watcher.start()
        ready.wait(timeout=30)
        print(f"Serving {project.show(project.root)} at http://127.0.0.1:{server.server_address[1]}/ "
              f"(rebuilt on every change to {', '.join(WATCHED)}; Ctrl-C to stop)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            stop.set()
    watcher.join(timeout=5)
    return 0
