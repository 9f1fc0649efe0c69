"""The planner's objective: one number for how good a routine is (higher is better).

    J = 40·cover + 20·balance + 10·positions + 20·fill + 5·Σ item_quality / N0

- cover: each painful region's share of main-block work, against a target in proportion to its
  pain (half the budget split by pain); Σ_r share_r · min(1, seconds_r / target_r). A region
  gets full credit from exercises where it is the primary region, half where it is secondary.
- balance: how many of the four directions (bend forward, bend back, twist, side-bend) the main
  block touches, out of those the allowed exercises can offer (at most 4).
- positions: 1 − (position changes)/7; the order groups items by position and moves one way
  only (up to down or down to up), so changes = positions used − 1.
- fill: total seconds / budget seconds.
- item quality per item: variety against the last days (1 when not done lately), a small
  day-seeded preference (so the choice moves from day to day), whether it works a painful
  region, closeness of the dose to the person's own dose, less a fixed cost per item (fewer,
  fuller items beat many short ones);
  N0 = budget/90 s keeps the term comparable across budgets.
Hard rules are constraints on the search, never terms of J.
"""

from __future__ import annotations

from dataclasses import dataclass

from unhunch.core import dosing
from unhunch.core.models import BlockName
from unhunch.core.planner_pool import Pool

W_COVER = 40.0
W_BALANCE = 20.0
W_POSITIONS = 10.0
W_FILL = 20.0
W_ITEMS = 5.0
COVER_SHARE = 0.5
MAX_CHANGES = 7
SECONDS_PER_ITEM = 90.0
ITEM_COST = 2.5

BLOCK_ORDER: dict[BlockName, int] = {"warm_up": 0, "main": 1, "cool_down": 2}


@dataclass(frozen=True, order=True)
class Pick:
    cand: int
    block: BlockName
    dose: int


Picks = tuple[Pick, ...]


@dataclass(frozen=True)
class Score:
    value: float
    total: int
    cover: float
    balance: float
    positions: float
    fill: float


def quality(pool: Pool, pick: Pick) -> float:
    """Per item: variety, the day's preference and dose closeness, less a cost per item (so
    items are added for coverage, balance and time, not for their own sake)."""
    cand = pool.candidates[pick.cand]
    gap = pick.dose - cand.personal
    # Below the person's own dose costs more than above it (more work fills the time).
    closeness = 1.0 - (min(-gap, 3) / 3.0 if gap < 0 else min(gap, 6) / 24.0)
    relevant = 1.0 if cand.credit or not pool.weights else 0.0
    return 0.5 * cand.jitter + 0.5 * cand.fresh + relevant + closeness - ITEM_COST


def total_seconds(pool: Pool, picks: Picks) -> int:
    cands = pool.candidates
    positions = {cands[p.cand].rank for p in picks}
    work = sum(dosing.SETUP_SECONDS + cands[p.cand].work[p.dose] for p in picks)
    return work + dosing.POSITION_CHANGE_SECONDS * max(0, len(positions) - 1)


def evaluate(pool: Pool, picks: Picks) -> Score:
    cands = pool.candidates
    budget = pool.budget
    total = total_seconds(pool, picks)
    covered: dict[str, float] = {}
    directions: set[str] = set()
    item_sum = 0.0
    for p in picks:
        cand = cands[p.cand]
        item_sum += quality(pool, p)
        if p.block != "main":
            continue
        directions |= cand.directions
        for region, credit in cand.credit:
            covered[region] = covered.get(region, 0.0) + credit * cand.work[p.dose]
    cover = 1.0
    if pool.weights:
        cover = 0.0
        for region, share in pool.weights:
            target = share * COVER_SHARE * budget
            cover += share * min(1.0, covered.get(region, 0.0) / target)
    balance = 1.0
    if pool.directions_available:
        balance = min(len(directions), pool.directions_available) / pool.directions_available
    n_positions = len({cands[p.cand].rank for p in picks})
    positions = 1.0 - max(0, n_positions - 1) / MAX_CHANGES
    fill = min(1.0, total / budget)
    n0 = max(1.0, budget / SECONDS_PER_ITEM)
    value = (
        W_COVER * cover
        + W_BALANCE * balance
        + W_POSITIONS * positions
        + W_FILL * fill
        + W_ITEMS * item_sum / n0
    )
    return Score(value, total, cover, balance, positions, fill)


def ordered(pool: Pool, picks: Picks, direction: int) -> list[Pick]:
    """Blocks in order; inside a block, positions in the routine's one direction."""
    cands = pool.candidates
    return sorted(
        picks,
        key=lambda p: (BLOCK_ORDER[p.block], direction * cands[p.cand].rank, cands[p.cand].id),
    )


def monotone(pool: Pool, picks: Picks, direction: int) -> bool:
    """True when the blocks never make the person go back to a position they left."""
    cands = pool.candidates
    lows = [10**6, 10**6, 10**6]
    highs = [-(10**6), -(10**6), -(10**6)]
    for p in picks:
        b = BLOCK_ORDER[p.block]
        r = direction * cands[p.cand].rank
        lows[b] = min(lows[b], r)
        highs[b] = max(highs[b], r)
    top = -(10**6)
    for b in range(3):
        if lows[b] == 10**6:
            continue
        if lows[b] < top:
            return False
        top = highs[b]
    return True


def covered_regions(pool: Pool, picks: Picks) -> set[str]:
    cands = pool.candidates
    return {r for p in picks if p.block == "main" for r, _ in cands[p.cand].credit}
