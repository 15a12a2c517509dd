"""The same ingest and retrieval against a real PostgreSQL, chosen by the database URL alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import FIXTURES, make_settings
from tests.postgres import NewDatabase
from triage.index.retrieval import retrieve_passages
from triage.intake.ingestion import ingest_file
from triage.runtime import open_runtime
from triage.store.models import Document

pytestmark = pytest.mark.real


def test_ingest_version_and_retrieve_on_postgresql(
    new_postgres_database: NewDatabase, tmp_path: Path
) -> None:
    settings = make_settings(tmp_path / "data", database_url=new_postgres_database())
    with open_runtime(settings) as runtime:
        assert runtime.store.engine.dialect.name == "postgresql"
        first = ingest_file(runtime, FIXTURES / "ofsted.pdf", urn="100001")
        again = ingest_file(runtime, FIXTURES / "ofsted.pdf", urn="100001")
        assert (first.status, again.status) == ("ingested", "unchanged")
        note = tmp_path / "note.txt"
        note.write_text("NOTE OF VISIT\n\n2 February 2026\n\nAttendance has risen to 95%.\n")
        ingest_file(runtime, note, urn="100001", kind="visit_note")
        note.write_text("NOTE OF VISIT\n\n2 February 2026\n\nAttendance has risen to 96%.\n")
        assert ingest_file(runtime, note, urn="100001", kind="visit_note").status == "new_version"
        with runtime.store.session() as session:
            statuses = sorted(session.scalars(select(Document.status)))
        assert statuses == ["current", "current", "superseded"]
        found = retrieve_passages(runtime, "100001", "attendance has risen", k=3)
        assert "96%" in found[0].text
