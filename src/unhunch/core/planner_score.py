"""The planner's objective: one number for how good a routine is (higher is better).

    J = 40·cover + 20·balance + 10·positions + 20·fill + 15·shape + 5·Σ item_quality / N0

The shape rule (a physio gives fewer exercises, each done properly): the time budget is filled
mainly by growing each item's dose — sets first, then the hold or the reps, up to the ladder's
ceilings and the level and pain caps in dosing.py — not by adding exercises. A routine has
about one warm-up item, about one main item per 60-100 s of the main block (fewer, longer
items as the budget grows: `planner_counts.main_target`), and about one cool-down item; so
3 min → warm-up + 1-2 main + cool-down, 8 min → warm-up + 4-5 main + cool-down, 20 min →
about 9 main with two warm-up and two cool-down items. A stretch aims for about 60 s in all
per side, e.g. 3 holds of 20 s [D1, D2].

- cover: main-block seconds on each painful region, against a target in proportion to its pain
  (half the budget split by pain); Σ_r share_r · min(1, seconds_r / target_r). A region gets
  full credit from exercises where it is the primary region, 0.3 where it is secondary; one
  item counts at most 120 s (so a region is covered by several exercises, not one long one).
- balance: how many of the four directions (bend forward, bend back, twist, side-bend) the main
  block touches, out of those the allowed exercises can offer (at most 4).
- positions: 1 − (position changes)/7. Each block is played in one direction (up to down or
  down to up), items grouped by position; changes are counted in that played order, so a
  routine that moves one way only has positions used − 1, and one whose warm-up or cool-down
  goes back to a position it left pays for each return (in time too). The one-way order is a
  preference, never a rule above spec rule 5: a warm-up in bed may be lying on the back before
  side-lying work and a lying cool-down.
- fill: total seconds / budget seconds.
- shape: 1 − |main items − n*| / n*, n* from `main_target` (so an item past n* costs more than
  the time it fills is worth, unless it adds a direction or a region).
- item quality per item: variety against the last days (1 when not done lately), a small
  day-seeded preference (so the choice moves from day to day), whether it works a painful
  region, closeness of the dose to the person's own dose, whether the dose is enough to count
  (about 60 s per side for a stretch, 40 s for other work, 30 s for a warm-up; a single set of
  a stretch, mobility or strength exercise counts half), less a fixed cost per item;
  N0 = budget/90 s keeps the term comparable across budgets.
Hard rules are constraints on the search, never terms of J; so is the rule that every main
item works a painful region (primary or secondary) unless nothing else can fill the time.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from unhunch.core import dosing
from unhunch.core.models import BlockName
from unhunch.core.planner_pool import Pool

W_COVER = 40.0
W_BALANCE = 20.0
W_POSITIONS = 10.0
W_FILL = 20.0
W_ITEMS = 5.0
W_SHAPE = 15.0
COVER_SHARE = 0.5
MAX_CHANGES = 7
SECONDS_PER_ITEM = 90.0
ITEM_COST = 5.0
# Seconds per side at which a dose counts in full (D2: about 60 s per stretch).
ENOUGH_SECONDS = {"stretch": 60, "warm_up": 30}
ENOUGH_DEFAULT = 40
W_ENOUGH = 3.0
SETS_KINDS = frozenset({"stretch", "mobility", "strength"})

BLOCK_ORDER: dict[BlockName, int] = {"warm_up": 0, "main": 1, "cool_down": 2}


class Pick(NamedTuple):
    """One item: a candidate (index into the pool), its block and its dose (index into the
    candidate's doses). A named tuple: the search makes hundreds of thousands of them."""

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
    shape: float


def quality(pool: Pool, pick: Pick) -> float:
    """Per item: variety, the day's preference, dose closeness and a dose that is enough, less a
    cost per item (so items are added for coverage, balance and time, not for their own sake)."""
    cand = pool.candidates[pick.cand]
    gap = pick.dose - cand.personal
    # Below the person's own dose costs more than above it (more work fills the time).
    # A warm-up stays short: each step above the person's own dose costs it half a point.
    above = gap / 2.0 if pick.block == "warm_up" else min(gap / 24.0, 1.0)
    # Below it costs more: the person's own dose is what a physio would give.
    closeness = 1.0 - (min(-gap, 3) / 1.5 if gap < 0 else above)
    relevant = 1.0 if cand.credit or not pool.weights else 0.0
    enough = ENOUGH_SECONDS.get(cand.exercise.kind, ENOUGH_DEFAULT)
    side = cand.side_work[pick.dose]
    adequacy = min(1.0, side / enough)
    if cand.exercise.kind in SETS_KINDS and cand.doses[pick.dose].sets < 2:
        adequacy /= 2  # reps and holds come in sets: one set is half a dose [D2, D3]
    # Past twice enough, a bigger dose only spends time other exercises could use.
    excess = min(1.0, max(0.0, side - 2 * enough) / (2 * enough))
    return (
        0.5 * cand.jitter
        + 0.5 * cand.fresh
        + relevant
        + closeness
        + W_ENOUGH * (adequacy - excess)
        - ITEM_COST
    )


def quality_table(pool: Pool) -> dict[str, list[list[float]]]:
    """Item quality for every block, candidate and dose; worked out once per pool."""
    table = pool.memo.get("quality")
    if table is None:
        table = {
            block: [
                [quality(pool, Pick(i, block, d)) for d in range(len(c.doses))]
                if block in c.blocks
                else []
                for i, c in enumerate(pool.candidates)
            ]
            for block in BLOCK_ORDER
        }
        pool.memo["quality"] = table
    return table  # type: ignore[return-value]


def shape(pool: Pool, n_main: int) -> float:
    """1 at the target number of main items, less 1/n* for each item more or fewer."""
    return 1.0 - abs(n_main - pool.n_main) / max(1.0, pool.n_main)


def block_changes(blocks: Iterable[Collection[int]]) -> int:
    """Position changes when blocks are played in order, each sorted by its positions (given
    as direction × rank): within a block, one per further position; between two blocks, one
    unless the first ends where the next begins."""
    out = 0
    last: int | None = None
    for ranks in blocks:
        if not ranks:
            continue
        out += len(ranks) - 1
        if last is not None and min(ranks) != last:
            out += 1
        last = max(ranks)
    return out


def changes(pool: Pool, picks: Picks, direction: int) -> int:
    blocks: list[set[int]] = [set(), set(), set()]
    for p in picks:
        blocks[BLOCK_ORDER[p.block]].add(direction * pool.candidates[p.cand].rank)
    return block_changes(blocks)


def best_direction(pool: Pool, picks: Picks, direction: int = 1) -> int:
    """The direction that plays the picks with the fewest position changes (`direction` on
    a tie)."""
    return (
        direction
        if changes(pool, picks, direction) <= changes(pool, picks, -direction)
        else -direction
    )


def total_seconds(pool: Pool, picks: Picks, direction: int | None = None) -> int:
    cands = pool.candidates
    d = best_direction(pool, picks) if direction is None else direction
    work = sum(dosing.SETUP_SECONDS + cands[p.cand].work[p.dose] for p in picks)
    return work + dosing.POSITION_CHANGE_SECONDS * changes(pool, picks, d)


def evaluate(pool: Pool, picks: Picks, direction: int | None = None) -> Score:
    """J for the picks played in `direction` (by default the one with fewer changes)."""
    cands = pool.candidates
    budget = pool.budget
    d = best_direction(pool, picks) if direction is None else direction
    n_changes = changes(pool, picks, d)
    total = total_seconds(pool, picks, d)
    covered: dict[str, float] = {}
    directions: set[str] = set()
    item_sum = 0.0
    n_main = 0
    table = quality_table(pool)
    for p in picks:
        cand = cands[p.cand]
        item_sum += table[p.block][p.cand][p.dose]
        if p.block != "main":
            continue
        n_main += 1
        directions |= cand.directions
        for region, credit in cand.credit:
            covered[region] = covered.get(region, 0.0) + credit * cand.cover_work[p.dose]
    cover = 1.0
    if pool.weights:
        cover = 0.0
        for region, share in pool.weights:
            target = share * COVER_SHARE * budget
            cover += share * min(1.0, covered.get(region, 0.0) / target)
    balance = 1.0
    if pool.directions_available:
        balance = min(len(directions), pool.directions_available) / pool.directions_available
    positions = 1.0 - n_changes / MAX_CHANGES
    fill = min(1.0, total / budget)
    n0 = max(1.0, budget / SECONDS_PER_ITEM)
    form = shape(pool, n_main)
    value = (
        W_COVER * cover
        + W_BALANCE * balance
        + W_POSITIONS * positions
        + W_FILL * fill
        + W_SHAPE * form
        + W_ITEMS * item_sum / n0
    )
    return Score(value, total, cover, balance, positions, fill, form)


def ordered(pool: Pool, picks: Picks, direction: int) -> list[Pick]:
    """Blocks in order; inside a block, positions in the routine's one direction."""
    cands = pool.candidates
    return sorted(
        picks,
        key=lambda p: (BLOCK_ORDER[p.block], direction * cands[p.cand].rank, cands[p.cand].id),
    )


def off_target(pool: Pool, picks: Picks) -> int:
    """Main items that work no painful region, favourites aside."""
    cands = pool.candidates
    return (
        sum(
            1
            for p in picks
            if p.block == "main" and not cands[p.cand].relevant and p.cand not in pool.forced
        )
        if pool.weights
        else 0
    )


def covered_regions(pool: Pool, picks: Picks) -> set[str]:
    cands = pool.candidates
    return {r for p in picks if p.block == "main" for r, _ in cands[p.cand].credit}
