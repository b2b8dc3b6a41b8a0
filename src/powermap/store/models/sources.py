from django.db import models

from powermap.store.models.workspaces import Workspace


class Source(models.Model):
    """Where a statement comes from: a URL, a document and page, or a conversation."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="sources")
    text = models.CharField(max_length=1000)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workspace", "text"], name="source_text_unique")
        ]

    def __str__(self) -> str:
        return self.text
