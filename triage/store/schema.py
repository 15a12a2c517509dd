"""The database schema, made only by the Alembic migrations in `triage/store/migrations/`.

A fresh database is brought to the newest revision by whichever command opens it first; a database
at an older revision is refused until `triage db upgrade` (so a schema change is always a step an
operator chose, after a backup); one at a revision this triage does not know is refused outright.
Every upgrade holds a lock (SQLite's write lock, or a PostgreSQL advisory lock) from reading the
current revision to committing, so processes starting together on a fresh data dir do it once.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

from triage.errors import SchemaMismatchError

MIGRATIONS = Path(__file__).parent / "migrations"
BASELINE = "0001"
# The tables of the baseline: a database holding them but no revision was made by `create_all`
# before migrations existed, and `triage db upgrade` adopts it at the baseline.
BASELINE_TABLES = frozenset(
    {"schools", "documents", "pages", "passages", "indicators", "proposals"}
)
# Any fixed number: the key of the PostgreSQL advisory lock that serialises upgrades.
_PG_LOCK_KEY = 0x7472_6961_6765


@dataclass(frozen=True)
class SchemaState:
    """Where a database stands against the migrations this triage ships."""

    current: str | None
    head: str
    tables: frozenset[str]

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head

    @property
    def fresh(self) -> bool:
        """No revision and none of triage's tables: safe to create from nothing."""
        return self.current is None and not (self.tables & BASELINE_TABLES)

    @property
    def known(self) -> bool:
        return self.current is None or self.current in _revisions()


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration, built in code: the migrations ship inside the package."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the package ships at least the baseline migration"
    return head


def _revisions() -> set[str]:
    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def schema_state(engine: Engine) -> SchemaState:
    with engine.connect() as connection:
        return _state(connection)


def _state(connection: Connection) -> SchemaState:
    current = MigrationContext.configure(connection).get_current_revision()
    tables = frozenset(inspect(connection).get_table_names())
    return SchemaState(current=current, head=head_revision(), tables=tables)


def ensure_schema(engine: Engine) -> None:
    """Create a fresh database at the newest revision; refuse one at any other revision."""
    if schema_state(engine).up_to_date:  # the common case, without taking the lock
        return
    # Decided under the lock: a look without it can catch another process mid-upgrade.
    with _upgrade_lock(engine) as connection:
        state = _state(connection)
        if state.up_to_date:
            return
        if not state.fresh:
            raise SchemaMismatchError(describe_mismatch(state, engine))
        command.upgrade(alembic_config(connection), "head")


def upgrade_schema(engine: Engine) -> tuple[str | None, str]:
    """Migrate to the newest revision under a lock; returns (revision before, revision after)."""
    with _upgrade_lock(engine) as connection:
        state = _state(connection)
        if not state.known:
            raise SchemaMismatchError(describe_mismatch(state, engine))
        config = alembic_config(connection)
        if state.current is None and not state.fresh:
            _adopt_unversioned(state, config, engine)
        command.upgrade(config, "head")
    return state.current, state.head


def _adopt_unversioned(state: SchemaState, config: Config, engine: Engine) -> None:
    """A database made by `create_all` before migrations existed is the baseline, unversioned."""
    missing = sorted(BASELINE_TABLES - state.tables)
    if missing:
        raise SchemaMismatchError(
            f"the database at {_where(engine)} has some of triage's tables but not "
            f"{', '.join(missing)}, and no schema revision; it was not made by triage, or was "
            "damaged: restore it from a backup, or point TRIAGE_DATABASE_URL at a new database"
        )
    command.stamp(config, BASELINE)


@contextmanager
def _upgrade_lock(engine: Engine) -> Iterator[Connection]:
    """One transaction, holding the lock that serialises every upgrade, committed on success."""
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            # pysqlite begins no transaction before DDL; an explicit IMMEDIATE one takes the
            # write lock at once (others wait up to busy_timeout) and makes the upgrade atomic.
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        elif connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
        try:
            yield connection
        except BaseException:
            connection.rollback()
            raise
        connection.commit()


def describe_mismatch(state: SchemaState, engine: Engine) -> str:
    """What is wrong with the database's schema and what to do about it, in one line."""
    where = _where(engine)
    if not state.known:
        return (
            f"the database at {where} is at schema revision {state.current}, which this "
            f"version of triage does not know (it expects {state.head}); it was written by a "
            "newer triage: upgrade triage, or point TRIAGE_DATABASE_URL at another database"
        )
    was = state.current or "none (made before triage used migrations)"
    return (
        f"the database at {where} is at schema revision {was}, this triage needs {state.head}; "
        "back it up, then run `triage db upgrade`"
    )


def _where(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)
