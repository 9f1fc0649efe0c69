"""`unhunch start`: a guided session in the terminal.

Checks the screen, plans today's routine, asks how much it hurts, plays the routine (full screen
with keys in a terminal; line by line otherwise; all at once with --no-wait or --json), asks
again at the end and stores the session.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.panel import Panel

from unhunch.cli.profile import (
    At,
    BreathSeconds,
    Conditions,
    Excludes,
    Favourites,
    Level,
    LowerBack,
    Minutes,
    Neck,
    Props,
    UpperBack,
)
from unhunch.cli.render import console, print_json
from unhunch.core.errors import InputError
from unhunch.core.models import DEFAULT_BREATH_SECONDS, Profile, Routine
from unhunch.core.player_events import Advise
from unhunch.core.session_record import SessionRecord, record_from_state
from unhunch.core.timeline import Timeline, clock_words, stamp
from unhunch.core.vocab import PAIN_REGIONS, label
from unhunch.services.context import Context


def parse_pain(option: str, value: str | None, regions: list[str]) -> dict[str, int]:
    """'4' (every region asked about) or 'neck=3,lower_back=5'; None means not given."""
    if value is None or not value.strip():
        return {}
    allowed = (
        "a number 0-10, or region=N pairs such as neck=3,lower_back=5"
        f" (regions: {', '.join(PAIN_REGIONS)})"
    )
    found: dict[str, int] = {}
    parts = [p.strip() for p in value.split(",") if p.strip()]
    for part in parts:
        region, _, number = part.rpartition("=")
        targets = [region] if region else regions
        if region and region not in PAIN_REGIONS:
            raise InputError(option, value, allowed, f"Unknown region {region!r}.")
        if not number.isdigit() or not 0 <= int(number) <= 10:
            raise InputError(option, value, allowed)
        for r in targets:
            found[r] = int(number)
    return found


def regions_to_ask(routine: Routine) -> list[str]:
    """The painful regions this routine works on, in the usual order (all three if none)."""
    from unhunch.content import load_library

    library = load_library()
    worked = {
        r
        for item in routine.items
        if item.exercise in library.exercises
        for r in library.exercises[item.exercise].regions[:2]
    }
    return [r for r in PAIN_REGIONS if r in worked] or list(PAIN_REGIONS)


def load_routine_file(path: Path) -> Routine:
    from pydantic import ValidationError

    from unhunch.input_files import read_input_file

    try:
        return Routine.model_validate_json(read_input_file(path, "--routine"))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(
            "--routine",
            str(path),
            "a routine as printed by `unhunch plan --json`",
            f"{where}: {first['msg']}",
        ) from None


def checked_routine(ctx: Context, path: Path) -> Routine:
    """The routine file, once admitted for this person (services/admit): an empty routine or
    an unknown id exits 2, an exercise a condition forbids exits 3; never played or recorded
    (cli/errors.py prints the failure, with --json as the error document)."""
    from unhunch.services.admit import admit_routine

    return admit_routine(ctx, load_routine_file(path), "--routine")


def start(
    profile_file: Annotated[
        Path | None,
        typer.Option("--profile", metavar="FILE", help="A JSON profile (spec shape)."),
    ] = None,
    neck: Neck = None,
    upper_back: UpperBack = None,
    lower_back: LowerBack = None,
    minutes: Minutes = None,
    at: At = None,
    props: Props = None,
    level: Level = None,
    condition: Conditions = None,
    favourite: Favourites = None,
    exclude: Excludes = None,
    breath_seconds: BreathSeconds = None,
    routine_file: Annotated[
        Path | None,
        typer.Option("--routine", metavar="FILE", help="Play this routine (from plan --json)."),
    ] = None,
    no_wait: Annotated[
        bool, typer.Option("--no-wait", help="Print the steps at once and record the session.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", help="No bell when a step changes.")] = False,
    pain_before: Annotated[
        str | None,
        typer.Option(help="Pain before (no questions asked): 4, or neck=3,lower_back=5."),
    ] = None,
    pain_after: Annotated[str | None, typer.Option(help="Pain after (no questions asked).")] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON (implies --no-wait).")
    ] = False,
) -> None:
    """A guided session: how it hurts, each step timed with a breath pacer, how it feels after.

    Plans today's routine from your saved profile (or --profile FILE, or the options given),
    then plays it. Keys: space pause, → skip, ← back, s too much, q quit. Refuses (exit 3)
    until the safety screen allows coaching.
    """
    from unhunch import clock
    from unhunch.content import load_library
    from unhunch.services import sessions
    from unhunch.services.admit import admit_routine
    from unhunch.services.context import local_context

    ctx = local_context()
    now = clock.now()
    sessions.require_coaching(ctx, now)
    options: tuple[Any, ...] = (
        *(neck, upper_back, lower_back, minutes, at, props, level),
        *(condition, favourite, exclude, breath_seconds),
    )
    if routine_file is not None:
        routine = checked_routine(ctx, routine_file)
        regions = regions_to_ask(routine)
        breath = breath_seconds or DEFAULT_BREATH_SECONDS
    else:
        profile = profile_for(ctx, profile_file, options)
        # Admitted like any routine: an empty plan is never recorded as done.
        routine = admit_routine(ctx, sessions.plan_routine(ctx, now, profile), "plan")
        regions = list(profile.targets) or regions_to_ask(routine)
        breath = profile.breath_seconds
    before = parse_pain("--pain-before", pain_before, regions)
    after = parse_pain("--pain-after", pain_after, regions)
    timeline = sessions.timeline_for(routine, load_library(), breath)
    session_id = sessions.new_session_id()
    out = console()
    if no_wait or as_json:
        record = sessions.run_at_once(ctx, routine, timeline, now, before, after, session_id)
        if as_json:
            print_json({"session": record, "timeline": timeline})
        else:
            print_timeline(out, timeline)
            print_summary(out, record, [])
        return
    from unhunch.cli.player import (
        PlayerClock,
        ask_pain,
        close_session,
        player_speed,
        run_interactive,
        run_lines,
    )
    from unhunch.core.player import PlayerState

    def save(state: PlayerState) -> None:
        sessions.save(ctx, record_from_state(session_id, routine, now, state))

    speed = player_speed()
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        state, advice = run_lines(timeline, before, after, save, out, speed)
    else:
        print_intro(out, timeline)
        before = before or ask_pain(out, regions, "before")
        first = SessionRecord(id=session_id, routine=routine, started_at=now, pain_before=before)
        sessions.save(ctx, first)  # the session exists before the first step is shown
        timer = PlayerClock(speed)
        state, advice = run_interactive(timeline, before, save, out, quiet, speed, timer)
        if state.status == "asking":
            for shown in advice[-1:]:
                if shown.action == "stop_rescreen":  # why we stopped, before asking how it feels
                    out.print(Panel(shown.words, title="Session stopped", border_style="yellow"))
            try:
                after = after or ask_pain(out, regions, "after")
            except (KeyboardInterrupt, EOFError):  # leaving now still saves the session
                after = {}
        state, more = close_session(state, after, save, timer.now())
        advice = advice + more
    print_summary(out, record_from_state(session_id, routine, now, state), advice)


def profile_for(ctx: Context, profile_file: Path | None, options: tuple[Any, ...]) -> Profile:
    """The profile as `unhunch plan` builds it: a file, or the options over the saved one."""
    from unhunch.cli.profile import any_option, build_profile, merge_options, read_profile_file
    from unhunch.services.planning import NO_PROFILE, load_profile

    if profile_file is not None:
        base = read_profile_file(profile_file)
    else:
        saved = load_profile(ctx)
        if saved is None and not any_option(*options):
            raise InputError("profile", "none saved yet", "a saved profile", NO_PROFILE)
        base = saved.model_dump(mode="json", exclude={"date"}) if saved else {}
    return build_profile(merge_options(base, *options))


def print_intro(out: Console, timeline: Timeline) -> None:
    names = "\n".join(f"  {i}. {item.name}" for i, item in enumerate(timeline.items, 1))
    out.print(
        Panel(
            f"{len(timeline.items)} exercises, about {clock_words(timeline.total_seconds)}.\n"
            f"{names}\n\nKeys: space pause · → skip · ← back · s too much · q quit",
            title="Today's session",
            title_align="left",
            border_style="cyan",
        )
    )


def print_timeline(out: Console, timeline: Timeline) -> None:
    at = 0.0
    for shown in timeline.steps:
        out.print(f"[{stamp(at)}] {shown.text}", markup=False)
        at += shown.seconds


def print_summary(out: Console, record: SessionRecord, advice: list[Advise]) -> None:
    counts = record.counts
    emergency = [a for a in advice if a.action == "stop_emergency"]
    if emergency:
        # Nothing else competes with what to do now (spec/screening.md, emergency tier).
        if out.is_terminal:
            out.clear()
        out.print(Panel(emergency[0].message, title="Stop now", border_style="bold red"))
        out.print("Your session has been saved.", style="dim")
        return
    if any(a.action == "stop_rescreen" for a in advice):
        out.print("Before your next session, answer the safety questions again: unhunch screen")
    heading = {
        "completed": "Well done.",
        "quit": "Session ended early.",
        "stopped": "Session stopped.",
    }
    parts = [f"{counts['done']} done"]
    parts += [f"{counts[k]} {k}" for k in ("eased", "skipped", "stopped") if counts[k]]
    out.print(
        f"[bold]{heading.get(record.status, '')}[/] "
        + " · ".join(parts)
        + f" · {clock_words(record.active_seconds)} of exercise."
    )
    if record.pain_before or record.pain_after:
        out.print(f"Pain before: {_pain(record.pain_before)} · after: {_pain(record.pain_after)}")
    out.print("Saved. See how it is going with: unhunch progress", style="dim")


def _pain(pain: dict[str, int] | None) -> str:
    if not pain:
        return "not given"
    return ", ".join(f"{label(r)} {p}" for r, p in pain.items())
