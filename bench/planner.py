"""Planner benchmark: speed over 1,000 random profiles, and quality against the exact optimum.

Speed: median CPU time of `plan()` per profile (target under 5 ms), with the time to build
the candidate pool alone as the same-run baseline. CPU time (not wall time), so other work on
a shared machine does not count against the planner.
Quality: the planner's objective J (core/planner_score.py) divided by the exact optimum of the
same J on the same instance, found by OR-Tools CP-SAT under the same hard constraints (same
favourites, at least the same painful regions covered, the same warm-up and cool-down counts,
85 % fill when the planner met it, no more main items off the painful regions than the planner
used, total within budget, one-way position order). Target: mean ratio ≥ 0.99.
Run: .venv/bin/python bench/planner.py [N_SPEED] [N_QUALITY]
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import time

from ortools.sat.python import cp_model

from unhunch.content import load_library
from unhunch.core import dosing
from unhunch.core.models import Profile
from unhunch.core.planner import (
    FILL_FLOOR,
    RULES,
    alternative,
    best_plan,
    plan,
    rank_key,
    signature,
)
from unhunch.core.planner_pool import Pool, build_pool
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
from unhunch.core.progression import History
from unhunch.core.vocab import CONDITIONS, EQUIPMENT, LEVELS, PAIN_REGIONS, SETTINGS

SCALE = 10_000


def random_profile(rng: random.Random, ids: list[str]) -> tuple[Profile, dt.date]:
    profile = Profile(
        pain={r: rng.choice([0, 0, *range(1, 11)]) for r in PAIN_REGIONS},
        minutes=rng.randint(1, 60),
        setting=rng.choice(SETTINGS),
        equipment=rng.sample(EQUIPMENT, rng.randint(0, 3)),
        level=rng.choice(LEVELS),
        conditions=rng.sample(CONDITIONS, rng.choice([0, 0, 1, 2, 3])),
        favourites=rng.sample(ids, rng.choice([0, 0, 1, 2])),
        excluded=rng.sample(ids, rng.choice([0, 1, 3])),
        breath_seconds=rng.randint(3, 12),
    )
    return profile, dt.date(2026, 1, 1) + dt.timedelta(days=rng.randint(0, 700))


def final_picks(profile: Profile, on: dt.date, library: object) -> tuple[Pool, Picks, int]:
    """What plan() returns, as picks: the best search, then the odd-day variety guard."""
    pool = build_pool(profile, library, History(), on)  # type: ignore[arg-type]
    picks, direction = best_plan(pool)
    if on.toordinal() % 2 == 1:
        banned = {
            signature(pool, best_plan(build_pool(profile, library, History(), d))[0])  # type: ignore[arg-type]
            for d in (on - dt.timedelta(days=1), on + dt.timedelta(days=1))
        }
        if signature(pool, picks) in banned:
            picks = alternative(pool, picks, direction, banned)
    return pool, picks, direction


def exact(pool: Pool, like: Picks, direction: int, seconds: float) -> tuple[Picks | None, bool]:
    """The best picks for J under the planner's hard constraints, by CP-SAT."""
    m = cp_model.CpModel()
    cands = pool.candidates
    budget = pool.budget
    x: dict[tuple[int, str, int], cp_model.IntVar] = {}
    for i, c in enumerate(cands):
        for b in c.blocks:
            for k in range(len(c.doses)):
                x[i, b, k] = m.NewBoolVar(f"x{i}{b}{k}")
        m.Add(sum(x[i, b, k] for b in c.blocks for k in range(len(c.doses))) <= 1)

    def sel(i: int, b: str) -> cp_model.LinearExprT:
        return sum(x[i, b, k] for k in range(len(cands[i].doses)))

    for block, count in (("warm_up", 0), ("cool_down", 0)):
        wanted = sum(1 for p in like if p.block == block) + count
        m.Add(sum(sel(i, block) for i, c in enumerate(cands) if block in c.blocks) == wanted)
    for i in {p.cand for p in like if p.cand in pool.forced}:
        m.Add(sum(sel(i, b) for b in cands[i].blocks) == 1)
    covered = {r for p in like if p.block == "main" for r, _ in cands[p.cand].credit}
    for r in set(required_regions(pool)) & covered:
        m.Add(
            sum(
                sel(i, "main")
                for i, c in enumerate(cands)
                if "main" in c.blocks and any(rr == r for rr, _ in c.credit)
            )
            >= 1
        )
    if pool.weights:
        m.Add(
            sum(
                sel(i, "main")
                for i, c in enumerate(cands)
                if "main" in c.blocks and not c.relevant and i not in pool.forced
            )
            <= off_target(pool, like)
        )
    order = {"warm_up": 0, "main": 1, "cool_down": 2}
    entries = [(i, b) for i, c in enumerate(cands) for b in c.blocks]
    for i, b in entries:
        for j, bb in entries:
            if order[b] < order[bb] and direction * cands[i].rank > direction * cands[j].rank:
                m.Add(sel(i, b) + sel(j, bb) <= 1)
    ranks = sorted({c.rank for c in cands})
    used = {}
    for r in ranks:
        at = [x[key] for key in x if cands[key[0]].rank == r]
        used[r] = m.NewBoolVar(f"p{r}")
        for v in at:
            m.AddImplication(v, used[r])
        m.Add(used[r] <= sum(at))
    n_pos = sum(used.values())
    m.Add(n_pos >= 1)
    total = sum((dosing.SETUP_SECONDS + cands[i].work[k]) * v for (i, b, k), v in x.items())
    total = total + dosing.POSITION_CHANGE_SECONDS * (n_pos - 1)
    m.Add(total <= budget)
    if evaluate(pool, like).total >= FILL_FLOOR * budget:
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
                    sel(i, "main")
                    for i, c in enumerate(cands)
                    if "main" in c.blocks and d in c.directions
                )
            )
            objective.append(round(SCALE * 1000 * W_BALANCE / pool.directions_available) * y)
    objective.append(-round(SCALE * 1000 * W_POSITIONS / MAX_CHANGES) * n_pos)
    objective.append(round(SCALE * 1000 * W_FILL / budget) * total)
    # shape: −W_SHAPE·|main items − n*|/n* (in hundredths of an item)
    n_main = sum(sel(i, "main") for i, c in enumerate(cands) if "main" in c.blocks)
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
    solver.parameters.num_workers = 8
    status = solver.Solve(m)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, status == cp_model.INFEASIBLE  # infeasible is proven too
    picks = tuple(Pick(i, b, k) for (i, b, k), v in x.items() if solver.Value(v))  # type: ignore[arg-type]
    return picks, status == cp_model.OPTIMAL


