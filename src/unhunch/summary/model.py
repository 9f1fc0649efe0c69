"""The shape of the one-page clinician summary (what `unhunch summary --json` prints).

Plain data only: every number is already worked out by the service (services/summary.py) from
the same core functions the progress view uses, so the page and the JSON never disagree.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict

NOT_A_DIAGNOSIS = (
    "unhunch gives exercise guidance, not a diagnosis; this summary is the person's own record."
)


class Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ScreenPart(Part):
    taken_at: dt.datetime
    days_ago: int
    tier: str  # emergency, urgent, see_doctor, self_care
    title: str  # the tier in plain words, as the person saw it
    raised: bool  # any tier above self-care: shown first and never hidden
    may_coach: bool
    reasons: list[str]  # what raised the tier, in plain words, worst first
    advice: str
    pain_weeks: int | None
    improving: bool | None
    clinician_cleared: bool | None
    age: int | None


class CoachingPart(Part):
    allowed: bool
    reason: str  # what the person was told (the coaching gate's words)
    warnings: list[str]  # diary warning signs since the latest screen
    note: str | None  # why coaching is paused, for the clinician; None when it is not


class ProfilePart(Part):
    pain: dict[str, int]
    minutes: int
    setting: str
    equipment: list[str]
    level: str
    conditions: list[str]
    favourites: list[str]  # exercise names
    excluded: list[str]  # exercise names


class RegionPart(Part):
    region: str
    latest: int | None
    latest_on: dt.date | None
    avg_7: float | None
    days_7: int
    avg_30: float | None
    days_30: int
    first_week_avg: float | None
    first_day: dt.date | None
    change: float | None  # this week minus the first week; negative is better
    change_share: float | None
    meaningful: bool
    words: str  # the same sentence the progress view shows


class SymptomPart(Part):
    symptom: str
    words: str
    days: int  # days in the period with this noted in the diary
    last_on: dt.date


class StoppedSession(Part):
    on: dt.date
    status: str  # stopped (a stop rule) or quit (the person ended it)
    reason: str  # the stored rule id or text
    words: str
    exercise: str | None  # the exercise under way, by name


class ExerciseCount(Part):
    exercise: str
    name: str
    times: int
    reasons: list[str] = []  # for exercises eased or stopped: why, in plain words


class SessionsPart(Part):
    count: int  # sessions with some exercise done, as the progress view counts them
    per_week: float
    minutes: float
    streak: int
    completed: int
    stopped: list[StoppedSession]
    too_much: list[ExerciseCount]  # eased, stopped or skipped by a stop rule
    most_done: list[ExerciseCount]


class NextMorningPart(Part):
    region: str
    nights: int
    avg_next_morning: float | None
    worse: int
    compared: int
    words: str


class BreaksPart(Part):
    working_days: int
    taken: int
    skipped: int
    snoozed: int
    per_day: float
    sentences: list[str]


class RoutineLine(Part):
    block: str
    exercise: str
    name: str
    dose: str
    seconds: int


class RoutinePart(Part):
    source: str  # latest_session or planned_today
    on: dt.date
    total_seconds: int
    items: list[RoutineLine]


class Summary(Part):
    generated_at: dt.datetime
    period_from: dt.date
    period_to: dt.date
    days: int
    has_data: bool
    screen: ScreenPart | None
    coaching: CoachingPart
    profile: ProfilePart | None
    pain: list[RegionPart]
    symptoms: list[SymptomPart]
    pain_jumps: list[str]  # a region 3+ points above its previous score (core/warnings.py)
    sessions: SessionsPart
    next_morning: list[NextMorningPart]
    breaks: BreaksPart | None
    routine: RoutinePart | None
    note: str = NOT_A_DIAGNOSIS
