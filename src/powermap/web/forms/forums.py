"""The facts of a situation as a web form, and as the query string of the results page.

The facts travel in the URL (`facts_query`) rather than being stored: the results page
can be bookmarked and printed, and nothing about a situation is kept on the server
unencrypted. Field names are the keys of the facts file (formats/facts_yaml.py), with
`period` split into `period_start` and `period_end`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, cast
from urllib.parse import urlencode

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from powermap.domain.forums import (
    CRIME_LABELS,
    SUSPECT_ROLE_LABELS,
    Crime,
    Facts,
    Period,
    SuspectRole,
)
from powermap.formats.facts_yaml import STATE_LIST_KEYS

SEPARATORS = re.compile(r"[,;\n]+")
RESPONSIBILITY = {"yes": True, "no": False}


class StateListField(forms.CharField):
    """Comma-separated states, written as ISO codes (BD) or names (Bangladesh).

    `lookup` maps case-folded codes and names to codes; the form fills it from the
    knowledge base.
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 2000)
        super().__init__(**kwargs)
        self.lookup: Mapping[str, str] = {}

    def clean(self, value: Any) -> tuple[str, ...]:
        text = super().clean(value)
        codes: list[str] = []
        unknown: list[str] = []
        for part in SEPARATORS.split(text or ""):
            part = part.strip()
            if not part:
                continue
            code = self.lookup.get(part.casefold())
            if code is None:
                unknown.append(part)
            elif code not in codes:
                codes.append(code)
        if unknown:
            raise forms.ValidationError(
                _("Unknown state: %(states)s. Use ISO codes such as BD, or the names in the list."),
                params={"states": ", ".join(unknown)},
            )
        if self.required and not codes:
            raise forms.ValidationError(self.error_messages["required"])
        return tuple(codes)


STATE_HELP = _("Separate states with commas: ISO codes (BD) or names (Bangladesh).")


class FactsForm(forms.Form):
    situation = forms.CharField(
        label=_("Situation"), required=False, max_length=300,
        help_text=_("A short title, used in the suggested asks."),
    )  # fmt: skip
    crimes = forms.MultipleChoiceField(
        label=_("Crimes"), widget=forms.CheckboxSelectMultiple,
        choices=[(c.value, _(label)) for c, label in CRIME_LABELS.items()],
    )  # fmt: skip
    territory = StateListField(
        label=_("Territory"), required=True,
        help_text=_("Where the conduct or its effects took place."),
    )  # fmt: skip
    period_start = forms.DateField(
        label=_("Period start"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    period_end = forms.DateField(
        label=_("Period end"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leave empty while the crimes are ongoing."),
    )  # fmt: skip
    perpetrator_nationalities = StateListField(label=_("Perpetrators' nationalities"))
    victim_nationalities = StateListField(label=_("Victims' nationalities"))
    suspect_locations = StateListField(
        label=_("Where suspects are"), help_text=_("Where suspects are now, or travel to.")
    )
    victim_residences = StateListField(
        label=_("Where victims live"), help_text=_("Where victims live now.")
    )
    suspect_roles = forms.MultipleChoiceField(
        label=_("Suspects' roles"), required=False, widget=forms.CheckboxSelectMultiple,
        choices=[(r.value, _(label)) for r, label in SUSPECT_ROLE_LABELS.items()],
        help_text=_("Immunities before foreign courts depend on them."),
    )  # fmt: skip
    state_responsibility = forms.ChoiceField(
        label=_("Is state conduct at issue?"), required=False, widget=forms.RadioSelect,
        choices=[("", _("Not known")), ("yes", _("Yes")), ("no", _("No"))], initial="",
    )  # fmt: skip
    sources = forms.CharField(
        label=_("Where these facts come from"), required=False, max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}), help_text=_("One source per line."),
    )  # fmt: skip

    def __init__(
        self, *args: Any, states: Mapping[str, Iterable[str]] | None = None, **kwargs: Any
    ) -> None:
        """`states` maps each known ISO code to the names a user may write instead."""
        super().__init__(*args, **kwargs)
        states = states or {}
        lookup = {name.casefold(): code for code, names in states.items() for name in names}
        lookup |= {code.casefold(): code for code in states}
        for key in STATE_LIST_KEYS:
            field = cast(StateListField, self.fields[key])
            field.lookup = lookup
            field.widget.attrs.update({"list": "states", "autocomplete": "off"})
            field.help_text = (
                format_lazy("{} {}", field.help_text, STATE_HELP) if field.help_text else STATE_HELP
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The end is before the start."))
        return data

    def facts(self) -> Facts:
        """The validated facts; call only after `is_valid()`."""
        data = self.cleaned_data
        return Facts(
            crimes=tuple(Crime(c) for c in data["crimes"]),
            territory=data["territory"],
            period=Period(data["period_start"], data["period_end"]),
            perpetrator_nationalities=data["perpetrator_nationalities"],
            victim_nationalities=data["victim_nationalities"],
            suspect_locations=data["suspect_locations"],
            victim_residences=data["victim_residences"],
            suspect_roles=tuple(SuspectRole(r) for r in data["suspect_roles"]),
            state_responsibility=RESPONSIBILITY.get(data["state_responsibility"]),
            situation=data["situation"].strip(),
            sources=tuple(line.strip() for line in data["sources"].splitlines() if line.strip()),
        )


def facts_query(facts: Facts) -> str:
    """The facts as the query string FactsForm reads back (empty values left out)."""
    params: list[tuple[str, str]] = [("situation", facts.situation)]
    params += [("crimes", crime.value) for crime in facts.crimes]
    params += [(key, ",".join(getattr(facts, key))) for key in STATE_LIST_KEYS]
    params += [("period_start", facts.period.start.isoformat())]
    params += [("period_end", facts.period.end.isoformat() if facts.period.end else "")]
    params += [("suspect_roles", role.value) for role in facts.suspect_roles]
    if facts.state_responsibility is not None:
        params.append(("state_responsibility", "yes" if facts.state_responsibility else "no"))
    params.append(("sources", "\n".join(facts.sources)))
    return urlencode([(key, value) for key, value in params if value])


class FactsFileForm(forms.Form):
    file = forms.FileField(
        label=_("Facts file (YAML)"),
        help_text=_("The same file the powermap forums command reads; see docs/forums.md."),
    )
