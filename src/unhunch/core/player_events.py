"""What goes into the session player (events) and what comes out (effects, outcomes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict

from unhunch.core.stop_rules import CheckIn, StopAction
from unhunch.core.timeline import CheckMoment

OutcomeKind = Literal["done", "skipped", "stopped", "eased"]
EndStatus = Literal["completed", "stopped", "quit"]


class Outcome(BaseModel):
    """What happened to one routine item; stored as a session item."""

    model_config = ConfigDict(frozen=True)

    item: int
    exercise: str
    outcome: OutcomeKind
    reason: str | None = None
    seconds: int = 0


# Events -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Start:
    pass


@dataclass(frozen=True)
class Tick:
    pass


@dataclass(frozen=True)
class Pause:
    pass


@dataclass(frozen=True)
class Resume:
    pass


@dataclass(frozen=True)
class Skip:
    pass


@dataclass(frozen=True)
class Back:
    pass


@dataclass(frozen=True)
class TooMuch:
    """The person pressed "too much"; the check says what they feel (see core/stop_rules.py)."""

    check: CheckIn = field(
        default_factory=lambda: CheckIn(pain=None, start_pain=None, too_much=True)
    )


@dataclass(frozen=True)
class CheckInAnswer:
    """Pain 0-10 per region for the check-in being asked (empty: the person skipped it)."""

    pain: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Quit:
    """End early; the closing check-in is still asked."""


@dataclass(frozen=True)
class Finish:
    """End now, without asking anything more (`reason`: why, when not the person's choice —
    the terminal closed under a running session)."""

    reason: str | None = None


Event = Start | Tick | Pause | Resume | Skip | Back | TooMuch | CheckInAnswer | Quit | Finish

# Effects ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """A soft bell: something changed (a new exercise, side, set, or hold)."""


@dataclass(frozen=True)
class ShowStep:
    index: int


@dataclass(frozen=True)
class Record:
    outcome: Outcome


@dataclass(frozen=True)
class AskCheckIn:
    moment: CheckMoment


@dataclass(frozen=True)
class Advise:
    """What the stop rules decided, in words for the person."""

    action: StopAction
    rule: str
    message: str
    then: str = ""  # what the player did about it, in plain words

    @property
    def words(self) -> str:
        return f"{self.message} {self.then}".strip()


@dataclass(frozen=True)
class End:
    status: EndStatus
    reason: str | None


Effect = Cue | ShowStep | Record | AskCheckIn | Advise | End
