"""Planner benchmark: speed over 1,000 random profiles, and quality against the exact optimum.

Speed: median CPU time of `plan()` per profile (target under 5 ms), with the time to build
the candidate pool alone as the same-run baseline. CPU time (not wall time), so other work on
a shared machine does not count against the planner.
Quality: the planner's objective J (core/planner_score.py) divided by the exact optimum of the
same J on the same instance under the spec's hard rules (bench/planner_oracle.py). Instances
where the optimum keeps more rules than the planner are counted apart. Target: mean ≥ 0.99.
Run: .venv/bin/python bench/planner.py [N_SPEED] [N_QUALITY]
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import time

from planner_oracle import optimum
from unhunch.content import load_library
from unhunch.core.models import Profile
from unhunch.core.planner import (
    RULES,
    alternative,
    best_plan,
    plan,
    rank_key,
    signature,
)
from unhunch.core.planner_pool import Pool, build_pool
from unhunch.core.planner_score import (
    Picks,
    evaluate,
)
from unhunch.core.progression import History
from unhunch.core.vocab import CONDITIONS, EQUIPMENT, LEVELS, PAIN_REGIONS, SETTINGS


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
    ratios, raw_ratios, proven, short_of_rules = [], [], 0, 0
    for profile, on in cases[:n_quality]:
        pool, picks, _ = final_picks(profile, on, library)
        raw, _ = best_plan(pool)
        found, optimal = optimum(pool, raw, 10.0)
        if found is None:
            continue
        if rank_key(pool, found)[:RULES] > rank_key(pool, raw)[:RULES]:
            short_of_rules += 1  # the planner kept fewer of the rules than could hold
            continue
        proven += optimal
        best_value = evaluate(pool, found).value
        raw_ratios.append(evaluate(pool, raw).value / best_value)
        ratios.append(evaluate(pool, picks).value / best_value)
    print(
        f"quality: {len(ratios)} instances ({proven} proven optimal by CP-SAT; "
        f"{short_of_rules} where the planner kept fewer rules than the optimum); "
        f"J(planner)/J(optimum) mean {statistics.mean(raw_ratios):.4f} "
        f"(min {min(raw_ratios):.4f}); after the odd-day variety guard mean "
        f"{statistics.mean(ratios):.4f} (min {min(ratios):.4f}); target ≥ 0.99: "
        f"{'met' if statistics.mean(raw_ratios) >= 0.99 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
