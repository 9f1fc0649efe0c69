"""Break settings from text (CLI options, web forms): each bad value names its field.

Formats: times "09:00"; days "mon-fri", "mon,wed,fri" or "sat-sun"; quiet periods
"12:30-13:30" (several with commas, "none" clears them); a time zone as an IANA name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from unhunch.core.breaks import PLACES, WEEKDAYS, BreakSettings, Period, Weekday, zone_of
from unhunch.core.errors import InputError
from unhunch.core.library import closest

ALLOWED: dict[str, str] = {
    "interval": "a whole number of minutes from 10 to 240",
    "start": "a time of day as HH:MM, e.g. 09:00",
    "end": "a time of day as HH:MM, e.g. 17:30",
    "days": "days as mon-fri, or a list like mon,wed,fri (mon tue wed thu fri sat sun)",
    "quiet": "periods as HH:MM-HH:MM, several with commas (e.g. 12:30-13:30), or none",
    "snooze": "a whole number of minutes from 1 to 60",
    "max_snoozes": "a whole number from 0 to 10",
    "minutes": "a whole number of minutes from 1 to 3",
    "place": ", ".join(PLACES),
    "tz": "an IANA time zone name such as Europe/London or America/New_York",
}


def option(field: str) -> str:
    """The CLI spelling of a field, for messages: max_snoozes -> --max-snoozes."""
    return "--" + field.replace("_", "-")


def parse_time(field: str, text: str) -> dt.time:
    try:
        hours, minutes = text.strip().split(":")
        if len(minutes) != 2:
            raise ValueError(text)
        return dt.time(int(hours), int(minutes))
    except ValueError:
        raise InputError(option(field), text, ALLOWED[field]) from None


def parse_days(text: str) -> tuple[Weekday, ...]:
    found: list[Weekday] = []
    for part in (p.strip().lower() for p in text.split(",") if p.strip()):
        first, _, last = part.partition("-")
        ends = [first, last or first]
        for end in ends:
            if end not in WEEKDAYS:
                near = closest(end, WEEKDAYS)
                hint = f"Did you mean {near!r}?" if near else ""
                raise InputError("--days", text, ALLOWED["days"], hint)
        i, j = WEEKDAYS.index(ends[0]), WEEKDAYS.index(ends[1])
        span = range(i, j + 1) if i <= j else [*range(i, 7), *range(0, j + 1)]  # fri-mon wraps
        found += [WEEKDAYS[k] for k in span]
    if not found:
        raise InputError("--days", text, ALLOWED["days"])
    return tuple(d for d in WEEKDAYS if d in found)


def parse_quiet(text: str) -> tuple[Period, ...]:
    if text.strip().lower() in ("", "none"):
        return ()
    periods = []
    for part in (p.strip() for p in text.split(",") if p.strip()):
        start, sep, end = part.partition("-")
        if not sep:
            raise InputError("--quiet", text, ALLOWED["quiet"])
        try:
            periods.append(Period(start=parse_time("quiet", start), end=parse_time("quiet", end)))
        except InputError:
            raise InputError("--quiet", text, ALLOWED["quiet"]) from None
        if periods[-1].start == periods[-1].end:
            raise InputError("--quiet", text, ALLOWED["quiet"], "A period needs some length.")
    return tuple(periods)


def parse_tz(text: str) -> str:
    try:
        zone_of(text.strip())
    except ValueError:
        raise InputError("--tz", text, ALLOWED["tz"]) from None
    return text.strip()


TEXT_PARSERS = {
    "start": lambda v: parse_time("start", v),
    "end": lambda v: parse_time("end", v),
    "days": parse_days,
    "quiet": parse_quiet,
    "tz": parse_tz,
}


def apply_changes(current: BreakSettings, changes: Mapping[str, Any]) -> BreakSettings:
    """The settings with the given fields changed; None values are left as they are.

    Text values of start/end/days/quiet/tz are parsed here; numbers are checked by the model.
    """
    update: dict[str, Any] = {}
    for field, value in changes.items():
        if value is None:
            continue
        if field not in BreakSettings.model_fields:
            near = closest(field, tuple(BreakSettings.model_fields))
            hint = f"Did you mean {near!r}?" if near else ""
            raise InputError("setting", field, ", ".join(BreakSettings.model_fields), hint)
        parse = TEXT_PARSERS.get(field)
        update[field] = parse(value) if parse and isinstance(value, str) else value
    data = current.model_dump() | update
    try:
        return BreakSettings.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = str(err["loc"][0]) if err["loc"] else ""
        if field in ALLOWED:
            hint = "" if field in update else str(err["msg"]).removeprefix("Value error, ")
            return _raise(field, data.get(field), hint)
        # A rule across fields (working hours against the interval): name what was changed.
        named = next((f for f in ("interval", "start", "end") if f in update), "interval")
        value = data.get(named)
        raise InputError(
            option(named),
            value.strftime("%H:%M") if isinstance(value, dt.time) else value,
            "working hours longer than the time between breaks",
            str(err["msg"]).removeprefix("Value error, ").capitalize() + ".",
        ) from None


def _raise(field: str, value: Any, hint: str) -> BreakSettings:
    shown = value.strftime("%H:%M") if isinstance(value, dt.time) else value
    raise InputError(option(field), shown, ALLOWED[field], hint)


def load_settings(data: Any) -> BreakSettings:
    """Stored settings back; anything unreadable falls back to the defaults (never lost work:
    the schedule is only a preference, and the person sees it in `unhunch breaks settings`)."""
    try:
        return BreakSettings.model_validate(data)
    except ValidationError:
        return BreakSettings()


def describe(settings: BreakSettings) -> dict[str, str]:
    """Plain words for each setting, in the order people read them."""
    days = settings.days
    if days == WEEKDAYS[:5]:
        day_text = "Monday to Friday"
    elif days == WEEKDAYS:
        day_text = "every day"
    else:
        day_text = ", ".join(d.capitalize() for d in days)
    return {
        "every": f"{settings.interval} minutes of sitting",
        "hours": f"{settings.start:%H:%M} to {settings.end:%H:%M}, {day_text}",
        "quiet": ", ".join(p.text() for p in settings.quiet) or "none",
        "snooze": f"{settings.snooze} minutes, at most {settings.max_snoozes} times a break",
        "routine": f"{settings.minutes} minute"
        + ("" if settings.minutes == 1 else "s")
        + f" ({settings.place})",
        "time zone": settings.tz,
    }
