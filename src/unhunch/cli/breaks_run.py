"""`unhunch breaks run`: a foreground reminder loop for the working day.

When a break falls due it says so: a desktop notification when there is a desktop session
(DBUS_SESSION_BUS_ADDRESS or DISPLAY), and always a calm panel in the terminal with the bell.
Keys: Enter or s start the break's routine in the terminal player, z snoozes, x skips; Ctrl-C
ends the loop. When stdin is not a terminal the loop only announces each break once and never
waits for a key (record breaks with `unhunch breaks log`).

Time comes from clock.ScaledClock: UNHUNCH_NOW and the hidden UNHUNCH_CLOCK_SPEED let a test
live through a morning in seconds. Time the computer spent asleep is stored as an absence; the
schedule decides whether it was long enough to count as a break.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import select
import sys
from contextlib import AbstractContextManager, nullcontext
from typing import Protocol

from rich.console import Console
from rich.panel import Panel

from unhunch import clock
from unhunch.cli.render import console
from unhunch.services import breaks
from unhunch.services.breaks import NextBreak
from unhunch.services.context import Context, local_context

log = logging.getLogger("unhunch.breaks")

TICK_SECONDS = 1.0  # real seconds between looks at the clock while waiting
AWAY_AT_LEAST = dt.timedelta(minutes=1)  # shorter sleeps are not worth recording
KEYS_HELP = "Enter or s: start · z: snooze · x: skip · Ctrl-C: stop reminders"


class Keys(Protocol):
    def read(self, timeout: float) -> str | None: ...


class LineKeys:
    """Keys from a pipe or file: one line is one key (an empty line is Enter)."""

    def __init__(self) -> None:
        self.closed = False

    def read(self, timeout: float) -> str | None:
        if self.closed:
            return None
        readable, _, _ = select.select([sys.stdin], [], [], max(0.0, timeout))
        if not readable:
            return None
        line = sys.stdin.readline()
        if not line:
            self.closed = True
            return None
        text = line.strip().lower()
        return "enter" if not text else text[0]


def desktop_session() -> bool:
    return bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS") or os.environ.get("DISPLAY"))


def notify_desktop(title: str, message: str) -> bool:
    """A desktop notification; False (and a log line) when it cannot be shown."""
    try:
        from desktop_notifier import DesktopNotifierSync

        DesktopNotifierSync(app_name="unhunch").send(title=title, message=message)
    except Exception as exc:  # no notification server, no D-Bus: the terminal still says it
        log.info("desktop notification not shown: %s", exc)
        return False
    return True


def run_loop(quiet: bool) -> None:
    ctx = local_context()
    timer = clock.ScaledClock(clock.clock_speed())
    out = console()
    interactive = sys.stdin.isatty()
    keys_context: AbstractContextManager[Keys]
    if interactive:
        from unhunch.cli.keys import RawKeys

        keys_context = RawKeys()
    else:
        keys_context = nullcontext(LineKeys())
    out.print(
        "Movement-break reminders are on. Keep this window open; Ctrl-C stops them.",
        markup=False,
    )
    try:
        with keys_context as keys:
            Loop(ctx, timer, out, keys, quiet, interactive).run()
    except KeyboardInterrupt:
        pass
    out.print("Reminders stopped. See your breaks with: unhunch progress", markup=False)


class Loop:
    def __init__(
        self,
        ctx: Context,
        timer: clock.ScaledClock,
        out: Console,
        keys: Keys,
        quiet: bool,
        interactive: bool,
    ) -> None:
        self.ctx, self.timer, self.out, self.keys = ctx, timer, out, keys
        self.quiet, self.interactive = quiet, interactive
        self.told: object = None  # what was last announced, so nothing is said twice

    def run(self) -> None:
        while True:
            now = self.timer.now()
            slept = self.timer.slept()
            if slept >= AWAY_AT_LEAST:
                breaks.record_absence(self.ctx, now - slept, now)
            settings, due = breaks.next_due(self.ctx, now)
            if due is None:
                self.say_once("none", "No break falls inside your working hours.")
                self.wait(60)
                continue
            if due.at > now:
                local = due.at.astimezone(settings.zone)
                self.say_once(
                    ("next", due.at), f"Next movement break at {local:%H:%M} ({local:%a %d %b})."
                )
                self.wait((due.at - now).total_seconds())
                continue
            key = (due.day, due.index, due.snoozes)
            if key == self.told:
                self.wait(60)  # announced already and nobody can answer (not a terminal)
                continue
            self.told = key
            found = breaks.find_next(self.ctx, now)
            if found.content.kind == "none":
                self.say_once("none", f"No movement-break reminders: {found.content.reason}")
                self.wait(60)
                continue
            self.remind(found)
            if self.interactive:
                self.answer(found)

    def say_once(self, what: object, text: str) -> None:
        if what != self.told:
            self.told = what
            self.out.print(text, markup=False)

    def wait(self, clock_seconds: float) -> None:
        """Wait for the clock to move on (a key press only shortens the wait)."""
        real = min(TICK_SECONDS, max(0.05, self.timer.real_seconds(clock_seconds)))
        self.keys.read(real)

    def remind(self, found: NextBreak) -> None:
        title = "Time for a movement break"
        body = found.content.text
        if found.due and found.due.snoozes:
            body += f"\n(Snoozed {found.due.snoozes} of {found.due.max_snoozes} times.)"
        if self.interactive:
            body += f"\n\n{KEYS_HELP}"
        if not self.quiet:
            self.out.bell()
            if desktop_session():
                notify_desktop(title, found.content.text)
        self.out.print(Panel(body, title=title, title_align="left", border_style="cyan"))

    def answer(self, found: NextBreak) -> None:
        while True:
            key = self.keys.read(TICK_SECONDS)
            if key is None:
                continue
            now = self.timer.now()
            if key in ("enter", "s"):
                self.start(breaks.take(self.ctx, now))
                return
            if key == "x":
                breaks.skip(self.ctx, now)
                self.out.print("Skipped. The next one is in an hour or so.", markup=False)
                return
            if key == "z":
                from unhunch.core.errors import InputError

                try:
                    breaks.snooze(self.ctx, now)
                except InputError:
                    self.out.print(
                        "No more snoozes for this break: press Enter to start it or x to skip.",
                        markup=False,
                    )
                    continue
                self.out.print(f"Snoozed for {found.settings.snooze} minutes.", markup=False)
                return

    def start(self, found: NextBreak) -> None:
        routine = found.content.routine
        if routine is None:
            self.out.print("Enjoy the walk. Come back when you are ready.", markup=False)
            return
        from unhunch.cli.player import close_session, player_speed, run_interactive
        from unhunch.content import load_library
        from unhunch.services.sessions import timeline_for

        timeline = timeline_for(routine, load_library(), None)

        def keep(_state: object) -> None:
            """The break itself is already stored as taken; its steps are not a session."""

        state, advice = run_interactive(timeline, {}, keep, self.out, self.quiet, player_speed())
        state, more = close_session(state, {}, keep, state.ended_at or 0.0)
        for shown in advice + more:  # a stop rule spoke (too much, spreading pain, ...)
            self.out.print(Panel(shown.message, border_style="yellow"))
        self.out.print("Well done: break taken.", markup=False)
