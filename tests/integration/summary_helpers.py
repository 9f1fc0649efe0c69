"""A month of one person's record for the clinician-summary tests, written through the services
exactly as the CLI and the web app write it, and readers for the PDF (poppler's tools)."""

from __future__ import annotations

import datetime as dt
import subprocess
import uuid
from pathlib import Path

from tests.unit.screen_helpers import answers
from unhunch.core.models import Profile
from unhunch.core.player_events import Outcome
from unhunch.core.session_record import SessionRecord
from unhunch.services import breaks, diary, planning, screening, sessions
from unhunch.services.context import Context

NOW = dt.datetime.fromisoformat("2026-03-02T18:00:00+01:00")
NOW_TEXT = NOW.isoformat()


def at(days_ago: int, hour: int) -> dt.datetime:
    return (NOW - dt.timedelta(days=days_ago)).replace(hour=hour, minute=0)


def seed_month(ctx: Context, *, emergency: bool = False) -> None:
    """A screen, a profile, morning pain falling from 6 to 2 in the lower back, sessions on two
    days in three (one stopped for spreading pain, which asks for a new screen, taken the next
    morning), a week of movement breaks. `emergency`: one more screen, today, that found
    emergency signs."""
    screening.record_screen(ctx, answers(pain_weeks=3), at(29, 8))
    planning.save_profile(
        ctx,
        Profile(
            pain={"lower_back": 6, "neck": 3},
            minutes=8,
            setting="floor",
            level="beginner",
            conditions=["osteoporosis"],
            favourites=["cat_cow"],
            excluded=["cobra"],
        ),
        at(29, 8),
    )
    for days_ago in range(28, -1, -1):
        back = 2 + round(4 * days_ago / 28)
        diary.log_pain(
            ctx,
            {"lower_back": back, "neck": 3 if days_ago > 14 else 2},
            "morning",
            None,
            [],
            at(days_ago, 7),
        )
        if days_ago == 9:
            screening.record_screen(ctx, answers(pain_weeks=5), at(9, 8))
        if days_ago % 3 == 0:
            continue  # no session every third day
        start = at(days_ago, 18)
        routine = planning.plan_today(ctx, start)
        if days_ago == 10:
            first = routine.blocks[0].items[0].exercise
            sessions.save(
                ctx,
                SessionRecord(
                    id=str(uuid.uuid4()),
                    routine=routine,
                    started_at=start,
                    ended_at=start + dt.timedelta(minutes=3),
                    status="stopped",
                    stop_reason="spreading",
                    pain_before={"lower_back": back},
                    pain_after={"lower_back": back + 1},
                    items=[
                        Outcome(
                            item=0,
                            exercise=first,
                            outcome="stopped",
                            reason="spreading",
                            seconds=60,
                        )
                    ],
                ),
            )
            # That evening the neck flares too: a jump of 3+ points the page must show.
            diary.log_pain(ctx, {"neck": 6}, "evening", "after gardening", [], at(10, 21))
            continue
        if days_ago == 5:
            # One exercise switched to its easier version, one skipped for pain above 5/10.
            items = [b.exercise for block in routine.blocks for b in block.items]
            sessions.save(
                ctx,
                SessionRecord(
                    id=str(uuid.uuid4()),
                    routine=routine,
                    started_at=start,
                    ended_at=start + dt.timedelta(minutes=8),
                    status="completed",
                    pain_before={"lower_back": back},
                    pain_after={"lower_back": back},
                    items=[
                        Outcome(
                            item=0,
                            exercise=items[0],
                            outcome="eased",
                            reason="eased to an easier version",
                            seconds=90,
                        ),
                        Outcome(
                            item=1,
                            exercise=items[1],
                            outcome="skipped",
                            reason="pain_above_limit: no easier version",
                            seconds=20,
                        ),
                    ],
                ),
            )
            continue
        timeline = sessions.timeline_for(routine, _library(), None)
        sessions.run_at_once(
            ctx, routine, timeline, start, {"lower_back": back}, {"lower_back": max(0, back - 1)}
        )
    for days_ago in range(6, -1, -1):
        for hour in (10, 11, 14):
            breaks.take(ctx, at(days_ago, hour))
    if emergency:
        screening.record_screen(ctx, answers("saddle_numbness", "new_bladder_problem"), NOW)


def _library():  # type: ignore[no-untyped-def]
    from unhunch.content import load_library

    return load_library()


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    line = next(x for x in info.stdout.splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


def text_of(pdf: Path) -> str:
    """The page's words, one space between them (layout line breaks do not matter here)."""
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())
