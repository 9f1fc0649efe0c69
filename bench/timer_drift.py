"""Timer drift of the real-clock session player over a 2-minute routine.

The player (cli/player.py `drive`, the loop the terminal uses, with its 0.1 s screen refresh)
runs a hand-built routine of about two minutes on the real clock; the moment each step begins
is compared with the ideal schedule (start + the sum of the steps before it). The baseline, in
the same run, is a bare loop that calls `time.sleep(step.seconds)` for each step: its
oversleeps add up, while the player carries each overshoot into the next step.

Target: cumulative drift at the last step under 20 ms.
Run: .venv/bin/python bench/timer_drift.py [--speed N]   (speed 1 takes about 4 minutes)
"""

from __future__ import annotations

import argparse
import time

from unhunch.cli.player import REFRESH_SECONDS, PlayerClock, drive
from unhunch.content import load_library
from unhunch.core.models import Block, Dose, Routine, RoutineItem
from unhunch.core.player import PlayerState, new_state, step
from unhunch.core.player_events import CheckInAnswer, Effect, ShowStep, Start
from unhunch.core.timeline import Timeline, build_timeline

TARGET_MS = 20.0


def two_minute_timeline() -> Timeline:
    def item(exercise: str, **dose: int | bool) -> RoutineItem:
        return RoutineItem(exercise=exercise, dose=Dose(**dose), seconds=0, why="bench")  # type: ignore[arg-type]

    routine = Routine(
        profile_digest="bench",
        total_seconds=0,
        blocks=[
            Block(name="warm_up", items=[item("chin_tucks", sets=1, reps=3)]),
            Block(
                name="main",
                items=[
                    item(
                        "seated_spinal_twist", sets=2, hold_breaths=2, per_side=True, rest_seconds=0
                    ),
                    item("neck_side_bend", sets=1, hold_seconds=6, per_side=True),
                ],
            ),
            Block(name="cool_down", items=[item("seated_slow_breathing", sets=1, hold_breaths=1)]),
        ],
    )
    return build_timeline(routine, load_library(), breath_seconds=6)


def ideal_starts(timeline: Timeline) -> list[float]:
    starts, at = [], 0.0
    for s in timeline.steps:
        starts.append(at)
        at += s.seconds
    return starts


def player_run(timeline: Timeline, speed: float) -> list[float]:
    """Real seconds from the start at which each step began, by the player's own loop."""
    timer = PlayerClock(speed)
    began: dict[int, float] = {}

    def handle(_: PlayerState, found: list[Effect]) -> None:
        moment = time.monotonic()
        for effect in found:
            if isinstance(effect, ShowStep):
                began.setdefault(effect.index, moment)

    state, _ = step(new_state(timeline), Start(), timer.now())
    zero = timer.start
    state, found = step(state, CheckInAnswer({}), timer.now())
    handle(state, found)
    drive(state, timer, handle, refresh=REFRESH_SECONDS)
    return [(began[i] - zero) * speed for i in sorted(began)]


def sleep_loop_run(timeline: Timeline, speed: float) -> list[float]:
    """The naive way: sleep each step's length, one after another."""
    zero = time.monotonic()
    began = [0.0]
    for s in timeline.steps[1:]:
        began.append((time.monotonic() - zero) * speed)
        time.sleep(s.seconds / speed)
    return began


def drift_ms(actual: list[float], ideal: list[float], speed: float) -> tuple[float, float]:
    """(drift at the last step, worst drift), in real milliseconds."""
    diffs = [(a - i) / speed * 1000 for a, i in zip(actual, ideal, strict=False)]
    return diffs[-1], max(diffs, key=abs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", type=float, default=1.0, help="player seconds per real second")
    args = parser.parse_args()
    timeline = two_minute_timeline()
    ideal = ideal_starts(timeline)
    minutes = timeline.total_seconds / 60
    print(f"routine: {len(timeline.steps)} steps, {minutes:.2f} min, speed {args.speed:g}")

    baseline_last, baseline_worst = drift_ms(
        sleep_loop_run(timeline, args.speed), ideal, args.speed
    )
    player_last, player_worst = drift_ms(player_run(timeline, args.speed), ideal[1:], args.speed)
    print(f"bare sleep loop  drift at end {baseline_last:8.2f} ms   worst {baseline_worst:8.2f} ms")
    print(f"session player   drift at end {player_last:8.2f} ms   worst {player_worst:8.2f} ms")
    ratio = abs(player_last) / abs(baseline_last) if baseline_last else float("inf")
    print(f"ratio player / sleep loop (drift at end): {ratio:.2f}")
    verdict = "met" if abs(player_last) < TARGET_MS else "MISSED"
    print(f"target under {TARGET_MS:.0f} ms: {verdict}")


if __name__ == "__main__":
    main()
