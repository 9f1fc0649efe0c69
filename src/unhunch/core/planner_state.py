"""A routine under construction with running sums, so the search scores a move in O(1).

`State.value()` equals `planner_score.evaluate(...).value` for the same picks (a test pins it);
the search tries a move with add/remove, reads the value, and undoes it.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TypeVar

from unhunch.core import dosing
from unhunch.core.planner_pool import Pool
from unhunch.core.planner_score import (
    BLOCK_ORDER,
    COVER_SHARE,
    MAX_CHANGES,
    SECONDS_PER_ITEM,
    W_BALANCE,
    W_COVER,
    W_FILL,
    W_ITEMS,
    W_POSITIONS,
    W_SHAPE,
    Pick,
    Picks,
    block_changes,
    quality_table,
)

K = TypeVar("K", int, str)
POSITION_CHANGE = dosing.POSITION_CHANGE_SECONDS


class State:
    def __init__(self, pool: Pool, direction: int) -> None:
        self.pool = pool
        self.direction = direction
        self.picks: dict[int, Pick] = {}
        self.work = 0
        self.q = 0.0
        self.block_ranks: list[dict[int, int]] = [{}, {}, {}]
        self.covered: dict[str, float] = {r: 0.0 for r, _ in pool.weights}
        self.dirs: dict[str, int] = {}
        self.n_main = 0
        self._changes: int | None = 0
        self.quality = quality_table(pool)
        self.targets = [(r, s, s * COVER_SHARE * pool.budget) for r, s in pool.weights]
        self.n0 = max(1.0, pool.budget / SECONDS_PER_ITEM)
        # value() = constant + the terms that change, each with its unit worked out once.
        self.budget = pool.budget
        self.n_dirs = pool.directions_available
        self.balance_unit = W_BALANCE / self.n_dirs if self.n_dirs else 0.0
        self.position_unit = W_POSITIONS / MAX_CHANGES
        self.n_target = pool.n_main
        self.shape_unit = W_SHAPE / max(1.0, pool.n_main)
        self.item_unit = W_ITEMS / self.n0
        self.constant = W_POSITIONS + W_SHAPE + (0.0 if self.n_dirs else W_BALANCE)
        self.fill_unit = W_FILL / pool.budget
        # cover = Σ W_COVER·share·min(1, seconds/target) = Σ unit·min(target, seconds)
        self.cover_units = [(r, W_COVER * s / t, t) for r, s, t in self.targets]
        # Once the search reaches 85 % of the budget, no later move may fall below it.
        self.min_total = 0
        self.skip: frozenset[int] = frozenset()  # candidates the search must not add
        # Main items must work a painful region until nothing else can fill the time.
        self.allow_off_target = not pool.weights
        # Once set, moves may not leave more main items off the painful regions than this.
        self.off_limit: int | None = None

    def copy_picks(self) -> Picks:
        return tuple(self.picks.values())

    def add(self, pick: Pick) -> None:
        cand = self.pool.candidates[pick.cand]
        self.picks[pick.cand] = pick
        self.work += dosing.SETUP_SECONDS + cand.work[pick.dose]
        self.q += self.quality[pick.block][pick.cand][pick.dose]
        br = self.block_ranks[BLOCK_ORDER[pick.block]]
        r = self.direction * cand.rank
        br[r] = br.get(r, 0) + 1
        self._changes = None
        if pick.block == "main":
            self.n_main += 1
            for region, credit in cand.credit:
                self.covered[region] += credit * cand.cover_work[pick.dose]
            for d in cand.directions:
                self.dirs[d] = self.dirs.get(d, 0) + 1

    def remove(self, pick: Pick) -> None:
        cand = self.pool.candidates[pick.cand]
        del self.picks[pick.cand]
        self.work -= dosing.SETUP_SECONDS + cand.work[pick.dose]
        self.q -= self.quality[pick.block][pick.cand][pick.dose]
        _dec(self.block_ranks[BLOCK_ORDER[pick.block]], self.direction * cand.rank)
        self._changes = None
        if pick.block == "main":
            self.n_main -= 1
            for region, credit in cand.credit:
                self.covered[region] -= credit * cand.cover_work[pick.dose]
            for d in cand.directions:
                _dec(self.dirs, d)

    def set_dose(self, pick: Pick, dose: int) -> Pick:
        """The same item at another dose (positions and blocks stay: only sums change)."""
        cand = self.pool.candidates[pick.cand]
        new = Pick(pick.cand, pick.block, dose)
        self.picks[pick.cand] = new
        self.work += cand.work[dose] - cand.work[pick.dose]
        row = self.quality[pick.block][pick.cand]
        self.q += row[dose] - row[pick.dose]
        if pick.block == "main":
            for region, credit in cand.credit:
                self.covered[region] += credit * (
                    cand.cover_work[dose] - cand.cover_work[pick.dose]
                )
        return new

    def changes(self) -> int:
        """Position changes in the played order (planner_score.block_changes), cached: only
        adding or removing an item can change them, not a dose step."""
        if self._changes is None:
            self._changes = block_changes(self.block_ranks)
        return self._changes

    def total(self) -> int:
        return self.work + POSITION_CHANGE * self.changes()

    def fits(self) -> bool:
        return self.min_total <= self.total() <= self.budget

    def value(self) -> float:
        """J for the current picks (the same as `planner_score.evaluate`, from running sums;
        written for speed: the search calls it hundreds of thousands of times)."""
        cover = W_COVER
        if self.targets:
            covered = self.covered
            cover = 0.0
            for r, unit, t in self.cover_units:
                c = covered[r]
                cover += unit * (t if c >= t else c)
        changes = self.changes()
        total = self.work + POSITION_CHANGE * changes
        fill = W_FILL if total >= self.budget else self.fill_unit * total
        dirs = len(self.dirs)
        if dirs > self.n_dirs:
            dirs = self.n_dirs
        gap = self.n_main - self.n_target
        return (
            cover
            + self.balance_unit * dirs
            - self.position_unit * changes
            + fill
            - self.shape_unit * (gap if gap >= 0 else -gap)
            + self.item_unit * self.q
            + self.constant
        )

    def covers(self, region: str) -> bool:
        cands = self.pool.candidates
        return any(
            p.block == "main" and any(r == region for r, _ in cands[p.cand].credit)
            for p in self.picks.values()
        )

    def best_dose(self, cand: int, block: str) -> int | None:
        """The person's own dose for cand, or the nearest gentler one that fits; None if none."""
        c = self.pool.candidates[cand]
        b = BLOCK_ORDER[block]  # type: ignore[index]
        r = self.direction * c.rank
        changes = self.changes()
        if r not in self.block_ranks[b]:
            blocks: list[Collection[int]] = list(self.block_ranks)
            blocks[b] = {*blocks[b], r}
            changes = block_changes(blocks)
        room = self.pool.budget - self.work - dosing.SETUP_SECONDS - POSITION_CHANGE * changes
        for dose in range(c.personal, -1, -1):
            if c.work[dose] <= room:
                return dose
        return None


def _dec(counter: dict[K, int], key: K) -> None:
    value = counter[key] - 1
    if value:
        counter[key] = value
    else:
        del counter[key]
