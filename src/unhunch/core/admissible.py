"""May this exercise be given to this person now, and if not, why (one decision, one place).

Every face that puts an exercise in front of a person asks here: the planner's pool, swap,
favourites, breaks, a routine file (`start --routine`), the web player and imported data.

Two kinds of reasons:
- safety: a condition (self-reported, or named by the latest screen) forbids one of the
  exercise's movement tags (spec/screening.md). These always refuse, whatever made the routine.
- fit: the setting's positions, the equipment at hand, the person's level, or the person hid the
  exercise. These shape a plan; a routine the person brings (a file made on another day, in
  another place) is checked for safety only.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from unhunch.core.conditions import REMOVES, Forbidden, forbidden_by
from unhunch.core.models import Exercise, Profile
from unhunch.core.vocab import (
    CONDITIONS,
    LEVEL_RANK,
    MOVEMENT_WORDS,
    SETTING_EQUIPMENT,
    SETTING_POSITIONS,
    Condition,
    Equipment,
    Level,
    Movement,
    Setting,
    label,
)


@dataclass(frozen=True)
class Fit:
    """Where and how the person is today: what a plan must fit (not a safety matter)."""

    setting: Setting
    equipment: frozenset[Equipment]
    level: Level

    @classmethod
    def of(cls, profile: Profile) -> Fit:
        return cls(profile.setting, frozenset(profile.equipment), profile.level)


@dataclass(frozen=True)
class Verdict:
    exercise: str
    forbidden: tuple[Forbidden, ...] = ()  # safety: condition x movement tag
    unfit: tuple[str, ...] = ()  # plain words: setting, equipment, level, hidden

    @property
    def allowed(self) -> bool:
        return not self.forbidden and not self.unfit

    @property
    def safe(self) -> bool:
        """No condition forbids it (fit aside)."""
        return not self.forbidden

    @property
    def condition_reason(self) -> str:
        """'osteoporosis: spinal flexion; pregnancy: supine lying' (the routine's `excluded`)."""
        return "; ".join(dict.fromkeys(f.reason for f in self.forbidden))

    @property
    def reasons(self) -> tuple[str, ...]:
        """Every reason in plain words, safety first."""
        by_condition: dict[Condition, list[Movement]] = {}
        for f in self.forbidden:
            by_condition.setdefault(f.condition, []).append(f.movement)
        safety = tuple(
            f"{label(c)} rules out {join_words(MOVEMENT_WORDS[m] for m in moves)}"
            for c, moves in by_condition.items()
        )
        return safety + self.unfit


def admissible(
    exercise: Exercise,
    conditions: Iterable[Condition],
    fit: Fit | None = None,
    excluded: Collection[str] = (),
) -> Verdict:
    """The decision. `fit` None checks safety only (a routine the person brings)."""
    forbidden = tuple(forbidden_by(exercise, tuple(dict.fromkeys(conditions))))
    unfit: list[str] = []
    if exercise.id in excluded:
        unfit.append("you chose to hide it")
    if fit is not None:
        if exercise.position not in SETTING_POSITIONS[fit.setting]:
            unfit.append(f"{label(exercise.position)} does not suit {label(fit.setting)}")
        missing = set(exercise.equipment) - SETTING_EQUIPMENT[fit.setting] - fit.equipment
        if missing:
            unfit.append("needs " + join_words(label(e) for e in sorted(missing)))
        if LEVEL_RANK[exercise.level] > LEVEL_RANK[fit.level]:
            unfit.append(f"it is for the {exercise.level} level (yours: {fit.level})")
    return Verdict(exercise.id, forbidden, tuple(unfit))


def for_profile(exercise: Exercise, profile: Profile) -> Verdict:
    """The full decision for a plan: the profile's conditions (already including the screen's),
    its setting, equipment and level, and what the person hid."""
    return admissible(exercise, profile.conditions, Fit.of(profile), profile.excluded)


def refusal(name: str, verdict: Verdict) -> str:
    """One line for a refused exercise: 'Seated forward fold: osteoporosis rules out bending
    forward.'"""
    return f"{name}: {'; '.join(verdict.reasons)}."


def left_out_words(conditions: Iterable[Condition]) -> list[str]:
    """The plain words of every movement tag the conditions remove, in vocabulary order."""
    removed: set[Movement] = set().union(*(REMOVES[c] for c in conditions))
    return [words for tag, words in MOVEMENT_WORDS.items() if tag in removed]


def left_out_sentence(conditions: Iterable[Condition]) -> str:
    """What the screen result promises to leave out, written from the table that filters:
    'Because of your answers about pregnancy, unhunch leaves out deep backbends, ... and lying
    on the back.' Empty when no condition is named."""
    given = set(conditions)
    named = [c for c in CONDITIONS if c in given]
    if not named:
        return ""
    return (
        f"Because of your answers about {join_words(label(c) for c in named)}, unhunch leaves out "
        f"{join_words(left_out_words(named))}."
    )


def join_words(words: Iterable[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
