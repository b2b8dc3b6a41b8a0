from django.conf import settings
from django.db import models

from powermap.store.models.workspaces import Workspace


class AuditEntry(models.Model):
    """Who changed what, when. Append-only: database triggers refuse updates and deletes."""

    workspace = models.ForeignKey(
        Workspace, null=True, on_delete=models.DO_NOTHING, related_name="audit_entries",
        db_constraint=False,
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.DO_NOTHING, db_constraint=False
    )
    username = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=64)
    object_type = models.CharField(max_length=32, blank=True)
    object_key = models.CharField(max_length=300, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
