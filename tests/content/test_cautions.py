"""Cautions point only to questions the screen asks, and a "skip this" for a condition holds.

A caution that sends a person to the safety questions must be about a symptom the screen asks
(content/screening.toml); a caution that tells someone with a stored condition to skip an
exercise must be one the condition table (core/conditions.py) already enforces, so the planner
never serves what the caution tells the person to leave out.
"""

from __future__ import annotations

import re

import pytest

from unhunch.content import load_library
from unhunch.content.screening import load_screening
from unhunch.core.conditions import is_allowed
from unhunch.core.models import Exercise
from unhunch.core.vocab import Condition

EXERCISES = load_library().all()
ASKED = {item.id for item in load_screening().items}

# What a caution may send a person to the screen about → the screen items that ask it (any one
# asked is enough; `recent_neck_injury` joins the trauma items in the second screen contract).
SCREEN_TOPICS: dict[str, tuple[str, ...]] = {
    "new dizziness, double vision or trouble swallowing with neck pain": (
        "neuro_signs_with_neck_pain",
    ),
    "neck pain began after a fall, a knock or whiplash": (
        "recent_neck_injury",
        "minor_trauma",
        "major_trauma",
    ),
}

# Plain words in a caution → the stored condition they name.
CONDITION_WORDS: dict[str, Condition] = {
    "osteoporosis": "osteoporosis",
    "pregnant": "pregnancy",
    "spinal stenosis": "spinal_stenosis",
    "spondylolisthesis": "spondylolisthesis",
    "slipped disc": "disc_herniation",
    "high blood pressure": "hypertension",
    "glaucoma": "glaucoma",
    "hip replacement": "hip_replacement",
    "spine surgery": "recent_spine_surgery",
    "shoulder injury": "shoulder_injury",
    "shoulder pain": "shoulder_injury",
    "rotator-cuff injury": "shoulder_injury",
    "knee problems": "knee_problems",
}
# "skip this", "choose … instead": the caution leaves the exercise out for that person.
SKIP = re.compile(r"\b(skip (this|it)\b(?! if)|do not do this|choose (a different|the .+ instead))")


def screen_cautions() -> list[tuple[str, str]]:
    return [(e.id, c) for e in EXERCISES for c in e.cautions if "safety questions" in c.lower()]


@pytest.mark.parametrize(("exercise_id", "caution"), screen_cautions())
def test_a_caution_sends_people_to_the_screen_only_about_what_it_asks(
    exercise_id: str, caution: str
) -> None:
    topics = [t for t in SCREEN_TOPICS if t in caution.lower()]
    assert topics, f"{exercise_id}: the screen does not ask about this: {caution}"
    for topic in topics:
        assert set(SCREEN_TOPICS[topic]) & ASKED, f"no screen item asks about {topic}"


def skipping_cautions() -> list[tuple[Exercise, Condition, str]]:
    found = []
    for e in EXERCISES:
        for caution in e.cautions:
            lowered = caution.lower()
            if SKIP.search(lowered):
                found += [(e, c, caution) for w, c in CONDITION_WORDS.items() if w in lowered]
    return found


def test_the_skip_reader_finds_the_cautions_it_should() -> None:
    pairs = {(e.id, c) for e, c, _ in skipping_cautions()}
    assert ("childs_pose", "osteoporosis") in pairs
    assert ("legs_up_the_wall", "glaucoma") in pairs
    assert ("side_plank_knees", "shoulder_injury") in pairs
    # "fold only a little, or skip it if bending makes your leg pain worse" leaves the choice.
    assert ("seated_forward_fold", "disc_herniation") not in pairs


@pytest.mark.parametrize(
    ("e", "condition", "caution"),
    skipping_cautions(),
    ids=[f"{e.id}-{c}" for e, c, _ in skipping_cautions()],
)
def test_a_caution_that_says_skip_for_a_condition_is_enforced_by_the_condition_table(
    e: Exercise, condition: Condition, caution: str
) -> None:
    assert not is_allowed(e, [condition]), f"{e.id} is still served with {condition}: {caution}"
