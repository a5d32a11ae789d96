"""What every output is given: the edition read and checked, its index, the page renderer."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..citation import Citations
from ..claims import Claims, of_edition as claims_of
from ..index import Index
from ..model import Edition
from ..problems import Problem
from ..render import Renderer
from ..transform import Transformer

T = TypeVar("T")


class Derived:
    """What outputs derive from the edition whatever the interface language: each made once a build,
    when an output first asks for it, and shared by every language's Site."""

    def __init__(self, edition: Edition):
        self.edition = edition
        self._made: dict[Callable, Any] = {}

    def of(self, make: Callable[[Edition], T]) -> T:
        """make(edition), made the first time it is asked for in this build."""
        if make not in self._made:
            self._made[make] = make(self.edition)
        return self._made[make]

    def close(self) -> None:
        """The build is over, or has stopped: what has work of its own under way (the search's
        indexes) stops it."""
        for made in self._made.values():
            if hasattr(made, "close"):
                made.close()


@dataclass
class Site:
    edition: Edition
    index: Index
    renderer: Renderer
    transformer: Transformer
    warnings: list[Problem] = field(default_factory=list)  # what the outputs found and did not stop on
    derived: Derived | None = None  # shared by the languages' Sites of one build (one of its own if not given)

    def __post_init__(self):
        if self.derived is None:
            self.derived = Derived(self.edition)

    @property
    def citations(self) -> Citations:
        """The citation record of the edition and of each text, formatted (edition/citation.py)."""
        return self.derived.of(Citations)

    @property
    def claims(self) -> Claims:
        """What the texts claim, figures and dates, side by side (edition/claims.py)."""
        return self.derived.of(claims_of)

    @property
    def titles(self):
        """Each text's metadata by siglum, for pages that cite other texts."""
        return {text.siglum: text.meta for text in self.edition.texts}
