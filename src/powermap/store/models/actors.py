from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from powermap.domain.vocab import ACTOR_KIND_LABELS
from powermap.store.models.workspaces import Workspace

ACTOR_KIND_CHOICES = [(k.value, label) for k, label in ACTOR_KIND_LABELS.items()]


class Tag(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="tags")
    name = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workspace", "name"], name="tag_name_unique")
        ]
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Actor(models.Model):
    """A person, government, body or organisation on the power map.

    `key` is the workspace-unique id used in files and URLs; reference actors use the
    knowledge base's ids (`state:DE`, `body:hrc`). `stance` and `influence` cache the
    latest general assessment, kept in step by the assessment actions, so lists and the
    grid can filter and sort without scanning history.
    """

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="actors")
    key = models.CharField(_("id"), max_length=120)
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=32, choices=ACTOR_KIND_CHOICES)
    tags = models.ManyToManyField(Tag, blank=True, related_name="actors")
    notes = models.TextField(_("notes"), blank=True)
    reference = models.BooleanField(default=False)
    confidential = models.BooleanField(_("confidential"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    stance = models.SmallIntegerField(null=True, blank=True)
    influence = models.SmallIntegerField(null=True, blank=True)
    layout_x = models.FloatField(null=True, blank=True)
    layout_y = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workspace", "key"], name="actor_key_unique")
        ]
        indexes = [
            models.Index(fields=["workspace", "deleted_at", "name"]),
            models.Index(fields=["workspace", "kind"]),
            models.Index(fields=["workspace", "stance"]),
            models.Index(fields=["workspace", "influence"]),
        ]

    def __str__(self) -> str:
        return self.name
