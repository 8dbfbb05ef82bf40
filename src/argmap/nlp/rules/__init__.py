"""Rule tables: each extraction stage applies an ordered table of small named rules.

A rule is a small function with a name, a one-line description and an example sentence. Tables
are data the components apply: ``first`` returns the first rule's non-None answer, ``collect``
gathers every rule's answers, ``any`` asks whether some rule holds. ``argmap rules`` prints every
table from here, and the mutation check removes rules one at a time to see a test fail.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Rule:
    """One named rule of a table."""

    name: str
    description: str
    example: str
    fn: Callable[..., Any]

    def __call__(self, *args: Any) -> Any:
        return self.fn(*args)


class RuleTable:
    """An ordered table of rules for one decision of one component."""

    def __init__(self, component: str, name: str, description: str):
        self.component = component
        self.name = name
        self.description = description
        self.rules: list[Rule] = []
        TABLES.append(self)

    @property
    def qualified(self) -> str:
        return f"{self.component}.{self.name}"

    def rule(self, name: str, description: str, example: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Decorator: append the function to the table as a rule."""
        def add(fn: Callable[..., Any]) -> Callable[..., Any]:
            if any(r.name == name for r in self.rules):
                raise ValueError(f"rule {name!r} is already in {self.qualified}")
            self.rules.append(Rule(name, description, example, fn))
            return fn
        return add

    def __iter__(self) -> Iterator[Rule]:
        return iter(list(self.rules))

    def __len__(self) -> int:
        return len(self.rules)

    def first(self, *args: Any) -> Any:
        """The first non-None answer of the rules in order, or None."""
        for r in self.rules:
            found = r.fn(*args)
            if found is not None:
                return found
        return None

    def first_named(self, *args: Any) -> tuple[str, Any] | None:
        """Like :meth:`first`, with the name of the rule that answered."""
        for r in self.rules:
            found = r.fn(*args)
            if found is not None:
                return r.name, found
        return None

    def any(self, *args: Any) -> bool:
        """Whether some rule holds."""
        return any(r.fn(*args) for r in self.rules)

    def collect(self, *args: Any) -> list[Any]:
        """Every rule's answers in order (a rule may answer None, one item or a list)."""
        out: list[Any] = []
        for r in self.rules:
            found = r.fn(*args)
            if found is None:
                continue
            if isinstance(found, list):
                out.extend(found)
            else:
                out.append(found)
        return out

    def without(self, name: str) -> Rule:
        """Remove a rule (for the mutation check) and return it; ``restore`` puts it back."""
        for i, r in enumerate(self.rules):
            if r.name == name:
                del self.rules[i]
                self._removed = (i, r)
                return r
        raise KeyError(name)

    def restore(self) -> None:
        i, r = self._removed
        self.rules.insert(i, r)


TABLES: list[RuleTable] = []


def all_tables() -> list[RuleTable]:
    """Every rule table, loading the rule modules first (and the stance stage, which keeps the
    clause cuts and drafting tables beside it)."""
    from argmap.nlp import stance as stance_stage  # noqa: F401
    from argmap.nlp.rules import actors, attribution, stance, targets  # noqa: F401

    return list(TABLES)
