"""plan(profile, library, history, on) -> Routine: pure, deterministic, seeded by (profile, date).

Objective (maximised; the formula is in planner_score.py and the README, "How the planner
chooses"): cover each painful region in proportion to its pain; balance the directions of
movement (bend forward, bend back, twist, side-bend); few position changes (grouped by
position, each block one way; a return to a position left costs a change, so routines move
one way unless a warm-up or cool-down needs the return); favourites in; variety
against the last days; fewer exercises done properly: the time is filled mainly by growing
doses (sets first, then holds or reps) around about one main item per 60-100 s of the main
block, with one warm-up and one cool-down (the shape rule, planner_score.py).

Every main item works a painful region (primary or secondary) unless nothing else can fill the
time; the notes then say so.

Hard rules (spec 1-6) are never traded for score: the pool only holds allowed exercises
(setting, equipment, level, conditions, exclusions), every state the search accepts keeps
total ≤ budget, and the search adds warm-up, cool-down and one main item per painful region
before it optimises anything else. Spec rule 5 ranks first (rank_key): one search places the
warm-up and cool-down before the favourites (which keep room for them), so a routine of 3
minutes or more has both whenever an allowed exercise may serve (planner_edges); no later
move empties either block.

Variety across days: on odd-numbered days the routine must differ from what the plain search
gives on the day before and the day after; so two consecutive days never get the same routine
when another routine keeps the rules.
"""

from __future__ import annotations

import datetime as dt

from unhunch.core import dosing
from unhunch.core.library import Library
from unhunch.core.models import Block, BlockName, Profile, Routine, RoutineItem
from unhunch.core.planner_pool import Pool, build_pool, digest, for_day
from unhunch.core.planner_score import (
    Pick,
    Picks,
    best_direction,
    covered_regions,
    evaluate,
    off_target,
    ordered,
)
from unhunch.core.planner_search import (
    SHORT_BUDGET,
    fits,
    is_wide,
    polish,
    required_regions,
    search,
)
from unhunch.core.planner_words import notes_for, why
from unhunch.core.profile_parse import check_ids
from unhunch.core.progression import History

FILL_FLOOR = 0.85
DIRECTIONS = (1, -1)

Signature = tuple[tuple[str, str, str], ...]


def plan(
    profile: Profile,
    library: Library,
    history: History | None,
    on: dt.date,
    gentlest: bool = False,
) -> Routine:
    """Today's routine. `gentlest` (a clinician cleared a see-doctor screen) starts every dose at
    its gentlest and never above the exercise's own dose."""
    check_ids(profile, library)
    history = history or History()
    pool = build_pool(profile, library, history, on, gentlest)
    picks, direction = best_plan(pool)
    if on.toordinal() % 2 == 1:
        banned = {
            signature(pool, best_plan(for_day(pool, history, day))[0])
            for day in (on - dt.timedelta(days=1), on + dt.timedelta(days=1))
        }
        if signature(pool, picks) in banned:
            picks = alternative(pool, picks, direction, banned)
    return build_routine(pool, picks, direction, history)


RULES = 5  # rank_key's leading entries that are rules, not score


def rank_key(pool: Pool, picks: Picks) -> tuple[int, int, int, bool, int, float]:
    """Rules first (warm-up and cool-down, favourites, coverage, 85 % fill, fewest main items
    off the painful regions), then J."""
    score = evaluate(pool, picks)
    forced = sum(1 for p in picks if p.cand in pool.forced)
    covered = len(set(required_regions(pool)) & covered_regions(pool, picks))
    full = score.total >= FILL_FLOOR * pool.budget
    return edges(pool, picks), forced, covered, full, -off_target(pool, picks), score.value


def edges(pool: Pool, picks: Picks) -> int:
    """Spec rule 5: how many of the warm-up and cool-down the routine has, of those it must
    (how many items each holds is J's business, the shape term's)."""
    blocks = {p.block for p in picks}
    return ("warm_up" in blocks and pool.n_warm > 0) + ("cool_down" in blocks and pool.n_cool > 0)