def main() -> None:
    n_speed = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    n_quality = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    library = load_library()
    ids = sorted(library.exercises)
    rng = random.Random(20261124)
    cases = [random_profile(rng, ids) for _ in range(n_speed)]
    for profile, on in cases[:20]:  # warm caches
        plan(profile, library, None, on)
    plan_times, pool_times = [], []
    for profile, on in cases:
        t0 = time.process_time()
        build_pool(profile, library, History(), on)
        t1 = time.process_time()
        plan(profile, library, None, on)
        t2 = time.process_time()
        pool_times.append(t1 - t0)
        plan_times.append(t2 - t1)
    med = statistics.median(plan_times) * 1000
    base = statistics.median(pool_times) * 1000
    p95 = sorted(plan_times)[int(0.95 * len(plan_times))] * 1000
    print(
        f"speed: {len(cases)} profiles, median plan {med:.2f} ms (p95 {p95:.2f} ms); "
        f"baseline pool build {base:.2f} ms; ratio {med / base:.1f}x; target < 5 ms: "
        f"{'met' if med < 5 else 'MISSED'}"
    )
    ratios, raw_ratios, proven = [], [], 0
    for profile, on in cases[:n_quality]:
        pool, picks, _ = final_picks(profile, on, library)
        raw, _ = best_plan(pool)
        best_value = None
        all_optimal = True
        for d in (1, -1):
            found, optimal = exact(pool, raw, d, 10.0)
            all_optimal &= optimal
            if found is None or rank_key(pool, found)[:RULES] < rank_key(pool, raw)[:RULES]:
                continue
            value = evaluate(pool, found).value
            best_value = value if best_value is None else max(best_value, value)
        if best_value is None:
            continue
        proven += all_optimal
        raw_ratios.append(evaluate(pool, raw).value / best_value)
        ratios.append(evaluate(pool, picks).value / best_value)
    print(
        f"quality: {len(ratios)} instances ({proven} proven optimal by CP-SAT); "
        f"J(planner)/J(optimum) mean {statistics.mean(raw_ratios):.4f} "
        f"(min {min(raw_ratios):.4f}); after the odd-day variety guard mean "
        f"{statistics.mean(ratios):.4f} (min {min(ratios):.4f}); target ≥ 0.99: "
        f"{'met' if statistics.mean(raw_ratios) >= 0.99 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
