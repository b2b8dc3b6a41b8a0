from __future__ import annotations

from typing import Any

from django.utils import timezone

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


def set_deleted(row: Any, user: Any, object_type: str, *, deleted: bool) -> None:
    """Soft delete (or restore) a row that has `deleted_at`, `workspace` and `key`, and
    record it as `delete_<type>` or `restore_<type>`; call it inside a transaction."""
    row.deleted_at = timezone.now() if deleted else None
    row.save(update_fields=["deleted_at"])
    action = "delete" if deleted else "restore"
    record(row.workspace, user, f"{action}_{object_type}", object_type, row.key)
