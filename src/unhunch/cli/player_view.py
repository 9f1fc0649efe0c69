"""What the terminal player shows: one calm screen per moment, fitting 80×24.

Top to bottom: the exercise and where we are ("3 of 9 · 5:20 left"), the step in words, a large
countdown, a breath pacer (or rep dots), one cue, and the keys. Nothing scrolls, so a person in
pain reads each line once.
"""

from __future__ import annotations

from rich.align import Align
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from unhunch.core.player import PlayerState
from unhunch.core.timeline import Step, clock_words
from unhunch.core.vocab import label

# A 5-row block font for the countdown: big enough to read from the floor.
GLYPHS = {
    "0": ["███", "█ █", "█ █", "█ █", "███"],
    "1": [" █ ", "██ ", " █ ", " █ ", "███"],
    "2": ["███", "  █", "███", "█  ", "███"],
    "3": ["███", "  █", "███", "  █", "███"],
    "4": ["█ █", "█ █", "███", "  █", "  █"],
    "5": ["███", "█  ", "███", "  █", "███"],
    "6": ["███", "█  ", "███", "█ █", "███"],
    "7": ["███", "  █", "  █", "  █", "  █"],
    "8": ["███", "█ █", "███", "█ █", "███"],
    "9": ["███", "█ █", "███", "  █", "███"],
    ":": ["   ", " █ ", "   ", " █ ", "   "],
}
PACER_WIDTH = 40
KEYS_LINE = "space pause · → skip exercise · ← back · s too much · q quit"
KEYS_LINE_PAUSED = "space carry on · → skip exercise · ← back · s too much · q quit"


def big(text: str) -> str:
    rows = ["", "", "", "", ""]
    for char in text:
        glyph = GLYPHS.get(char, ["   "] * 5)
        rows = [row + g + " " for row, g in zip(rows, glyph, strict=True)]
    return "\n".join(r.rstrip() for r in rows)


def where_words(state: PlayerState) -> str:
    """'3 of 9 · 5:20 left' — which exercise of how many, and the time still to go."""
    here = state.current
    count = len(state.timeline.items)
    left = clock_words(state.remaining_total)
    if here.item is None:
        return f"{count} exercises · {left} left"
    return f"{here.item + 1} of {count} · {left} left"


def detail_words(step: Step) -> str:
    parts: list[str] = []
    if step.side:
        parts.append(f"{step.side.capitalize()} side")
    if step.set_count and step.set_count > 1 and step.set_index:
        parts.append(f"set {step.set_index} of {step.set_count}")
    text = " · ".join(parts)
    return text[:1].upper() + text[1:]


def pacer(state: PlayerState) -> RenderableType | None:
    """A bar that grows while breathing in and shrinks while breathing out."""
    here = state.current
    found = here.phase_at(state.elapsed)
    if found is None:
        return None
    phase, left = found
    done = 1.0 - left / phase.seconds if phase.seconds else 1.0
    size = done if phase.breath == "in" else 1.0 - done
    width = max(1, round(size * PACER_WIDTH))
    bar = Text("●" * width, style="cyan")
    words = "Breathe in" if phase.breath == "in" else "Breathe out"
    return Group(Align.center(bar), Align.center(Text(words, style="bold")))


def rep_dots(step: Step) -> RenderableType | None:
    if step.rep_index is None or step.rep_count is None:
        return None
    dots = "●" * step.rep_index + "○" * (step.rep_count - step.rep_index)
    return Align.center(Text(f"{dots}   rep {step.rep_index} of {step.rep_count}", style="cyan"))


def screen(
    state: PlayerState, message: str | None = None, prompt: str | None = None
) -> RenderableType:
    """The whole player screen for this moment."""
    here = state.current
    title = here.name or "Your session"
    if here.block:
        title += f" · {label(here.block)}"
    body: list[RenderableType] = [Text(here.text, style="bold")]
    detail = detail_words(here)
    if detail:
        body.append(Text(detail, style="bold cyan"))
    body.append(Text(""))
    if state.status == "paused":
        body.append(Align.center(Text("Paused", style="bold yellow")))
        body.append(Align.center(Text("Press space to carry on.")))
    else:
        body.append(Align.center(Text(big(clock_words(state.remaining_in_run)), style="bold")))
    body.append(Text(""))
    if here.kind == "get_ready":
        for number, line in enumerate(here.instructions[:4], 1):
            body.append(Text(f"{number}. {line}", overflow="fold"))
    else:
        extra = pacer(state) if here.kind != "reps" else rep_dots(here)
        if extra is not None and state.status != "paused":
            body.append(extra)
        if here.cue:
            body.append(Text(""))
            body.append(Text(here.cue, style="italic"))
        # The how-to stays in view, quietly, for anyone who missed it while getting ready.
        ready = next(
            (s for s in state.steps if s.item == here.item and s.kind == "get_ready"), None
        )
        if ready is not None and not message:
            body.append(Text(""))
            for number, line in enumerate(ready.instructions[:3], 1):
                body.append(
                    Text(f"{number}. {line}", style="dim", overflow="ellipsis", no_wrap=True)
                )
    if message:
        body.append(Text(""))
        body.append(Text(message, style="yellow"))
    footer = prompt or (KEYS_LINE_PAUSED if state.status == "paused" else KEYS_LINE)
    panel = Panel(
        Group(*body),
        title=title,
        title_align="left",
        subtitle=where_words(state),
        subtitle_align="right",
        border_style="yellow" if prompt else "cyan",
        padding=(0, 1),
        height=21,
    )
    return Group(panel, Text(footer, style="bold" if prompt else "dim"))
