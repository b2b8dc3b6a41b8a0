"""Reference actors: the states and international bodies of the knowledge base.

A workspace refers to them by the knowledge base's ids (`state:DE`, `body:hrc`,
`mechanism:iiim`, `org:eu`); their names and kinds come from the knowledge base and are
read-only in the workspace, which can still assess them and link to them.
"""

from __future__ import annotations

from functools import cache

from powermap.knowledge import load_knowledge


@cache
def _reference_table() -> dict[str, tuple[str, str]]:
    """English names as plain str: they are written into the database's actor rows."""
    return {ref: (str(name), kind) for ref, name, kind in load_knowledge().reference_actors()}


def known_reference(actor_id: str) -> bool:
    return actor_id in _reference_table()


def reference_info(actor_id: str) -> tuple[str, str] | None:
    """(English name, actor kind) of a reference actor, or None if the id is unknown."""
    return _reference_table().get(actor_id)


def reference_choices() -> list[tuple[str, str]]:
    """Every (id, name) a workspace can link to, for pickers."""
    return sorted(((ref, name) for ref, (name, _kind) in _reference_table().items()),
                  key=lambda pair: pair[1].casefold())  # fmt: skip
