"""search.html and pagefind/: the full-text search over every text's sentences and notes.

The records (`edition.search.records`) go to Pagefind's index as custom records, their words
folded (`edition.search.fold`), their words as the page shows them kept in the record's meta
for the results; Pagefind gives its files back in memory, and they go out with the rest of the
site (nothing is written by Pagefind).

Whole texts go into one index up to `model.SEARCH_RECORDS_PER_INDEX` records, the next into
another (`parts`: pagefind/, pagefind-2/…), each made by a Pagefind process of its own, two at a
time, so that Pagefind's memory is at most that of two indexes at any size of the edition; the
search page merges them (Pagefind's mergeIndex). The first two are begun before the pages are
made (`Indexing`), so that Pagefind's work overlaps Python's. Each index is kept for the next build under a
digest of everything Pagefind is given for it (`_Kept`, .cache/edition/search/): a build in which
one text changed makes again only the index that holds that text.

Pagefind orders the values inside a filter file as a hash map happens to, so that two builds would
differ; `_canonical` sorts them and names the files after their content again, which makes the
index byte-identical from one build to the next.
"""
from __future__ import annotations

import asyncio
import base64
import gzip
import hashlib
import itertools
import json
import os
import threading
import zipfile
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import astuple, dataclass
from importlib import metadata
from pathlib import Path

import cbor2
from pagefind.service import PagefindService

from .. import model
from ..conformance import cache_folder
from ..model import REGISTER_KINDS, SEARCH_PAGE, Edition, direction, search_bundle
from ..problems import ERROR, EditionError, Problem
from ..search import SOURCE_NOTE, Record, records
from ..sources import Project
from .site import Site

# Pagefind's own interfaces are not used: search.html has its own (templates/static/search.js)
_UNUSED = ("pagefind-ui.", "pagefind-modular-ui.", "pagefind-component-ui.", "pagefind-highlight.")
NOTE_TYPES = (SOURCE_NOTE, "translation", "editorial")
_BATCH = 1000  # records sent before their answers are awaited
# Indexes made at once, each by a Pagefind process of its own: both cores of the machine the edition
# is measured on, and Pagefind's memory at most twice that of one index at any size of the edition
_AT_ONCE = 2


class _Service(PagefindService):
    """Pagefind's indexing service, its answers read as they come: the Python API pauses 0.1 s
    before reading each answer (7 minutes for this edition's 4,000 records) and reads an answer
    of at most 2 MiB (the index is larger)."""

    async def _wait_for_responses(self) -> None:
        assert self._backend.stdout is not None
        pieces: list[bytes] = []  # of an answer not yet whole (the index comes in some 300 reads)
        while True:
            chunk = await self._backend.stdout.read(1 << 16)
            if not chunk:  # the service ended: nothing more will be answered
                for future in self._responses.values():
                    if not future.done():
                        future.set_exception(RuntimeError("the Pagefind service stopped"))
                return
            *ends, rest = chunk.split(b",")  # only the new chunk is searched for the end of an answer
            answers = []
            for end in ends:
                answers.append(b"".join([*pieces, end]))
                pieces = []
            if rest:
                pieces.append(rest)
            for answer in answers:
                response = json.loads(base64.b64decode(answer))
                future = self._responses.get(response.get("message_id"))
                if future is None or future.done():
                    continue
                payload = response["payload"]
                if payload["type"] == "Error":
                    future.set_exception(RuntimeError(f"Pagefind: {payload['message']}"))
                else:
                    future.set_result(payload)


def _filters(record: Record) -> dict[str, list[str]]:
    filters = {"text": [record.siglum], "language": [record.lang], "part": [record.part]}
    if record.note_type:
        filters["note"] = [record.note_type]
    if record.entities:
        filters["entity"] = list(record.entities)
    return filters


async def _index(found: list[Record], language: str, titles: dict[str, str]) -> dict[str, bytes]:
    service = await _Service().launch()
    try:
        index = await service.create_index({})
        # The records go in order, since the index numbers its pages as they come, but without waiting
        # for each answer: the service reads its messages one after another in the order they are
        # written, and gather() starts (and so writes) them in order; by batches, so that what waits
        # in the pipe stays small.
        for start in range(0, len(found), _BATCH):
            await asyncio.gather(*(index.add_custom_record(
                url=record.url, content=record.content, language=language, filters=_filters(record),
                meta={"title": f"{titles[record.siglum]} {record.label}", "work": titles[record.siglum],
                      "siglum": record.siglum, "label": record.label, "part": record.part, "lang": record.lang,
                      "text": record.text}) for record in found[start:start + _BATCH]))
        files = {file["path"]: file["content"] for file in await index.get_files()}
        await index.delete_index()
    finally:
        await service.close()
    return {path: data for path, data in files.items() if not path.startswith(_UNUSED)}


