"""Movement tags are true to the movement (spec/screening.md), so the condition rules bite.

The condition table only protects people if an exercise that bends forward says so. These tests
read each exercise's name and steps for the obvious words and check the tag is there, then run
the real condition table over the real library.
"""

from __future__ import annotations

import re

import pytest

from unhunch.content import load_library
from unhunch.core.conditions import is_allowed
from unhunch.core.models import Exercise
from unhunch.core.vocab import PAIN_REGIONS, Condition, Movement

EXERCISES = load_library().all()

# Words in a name or a step → the tag the movement must carry.
KEYWORDS: dict[Movement, list[str]] = {
    "spinal_flexion": [
        r"forward fold",
        r"\bfold forward",
        r"child'?s pose",
        r"knees? to (your )?chest",
        r"knees?-to-chest",
        r"round(ing)? (your )?(upper |lower |whole )?back",
        r"\bcat\b",
        r"hug (a|your) (big )?tree",
    ],
    "spinal_extension": [
        r"\bcobra\b",
        r"\bsphinx\b",
        r"press-ups?\b",
        r"back extension",
        r"back ?bend",
        r"arch (your|the) (lower |upper )?back",
        r"lean back over",
    ],
    "rotation": [r"\btwist", r"knee rolls?"],
    "lateral_flexion": [r"side bend", r"bend sideways"],
    "overhead_arms": [r"overhead", r"above your head"],
    "knee_kneeling": [r"hands and knees", r"all fours", r"\bkneel"],
    "neck_rotation": [r"turn your head"],
    "neck_extension": [
        r"look(ing)? up",
        r"\bgaze\b",
        r"tip (your )?head back",
        r"lift your head and chest",
    ],
    "neck_circles": [r"head (half-)?circles?", r"head rolls?", r"neck rolls?", r"roll your head"],
    "inversion": [r"legs up the wall", r"head (and arms )?hang", r"side of your head to the mat"],
    "hip_deep_flexion": [
        r"forward fold",
        r"knees? to (your )?chest",
        r"child'?s pose",
        r"figure.four",
    ],
    "leg_crossing": [
        r"figure.four",
        r"\bpigeon\b",
        r"cross (one|your) (left |right )?(ankle|leg)",
        r"across your body",
    ],
    "shoulder_end_range": [
        r"doorway",
        r"hands behind your back",
        r"under your (left|right) arm",
        r"elbow over your",
    ],
    "single_arm_support": [r"side plank", r"under your (left|right) arm", r"arm forward and your"],
}

POSITION_TAGS: dict[str, Movement] = {
    "supine": "supine_lying",
    "prone": "prone_lying",
    "all_fours": "knee_kneeling",
    "kneeling": "knee_kneeling",
}

# "without twisting", "do not round your back": the word is there but the movement is not.
NEGATION = re.compile(r"\b(without|not|don't|never|no|avoid|instead of)\b")


def mentions(e: Exercise, pattern: str) -> bool:
    """True when the name or a step asks for the movement (a negated mention does not count)."""
    for text in (e.name, *e.steps):
        lowered = text.lower()
        for match in re.finditer(pattern, lowered):
            clause = re.split(r"[.;,:]", lowered[: match.start()])[-1]
            if not NEGATION.search(clause):
                return True
    return False


def expected_tags(e: Exercise) -> set[Movement]:
    found = {tag for tag, patterns in KEYWORDS.items() if any(mentions(e, p) for p in patterns)}
    if e.position in POSITION_TAGS:
        found.add(POSITION_TAGS[e.position])
    return found


def test_the_keyword_reader_sees_a_negated_mention_as_no_movement() -> None:
    plain = load_library().get("chin_tucks")
    negated = plain.model_copy(update={"steps": ["Reach forward without twisting your trunk."]})
    asked = plain.model_copy(update={"steps": ["Sit tall.", "Twist gently to the left."]})
    assert "rotation" not in expected_tags(negated)
    assert "rotation" in expected_tags(asked)


@pytest.mark.parametrize("e", EXERCISES, ids=[e.id for e in EXERCISES])
def test_tags_match_what_the_name_steps_and_position_describe(e: Exercise) -> None:
    missing = expected_tags(e) - set(e.movements)
    assert not missing, f"{e.id} describes {sorted(missing)} but is not tagged with it"


