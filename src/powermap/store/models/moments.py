from django.db import models
from django.utils.translation import gettext_lazy as _

from powermap.store.models.workspaces import Workspace


class Moment(models.Model):
    """A date of the group's own, such as the anniversary of the atrocity."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="moments")
    key = models.CharField(_("id"), max_length=120)
    name = models.CharField(_("name"), max_length=300)
    date = models.DateField(_("date"))
    yearly = models.BooleanField(_("every year"), default=True)
    lead_time_days = models.PositiveIntegerField(_("lead time in days"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workspace", "key"], name="moment_key_unique")
        ]
        ordering = ["date", "key"]

    def __str__(self) -> str:
        return self.name
