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
    # The day by which the group wants the decision; the plan aims at moments before it.
    deadline = models.DateField(_("decision wanted by"), null=True, blank=True)
    # The calendar moment (knowledge base or workspace moment id) the group aims at; "" lets
    # the plan choose.
    moment = models.CharField(_("moment"), max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["workspace", "key"], name="ask_key_unique")]

    def __str__(self) -> str:
        return self.title or self.key


class AskStep(models.Model):
    """The group's progress on one step of an ask's plan: who owns it, when it was done.

    `step` is the id of a step of the ask kind's blueprint in the knowledge base. A row
    exists only while it says something (an owner, a done date or both).
    """

    ask = models.ForeignKey(Ask, on_delete=models.CASCADE, related_name="steps")
    step = models.CharField(_("step"), max_length=120)
    owner = models.CharField(_("owner"), max_length=200, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["ask", "step"], name="ask_step_unique")]

    def __str__(self) -> str:
        return f"{self.ask.key}: {self.step}"