@pytest.mark.parametrize("e", EXERCISES, ids=[e.id for e in EXERCISES])
def test_lying_tags_only_on_exercises_that_start_lying_that_way(e: Exercise) -> None:
    if "supine_lying" in e.movements:
        assert e.position == "supine"
    if "prone_lying" in e.movements:
        assert e.position == "prone"


@pytest.mark.parametrize("e", EXERCISES, ids=[e.id for e in EXERCISES])
def test_implied_tags_come_with_their_parent(e: Exercise) -> None:
    tags = set(e.movements)
    if "end_range_rotation" in tags:
        assert "rotation" in tags
    if "deep_backbend" in tags:
        assert "spinal_extension" in tags
    if "loaded_spinal_flexion" in tags:
        assert "spinal_flexion" in tags


# The condition table on the real content.


def allowed(condition: Condition) -> list[Exercise]:
    return [e for e in EXERCISES if is_allowed(e, [condition])]


def described(*tags: Movement) -> list[Exercise]:
    return [
        e for e in EXERCISES if any(mentions(e, p) for tag in tags for p in KEYWORDS.get(tag, []))
    ]


def test_osteoporosis_removes_every_forward_fold() -> None:
    folds = described("spinal_flexion")
    assert {"seated_forward_fold", "childs_pose", "single_knee_to_chest"} <= {e.id for e in folds}
    kept = {e.id for e in allowed("osteoporosis")}
    assert [e.id for e in folds if e.id in kept] == []


def test_osteoporosis_removes_end_range_twists_but_keeps_a_gentle_seated_twist() -> None:
    kept = {e.id for e in allowed("osteoporosis")}
    assert "thread_the_needle" not in kept
    assert "seated_spinal_twist" in kept


def test_recent_spine_surgery_removes_every_forward_fold_and_deep_backbend() -> None:
    kept = {e.id for e in allowed("recent_spine_surgery")}
    for e in described("spinal_flexion"):
        assert e.id not in kept
    assert "prone_press_up" not in kept


def test_pregnancy_removes_every_supine_and_prone_exercise() -> None:
    lying = [e.id for e in EXERCISES if e.position in ("supine", "prone")]
    assert len(lying) >= 5
    kept = {e.id for e in allowed("pregnancy")}
    assert [i for i in lying if i in kept] == []


@pytest.mark.parametrize("condition", ["spinal_stenosis", "spondylolisthesis"])
def test_stenosis_and_slipped_vertebra_remove_every_backbend(condition: Condition) -> None:
    backbends = described("spinal_extension")
    assert {"cobra", "sphinx", "standing_back_extension"} <= {e.id for e in backbends}
    kept = {e.id for e in allowed(condition)}
    assert [e.id for e in backbends if e.id in kept] == []


def test_knee_problems_remove_everything_on_the_knees() -> None:
    on_knees = [e.id for e in EXERCISES if e.position in ("all_fours", "kneeling")]
    assert on_knees
    kept = {e.id for e in allowed("knee_problems")}
    assert [i for i in on_knees if i in kept] == []


def test_wrist_problems_remove_exercises_that_put_weight_on_straight_arms() -> None:
    kept = {e.id for e in allowed("wrist_problems")}
    for exercise_id in ("cat_cow", "bird_dog", "cobra", "prone_press_up", "thread_the_needle"):
        assert exercise_id not in kept


def test_shoulder_injury_removes_arms_overhead() -> None:
    overhead = described("overhead_arms") + [
        e for e in EXERCISES if e.id in ("wall_angels", "standing_side_bend", "seated_side_bend")
    ]
    kept = {e.id for e in allowed("shoulder_injury")}
    assert [e.id for e in overhead if e.id in kept] == []


def test_disc_herniation_removes_loaded_forward_folds_only() -> None:
    kept = {e.id for e in allowed("disc_herniation")}
    assert "seated_forward_fold" not in kept
    assert "single_knee_to_chest" in kept


@pytest.mark.parametrize(
    "condition", ["osteoporosis", "pregnancy", "spinal_stenosis", "knee_problems", "vertigo"]
)
@pytest.mark.parametrize("region", PAIN_REGIONS)
def test_each_condition_still_leaves_exercises_for_every_painful_region(
    condition: Condition, region: str
) -> None:
    left = [e.id for e in allowed(condition) if region in e.regions and e.kind != "warm_up"]
    assert len(left) >= 3, f"{condition} leaves only {left} for {region}"
