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
from unhunch.core.errors import InputError
from unhunch.core.screening_rules import (
    Answers,
    ScreeningContent,
    Tier,
    context_matters,
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
    if outcome.reasons:
        body.append("\nBecause you told us about:\n", style="bold")
        for reason in outcome.reasons:
            body.append(f"  - {content.label(reason)}\n")
    if outcome.may_coach:
        if next_step:
            body.append("\nNext: unhunch start", style="bold")
    else:
        body.append("\nunhunch will not coach you until this has been dealt with.", style="bold")
    out.print(
        Panel(
            body,
            title=Text(title, style=STYLE[tier]),
            border_style=BORDER[tier],
            width=min(out.width, 80),
        )
    )


# --- the interactive screen ---------------------------------------------------------------------


class Quit(Exception):
    """The person chose to stop the screen."""


def ask_all(ctx: object, content: ScreeningContent) -> tuple[ScreenRecord, Outcome]:
    from unhunch import clock
    from unhunch.services import screening as service
    from unhunch.services.context import Context

    assert isinstance(ctx, Context)
    out = console()
    out.print(
        Panel(
            "A few yes/no questions about symptoms that are NEW or have CHANGED.\n"
            "Type y for yes or n for no. Type ? (or why) to see why we ask; q to stop.\n"
            "If a question points to an emergency, the screen stops at once and tells you "
            "what to do.",
            title="Safety questions",
            width=min(out.width, 80),
        )
    )
    values: dict[str, int | bool] = {}
    items: dict[str, bool] = {}

    def current() -> Answers:
        return Answers(items=dict(items), **values)  # type: ignore[arg-type]

    try:
        while "age" not in values:
            age = ask_number(out, content, "age")
            try:
                check_age(age, content)
            except InputError as exc:
                out.print(f"{exc.allowed}, please.")
                continue
            values["age"] = age
        for item in content.items:
            items[item.id] = ask_yes_no(out, content, item.id, item.question, item.why)
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
            if field.kind == "int":
                values[field.id] = ask_number(out, content, field.id)
            else:
                values[field.id] = ask_yes_no(out, content, field.id, field.question, field.why)
    except (Quit, EOFError, KeyboardInterrupt):
        out.print("\nThe screen was stopped; nothing was saved. Coaching needs a finished screen.")
        raise typer.Exit(0) from None
    answers = current()
    return service.record_screen(ctx, answers, clock.now()), evaluate(answers, content)


def _sources(content: ScreeningContent, answer_id: str) -> str:
    entry = next((i for i in content.items if i.id == answer_id), None)
    sources = entry.sources if entry else content.field(answer_id).sources
    return ", ".join(sources)


def ask_yes_no(
    out: Console, content: ScreeningContent, answer_id: str, question: str, why: str
) -> bool:
    out.print()
    out.print(Text(question, style="bold"))
    while True:
        reply = out.input("[y / n / ?] ").strip().lower()
        if reply in {"y", "yes"}:
            return True
        if reply in {"n", "no"}:
            return False
        if reply in {"?", "why", "w"}:
            out.print(
                Text(f"Why we ask: {why} (sources: {_sources(content, answer_id)})", style="italic")
            )
        elif reply in {"q", "quit"}:
            raise Quit
        else:
            out.print("Please type y for yes or n for no (or ? to see why we ask).")


def ask_number(out: Console, content: ScreeningContent, field_id: str) -> int:
    field = content.field(field_id)
    out.print()
    out.print(Text(field.question, style="bold"))
    while True:
        reply = out.input("> ").strip().lower()
        if reply in {"?", "why", "w"}:
            out.print(
                Text(
                    f"Why we ask: {field.why} (sources: {', '.join(field.sources)})", style="italic"
                )
            )
            continue
        if reply in {"q", "quit"}:
            raise Quit
        if reply.isdigit() and int(reply) <= 5200:
            return int(reply)
        out.print("Please type a whole number, like 3 (or ? to see why we ask).")


def show_emergency(out: Console, outcome: Outcome, content: ScreeningContent) -> None:
    """Stops everything else: the page holds only what to do now."""
    out.clear()
    body = Text()
    body.append(outcome.advice + "\n\n")
    body.append("You told us about:\n", style="bold")
    for reason in outcome.reasons:
        body.append(f"  - {content.label(reason)}\n")
    out.print(
        Panel(
            body,
            title=Text(content.tiers["emergency"].title.upper(), style=STYLE["emergency"]),
            border_style="red",
            width=min(out.width, 80),
            padding=(1, 2),
        )
    )
