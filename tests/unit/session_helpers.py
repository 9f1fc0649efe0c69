"""Routines built by hand from the real library, for timeline and player tests."""

from __future__ import annotations

from unhunch.content import load_library
from unhunch.core.models import Block, Dose, Routine, RoutineItem
from unhunch.core.timeline import Timeline, build_timeline

LIBRARY = load_library()


def item(exercise: str, **dose: int | bool) -> RoutineItem:
    return RoutineItem(exercise=exercise, dose=Dose(**dose), seconds=60, why="test")  # type: ignore[arg-type]


def routine(*blocks: tuple[str, list[RoutineItem]]) -> Routine:
    return Routine(
        profile_digest="test",
        total_seconds=0,
        blocks=[Block(name=name, items=items) for name, items in blocks],  # type: ignore[arg-type]
    )


def short_routine() -> Routine:
    """Reps at a chair, then a two-set twist held in breaths on each side."""
    return routine(
        ("warm_up", [item("chin_tucks", sets=1, reps=3)]),
        (
            "main",
            [
                item("seated_spinal_twist", sets=2, hold_breaths=2, per_side=True, rest_seconds=10),
                item("thread_the_needle", sets=1, hold_breaths=2, per_side=True),
            ],
        ),
        ("cool_down", [item("chin_to_chest", sets=1, hold_seconds=12)]),
    )


def short_timeline(breath_seconds: float = 6) -> Timeline:
    return build_timeline(short_routine(), LIBRARY, breath_seconds)
