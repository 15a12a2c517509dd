"""Engine and sessions: SQLite in WAL mode under the data dir by default, any SQLAlchemy URL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from triage.errors import DatabaseBusyError, DatabaseError, DataDirError, TriageError

BUSY_TIMEOUT_S = 300.0


def _sqlite_pragmas(busy_timeout_s: float) -> Callable[[Any, Any], None]:
    def set_pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        # A writer waits its turn behind another for this long before it says to try again.
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_s * 1000)}")
        cursor.close()

    return set_pragmas


class Store:
    """The database: schools, documents, pages, passages, indicators and proposals.

    Its schema is made by the migrations (`triage.store.schema`), never here.
    """

    def __init__(self, url: str, *, busy_timeout_s: float = BUSY_TIMEOUT_S) -> None:
        self.url = url
        # A database server that restarted leaves dead connections in the pool: test each one
        # as it is taken, so the first request after it is back works rather than failing.
        # The pool holds enough for the requests the service admits at once
        # (TRIAGE_SERVICE__THREADS, at most 16), each holding its own session and up to three
        # more opened inside it (`triage.api.admission` says why that bound matters).
        self.engine: Engine = create_engine(
            url,
            pool_pre_ping=not url.startswith("sqlite"),
            pool_size=8,
            max_overflow=56,
        )
        self.busy_timeout_s = busy_timeout_s
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas(busy_timeout_s))
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on any error."""
        with database_errors(self.engine, waited_s=self.busy_timeout_s):
            session = self._sessions()
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise
            finally:
                session.close()

    def close(self) -> None:
        self.engine.dispose()


@contextmanager
def database_errors(engine: Engine, *, waited_s: float = BUSY_TIMEOUT_S) -> Iterator[None]:
    """Turn the database errors a user can cause (busy, not writable, unreachable) into typed
    errors that say what to do."""
    try:
        yield
    except OperationalError as exc:
        raise describe_operational_error(exc, engine, waited_s=waited_s) from exc


def describe_operational_error(
    exc: OperationalError, engine: Engine, *, waited_s: float = BUSY_TIMEOUT_S
) -> TriageError:
    text = str(exc.orig).lower()
    where = engine.url.render_as_string(hide_password=True)
    if "database is locked" in text or "database table is locked" in text:
        return DatabaseBusyError(
            f"the database is busy: another triage process held it for over {waited_s:g} s; "
            "nothing was changed, try again when it has finished (or raise TRIAGE_WRITE_WAIT_S)"
        )
    if "readonly database" in text or "unable to open database file" in text:
        return DataDirError(
            f"cannot write the database at {where}; check that the data dir exists and you may "
            "write to it, or choose another with --data-dir or TRIAGE_DATA_DIR"
        )
    first = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else type(exc).__name__
    return DatabaseError(
        f"the database at {where} failed: {first}; check that it is running and that "
        "TRIAGE_DATABASE_URL is right"
    )
