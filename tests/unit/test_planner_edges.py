"""Spec rule 5 by construction: which exercises may open or close a routine, and the routines
that keep a warm-up and a cool-down whenever one may serve."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.planner_helpers import LIBRARY, check_hard_rules
from unhunch.core.models import Profile
from unhunch.core.planner import plan
from unhunch.core.planner_edges import edge_blocks, edge_options
from unhunch.core.planner_score import block_changes

DAY = dt.date(2026, 12, 4)
ALL_KINDS = {"warm_up", "mobility", "stretch", "strength", "restorative", "breathing"}
NO_PROPER_EDGES = {"mobility", "stretch", "strength"}


def blocks_of(exercise_id: str, kinds: set[str]) -> tuple[str, ...]:
    return edge_blocks(LIBRARY.exercises[exercise_id], kinds)


def test_warm_up_restorative_and_breathing_kinds_always_serve_their_edge() -> None:
    assert blocks_of("marching_on_the_spot", ALL_KINDS) == ("warm_up",)
    assert blocks_of("childs_pose", ALL_KINDS) == ("cool_down",)
    assert blocks_of("diaphragmatic_breathing", ALL_KINDS) == ("cool_down",)


def test_gentle_mobility_and_stretches_stand_in_only_when_no_proper_edge_is_allowed() -> None:
    assert blocks_of("pelvic_tilt", ALL_KINDS) == ()
    assert blocks_of("pelvic_tilt", NO_PROPER_EDGES) == ("warm_up",)
    assert blocks_of("single_knee_to_chest", ALL_KINDS) == ()
    assert blocks_of("single_knee_to_chest", NO_PROPER_EDGES) == ("cool_down",)


@pytest.mark.parametrize(
    "exercise_id",
    ["thread_the_needle", "prone_press_up", "supine_twist", "seated_forward_fold", "pigeon"],
)
def test_end_range_loaded_or_harder_work_never_opens_or_closes(exercise_id: str) -> None:
    assert blocks_of(exercise_id, NO_PROPER_EDGES) == ()


def test_edge_options_judge_the_stand_ins_on_every_allowed_kind() -> None:
    in_bed = [LIBRARY.exercises[i] for i in ("pelvic_tilt", "sphinx", "constructive_rest")]
    assert edge_options(in_bed) == {"warm_up": ["pelvic_tilt"], "cool_down": ["constructive_rest"]}


@pytest.mark.parametrize("minutes", [3, 7])
def test_in_bed_without_lying_chin_tucks_gentle_mobility_opens_the_routine(minutes: int) -> None:
    """Issue 14: no warm-up kind is allowed in bed, and the one-way position order kept
    pelvic tilt and knee rolls (on the back) out before the side-lying and prone work."""
    profile = Profile(
        pain={"neck": 0, "upper_back": 1, "lower_back": 0},
        minutes=minutes,
        setting="bed",
        level="beginner",
        excluded=["lying_chin_tucks"],
    )
    routine = plan(profile, LIBRARY, None, DAY)
    names = [b.name for b in routine.blocks]
    assert names == ["warm_up", "main", "cool_down"]
    assert routine.blocks[0].items[0].exercise in {"pelvic_tilt", "knee_rolls"}
    check_hard_rules(profile, routine)


def test_a_favourite_never_takes_the_room_of_the_warm_up_or_cool_down() -> None:
    profile = Profile(
        pain={"lower_back": 4},
        minutes=3,
        setting="floor",
        level="advanced",
        favourites=["kneeling_hip_flexor_stretch", "pigeon"],
    )
    routine = plan(profile, LIBRARY, None, DAY)
    names = [b.name for b in routine.blocks]
    assert (names[0], names[-1]) == ("warm_up", "cool_down")
    check_hard_rules(profile, routine)


def test_a_return_to_a_position_left_costs_a_position_change() -> None:
    # On the back, then on the side, then on the back again: two changes, not one.
    assert block_changes([{7}, {6}, {7}]) == 2
    # One way only: positions used less one, however the blocks share them.
    assert block_changes([{0}, {0, 2}, {2}]) == 1
    assert block_changes([set(), {1, 3}, {3, 5}]) == 2
