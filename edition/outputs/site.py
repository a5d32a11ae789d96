"""What every output is given: the edition read and checked, its index, the page renderer."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..citation import Cited, cite_all
from ..claims import Claims
from ..index import Index
from ..model import Edition
from ..problems import Problem
from ..render import Renderer
from ..transform import Transformer


@dataclass
class Site:
    edition: Edition
    index: Index
    renderer: Renderer
    transformer: Transformer
    claims: Claims  # what the texts claim, figures and dates, side by side
    warnings: list[Problem] = field(default_factory=list)  # what the outputs found and did not stop on

    @cached_property
    def citations(self) -> dict[str, Cited]:
        """The citation record of the edition and of each text, formatted (edition/citation.py)."""
        return cite_all(self.edition)

    @property
    def titles(self):
        """Each text's metadata by siglum, for pages that cite other texts."""
        return {text.siglum: text.meta for text in self.edition.texts}
