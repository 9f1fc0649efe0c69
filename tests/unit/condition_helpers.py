"""Random people with 0-3 conditions, some reported in the profile and some named by the screen,
and the oracle: the exercises the spec's table says their conditions forbid."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

from tests.unit.planner_helpers import IDS, LIBRARY, profiles
from tests.unit.screen_helpers import ITEM_IDS
from unhunch.core.conditions import REMOVES
from unhunch.core.models import Profile
from unhunch.core.screen_conditions import CONDITION_ITEMS
from unhunch.core.vocab import CONDITIONS, Condition

# The conditions a screen item can name (as far as the screen's content asks about them).
SCREEN_NAMED: tuple[Condition, ...] = tuple(
    c for item, c in CONDITION_ITEMS.items() if item in ITEM_IDS
)


@dataclass(frozen=True)
class Person:
    profile: Profile  # as saved: only the conditions the person reported
    from_screen: tuple[Condition, ...]  # answered yes (or unsure) on the screen

    @property
    def conditions(self) -> set[Condition]:
        return {*self.profile.conditions, *self.from_screen}

    @property
    def rules_profile(self) -> Profile:
        merged = list(dict.fromkeys([*self.profile.conditions, *self.from_screen]))
        return self.profile.model_copy(update={"conditions": merged})


def forbidden_ids(ids: list[str] | set[str], conditions: set[Condition]) -> list[str]:
    """The oracle, straight from the spec's table (REMOVES is held to it in test_conditions)."""
    removed = set().union(*(REMOVES[c] for c in conditions))
    return sorted(e for e in ids if set(LIBRARY.get(e).movements) & removed)


@st.composite
def people(draw: st.DrawFn, max_minutes: int = 60) -> Person:
    from_screen = draw(st.lists(st.sampled_from(SCREEN_NAMED), max_size=2, unique=True))
    reported = draw(
        st.lists(st.sampled_from(CONDITIONS), max_size=3 - len(from_screen), unique=True)
    )
    profile = draw(profiles()).model_copy(
        update={
            "conditions": reported,
            "minutes": draw(st.integers(1, max_minutes)),
            # Often a favourite or two the conditions forbid: they must still never appear.
            "favourites": draw(st.lists(st.sampled_from(IDS), max_size=3, unique=True)),
        }
    )
    return Person(profile, tuple(from_screen))
