"""`unhunch screen`: the red-flag screen, one question at a time, or from an answers file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from unhunch.cli.render import console, print_json
from unhunch.content import load_sources
from unhunch.core.citations import sources_line
from unhunch.core.errors import InputError
from unhunch.core.screening_rules import (
    Answers,
    ScreeningContent,
    Tier,
    context_matters,
    rank,
)
from unhunch.core.triage import Outcome, ScreenRecord, check_age, evaluate

STYLE: dict[Tier, str] = {
    "emergency": "bold white on red",
    "urgent": "bold red",
    "see_doctor": "bold yellow",
    "self_care": "bold green",
}
BORDER: dict[Tier, str] = {
    "emergency": "red",
    "urgent": "red",
    "see_doctor": "yellow",
    "self_care": "green",
}
SAFETY_EXIT = 3  # cli.md: "refused for safety"


def screen(
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            metavar="FILE",
            help="A JSON answers file (see spec/screening.md); nothing is asked.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    last: Annotated[bool, typer.Option("--last", help="Show your latest stored screen.")] = False,
) -> None:
    """Safety questions about NEW or CHANGED symptoms, before any coaching.

    Asked one at a time in the terminal (y / n, ? to see why we ask), or read from --answers
    FILE. The result is stored.

    Exit codes: 0 coaching may go ahead; 3 the result says not to self-coach now (get
    emergency help, be seen today, or see a clinician first; also under 16) - with --json the
    result is still printed; 2 the answers were wrong (each problem is named).
    With --last: 0 when a screen is shown, 0 with "null" when there is none yet.
    """
    from unhunch import clock
    from unhunch.services import screening as service
    from unhunch.services.context import local_context

    ctx = local_context()
    content = service.screening_content()
    if last:
        show_last(ctx, content, as_json)
        return
    if answers is None:
        if as_json or not sys.stdin.isatty():
            raise InputError(
                "--answers",
                "(none)",
                "an answers file when not run in a terminal",
                "Without --answers the screen asks its questions in a terminal.",
            )
        record, outcome = ask_all(ctx, content)
        if outcome.tier == "emergency":  # ask_all has already shown what to do, alone on screen
            raise typer.Exit(SAFETY_EXIT)
    else:
        record, outcome = service.screen_from_file(ctx, answers, clock.now())
    if as_json:
        print_json({**outcome.as_json(), "id": record.id, "taken_at": record.taken_at.isoformat()})
    else:
        show_result(console(), outcome, content)
    if not outcome.may_coach:
        raise typer.Exit(SAFETY_EXIT)


def show_last(ctx: object, content: ScreeningContent, as_json: bool) -> None:
    from unhunch import clock
    from unhunch.services import screening as service
    from unhunch.services.context import Context

    assert isinstance(ctx, Context)
    record = service.latest_screen(ctx)
    status = service.coaching_status(ctx, clock.now())
    if as_json:
        if record is None:
            print_json(None)
            return
        print_json(
            {**record.as_json(), "coaching_allowed_now": status.allowed, "coaching": status.reason}
        )
        return
    out = console()
    if record is None:
        out.print("No safety screen yet. Take it with: unhunch screen")
        return
    out.print(f"Your latest safety screen, taken {record.taken_at.astimezone():%d %b %Y %H:%M}:")
    show_result(out, service.outcome_of(record), content, next_step=False)
    if record.may_coach:  # otherwise the panel above already says what to do
        out.print(Text("Now: " + status.reason))


def show_result(
    out: Console, outcome: Outcome, content: ScreeningContent, next_step: bool = True
) -> None:
    """The result: what to do, and why. Nothing here may read as 'go ahead' unless it is."""
    tier = outcome.tier
    title = content.tiers[tier].title
    if tier == "see_doctor" and outcome.may_coach:
        title = "Cleared by a clinician: gentle coaching only"
    body = Text()
    body.append(outcome.advice + "\n")
    if outcome.findings or outcome.reasons:
        body.append("\nBecause you told us about:\n", style="bold")
        for line in reason_lines(outcome, content):
            body.append(f"  - {line}\n")
    if outcome.may_coach:
        if next_step:
            body.append("\nNext: unhunch start", style="bold")
    else:
        body.append("\nunhunch will not coach you until this has been dealt with.", style="bold")
    out.print()
    out.print(
        Panel(
            body,
            title=Text(title, style=STYLE[tier]),
            border_style=BORDER[tier],
            width=min(out.width, 80),
        )
    )


def reason_lines(outcome: Outcome, content: ScreeningContent) -> list[str]:
    """One line per rule that fired (worst first), or per answer when findings are unknown."""
    if outcome.findings:
        ordered = sorted(outcome.findings, key=lambda f: rank(f.tier))
        return [content.finding_label(f.rule) for f in ordered]
    return [content.label(r) for r in outcome.reasons]


# --- the interactive screen ---------------------------------------------------------------------


class Quit(Exception):
    """The person chose to stop the screen."""


WHY = {"?", "why", "w"}
QUIT = {"q", "quit"}


class Asker:
    """Asks one question at a time; '?' or 'why' explains, 'q' stops."""

    def __init__(self, out: Console, content: ScreeningContent) -> None:
        self.out = out
        self.content = content
        self.asked = 0

    def _heading(self, question: str) -> None:
        self.asked += 1
        self.out.print()
        self.out.print(Text(f"Question {self.asked}", style="dim"))
        self.out.print(Text(question, style="bold"))

    def _why(self, why: str, sources: tuple[str, ...]) -> None:
        cited = sources_line(sources, load_sources())
        self.out.print(Text(f"Why we ask: {why} ({cited})", style="italic"))

    def yes_no(self, question: str, why: str, sources: tuple[str, ...]) -> bool:
        self._heading(question)
        while True:
            reply = self.out.input(Text("(y / n / ?) ")).strip().lower()
            if reply in {"y", "yes"}:
                return True
            if reply in {"n", "no"}:
                return False
            if reply in WHY:
                self._why(why, sources)
            elif reply in QUIT:
                raise Quit
            else:
                self.out.print("Please type y for yes or n for no (or ? to see why we ask).")

    def number(self, field_id: str) -> int:
        field = self.content.field(field_id)
        self._heading(field.question)
        while True:
            reply = self.out.input("> ").strip().lower()
            if reply in WHY:
                self._why(field.why, field.sources)
            elif reply in QUIT:
                raise Quit
            elif reply.isdigit() and len(reply) <= 4:
                return int(reply)
            else:
                self.out.print("Please type a whole number, like 3 (or ? to see why we ask).")


def ask_all(ctx: object, content: ScreeningContent) -> tuple[ScreenRecord, Outcome]:
    """Ask age, then every item (emergencies first), then the follow-ups that can matter.

    An emergency answer stops the questions at once: the result is stored and shown alone.
    """
    from unhunch import clock
    from unhunch.services import screening as service
    from unhunch.services.context import Context

    assert isinstance(ctx, Context)
    out = console()
    out.print(
        Panel(
            "About 30 short yes/no questions, mostly about symptoms that are NEW or have "
            "CHANGED. It takes a few minutes.\n"
            "Type y for yes or n for no. Type ? (or why) to see why we ask; q to stop.\n"
            "If an answer points to an emergency, the questions stop at once and you are "
            "told what to do.",
            title="Safety questions",
            width=min(out.width, 80),
        )
    )
    ask = Asker(out, content)
    values: dict[str, int | bool] = {}
    items: dict[str, bool] = {}

    def current() -> Answers:
        return Answers(items=dict(items), **values)  # type: ignore[arg-type]

    try:
        while "age" not in values:
            age = ask.number("age")
            try:
                check_age(age, content)
            except InputError as exc:
                out.print(f"Please give {exc.allowed}.")
                continue
            values["age"] = age
        for item in content.items:
            items[item.id] = ask.yes_no(item.question, item.why, item.sources)
            if item.tier == "emergency" and items[item.id]:
                record = service.record_screen(ctx, current(), clock.now())
                outcome = evaluate(current(), content)
                show_emergency(out, outcome, content)
                return record, outcome
        for field in content.context:
            if field.id == "age":
                continue
            if not context_matters(field.id, current(), evaluate(current(), content).tier):
                continue
            if field.id == "clinician_cleared":
                out.print()
                out.print("Some of your answers mean a doctor or physiotherapist should check you:")
                for line in reason_lines(evaluate(current(), content), content):
                    out.print(Text(f"  - {line}"))
            if field.kind == "int":
                values[field.id] = ask.number(field.id)
            else:
                values[field.id] = ask.yes_no(field.question, field.why, field.sources)
    except (Quit, EOFError, KeyboardInterrupt):
        out.print("\nThe screen was stopped; nothing was saved. Coaching needs a finished screen.")
        raise typer.Exit(0) from None
    answers = current()
    return service.record_screen(ctx, answers, clock.now()), evaluate(answers, content)


def show_emergency(out: Console, outcome: Outcome, content: ScreeningContent) -> None:
    """Stops everything else: the screen is cleared and holds only what to do now."""
    out.clear()
    body = Text()
    body.append(outcome.advice + "\n\n")
    body.append("You told us about:\n", style="bold")
    for line in reason_lines(outcome, content):
        body.append(f"  - {line}\n")
    out.print(
        Panel(
            body,
            title=Text(content.tiers["emergency"].title.upper(), style=STYLE["emergency"]),
            border_style="red",
            width=min(out.width, 80),
            padding=(1, 2),
        )
    )
