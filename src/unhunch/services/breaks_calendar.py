"""The coming breaks as an iCalendar file (RFC 5545) that calendar apps import.

Each break is one VEVENT with a stable UID (the same break gets the same UID when the file is
made again, so re-importing updates rather than duplicates), DTSTAMP, DTSTART/DTEND in the
person's own time zone (with its VTIMEZONE), a SUMMARY and a DESCRIPTION naming the routine.
"""

from __future__ import annotations

import datetime as dt

from unhunch.core.breaks_routine import SOURCES, WHY
from unhunch.core.citations import sources_line
from unhunch.services.breaks import upcoming
from unhunch.services.context import Context

PRODID = "-//unhunch//movement breaks//EN"


def calendar_bytes(ctx: Context, now: dt.datetime, days: int) -> bytes:
    from icalendar import Calendar, Event

    from unhunch.content import load_library

    cited = sources_line(SOURCES, load_library().sources)

    settings, found = upcoming(ctx, now, days)
    zone = settings.zone
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "unhunch movement breaks")
    stamp = now.astimezone(dt.UTC)
    for due, content in found:
        if content.kind == "none":
            continue
        start = due.at.astimezone(zone)
        event = Event()
        event.add("uid", f"break-{due.at:%Y%m%dT%H%M%SZ}-{ctx.person}@unhunch")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=max(settings.minutes, 1)))
        event.add(
            "summary",
            "Movement break" if content.kind == "routine" else "Movement break: a gentle walk",
        )
        event.add("description", f"{content.text}\n\n{WHY}\n{cited}.")
        event.add("categories", ["unhunch"])
        event.add("transp", "TRANSPARENT")  # a nudge, not a meeting: never shows you as busy
        calendar.add_component(event)
    calendar.add_missing_timezones()
    data: bytes = calendar.to_ical()
    return data
