from django.urls import include, path

from powermap.web.views import (
    actors,
    asks,
    assessments,
    auth,
    calendar,
    forums,
    grid,
    knowledge,
    members,
    network,
    relationships,
    workspaces,
)

workspace_patterns = [
    path("", actors.actor_list, name="pm-actors"),
    path("actors/new/", actors.actor_create, name="pm-actor-create"),
    path("actors/<str:key>/", actors.actor_detail, name="pm-actor"),
    path("actors/<str:key>/edit/", actors.actor_edit, name="pm-actor-edit"),
    path("actors/<str:key>/delete/", actors.actor_delete, name="pm-actor-delete"),
    path("actors/<str:key>/restore/", actors.actor_restore, name="pm-actor-restore"),
    path("actors/<str:key>/assess/", assessments.assessment_create, name="pm-assessment-create"),
    path("actors/<str:key>/link/", relationships.relationship_create,
         name="pm-relationship-create"),  # fmt: skip
    path("relationships/<int:relationship_id>/edit/", relationships.relationship_edit,
         name="pm-relationship-edit"),  # fmt: skip
    path("relationships/<int:relationship_id>/delete/", relationships.relationship_delete,
         name="pm-relationship-delete"),  # fmt: skip
    path("asks/", asks.ask_list, name="pm-asks"),
    path("asks/new/", asks.ask_create, name="pm-ask-create"),
    path("asks/<str:ask_key>/", asks.ask_detail, name="pm-ask"),
    path("asks/<str:ask_key>/edit/", asks.ask_edit, name="pm-ask-edit"),
    path("asks/<str:ask_key>/pin/", asks.ask_pin, name="pm-ask-pin"),
    path("asks/<str:ask_key>/steps/<str:step_id>/", asks.ask_step, name="pm-ask-step"),
    path("asks/<str:ask_key>/delete/", asks.ask_delete, name="pm-ask-delete"),
    path("asks/<str:ask_key>/restore/", asks.ask_restore, name="pm-ask-restore"),
    path("calendar/", calendar.calendar, name="pm-calendar"),
    path("calendar.ics", calendar.calendar_ics, name="pm-calendar-ics"),
    path("calendar/moments/<int:moment_id>/delete/", calendar.moment_delete,
         name="pm-moment-delete"),  # fmt: skip
    path("grid/", grid.grid, name="pm-grid"),
    path("network/", network.network, name="pm-network"),
    path("network/data/", network.network_data, name="pm-network-data"),
    path("network/positions/", network.save_positions, name="pm-network-positions"),
    path("export/", workspaces.export_yaml, name="pm-export"),
    path("import/", workspaces.import_yaml, name="pm-import"),
    path("audit/", workspaces.audit_log, name="pm-audit"),
    path("members/", members.member_list, name="pm-members"),
    path("members/<int:membership_id>/", members.member_change, name="pm-member-change"),
    path("kb/", knowledge.kb_index, name="pm-kb"),
    path("kb/<str:ref>/", knowledge.kb_record, name="pm-kb-record"),
    path("kb/<str:ref>/add/", knowledge.kb_add_to_map, name="pm-kb-add"),
    path("forums/", forums.forum_facts, name="pm-forums"),
    path("forums/results/", forums.forum_results, name="pm-forums-results"),
    path("forums/ask/", forums.forum_make_ask, name="pm-forums-ask"),
]

urlpatterns = [
    path("", workspaces.home, name="pm-home"),
    path("login/", auth.login, name="pm-login"),
    path("logout/", auth.logout, name="pm-logout"),
    path("w/<slug:slug>/", include(workspace_patterns)),
]
