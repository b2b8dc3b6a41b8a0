from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from powermap.store.models.actors import Actor
from powermap.store.models.asks import Ask
from powermap.store.models.sources import Source
from powermap.store.models.workspaces import Workspace


class Assessment(models.Model):
    """A dated judgement of an actor's influence and stance, in general or on one ask.

    Rows are never updated: a new judgement is a new row, so the history shows how an
    actor moved and who said so on what evidence.
    """

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="assessments")
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="assessments")
    ask = models.ForeignKey(
        Ask, null=True, blank=True, on_delete=models.CASCADE, related_name="assessments"
    )
    influence = models.SmallIntegerField(_("influence"), null=True, blank=True)
    stance = models.SmallIntegerField(_("stance"), null=True, blank=True)
    confidence = models.FloatField(_("confidence"), null=True, blank=True)
    date = models.DateField(_("date"))
    provenance = models.ForeignKey(Source, null=True, blank=True, on_delete=models.SET_NULL)
    note = models.TextField(_("note"), blank=True)
    confidential = models.BooleanField(_("confidential"), default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(stance__isnull=True)
                | (models.Q(stance__gte=-2) & models.Q(stance__lte=2)),
                name="assessment_stance_range",
            ),
            models.CheckConstraint(
                condition=models.Q(influence__isnull=True)
                | (models.Q(influence__gte=0) & models.Q(influence__lte=5)),
                name="assessment_influence_range",
            ),
        ]
        indexes = [models.Index(fields=["actor", "ask", "date"])]
        ordering = ["-date", "-recorded_at", "-id"]
