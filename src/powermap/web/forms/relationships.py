from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from powermap.store.models.relationships import RELATION_CHOICES


class RelationshipForm(forms.Form):
    target = forms.CharField(
        label=_("Other actor"), max_length=120, help_text=_("The other actor's id or name."),
        widget=forms.TextInput(attrs={"list": "actor-choices", "autocomplete": "off"}),
    )
    type = forms.ChoiceField(label=_("Relationship"), choices=RELATION_CHOICES)
    strength = forms.FloatField(
        label=_("Strength"), min_value=0, max_value=1, initial=0.5,
        help_text=_("From 0 (barely) to 1 (very strong)."),
    )  # fmt: skip
    provenance = forms.CharField(label=_("Source"), max_length=1000, required=False)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea)
    confidential = forms.BooleanField(label=_("Confidential"), required=False)

    def __init__(self, *args: Any, resolve: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.resolve = resolve

    def clean_target(self) -> Any:
        text = self.cleaned_data["target"].strip()
        actor = self.resolve(text) if self.resolve else None
        if actor is None:
            raise forms.ValidationError(_("No actor with this id or name."))
        return actor
