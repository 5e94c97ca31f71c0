"""Errors that name the file and what is wrong with it."""

from __future__ import annotations


class ExtractionError(ValueError):
    """A document that cannot be read: ``str()`` is '<file>: <what is wrong>'."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem
