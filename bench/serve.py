"""How soon `edition serve` shows an edited text: from saving the file to the page served with the edit.

A real `edition serve` on a copy of the edition (in a temporary folder): for each text, a word is
added to its first translation sentence, the file saved, and the text's reading page asked for every
20 ms until it holds the word; then the whole site's rebuild is waited for (serve prints "Rebuilt")
before the next edit. Prints a Markdown table on standard output; nothing here is a test.

The page is asked for with HEAD until its length changes (the word makes it longer), then read once
with GET to see the word (if it is not there, the asking goes on). Reading the whole page every 20 ms
instead, as a browser never does, would load the machine being measured: the longest texts' pages
are 2.5 MB, 125 MB a second for serve to send and the benchmark to search (`--get` does that).

    .venv/bin/python bench/serve.py              # three edits of each text
    .venv/bin/python bench/serve.py --rounds 5
"""
from __future__ import annotations

import argparse
import queue
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from run import ROOT, make_corpus  # bench/run.py: the project folder of the real edition

TIMEOUT = 120.0  # seconds: a page or a rebuild not seen by then is a failure of the run


def _lines(stream, found: queue.Queue) -> None:
    for line in stream:
        found.put(line.rstrip("\n"))


def _wait_for(lines: queue.Queue, pattern: str) -> str:
    deadline = time.monotonic() + TIMEOUT
    while True:
        line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        if re.search(pattern, line):
            return line


def _edited(data: bytes, word: bytes) -> bytes:
    """The text with `word` at the start of its translation's first sentence."""
    start = data.index(b'type="translation"')
    sentence = data.index(b"<s ", start)
    inside = data.index(b">", sentence) + 1
    return data[:inside] + word + b" " + data[inside:]


def _length(page: str) -> int:
    request = urllib.request.Request(page, method="HEAD")
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        return int(response.headers["Content-Length"])


def _holds(page: str, word: bytes) -> bool:
    with urllib.request.urlopen(page, timeout=TIMEOUT) as response:
        return word in response.read()


def _shown(page: str, word: bytes, before: int, get: bool) -> None:
    """Return once the page served holds `word` (asked for every 20 ms)."""
    deadline = time.monotonic() + TIMEOUT
    while not ((get or _length(page) != before) and _holds(page, word)):
        if time.monotonic() > deadline:
            raise TimeoutError(f"{page} never showed the edit")
        time.sleep(0.02)


def measure(project: Path, rounds: int, get: bool = False) -> list[dict]:
    serve = subprocess.Popen([sys.executable, "-m", "edition", "--root", str(project), "serve", "--port", "0",
                              "--out", str(project / "build")], cwd=ROOT, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_lines, args=(serve.stdout, lines), daemon=True).start()
    try:
        port = re.search(r"127\.0\.0\.1:(\d+)/", _wait_for(lines, r"^Serving ")).group(1)
        time.sleep(1)  # the watch is in place (a change before it would be a whole rebuild)
        rows = []
        for path in sorted((project / "tei" / "texts").glob("*.xml")):
            original = path.read_bytes()
            page = f"http://127.0.0.1:{port}/texts/{path.stem}.html"
            shown, whole = [], []
            for n in range(rounds):
                # a word of its own length each round: the page's length tells that it changed
                word = f"BENCHMARK{'I' * (n + 1)}{path.stem.replace('-', '')}".encode()
                before = _length(page)
                path.write_bytes(_edited(original, word))
                saved = time.perf_counter()
                _shown(page, word, before, get)
                shown.append(time.perf_counter() - saved)
                _wait_for(lines, r"^Rebuilt in")
                whole.append(time.perf_counter() - saved)
            path.write_bytes(original)
            _wait_for(lines, r"^Rebuilt in")
            rows.append({"text": path.stem, "size": len(original), "shown": shown, "whole": whole})
        return rows
    finally:
        serve.terminate()
        serve.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="edits of each text (default 3)")
    parser.add_argument("--get", action="store_true", help="read the whole page every 20 ms, not its length")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="edition-serve-bench-") as folder:
        rows = measure(make_corpus(Path(folder) / "project", None), args.rounds, args.get)
    print("| text | TEI (KiB) | page shown, median (min–max) | whole site rebuilt, median |")
    print("|---|---|---|---|")
    for row in rows:
        print(f"| {row['text']} | {row['size'] // 1024} | {statistics.median(row['shown']):.2f} s "
              f"({min(row['shown']):.2f}–{max(row['shown']):.2f}) | {statistics.median(row['whole']):.2f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
