from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from powermap.domain.vocab import (
    INFLUENCE_LABELS,
    STANCE_LABELS,
    is_reference_id,
)
from powermap.store.models.actors import ACTOR_KIND_CHOICES

KEY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,119}$")


def split_tags(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


class ActorForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=300)
    key = forms.CharField(
        label=_("Short id"),
        max_length=120,
        required=False,
        help_text=_("Used in files and links. Leave empty to make one from the name."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=ACTOR_KIND_CHOICES)
    tags = forms.CharField(
        label=_("Tags"), required=False, help_text=_("Separate tags with commas.")
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea)
    confidential = forms.BooleanField(
        label=_("Confidential"),
        required=False,
        help_text=_("Only you and the workspace owners will see this actor."),
    )

    def __init__(self, *args: Any, taken_keys: set[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.taken_keys = taken_keys

    def clean_key(self) -> str:
        key: str = self.cleaned_data.get("key", "").strip()
        if self.taken_keys is None:  # editing: the key does not change
            return key
        if not key:
            key = slugify(self.data.get("name", ""))[:100] or "actor"
            base, n = key, 2
            while key in self.taken_keys:
                key, n = f"{base}-{n}", n + 1
        if is_reference_id(key) or not KEY_RE.match(key):
            raise forms.ValidationError(_("Use letters, digits, dots, dashes and underscores."))
        if key in self.taken_keys:
            raise forms.ValidationError(_("Another actor already has this id."))
        return key

    def clean_tags(self) -> list[str]:
        tags = split_tags(self.cleaned_data.get("tags", ""))
        if any(len(t) > 64 for t in tags):
            raise forms.ValidationError(_("A tag can have at most 64 characters."))
        return tags


def _choices(labels: dict[int, str], blank: str) -> list[tuple[str, str]]:
    from django.utils.translation import gettext

    return [("", blank)] + [(str(v), f"{v:+d} {gettext(lbl)}" if v else f"0 {gettext(lbl)}")
                            for v, lbl in labels.items()]  # fmt: skip


class ActorFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    tag = forms.CharField(label=_("Tag"), required=False)
    stance = forms.ChoiceField(label=_("Stance"), required=False)
    influence = forms.ChoiceField(label=_("Influence at least"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Any kind"))] + ACTOR_KIND_CHOICES
        self.fields["stance"].choices = _choices(STANCE_LABELS, _("Any stance"))
        self.fields["influence"].choices = [("", _("Any influence"))] + [
            (str(v), str(v)) for v in INFLUENCE_LABELS
        ]
