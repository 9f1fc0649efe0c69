"""The exercise library: validated exercises and their sources, looked up and filtered."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from unhunch.core.errors import InputError
from unhunch.core.models import Exercise, Source
from unhunch.core.vocab import KINDS, POSITIONS, REGIONS


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The nearest known id for a typo, if one is close enough to suggest."""
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def check_choice(field: str, value: str, allowed: Iterable[str]) -> str:
    """Return value when allowed, else raise an InputError listing what is allowed."""
    options = list(allowed)
    if value in options:
        return value
    near = closest(value, options)
    hint = f"Did you mean {near!r}?" if near else ""
    raise InputError(field, value, ", ".join(options), hint)


@dataclass(frozen=True)
class Library:
    exercises: Mapping[str, Exercise]
    sources: Mapping[str, Source]
    id_aliases: Mapping[str, str] = field(default_factory=dict)  # other id → stable id

    def resolve(self, exercise_id: str) -> str | None:
        """The stable id for an exercise id or one of its other ids; None when unknown."""
        if exercise_id in self.exercises:
            return exercise_id
        return self.id_aliases.get(exercise_id)

    def get(self, exercise_id: str) -> Exercise:
        stable = self.resolve(exercise_id)
        if stable is not None:
            return self.exercises[stable]
        near = closest(exercise_id, self.exercises)
        hint = f"Did you mean {near!r}?" if near else "See `unhunch exercises` for the list."
        raise InputError("exercise id", exercise_id, "an id from the exercise library", hint)

    def all(self) -> list[Exercise]:
        return [self.exercises[k] for k in sorted(self.exercises)]

    def filter(
        self,
        region: str | None = None,
        position: str | None = None,
        kind: str | None = None,
    ) -> list[Exercise]:
        """Exercises matching every given filter; unknown filter values are input errors."""
        if region is not None:
            check_choice("region", region, REGIONS)
        if position is not None:
            check_choice("position", position, POSITIONS)
        if kind is not None:
            check_choice("kind", kind, KINDS)
        return [
            e
            for e in self.all()
            if (region is None or region in e.regions)
            and (position is None or e.position == position)
            and (kind is None or e.kind == kind)
        ]

    def search(self, text: str) -> list[Exercise]:
        """Exercises whose name, aliases, id or muscles contain the text (case-insensitive)."""
        needle = text.strip().lower()
        if not needle:
            return self.all()
        return [
            e
            for e in self.all()
            if needle in e.id
            or needle in e.name.lower()
            or any(needle in a.lower() for a in e.aliases)
            or any(needle in m.lower() for m in e.muscles)
        ]
