"""Plain words for a plan: why each item is there, and the notes under the routine."""

from __future__ import annotations

from collections.abc import Sequence

from unhunch.core import dosing
from unhunch.core.models import BlockName
from unhunch.core.planner_pool import Candidate, Pool
from unhunch.core.planner_score import Pick, covered_regions
from unhunch.core.planner_search import required_regions
from unhunch.core.progression import History, describe_adjustments
from unhunch.core.vocab import label

VERBS = {
    "warm_up": "Warms up",
    "stretch": "Stretches",
    "mobility": "Loosens",
    "strength": "Strengthens",
    "restorative": "Relaxes",
    "breathing": "Calms",
}

TURNS = {
    "flexion": "a forward bend",
    "extension": "a backward bend",
    "rotation": "a twist",
    "lateral_flexion": "a side-bend",
}


def why(pool: Pool, cand: Candidate, block: BlockName) -> str:
    ex = cand.exercise
    regions = " and ".join(label(r) for r in ex.regions[:2])
    head = f"{VERBS[ex.kind]} your {regions}"
    if block == "warm_up":
        return f"{head}; first, so the work that follows feels easier."
    if block == "cool_down":
        return f"{head}; last, to let the muscles settle and calm your breathing."
    pain = pool.profile.pain
    targets = [r for r, _ in cand.credit]
    if targets:
        where = " and ".join(f"{label(r)} ({pain[r]}/10)" for r in targets)
        return f"{head}; for your {where}."
    if cand.directions:
        turn = TURNS[sorted(cand.directions)[0]]
        return f"{head}; adds {turn} so the routine moves your spine every way."
    return f"{head}; supports the areas around your sore spots."


def notes_for(pool: Pool, picks: Sequence[Pick], total: int, history: History) -> list[str]:
    profile = pool.profile
    notes = list(pool.notes)
    if dosing.is_gentle(profile):
        why_gentle = (
            "your pain is 7/10 or more"
            if max(profile.pain.values(), default=0) >= dosing.HIGH_PAIN
            else "you chose the beginner level"
        )
        notes.append(f"Doses start gentle because {why_gentle}; easier versions are used.")
    budget = pool.budget
    if total < 0.85 * budget:
        notes.append(
            f"The exercises that suit your setting, props, level and conditions fill only "
            f"{_minutes(total)} of your {profile.minutes} minutes; repeat a favourite or rest."
        )
    covered = covered_regions(pool, tuple(picks))
    for region, _ in pool.weights:
        if region in covered:
            continue
        if region in required_regions(pool):
            notes.append(f"No exercise for your {label(region)} fits in {profile.minutes} min.")
        else:
            notes.append(
                f"No allowed exercise works your {label(region)} in this setting; "
                "try another setting or fewer limits."
            )
    if budget >= 180:
        for block, count in (("warm_up", pool.n_warm), ("cool_down", pool.n_cool)):
            if count == 0 or not any(p.block == block for p in picks):
                notes.append(f"No {label(block)} exercise suits today's setting and limits.")
    ids = [pool.candidates[p.cand].id for p in picks]
    notes.extend(describe_adjustments(history, ids))
    return notes


def _minutes(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"
