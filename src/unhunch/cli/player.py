"""The terminal player: runs the pure player on the real clock, with keys and a live screen.

Two ways to run: full-screen with keys when stdin and stdout are a terminal, or line by line
with timestamps (never waiting for a key) when they are not. Player time is monotonic seconds
times `speed` (1 for people; tests set the hidden UNHUNCH_PLAYER_SPEED to run faster).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rich.console import Console
from rich.live import Live

from unhunch import clock
from unhunch.cli.hangup import OnChange, ends_on_hangup, record_abandoned
from unhunch.cli.player_view import detail_words, screen
from unhunch.core.player import PlayerState, new_state, step
from unhunch.core.player_events import (
    Advise,
    AskCheckIn,
    Back,
    CheckInAnswer,
    Cue,
    Effect,
    Event,
    Finish,
    Pause,
    Quit,
    Record,
    Resume,
    ShowStep,
    Skip,
    Start,
    Tick,
    TooMuch,
)
from unhunch.core.stop_rules import CheckIn
from unhunch.core.timeline import Timeline, stamp
from unhunch.core.vocab import label

REFRESH_SECONDS = 0.1  # real seconds between screen updates while nothing else happens

TOO_MUCH_MENU = (
    "What is happening? Press a number.\n"
    "  1  It hurts more than it should\n"
    "  2  Pain, numbness or tingling spreads down an arm or leg\n"
    "  3  Chest pain, dizziness, hard to breathe, racing heart or faint\n"
    "  4  It is just too much today"
)
PAIN_QUESTION = "How much does it hurt now? Press 0 to 9, or t for 10."


def player_speed() -> float:
    """Hidden test option: UNHUNCH_PLAYER_SPEED=20 plays twenty seconds in one."""
    raw = os.environ.get("UNHUNCH_PLAYER_SPEED", "1")
    try:
        speed = float(raw)
    except ValueError:
        speed = 1.0
    return speed if speed > 0 else 1.0


@dataclass
class PlayerClock:
    speed: float = 1.0
    start: float = field(default_factory=clock.monotonic)

    def now(self) -> float:
        return (clock.monotonic() - self.start) * self.speed

    def real(self, player_seconds: float) -> float:
        return player_seconds / self.speed


def ask_pain(out: Console, regions: Sequence[str], moment: str) -> dict[str, int]:
    """Pain 0-10 for each region, one question at a time; Enter alone skips a region."""
    found: dict[str, int] = {}
    lead = "Before we start" if moment == "before" else "Now that we have finished"
    out.print(
        f"[bold]{lead}: how much does it hurt?[/] 0 is no pain, 10 the worst you can imagine."
    )
    for region in regions:
        while True:
            answer = out.input(f"  {label(region).capitalize()} (0-10, Enter to skip): ").strip()
            if not answer:
                break
            if answer.isdigit() and 0 <= int(answer) <= 10:
                found[region] = int(answer)
                break
            out.print("  Please type a whole number from 0 to 10, or press Enter to skip.")
    return found


def _menu_check(key: str) -> CheckIn | str | None:
    """The too-much menu: a CheckIn to decide on, 'pain' to ask a number, or None to go back."""
    if key == "1":
        return "pain"
    if key == "2":
        return CheckIn(pain=None, start_pain=None, spreading=True, too_much=True)
    if key == "3":
        return CheckIn(pain=None, start_pain=None, cardiac_or_faint=True, too_much=True)
    if key == "4":
        return CheckIn(pain=None, start_pain=None, too_much=True)
    return None


def run_interactive(
    timeline: Timeline,
    pain_before: dict[str, int],
    on_change: OnChange,
    out: Console,
    quiet: bool = False,
    speed: float = 1.0,
    timer: PlayerClock | None = None,
) -> tuple[PlayerState, list[Advise]]:
    """Full-screen session; returns when the closing check-in is due or the session ended.

    Pass the `timer` to keep using its clock afterwards (the closing check-in's time)."""
    from unhunch.cli.keys import RawKeys

    timer = timer or PlayerClock(speed)
    advice: list[Advise] = []
    state = new_state(timeline)
    state, _ = step(state, Start(), timer.now())
    state, _ = step(state, CheckInAnswer(pain_before), timer.now())
    message: str | None = None
    message_item: int | None = None
    prompt: str | None = None
    modal: str | None = None  # "quit", "menu", "pain"
    was_running = True

    def apply(event: Event) -> None:
        nonlocal state, message, message_item
        state, found = step(state, event, timer.now())
        for effect in found:
            if isinstance(effect, Cue) and not quiet:
                out.bell()
            elif isinstance(effect, Record):
                on_change(state)
            elif isinstance(effect, Advise):
                advice.append(effect)
                message, message_item = effect.words, state.current.item
            elif isinstance(effect, ShowStep) and state.steps[effect.index].item != message_item:
                message = None  # advice stays on screen while its exercise lasts

    def pause_for(kind: str, text: str) -> None:
        nonlocal modal, prompt, was_running
        was_running = state.status == "running"
        apply(Pause())
        modal, prompt = kind, text

    def close_modal(resume: bool) -> None:
        nonlocal modal, prompt
        modal, prompt = None, None
        if resume and was_running:
            apply(Resume())

    def abandon(signum: int) -> None:
        record_abandoned(state, on_change, timer.now(), signum)

    try:
        with (
            ends_on_hangup(abandon),
            RawKeys() as keys,
            Live(console=out, screen=True, auto_refresh=False) as live,
        ):
            while state.status not in ("ended", "asking"):
                live.update(screen(state, message if modal != "menu" else TOO_MUCH_MENU, prompt))
                live.refresh()
                wait = min(REFRESH_SECONDS, timer.real(state.remaining_in_step))
                key = keys.read(wait if state.status == "running" else REFRESH_SECONDS)
                if key is None:
                    apply(Tick())
                elif modal == "quit":
                    close_modal(resume=key != "y")
                    if key == "y":
                        apply(Quit())
                elif modal == "menu":
                    choice = _menu_check(key)
                    if choice == "pain":
                        modal, prompt = "pain", PAIN_QUESTION
                    else:
                        close_modal(resume=True)
                        if isinstance(choice, CheckIn):
                            apply(TooMuch(choice))
                elif modal == "pain":
                    if key.isdigit() or key == "t":
                        pain = 10 if key == "t" else int(key)
                        close_modal(resume=True)
                        apply(TooMuch(CheckIn(pain=pain, start_pain=None, too_much=True)))
                    elif key == "escape":
                        close_modal(resume=True)
                elif key == "space":
                    apply(Resume() if state.status == "paused" else Pause())
                elif key == "right":
                    apply(Skip())
                elif key == "left":
                    apply(Back())
                elif key == "s":
                    pause_for("menu", "Press 1, 2, 3 or 4 · Esc to go back to the exercise")
                elif key == "q":
                    pause_for("quit", "End the session now? Press y to end, any other key to stay.")
                else:
                    apply(Tick())
    except KeyboardInterrupt:
        apply(Finish())
    return state, advice


def close_session(
    state: PlayerState, pain_after: dict[str, int], on_change: OnChange, now: float
) -> tuple[PlayerState, list[Advise]]:
    """Answer the closing check-in (or end, when the session already ended)."""
    effects: list[Effect] = []
    if state.status == "asking":
        state, effects = step(state, CheckInAnswer(pain_after), now)
    elif state.status != "ended":
        state, effects = step(state, Finish(), now)
    on_change(state)
    return state, [e for e in effects if isinstance(e, Advise)]


def run_lines(
    timeline: Timeline,
    pain_before: dict[str, int],
    pain_after: dict[str, int],
    on_change: OnChange,
    out: Console,
    speed: float = 1.0,
) -> tuple[PlayerState, list[Advise]]:
    """Not a terminal: print each step with its time as it begins; never wait for a key."""
    timer = PlayerClock(speed)
    advice: list[Advise] = []
    state = new_state(timeline)

    latest = [state]  # what drive() has reached, for a hangup in the middle of it

    def handle(state: PlayerState, found: list[Effect]) -> None:
        latest[0] = state
        for effect in found:
            if isinstance(effect, ShowStep):
                shown = state.steps[effect.index]
                detail = detail_words(shown)
                extra = f" ({detail})" if detail and detail.lower() not in shown.text else ""
                out.print(f"[{stamp(timer.now())}] {shown.text}{extra}", markup=False)
            elif isinstance(effect, Record):
                on_change(state)
            elif isinstance(effect, Advise):
                advice.append(effect)
                out.print(effect.words, markup=False)
            elif isinstance(effect, AskCheckIn) and effect.moment == "before" and pain_before:
                out.print(f"Pain before: {_pain_words(pain_before)}", markup=False)

    for event in (Start(), CheckInAnswer(pain_before)):
        state, found = step(state, event, timer.now())
        handle(state, found)

    def abandon(signum: int) -> None:
        record_abandoned(latest[0], on_change, timer.now(), signum)

    try:
        with ends_on_hangup(abandon):
            state = drive(state, timer, handle)
    except KeyboardInterrupt:
        state, found = step(state, Finish(), timer.now())
        handle(state, found)
    state, more = close_session(state, pain_after, on_change, timer.now())
    return state, advice + more


def drive(
    state: PlayerState,
    timer: PlayerClock,
    handle: Callable[[PlayerState, list[Effect]], None],
    refresh: float | None = None,
) -> PlayerState:
    """Run the player on the real clock until it stops running (check-in due, or ended).

    Each wait is to the next step boundary (or the next screen refresh, if sooner); a late
    wake-up is harmless because the player carries the overshoot into the next step.
    """
    while state.status == "running":
        wait = timer.real(state.remaining_in_step)
        time.sleep(max(0.0, min(wait, refresh) if refresh else wait))
        state, found = step(state, Tick(), timer.now())
        handle(state, found)
    return state


def _pain_words(pain: dict[str, int]) -> str:
    return ", ".join(f"{label(r)} {p}/10" for r, p in pain.items()) or "not given"