# ---- byte-identical builds -----------------------------------------------------------------------
_SIGNATURE = b"pagefind_dcd"


def _decode(data: bytes):
    raw = gzip.decompress(data)
    assert raw.startswith(_SIGNATURE), "not a Pagefind data file"
    return cbor2.loads(raw[len(_SIGNATURE):])


def _encode(value) -> bytes:
    return gzip.compress(_SIGNATURE + cbor2.dumps(value), mtime=0)


def _name(prefix: str, data: bytes, length: int) -> str:
    return prefix + hashlib.sha256(data).hexdigest()[:length]


def _canonical(files: dict[str, bytes]) -> dict[str, bytes]:
    """The index with each filter's values sorted, each filter file and the metadata named after
    their content, the entry pointing to the metadata."""
    entry = json.loads(files["pagefind-entry.json"])
    out = {path: data for path, data in files.items()
           if not path.startswith("filter/") and not path.endswith(".pf_meta") and path != "pagefind-entry.json"}
    for language, about in sorted(entry["languages"].items()):
        meta = _decode(files[f"pagefind.{about['hash']}.pf_meta"])
        renamed = {}
        for filter_entry in meta[3]:  # [name, file hash]
            old = filter_entry[1]
            name, values = _decode(files[f"filter/{old}.pf_filter"])
            data = _encode([name, sorted(values, key=lambda value: value[0])])
            new = _name(f"{language}_", data, len(old) - len(language) - 1)
            out[f"filter/{new}.pf_filter"] = data
            renamed[old] = new
        meta[3] = sorted([[name, renamed[old]] for name, old in meta[3]])
        data = _encode(meta)
        about["hash"] = _name(f"{language}_", data, len(about["hash"]) - len(language) - 1)
        out[f"pagefind.{about['hash']}.pf_meta"] = data
    out["pagefind-entry.json"] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    # of the WebAssembly builds, the one the index's language loads
    wanted = {f"wasm.{about['wasm']}.pagefind" for about in entry["languages"].values()}
    return {path: data for path, data in out.items() if not path.startswith("wasm.") or path in wanted}


def parts(found: list[Record]) -> list[list[Record]]:
    """The records of each index, in order: whole texts, in the edition's order, up to
    model.SEARCH_RECORDS_PER_INDEX records an index (a text with more is alone in one); one
    index, empty, for an edition without records."""
    limit = model.SEARCH_RECORDS_PER_INDEX
    out: list[list[Record]] = []
    for _, text in itertools.groupby(found, key=lambda record: record.siglum):
        records_of_text = list(text)
        if out and len(out[-1]) + len(records_of_text) <= limit:
            out[-1].extend(records_of_text)
        else:
            out.append(records_of_text)
    return out or [[]]


def _make(part: list[Record], language: str, titles: dict[str, str]) -> dict[str, bytes]:
    """The files of one index, made by a Pagefind process on an event loop of its own. Run it in a
    thread of its own: the build may be called where a loop is already running (Playwright's
    synchronous API in the browser tests, an application's own loop), and asyncio.run() refuses
    to run inside one."""
    return asyncio.run(_index(part, language, titles))


def _made(bundle: str, making: Future) -> dict[str, bytes]:
    """An index once it is made, each file at its address in the site."""
    try:
        index = making.result()
    except (OSError, RuntimeError) as err:
        raise EditionError([Problem(bundle, 0, 0, ERROR, "search-index", f"cannot make the search index: {err}",
                                    "Pagefind's binary comes with the toolkit's dependencies: .venv/bin/pip install "
                                    "-e . (pagefind[extended]); PAGEFIND_BINARY_PATH, if set, must name it")]) from err
    return {f"{bundle}{path}": index[path] for path in sorted(index)}


_PAGEFIND = ("pagefind", "pagefind_bin", "pagefind_bin_extended")  # its Python API and its binaries


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""


