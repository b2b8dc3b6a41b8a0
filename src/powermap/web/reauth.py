"""Confirm the password again before a whole workspace leaves the server.

An export holds everything a member may see, confidential rows included, in plain
text. A session left open on a shared or seized computer must not be enough to take it:
the export asks for the password unless the member entered it in the last few minutes
(at login or at a previous confirmation). The check goes through `authenticate`, so the
lockout after repeated failures (django-axes) applies here too.
"""

from __future__ import annotations

import time
from typing import Any

from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils.translation import gettext_lazy

SESSION_KEY = "pm_password_at"
RECENT_SECONDS = 10 * 60  # how long an entered password counts as recent


def mark_password_entered(request: HttpRequest) -> None:
    request.session[SESSION_KEY] = int(time.time())


def password_recent(request: HttpRequest) -> bool:
    entered = request.session.get(SESSION_KEY)
    return isinstance(entered, int) and 0 <= time.time() - entered < RECENT_SECONDS


@receiver(user_logged_in)
def _on_login(sender: Any, request: HttpRequest | None, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        mark_password_entered(request)


class ConfirmPasswordForm(forms.Form):
    password = forms.CharField(label=gettext_lazy("Your password"),
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))  # fmt: skip

    def __init__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        user = authenticate(self.request, username=self.request.user.get_username(),
                            password=password)  # fmt: skip
        if user is None or user.pk != self.request.user.pk:
            raise forms.ValidationError(gettext_lazy("That is not your password."))
        return password
