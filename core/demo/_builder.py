"""Row building shared by the generator's sections: seeded ids, complete column dicts.

Every row holds a key for every column of its table, so inserting it needs no Python-side
default (``utcnow`` and ``new_id`` would make two runs differ).
"""

from __future__ import annotations

import random
from datetime import datetime
from typing import Any

from sqlalchemy import Table

from core.models import Base

_REPLICATION = {"row_version": 1, "server_seq": 0, "deleted": False, "deleted_at": None,
                "updated_by": None}


def seeded_uuid(rng: random.Random) -> str:
    """A version-4 UUID string from ``rng``: the same text as ``uuid.UUID(int=…, version=4)``.

    Formatting by hand is about twice as fast as building ``uuid.UUID`` objects, which
    matters for the half million ids of a demo university.
    """
    n = rng.getrandbits(128)
    n = (n & ~(0xF000 << 64) | (0x4000 << 64)) & ~(0xC000 << 48) | (0x8000 << 48)
    h = f"{n:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _template(table: Table, stamp: datetime) -> tuple[dict[str, Any], frozenset[str]]:
    """Default values of a table's columns, and the names that every row must supply."""
    values: dict[str, Any] = {}
    required: set[str] = set()
    for column in table.columns:
        name, default = column.name, column.default
        if name in _REPLICATION:
            values[name] = _REPLICATION[name]
        elif name == "updated_at":
            values[name] = stamp
        elif name == "id":
            continue
        elif default is not None and default.is_scalar:
            values[name] = default.arg  # type: ignore[attr-defined]
        elif column.nullable and (default is None or default.arg is None):  # type: ignore[attr-defined]
            values[name] = None
        else:
            required.add(name)
    return values, frozenset(required)


class Builder:
    """Collects rows per table; one seeded random stream per section and per table's ids."""

    def __init__(self, seed: int, stamp: datetime) -> None:
        self.seed = seed
        self.stamp = stamp
        self.rows: dict[str, list[dict[str, Any]]] = {}
        self._tables = Base.metadata.tables
        self._templates: dict[str, tuple[dict[str, Any], frozenset[str]]] = {}
        self._id_rngs: dict[str, random.Random] = {}

    def rng(self, section: str) -> random.Random:
        """An independent stream per section, so changing one section leaves the others alone.

        String seeds are hashed with SHA-512 by :mod:`random`, independent of PYTHONHASHSEED.
        """
        return random.Random(f"jiaowu-demo:{self.seed}:{section}")

    def add(self, table: str, values: dict[str, Any]) -> dict[str, Any]:
        """Add a row of ``table`` with ``values`` over the defaults; returns the row dict."""
        template = self._templates.get(table)
        if template is None:
            template = self._templates[table] = _template(self._tables[table], self.stamp)
            self._id_rngs[table] = self.rng(f"id:{table}")
            self.rows[table] = []
            missing = template[1] - values.keys()
            if missing:
                raise ValueError(f"{table}: no value for {sorted(missing)}")
        row = template[0].copy()
        row["id"] = seeded_uuid(self._id_rngs[table])
        row.update(values)
        self.rows[table].append(row)
        return row

    def finish(self) -> dict[str, list[dict[str, Any]]]:
        """The rows in foreign-key order, with ``server_seq`` numbered from 1 in that order."""
        ordered: dict[str, list[dict[str, Any]]] = {}
        seq = 0
        for table in Base.metadata.sorted_tables:
            rows = self.rows.get(table.name)
            if not rows:
                continue
            names = set(table.columns.keys())
            for probe in (rows[0], rows[-1]):
                if probe.keys() != names:
                    raise ValueError(f"{table.name}: row columns differ from the table's")
            for row in rows:
                seq += 1
                row["server_seq"] = seq
            ordered[table.name] = rows
        return ordered


def is_complete(table: str, row: dict[str, Any]) -> bool:
    """Whether ``row`` has exactly the columns of ``table`` (for tests and assertions)."""
    return row.keys() == set(Base.metadata.tables[table].columns.keys())

