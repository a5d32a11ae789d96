"""The `edition` command: validate, build, serve.

Exit status: 0 all well, 1 problems in the encoding (or the output could not be
written), 2 wrong usage. Problems go to stderr as `file:line:col: severity [rule] message`.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import sys
import time
from pathlib import Path

from .build import build, check
from .problems import EditionError, Problem, fold, has_errors, summary
from .sources import Project


def _report(problems: list[Problem], nothing_written: Path | None = None) -> None:
    shown, folded = fold(problems)
    for problem in shown:
        print(problem.format(), file=sys.stderr)
    for rule, count in sorted(folded.items()):
        print(f"…and {count} more [{rule}]", file=sys.stderr)
    line = summary(problems)
    if nothing_written is not None:
        line += f" Nothing was written to {nothing_written}."
    print(line, file=sys.stderr)


def cmd_validate(project: Project, args: argparse.Namespace) -> int:
    try:
        problems = check(project)
    except EditionError as err:
        problems = err.problems
    if problems:
        _report(problems)
    if has_errors(problems):
        return 1
    print(f"{len(project.text_files())} text(s) valid.")
    return 0


def _build(project: Project, out: Path) -> int:
    started = time.perf_counter()
    try:
        result = build(project, out)
    except EditionError as err:
        _report(err.problems, nothing_written=out)
        return 1
    if result.warnings:
        _report(result.warnings)
    size = sum(len(data) for data in result.files.values())
    print(f"Built {len(result.files)} files ({size / 1024:.0f} KiB) in {out} "
          f"in {time.perf_counter() - started:.2f} s. Open {out / 'index.html'}.")
    return 0


def cmd_build(project: Project, args: argparse.Namespace) -> int:
    return _build(project, Path(args.out))


def cmd_serve(project: Project, args: argparse.Namespace) -> int:
    out = Path(args.out)
    status = _build(project, out)
    if status:
        return status
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
        print(f"Serving {out} at http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C to stop)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="edition", description="Validate and build the digital edition.")
    main.add_argument("--root", default=".", help="the project folder (default: the current folder)")
    commands = main.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="check every TEI file").set_defaults(run=cmd_validate)
    build_cmd = commands.add_parser("build", help="validate, then build the static site")
    build_cmd.add_argument("--out", default="build", help="output folder (default: build)")
    build_cmd.set_defaults(run=cmd_build)
    serve = commands.add_parser("serve", help="build, then serve the site on 127.0.0.1")
    serve.add_argument("--out", default="build", help="output folder (default: build)")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(run=cmd_serve)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    project = Project(Path(args.root).resolve())
    if not project.tei.is_dir():
        print(f"edition: {project.root} has no tei/ folder (use --root to name the project folder)", file=sys.stderr)
        return 2
    return args.run(project, args)


if __name__ == "__main__":
    sys.exit(main())
