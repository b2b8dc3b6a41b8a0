"""The permission gate every workspace view goes through."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache

from powermap.domain.vocab import Role
from powermap.store.access import access_workspace

View = Callable[..., HttpResponse]


def workspace_view(role: Role = Role.VIEWER) -> Callable[[View], View]:
    """Log-in required; then the user's membership in the URL's workspace, with `role`.

    Anonymous visitors are sent to the login page (302); outsiders get 404; members
    below `role` get 403. The view receives the Viewer instead of the slug.
    """

    def decorate(view: View) -> View:
        @never_cache  # workspace pages must not linger in a shared browser's cache
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, slug: str, *args: Any, **kwargs: Any) -> HttpResponse:
            viewer = access_workspace(request.user, slug, role)
            return view(request, viewer, *args, **kwargs)

        wrapped.workspace_role = role  # type: ignore[attr-defined]  # read by the URL-walk test
        return wrapped

    return decorate
