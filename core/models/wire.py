"""Rows to and from JSON-able dicts, by column type: the one conversion both sides use."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, Numeric, Table
from sqlalchemy.types import TypeDecorator

from core.models.base import Base, UTCDateTime

# Columns the server keeps; a client never writes them.
SYSTEM_COLUMNS = frozenset({"id", "row_version", "server_seq", "deleted", "deleted_at", "updated_at", "updated_by"})


class WireValueError(ValueError):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(f"{column}: {message}")
        self.column = column
        self.message = message


@cache
def table_of(name: str) -> Table | None:
    table = Base.metadata.tables.get(name)
    return table if table is not None and "server_seq" in table.c else None


def _kind(column_type: Any) -> str:
    if isinstance(column_type, UTCDateTime | DateTime):
        return "datetime"
    if isinstance(column_type, TypeDecorator):
        return _kind(column_type.impl)
    if isinstance(column_type, Boolean):
        return "bool"
    if isinstance(column_type, Date):
        return "date"
    if isinstance(column_type, Numeric) and not isinstance(column_type, Integer):
        return "decimal"
    if isinstance(column_type, Integer):
        return "int"
    return "str"


@cache
def column_kinds(table_name: str) -> dict[str, str]:
    table = Base.metadata.tables[table_name]
    return {c.name: _kind(c.type) for c in table.c}


def to_wire(table_name: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """A database row (mapping) as JSON-able values: dates ISO strings, decimals strings."""
    kinds = column_kinds(table_name)
    out: dict[str, Any] = {}
    for name, kind in kinds.items():
        if name not in row:
            continue
        value = row[name]
        if value is None or isinstance(value, str | bool | int):
            out[name] = value  # already wire-typed (a replica stores wire values)
        elif kind in ("datetime", "date"):
            out[name] = value.isoformat()
        else:
            out[name] = str(value)
    return out


def from_wire_value(table_name: str, column: str, value: Any) -> Any:
    """One JSON value as the Python value of the column; raises :class:`WireValueError`."""
    kind = column_kinds(table_name).get(column)
    if kind is None:
        raise WireValueError(column, "unknown field")
    if value is None:
        return None
    try:
        if kind == "datetime":
            if not isinstance(value, str):
                return _bad(column, value)
            parsed = datetime.fromisoformat(value)
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)  # stored times are UTC
        if kind == "date":
            return date.fromisoformat(value) if isinstance(value, str) else _bad(column, value)
        if kind == "decimal":
            return Decimal(str(value)) if isinstance(value, str | int | float) and not isinstance(value, bool) else _bad(column, value)
        if kind == "int":
            return value if isinstance(value, int) and not isinstance(value, bool) else _bad(column, value)
        if kind == "bool":
            if isinstance(value, int) and value in (0, 1):  # SQLite's booleans
                return bool(value)
            return _bad(column, value)
        return value if isinstance(value, str) else _bad(column, value)
    except (ValueError, InvalidOperation) as exc:
        raise WireValueError(column, f"invalid value {value!r}") from exc


def from_wire(table_name: str, values: Mapping[str, Any]) -> dict[str, Any]:
    return {name: from_wire_value(table_name, name, value) for name, value in values.items()}


def _bad(column: str, value: Any) -> Any:
    raise WireValueError(column, f"wrong type {type(value).__name__}")
