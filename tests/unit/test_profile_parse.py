"""Bad profile data is named field by field, with what is allowed."""

from __future__ import annotations

import pytest

from tests.unit.planner_helpers import LIBRARY
from unhunch.core.errors import InputError, InputErrors
from unhunch.core.profile_parse import parse_profile, parse_profile_json


@pytest.mark.parametrize(
    ("data", "field", "allowed"),
    [
        ({"minutes": 0}, "minutes", "1 to 60"),
        ({"minutes": 61}, "minutes", "1 to 60"),
        ({"pain": {"neck": 11}}, "pain", "0 to 10"),
        ({"pain": {"nek": 3}}, "pain region", "upper_back"),
        ({"setting": "desc"}, "setting", "floor"),
        ({"equipment": ["yoga mat"]}, "equipment", "foam_roller"),
        ({"conditions": ["osteoporsis"]}, "conditions", "osteoporosis"),
        ({"minuts": 8}, "unknown field 'minuts'", "minutes"),
    ],
)
def test_bad_profile_values_name_the_field_and_what_is_allowed(
    data: dict[str, object], field: str, allowed: str
) -> None:
    with pytest.raises(InputError) as err:
        parse_profile(data, LIBRARY)
    assert err.value.field.startswith(field)
    assert allowed in str(err.value)


def test_a_typo_suggests_the_closest_known_word() -> None:
    with pytest.raises(InputError, match="Did you mean 'minutes'"):
        parse_profile({"minuts": 8})
    with pytest.raises(InputError, match="Did you mean 'chin_tucks'"):
        parse_profile({"excluded": ["chin_tuck"]}, LIBRARY)


def test_several_problems_are_reported_together() -> None:
    with pytest.raises(InputErrors) as err:
        parse_profile({"minutes": 0, "setting": "sofa"})
    assert {p.field for p in err.value.problems} == {"minutes", "setting"}


def test_broken_json_says_where() -> None:
    with pytest.raises(InputError, match="line 1"):
        parse_profile_json('{"minutes": 8,')


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"minutes": "8"}, "minutes"),
        ({"minutes": 8.0}, "minutes"),
        ({"breath_seconds": True}, "breath_seconds"),
        ({"pain": {"neck": True}}, "pain.neck"),
        ({"pain": {"neck": 2, "lower_back": "3"}}, "pain.lower_back"),
    ],
)
def test_numbers_that_are_not_json_whole_numbers_are_rejected_not_coerced(
    data: dict[str, object], field: str
) -> None:
    with pytest.raises(InputError) as err:
        parse_profile(data, LIBRARY)
    assert err.value.field == field
    assert "whole number" in str(err.value)


def test_a_wrong_type_and_another_problem_are_both_named() -> None:
    with pytest.raises(InputErrors) as err:
        parse_profile({"minutes": "8", "setting": "office"}, LIBRARY)
    assert {p.field for p in err.value.problems} == {"minutes", "setting"}
