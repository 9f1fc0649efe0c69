"""Content shipped as data files: loaded, validated, and turned into a Library."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from importlib.abc import Traversable
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from unhunch.core.library import Library, closest
from unhunch.core.models import Exercise, Source


class ContentError(Exception):
    """A content file is broken: the message names the file, the field and what is allowed."""


def content_root() -> Traversable:
    return resources.files("unhunch.content")


def read_toml(file: Traversable) -> dict[str, Any]:
    try:
        return tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{file.name}: not valid TOML ({exc})") from exc


def _model_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The pydantic model that owns the last part of an error location, if there is one."""
    for part in loc[:-1]:
        field = model.model_fields.get(str(part))
        inner = field.annotation if field else None
        if not (isinstance(inner, type) and issubclass(inner, BaseModel)):
            return None
        model = inner
    return model


def _describe(model: type[BaseModel], err: ErrorDetails) -> str:
    """One problem in plain words: where, what was found, and what is allowed."""
    loc = tuple(err["loc"])
    where = ".".join(str(p) for p in loc) or "(file)"
    if err["type"] == "extra_forbidden":
        owner = _model_at(model, loc)
        allowed = ", ".join(owner.model_fields) if owner else "see the schema"
        near = closest(str(loc[-1]), owner.model_fields) if owner else None
        hint = f" Did you mean {near!r}?" if near else ""
        return f"{where}: unknown field (allowed fields: {allowed}).{hint}"
    if err["type"] == "missing":
        return f"{where}: required field is missing"
    found = err.get("input")
    text = f"{where}: {err['msg'].removeprefix('Value error, ')}"
    # A whole table (a model-level rule) is too long to echo back; a single value is not.
    if not isinstance(found, dict | list):
        text += f" (found {found!r})"
    expected = err.get("ctx", {}).get("expected")
    if err["type"] == "literal_error" and isinstance(found, str) and expected:
        near = closest(found, [e.strip(" '") for e in expected.replace(" or ", ", ").split(",")])
        if near:
            text += f". Did you mean {near!r}?"
    return text


def explain(name: str, exc: ValidationError, model: type[BaseModel] = Exercise) -> str:
    lines = [f"{name}: {exc.error_count()} problem(s)"]
    lines.extend(f"  - {_describe(model, err)}" for err in exc.errors())
    return "\n".join(lines)


def load_exercise(file: Traversable) -> Exercise:
    data = read_toml(file)
    stem = file.name.removesuffix(".toml")
    if data.get("id") != stem:
        raise ContentError(f"{file.name}: id must equal the file name, {stem!r}")
    try:
        return Exercise.model_validate(data)
    except ValidationError as exc:
        raise ContentError(explain(file.name, exc)) from exc


def load_sources(root: Traversable | None = None) -> dict[str, Source]:
    root = root or content_root()
    data = read_toml(root / "sources.toml")
    try:
        return {sid: Source(id=sid, **fields) for sid, fields in data.items()}
    except ValidationError as exc:
        raise ContentError(explain("sources.toml", exc, Source)) from exc


def load_library_from(root: Traversable) -> Library:
    """Load and validate every exercise under root/exercises, and the source list."""
    sources = load_sources(root)
    exercises: dict[str, Exercise] = {}
    for file in sorted((root / "exercises").iterdir(), key=lambda f: f.name):
        if not file.name.endswith(".toml"):
            continue
        ex = load_exercise(file)
        unknown = [s for s in ex.sources if s not in sources]
        if unknown:
            raise ContentError(
                f"{file.name}: sources {unknown} are not in sources.toml"
                " (allowed: the ids of reference/clinical.md §0)"
            )
        exercises[ex.id] = ex
    for ex in exercises.values():
        for link in (*ex.variations.easier, *ex.variations.harder):
            if link not in exercises:
                raise ContentError(
                    f"{ex.id}.toml: variations names unknown exercise {link!r}"
                    " (allowed: the id of another file in content/exercises)"
                )
    return Library(
        exercises=exercises, sources=sources, id_aliases=load_id_aliases(root, exercises)
    )


def load_id_aliases(root: Traversable, exercises: dict[str, Exercise]) -> dict[str, str]:
    """Other ids for exercises (content/id_aliases.toml), each pointing at a real exercise."""
    file = root / "id_aliases.toml"
    if not file.is_file():
        return {}
    aliases: dict[str, str] = {}
    for other, stable in read_toml(file).items():
        if not isinstance(stable, str) or stable not in exercises:
            raise ContentError(
                f"id_aliases.toml: {other} points at {stable!r}"
                " (allowed: the id of a file in content/exercises)"
            )
        if other in exercises:
            raise ContentError(f"id_aliases.toml: {other!r} is already an exercise id")
        aliases[other] = stable
    return aliases


@functools.cache
def load_library() -> Library:
    """The shipped library, loaded once per process."""
    return load_library_from(content_root())
