from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from powermap.store.actions.audit import record
from powermap.store.models import Moment, Workspace


@transaction.atomic
def do_add_moment(
    workspace: Workspace, user: Any, *, key: str, name: str, date: dt.date, yearly: bool,
    lead_time_days: int | None, description: str = "",
) -> Moment:  # fmt: skip
    moment = Moment.objects.create(
        workspace=workspace, key=key, name=name, date=date, yearly=yearly,
        lead_time_days=lead_time_days, description=description,
    )  # fmt: skip
    record(workspace, user, "add_moment", "moment", key, date=date.isoformat())
    return moment


@transaction.atomic
def do_delete_moment(moment: Moment, user: Any) -> None:
    record(moment.workspace, user, "delete_moment", "moment", moment.key)
    moment.delete()
