from __future__ import annotations

from typing import Any

from powermap.store.models import AuditEntry, Workspace


def record(
    workspace: Workspace | None,
    user: Any,
    action: str,
    object_type: str = "",
    object_key: str = "",
    **detail: Any,
) -> AuditEntry:
    """Write the audit row of an action; call it inside the action's transaction."""
    return AuditEntry.objects.create(
        workspace=workspace,
        user=user,
        username=getattr(user, "username", "") or "(command line)",
        action=action,
        object_type=object_type,
        object_key=object_key,
        detail=detail,
    )
