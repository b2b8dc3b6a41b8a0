from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from powermap.domain.vocab import INFLUENCE_LABELS, STANCE_LABELS
from powermap.web.forms.actors import _choices


class AssessmentForm(forms.Form):
    stance = forms.TypedChoiceField(label=_("Stance"), required=False, coerce=int,
                                    empty_value=None)  # fmt: skip
    influence = forms.TypedChoiceField(label=_("Influence"), required=False, coerce=int,
                                       empty_value=None)  # fmt: skip
    ask = forms.ChoiceField(label=_("On which ask"), required=False)
    date = forms.DateField(label=_("Date"), initial=dt.date.today,
                           widget=forms.DateInput(attrs={"type": "date"}))  # fmt: skip
    confidence = forms.FloatField(label=_("Confidence"), min_value=0, max_value=1,
                                  required=False, help_text=_("From 0 (a guess) to 1 (certain)."))  # fmt: skip
    provenance = forms.CharField(label=_("Source"), max_length=1000, required=False)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea)
    confidential = forms.BooleanField(label=_("Confidential"), required=False)

    def __init__(self, *args: Any, asks: list[tuple[str, str]] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        self.fields["stance"].choices = _choices(STANCE_LABELS, _("Not assessed"))
        self.fields["influence"].choices = [("", _("Not assessed"))] + [
            (str(v), f"{v}") for v in INFLUENCE_LABELS
        ]
        self.fields["ask"].choices = [("", _("In general"))] + list(asks)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("stance") is None and data.get("influence") is None:
            raise forms.ValidationError(_("Give a stance, an influence or both."))
        return data
