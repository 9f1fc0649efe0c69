"""The planner's candidate pool: every exercise that passes the hard rules, pre-computed once.

Hard rules applied here (spec rules 1 and 6): the setting's positions, the setting's and the
profile's equipment, the profile's level, the conditions' forbidden movement tags, and the
person's exclusions. Gentle profiles (beginners, pain 7/10 or more) and exercises the progression
rule eased off use the easier variation when it is allowed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Collection
from dataclasses import dataclass, field, replace

from unhunch.core import dosing
from unhunch.core.admissible import Fit, admissible, for_profile
from unhunch.core.library import Library
from unhunch.core.models import BlockName, Dose, ExcludedExercise, Exercise, Profile
from unhunch.core.planner_counts import admitted_favourites, block_count, main_target, typical_item
from unhunch.core.planner_edges import edge_blocks
from unhunch.core.progression import History
from unhunch.core.vocab import PainRegion, Position

# Positions from upright to lying; a routine moves through them in one direction only.
POSITION_ORDER: tuple[Position, ...] = (
    "standing",
    "wall",
    "seated",
    "floor_sitting",
    "kneeling",
    "all_fours",
    "prone",
    "side_lying",
    "supine",
)
RANK: dict[Position, int] = {p: POSITION_ORDER.index(dosing.place(p)) for p in POSITION_ORDER}

DIRECTIONS: dict[str, frozenset[str]] = {
    "flexion": frozenset({"spinal_flexion", "loaded_spinal_flexion", "neck_flexion"}),
    "extension": frozenset({"spinal_extension", "deep_backbend", "neck_extension"}),
    "rotation": frozenset({"rotation", "end_range_rotation", "neck_rotation"}),
    "lateral_flexion": frozenset({"lateral_flexion"}),
}

SECONDARY_CREDIT = 0.3
RECENT_DAYS = 3
# One item counts at most this many seconds towards covering a region, so a region is covered
# by several well-dosed exercises rather than by one exercise dosed for minutes.
COVER_CAP_SECONDS = 120


@dataclass(frozen=True)
class Candidate:
    exercise: Exercise
    blocks: tuple[BlockName, ...]
    rank: int
    doses: tuple[Dose, ...]
    work: tuple[int, ...]
    personal: int
    credit: tuple[tuple[PainRegion, float], ...]
    directions: frozenset[str]
    fresh: float
    jitter: float
    favourite: bool
    # Seconds of work on one side (or in all, for two-sided work) for each dose.
    side_work: tuple[int, ...]
    # Seconds each dose counts towards covering its regions (capped).
    cover_work: tuple[int, ...]

    @property
    def relevant(self) -> bool:
        """Works a painful region as its primary or secondary region."""
        return bool(self.credit)

    @property
    def id(self) -> str:
        return self.exercise.id


@dataclass(frozen=True)
class Pool:
    profile: Profile
    budget: int
    candidates: tuple[Candidate, ...]
    excluded: tuple[ExcludedExercise, ...]
    weights: tuple[tuple[PainRegion, float], ...]
    n_warm: int
    n_cool: int
    directions_available: int
    forced: tuple[int, ...]
    seed: str
    notes: tuple[str, ...]
    # How many main items the routine aims for (planner_counts.main_target).
    n_main: float
    # Tables the search derives from the pool once (item quality per block, cand and dose).
    memo: dict[str, object] = field(default_factory=dict, compare=False, hash=False, repr=False)


def digest(profile: Profile) -> str:
    """A stable short hash of the profile (canonical JSON; the date is left out)."""
    data = profile.model_dump(mode="json", exclude={"date"})
    for key in ("equipment", "conditions", "excluded"):
        data[key] = sorted(data[key])
    text = json.dumps(data, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def unit_hash(*parts: str) -> float:
    """A reproducible number in [0, 1) from the parts (the planner's only source of chance)."""
    raw = hashlib.sha256("|".join(parts).encode()).digest()
    return int.from_bytes(raw[:8], "big") / 2**64


def fits_setting(exercise: Exercise, profile: Profile) -> bool:
    """Position, equipment and level fit the profile (core/admissible decides)."""
    return not admissible(exercise, (), Fit.of(profile)).unfit


def freshness(exercise_id: str, history: History, on: dt.date) -> float:
    """1 when not done lately; lower the more recently it appeared (variety against history)."""
    score = 1.0
    for past in history.recent:
        age = (on - past.day).days
        if 0 < age <= RECENT_DAYS and exercise_id in past.exercises:
            score = min(score, (age - 1) / RECENT_DAYS)
    return score


def build_pool(
    profile: Profile, library: Library, history: History, on: dt.date, gentlest: bool = False
) -> Pool:
    seed = f"{digest(profile)}|{on.isoformat()}"
    notes: list[str] = []
    excluded: list[ExcludedExercise] = []
    allowed: dict[str, Exercise] = {}
    for exercise in library.all():
        verdict = for_profile(exercise, profile)
        if not verdict.allowed:
            if not verdict.unfit:  # left out for safety alone: the routine says why
                excluded.append(
                    ExcludedExercise(exercise=exercise.id, reason=verdict.condition_reason)
                )
            continue
        allowed[exercise.id] = exercise

    # Which exercises may open or close the routine is judged on all the allowed kinds, before
    # easier variations replace some (planner_edges.edge_blocks, as the tests and bench do).
    kinds = {e.kind for e in allowed.values()}
    gentle = gentlest or dosing.is_gentle(profile)
    if gentlest:
        notes.append("A clinician has cleared you to exercise: every dose starts at its gentlest.")
    swapped: list[str] = []
    for exercise in list(allowed.values()):
        easier = [v for v in exercise.variations.easier if v in allowed]
        eased = exercise.id in history.eased
        if easier and (eased or (gentle and exercise.id not in profile.favourites)):
            del allowed[exercise.id]
            if eased:
                swapped.append(exercise.id)
    if swapped:
        notes.append("Easier versions replace " + ", ".join(swapped) + " after a sore morning.")

    weights = _weights(profile)
    shift = -dosing.STEPS_DOWN - 2 if gentlest else dosing.level_shift(profile)
    up = 0 if gentlest else dosing.steps_up(profile)
    candidates: list[Candidate] = []
    for exercise in allowed.values():
        blocks = _blocks(exercise, kinds)
        steps = dosing.exercise_steps(exercise)
        personal = steps.index((exercise.dose.sets, exercise.dose.amount))
        personal += shift + history.adjustment(exercise.id)
        personal = max(0, min(len(steps) - 1, personal))
        low = max(0, personal - dosing.STEPS_DOWN)
        # A dose stepped back after a sore morning is not raised again to fill time, so the
        # step back the person was told about is the dose they get (pain-monitoring model).
        stepped_back = history.adjustment(exercise.id) < 0
        high = min(len(steps) - 1, personal + (0 if stepped_back else up))
        doses = dosing.ladder(exercise.dose, dosing.grows_by_sets(exercise))[low : high + 1]
        work = tuple(dosing.work_seconds(exercise, d, profile.breath_seconds) for d in doses)
        candidates.append(
            Candidate(
                exercise=exercise,
                blocks=blocks,
                rank=RANK[exercise.position],
                doses=doses,
                work=work,
                cover_work=tuple(min(w, COVER_CAP_SECONDS) for w in work),
                side_work=tuple(
                    dosing.side_seconds(exercise, d, profile.breath_seconds) for d in doses
                ),
                personal=personal - low,
                credit=_credit(exercise, weights),
                directions=frozenset(
                    name for name, tags in DIRECTIONS.items() if tags & set(exercise.movements)
                ),
                fresh=freshness(exercise.id, history, on),
                jitter=unit_hash(seed, exercise.id),
                favourite=exercise.id in profile.favourites,
            )
        )

    budget = profile.minutes * 60
    forced = admitted_favourites(candidates, profile, budget, notes)
    main_dirs = set().union(*(c.directions for c in candidates if "main" in c.blocks))
    n = block_count(budget)
    n_warm = min(n, sum(1 for c in candidates if "warm_up" in c.blocks))
    n_cool = min(n, sum(1 for c in candidates if "cool_down" in c.blocks))
    return Pool(
        profile=profile,
        budget=budget,
        candidates=tuple(candidates),
        excluded=tuple(excluded),
        weights=weights,
        n_warm=n_warm,
        n_cool=n_cool,
        directions_available=min(4, len(main_dirs)),
        forced=forced,
        seed=seed,
        notes=tuple(notes),
        n_main=main_target(budget, n_warm + n_cool, typical_item(candidates, weights)),
    )


def for_day(pool: Pool, history: History, on: dt.date) -> Pool:
    """The same pool as `build_pool` gives for another day: only the day's seed and the
    variety against history change (a faster way to the neighbouring days' plans)."""
    seed = f"{digest(pool.profile)}|{on.isoformat()}"
    candidates = tuple(
        replace(c, jitter=unit_hash(seed, c.id), fresh=freshness(c.id, history, on))
        for c in pool.candidates
    )
    return replace(pool, candidates=candidates, seed=seed, memo={})


def _weights(profile: Profile) -> tuple[tuple[PainRegion, float], ...]:
    targets = profile.targets
    total = sum(profile.pain[r] for r in targets)
    return tuple((r, profile.pain[r] / total) for r in targets)


def _credit(
    exercise: Exercise, weights: tuple[tuple[PainRegion, float], ...]
) -> tuple[tuple[PainRegion, float], ...]:
    out: list[tuple[PainRegion, float]] = []
    for region, _ in weights:
        if exercise.regions[0] == region:
            out.append((region, 1.0))
        elif region in exercise.regions[1:2]:
            out.append((region, SECONDARY_CREDIT))
    return tuple(out)


def _blocks(exercise: Exercise, kinds: Collection[str]) -> tuple[BlockName, ...]:
    """The edges it may serve (planner_edges); every kind but a warm-up, restorative and
    breathing exercise may also serve in the main block."""
    edges = edge_blocks(exercise, kinds)
    if exercise.kind in ("warm_up", "restorative", "breathing"):
        return edges
    return (*(b for b in edges if b == "warm_up"), "main", *(b for b in edges if b == "cool_down"))
