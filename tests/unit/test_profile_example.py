"""The profile in spec/profile-and-routine.md works exactly as printed there."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from unhunch.content import load_library
from unhunch.core.errors import InputError
from unhunch.core.planner import plan
from unhunch.core.profile_parse import parse_profile_json

SPEC_EXAMPLE = """{
  "pain": {"neck": 3, "upper_back": 6, "lower_back": 0},
  "minutes": 8,
  "setting": "desk",
  "equipment": ["chair", "wall"],
  "level": "beginner",
  "conditions": ["osteoporosis"],
  "favourites": ["seated_spinal_twist"],
  "excluded": ["neck_rolls"],
  "date": "2026-11-24",
  "breath_seconds": 5
}"""


def test_the_spec_example_profile_is_accepted_and_planned() -> None:
    library = load_library()
    profile = parse_profile_json(SPEC_EXAMPLE, library)
    routine = plan(profile, library, None, dt.date(2026, 11, 24))
    ids = [item.exercise for item in routine.items]
    assert "head_half_circles" not in ids  # neck_rolls is another id for it
    assert 0.85 * 8 * 60 <= routine.total_seconds <= 8 * 60
    assert json.loads(routine.model_dump_json())["blocks"][0]["name"] == "warm_up"


def test_another_id_is_stored_as_the_stable_one() -> None:
    profile = parse_profile_json(SPEC_EXAMPLE, load_library())
    assert profile.excluded == ["head_half_circles"]


def test_a_typo_in_an_excluded_id_is_still_refused() -> None:
    with pytest.raises(InputError, match="neck_rols"):
        parse_profile_json(SPEC_EXAMPLE.replace("neck_rolls", "neck_rols"), load_library())
