"""How many items a routine holds: warm-up and cool-down items for the budget, the main items
it aims for, and which favourites fit once the warm-up and cool-down have their room."""

from __future__ import annotations

from typing import TYPE_CHECKING

from unhunch.core import dosing
from unhunch.core.models import Profile
from unhunch.core.vocab import PainRegion

if TYPE_CHECKING:
    from unhunch.core.planner_pool import Candidate

# Seconds a warm-up or cool-down item is expected to take, for the main block's share.
EDGE_ITEM_SECONDS = 50


def block_count(budget: int) -> int:
    """Warm-up and cool-down items each: none under 3 minutes, one up to 25 minutes, then more
    for long routines (a physio warms up with one easy movement, not a series)."""
    if budget < 180:
        return 0
    if budget < 1500:
        return 1
    if budget < 2700:
        return 2
    return 3


def main_target(budget: int, edge_items: int, typical: float = 0.0) -> float:
    """How many main items suit the budget: about one per 60-100 s of the main block.

    m = the budget less the expected warm-up and cool-down; n = m / s with s = 60 + m/20
    seconds per item. Items grow longer as the routine does (a 3-minute routine: 1-2 items of
    about a minute; 8 minutes: about 5; 20 minutes: about 9; an hour: about 14 of 3-4 minutes
    each), because doses fill time before more exercises are added. When the person's own
    doses already take longer (`typical`: the median item at their own dose, e.g. 3 sets for
    an advanced level), s is that instead, so exercises are not cut short to fit more in."""
    main = max(30, budget - EDGE_ITEM_SECONDS * edge_items)
    return main / max(60 + main / 20, typical)


def typical_item(
    candidates: list[Candidate], weights: tuple[tuple[PainRegion, float], ...]
) -> float:
    """Median seconds of a main item at the person's own dose (those working a painful
    region, when there are any)."""
    main = [c for c in candidates if "main" in c.blocks]
    useful = [c for c in main if c.credit] if weights else main
    seconds = sorted(dosing.SETUP_SECONDS + c.work[c.personal] for c in useful or main)
    return float(seconds[len(seconds) // 2]) if seconds else 0.0


def _edge_room(candidates: list[Candidate], budget: int) -> int:
    """Seconds kept for the gentlest warm-up and cool-down (spec rule 5 comes before
    favourites: they appear when they fit the rules)."""
    if block_count(budget) == 0:
        return 0
    room = 0
    for block in ("warm_up", "cool_down"):
        costs = [
            dosing.SETUP_SECONDS + dosing.POSITION_CHANGE_SECONDS + c.work[0]
            for c in candidates
            if block in c.blocks
        ]
        room += min(costs, default=0)
    return room


def admitted_favourites(
    candidates: list[Candidate], profile: Profile, budget: int, notes: list[str]
) -> tuple[int, ...]:
    """Favourites that pass the rules, in the order given, while their gentlest doses fit in
    the budget less the room kept for the warm-up and cool-down; `notes` says which do not."""
    budget -= _edge_room(candidates, budget)
    index = {c.id: i for i, c in enumerate(candidates)}
    forced: list[int] = []
    used = 0
    for fav in dict.fromkeys(profile.favourites):
        if fav in profile.excluded:
            continue
        if fav not in index:
            notes.append(f"Your favourite {fav} is left out: it does not fit today's rules.")
            continue
        cand = candidates[index[fav]]
        cost = dosing.SETUP_SECONDS + dosing.POSITION_CHANGE_SECONDS + cand.work[0]
        if used + cost > budget:
            notes.append(f"Your favourite {fav} does not fit in {profile.minutes} min.")
            continue
        used += cost
        forced.append(index[fav])
    return tuple(forced)
