"""Plain words for a plan: why each item is there, and the notes under the routine.

A reason is one short line (at most 60 characters, no pain numbers): what the exercise does for
a painful region, or why it comes here (the warm-up first, the cool-down to finish). Phrases go
from the most specific (the muscles and movement of this exercise) to the general (its kind and
region); a routine never shows the same reason twice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from unhunch.core import dosing
from unhunch.core.models import BlockName, Exercise
from unhunch.core.planner_pool import Candidate, Pool
from unhunch.core.planner_score import Pick, covered_regions, off_target
from unhunch.core.planner_search import required_regions
from unhunch.core.progression import History, describe_adjustments
from unhunch.core.vocab import label

MAX_WHY = 60

PLACE = {
    "neck": "your neck",
    "upper_back": "your upper back",
    "lower_back": "your low back",
    "shoulders": "your shoulders",
    "chest": "the chest",
    "hips": "the hips",
    "hamstrings": "the backs of your legs",
}

Rule = tuple[Callable[[Exercise], bool], tuple[str, ...]]


def _muscle(name: str) -> Callable[[Exercise], bool]:
    return lambda e: bool(e.muscles) and e.muscles[0] == name


def _moves(*tags: str) -> Callable[[Exercise], bool]:
    return lambda e: all(t in e.movements for t in tags)


def _primary(region: str) -> Callable[[Exercise], bool]:
    return lambda e: e.regions[0] == region


def _kind(*kinds: str) -> Callable[[Exercise], bool]:
    return lambda e: e.kind in kinds


def _always(e: Exercise) -> bool:
    return True


# Main-block reasons, most specific first; "{r}" is the painful region the item works.
MAIN: dict[str, tuple[Rule, ...]] = {
    "stretch": (
        (
            _muscle("neck extensors"),
            ("Eases the back of your neck", "Lengthens the back of the neck"),
        ),
        (_muscle("levator scapulae"), ("Eases where your neck meets the shoulder blade",)),
        (
            _muscle("upper trapezius"),
            ("Eases the sides of your neck", "Loosens the top of the shoulders"),
        ),
        (
            _primary("chest"),
            ("Opens the chest after sitting", "Opens a rounded chest and upper back"),
        ),
        (_moves("lateral_flexion"), ("Side-bends to lengthen {r}", "A side stretch for {r}")),
        (_moves("spinal_extension", "overhead_arms"), ("Opens your upper back and shoulders",)),
        (_moves("spinal_extension"), ("Arches {r} gently", "Eases {r} with a gentle arch")),
        (_moves("rotation"), ("A slow twist to loosen {r}", "Turns gently to free {r}")),
        (
            _muscle("rhomboids"),
            ("Stretches between your shoulder blades", "Widens across the upper back"),
        ),
        (_muscle("iliopsoas"), ("Opens the front of the hip to ease {r}",)),
        (
            _muscle("piriformis"),
            ("Loosens the buttock muscles that pull on {r}", "Eases tight hips around {r}"),
        ),
        (
            _primary("hamstrings"),
            ("Loosens the backs of the legs for {r}", "Lengthens the hamstrings for {r}"),
        ),
        (_moves("spinal_flexion"), ("Gently rounds and eases {r}", "Lets {r} round and lengthen")),
    ),
    "mobility": (
        (
            _muscle("deep neck flexors"),
            ("Brings your head back over your shoulders", "Resets how you hold your head"),
        ),
        (_moves("neck_flexion", "neck_rotation"), ("Rolls your neck gently side to side",)),
        (
            _moves("spinal_flexion", "spinal_extension"),
            ("Moves your spine from round to arch", "Rocks your back between round and arch"),
        ),
        (_moves("rotation"), ("Twists gently to free {r}", "Turns {r} through an easy range")),
        (_moves("neck_rotation"), ("Turns your neck gently through its range",)),
        (
            _moves("spinal_extension"),
            ("Arches {r} to undo long sitting", "Unrounds {r} after sitting"),
        ),
        (_moves("overhead_arms"), ("Moves your shoulder blades to free {r}",)),
        (
            _muscle("abdominals"),
            ("Rocks your pelvis to ease {r}", "Small pelvic rocks to loosen {r}"),
        ),
    ),
    "strength": (
        (_primary("neck"), ("Builds quiet strength in your neck",)),
        (_muscle("rhomboids"), ("Strengthens the muscles that hold shoulders back",)),
        (_muscle("gluteus maximus"), ("Strengthens the hips that support {r}",)),
        (_muscle("erector spinae"), ("Builds steady support for {r}",)),
        (_muscle("transversus abdominis"), ("Trains your deep core to steady {r}",)),
        (_muscle("obliques"), ("Strengthens the sides of your trunk",)),
        (_muscle("gluteus medius"), ("Strengthens the hips that steady {r}",)),
    ),
    "restorative": ((_always, ("Rests {r} in an easy position",)),),
    "breathing": ((_always, ("Slow breaths to relax {r}",)),),
}
MAIN_FALLBACK = {
    "stretch": ("Stretches {r}", "Lengthens {r}"),
    "mobility": ("Loosens {r}", "Moves {r} gently"),
    "strength": ("Strengthens {r}", "Builds support for {r}"),
    "warm_up": ("Gets {r} moving",),
    "restorative": ("Rests {r}",),
    "breathing": ("Relaxes {r}",),
}


WARM: tuple[Rule, ...] = (
    (
        lambda e: e.kind == "warm_up" and e.regions[0] == "neck",
        ("Warms your neck and shoulders first",),
    ),
    (
        lambda e: e.kind == "warm_up" and e.regions[0] == "shoulders",
        ("Warms the shoulders first", "Loosens the shoulders first"),
    ),
    (lambda e: e.kind == "warm_up" and not e.movements, ("Gets you warm and moving first",)),
    (_kind("warm_up"), ("Warms the hips and low back first",)),
)
COOL: tuple[Rule, ...] = (
    (_kind("breathing"), ("Settles your breathing to finish", "Slows your breathing to finish")),
    (
        _kind("restorative"),
        (
            "Lets your back rest to finish",
            "A restful position to finish",
            "Lets your back settle to finish",
        ),
    ),
)


def _region(pool: Pool, cand: Candidate) -> str:
    """The painful region the item works (primary first), else its own primary region."""
    worked = [r for r, _ in cand.credit]
    return worked[0] if worked else cand.exercise.regions[0]


def reasons(pool: Pool, cand: Candidate, block: BlockName) -> list[str]:
    """Every fitting reason, most specific first."""
    ex = cand.exercise
    place = PLACE.get(_region(pool, cand), "your back")
    out: list[str] = []
    if block == "warm_up":
        out += [t for test, texts in WARM if test(ex) for t in texts]
        out += [f"Eases {place} into moving first", "Gets you moving first"]
    elif block == "cool_down":
        out += [t for test, texts in COOL if test(ex) for t in texts]
        out += [f"An easy last stretch for {place}", "An easy stretch to finish"]
    elif pool.weights and not cand.credit:
        out += ["Your favourite"] if cand.favourite else []
        out += [f"Works {PLACE.get(ex.regions[0], 'the areas')}, near your sore spots"]
        out += ["Works the areas around your sore spots"]
    else:
        rules = MAIN.get(ex.kind, ())
        out += [t.format(r=place) for test, texts in rules if test(ex) for t in texts]
        out += [t.format(r=place) for t in MAIN_FALLBACK[ex.kind]]
    return out


def why(pool: Pool, cand: Candidate, block: BlockName, used: set[str] | None = None) -> str:
    """The first reason not already shown in this routine (`used` is updated)."""
    options = [r[0].upper() + r[1:] for r in reasons(pool, cand, block)]
    taken = used if used is not None else set()
    text = next((r for r in options if r not in taken), options[0])
    taken.add(text)
    return text


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
            f"{_minutes(total)} of your {_minutes(profile.minutes * 60)};"
            " repeat a favourite or rest."
        )
    covered = covered_regions(pool, tuple(picks))
    cands = pool.candidates
    for region, _ in pool.weights:
        if region in covered:
            continue
        edge = next(
            (p.block for p in picks if any(r == region for r, _ in cands[p.cand].credit)), None
        )
        if edge is not None:
            # Spec rule 5 comes first: the only exercise for the region opens or closes.
            notes.append(
                f"Your {label(region)} is worked in the {label(edge)} only: the one exercise"
                " for it today is needed there."
            )
        elif region in required_regions(pool):
            notes.append(f"No exercise for your {label(region)} fits in {profile.minutes} min.")
        else:
            notes.append(
                f"No allowed exercise works your {label(region)} in this setting; "
                "try another setting or fewer limits."
            )
    off = off_target(pool, tuple(picks))
    if off:
        notes.append(
            f"Only some exercises that work your sore areas suit today's setting and limits, so "
            f"{off} {'exercise works' if off == 1 else 'exercises work'} the areas around them."
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
