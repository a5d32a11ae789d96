"""An entry's mentions in the texts, text by text, on pages of their own: a register entry's
(outputs/registers.py, model.mentions_path) and a date's (outputs/chronology.py, model.dated_path).

The page that lists the entries (a register, the chronology) names, for each, the texts that
mention it and how often; the entry's own pages hold every mention, whole texts to a page, at most
MENTIONS_PER_PAGE mentions to a page unless one text alone has more. So no page grows with the
number of texts past a line per entry, nor past MENTIONS_PER_PAGE mentions."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..index import Occurrence

TextMentions = tuple[str, list[Occurrence]]  # a text's siglum, and its mentions of an entry


def by_text(occurrences: list[Occurrence]) -> list[TextMentions]:
    """An entry's occurrences grouped by text, in the texts' order (the index keeps it)."""
    groups: dict[str, list[Occurrence]] = {}
    for occurrence in occurrences:
        groups.setdefault(occurrence.siglum, []).append(occurrence)
    return list(groups.items())


@dataclass(frozen=True)
class Mentions:
    """An entry's mentions, text by text (`texts`), and where they are: its pages (address, the texts
    on it), in order."""

    texts: list[TextMentions]
    pages: list[tuple[str, list[TextMentions]]]
    _page_of: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_page_of", {siglum: path for path, texts in self.pages for siglum, _ in texts})

    @property
    def occurrences(self) -> int:
        return sum(len(occurrences) for _, occurrences in self.texts)

    def page_of(self, siglum: str) -> str:
        """The address of the page that holds a text's mentions of the entry."""
        return self._page_of[siglum]


def paginate(path: Callable[[int], str], occurrences: list[Occurrence], per_page: int) -> Mentions:
    """An entry's mentions by text, in pages of whole texts, each of at most `per_page` mentions unless
    a single text has more; `path(n)` is the address of the n-th page (from 1)."""
    texts = by_text(occurrences)
    chunks: list[list[TextMentions]] = [[]]
    count = 0
    for siglum, occurrences in texts:
        if chunks[-1] and count + len(occurrences) > per_page:
            chunks.append([])
            count = 0
        chunks[-1].append((siglum, occurrences))
        count += len(occurrences)
    return Mentions(texts, [(path(number), chunk) for number, chunk in enumerate(chunks, start=1)])
