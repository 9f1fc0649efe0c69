"""The shapes in spec/profile-and-routine.md: exercise, dose, profile, routine."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from unhunch.core.figure_spec import FigureSpec
from unhunch.core.vocab import (
    Condition,
    Equipment,
    Kind,
    Level,
    Movement,
    PainRegion,
    Position,
    Region,
    Setting,
)

DEFAULT_BREATH_SECONDS = 6


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Dose(Strict):
    """How much: sets of reps, or a hold in seconds or breaths; per side for one-sided work."""

    sets: int = Field(ge=1, le=4)
    reps: int | None = Field(default=None, ge=1, le=30)
    hold_seconds: int | None = Field(default=None, ge=1, le=180)
    hold_breaths: int | None = Field(default=None, ge=1, le=20)
    per_side: bool = False
    rest_seconds: int = Field(default=0, ge=0, le=120)

    @model_validator(mode="after")
    def _exactly_one_measure(self) -> Dose:
        given = [
            m for m in ("reps", "hold_seconds", "hold_breaths") if getattr(self, m) is not None
        ]
        if len(given) != 1:
            raise ValueError(
                "a dose needs exactly one of reps, hold_seconds or hold_breaths"
                f" (found {', '.join(given) or 'none'})"
            )
        return self

    @property
    def measure(self) -> Literal["reps", "hold_seconds", "hold_breaths"]:
        if self.reps is not None:
            return "reps"
        if self.hold_seconds is not None:
            return "hold_seconds"
        return "hold_breaths"

    @property
    def amount(self) -> int:
        value = getattr(self, self.measure)
        assert isinstance(value, int)
        return value

    def describe(self) -> str:
        """Plain words: '2 × 10 reps each side', 'hold 5 breaths'."""
        if self.measure == "reps":
            core = f"{self.amount} reps"
        elif self.measure == "hold_seconds":
            core = f"hold {self.amount} s"
        else:
            core = f"hold {self.amount} breaths"
        text = core if self.sets == 1 else f"{self.sets} × {core}"
        return text + (" each side" if self.per_side else "")


class Variations(Strict):
    easier: list[str] = Field(default_factory=list)
    harder: list[str] = Field(default_factory=list)


class Exercise(Strict):
    """One exercise, from content/exercises/<id>.toml."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(min_length=2)
    aliases: list[str]
    summary: str = ""
    kind: Kind
    position: Position
    equipment: list[Equipment]
    regions: list[Region] = Field(min_length=1)
    muscles: list[str] = Field(min_length=1)
    movements: list[Movement]
    level: Level
    bilateral: bool
    dose: Dose
    rep_seconds: int = Field(default=4, ge=1, le=15)
    steps: list[str] = Field(min_length=2)
    cues: list[str] = Field(min_length=1)
    cautions: list[str] = Field(min_length=1)
    sources: list[str] = Field(min_length=1)
    variations: Variations = Field(default_factory=Variations)
    breath: str | None = None
    figure: FigureSpec | None = None

    @model_validator(mode="after")
    def _per_side_matches_bilateral(self) -> Exercise:
        if self.dose.per_side != self.bilateral:
            raise ValueError("dose.per_side must be true exactly when the exercise is bilateral")
        return self

    @property
    def primary_region(self) -> Region:
        return self.regions[0]


class Source(Strict):
    id: str = Field(pattern=r"^[A-Z][0-9]+$")
    name: str = Field(min_length=1)  # what people read: "NHS", "Mayo Clinic"
    title: str
    address: str


class Profile(Strict):
    """Input to the planner (spec/profile-and-routine.md, 'Profile')."""

    pain: dict[PainRegion, int] = Field(default_factory=dict)
    minutes: int = Field(default=8, ge=1, le=60)
    setting: Setting = "desk"
    equipment: list[Equipment] = Field(default_factory=list)
    level: Level = "beginner"
    conditions: list[Condition] = Field(default_factory=list)
    favourites: list[str] = Field(default_factory=list)
    excluded: list[str] = Field(default_factory=list)
    date: dt.date | None = None
    breath_seconds: int = Field(default=DEFAULT_BREATH_SECONDS, ge=3, le=12)

    @field_validator("pain")
    @classmethod
    def _pain_in_range(cls, value: dict[str, int]) -> dict[str, int]:
        for region, pain in value.items():
            if not 0 <= pain <= 10:
                raise ValueError(f"pain for {region} must be a whole number from 0 to 10")
        return value

    @property
    def targets(self) -> list[PainRegion]:
        """Regions with pain above 0, most painful first (ties in vocabulary order)."""
        from unhunch.core.vocab import PAIN_REGIONS

        hurting = [r for r in PAIN_REGIONS if self.pain.get(r, 0) > 0]
        return sorted(hurting, key=lambda r: -self.pain.get(r, 0))


BlockName = Literal["warm_up", "main", "cool_down"]


class RoutineItem(Strict):
    exercise: str
    dose: Dose
    seconds: int
    why: str


class Block(Strict):
    name: BlockName
    items: list[RoutineItem]


class ExcludedExercise(Strict):
    exercise: str
    reason: str


class Routine(Strict):
    profile_digest: str
    total_seconds: int
    blocks: list[Block]
    excluded: list[ExcludedExercise] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    @property
    def items(self) -> list[RoutineItem]:
        return [item for block in self.blocks for item in block.items]
