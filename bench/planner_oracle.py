"""The exact optimum for bench/planner.py (a helper, not a benchmark of its own): the best
routine for the planner's J under the spec's hard rules, by OR-Tools CP-SAT.

The rules (spec/profile-and-routine.md), not the planner's own choices: a warm-up and a
cool-down in a routine of 3 minutes or more whenever an allowed exercise may serve
(planner_edges, through the pool's blocks), at most the design's one per 25 minutes; every
favourite that fits; every painful region worked by a main item; 85 % of the minutes; total
within the budget. Rules the budget cannot keep are dropped in the spec's order (fill, then
coverage). Position changes are counted in the played order, as the planner counts them. The
one rule of the planner's own the oracle shares: no more main items off the painful regions
than the planner needed.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from unhunch.core import dosing
from unhunch.core.planner import FILL_FLOOR
from unhunch.core.planner_counts import block_count
from unhunch.core.planner_pool import Pool
from unhunch.core.planner_score import (
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
    evaluate,
    off_target,
    quality,
)
from unhunch.core.planner_search import required_regions

SCALE = 10_000


def _rules_model(
    m: cp_model.CpModel,
    pool: Pool,
    x: dict[tuple[int, str, int], cp_model.IntVar],
    like: Picks,
    keep: set[str],
) -> None:
    """The spec's hard rules on the picks (rules 1 and 4 hold by the pool and the variables).
    `keep` names the rules asked for: a rule the budget cannot keep is dropped by `exact`, as
    the spec allows ("unless the allowed exercises cannot fill it", "when the budget allows")."""
    cands = pool.candidates

    def sel(i: int, b: str) -> cp_model.LinearExprT:
        return sum(x[i, b, k] for k in range(len(cands[i].doses)))

    # 5. a routine of 3 minutes or more has a warm-up and a cool-down whenever an allowed
    # exercise may serve there (planner_edges decides which may; the pool's blocks say so);
    # "about one" item each up to 25 minutes is the design's shape, the same bound for both.
    n = block_count(pool.budget)
    for block in ("warm_up", "cool_down"):
        options = [i for i, c in enumerate(cands) if block in c.blocks]
        count = sum(sel(i, block) for i in options)
        m.Add(count <= n)
        if "edges" in keep and n and options:
            m.Add(count >= 1)
    # 6. favourites appear (those that fit: the pool's forced list).
    for i in pool.forced:
        m.Add(sum(sel(i, b) for b in cands[i].blocks) == 1)
    # 3. every painful region is worked by a main item.
    if "cover" in keep:
        for r in required_regions(pool):
            m.Add(
                sum(
                    sel(i, "main")
                    for i, c in enumerate(cands)
                    if "main" in c.blocks and any(rr == r for rr, _ in c.credit)
                )
                >= 1
            )
    # The planner's own rule (its docstring): main items work a painful region unless nothing
    # else can fill the time; no more off them than the planner needed.
    if pool.weights:
        m.Add(
            sum(
                sel(i, "main")
                for i, c in enumerate(cands)
                if "main" in c.blocks and not c.relevant and i not in pool.forced
            )
            <= off_target(pool, like)
        )


def _changes_model(
    m: cp_model.CpModel, pool: Pool, x: dict[tuple[int, str, int], cp_model.IntVar], d: int
) -> cp_model.LinearExprT:
    """Position changes in the played order (planner_score.block_changes): each block sorted
    by d × rank; one change per further position in a block, and one between blocks unless
    the first ends where the next begins. The main block is never empty here."""
    cands = pool.candidates
    ranks = sorted({d * c.rank for c in cands})
    u: dict[tuple[int, int], cp_model.IntVar] = {}
    nonempty = []
    for b, block in enumerate(("warm_up", "main", "cool_down")):
        for r in ranks:
            at = [v for (i, bb, _), v in x.items() if bb == block and d * cands[i].rank == r]
            u[b, r] = m.NewBoolVar(f"u{b}_{r}")
            for v in at:
                m.AddImplication(v, u[b, r])
            m.Add(u[b, r] <= sum(at))
        nb = m.NewBoolVar(f"n{b}")
        for r in ranks:
            m.AddImplication(u[b, r], nb)
        m.Add(nb <= sum(u[b, r] for r in ranks))
        nonempty.append(nb)
    m.Add(nonempty[1] == 1)
    same = []
    for a, b in ((0, 1), (1, 2)):
        for r in ranks:
            # s: block a ends at r and block b begins at r (the solver sets it when it can).
            s = m.NewBoolVar(f"s{a}_{r}")
            m.Add(s <= u[a, r])
            m.Add(s <= u[b, r])
            for rr in ranks:
                if rr > r:
                    m.Add(s + u[a, rr] <= 1)
                if rr < r:
                    m.Add(s + u[b, rr] <= 1)
            same.append(s)
    within = sum(u.values()) - sum(nonempty)
    return within + nonempty[0] + nonempty[2] - sum(same)


def exact(
    pool: Pool, like: Picks, direction: int, seconds: float, keep: set[str]
) -> tuple[Picks | None, bool]:
    """The best picks for J under the spec's hard rules (those in `keep`), by CP-SAT."""
    m = cp_model.CpModel()
    cands = pool.candidates
    budget = pool.budget
    x: dict[tuple[int, str, int], cp_model.IntVar] = {}
    for i, c in enumerate(cands):
        for b in c.blocks:
            for k in range(len(c.doses)):
                x[i, b, k] = m.NewBoolVar(f"x{i}{b}{k}")
        m.Add(sum(x[i, b, k] for b in c.blocks for k in range(len(c.doses))) <= 1)
    _rules_model(m, pool, x, like, keep)
    changes = _changes_model(m, pool, x, direction)
    total = sum((dosing.SETUP_SECONDS + cands[i].work[k]) * v for (i, b, k), v in x.items())
    total = total + dosing.POSITION_CHANGE_SECONDS * changes
    m.Add(total <= budget)
    # 2. 85 % of the minutes, unless the allowed exercises cannot fill them.
    if "fill" in keep:
        m.Add(100 * total >= int(100 * FILL_FLOOR) * budget)
    objective: list[cp_model.LinearExprT] = []
    for r, share in pool.weights:
        target2 = max(1, round(2 * share * COVER_SHARE * budget))
        cov2 = sum(
            round(2 * credit * cands[i].cover_work[k]) * v
            for (i, b, k), v in x.items()
            if b == "main"
            for rr, credit in cands[i].credit
            if rr == r
        )
        capped = m.NewIntVar(0, target2, f"c{r}")
        m.Add(capped <= cov2)
        objective.append(round(SCALE * W_COVER * share / target2 * 1000) * capped)
    dirs = sorted({d for c in cands if "main" in c.blocks for d in c.directions})
    if pool.directions_available:
        for d in dirs:
            y = m.NewBoolVar(f"d{d}")
            m.Add(
                y
                <= sum(
                    sum(x[i, "main", k] for k in range(len(c.doses)))
                    for i, c in enumerate(cands)
                    if "main" in c.blocks and d in c.directions
                )
            )
            objective.append(round(SCALE * 1000 * W_BALANCE / pool.directions_available) * y)
    objective.append(-round(SCALE * 1000 * W_POSITIONS / MAX_CHANGES) * changes)
    objective.append(round(SCALE * 1000 * W_FILL / budget) * total)
    # shape: −W_SHAPE·|main items − n*|/n* (in hundredths of an item)
    n_main = sum(v for (i, b, k), v in x.items() if b == "main")
    target = round(100 * pool.n_main)
    dev = m.NewIntVar(0, 100 * (len(cands) + 1) + target, "dev")
    m.Add(dev >= 100 * n_main - target)
    m.Add(dev >= target - 100 * n_main)
    objective.append(-round(SCALE * 10 * W_SHAPE / max(1.0, pool.n_main)) * dev)
    n0 = max(1.0, budget / SECONDS_PER_ITEM)
    for (i, b, k), v in x.items():
        q = quality(pool, Pick(i, b, k))  # type: ignore[arg-type]
        objective.append(round(SCALE * 1000 * W_ITEMS * q / n0) * v)
    m.Maximize(sum(objective))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = 2
    status = solver.Solve(m)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, status == cp_model.INFEASIBLE  # infeasible is proven too
    picks = tuple(Pick(i, b, k) for (i, b, k), v in x.items() if solver.Value(v))  # type: ignore[arg-type]
    return picks, status == cp_model.OPTIMAL


# The spec's rules an exact solution keeps, dropped one by one (fill first, as the spec allows
# a note for it; then coverage) when the budget cannot keep them all.
RULE_SETS = ({"edges", "cover", "fill"}, {"edges", "cover"}, {"edges"})


def optimum(pool: Pool, like: Picks, seconds: float) -> tuple[Picks | None, bool]:
    """The best picks over both directions under as many of the spec's rules as can hold."""
    for keep in RULE_SETS:
        best: Picks | None = None
        all_optimal = True
        for d in (1, -1):
            found, optimal = exact(pool, like, d, seconds, keep)
            all_optimal &= optimal
            if found is not None and (
                best is None or evaluate(pool, found).value > evaluate(pool, best).value
            ):
                best = found
        if best is not None:
            return best, all_optimal
    return None, False
