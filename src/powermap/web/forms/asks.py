from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from powermap.formats.workspace_yaml import ID_PATTERN
from powermap.knowledge import KnowledgeBase
from powermap.store.actions.asks import PinChoice


def localized_name(record: Any) -> str:
    """A knowledge-base record's name in the page's language, else in English."""
    names: dict[str, str] = getattr(record, "name", None) or {}
    return names.get((get_language() or "en")[:2]) or names.get("en") or str(record.id)


def _sorted_choices(records: Any) -> list[tuple[str, str]]:
    return sorted(((rid, localized_name(r)) for rid, r in records.items()),
                  key=lambda pair: pair[1].casefold())  # fmt: skip


class AskForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    key = forms.CharField(
        label=_("Short id"), max_length=120, required=False,
        help_text=_("Used in files and links. Leave empty to make one from the title."),
    )  # fmt: skip
    kind = forms.ChoiceField(
        label=_("Kind of ask"),
        help_text=_("From the knowledge base: it says who decides and the steps to get there."),
    )
    body = forms.ChoiceField(
        label=_("Deciding body"), required=False,
        help_text=_("Leave empty to use the body the kind of ask names."),
    )  # fmt: skip
    decider = forms.CharField(
        label=_("Or a single decider"), max_length=120, required=False,
        help_text=_("The id of one actor who decides alone, such as a prosecutor on your map."),
        widget=forms.TextInput(attrs={"list": "actor-choices", "autocomplete": "off"}),
    )  # fmt: skip
    deadline = forms.DateField(
        label=_("Decision wanted by"), required=False,
        help_text=_("Optional. The plan aims only at moments that end by this day."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )  # fmt: skip
    moment = forms.ChoiceField(
        label=_("Moment to aim at"), required=False,
        help_text=_("A session, a vote or a date of your own from the calendar. Leave it to "
                    "powermap to choose the first suitable moment that leaves enough time."),
    )  # fmt: skip
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea)

    def __init__(
        self, *args: Any, kb: KnowledgeBase, actor_exists: Callable[[str], bool],
        taken_keys: set[str] | None = None, moments: Sequence[tuple[str, str]] = (),
        **kwargs: Any,
    ) -> None:  # fmt: skip
        super().__init__(*args, **kwargs)
        self.actor_exists, self.taken_keys = actor_exists, taken_keys
        self.fields["kind"].choices = [("", _("Choose…")), *_sorted_choices(kb.ask_kinds)]
        self.fields["body"].choices = [("", _("As the kind of ask says")),
                                       *_sorted_choices(kb.bodies)]  # fmt: skip
        self.fields["moment"].choices = [("", _("Let powermap choose")), *moments]

    def clean_key(self) -> str:
        key: str = self.cleaned_data.get("key", "").strip()
        if self.taken_keys is None:  # editing: the id does not change
            return key
        if not key:
            key = slugify(self.data.get("title", ""))[:100] or "ask"
            base, n = key, 2
            while key in self.taken_keys:
                key, n = f"{base}-{n}", n + 1
        if not ID_PATTERN.match(key):
            raise forms.ValidationError(_("Use letters, digits, dots, dashes and underscores."))
        if key in self.taken_keys:
            raise forms.ValidationError(_("Another ask already has this id."))
        return key

    def clean_decider(self) -> str:
        decider: str = self.cleaned_data.get("decider", "").strip()
        if decider and not self.actor_exists(decider):
            raise forms.ValidationError(_("No actor with this id."))
        return decider

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("body") and data.get("decider"):
            self.add_error("decider", _("Choose a deciding body or a single decider, not both."))
        return data


class PinForm(forms.Form):
    actor = forms.CharField(max_length=120)
    choice = forms.ChoiceField(choices=[(c.value, c.value) for c in PinChoice])


class StepForm(forms.Form):
    """One step's progress from the plan: its owner, and whether and when it was done.

    The buttons say what to do with the date: `save` keeps what the form shows, `done`
    marks the step done (today unless a date is given), `undone` clears the date.
    """

    owner = forms.CharField(label=pgettext_lazy("plan step", "Owner"), max_length=200,
                            required=False)  # fmt: skip
    done_on = forms.DateField(label=_("Done on"), required=False)
    action = forms.ChoiceField(choices=[("save", "save"), ("done", "done"), ("undone", "undone")])

    def clean_done_on(self) -> dt.date | None:
        day: dt.date | None = self.cleaned_data.get("done_on")
        if day is not None and day > timezone.localdate():
            raise forms.ValidationError(_("A step cannot be done on a day still to come."))
        return day

    def done_day(self) -> dt.date | None:
        """The day the step was done, after the button's choice; None if not done."""
        action, day = self.cleaned_data["action"], self.cleaned_data.get("done_on")
        if action == "undone":
            return None
        if action == "done":
            return day or timezone.localdate()
        return day
