"""The local replica's schema: the server's replicated tables without foreign keys or unique
constraints, plus the sync bookkeeping tables, with versioned local migrations.

Constraints are dropped locally because a replica holds a scoped subset (a status change
refers to an account that is never replicated) and because pages are applied while the
local-write gate holds some rows back; the server checks references and unique keys.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    select,
)

from core.models import Base, replicated_tables
from core.models.wire import column_kinds

NOT_REPLICATED = frozenset({"app_user", "role"})
REPLICA_TABLES: tuple[str, ...] = tuple(t for t in replicated_tables() if t not in NOT_REPLICATED)
LOCAL_SCHEMA_VERSION = 1

metadata = MetaData()


# The replica stores values as they travel (wire values): dates and times as ISO strings,
# decimals as text. Applying a pulled page is then a plain executemany, with no per-value
# conversion; services convert the few values they compute with.
_LOCAL_TYPES = {"int": Integer, "bool": Boolean}


def _copy(name: str) -> Table:
    source = Base.metadata.tables[name]
    kinds = column_kinds(name)
    columns = [Column(c.name, _LOCAL_TYPES.get(kinds[c.name], Text)(), primary_key=c.primary_key, nullable=True)
               for c in source.c]
    table = Table(name, metadata, *columns)
    for index in source.indexes:
        Index(f"l_{index.name}", *[table.c[c.name] for c in index.columns])
    for constraint in source.constraints:  # keep lookups by natural key fast
        cols = getattr(constraint, "columns", None)
        if constraint.__class__.__name__ == "UniqueConstraint" and cols is not None:
            Index(f"l_uq_{name}_{'_'.join(c.name for c in cols)}", *[table.c[c.name] for c in cols])
    return table


REPLICA: dict[str, Table] = {name: _copy(name) for name in REPLICA_TABLES}

# Local-only indexes for the screens' queries. The student list's search scans this covering
# index (a few MB for 50,000 students) instead of the wide table, in student-number order, and
# returns the ids from it alone. Adding an index keeps the file readable by older clients, so
# it does not bump LOCAL_SCHEMA_VERSION (an updater rollback must still open the replica).
LOCAL_INDEXES: tuple[Index, ...] = (
    Index("l_student_search", *(REPLICA["student"].c[name] for name in (
        "number", "id", "name", "id_number", "class_id", "major_id", "department_id", "cohort", "status"))),
)

outbox = Table(
    "sync_outbox", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("op_id", String(36), nullable=False, unique=True),
    Column("client_id", String(36), nullable=False),
    Column("table_name", String(40), nullable=False),
    Column("row_id", String(36), nullable=False, index=True),
    Column("kind", String(40), nullable=False),
    Column("base_version", Integer),
    Column("fields", Text, nullable=False),  # JSON, wire values
    Column("base", Text, nullable=False),  # JSON, wire values
    Column("made_at", String(40), nullable=False),
)

state = Table("sync_state", metadata, Column("key", String(40), primary_key=True), Column("value", Text))

conflicts = Table(
    "sync_conflict", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("op_id", String(36), nullable=False),
    Column("table_name", String(40), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("status", String(10), nullable=False),  # conflict | rejected
    Column("code", String(40), nullable=False),
    Column("message", Text, nullable=False),
    Column("fields", Text, nullable=False),  # mine (JSON)
    Column("base", Text, nullable=False),
    Column("base_version", Integer),
    Column("server_row", Text),  # theirs (JSON) or NULL
    Column("conflict_fields", Text, nullable=False),
    Column("made_at", String(40), nullable=False),
    Column("recorded_at", String(40), nullable=False),
    Column("resolved_at", String(40)),
    Column("resolution", String(20)),
)

shadow = Table(  # the server's image of a row held back by the local-write gate
    "sync_shadow", metadata,
    Column("table_name", String(40), primary_key=True),
    Column("row_id", String(36), primary_key=True),
    Column("row", Text),  # JSON wire row; NULL: the row does not exist on the server
)

seen = Table(  # ids re-sent during a full pass, to sweep what was not
    "sync_seen", metadata,
    Column("table_name", String(40), primary_key=True),
    Column("row_id", String(36), primary_key=True),
)


def migrate(connection: Connection) -> None:
    """Create or upgrade the local schema (idempotent)."""
    metadata.create_all(connection)
    current = connection.execute(select(state.c.value).where(state.c.key == "local_schema_version")).scalar()
    if current is None:
        connection.execute(state.insert().values(key="local_schema_version", value=str(LOCAL_SCHEMA_VERSION)))
    elif int(current) > LOCAL_SCHEMA_VERSION:
        raise RuntimeError(f"local data is from a newer client (schema {current} > {LOCAL_SCHEMA_VERSION})")
    for index in LOCAL_INDEXES:  # replicas made before the index was added get it here, once
        index.create(connection, checkfirst=True)
    # Later versions add steps here: `if int(current) < 2: connection.execute(text("ALTER TABLE …"))`.
