"""An author's mistake as data: the file, the line, what is wrong and how to fix it.

Every part of the build that finds a mistake in what an author wrote makes an `AuthorError`; the words an
author reads are made from it in one place (`str()`), and tests and tools read its fields, never the words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from mkdocs.exceptions import PluginError


@dataclass(frozen=True, order=True)
class AuthorError:
    """One mistake, where it is (line 0: the file as a whole), what is wrong and the fix."""

    file: str
    line: int
    problem: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.problem} Fix: {self.fix}"


class AuthorErrors(PluginError):
    """Stops the build with every mistake found, listed under a heading (one mistake stands alone)."""

    def __init__(self, heading: str, errors: Iterable[AuthorError]) -> None:
        self.errors = list(errors)
        self.heading = heading
        lines = "\n".join(f"  {error}" for error in self.errors)
        super().__init__(f"{heading}:\n{lines}")


_Maker = TypeVar("_Maker", bound=Callable[..., object])


def author_words(maker: _Maker) -> _Maker:
    """Marks a function that words a problem or a fix an author reads: the manual's troubleshooting page must
    quote every text it holds (tests/author_messages.py finds them by this mark)."""
    return maker
