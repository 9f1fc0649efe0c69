"""What a guided session leaves behind: the record that is stored and shown in the summary."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import BaseModel, ConfigDict, Field

from unhunch.core.models import Routine
from unhunch.core.player import PlayerState, outcomes_in_order
from unhunch.core.player_events import Outcome

# Why a session ended when its terminal closed under it (SIGHUP) or it was told to stop.
ABANDONED = "abandoned: the terminal closed during the session"


class SessionRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    routine: Routine
    started_at: dt.datetime
    ended_at: dt.datetime | None = None
    status: str = "running"
    stop_reason: str | None = None
    pain_before: dict[str, int] | None = None
    pain_after: dict[str, int] | None = None
    items: list[Outcome] = Field(default_factory=list)

    def diary_entry_id(self, when: str) -> str:
        """A stable id for the before/after diary entry, so saving twice writes it once."""
        return str(uuid.uuid5(uuid.UUID(self.id), when))

    @property
    def symptoms_after(self) -> list[str]:
        """Symptoms the session found, for the diary: spreading pain asks for a new screen."""
        return ["spreading_pain"] if self.stop_reason == "spreading" else []

    @property
    def counts(self) -> dict[str, int]:
        found = {"done": 0, "eased": 0, "skipped": 0, "stopped": 0}
        for item in self.items:
            found[item.outcome] += 1
        return found

    @property
    def active_seconds(self) -> int:
        return sum(item.seconds for item in self.items)


def record_from_state(
    session_id: str, routine: Routine, started_at: dt.datetime, state: PlayerState
) -> SessionRecord:
    """The record as it stands; wall times come from the start time plus the player's clock."""
    ended_at = None
    if state.ended_at is not None and state.started_at is not None:
        ran = max(0.0, state.ended_at - state.started_at)  # never an end before the start
        ended_at = started_at + dt.timedelta(seconds=ran)
    return SessionRecord(
        id=session_id,
        routine=routine,
        started_at=started_at,
        ended_at=ended_at,
        status=state.end_status if state.status == "ended" and state.end_status else "running",
        stop_reason=state.stop_reason,
        pain_before=state.pain_before or None,
        pain_after=state.pain_after or None,
        items=outcomes_in_order(state),
    )
