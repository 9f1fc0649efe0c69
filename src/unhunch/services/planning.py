"""Use cases of the planner: keep the usual profile, and plan today's routine."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from unhunch.core.admissible import join_words
from unhunch.core.errors import InputError
from unhunch.core.models import Profile, Routine
from unhunch.core.profile_parse import parse_profile
from unhunch.core.progression import History, PastRoutine, SessionOutcome, progress
from unhunch.core.vocab import Condition, label
from unhunch.services.context import Context

HISTORY_DAYS = 28
SCREEN_NOTE = "Also worked around, from your safety questions: "
NO_PROFILE = (
    "Save your usual one first, e.g. "
    "`unhunch profile set --neck 3 --upper-back 5 --minutes 8 --at desk`."
)


def save_profile(ctx: Context, profile: Profile, now: dt.datetime) -> None:
    """Keep the person's usual profile (its ids checked against the library first)."""
    from unhunch.content import load_library
    from unhunch.core.profile_parse import check_ids
    from unhunch.store.db import transaction
    from unhunch.store.profiles import save_profile as store_profile

    check_ids(profile, load_library())
    with transaction(ctx.database_url) as conn:
        store_profile(conn, ctx.person, profile.model_dump(mode="json"), now)


def load_profile(ctx: Context) -> Profile | None:
    from unhunch.store.db import transaction
    from unhunch.store.profiles import load_profile as stored_profile

    with transaction(ctx.database_url) as conn:
        data = stored_profile(conn, ctx.person)
    return None if data is None else parse_profile(data)


@dataclass(frozen=True)
class PersonConditions:
    """The person's conditions: those they reported in the profile, and those their safety
    questions named (shown apart; the rules use both)."""

    reported: tuple[Condition, ...]
    from_screen: tuple[Condition, ...]

    @property
    def all(self) -> tuple[Condition, ...]:
        return tuple(dict.fromkeys([*self.reported, *self.from_screen]))

    @property
    def screen_only(self) -> tuple[Condition, ...]:
        """Named by the screen and not already reported in the profile."""
        return tuple(c for c in self.from_screen if c not in self.reported)

    def applied_to(self, profile: Profile) -> Profile:
        """The profile as the rules see it: its own conditions and those the screens named."""
        if not self.screen_only:
            return profile
        return profile.model_copy(update={"conditions": list(self.all)})

    def to_json(self) -> dict[str, list[str]]:
        return {"reported": list(self.reported), "from_screen": list(self.from_screen)}


def conditions_of(ctx: Context, profile: Profile | None) -> PersonConditions:
    from unhunch.services.screening import screen_conditions

    reported = tuple(profile.conditions) if profile else ()
    return PersonConditions(reported, screen_conditions(ctx))


def with_screen_conditions(ctx: Context, profile: Profile) -> Profile:
    """The profile the rules see: its own conditions and those the screens named. Every face
    that plans or checks an exercise goes through this (never saved back to the profile, so a
    new screen answering no removes a screen-named condition)."""
    return conditions_of(ctx, profile).applied_to(profile)


def rules_profile(ctx: Context) -> Profile | None:
    """The saved profile as the rules see it (None when there is none)."""
    saved = load_profile(ctx)
    return None if saved is None else with_screen_conditions(ctx, saved)


def load_history(ctx: Context, now: dt.datetime) -> History:
    """Recent sessions and next-morning pain, folded by the progression rule."""
    from unhunch.store.db import transaction
    from unhunch.store.history import morning_pain, recent_sessions

    since = now - dt.timedelta(days=HISTORY_DAYS)
    with transaction(ctx.database_url) as conn:
        rows = recent_sessions(conn, ctx.person, since)
        mornings = morning_pain(conn, ctx.person, since)
    zone = now.tzinfo
    morning_by_day: dict[dt.date, dict[str, int]] = {}
    for at, scores in mornings:
        morning_by_day.setdefault(at.astimezone(zone).date(), scores)
    outcomes: list[SessionOutcome] = []
    recent: list[PastRoutine] = []
    for row in rows:
        day = row.started_at.astimezone(zone).date()
        planned = _routine_exercises(row.routine)
        recent.append(PastRoutine(day=day, exercises=tuple(planned)))
        if row.outcomes:
            done = [e for e, o in row.outcomes.items() if o in ("done", "eased")]
            stopped = [e for e, o in row.outcomes.items() if o == "stopped"]
        elif row.status == "completed":
            done, stopped = planned, []
        else:
            continue
        outcomes.append(
            SessionOutcome(
                day=day,
                done=tuple(done),
                before=row.pain_before or {},
                next_morning=morning_by_day.get(day + dt.timedelta(days=1)),
                stopped=tuple(stopped),
            )
        )
    return progress(outcomes, recent)


def plan_today(
    ctx: Context,
    now: dt.datetime,
    profile: Profile | None = None,
    check_screen: bool = True,
) -> Routine:
    """Today's routine for the given profile, or the saved one; refused while the screen says
    coaching should not go ahead (SafetyRefusal)."""
    from unhunch.content import load_library
    from unhunch.core.planner import plan
    from unhunch.services.screening import coaching_status, require_coaching

    status = require_coaching(ctx, now) if check_screen else coaching_status(ctx, now)
    if profile is None:
        profile = load_profile(ctx)
        if profile is None:
            raise InputError("profile", "none saved yet", "a saved profile", NO_PROFILE)
    on = profile.date or now.date()
    history = load_history(ctx, now)
    found = conditions_of(ctx, profile)
    routine = plan(found.applied_to(profile), load_library(), history, on, gentlest=status.gentlest)
    if not found.from_screen:
        return routine
    note = SCREEN_NOTE + join_words(label(c) for c in found.from_screen) + "."
    return routine.model_copy(update={"notes": [*routine.notes, note]})


def _routine_exercises(routine: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for block in routine.get("blocks", []):
        for item in block.get("items", []) if isinstance(block, dict) else []:
            if isinstance(item, dict) and isinstance(item.get("exercise"), str):
                out.append(item["exercise"])
    return out
