"""Days and habits: a person's diary and sessions as calendar days, and the generic comparison
of pain on days where something held against days where it did not (pure).

Other habits (movement breaks, say) reuse `compare_days` with their own predicate and put their
daily tallies in `Day.counts`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from statistics import fmean

from pydantic import BaseModel, ConfigDict, Field

from unhunch.core.diary import Entry
from unhunch.core.vocab import PAIN_REGIONS, PainRegion

MIN_DAYS_EACH_SIDE = 7


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SessionDone(Frozen):
    """A guided session as the trends see it: when it started and how much was done."""

    id: str
    started_at: dt.datetime
    status: str
    seconds: int = Field(ge=0)

    @property
    def counts(self) -> bool:
        """A session counts once some exercise was done (a stop rule may have ended it early)."""
        return self.seconds > 0 or self.status == "completed"


class Day(Frozen):
    """One calendar day in the person's own time zone: mean pain per region and what they did.

    `counts` holds other daily tallies (e.g. breaks taken) so new habits can be compared with
    `compare_days` without changing this shape.
    """

    date: dt.date
    pain: dict[PainRegion, float] = {}
    morning_pain: dict[PainRegion, float] = {}
    sessions: int = 0
    minutes: float = 0.0
    counts: dict[str, int] = {}


class Comparison(Frozen):
    """Pain on days where something held vs days where it did not, for one region.

    The averages stay None until each side has MIN_DAYS_EACH_SIDE days: fewer would be noise.
    """

    region: PainRegion
    yes_days: int
    no_days: int
    yes_avg: float | None
    no_avg: float | None

    @property
    def enough(self) -> bool:
        return self.yes_avg is not None and self.no_avg is not None


def local_date(moment: dt.datetime, tz: dt.tzinfo) -> dt.date:
    return moment.astimezone(tz).date()


def build_days(
    entries: Iterable[Entry],
    sessions: Iterable[SessionDone],
    first: dt.date,
    last: dt.date,
    tz: dt.tzinfo,
    counts: dict[dt.date, dict[str, int]] | None = None,
) -> list[Day]:
    """Every day from first to last inclusive, each with its mean pain and sessions."""
    scores: dict[dt.date, dict[PainRegion, list[int]]] = defaultdict(lambda: defaultdict(list))
    mornings: dict[dt.date, dict[PainRegion, list[int]]] = defaultdict(lambda: defaultdict(list))
    for entry in entries:
        day = local_date(entry.recorded_at, tz)
        for region, pain in entry.scores.items():
            scores[day][region].append(pain)
            if entry.when == "morning":
                mornings[day][region].append(pain)
    done: dict[dt.date, list[SessionDone]] = defaultdict(list)
    for session in sessions:
        if session.counts:
            done[local_date(session.started_at, tz)].append(session)
    days = []
    day = first
    while day <= last:
        days.append(
            Day(
                date=day,
                pain={r: fmean(v) for r, v in scores[day].items()},
                morning_pain={r: fmean(v) for r, v in mornings[day].items()},
                sessions=len(done[day]),
                minutes=sum(s.seconds for s in done[day]) / 60,
                counts=(counts or {}).get(day, {}),
            )
        )
        day += dt.timedelta(days=1)
    return days


def compare_days(days: Sequence[Day], predicate: Callable[[Day], bool]) -> list[Comparison]:
    """Per region, mean pain on days where predicate holds vs days where it does not.

    Only days with a score for the region count on either side.
    """
    result = []
    for region in PAIN_REGIONS:
        yes = [d.pain[region] for d in days if region in d.pain and predicate(d)]
        no = [d.pain[region] for d in days if region in d.pain and not predicate(d)]
        if not yes and not no:
            continue
        enough = len(yes) >= MIN_DAYS_EACH_SIDE and len(no) >= MIN_DAYS_EACH_SIDE
        result.append(
            Comparison(
                region=region,
                yes_days=len(yes),
                no_days=len(no),
                yes_avg=round(fmean(yes), 1) if enough else None,
                no_avg=round(fmean(no), 1) if enough else None,
            )
        )
    return result
