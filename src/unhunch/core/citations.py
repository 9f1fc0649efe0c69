"""How a person sees where a fact comes from: plain source names, never citation codes.

The ids ("C7", "D12") stay in the data, the --json output and the clinician PDF; every page and
terminal text a person reads names its sources through `sources_line` ("Sources: NHS, Mayo
Clinic"), from each source's plain `name` in content/sources.toml.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from unhunch.core.models import Source


def source_names(ids: Iterable[str], sources: Mapping[str, Source]) -> list[str]:
    """Plain names for source ids, each once, in the order first cited; unknown ids are skipped
    (content loading already rejects them, so a stale id never shows as a code)."""
    names: list[str] = []
    for source_id in ids:
        source = sources.get(source_id)
        if source is not None and source.name not in names:
            names.append(source.name)
    return names


def sources_line(ids: Iterable[str], sources: Mapping[str, Source]) -> str:
    """'Sources: NHS, Mayo Clinic', 'Source: NHS', or '' when nothing is cited."""
    names = source_names(ids, sources)
    if not names:
        return ""
    return f"{'Source' if len(names) == 1 else 'Sources'}: {', '.join(names)}"
