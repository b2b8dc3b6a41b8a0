"""Make the audit log append-only in the database itself.

A bug or a careless script in the application could otherwise rewrite history; with these
triggers the database refuses any UPDATE or DELETE of an audit row.
"""

from django.db import migrations

SQLITE = [
    """CREATE TRIGGER store_auditentry_no_update BEFORE UPDATE ON store_auditentry
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER store_auditentry_no_delete BEFORE DELETE ON store_auditentry
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS store_auditentry_no_update",
    "DROP TRIGGER IF EXISTS store_auditentry_no_delete",
]
POSTGRES = [
    """CREATE OR REPLACE FUNCTION store_auditentry_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'the audit log is append-only'; END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER store_auditentry_no_change BEFORE UPDATE OR DELETE ON store_auditentry
       FOR EACH ROW EXECUTE FUNCTION store_auditentry_append_only()""",
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS store_auditentry_no_change ON store_auditentry",
    "DROP FUNCTION IF EXISTS store_auditentry_append_only()",
]


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    _run(schema_editor, SQLITE if schema_editor.connection.vendor == "sqlite" else POSTGRES)


def backwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    vendor = schema_editor.connection.vendor
    _run(schema_editor, SQLITE_REVERSE if vendor == "sqlite" else POSTGRES_REVERSE)


def _run(schema_editor, statements):  # type: ignore[no-untyped-def]
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("store", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
