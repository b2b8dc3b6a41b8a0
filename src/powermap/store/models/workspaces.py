from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from powermap.domain.vocab import ROLE_LABELS, Role


class Workspace(models.Model):
    """One situation a group works on; everything else belongs to exactly one workspace."""

    slug = models.SlugField(_("short name"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=200)
    situation = models.TextField(_("situation"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("role"), max_length=16, choices=[(r.value, label) for r, label in ROLE_LABELS.items()]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workspace", "user"], name="one_role_per_workspace")
        ]

    @property
    def role_enum(self) -> Role:
        return Role(self.role)
