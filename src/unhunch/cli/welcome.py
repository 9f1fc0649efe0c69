"""The first thing a person sees when they type `unhunch`."""

from __future__ import annotations

from rich.panel import Panel

from unhunch.cli.render import console


def show_welcome() -> None:
    text = (
        "Welcome to unhunch, a calm coach for a stiff neck, an aching upper back "
        "or a sore lower back.\n\n"
        "1. unhunch screen          a few yes/no questions to check for warning signs\n"
        "2. unhunch profile set     where it hurts, how long you have, where you are\n"
        "3. unhunch start           a guided routine, step by step\n\n"
        "Also: unhunch exercises · unhunch log pain · unhunch progress · unhunch serve\n"
        "Add --help to any command for its options.\n\n"
        "unhunch gives exercise guidance, not a diagnosis. If something feels wrong, "
        "stop and talk to a doctor or physiotherapist."
    )
    console().print(Panel(text, title="unhunch", expand=False))
