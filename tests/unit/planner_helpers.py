"""Random profiles for the planner's property tests, and one checker for the six hard rules."""

from __future__ import annotations

import datetime as dt

from hypothesis import settings
from hypothesis import strategies as st

from unhunch.content import load_library
from unhunch.core import dosing
from unhunch.core.conditions import forbidden_by
from unhunch.core.library import Library
from unhunch.core.models import Profile, Routine
from unhunch.core.planner_edges import edge_options
from unhunch.core.vocab import (
    CONDITIONS,
    EQUIPMENT,
    LEVEL_RANK,
    LEVELS,
    PAIN_REGIONS,
    SETTING_EQUIPMENT,
    SETTING_POSITIONS,
    SETTINGS,
    label,
)

LIBRARY = load_library()


def examples(ci: int) -> int:
    """A test's example count: its own in CI, the profile's when that asks for more (the
    "deep" hypothesis profile, tests/conftest.py)."""
    return max(ci, settings.default.max_examples)


IDS = sorted(LIBRARY.exercises)


@st.composite
def profiles(draw: st.DrawFn) -> Profile:
    pain = {r: draw(st.integers(0, 10)) for r in PAIN_REGIONS}
    return Profile(
        pain=pain,
        minutes=draw(st.integers(1, 60)),
        setting=draw(st.sampled_from(SETTINGS)),
        equipment=draw(st.lists(st.sampled_from(EQUIPMENT), max_size=3, unique=True)),
        level=draw(st.sampled_from(LEVELS)),
        conditions=draw(st.lists(st.sampled_from(CONDITIONS), max_size=3, unique=True)),
        favourites=draw(st.lists(st.sampled_from(IDS), max_size=2, unique=True)),
        excluded=draw(st.lists(st.sampled_from(IDS), max_size=3, unique=True)),
        breath_seconds=draw(st.integers(3, 12)),
    )


dates = st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2027, 12, 31))


def fits_rule_1(profile: Profile, exercise_id: str, library: Library = LIBRARY) -> bool:
    e = library.exercises[exercise_id]
    return (
        e.position in SETTING_POSITIONS[profile.setting]
        and set(e.equipment) <= SETTING_EQUIPMENT[profile.setting] | set(profile.equipment)
        and LEVEL_RANK[e.level] <= LEVEL_RANK[profile.level]
        and not forbidden_by(e, profile.conditions)
    )


def check_hard_rules(profile: Profile, routine: Routine, library: Library = LIBRARY) -> None:
    """Assert spec rules 1-6 (with the notes the spec allows when a rule cannot be kept)."""
    items = routine.items
    ids = [i.exercise for i in items]
    notes = " ".join(routine.notes)
    budget = profile.minutes * 60
    # 1. setting, equipment, level, conditions
    for exercise_id in ids:
        assert fits_rule_1(profile, exercise_id, library), exercise_id
    # 2. 85-100 % of the minutes, or a note saying the library cannot fill them
    assert routine.total_seconds == sum(i.seconds for i in items)
    assert routine.total_seconds <= budget
    if routine.total_seconds < 0.85 * budget:
        assert "fill only" in notes
    # 3. every painful region is the primary or secondary region of a main item, or a note
    main = [i for b in routine.blocks if b.name == "main" for i in b.items]
    for region in profile.targets:
        covered = any(region in library.exercises[i.exercise].regions[:2] for i in main)
        assert covered or label(region) in notes, region
    # 4. no duplicates; one-sided exercises dosed per side and timed for both sides
    assert len(ids) == len(set(ids))
    for item in items:
        e = library.exercises[item.exercise]
        assert item.dose.per_side == e.bilateral
        work = dosing.work_seconds(e, item.dose, profile.breath_seconds)
        assert item.seconds >= work + dosing.SETUP_SECONDS
        if e.bilateral:
            one_side = dosing.work_seconds(
                e, item.dose.model_copy(update={"per_side": False}), profile.breath_seconds
            )
            assert work > one_side
    # 5. warm-up first, cool-down last; both in a routine of 3 minutes or more
    names = [b.name for b in routine.blocks]
    order = {"warm_up": 0, "main": 1, "cool_down": 2}
    assert names == sorted(names, key=order.__getitem__)
    assert all(b.items for b in routine.blocks)
    if budget >= 180:
        # ... whenever an allowed exercise may serve there (planner_edges decides which may),
        # favourites or not: they appear when they fit the rules.
        allowed = [
            library.exercises[i]
            for i in library.exercises
            if i not in profile.excluded and fits_rule_1(profile, i, library)
        ]
        for block, options in edge_options(allowed).items():
            if options:
                assert block in names, f"no {block}, though {options} may serve there"
            else:
                assert f"No {label(block)}" in notes
    # 6. excluded never; favourites in when they fit the rules
    assert not set(ids) & set(profile.excluded)
    for fav in profile.favourites:
        if fav in profile.excluded or not fits_rule_1(profile, fav, library):
            continue
        assert fav in ids or fav in notes, fav
    # excluded list: every condition removal comes with the condition's reason
    for ex in routine.excluded:
        assert ex.reason.split(":")[0] in profile.conditions
