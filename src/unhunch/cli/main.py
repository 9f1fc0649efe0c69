"""The `unhunch` command (Typer). Commands are thin: parse, call a service, render.

Heavy libraries (web, database) are imported inside commands so `unhunch --help` stays fast.
"""

from __future__ import annotations

import os
from typing import Annotated, Any

import typer
from typer._click import ClickException
from typer._click import Context as ClickContext
from typer.core import TyperGroup

from unhunch.cli import breaks as breaks_cmd
from unhunch.cli import data as data_cmd
from unhunch.cli import diary as diary_cmd
from unhunch.cli import exercises as exercises_cmd
from unhunch.cli import figures as figures_cmd
from unhunch.cli import plan as plan_cmd
from unhunch.cli import profile as profile_cmd
from unhunch.cli import screen as screen_cmd
from unhunch.cli import serve as serve_cmd
from unhunch.cli import start as start_cmd
from unhunch.cli import summary as summary_cmd


class UnhunchGroup(TyperGroup):
    """Turns our expected errors into exit codes and plain messages, never a traceback."""

    def invoke(self, ctx: ClickContext) -> Any:
        from unhunch.cli.errors import INPUT, fail, print_error

        as_json = wants_json(ctx)
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except ClickException as exc:  # a usage error: unknown option, a value of the wrong type
            if as_json and exc.exit_code == INPUT:
                print_error(INPUT, exc.format_message(), _param_name(exc))
            raise
        except Exception as exc:  # ours to explain (2, 3, 4) or a bug (1, details in the log)
            raise fail(exc, as_json) from None


def wants_json(ctx: ClickContext) -> bool:
    """Was `--json` given to the command being run (before any `--`)?"""
    args = [*getattr(ctx, "_protected_args", []), *ctx.args]
    return "--json" in args[: args.index("--")] if "--" in args else "--json" in args


def _param_name(exc: ClickException) -> str | None:
    param = getattr(exc, "param", None)
    return getattr(param, "name", None) if param is not None else None


app = typer.Typer(
    cls=UnhunchGroup,
    name="unhunch",
    help="unhunch: a back-care coach. Screen for warning signs, then a safe routine for your back.",
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)


@app.callback(invoke_without_command=True)
def welcome(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option("--db", help="Database URL (default: SQLite in your data directory)."),
    ] = None,
) -> None:
    """unhunch: a back-care coach."""
    if db:
        os.environ["UNHUNCH_DB"] = db
    if os.environ.get("UNHUNCH_NOW"):
        from unhunch.clock import parse_fixed_now

        parse_fixed_now(os.environ["UNHUNCH_NOW"])
    if ctx.invoked_subcommand is None:
        from unhunch.cli.welcome import show_welcome

        show_welcome()


app.command("exercises")(exercises_cmd.exercises)
app.command("show")(exercises_cmd.show)
app.command("figures")(figures_cmd.figures)
app.command("screen")(screen_cmd.screen)
app.add_typer(diary_cmd.log_app, name="log")
app.command("progress")(diary_cmd.progress)
app.command("export")(data_cmd.export)
app.command("import")(data_cmd.import_)
app.command("summary")(summary_cmd.summary)
app.command("serve")(serve_cmd.serve)
app.command("start")(start_cmd.start)
app.command("plan")(plan_cmd.plan)
app.add_typer(profile_cmd.profile_app, name="profile")
app.add_typer(breaks_cmd.breaks_app, name="breaks")


def lift_db_option(argv: list[str]) -> list[str]:
    """Accept `--db URL` anywhere on the line (`unhunch plan --db URL` as well as
    `unhunch --db URL plan`): it is taken out and handed to the settings via UNHUNCH_DB."""
    out: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            out.extend(argv[i:])
            break
        if arg == "--db" and i + 1 < len(argv):
            os.environ["UNHUNCH_DB"] = argv[i + 1]
            i += 2
            continue
        if arg.startswith("--db="):
            os.environ["UNHUNCH_DB"] = arg.removeprefix("--db=")
            i += 1
            continue
        out.append(arg)
        i += 1
    return out


def run() -> None:
    """Entry point of the installed `unhunch` script."""
    import sys

    app(args=lift_db_option(sys.argv[1:]), prog_name="unhunch")
