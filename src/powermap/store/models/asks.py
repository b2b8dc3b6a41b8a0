from django.db import models
from django.utils.translation import gettext_lazy as _

from powermap.store.models.workspaces import Workspace


class Ask(models.Model):
    """A justice request the group pursues; the strategy engine gives it a plan."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="asks")
    key = models.CharField(_("id"), max_length=120)
    kind = models.CharField(_("kind"), max_length=64)
    body = models.CharField(_("deciding body"), max_length=120, blank=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # One actor (an actor id) that decides alone, instead of a body; "" for none.
    decider = models.CharField(_("decider"), max_length=120, blank=True)
    # Actor ids the group chose to list first (in order) or never, for this ask.
    pinned_targets = models.JSONField(_("pinned targets"), default=list, blank=True)
    excluded_targets = models.JSONField(_("excluded targets"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workspace", "key"], name="ask_key_unique")
        ]

    def __str__(self) -> str:
        return self.title or self.key
