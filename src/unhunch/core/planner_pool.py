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
from dataclasses import dataclass, field, replace

from unhunch.core import dosing
from unhunch.core.admissible import Fit, admissible, for_profile
from unhunch.core.library import Library
from unhunch.core.models import BlockName, Dose, ExcludedExercise, Exercise, Profile
from unhunch.core.progression import History
from unhunch.core.vocab import PainRegion, Position

# Positions from upright to lying; a routine moves through them in one direction only.
POSITION_ORDER: tuple[Position, ...] = (
    "standing",
    "wall",
    "seated",
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
# Seconds a warm-up or cool-down item is expected to take, for the main block's share.
EDGE_ITEM_SECONDS = 50
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
    # How many main items the routine aims for (see `main_target`).
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


def block_count(budget: int) -> int:
    """Warm-up and cool-down items each: none under 3 minutes, one up to 25 minutes, then more
    for long routines (a physio warms up with one easy movement, not a series)."""
    if budget < 180:
        return 0
    if budget < 1500:
        return 1
    if budget < 2700:
        return 2
    return 3


def main_target(budget: int, edge_items: int, typical: float = 0.0) -> float:
    """How many main items suit the budget: about one per 60-100 s of the main block.

    m = the budget less the expected warm-up and cool-down; n = m / s with s = 60 + m/20
    seconds per item. Items grow longer as the routine does (a 3-minute routine: 1-2 items of
    about a minute; 8 minutes: about 5; 20 minutes: about 9; an hour: about 14 of 3-4 minutes
    each), because doses fill time before more exercises are added. When the person's own
    doses already take longer (`typical`: the median item at their own dose, e.g. 3 sets for
    an advanced level), s is that instead, so exercises are not cut short to fit more in."""
    main = max(30, budget - EDGE_ITEM_SECONDS * edge_items)
    return main / max(60 + main / 20, typical)


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

    kinds = {e.kind for e in allowed.values()}
    warm_fallback = "warm_up" not in kinds
    cool_fallback = not kinds & {"restorative", "breathing"}
    weights = _weights(profile)
    shift = -dosing.STEPS_DOWN - 2 if gentlest else dosing.level_shift(profile)
    up = 0 if gentlest else dosing.steps_up(profile)
    candidates: list[Candidate] = []
    for exercise in allowed.values():
        blocks = _blocks(exercise, warm_fallback, cool_fallback)
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
    forced = _forced(candidates, profile, budget, notes)
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
        n_main=main_target(budget, n_warm + n_cool, _typical_item(candidates, weights)),
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


def _typical_item(
    candidates: list[Candidate], weights: tuple[tuple[PainRegion, float], ...]
) -> float:
    """Median seconds of a main item at the person's own dose (those working a painful
    region, when there are any)."""
    main = [c for c in candidates if "main" in c.blocks]
    useful = [c for c in main if c.credit] if weights else main
    seconds = sorted(dosing.SETUP_SECONDS + c.work[c.personal] for c in useful or main)
    return float(seconds[len(seconds) // 2]) if seconds else 0.0


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


def _blocks(exercise: Exercise, warm_fallback: bool, cool_fallback: bool) -> tuple[BlockName, ...]:
    if exercise.kind == "warm_up":
        return ("warm_up",)
    if exercise.kind in ("restorative", "breathing"):
        return ("cool_down",)
    blocks: list[BlockName] = []
    if warm_fallback and exercise.kind == "mobility":
        blocks.append("warm_up")
    blocks.append("main")
    if cool_fallback and exercise.kind == "stretch":
        blocks.append("cool_down")
    return tuple(blocks)


def _forced(
    candidates: list[Candidate], profile: Profile, budget: int, notes: list[str]
) -> tuple[int, ...]:
    """Favourites that pass the rules, in the order given, while their gentlest doses fit."""
    index = {c.id: i for i, c in enumerate(candidates)}
    forced: list[int] = []
    used = 0
    for fav in dict.fromkeys(profile.favourites):
        if fav in profile.excluded:
            continue
        if fav not in index:
            notes.append(f"Your favourite {fav} is left out: it does not fit today's rules.")
            continue
        cand = candidates[index[fav]]
        cost = dosing.SETUP_SECONDS + dosing.POSITION_CHANGE_SECONDS + cand.work[0]
        if used + cost > budget:
            notes.append(f"Your favourite {fav} does not fit in {profile.minutes} min.")
            continue
        used += cost
        forced.append(index[fav])
    return tuple(forced)
