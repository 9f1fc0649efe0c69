"""The search: a greedy build that keeps every hard rule, then local improvement of J.

Per direction (upright → lying, or lying → upright):
1. favourites first (forced while they fit);
2. one main item for each painful region not yet covered, most painful region first;
3. warm-up and cool-down items up to the block counts (with `edges_first`, before step 1);
4. fill the time: add a main item or step a dose up, whichever gains more J per second;
5. dose steps (±1) while one raises J and fits the budget;
6. local moves while J rises: swap an item for another of the same block, drop a main item,
   or move an item between blocks (fallback items can serve in more than one).
Each step only accepts states that keep total ≤ budget and the one-way position order.

Steps 1-3 are in planner_build.py, 4-5 in planner_fill.py, 6 in planner_moves.py; this file
runs them in order. `fits`, `required_regions` and `SHORT_BUDGET` are re-exported here, where
the planner, its notes and the bench import them.
"""

from __future__ import annotations

from unhunch.core.planner_build import (
    SHORT_BUDGET,
    add_edges,
    cover_regions,
    fits,
    place_favourites,
    required_regions,
)
from unhunch.core.planner_fill import grow, reach_floor, tune_doses
from unhunch.core.planner_moves import (
    edge_takes_place,
    move_block,
    off_target_items,
    swap_once,
)
from unhunch.core.planner_pool import Pool
from unhunch.core.planner_score import Picks
from unhunch.core.planner_state import State

__all__ = [
    "FILL_FLOOR",
    "SHORT_BUDGET",
    "fits",
    "is_wide",
    "polish",
    "required_regions",
    "search",
]

MAX_SWAP_PASSES = 3
FILL_FLOOR = 0.85


def search(
    pool: Pool,
    direction: int,
    skip: frozenset[int] = frozenset(),
    wide: bool = False,
    edges_first: bool = False,
) -> Picks:
    """One routine for the direction. `wide` picks the warm-up at the start of the position
    order and the cool-down at its end, so the main block may use every position between
    (standing warm-up, floor work, lying cool-down); otherwise they are chosen for J alone."""
    state = State(pool, direction)
    state.skip = skip
    required = required_regions(pool)
    if edges_first:
        # Spec rule 5 by construction: the warm-up and cool-down go in before anything else
        # (the favourites' room is kept for them: planner_pool._forced), and no later move
        # empties a block; the position order is a cost in J, never a bar to an edge.
        add_edges(state, required, wide, cheapest=True)
    place_favourites(state)
    cover_regions(state, required, wide)
    add_edges(state, required, wide)
    grow(state)
    tune_doses(state)
    reach_floor(state, FILL_FLOOR * pool.budget)
    # Exercises off the painful regions were only for reaching the floor: later moves may
    # trade one for another but never add more.
    if pool.weights:
        state.off_limit = off_target_items(state)
        state.allow_off_target = state.off_limit > 0
    if state.total() >= FILL_FLOOR * pool.budget:
        state.min_total = int(-(-FILL_FLOOR * pool.budget // 1))
    kept = {r for r in required if state.covered[r] > 0}
    forced = set(pool.forced)
    short = pool.budget <= SHORT_BUDGET
    for _ in range(MAX_SWAP_PASSES):
        moved = move_block(state, kept) or (short and edge_takes_place(state, kept))
        if not (swap_once(state, kept, forced) or moved):
            break
        tune_doses(state)
    return state.copy_picks()


def polish(pool: Pool, picks: Picks, direction: int) -> Picks:
    """The chosen routine's doses tuned once more, trading a step between two items too (run
    on the winner only: it costs n² trials)."""
    state = State(pool, direction)
    for p in picks:
        state.add(p)
    if state.total() >= FILL_FLOOR * pool.budget:
        state.min_total = int(-(-FILL_FLOOR * pool.budget // 1))
    if pool.weights:
        state.off_limit = off_target_items(state)
    tune_doses(state, trades=True)
    return state.copy_picks()


def is_wide(pool: Pool, picks: Picks, direction: int) -> bool:
    """True when a `wide` search could not choose other warm-up or cool-down positions than
    `picks` began with: every exercise that can serve in each of those blocks stands in one
    position, or the chosen ones already sit at the far end (`picks` may have moved items
    between blocks since, so only a single-position block is certain)."""
    cands = pool.candidates
    for block in ("warm_up", "cool_down"):
        count = pool.n_warm if block == "warm_up" else pool.n_cool
        ranks = {c.rank for c in cands if block in c.blocks}
        if count and len(ranks) > 1:
            return False
    return True
