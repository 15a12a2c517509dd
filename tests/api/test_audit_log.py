"""The audit log: append-only in the database, and any edit, deletion or reordering is found."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from tests.api.conftest import Service
from tests.conftest import make_settings
from triage.decide import audit
from triage.runtime import Runtime, open_runtime


@pytest.fixture
def logged(tmp_path: Path) -> Iterator[Runtime]:
    with open_runtime(make_settings(tmp_path / "data")) as runtime:
        for n in range(5):
            audit.record(
                runtime.store,
                "decision",
                actor="jo@council.example",
                school="900001",
                detail={"n": n},
            )
        yield runtime


def _untrigger(runtime: Runtime) -> None:
    """What someone with the database file could do: drop the guard, then tamper."""
    with runtime.store.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER audit_entries_no_update"))
        connection.execute(text("DROP TRIGGER audit_entries_no_delete"))


def _verify(runtime: Runtime) -> audit.AuditVerdict:
    with runtime.store.session() as session:
        return audit.verify(session)


def test_an_untouched_log_verifies(logged: Runtime) -> None:
    assert _verify(logged) == audit.AuditVerdict(ok=True, entries=5)


def test_the_database_refuses_update_and_delete(logged: Runtime) -> None:
    for statement in ("UPDATE audit_entries SET actor = 'x'", "DELETE FROM audit_entries"):
        with pytest.raises(DatabaseError, match="append-only"):
            with logged.store.engine.begin() as connection:
                connection.execute(text(statement))


def test_an_edited_entry_is_found(logged: Runtime) -> None:
    _untrigger(logged)
    with logged.store.engine.begin() as connection:
        connection.execute(
            text("UPDATE audit_entries SET detail = :detail WHERE id = 3"), {"detail": '{"n":9}'}
        )
    verdict = _verify(logged)
    assert (verdict.ok, verdict.first_bad) == (False, 3)


def test_a_deleted_entry_is_found(logged: Runtime) -> None:
    _untrigger(logged)
    with logged.store.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_entries WHERE id = 2"))
    verdict = _verify(logged)
    assert (verdict.ok, verdict.first_bad) == (False, 3)


def test_a_deleted_tail_is_found(logged: Runtime) -> None:
    _untrigger(logged)
    with logged.store.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_entries WHERE id = 5"))
    assert _verify(logged).ok is False


def test_reordered_entries_are_found(logged: Runtime) -> None:
    _untrigger(logged)
    with logged.store.engine.begin() as connection:
        connection.execute(text("UPDATE audit_entries SET id = 100 WHERE id = 2"))
        connection.execute(text("UPDATE audit_entries SET id = 2 WHERE id = 4"))
        connection.execute(text("UPDATE audit_entries SET id = 4 WHERE id = 100"))
    verdict = _verify(logged)
    assert (verdict.ok, verdict.first_bad) == (False, 2)


def test_the_route_and_the_command_verify(service: Service, tmp_path: Path) -> None:
    verdict = service["lead"].get("/api/audit/verify").json()
    assert verdict["ok"] is True and verdict["entries"] > 0
    actions = {e["action"] for e in service["admin"].get("/api/audit?limit=500").json()}
    assert {"signin", "user.add", "assignment.add"} <= actions
