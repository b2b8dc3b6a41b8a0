from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from powermap.domain.vocab import RELATION_LABELS
from powermap.store.models.actors import Actor
from powermap.store.models.sources import Source
from powermap.store.models.workspaces import Workspace

RELATION_CHOICES = [(t.value, labels[0]) for t, labels in RELATION_LABELS.items()]


class Relationship(models.Model):
    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="relationships"
    )
    source = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="outgoing")
    target = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="incoming")
    type = models.CharField(_("type"), max_length=32, choices=RELATION_CHOICES)
    strength = models.FloatField(_("strength"), default=0.5)
    provenance = models.ForeignKey(Source, null=True, blank=True, on_delete=models.SET_NULL)
    note = models.TextField(_("note"), blank=True)
    confidential = models.BooleanField(_("confidential"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(strength__gte=0) & models.Q(strength__lte=1),
                name="relationship_strength_0_1",
            )
        ]
        indexes = [
            models.Index(fields=["workspace", "source"]),
            models.Index(fields=["workspace", "target"]),
        ]