def best_plan(pool: Pool) -> tuple[Picks, int]:
    """The best of the searches: each direction, with the warm-up and cool-down chosen for J,
    and again at the ends of the position order when that would differ; and with the
    warm-up and cool-down placed first, which keeps spec rule 5 whenever an exercise can
    serve, when the other searches left one out or, in a short routine, came out with fewer
    main items than the target."""
    found: list[tuple[Picks, int]] = []
    for d in DIRECTIONS:
        tight = search(pool, d)
        found.append((tight, d))
        if not is_wide(pool, tight, d):
            found.append((search(pool, d, wide=True), d))
        short_of_items = sum(p.block == "main" for p in tight) < round(pool.n_main)
        missing = edges(pool, tight) < (pool.n_warm > 0) + (pool.n_cool > 0)
        if missing or (pool.budget <= SHORT_BUDGET and short_of_items):
            found.append((search(pool, d, edges_first=True), d))
    picks, direction = max(found, key=lambda f: rank_key(pool, f[0]))
    return polish(pool, picks, direction), direction


def signature(pool: Pool, picks: Picks) -> Signature:
    return tuple(
        sorted(
            (pool.candidates[p.cand].id, p.block, pool.candidates[p.cand].doses[p.dose].describe())
            for p in picks
        )
    )


def alternative(pool: Pool, picks: Picks, direction: int, banned: set[Signature]) -> Picks:
    """The best routine one change away that keeps the rules and is not banned.

    A different exercise is preferred to a different dose or block of the same exercises.
    """
    key = rank_key(pool, picks)
    used = {p.cand for p in picks}
    swaps: list[Picks] = []
    doses: list[Picks] = []
    for i, p in enumerate(picks):
        rest = (*picks[:i], *picks[i + 1 :])
        if p.cand not in pool.forced:
            for j, c in enumerate(pool.candidates):
                if j in used or p.block not in c.blocks:
                    continue
                for dose in range(len(c.doses) - 1, -1, -1):
                    trial = (*rest, Pick(j, p.block, dose))
                    if fits(pool, trial, direction):
                        swaps.append(trial)
                        break
        for step in (1, -1):
            if 0 <= p.dose + step < len(pool.candidates[p.cand].doses):
                doses.append((*rest, Pick(p.cand, p.block, p.dose + step)))
        for block in pool.candidates[p.cand].blocks:
            if block != p.block:
                doses.append((*rest, Pick(p.cand, block, p.dose)))
    for group in (swaps, doses):
        fine = [
            t
            for t in group
            if fits(pool, t, direction)
            and rank_key(pool, t)[:RULES] == key[:RULES]
            and signature(pool, t) not in banned
        ]
        if fine:
            return max(fine, key=lambda t: evaluate(pool, t).value)
    # No single change will do: search again without one of today's exercises.
    searched = [
        search(pool, d, frozenset({p.cand}))
        for p in picks
        if p.cand not in pool.forced
        for d in DIRECTIONS
    ]
    fine = [
        t
        for t in searched
        if rank_key(pool, t)[:RULES] == key[:RULES] and signature(pool, t) not in banned
    ]
    if fine:
        return max(fine, key=lambda t: evaluate(pool, t).value)
    return picks


def build_routine(pool: Pool, picks: Picks, direction: int, history: History) -> Routine:
    profile = pool.profile
    blocks: dict[BlockName, list[RoutineItem]] = {"warm_up": [], "main": [], "cool_down": []}
    previous: int | None = None
    total = 0
    said: set[str] = set()
    for pick in ordered(pool, picks, best_direction(pool, picks, direction)):
        cand = pool.candidates[pick.cand]
        seconds = dosing.item_seconds(
            cand.work[pick.dose], previous is not None and previous != cand.rank
        )
        previous = cand.rank
        total += seconds
        blocks[pick.block].append(
            RoutineItem(
                exercise=cand.id,
                dose=cand.doses[pick.dose],
                seconds=seconds,
                why=why(pool, cand, pick.block, said),
            )
        )
    shown = [p for p in picks]
    return Routine(
        profile_digest=digest(profile),
        total_seconds=total,
        blocks=[Block(name=name, items=items) for name, items in blocks.items() if items],
        excluded=list(pool.excluded),
        notes=notes_for(pool, shown, total, history),
    )
