"""The `edition` command: validate, build, serve, release.

Exit status: 0 all well, 1 problems in the encoding (or the output could not be
written), 2 wrong usage. Problems go to stderr as `file:line:col: severity [rule] message`.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from . import conformance
from .build import build, inspect
from .deliberate import DELIBERATE_FILE
from .report_cache import ReportCache
from .problems import WARNING, EditionError, Problem, fold, has_errors, summary
from .sources import Project
from .validate import Validator


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
    # with nothing changed since the last run its report is served whole (report_cache.py); else
    # tei_all is compiled once per run, and only once the files have been read without errors:
    # compiling it takes seconds, and a file refused on reading needs no schema
    cache = ReportCache(project, strict=args.strict, tei_all=args.tei_all)
    tei_all, cached_files, served = None, 0, cache.get()
    if served is None:
        validator = Validator(project, conformance.load if args.tei_all else None)
        report, label = inspect(project, validator, strict=args.strict), validator.tei_all_label
        cache.put(report, label)
        tei_all, cached_files = validator.loaded_tei_all, validator.cached_files
    else:
        report, label = served
    problems = report.problems
    failed = has_errors(problems) or (args.strict and any(p.severity == WARNING for p in problems))
    checked = "the project's schema and rules" + (f" and {label}" if label else "")
    if args.format == "json":
        print(json.dumps({
            "ok": not failed,
            "strict": args.strict,
            "checked_against": checked,
            "from_cache": served is not None,
            "tei_all": {"checked_against": label, "cached_files": cached_files,
                        "load_seconds": round(tei_all.load_seconds, 3) if tei_all else None} if label else None,
            "summary": summary(problems),
            "problems": [asdict(p) for p in sorted(set(problems))],
            "kept": [{**asdict(k.problem), "reason": k.entry.reason, "kept_by": f"{DELIBERATE_FILE}:{k.entry.line}"}
                     for k in report.kept],
            "texts": [asdict(f) for f in report.figures],
        }, ensure_ascii=False, indent=2))
        return 1 if failed else 0
    if problems:
        _report(problems)
    for figures in report.figures:
        print("\n".join(figures.lines()))
    if report.kept:
        rules = Counter(k.problem.rule for k in report.kept)
        print(f"{len(report.kept)} warning(s) kept on purpose, each with its reason in {DELIBERATE_FILE}: "
              + " · ".join(f"{rule} {count}" for rule, count in sorted(rules.items())) + ".")
    cached = f"{cached_files} unchanged file(s) from the cache" if cached_files else ""
    loaded = (" (nothing changed since the last run: its report, from the cache)" if served else
              f" (tei_all.rng loaded in {tei_all.load_seconds:.2f} s{'; ' + cached if cached else ''})" if tei_all
              else f" ({cached}; tei_all.rng not loaded)" if cached else "")
    if failed and not has_errors(problems):
        print(f"{len(report.figures)} text(s) valid against {checked}{loaded}, but --strict fails on the warnings.")
        return 1
    if failed:
        print(f"Checked against {checked}{loaded}: not valid.")
        return 1
    print(f"{len(report.figures)} text(s) valid against {checked}{loaded}.")
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
    print(f"Built {result.count} files ({result.size / 1024:.0f} KiB) in {out} "
          f"in {time.perf_counter() - started:.2f} s. Open {out / 'index.html'}.")
    return 0


def cmd_build(project: Project, args: argparse.Namespace) -> int:
    return _build(project, Path(args.out))


def cmd_release(project: Project, args: argparse.Namespace) -> int:
    from .release import release

    out, started = Path(args.out), time.perf_counter()
    try:
        done = release(project, out, args.date)
    except EditionError as err:
        _report(err.problems, nothing_written=out)
        return 1
    kept = f"; kept {', '.join(done.earlier)} byte for byte" if done.earlier else ""
    print(f"Released {done.version}: {done.files} files ({done.size / 1024:.0f} KiB, {done.ids} citable ids, "
          f"{done.redirected} redirected) in {done.folder} and as the current version in {out}{kept}; "
          f"CHANGELOG.md entry {done.changelog}; in {time.perf_counter() - started:.2f} s.")
    return 0


def cmd_serve(project: Project, args: argparse.Namespace) -> int:
    from .serve import serve

    return serve(project, Path(args.out), args.port)


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="edition", description="Validate and build the digital edition.")
    main.add_argument("--root", default=".", help="the project folder (default: the current folder)")
    commands = main.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check every TEI file and show the QA figures of each text")
    validate.add_argument("--strict", action="store_true",
                          help="also warn of untagged names, unused register entries, translations out of proportion "
                               "and untranslated notes, and fail on every warning not kept on purpose (tei/deliberate.toml)")
    validate.add_argument("--format", choices=("text", "json"), default="text",
                          help="json: problems and figures as one JSON document on stdout")
    validate.add_argument("--no-tei-all", dest="tei_all", action="store_false",
                          help="skip the check against the TEI Consortium's tei_all (it takes seconds to load)")
    validate.set_defaults(run=cmd_validate)
    build_cmd = commands.add_parser("build", help="validate, then build the static site")
    build_cmd.add_argument("--out", default="build", help="output folder (default: build)")
    build_cmd.set_defaults(run=cmd_build)
    serve = commands.add_parser("serve", help="serve the site on 127.0.0.1, rebuilt whenever tei/, xslt/ or "
                                              "templates/ change; problems are shown in the page")
    serve.add_argument("--out", default="build", help="output folder (default: build)")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(run=cmd_serve)
    release_cmd = commands.add_parser("release", help="build the version of edition.toml for good: a folder of its own "
                                                      "beside the earlier ones, the current one at the top, its "
                                                      "CHANGELOG.md entry; needs a base_url")
    release_cmd.add_argument("--out", default="releases", help="the releases' folder, published at base_url "
                                                              "(default: releases)")
    release_cmd.add_argument("--date", default="", help="the day of the release, YYYY-MM-DD (if edition.toml gives none)")
    release_cmd.set_defaults(run=cmd_release)
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
