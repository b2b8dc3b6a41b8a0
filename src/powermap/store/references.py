"""Reference actors: the states and international bodies of the knowledge base.

Until a knowledge base is installed, any well-formed reference id is accepted and named
by its id; with it, ids must exist and take the knowledge base's name and kind.
"""

from __future__ import annotations

from powermap.domain.vocab import ActorKind


def known_reference(actor_id: str) -> bool:
    return reference_info(actor_id) is not None


def reference_info(actor_id: str) -> tuple[str, str] | None:
    """(name, actor kind) of a reference actor, or None if the id is unknown."""
    kind = ActorKind.STATE if actor_id.startswith("state:") else ActorKind.IGO_ORGAN
    return actor_id, kind.value