class _Kept:
    """The indexes of the last build, each kept under a digest of everything Pagefind was given for it
    (its records, the titles they name, the language), of the Pagefind release and of this module
    (which turns the records into Pagefind's input and canonicalises its output), in
    .cache/edition/search/<digest>.zip: an index whose texts did not change is taken from there,
    not made again. Pagefind's output, canonical, depends on nothing else, so that a kept index is
    byte-identical to a new one. A damaged or unwritable cache costs time, never correctness;
    EDITION_CACHE=off keeps none."""

    def __init__(self, project: Project, language: str, titles: dict[str, str]):
        folder = cache_folder(project)
        self.folder = folder / "search" if folder else None
        self.language, self.titles = language, titles
        self.used: set[str] = set()
        self.stamp = json.dumps([*(_version(name) for name in _PAGEFIND), os.environ.get("PAGEFIND_BINARY_PATH", ""),
                                 hashlib.sha256(Path(__file__).read_bytes()).hexdigest()])

    def key(self, part: list[Record]) -> str:
        sigla = sorted({record.siglum for record in part})
        given = json.dumps([self.stamp, self.language, {siglum: self.titles[siglum] for siglum in sigla},
                            [astuple(record) for record in part]], ensure_ascii=False)
        return hashlib.sha256(given.encode("utf-8")).hexdigest()

    def index(self, part: list[Record]) -> dict[str, bytes]:
        """The part's index, canonical: kept, or made now by Pagefind and kept."""
        key = self.key(part)
        self.used.add(key)
        path = self.folder / f"{key}.zip" if self.folder else None
        if path is not None and path.is_file():
            try:
                with zipfile.ZipFile(path) as kept:
                    return {name: kept.read(name) for name in kept.namelist()}
            except (OSError, zipfile.BadZipFile, KeyError):
                pass
        index = _canonical(_make(part, self.language, self.titles))
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                temporary = path.with_name(f"{key}.{os.getpid()}.{threading.get_ident()}.tmp")
                with zipfile.ZipFile(temporary, "w", zipfile.ZIP_STORED) as kept:
                    for name in sorted(index):
                        kept.writestr(name, index[name])
                temporary.replace(path)
            except OSError:
                pass
        return index

    def forget_the_rest(self) -> None:
        """Once every index of the build is had: the others kept go (the cache holds one build's)."""
        if self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.glob("*.zip"):
            if path.stem not in self.used:
                path.unlink(missing_ok=True)


@dataclass(frozen=True)
class _Summary:
    """What the search page says of the records: their languages, how many, how many indexes."""

    languages: list[str]
    records: int
    indexes: int


class Indexing:
    """The search's indexes as they are made: whole texts a part (`parts`), _AT_ONCE parts at a
    time, each by its own Pagefind process in a thread of its own. The build starts it before it
    makes the pages (outputs.STARTED_EARLY), so that Pagefind works on the other core while Python
    renders; `files` then gives each index, in order, as soon as it and those before it are made,
    and starts the next. Only _AT_ONCE indexes are held at a time, whatever the size of the edition.
    An index whose texts did not change since the last build is taken from what it kept (`_Kept`)."""

    def __init__(self, edition: Edition):
        titles = {text.siglum: text.meta.title_english or text.meta.title_original for text in edition.texts}
        self.kept = _Kept(edition.corpus.project, edition.config.language, titles)
        found = records(edition)
        self.parts = deque(enumerate(parts(found), start=1))
        # what the search page says of them (search.pages)
        self.summary = _Summary(sorted({record.lang for record in found}), len(found), len(self.parts))
        self.pool = ThreadPoolExecutor(max_workers=_AT_ONCE)
        self.waiting: deque[tuple[str, Future]] = deque()
        self._start()

    def _start(self) -> None:
        while self.parts and len(self.waiting) < _AT_ONCE:
            number, part = self.parts.popleft()
            self.waiting.append((search_bundle(number), self.pool.submit(self.kept.index, part)))

    def files(self) -> Iterator[tuple[str, bytes]]:
        while self.waiting:
            index = _made(*self.waiting.popleft())
            self._start()
            yield from index.items()
        self.pool.shutdown()
        self.kept.forget_the_rest()

    def close(self) -> None:
        """A build that stops before the search's files: the indexes not begun are not begun."""
        self.pool.shutdown(wait=False, cancel_futures=True)


def files(site: Site) -> Iterator[tuple[str, bytes]]:
    """pagefind/ (and pagefind-2/…): the index of every record, and Pagefind's script, once for every
    interface language (a record's address is relative, so a result opens in the language of the
    search page)."""
    yield from site.derived.of(Indexing).files()


def pages(site: Site) -> Iterator[tuple[str, bytes]]:
    edition = site.edition
    summary = site.derived.of(Indexing).summary  # begun before the pages (STARTED_EARLY)
    languages = summary.languages
    bundles = [search_bundle(number) for number in range(1, summary.indexes + 1)]
    yield SEARCH_PAGE, site.renderer.page(
        "search.html", SEARCH_PAGE, texts=[text.meta for text in edition.texts], languages=languages,
        directions={lang: direction(lang) for lang in languages}, note_types=NOTE_TYPES,
        entity_kinds=REGISTER_KINDS, bundles=bundles, records=summary.records)
