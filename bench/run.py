"""Benchmark of `edition validate` and `edition build`: one command, one table.

    .venv/bin/python bench/run.py [--sizes 20 50 200] [--no-tei-all]

For the real edition and for synthetic corpora of 20, 50 and 200 texts made from the real
ones (each copy with its own siglum and IDs: historymaps -> historymaps007, kafkas-seddi -> kafkas-seddi007), it measures, each
in a fresh process so that peak memory is that of the step alone:

- schema load: compiling the project's RELAX NG and Schematron, and the TEI Consortium's tei_all;
- validate: every check of `edition validate` (tei_all included) with the schemas already loaded;
- build: the whole of `edition build` (load, validate, transform, index, render, write); the
  peak memory of the processes it starts (Pagefind's binary, once for each search index) apart
  from its own, read from /proc before each ends; and the rebuild
  after one text changed, as a fraction of the cold build;
- floor: merely parsing and serialising the same TEI files with lxml; the generic pass
  (`bench/tei_generic.xsl`, a trivial TEI -> HTML stylesheet: the floor of any lxml/XSLT 1.0
  pipeline, compiled once); and the bare XSLT pass (the project's stylesheet over every text,
  compiled once), so that build/generic and build/floor are visible;
- the largest page: the page (.html) the build writes that is biggest gzipped (its size, and gzipped),
  the largest of the pages that are not a text's reading page (which grow with their text, not with
  the corpus), and how many pages are over PAGE_LIMIT_KIB gzipped (issue 17: none at 200 texts).

Times are the best of a few runs for the cheap steps and of two for validate and build.
Nothing here is a test: the figures depend on the machine.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE_LIMIT_KIB = 150  # issue 17, item 3: no page over 150 KB gzipped
sys.path.insert(0, str(ROOT))


# --- the synthetic corpora ------------------------------------------------------------------------

def make_corpus(target: Path, size: int | None) -> Path:
    """A project folder with `size` texts made from the real ones (None: the real edition)."""
    for name in ("tei", "xslt", "templates"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "edition.toml", target / "edition.toml")
    if size is None:
        return target
    texts = target / "tei" / "texts"
    originals = sorted(texts.glob("*.xml"))
    sources = [(path.stem, path.read_text(encoding="utf-8")) for path in originals]
    for path in originals:
        path.unlink()
    # copies come in groups, one copy of each real text per group, so that a cross-reference
    # between two real texts points to the other text's copy in the same group
    sigla = [siglum for siglum, _ in sources]
    for number in range(size):
        group = number // len(sources)
        siglum, text = sources[number % len(sources)]
        # a last, incomplete group lacks some texts: its cross-references to them go to group 0
        in_group = sigla[:size - group * len(sources)]

        def rename(found, group=group, in_group=in_group):
            return f"{found.group(1)}{group if found.group(1) in in_group else 0:03d}"

        # every siglum-derived token: xml:id, corresp, idno, paths and cross-references
        renamed = re.sub(rf"(?<![\w:-])({'|'.join(map(re.escape, sigla))})(?=[-.\"#<]|\b)", rename, text)
        (texts / f"{siglum}{group:03d}.xml").write_text(renamed, encoding="utf-8")
    # the introduction cites the passages of the first copy of each text
    introduction = target / "tei" / "introduction.xml"
    if introduction.is_file():
        prose = introduction.read_text(encoding="utf-8")
        introduction.write_text(re.sub(rf"(?<![\w:-])({'|'.join(map(re.escape, sigla))})(?=[-.\"#<]|\b)",
                                       lambda found: f"{found.group(1)}000", prose), encoding="utf-8")
    return target


# --- what one child process measures --------------------------------------------------------------

def _best(function, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - started)
    return best


def measure_validate(project_dir: Path, tei_all: bool) -> dict:
    from edition import conformance
    from edition.build import check
    from edition.sources import Project
    from edition.validate import Validator

    os.environ[conformance.CACHE_ENVIRONMENT] = "off"  # every run checks every file, as a cold validate does
    project = Project(project_dir)
    figures: dict = {}
    grammar = conformance.load() if tei_all else None
    started = time.perf_counter()
    validator = Validator(project, grammar)
    validator.text_grammar, validator.register_grammar, validator.rules  # noqa: B018 (compile them now)
    figures["schemas_load"] = time.perf_counter() - started
    if grammar is not None:
        figures["tei_all_load"] = grammar.load_seconds
        figures["tei_version"] = grammar.version
    problems = []
    figures["validate"] = _best(lambda: problems.append(check(project, validator)), 2)
    figures["problems"] = len(problems[-1])
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def _timed(owner, name: str, totals: dict, stage: str) -> None:
    """Wrap owner.name so that the time spent in it is added to totals[stage]."""
    inner = getattr(owner, name)

    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            totals[stage] = totals.get(stage, 0.0) + time.perf_counter() - started

    setattr(owner, name, wrapper)


def measure_build(project_dir: Path) -> dict:
    import importlib

    from edition import conformance
    from edition.model import text_path
    from edition.render import Renderer
    from edition.sources import Project
    from edition.transform import Transformer

    pipeline = importlib.import_module("edition.build")  # the module (the package exports its build function)
    project = Project(project_dir)
    out = project_dir / "build"
    pagefind_peaks = _watch_pagefind()
    # what a build keeps for the next (each text's Schematron problems, each search index) goes to a
    # folder of the bench's own, emptied before each cold build; the rebuild finds there what the cold
    # build before it kept
    cache = project_dir / ".bench-cache"
    os.environ[conformance.CACHE_ENVIRONMENT] = str(cache)

    def cold_build():
        shutil.rmtree(cache, ignore_errors=True)
        pipeline.build(project, out)

    figures = {"build": _best(cold_build, 2)}
    figures["site_files"] = sum(1 for p in out.rglob("*") if p.is_file())
    gzipped = {p: len(gzip.compress(p.read_bytes(), 6)) / 1024 for p in out.rglob("*.html")}
    largest = max(gzipped, key=gzipped.get)
    figures["largest_page"] = (largest.relative_to(out).as_posix(), largest.stat().st_size / 1024, gzipped[largest])
    # a text's reading page, in any interface language (texts/x.html, tr/texts/x.html)
    reading = {text_path(path.stem) for path in (project_dir / "tei" / "texts").glob("*.xml")}
    others = {p: size for p, size in gzipped.items()
              if not any(p.relative_to(out).as_posix().endswith(("/" + page, page)) for page in reading)}
    other = max(others, key=others.get)
    figures["largest_other_page"] = (other.relative_to(out).as_posix(), other.stat().st_size / 1024, others[other])
    over = sorted((size, p.relative_to(out).as_posix()) for p, size in gzipped.items() if size > PAGE_LIMIT_KIB)
    figures["pages_over_limit"] = (len(over), len(gzipped), [f"{name} {size:.0f}" for size, name in over[::-1][:8]])
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # the processes the build starts (Pagefind's binary, once for each index): their peak, apart from
    # the build's own. Not getrusage(RUSAGE_CHILDREN): a child started by vfork records the parent's
    # peak as its own, so that figure is never below the build's own peak at the time.
    figures["children_rss_mb"] = max(pagefind_peaks, default=0) / 1024
    # the rebuild after one text changed (a comment added to it): every page is made again, but
    # the other texts' Schematron problems and the search indexes without that text come from the
    # cache the cold build left
    changed = sorted(project.text_files())[0]
    original = changed.read_bytes()
    assert b"</body>" in original, f"{changed} has no </body>: the rebuild would change nothing"
    changed.write_bytes(original.replace(b"</body>", b"<!-- changed --></body>", 1))
    try:
        figures["rebuild"] = _best(lambda: pipeline.build(project, out), 1)
    finally:
        changed.write_bytes(original)
    # one more build, with each stage timed, to show where the time goes
    stages: dict = {}
    _timed(pipeline, "load_corpus", stages, "load")
    _timed(pipeline, "validate_corpus", stages, "validate")
    _timed(Transformer, "transform", stages, "xslt")
    _timed(pipeline, "build_index", stages, "index")
    _timed(Renderer, "page", stages, "render")
    _timed(importlib.import_module("edition.write"), "write_file", stages, "write")  # each file, as it is made
    _timed(importlib.import_module("edition.outputs.search"), "_made", stages, "search")  # waiting for Pagefind's indexes
    started = time.perf_counter()
    cold_build()
    stages["total"] = time.perf_counter() - started
    figures["stages"] = stages
    return figures


def _watch_pagefind() -> list[int]:
    """The peak resident memory (VmHWM, KiB) of each Pagefind process the builds start, read from
    /proc just before the build closes it."""
    from edition.outputs import search

    peaks: list[int] = []
    close = search._Service.close

    async def closing(service):
        status = Path(f"/proc/{service._backend.pid}/status") if service._backend is not None else None
        if status is not None and status.is_file():
            peaks.extend(int(line.split()[1]) for line in status.read_text().splitlines() if line.startswith("VmHWM:"))
        return await close(service)

    search._Service.close = closing
    return peaks


def measure_floor(project_dir: Path) -> dict:
    from lxml import etree

    from edition.build import read_edition
    from edition.labels import load_labels
    from edition.sources import Document, Project, secure_parser
    from edition.transform import Transformer

    project = Project(project_dir)
    paths = project.text_files()

    def parse_and_serialise():
        for path in paths:
            etree.tostring(etree.parse(str(path), secure_parser()), encoding="utf-8")

    documents = [Document(path, etree.parse(str(path), secure_parser())) for path in paths]
    edition = read_edition(project)
    transformer = Transformer(project, edition.registry, load_labels(project, edition.config.language))
    transformer.stylesheet  # noqa: B018 (compile once, as the build does)

    def bare_xslt():  # the edition's stylesheet alone, with the model's extension functions
        for doc in documents:
            transformer.transform(doc, doc.root.get("{http://www.w3.org/XML/1998/namespace}id", ""))

    generic = etree.XSLT(etree.parse(str(Path(__file__).resolve().parent / "tei_generic.xsl"), secure_parser()))

    def generic_pass():  # the reference floor of an XSLT 1.0 pipeline: every element to a div or span
        for doc in documents:
            str(generic(doc.tree))

    return {"floor": _best(parse_and_serialise, 5), "xslt": _best(bare_xslt, 5), "generic": _best(generic_pass, 5),
            "texts": len(paths), "kib": sum(p.stat().st_size for p in paths) / 1024}


def child(step: str, project_dir: Path, tei_all: bool) -> None:
    if step == "validate":
        result = measure_validate(project_dir, tei_all)
    elif step == "build":
        result = measure_build(project_dir)
    else:
        result = measure_floor(project_dir)
    print(json.dumps(result))


# --- the parent: corpora, children, table ---------------------------------------------------------

def run_child(step: str, project_dir: Path, tei_all: bool) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", step, str(project_dir)]
    if not tei_all:
        command.append("--no-tei-all")
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"bench: the {step} step failed on {project_dir}:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[20, 50, 200])
    parser.add_argument("--no-tei-all", dest="tei_all", action="store_false",
                        help="leave out the check against tei_all (it takes seconds to load per process)")
    parser.add_argument("--child", nargs=2, metavar=("STEP", "PROJECT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), args.tei_all)
        return 0

    rows = []
    with tempfile.TemporaryDirectory(prefix="edition-bench-") as scratch:
        for size in [None, *args.sizes]:
            label = "real edition" if size is None else f"synthetic {size}"
            print(f"bench: {label}…", file=sys.stderr, flush=True)
            project_dir = make_corpus(Path(scratch) / (label.replace(" ", "-")), size)
            floor = run_child("floor", project_dir, args.tei_all)
            validate = run_child("validate", project_dir, args.tei_all)
            if validate["problems"]:
                sys.exit(f"bench: the {label} corpus does not validate ({validate['problems']} problems)")
            built = run_child("build", project_dir, args.tei_all)
            rows.append((label, floor, validate, built))

    n = lambda row: row[1]["texts"]  # noqa: E731
    print()
    version = next((r[2].get("tei_version") for r in rows if r[2].get("tei_version")), None)
    print("Schema load (once per process): project RELAX NG + Schematron "
          + ", ".join(ms(r[2]["schemas_load"]) for r in rows)
          + ("; tei_all (TEI P5 " + version + ") " + ", ".join(ms(r[2]["tei_all_load"]) for r in rows) if version else "")
          + "  (one figure per corpus below, in order)")
    print()
    header = ("corpus", "texts", "TEI KiB", "validate", "per text", "peak RSS", "build", "per text", "peak RSS",
              "Pagefind peak RSS", "one-text rebuild", "rebuild/build",
              "floor/text", "generic/text", "XSLT/text", "build/generic", "validate/generic", "build/floor",
              "build/XSLT", "largest page (KiB, gzipped)", "largest but the reading pages",
              f"pages over {PAGE_LIMIT_KIB} KiB gzipped")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for row in rows:
        label, floor, validate, built = row
        texts = n(row)
        print("| " + " | ".join([
            label, str(texts), f"{floor['kib']:.0f}",
            ms(validate["validate"]), ms(validate["validate"] / texts), f"{validate['peak_rss_mb']:.0f} MB",
            ms(built["build"]), ms(built["build"] / texts), f"{built['peak_rss_mb']:.0f} MB",
            f"{built['children_rss_mb']:.0f} MB", ms(built["rebuild"]), f"{built['rebuild'] / built['build']:.2f}",
            ms(floor["floor"] / texts), ms(floor["generic"] / texts), ms(floor["xslt"] / texts),
            f"{built['build'] / floor['generic']:.0f}×", f"{validate['validate'] / floor['generic']:.0f}×",
            f"{built['build'] / floor['floor']:.0f}×", f"{built['build'] / floor['xslt']:.0f}×",
            "{} {:.0f} ({:.0f})".format(*built["largest_page"]),
            "{} {:.0f} ({:.0f})".format(*built["largest_other_page"]),
            "{} of {}".format(*built["pages_over_limit"][:2]),
        ]) + " |")
    for row in rows:
        count, pages, worst = row[3]["pages_over_limit"]
        if count:
            print(f"\nOver {PAGE_LIMIT_KIB} KiB gzipped in {row[0]} (KiB gzipped, the largest first): " + "; ".join(worst))
    print()
    stages = ("load", "validate", "xslt", "index", "render", "write", "search")
    print("Where a build's time goes, per text: " + ", ".join(stages) + ", other")
    print()
    print("| corpus | " + " | ".join(stages) + " | other |")
    print("|---|" + "---|" * (len(stages) + 1))
    for row in rows:
        label, built, texts = row[0], row[3], n(row)
        known = [built["stages"].get(stage, 0.0) for stage in stages]
        other = built["stages"]["total"] - sum(known)
        print("| " + " | ".join([label, *(ms(t / texts) for t in known), ms(other / texts)]) + " |")
    print()
    print("validate: every check with the schemas loaded (tei_all included" + ("" if version else ": no") + "); "
          "build: the whole `edition build`, schemas compiled inside it; floor: lxml parse + serialise of the same "
          "TEI; generic: bench/tei_generic.xsl over each text; XSLT: the project's stylesheet alone over each text. "
          "Peak RSS: the process's maximum resident memory; Pagefind peak RSS: the largest of the Pagefind processes "
          "the build starts, one for each search index (/usr/bin/time -v reports the larger of this and the build's own).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
