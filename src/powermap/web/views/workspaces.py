from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from powermap.domain.vocab import Role
from powermap.formats.workspace_yaml import WorkspaceFileError, dump_workspace, parse_workspace
from powermap.store import access
from powermap.store.access import Viewer
from powermap.store.actions.imports import do_import_workspace
from powermap.store.actions.workspaces import do_record_export
from powermap.store.convert import workspace_content
from powermap.store.references import known_reference, reference_info
from powermap.web.decorators import workspace_view
from powermap.web.reauth import ConfirmPasswordForm, mark_password_entered, password_recent


@login_required
def home(request: HttpRequest) -> HttpResponse:
    memberships = list(access.workspaces_of(request.user))
    if len(memberships) == 1:
        return redirect("pm-actors", memberships[0].workspace.slug)
    return render(request, "web/workspace/home.html", {"memberships": memberships})


@workspace_view()
def export_yaml(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    """The workspace file, once the member has entered their password recently."""
    if not password_recent(request):
        form = ConfirmPasswordForm(request, request.POST or None)
        if request.method != "POST" or not form.is_valid():
            return render(request, "web/workspace/confirm.html", {"viewer": viewer, "form": form})
        mark_password_entered(request)
    text = dump_workspace(workspace_content(viewer))
    do_record_export(viewer.workspace, request.user, "yaml")
    response = HttpResponse(text, content_type="application/yaml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{viewer.workspace.slug}.yml"'
    return response


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Workspace file (YAML)"))


# Owners only: import merges by id over every row, including confidential rows an editor
# cannot see, so an editor's file could overwrite or reveal them.
@workspace_view(Role.OWNER)
def import_yaml(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            problems = [_("%(file)s is too large to import.") % {"file": upload.name}]
            return render(request, "web/workspace/import.html",
                          {"viewer": viewer, "form": form, "problems": problems})  # fmt: skip
        try:
            text = upload.read().decode("utf-8")
            content = parse_workspace(text, upload.name, known_reference)
        except UnicodeDecodeError:
            problems = [_("%(file)s is not UTF-8 text.") % {"file": upload.name}]
        except WorkspaceFileError as error:
            problems = [str(p) for p in error.problems]
        else:
            counts = do_import_workspace(viewer.workspace, request.user, content, reference_info)
            messages.success(request, _("Imported %(n)d records.") % {"n": counts.records})
            return redirect("pm-actors", viewer.workspace.slug)
    return render(request, "web/workspace/import.html",
                  {"viewer": viewer, "form": form, "problems": problems})  # fmt: skip


@workspace_view(Role.OWNER)
def audit_log(request: HttpRequest, viewer: Viewer) -> HttpResponse:
    entries = access.audit_entries(viewer)
    page = Paginator(entries, 100).get_page(request.GET.get("page"))
    return render(request, "web/workspace/audit.html", {"viewer": viewer, "page": page})
