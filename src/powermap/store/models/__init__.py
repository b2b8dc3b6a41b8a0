"""The workspace's tables, one module per concept."""

from powermap.store.models.actors import Actor, Tag
from powermap.store.models.asks import Ask, AskStep
from powermap.store.models.assessments import Assessment
from powermap.store.models.audit import AuditEntry
from powermap.store.models.moments import Moment
from powermap.store.models.relationships import Relationship
from powermap.store.models.sources import Source
from powermap.store.models.workspaces import Membership, Workspace

__all__ = [
    "Actor",
    "Ask",
    "AskStep",
    "Assessment",
    "AuditEntry",
    "Membership",
    "Moment",
    "Relationship",
    "Source",
    "Tag",
    "Workspace",
]
