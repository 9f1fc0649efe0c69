"""Errors the edges turn into exit codes and friendly pages."""

from __future__ import annotations


class UnhunchError(Exception):
    """Base class for errors we expect and explain."""


class InputError(UnhunchError):
    """The input was wrong: names the field, the value and what is allowed (CLI exit 2)."""

    def __init__(self, field: str, value: object, allowed: str, hint: str = "") -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        self.hint = hint
        text = f"{field}: {value!r} is not allowed. Allowed: {allowed}."
        if hint:
            text += f" {hint}"
        super().__init__(text)


class InputErrors(UnhunchError):
    """Several input problems at once, each named (so a person fixes them in one go)."""

    def __init__(self, problems: list[InputError]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class SafetyRefusal(UnhunchError):
    """Coaching refused for safety (CLI exit 3); the message says what to do instead.

    `web_message` says the same for a web page (what to click, not a command to type)."""

    def __init__(self, message: str, web_message: str = "") -> None:
        super().__init__(message)
        self.web_message = web_message or message


class ExerciseRefused(SafetyRefusal):
    """An exercise a stored condition forbids was asked for (CLI exit 3, HTTP 409)."""

    def __init__(self, message: str, exercises: tuple[str, ...], field: str | None = None) -> None:
        self.exercises = exercises
        self.field = field  # where the routine came from (e.g. --routine), when one is to blame
        super().__init__(message)


class StoreUnusable(UnhunchError):
    """The data store cannot be used (CLI exit 4): damaged, written by a newer version, read-only,
    missing permissions, or the disk is full. Names the file, says which, and what to do."""

    def __init__(self, where: str, kind: str, advice: str) -> None:
        self.where = where
        self.kind = kind
        self.advice = advice
        super().__init__(
            f"The data store {where} cannot be used: {kind}. {advice} Nothing was changed."
        )
