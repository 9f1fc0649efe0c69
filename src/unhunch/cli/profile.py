"""`unhunch profile set | show`: keep the usual profile so `unhunch plan` alone works.

The profile options are shared with `unhunch plan`; both build the profile with
`core.profile_parse.parse_profile`, so every bad value is named with what is allowed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from unhunch.cli.render import console, print_json, words
from unhunch.core.errors import InputError
from unhunch.core.models import Profile
from unhunch.core.vocab import label
from unhunch.services.context import Context

profile_app = typer.Typer(
    help="Keep your usual profile (where it hurts, time, setting, props, level).",
    no_args_is_help=True,
    rich_markup_mode=None,
)

Neck = Annotated[int | None, typer.Option("--neck", help="Neck pain 0-10.")]
UpperBack = Annotated[int | None, typer.Option("--upper-back", help="Upper-back pain 0-10.")]
LowerBack = Annotated[int | None, typer.Option("--lower-back", help="Lower-back pain 0-10.")]
Minutes = Annotated[int | None, typer.Option("--minutes", help="Minutes you have, 1-60.")]
At = Annotated[
    str | None, typer.Option("--at", metavar="SETTING", help="desk, standing, floor or bed.")
]
Props = Annotated[
    list[str] | None,
    typer.Option("--props", metavar="P", help="A prop you have (repeat for more), e.g. strap."),
]
Level = Annotated[str | None, typer.Option("--level", help="beginner, intermediate or advanced.")]
Conditions = Annotated[
    list[str] | None,
    typer.Option("--condition", metavar="C", help="A condition, e.g. osteoporosis (repeat)."),
]
Favourites = Annotated[
    list[str] | None,
    typer.Option("--favourite", metavar="ID", help="An exercise to include (repeat)."),
]
Excludes = Annotated[
    list[str] | None,
    typer.Option("--exclude", metavar="ID", help="An exercise to leave out (repeat)."),
]
BreathSeconds = Annotated[
    int | None, typer.Option("--breath-seconds", help="Seconds per slow breath, 3-12.")
]


def merge_options(
    base: dict[str, Any],
    neck: int | None = None,
    upper_back: int | None = None,
    lower_back: int | None = None,
    minutes: int | None = None,
    at: str | None = None,
    props: list[str] | None = None,
    level: str | None = None,
    conditions: list[str] | None = None,
    favourites: list[str] | None = None,
    excludes: list[str] | None = None,
    breath_seconds: int | None = None,
) -> dict[str, Any]:
    """The base profile data with every given option laid over it."""
    data = dict(base)
    pain = dict(data.get("pain") or {}) if isinstance(data.get("pain"), dict) else {}
    for region, value in (("neck", neck), ("upper_back", upper_back), ("lower_back", lower_back)):
        if value is not None:
            pain[region] = value
    if pain or "pain" in data:
        data["pain"] = pain
    given: dict[str, object] = {
        "minutes": minutes,
        "setting": at,
        "level": level,
        "breath_seconds": breath_seconds,
    }
    data.update({k: v for k, v in given.items() if v is not None})
    for key, values in (
        ("equipment", props),
        ("conditions", conditions),
        ("favourites", favourites),
        ("excluded", excludes),
    ):
        if values:
            data[key] = list(values)
    return data


def any_option(*values: object) -> bool:
    return any(v is not None and v != [] for v in values)


def read_profile_file(path: Path) -> dict[str, Any]:
    from unhunch.input_files import read_input_file

    text = read_input_file(path, "--profile")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            "--profile",
            str(path),
            "a file of valid JSON",
            f"Line {exc.lineno}, column {exc.colno}: {exc.msg}.",
        ) from None
    if not isinstance(data, dict):
        raise InputError("--profile", str(path), "a JSON object with the profile's fields")
    return data


def build_profile(data: dict[str, Any]) -> Profile:
    from unhunch.content import load_library
    from unhunch.core.profile_parse import parse_profile

    return parse_profile(data, load_library())


@profile_app.command("set")
def set_profile(
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
    as_json: Annotated[bool, typer.Option("--json", help="Print the saved profile.")] = False,
) -> None:
    """Save your usual profile; options you leave out keep their saved values."""
    from unhunch import clock
    from unhunch.services.context import local_context
    from unhunch.services.planning import load_profile, save_profile

    ctx = local_context()
    saved = load_profile(ctx)
    base = saved.model_dump(mode="json", exclude={"date"}) if saved else {}
    data = merge_options(
        base,
        neck,
        upper_back,
        lower_back,
        minutes,
        at,
        props,
        level,
        condition,
        favourite,
        exclude,
        breath_seconds,
    )
    profile = build_profile(data)
    save_profile(ctx, profile, clock.now())
    shown = profile_json(ctx, profile)
    if as_json:
        print_json(shown)
        return
    render_profile(profile, "Saved your profile.", shown["conditions_from_screen"])
    console().print("Next: [bold]unhunch plan[/] shows today's routine for it.")


@profile_app.command("show")
def show_profile(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show your saved profile."""
    from unhunch.services.context import local_context
    from unhunch.services.planning import NO_PROFILE, load_profile

    ctx = local_context()
    profile = load_profile(ctx)
    if profile is None:
        raise InputError("profile", "none saved yet", "a saved profile", NO_PROFILE)
    shown = profile_json(ctx, profile)
    if as_json:
        print_json(shown)
        return
    render_profile(profile, "Your profile", shown["conditions_from_screen"])


def profile_json(ctx: Context, profile: Profile) -> dict[str, Any]:
    """The profile's fields, plus `conditions_from_screen`: the conditions the safety questions
    named (kept apart from the ones the person reported; only a new screen removes them)."""
    from unhunch.services.planning import conditions_of

    found = conditions_of(ctx, profile)
    return {**profile.model_dump(mode="json"), "conditions_from_screen": list(found.from_screen)}


def render_profile(profile: Profile, title: str, from_screen: list[str] | None = None) -> None:
    out = console()
    out.print(f"[bold]{title}[/]")
    pain = ", ".join(f"{label(r)} {profile.pain[r]}/10" for r in profile.targets)
    out.print(f"  Pain: {pain or 'none reported'}")
    out.print(f"  Time: {profile.minutes} min · Where: {label(profile.setting)}")
    out.print(f"  Props: {words(profile.equipment)} · Level: {profile.level}")
    out.print(f"  Conditions: {words(profile.conditions)}")
    if from_screen:
        out.print(f"  From your safety questions: {words(from_screen)}")
    if profile.favourites:
        out.print(f"  Favourites: {', '.join(profile.favourites)}")
    if profile.excluded:
        out.print(f"  Left out: {', '.join(profile.excluded)}")
    out.print(f"  One slow breath: {profile.breath_seconds} s")
