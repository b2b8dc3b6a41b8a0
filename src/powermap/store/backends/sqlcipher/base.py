"""Django's SQLite backend, opened through SQLCipher with the workspace key.

Everything but the connection is Django's own sqlite3 backend: SQLCipher is SQLite with
page encryption, so the SQL dialect, introspection and schema editor are unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import tee
from typing import Any

import sqlcipher3
from django.core.exceptions import ImproperlyConfigured
from django.db.backends.sqlite3 import base as sqlite_base

from powermap.store import crypto

# Django registers its type converters on the standard library's sqlite3 module at import;
# sqlcipher3 is a separate module, so we register the same ones on it.
sqlcipher3.register_converter("bool", b"1".__eq__)
for _type, _parse in (
    ("date", sqlite_base.parse_date),
    ("time", sqlite_base.parse_time),
    ("datetime", sqlite_base.parse_datetime),
    ("timestamp", sqlite_base.parse_datetime),
):
    sqlcipher3.register_converter(_type, sqlite_base.decoder(_parse))
sqlcipher3.register_adapter(sqlite_base.decimal.Decimal, str)
sqlcipher3.register_adapter(sqlite_base.datetime.date, sqlite_base.adapt_date)
sqlcipher3.register_adapter(sqlite_base.datetime.datetime, sqlite_base.adapt_datetime)


class SQLCipherCursorWrapper(sqlcipher3.Cursor):
    """Django's SQLiteCursorWrapper (parameter-style conversion) on a sqlcipher3 cursor.

    Django's class derives from the standard library's Cursor, which sqlcipher3
    connections refuse, so we graft its methods onto sqlcipher3's Cursor.
    """

    convert_query = sqlite_base.SQLiteCursorWrapper.convert_query

    def execute(self, query: str, params: Any = None) -> Any:
        if params is None:
            return super().execute(query)
        names = list(params) if isinstance(params, Mapping) else None
        return super().execute(self.convert_query(query, param_names=names), params)

    def executemany(self, query: str, param_list: Any) -> Any:
        peekable, param_list = tee(iter(param_list))
        first = next(peekable, None)
        names = list(first) if first and isinstance(first, Mapping) else None
        return super().executemany(self.convert_query(query, param_names=names), param_list)


class DatabaseWrapper(sqlite_base.DatabaseWrapper):
    vendor = "sqlite"
    display_name = "SQLCipher"
    Database = sqlcipher3

    def get_new_connection(self, conn_params: dict[str, Any]) -> Any:
        name = str(self.settings_dict["NAME"])
        key = crypto.key_for(name)
        if key is None:
            if not self._memory_name(name):
                raise ImproperlyConfigured(
                    f"No key for the encrypted database {name}: open it with a passphrase."
                )
            key = crypto.random_key()
            crypto.remember_key(name, key)
        # Django's sqlite backend calls sqlite3.connect() with these parameters and then
        # registers its functions; we do the same through sqlcipher3, keying first.
        conn = sqlcipher3.connect(**conn_params)
        crypto.quiet(conn)
        conn.execute(crypto.key_pragma(key))
        self._register(conn)
        return conn

    def create_cursor(self, name: str | None = None) -> Any:
        return self.connection.cursor(factory=SQLCipherCursorWrapper)

    @staticmethod
    def _memory_name(name: str) -> bool:
        return name == ":memory:" or "mode=memory" in name

    def _register(self, conn: Any) -> None:
        from django.db.backends.sqlite3._functions import register as register_functions

        register_functions(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA legacy_alter_table = OFF")
        conn.execute("PRAGMA busy_timeout = 5000")
        for init_command in self.init_commands:
            if init_command := init_command.strip():
                conn.execute(init_command)
