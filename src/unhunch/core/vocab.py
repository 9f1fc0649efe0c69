"""The public vocabulary (ids are lower_snake_case and stable; see spec/profile-and-routine.md)."""

from __future__ import annotations

from typing import Literal, get_args

PainRegion = Literal["neck", "upper_back", "lower_back"]
Region = Literal["neck", "upper_back", "lower_back", "shoulders", "chest", "hips", "hamstrings"]
Position = Literal[
    "seated",
    "standing",
    "wall",
    "supine",
    "prone",
    "all_fours",
    "kneeling",
    "side_lying",
    "floor_sitting",
]
Setting = Literal["desk", "standing", "floor", "bed"]
Equipment = Literal[
    "chair", "wall", "strap", "band", "pillow", "block", "bolster", "foam_roller", "mat"
]
Movement = Literal[
    "spinal_flexion",
    "loaded_spinal_flexion",
    "spinal_extension",
    "deep_backbend",
    "rotation",
    "end_range_rotation",
    "lateral_flexion",
    "inversion",
    "wrist_weight_bearing",
    "knee_kneeling",
    "prone_lying",
    "supine_lying",
    "neck_flexion",
    "neck_extension",
    "neck_rotation",
    "overhead_arms",
    "hip_deep_flexion",
    "balance",
    "neck_circles",
    "shoulder_end_range",
    "single_arm_support",
    "leg_crossing",
]
Kind = Literal["warm_up", "stretch", "mobility", "strength", "restorative", "breathing"]
Level = Literal["beginner", "intermediate", "advanced"]
Condition = Literal[
    "osteoporosis",
    "pregnancy",
    "recent_spine_surgery",
    "spinal_stenosis",
    "spondylolisthesis",
    "disc_herniation",
    "hypertension",
    "glaucoma",
    "knee_problems",
    "wrist_problems",
    "shoulder_injury",
    "hip_replacement",
    "vertigo",
    "inflammatory_arthritis",
]

PAIN_REGIONS: tuple[PainRegion, ...] = get_args(PainRegion)
REGIONS: tuple[Region, ...] = get_args(Region)
POSITIONS: tuple[Position, ...] = get_args(Position)
SETTINGS: tuple[Setting, ...] = get_args(Setting)
EQUIPMENT: tuple[Equipment, ...] = get_args(Equipment)
MOVEMENTS: tuple[Movement, ...] = get_args(Movement)
KINDS: tuple[Kind, ...] = get_args(Kind)
LEVELS: tuple[Level, ...] = get_args(Level)
CONDITIONS: tuple[Condition, ...] = get_args(Condition)

SETTING_POSITIONS: dict[Setting, frozenset[Position]] = {
    "desk": frozenset({"seated", "standing", "wall"}),
    "standing": frozenset({"standing", "wall"}),
    "floor": frozenset(POSITIONS),
    "bed": frozenset({"supine", "side_lying", "prone"}),
}

SETTING_EQUIPMENT: dict[Setting, frozenset[Equipment]] = {
    "desk": frozenset({"chair", "wall"}),
    "standing": frozenset({"wall"}),
    "floor": frozenset({"mat", "wall", "chair"}),
    "bed": frozenset({"pillow"}),
}

LEVEL_RANK: dict[Level, int] = {"beginner": 0, "intermediate": 1, "advanced": 2}

# Plain words for people; ids stay the contract.
LABELS: dict[str, str] = {
    "neck": "neck",
    "upper_back": "upper back",
    "lower_back": "lower back",
    "shoulders": "shoulders",
    "chest": "chest",
    "hips": "hips",
    "hamstrings": "back of the thighs",
    "seated": "sitting on a chair",
    "standing": "standing",
    "wall": "at a wall",
    "supine": "lying on your back",
    "prone": "lying on your front",
    "all_fours": "on hands and knees",
    "kneeling": "kneeling",
    "side_lying": "lying on your side",
    "floor_sitting": "sitting on the floor",
    "desk": "at the desk",
    "floor": "on the floor",
    "bed": "in bed",
    "warm_up": "warm-up",
    "stretch": "stretch",
    "mobility": "mobility",
    "strength": "strength",
    "restorative": "rest and recover",
    "breathing": "breathing",
    "foam_roller": "foam roller",
}


def label(term: str) -> str:
    """The plain-words label for a vocabulary id (falls back to the id with spaces)."""
    return LABELS.get(term, term.replace("_", " "))


# Diary vocabulary.
When = Literal["morning", "day", "evening", "before_session", "after_session"]
Symptom = Literal["numbness_tingling", "night_pain", "spreading_pain"]
WHENS: tuple[When, ...] = get_args(When)
SYMPTOMS: tuple[Symptom, ...] = get_args(Symptom)

# Movement tags in plain words, for telling people why something was left out.
MOVEMENT_WORDS: dict[Movement, str] = {
    "spinal_flexion": "bending forward",
    "loaded_spinal_flexion": "bending forward under load",
    "spinal_extension": "bending backward",
    "deep_backbend": "deep backbends",
    "rotation": "twisting",
    "end_range_rotation": "twisting as far as you can",
    "lateral_flexion": "bending sideways",
    "inversion": "head below the heart",
    "wrist_weight_bearing": "weight on the hands",
    "knee_kneeling": "kneeling",
    "prone_lying": "lying on the front",
    "supine_lying": "lying on the back",
    "neck_flexion": "bending the neck forward",
    "neck_extension": "tipping the head back",
    "neck_rotation": "turning the head",
    "overhead_arms": "arms overhead",
    "hip_deep_flexion": "deep hip bends",
    "balance": "balancing",
    "neck_circles": "circling the head",
    "shoulder_end_range": "arms stretched far behind or across the body",
    "single_arm_support": "weight on one arm",
    "leg_crossing": "crossing one leg over the other",
}
