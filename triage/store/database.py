"""Engine and sessions: SQLite in WAL mode under the data dir by default, any SQLAlchemy URL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


class Store:
    """The database: schools, documents, pages, passages, indicators and proposals.

    Its schema is made by the migrations (`triage.store.schema`), never here.
    """

    def __init__(self, url: str) -> None:
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
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on any error."""
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
