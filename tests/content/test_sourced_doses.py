"""Each exercise's own dose sits inside the range its source gives (reference/clinical.md §2-3).

One row per sourced figure: which exercise, what is measured, the range, and where it comes
from. Amounts are per set (the planner adds sets, up to D2's minute of stretching); a breath is
taken at the default 6 s when a hold in breaths is compared with a hold in seconds.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from unhunch.content import load_library
from unhunch.core.models import Exercise

LIBRARY = load_library()
BREATH_SECONDS = 6


def hold_seconds(e: Exercise) -> int:
    if e.dose.hold_seconds is not None:
        return e.dose.hold_seconds
    assert e.dose.hold_breaths is not None, f"{e.id} is not dosed as a hold"
    return e.dose.hold_breaths * BREATH_SECONDS


def reps(e: Exercise) -> int:
    assert e.dose.reps is not None, f"{e.id} is not dosed in reps"
    return e.dose.reps


def breaths(e: Exercise) -> int:
    assert e.dose.hold_breaths is not None, f"{e.id} is not dosed in breaths"
    return e.dose.hold_breaths


def sets(e: Exercise) -> int:
    return e.dose.sets


def rep_seconds(e: Exercise) -> int:
    return e.rep_seconds


def each_way(e: Exercise) -> int:
    """Rolls or circles done one way per set, then the other way: the count in each direction."""
    return reps(e) * sets(e) // 2


def total_seconds(e: Exercise) -> int:
    return reps(e) * e.rep_seconds * sets(e)


Measure = Callable[[Exercise], int]

# (exercise, measure, lowest, highest, source and what it says)
SOURCED: list[tuple[str, Measure, int, int, str]] = [
    ("marching_on_the_spot", total_seconds, 60, 120, "D19: seated march 1-2 min"),
    ("shoulder_shrugs", reps, 8, 10, "D18: x10; D19: at least 8"),
    ("shoulder_rolls", each_way, 8, 15, "D19: at least 8 each way"),
    ("neck_side_bend", hold_seconds, 15, 30, "D20: 15-30 s each side"),
    ("chin_to_chest", hold_seconds, 15, 30, "D20, D1: hold 15-30 s"),
    ("neck_rotation", reps, 5, 5, "D20: 5 each side"),
    ("chin_tucks", reps, 10, 10, "D20: hold 5-10 s x 10"),
    ("chin_tucks", rep_seconds, 6, 12, "D20: a 5-10 s hold in each rep"),
    ("wall_chin_tucks", reps, 10, 10, "D20: hold 5-10 s x 10"),
    ("wall_chin_tucks", rep_seconds, 6, 12, "D20: a 5-10 s hold in each rep"),
    ("lying_chin_tucks", reps, 10, 10, "D20: hold 5-10 s x 10"),
    ("lying_chin_tucks", rep_seconds, 6, 12, "D20: a 5-10 s hold in each rep"),
    ("head_half_circles", sets, 3, 3, "D6: 3 sets of 3"),
    ("head_half_circles", reps, 3, 3, "D6: 3 sets of 3"),
    ("scapular_squeeze", reps, 5, 10, "D18: hold 10 s x 5, or x 10"),
    ("scapular_squeeze", rep_seconds, 10, 14, "D18: a 10-s hold in each rep"),
    ("eagle_arms", hold_seconds, 15, 60, "C7 pages: 15-30 s to 30-60 s each side"),
    ("thread_the_needle", breaths, 5, 10, "C7 pages: 5-10 breaths each side"),
    ("wall_angels", reps, 5, 10, "5-10 reps (magazine and clinic pages)"),
    ("doorway_chest_stretch", hold_seconds, 15, 60, "15-30 s, 2-3 sets; or 30 s-1 min"),
    ("doorway_chest_stretch", sets, 2, 3, "15-30 s, 2-3 sets"),
    ("thoracic_extension_chair", reps, 5, 10, "5-10 reps"),
    ("standing_side_bend", hold_seconds, 10, 30, "15-30 s, 2-4 per side; 10 s each side"),
    ("cat_cow", reps, 5, 10, "C7: 5-10 breath cycles"),
    ("extended_puppy", hold_seconds, 30, 60, "C7: hold 30 s-1 min"),
    ("bird_dog", rep_seconds, 6, 10, "D8: hold about 6 s"),
    ("cobra", reps, 8, 10, "D4: hold 5-10 s, 8-10 times"),
    ("sphinx", breaths, 2, 6, "C7: 2-6 or 3-5 breaths"),
    ("standing_back_extension", reps, 5, 5, "hold about 3 s x 5"),
    ("pelvic_tilt", reps, 10, 15, "D4: 10-15 slow rocking repetitions"),
    ("bridge", reps, 10, 10, "D22: hold 3 s x 10"),
    ("single_knee_to_chest", hold_seconds, 15, 30, "D8: 15-30 s, 2-4 reps each leg"),
    ("single_knee_to_chest", sets, 2, 4, "D8: 15-30 s, 2-4 reps each leg"),
    ("double_knee_to_chest", hold_seconds, 15, 30, "D8: 15-30 s, 2-4 reps"),
    ("double_knee_to_chest", sets, 2, 4, "D8: 15-30 s, 2-4 reps"),
    ("knee_rolls", reps, 8, 10, "D4: one deep breath, 8-10 times alternating"),
    ("supine_twist", breaths, 5, 10, "C7: 5-10 breaths per side"),
    ("reclined_figure_four", hold_seconds, 10, 30, "10 s x 3 to 30 s x 3 per side"),
    ("reclined_figure_four", sets, 3, 3, "10 s x 3 to 30 s x 3 per side"),
    ("diaphragmatic_breathing", breaths, 10, 10, "D16: at least 10 slow breaths"),
    ("seated_slow_breathing", breaths, 10, 10, "D16: at least 10 slow breaths"),
    ("constructive_rest", breaths, 10, 10, "D16: at least 10 slow breaths"),
    ("seated_spinal_twist", hold_seconds, 10, 30, "D1: a stretch held 10-30 s"),
    ("seated_forward_fold", hold_seconds, 15, 30, "D1: 15-30 s, building up"),
    ("floor_forward_fold", hold_seconds, 15, 30, "D1: 15-30 s, building up"),
    ("half_forward_fold", hold_seconds, 15, 30, "C7: hold 15-30 s as a beginner"),
    ("pigeon", hold_seconds, 20, 180, "C7: about 20 s x 3, or 30 s to 3 min"),
    ("side_plank_knees", hold_seconds, 10, 10, "D22: hold 10 s, then repeat"),
    ("hamstring_strap_stretch", hold_seconds, 10, 30, "D1, D2: 10-30 s, 2-4 reps per leg"),
    ("hamstring_strap_stretch", sets, 2, 4, "D1, D2: 10-30 s, 2-4 reps per leg"),
    ("seated_hamstring_stretch", hold_seconds, 10, 30, "D1, D2: 10-30 s, 2-4 reps per leg"),
    ("seated_hamstring_stretch", sets, 2, 4, "D1, D2: 10-30 s, 2-4 reps per leg"),
]


@pytest.mark.parametrize(
    ("exercise_id", "measure", "low", "high", "source"),
    SOURCED,
    ids=[f"{row[0]}-{row[1].__name__}" for row in SOURCED],
)
def test_dose_is_inside_its_sourced_range(
    exercise_id: str, measure: Measure, low: int, high: int, source: str
) -> None:
    value = measure(LIBRARY.get(exercise_id))
    assert low <= value <= high, f"{exercise_id}: {value} is outside {low}-{high} ({source})"
