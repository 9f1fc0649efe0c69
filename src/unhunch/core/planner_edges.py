"""Which exercises may open a routine as its warm-up or close it as its cool-down (spec rule 5).

Decided here only; the planner's pool, the bench's exact oracle and the tests all call
`edge_blocks`. The rule:
- warm-up: an exercise of kind `warm_up`; when the rules allow none today, a gentle `mobility`
  exercise (pelvic tilt, knee rolls, cat-cow: easy movement through a comfortable range);
- cool-down: a `restorative` or `breathing` exercise; when the rules allow none today, a gentle
  `stretch` (knee to chest, a side bend).
Gentle: a beginner-level exercise with no movement that works at the end of a range or loads
the spine (end-range twist, deep backbend, loaded forward bend, head below the heart, balance).
Those stay in the main block, where the body is already warm.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from unhunch.core.models import BlockName, Exercise

WARM_KINDS = frozenset({"warm_up"})
COOL_KINDS = frozenset({"restorative", "breathing"})
WARM_STANDIN = "mobility"
COOL_STANDIN = "stretch"
STRAINING = frozenset(
    {"end_range_rotation", "deep_backbend", "loaded_spinal_flexion", "inversion", "balance"}
)


def is_gentle(exercise: Exercise) -> bool:
    return exercise.level == "beginner" and not STRAINING & set(exercise.movements)


def edge_blocks(exercise: Exercise, kinds_allowed: Collection[str]) -> tuple[BlockName, ...]:
    """The edge blocks ("warm_up", "cool_down") the exercise may serve in, given the kinds of
    every exercise the rules allow today (a stand-in kind serves only when no proper one is
    allowed)."""
    kind = exercise.kind
    out: list[BlockName] = []
    if kind in WARM_KINDS or (
        kind == WARM_STANDIN and not WARM_KINDS & set(kinds_allowed) and is_gentle(exercise)
    ):
        out.append("warm_up")
    if kind in COOL_KINDS or (
        kind == COOL_STANDIN and not COOL_KINDS & set(kinds_allowed) and is_gentle(exercise)
    ):
        out.append("cool_down")
    return tuple(out)


def edge_options(allowed: Iterable[Exercise]) -> dict[BlockName, list[str]]:
    """For each edge block, the ids of the allowed exercises that may serve in it."""
    exercises = list(allowed)
    kinds = {e.kind for e in exercises}
    out: dict[BlockName, list[str]] = {"warm_up": [], "cool_down": []}
    for e in exercises:
        for block in edge_blocks(e, kinds):
            out[block].append(e.id)
    return out
