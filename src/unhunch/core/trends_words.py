"""Progress in plain sentences and sparklines, shared by the terminal and the web app (pure)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from unhunch.core.trends import (
    EASE_BACK_SHARE,
    MIN_DAYS_EACH_SIDE,
    WORSE_NEXT_MORNING,
    Comparison,
    NextMorning,
    Progress,
    RegionTrend,
    SessionStats,
)
from unhunch.core.vocab import label

BLOCKS = "▁▂▃▄▅▆▇█"


def sparkline(
    series: Sequence[tuple[dt.date, float]], first: dt.date, last: dt.date, width: int = 30
) -> str:
    """One character per day (or per group of days when the range is wider than `width`).

    Heights are on the fixed 0-10 scale, not stretched to the data, so a flat line at 2 looks
    low and a flat line at 8 looks high. Days without a score are a middle dot.
    """
    values = dict(series)
    total = (last - first).days + 1
    step = max(1, -(-total // width))
    chars = []
    for start in range(0, total, step):
        group = [
            values[d]
            for i in range(start, min(start + step, total))
            if (d := first + dt.timedelta(days=i)) in values
        ]
        if not group:
            chars.append("·")
            continue
        level = sum(group) / len(group)
        chars.append(BLOCKS[min(len(BLOCKS) - 1, round(level / 10 * (len(BLOCKS) - 1)))])
    return "".join(chars)


def day_marks(dates: Sequence[dt.date], first: dt.date, last: dt.date, width: int = 30) -> str:
    """A row lined up under `sparkline`: ● for a day (or group of days) with a session."""
    wanted = set(dates)
    total = (last - first).days + 1
    step = max(1, -(-total // width))
    return "".join(
        "●"
        if any(first + dt.timedelta(days=i) in wanted for i in range(s, min(s + step, total)))
        else "·"
        for s in range(0, total, step)
    )


def _n(value: float) -> str:
    return f"{value:.1f}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def region_sentence(trend: RegionTrend, today: dt.date) -> str:
    name = label(trend.region)
    if trend.avg_7 is None:
        when = trend.latest_at.date().strftime("%-d %b") if trend.latest_at else "earlier"
        return f"No {name} scores this week; the last one was {trend.latest} on {when}."
    text = f"Your {name} averaged {_n(trend.avg_7)} this week"
    if trend.change is None or trend.first_week_avg is None:
        ready = (trend.first_day or today) + dt.timedelta(days=13)
        return (
            text + f". Keep logging: from {ready.strftime('%-d %b')} it can be compared with"
            " your first week."
        )
    if trend.change == 0:
        return text + f", the same as your first week ({_n(trend.first_week_avg)})."
    direction = "down" if trend.change < 0 else "up"
    text += (
        f", {direction} {_n(abs(trend.change))} from your first week ({_n(trend.first_week_avg)})"
    )
    if trend.meaningful:
        verdict = "a meaningful change" if trend.change < 0 else "a meaningful rise"
        return text + f" — {verdict}."
    return text + " — too small to call a real change yet."


def sessions_sentence(stats: SessionStats, days: int) -> str:
    if stats.total_window == 0:
        return f"No sessions in the last {days} days."
    text = (
        f"{_plural(stats.this_week, 'session')} this week ({stats.minutes_week:.0f} min); "
        f"{_n(stats.per_week)} a week on average over the last {days} days."
    )
    if stats.streak >= 2:
        text += f" You are on a {stats.streak}-day streak."
    return text


def next_morning_sentence(item: NextMorning) -> str:
    name = label(item.region)
    if item.avg_next_morning is None:
        return ""
    text = (
        f"Mornings after a session your {name} averaged {_n(item.avg_next_morning)}"
        f" ({_plural(item.nights, 'morning')})"
    )
    if item.compared == 0:
        return text + "."
    if item.worse == 0:
        return text + f"; never {WORSE_NEXT_MORNING}+ points worse than the morning before."
    verb = "was" if item.worse == 1 else "were"
    text += (
        f"; {item.worse} of {item.compared} {verb} {WORSE_NEXT_MORNING}+ points worse than the"
        " morning before"
    )
    if item.worse / item.compared >= EASE_BACK_SHARE:
        return text + ". That is often: ease the sessions back a little (source D12)."
    return text + "."


def comparison_sentence(item: Comparison, yes: str, no: str) -> str:
    """`yes`/`no` finish the phrase "on days ...", e.g. "with a session" / "without"."""
    name = label(item.region)
    if not item.enough:
        return (
            f"Too early to compare your {name} on days {yes} and days {no}: this needs"
            f" {MIN_DAYS_EACH_SIDE} days of each (so far {item.yes_days} and {item.no_days})."
        )
    assert item.yes_avg is not None and item.no_avg is not None
    return (
        f"On days {yes} your {name} averaged {_n(item.yes_avg)} ({item.yes_days} days),"
        f" and {_n(item.no_avg)} on days {no} ({item.no_days} days)."
    )


def sentences(progress: Progress) -> list[str]:
    lines = [region_sentence(t, progress.as_of) for t in progress.regions]
    lines.append(sessions_sentence(progress.sessions, progress.days))
    lines += [s for s in (next_morning_sentence(n) for n in progress.next_morning) if s]
    compared = progress.with_sessions
    if compared and not any(c.enough for c in compared):
        most = max(compared, key=lambda c: min(c.yes_days, c.no_days))
        lines.append(
            "Too early to compare days with a session and days without: this needs"
            f" {MIN_DAYS_EACH_SIDE} days of each with a score (so far {most.yes_days} and"
            f" {most.no_days})."
        )
    else:
        lines += [comparison_sentence(c, "with a session", "without one") for c in compared]
        lines.append("These show what went together, not what caused what.")
    return lines
