"""Warning signs in the pain diary that mean the red-flag screen must be asked again.

spec/screening.md: "The screen is asked again when the diary records something new (numbness, a
big jump in pain, night pain)". clinical.md §2.5 (R3): red-flag symptoms at any time → re-screen.
A sign counts when it is in an entry recorded after `since` (the latest screen):
- any of the symptoms numbness_tingling, night_pain, spreading_pain;
- a region's pain 3 or more points above that region's previous entry (which may be older than
  `since`). 2 points is the smallest change that matters [D17]; 3 is clearly beyond it.
Safety first: a symptom logged again after each screen asks for the screen again each time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

PAIN_JUMP = 3

SYMPTOM_WORDS: dict[str, str] = {
    "numbness_tingling": "numbness or tingling",
    "night_pain": "pain at night",
    "spreading_pain": "pain spreading down an arm or leg",
}
REGION_WORDS: dict[str, str] = {
    "neck": "neck",
    "upper_back": "upper back",
    "lower_back": "lower back",
}


class DiaryReading(Protocol):
    """What the rule needs from a diary entry (core.diary.Entry fits, as does DiaryPoint)."""

    @property
    def recorded_at(self) -> dt.datetime: ...
    @property
    def scores(self) -> Mapping[str, int]: ...
    @property
    def symptoms(self) -> Sequence[str]: ...


def written_order(entry: DiaryReading) -> tuple[dt.datetime, int]:
    """Time first, then the person's write number (`seq`, when the reading carries one)."""
    return (entry.recorded_at, int(getattr(entry, "seq", 0)))


def warning_signs(
    entries: Iterable[DiaryReading], since: dt.datetime | None = None, since_seq: int = 0
) -> list[str]:
    """Plain sentences, oldest first, one per sign found after `since` (all entries if None).

    An entry at the very same time as the screen counts when it was written after it (its
    `seq` is higher): with a fixed clock every record shares one time, and a warning logged
    after a screen must still ask for the next one.
    """
    signs: list[str] = []
    previous: dict[str, int] = {}
    for entry in sorted(entries, key=written_order):
        counts = since is None or written_order(entry) > (since, since_seq)
        day = entry.recorded_at.date().isoformat()
        if counts:
            for symptom in entry.symptoms:
                if symptom in SYMPTOM_WORDS:
                    signs.append(f"{SYMPTOM_WORDS[symptom]} noted in your diary on {day}")
        for region, pain in sorted(entry.scores.items()):
            before = previous.get(region)
            if counts and before is not None and pain - before >= PAIN_JUMP:
                where = REGION_WORDS.get(region, region.replace("_", " "))
                signs.append(f"{where} pain rose from {before} to {pain} on {day}")
            previous[region] = pain
    return signs
