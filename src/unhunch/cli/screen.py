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
from unhunch.core import screen_flow as flow
from unhunch.core.citations import sources_line
from unhunch.core.errors import InputError, SafetyRefusal
from unhunch.core.screen_replies import FlowValue, Question, parse_reply
from unhunch.core.screening_rules import ScreeningContent, Tier
from unhunch.core.triage import Outcome, ScreenRecord, evaluate, reason_labels, result_title

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

    Asked one at a time in the terminal (y / n / u for not sure, ? to see why we ask): only
    the questions that fit where it hurts. Or read from --answers FILE, which must answer
    every question (true, false or "unsure"). The result is stored.

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
    title = result_title(tier, outcome.may_coach, content)
    body = Text()
    body.append(outcome.advice + "\n")
    if outcome.findings or outcome.reasons:
        body.append("\nBecause you told us about:\n", style="bold")
        for line in reason_labels(outcome, content):
            body.append(f"  - {line}\n")
    if outcome.asked and len(outcome.asked) < len(content.items):
        body.append(
            f"\nWe asked about {len(outcome.asked)} of {len(content.items)} warning signs; the "
            "others did not apply to where it hurts (--last --json lists them).\n",
            style="dim",
        )
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


# --- the interactive screen: this face only asks what core/screen_flow.py says to ask ------------


class Quit(Exception):
    """The person chose to stop the screen."""


WHY = {"?", "why", "w"}
QUIT = {"q", "quit"}
YES_NO = {"y": "yes", "yes": "yes", "n": "no", "no": "no", "u": "unsure", "unsure": "unsure"}
YES_NO |= {"not sure": "unsure", "notsure": "unsure", "ns": "unsure"}
REGION_KEYS = {"1": "neck", "2": "upper_back", "3": "lower_back"}
PROMPTS = {
    "yes_no": "(y yes / n no / u not sure / ? why) ",
    "int": "> ",
    "regions": "(numbers, e.g. 1 3; u if not sure) ",
}
HELP = {
    "yes_no": "Please type y for yes, n for no or u if you are not sure (or ? to see why we ask).",
    "int": "Please type a whole number, like 3 (or ? to see why we ask).",
    "regions": "Please type one or more of 1, 2 and 3 (or u if you are not sure).",
}


def typed_reply(kind: str, reply: str) -> str:
    """What the person typed, in the words core/screen_replies.parse_reply reads."""
    if kind == "yes_no":
        return YES_NO.get(reply, reply)
    if kind == "regions":
        if reply in {"u", "not sure"}:
            return "unsure"
        return " ".join(REGION_KEYS.get(w, w) for w in reply.replace(",", " ").split())
    return reply


def ask(out: Console, content: ScreeningContent, q: Question, state: flow.State) -> FlowValue:
    """One question: its heading with the flow's own count, then replies until one is valid."""
    answered, total = flow.progress(content, state)
    out.print()
    out.print(Text(f"Question {answered + 1} of about {total}", style="dim"))
    out.print(Text(q.text, style="bold"))
    if q.kind == "regions":
        out.print("  1 neck   2 upper back (between the shoulder blades)   3 lower back")
    if q.kind == "yes_no":
        out.print(Text(f"Not sure? Type u. {content.unsure_hint}", style="dim"))
    while True:
        reply = out.input(Text(PROMPTS[q.kind])).strip().lower()
        if reply in WHY:
            out.print(
                Text(
                    f"Why we ask: {q.why} ({sources_line(q.sources, load_sources())})",
                    style="italic",
                )
            )
        elif reply in QUIT:
            raise Quit
        else:
            try:
                return parse_reply(q, typed_reply(q.kind, reply))
            except InputError:
                out.print(HELP[q.kind])


def ask_all(ctx: object, content: ScreeningContent) -> tuple[ScreenRecord, Outcome]:
    """Ask what the flow asks, one at a time, until it ends. An emergency answer ends it at
    once: the result is stored and shown alone. Under 16: refused, nothing stored."""
    from unhunch import clock
    from unhunch.services import screening as service
    from unhunch.services.context import Context

    assert isinstance(ctx, Context)
    out = console()
    out.print(
        Panel(
            "Short questions, mostly about symptoms that are NEW or have CHANGED; only the "
            "ones that fit where it hurts. It takes about two minutes.\n"
            "Type y for yes, n for no, u if you are not sure. Type ? (or why) to see why we "
            "ask; q to stop.\n"
            "If an answer points to an emergency, the questions stop at once and you are "
            "told what to do.",
            title="Safety questions",
            width=min(out.width, 80),
        )
    )
    state: dict[str, FlowValue] = {}
    try:
        while not isinstance(step := flow.next_question(content, state), flow.Ended):
            if step.id == "clinician_cleared":
                out.print()
                out.print("Some of your answers mean a doctor or physiotherapist should check you:")
                for line in reason_labels(
                    evaluate(flow.to_answers(content, state), content), content
                ):
                    out.print(Text(f"  - {line}"))
            state[step.id] = ask(out, content, step, state)
    except (Quit, EOFError, KeyboardInterrupt):
        out.print("\nThe screen was stopped; nothing was saved. Coaching needs a finished screen.")
        raise typer.Exit(0) from None
    if step.refused:
        raise SafetyRefusal(content.under_16)
    record = service.record_screen(ctx, step.answers, clock.now())
    outcome = evaluate(step.answers, content)
    if step.emergency_stop:
        show_emergency(out, outcome, content)
    return record, outcome


def show_emergency(out: Console, outcome: Outcome, content: ScreeningContent) -> None:
    """Stops everything else: the screen is cleared and holds only what to do now."""
    out.clear()
    body = Text()
    body.append(outcome.advice + "\n\n")
    body.append("You told us about:\n", style="bold")
    for line in reason_labels(outcome, content):
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
