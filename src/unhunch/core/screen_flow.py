"""How the interactive screen flows: which questions, in what order, on which page, and when it
ends (spec/screening.md, "The screen stays short"). Pure: the state is the answers so far.

The terminal asks one question at a time, the web one page at a time; both only drive this
machine. Pages, each known once the pages before it are answered:

0. about you: age (under 16 ends the screen), where it hurts, how many weeks;
1. signs that need help now: the emergency items for those regions; a yes ends the screen;
2. other signs: the urgent, see-a-doctor and combined items for those regions;
3. a few more details: the rest of a pattern whose first question was yes, and the context
   follow-ups that can still change the outcome (`screening_rules.context_matters`);
4. clearance: "has a clinician cleared you?", only when the result so far is see_doctor.

Items a flow did not ask are left out of its Answers (stored as "not_asked"); they count for
nothing, so skipping is decided here from clinical.md (an item's `regions`, the pattern gate).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from unhunch.core.screen_replies import (
    REGIONS_ID,
    FlowValue,
    Question,
    as_item_answer,
    context_bool,
    fold_parts,
    item_questions,
)
from unhunch.core.screening_rules import (
    MIN_AGE,
    Answers,
    ItemAnswer,
    ScreeningContent,
    ScreenItem,
    context_matters,
)
from unhunch.core.triage import evaluate
from unhunch.core.vocab import PAIN_REGIONS, PainRegion

State = Mapping[str, FlowValue]  # question id -> answer; nothing else is kept
PageId = Literal["about_you", "urgent_signs", "other_signs", "details", "clearance"]
PAGE_TITLES: dict[PageId, str] = {
    "about_you": "About you and your pain",
    "urgent_signs": "Signs that need help now",
    "other_signs": "Other signs a doctor should check",
    "details": "A few more details",
    "clearance": "Has a clinician checked you?",
}
INFLAMMATORY_WEEKS = 12  # the inflammatory pattern is about back pain of 3 months or more [G5, N17]
ONSET_AGE = 45  # "started before 45": answered by the age itself when younger [G5, N17]


@dataclass(frozen=True)
class Page:
    id: PageId
    number: int  # 0-based, in the order above
    questions: tuple[Question, ...]

    @property
    def title(self) -> str:
        return PAGE_TITLES[self.id]


@dataclass(frozen=True)
class Ended:
    """The screen is over: `refused` when under 16 (nothing is stored), else store `answers`."""

    answers: Answers
    asked: tuple[str, ...]  # item ids asked (all their parts answered)
    emergency_stop: bool = False
    refused: bool = False


def regions_of(state: State) -> tuple[PainRegion, ...]:
    value = state.get(REGIONS_ID)
    return value if isinstance(value, tuple) else PAIN_REGIONS


def _int(state: State, key: str) -> int | None:
    value = state.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _relevant(item: ScreenItem, state: State) -> bool:
    regions = regions_of(state)
    if item.regions and not set(item.regions) & set(regions):
        return False
    if item.id == "inflammatory_back_pain_pattern":
        weeks = _int(state, "pain_weeks")
        return weeks is not None and weeks >= INFLAMMATORY_WEEKS
    return True


def auto_answers(content: ScreeningContent, state: State) -> dict[str, FlowValue]:
    """Answers the flow knows without asking: "started before 45" when the person is under 45."""
    age = _int(state, "age")
    if age is None or age >= ONSET_AGE:
        return {}
    return {"inflammatory_back_pain_pattern.started_before_45": True}


def _gate_open(item: ScreenItem, state: Mapping[str, FlowValue]) -> bool | None:
    """True when every gate part is yes or unsure; False when one is no; None while unknown."""
    values = [state.get(f"{item.id}.{p.id}") for p in item.parts if p.gate]
    if any(v is False for v in values):
        return False
    return None if any(v is None for v in values) else True


def pages(content: ScreeningContent, state: State) -> list[Page]:
    """Every page as far as the answers so far decide it (later pages may still grow)."""
    known = {**state, **auto_answers(content, state)}
    about = [
        content_question(content, "age"),
        regions_question(),
        content_question(content, "pain_weeks"),
    ]
    relevant = [i for i in content.items if _relevant(i, known)]
    urgent = [q for i in relevant if i.tier == "emergency" for q in item_questions(i)]
    other: list[Question] = []
    details: list[Question] = []
    for item in (i for i in relevant if i.tier != "emergency"):
        questions = [q for q in item_questions(item) if q.id not in known or q.id in state]
        if not any(p.gate for p in item.parts):
            other += questions
            continue
        gates = [q for q in questions if q.gate]
        rest = [q for q in questions if not q.gate]
        other += gates
        opened = _gate_open(item, known)
        if opened and gates:
            details += rest
        elif opened:
            other += rest
    answers = to_answers(content, state)
    for field_id in ("improving", "new_pain", "long_term_steroids"):
        if context_matters(field_id, answers, "self_care"):
            details.append(content_question(content, field_id))
    result = [
        Page("about_you", 0, tuple(about)),
        Page("urgent_signs", 1, tuple(urgent)),
        Page("other_signs", 2, tuple(other)),
        Page("details", 3, tuple(details)),
    ]
    if evaluate(answers, content).tier == "see_doctor":
        result.append(Page("clearance", 4, (content_question(content, "clinician_cleared"),)))
    return [p for p in result if p.questions]


def content_question(content: ScreeningContent, field_id: str) -> Question:
    f = content.field(field_id)
    kind: Literal["int", "yes_no"] = "int" if f.kind == "int" else "yes_no"
    return Question(f.id, kind, f.question, f.why, f.sources)


def regions_question() -> Question:
    return Question(
        REGIONS_ID,
        "regions",
        "Where is your pain? Choose every place that hurts.",
        "Some warning signs only matter for pain in one place, so we only ask what fits you.",
        ("R1", "R11"),
    )


def next_step(content: ScreeningContent, state: State) -> Page | Ended:
    """The page still to answer (only its unanswered questions), or how the screen ended."""
    age = _int(state, "age")
    if age is not None and age < MIN_AGE:
        return Ended(Answers(items={}), (), refused=True)
    for page in pages(content, state):
        if page.number >= 1 and emergency_stop(content, state):
            break
        todo = tuple(q for q in page.questions if q.id not in state)
        if todo:
            return Page(page.id, page.number, todo)
    answers = to_answers(content, state)
    return Ended(answers, answers_asked(answers), emergency_stop(content, state))


def next_question(content: ScreeningContent, state: State) -> Question | Ended:
    """For a face that asks one at a time: the first question still to answer."""
    step = next_step(content, state)
    return step if isinstance(step, Ended) else step.questions[0]


def emergency_stop(content: ScreeningContent, state: State) -> bool:
    """An emergency item answered yes: the screen stops at once."""
    return any(item_value(i, state) is True for i in content.items if i.tier == "emergency")


def item_value(item: ScreenItem, state: Mapping[str, FlowValue]) -> ItemAnswer | None:
    """The item's answer from its question (or parts); None while not (fully) answered."""
    if not item.parts:
        return as_item_answer(state.get(item.id))
    return fold_parts(item, state)


