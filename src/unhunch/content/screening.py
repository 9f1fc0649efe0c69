"""Load and check content/screening.toml (the red-flag screen's questions and rules)."""

from __future__ import annotations

import functools
from importlib.abc import Traversable

from pydantic import ValidationError

from unhunch.content import ContentError, content_root, explain, load_sources, read_toml
from unhunch.core.screening_rules import COMBINATION_IDS, TIERS, ScreeningContent


def load_screening_from(root: Traversable) -> ScreeningContent:
    data = read_toml(root / "screening.toml")
    try:
        content = ScreeningContent.model_validate(data)
    except ValidationError as exc:
        raise ContentError(explain("screening.toml", exc)) from exc
    problems: list[str] = []
    ids = [i.id for i in content.items] + [c.id for c in content.context]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        problems.append(f"ids used twice: {dupes}")
    if sorted(content.tiers) != sorted(TIERS):
        problems.append(f"[tiers] must have exactly {list(TIERS)}")
    if sorted(c.id for c in content.combinations) != sorted(COMBINATION_IDS):
        problems.append(
            f"[[combinations]] must match the rules in core/screening_rules.py: {COMBINATION_IDS}"
        )
    for item in content.items:
        part_ids = [p.id for p in item.parts]
        counted = [p for p in item.parts if not p.gate]
        if len(set(part_ids)) != len(part_ids):
            problems.append(f"{item.id}: part ids used twice")
        if item.parts and not 1 <= item.need <= len(counted):
            problems.append(f"{item.id}: need = {item.need}, but it has {len(counted)} parts")
        if not item.parts and item.need != 1:
            problems.append(f"{item.id}: need without parts")
    sources = load_sources(root)
    cited = [(i.id, i.sources) for i in content.items]
    cited += [(c.id, c.sources) for c in content.context]
    cited += [(c.id, c.sources) for c in content.combinations]
    for entry_id, entry_sources in cited:
        unknown = [s for s in entry_sources if s not in sources]
        if unknown:
            problems.append(f"{entry_id}: sources {unknown} are not in sources.toml")
    if problems:
        raise ContentError("screening.toml: " + "; ".join(problems))
    return content


@functools.cache
def load_screening() -> ScreeningContent:
    """The shipped screen, loaded once per process."""
    return load_screening_from(content_root())
