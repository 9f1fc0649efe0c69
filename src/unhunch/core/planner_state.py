"""A routine under construction with running sums, so the search scores a move in O(1).

`State.value()` equals `planner_score.evaluate(...).value` for the same picks (a test pins it);
the search tries a move with add/remove, reads the value, and undoes it.
"""

from __future__ import annotations

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
        self.ranks: dict[int, int] = {}
        self.block_ranks: list[dict[int, int]] = [{}, {}, {}]
        self.covered: dict[str, float] = {r: 0.0 for r, _ in pool.weights}
        self.dirs: dict[str, int] = {}
        self.n_main = 0
        self._monotone: bool | None = True
        self._bounds: list[tuple[int, int] | None] | None = None
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
        self.ranks[cand.rank] = self.ranks.get(cand.rank, 0) + 1
        br = self.block_ranks[BLOCK_ORDER[pick.block]]
        r = self.direction * cand.rank
        br[r] = br.get(r, 0) + 1
        self._monotone = None
        self._bounds = None
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
        _dec(self.ranks, cand.rank)
        _dec(self.block_ranks[BLOCK_ORDER[pick.block]], self.direction * cand.rank)
        self._monotone = None
        self._bounds = None
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

    def total(self) -> int:
        return self.work + dosing.POSITION_CHANGE_SECONDS * max(0, len(self.ranks) - 1)

    def fits(self) -> bool:
        total = self.work + dosing.POSITION_CHANGE_SECONDS * max(0, len(self.ranks) - 1)
        return self.min_total <= total <= self.budget and self.monotone()

    def monotone(self) -> bool:
        """True when no block makes the person go back to a position (cached: only adding or
        removing an item can change it, not a dose step)."""
        if self._monotone is None:
            self._monotone = self._check_monotone()
        return self._monotone

    def bounds(self) -> list[tuple[int, int] | None]:
        """Each block's lowest and highest position (in the routine's direction), cached
        until an item is added or removed."""
        if self._bounds is None:
            self._bounds = [(min(br), max(br)) if br else None for br in self.block_ranks]
        return self._bounds

    def _check_monotone(self) -> bool:
        top: int | None = None
        for br in self.block_ranks:
            if not br:
                continue
            if top is not None and min(br) < top:
                return False
            top = max(br)
        return True

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
        changes = len(self.ranks) - 1
        if changes < 0:
            changes = 0
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
        for i, bounds in enumerate(self.bounds()):
            if bounds and ((i < b and bounds[1] > r) or (i > b and bounds[0] < r)):
                return None
        n_positions = len(self.ranks) + (0 if c.rank in self.ranks else 1)
        room = (
            self.pool.budget
            - self.work
            - dosing.SETUP_SECONDS
            - dosing.POSITION_CHANGE_SECONDS * max(0, n_positions - 1)
        )
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
