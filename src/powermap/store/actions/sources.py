from __future__ import annotations

from powermap.store.models import Source, Workspace


def source_for(workspace: Workspace, text: str) -> Source | None:
    """The workspace's Source row for this text (created if new); None for no source."""
    text = text.strip()
    if not text:
        return None
    source, _ = Source.objects.get_or_create(workspace=workspace, text=text[:1000])
    return source
