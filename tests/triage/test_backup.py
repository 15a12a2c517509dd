"""Backup and restore through the CLI: the record and the original files out and back, the index
rebuilt, proposals byte-identical and the audit chain verifying, on SQLite and PostgreSQL."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import FIXTURES, make_settings
from tests.postgres import NewDatabase
from triage.cli import app
from triage.decide.decisions import decide, propose_recorded
from triage.intake.batch import ingest_corpus
from triage.intake.ingestion import ingest_file
from triage.people.users import add_user
from triage.runtime import open_runtime
from triage.settings import Settings
from triage.store.models import Document, ProposalRecord
from triage.store.people import User

PIPELINE = Path(__file__).parent.parent / "fixtures" / "pipeline"
SCHOOLS = ["990001", "990004", "990005"]  # a decision; an injected SEF; PDF, DOCX, a new version
runner = CliRunner()


def populate(settings: Settings) -> None:
    """Schools with PDF, DOCX and text documents, a superseded version, people, a decision."""
    with open_runtime(settings) as runtime:
        ingest_corpus(runtime, PIPELINE)
        ingest_file(runtime, FIXTURES / "ofsted.pdf", urn="990005", kind="ofsted_report")
        ingest_file(runtime, FIXTURES / "sef.docx", urn="990005", kind="sef")
        changed = settings.data_path.parent / "visit-note.txt"
        changed.write_text((FIXTURES / "visit-note.txt").read_text() + "\nA later line.\n")
        first = ingest_file(runtime, FIXTURES / "visit-note.txt", urn="990005", kind="visit_note")
        # From another folder, so a new version only by saying which document it replaces.
        ingest_file(runtime, changed, urn="990005", kind="visit_note", replaces=first.document_id)
        with runtime.store.session() as session:
            officer = add_user(session, email="jo@council.example", name="Jo", role="officer")
            session.expunge(officer)
        proposal_id, _ = propose_recorded(runtime, officer, "990001", "bristol")
        with runtime.store.session() as session:
            record = session.get(ProposalRecord, proposal_id)
            user = session.get(User, officer.id)
            assert record is not None and user is not None
            decide(runtime, session, user, record, action="approve", category=None, reason="")


def cli(data: Path, *args: str, env: dict[str, str] | None = None) -> str:
    result = runner.invoke(app, ["--data-dir", str(data), *args], env=env)
    assert result.exit_code == 0, result.output
    return result.output


def proposals(data: Path, env: dict[str, str] | None = None) -> dict[str, str]:
    return {
        urn: cli(data, "propose", urn, "--framework", "all", "--json", env=env) for urn in SCHOOLS
    }


def round_trip(
    original: Path, restored: Path, backup: Path, env_of: dict[Path, dict[str, str]]
) -> dict[str, str]:
    cli(original, "backup", str(backup), env=env_of.get(original))
    before = proposals(original, env_of.get(original))
    out = cli(restored, "restore", str(backup), env=env_of.get(restored))
    assert "index rebuilt" in out
    assert proposals(restored, env_of.get(restored)) == before
    assert "the audit log verifies" in cli(restored, "audit", "verify", env=env_of.get(restored))
    assert "database and index agree" in cli(restored, "doctor", env=env_of.get(restored))
    return before


def test_backup_and_restore_on_sqlite_give_byte_identical_proposals(tmp_path: Path) -> None:
    original, restored, backup = tmp_path / "a", tmp_path / "b", tmp_path / "backup.tar"
    populate(make_settings(original))
    round_trip(original, restored, backup, {})
    with open_runtime(make_settings(restored)) as runtime, runtime.store.session() as session:
        for document in session.query(Document):
            # Named relative to the data dir, as ingest names it, and there.
            path = Path(document.file_path)
            assert not path.is_absolute() and (restored / path).exists()
        superseded = session.query(Document).filter(Document.superseded_by_id.isnot(None)).one()
        assert superseded.status == "superseded"
    # A restore into a data dir that holds data is refused and changes nothing.
    refused = runner.invoke(app, ["--data-dir", str(original), "restore", str(backup)])
    assert refused.exit_code == 1 and "already holds data" in refused.output
    assert "\n" not in refused.output.strip()


def test_a_damaged_backup_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    original, backup = tmp_path / "a", tmp_path / "backup.tar"
    with open_runtime(make_settings(original)) as runtime:
        ingest_file(runtime, FIXTURES / "visit-note.txt", urn="100001")
    cli(original, "backup", str(backup))
    with tarfile.open(backup) as archive:
        offset = archive.getmember("tables/passages.jsonl").offset_data
    data = bytearray(backup.read_bytes())
    data[offset + 10] ^= 0x20
    backup.write_bytes(bytes(data))
    refused = runner.invoke(app, ["--data-dir", str(tmp_path / "b"), "restore", str(backup)])
    assert refused.exit_code == 1 and "fails its checksum" in refused.output
    assert not (tmp_path / "b" / "files").exists()


@pytest.mark.real
def test_backup_and_restore_on_postgresql_and_across_engines(
    new_postgres_database: NewDatabase, tmp_path: Path
) -> None:
    first, second = new_postgres_database(), new_postgres_database()
    original, restored, moved = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    env_of = {
        original: {"TRIAGE_DATABASE_URL": first},
        restored: {"TRIAGE_DATABASE_URL": second},
    }
    populate(make_settings(original, database_url=first))
    before = round_trip(original, restored, tmp_path / "pg.tar", env_of)
    # The same backup restores into SQLite: the format names no engine.
    cli(moved, "restore", str(tmp_path / "pg.tar"))
    assert proposals(moved) == before
    # Ids continue after the restored ones: a new proposal gets the next id, not a taken one.
    with open_runtime(make_settings(restored, database_url=second)) as runtime:
        with runtime.store.session() as session:
            officer = session.query(User).one()
            session.expunge(officer)
        proposal_id, _ = propose_recorded(runtime, officer, "990002", "surrey")
        with runtime.store.session() as session:
            assert proposal_id == max(r.id for r in session.query(ProposalRecord))
