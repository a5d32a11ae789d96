"""Problems are data: every stage reports them as `Problem`s, only the CLI prints them.

A problem names the file, line and column, a rule id an encoder can look up in
docs/ENCODING.md, what is wrong and, where it helps, how to fix it.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    severity: str
    rule: str
    message: str
    hint: str = field(default="", compare=False)

    def format(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.severity} [{self.rule}] {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


class EditionError(Exception):
    """Raised by a stage that cannot go on; carries the problems that stopped it."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def display_path(path: Path | str, root: Path | None = None) -> str:
    """Paths are shown relative to the project root when they lie inside it."""
    path = Path(path)
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return str(path)


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == ERROR for p in problems)


def fold(problems: list[Problem], keep: int = 10) -> tuple[list[Problem], dict[str, int]]:
    """Sort by file and line and fold repeats: at most `keep` problems per rule.

    Returns the problems to show and, per rule, how many more were folded away."""
    shown: list[Problem] = []
    seen: Counter[str] = Counter()
    folded: Counter[str] = Counter()
    for problem in sorted(set(problems)):
        seen[problem.rule] += 1
        if seen[problem.rule] <= keep:
            shown.append(problem)
        else:
            folded[problem.rule] += 1
    return shown, dict(folded)


def summary(problems: list[Problem]) -> str:
    errors = sum(1 for p in set(problems) if p.severity == ERROR)
    warnings = sum(1 for p in set(problems) if p.severity == WARNING)
    files = len({p.path for p in problems})
    plural = lambda n, word: f"{n} {word}{'' if n == 1 else 's'}"  # noqa: E731
    return f"{plural(errors, 'error')}, {plural(warnings, 'warning')} in {plural(files, 'file')}."