def to_answers(content: ScreeningContent, state: State) -> Answers:
    """The Answers triage reads: items answered so far, context with the safer reading of
    "not sure" (see screen_replies.context_bool)."""
    known = {**state, **auto_answers(content, state)}
    items: dict[str, ItemAnswer] = {}
    for item in content.items:
        value = item_value(item, known)
        if value is not None:
            items[item.id] = value
    return Answers(
        items=items,
        age=_int(state, "age"),
        pain_weeks=_int(state, "pain_weeks"),
        improving=context_bool("improving", state.get("improving")),
        new_pain=context_bool("new_pain", state.get("new_pain")),
        long_term_steroids=context_bool("long_term_steroids", state.get("long_term_steroids")),
        clinician_cleared=context_bool("clinician_cleared", state.get("clinician_cleared")),
    )


def answers_asked(answers: Answers) -> tuple[str, ...]:
    return tuple(answers.items)


def progress(content: ScreeningContent, state: State) -> tuple[int, int]:
    """(answered, about how many in all): the count every face shows, from the flow itself.
    The total assumes the questions still to come are answered no, so it is "about"."""
    all_questions = {q.id for p in pages(content, state) for q in p.questions}
    answered = len([k for k in state if k in all_questions])
    return answered, max(len(all_questions), answered)


def questions_by_id(content: ScreeningContent) -> dict[str, Question]:
    """Every question the flow can ask, by id (to read back answers a face kept for it)."""
    fields = [content_question(content, f.id) for f in content.context]
    items = [q for i in content.items for q in item_questions(i)]
    return {q.id: q for q in [*fields, regions_question(), *items]}


def question_range(content: ScreeningContent) -> tuple[int, int]:
    """About how many questions a calm person is asked: pain in one place, and everywhere."""
    calm: dict[str, FlowValue] = {"age": 40, "pain_weeks": 1}
    counts = [
        progress(content, {**calm, REGIONS_ID: regions})[1]
        for regions in [*((r,) for r in PAIN_REGIONS), PAIN_REGIONS]
    ]
    return min(counts), max(counts)
