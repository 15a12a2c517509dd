"""Ingest end to end: bad input leaves nothing behind, re-ingest is idempotent, versions supersede,
and database and index stay one unit when either side fails."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from ingest import errors
from ingest.reader import parse_bytes
from tests.conftest import FIXTURES, make_settings
from triage.cli import app
from triage.index.drift import find_drift, repair_drift
from triage.intake import batch
from triage.intake.batch import ingest_files
from triage.intake.ingestion import (
    Lineage,
    ParsedFile,
    ingest_file,
    read_options,
    store_together,
)
from triage.runtime import Runtime, open_runtime
from triage.store.models import Document, Indicator, Passage, School, SentenceKey


def counts(runtime: Runtime) -> tuple[int, int, int, int, int]:
    with runtime.store.session() as session:
        rows = tuple(
            session.scalar(select(func.count()).select_from(model)) or 0
            for model in (School, Document, Passage, Indicator)
        )
    files = sum(1 for p in runtime.settings.files_dir.rglob("*") if p.is_file())
    return (*rows, files)  # type: ignore[return-value]


def left_behind(runtime: Runtime) -> None:
    """Nothing in database, files or index."""
    assert counts(runtime)[1:] == (0, 0, 0, 0)
    assert runtime.index.dense_ids() == set()


def second_upsert_fails(runtime: Runtime, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Chroma's own upsert, failing for real ("disk full") on its second call; the sizes of the
    calls made are recorded in the list returned."""
    collection = runtime.index.vectors._collection
    real_upsert = collection.upsert
    calls: list[int] = []

    def upsert(**kwargs: object) -> None:
        calls.append(len(kwargs["ids"]))  # type: ignore[arg-type]
        if len(calls) == 2:
            raise RuntimeError("disk full")
        real_upsert(**kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(collection, "upsert", upsert)
    return calls


BAD_INPUT = [
    ("empty.txt", errors.EmptyFileError, "is empty"),
    ("not-a-pdf.pdf", errors.ContentMismatchError, "is not a PDF"),
    ("encrypted.pdf", errors.EncryptedPdfError, "password-protected"),
    ("truncated.pdf", errors.MalformedFileError, "truncated"),
    ("scanned.pdf", errors.NoTextError, "no extractable text"),
    ("bomb.docx", errors.ZipBombError, "zip bomb"),
    ("bad-number.csv", errors.IndicatorError, "line 3"),
]


@pytest.mark.parametrize(("name", "error", "message"), BAD_INPUT)
def test_bad_input_is_refused_with_its_reason_and_leaves_nothing(
    runtime: Runtime, name: str, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        ingest_file(runtime, FIXTURES / name, urn="100001")
    left_behind(runtime)


def limited(tmp_path: Path, **limits: object) -> Runtime:
    return open_runtime(make_settings(tmp_path / "data", limits=limits)).__enter__()


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    runtime = limited(tmp_path, max_file_mb=0.001)
    with pytest.raises(errors.FileTooLargeError, match="over the limit"):
        ingest_file(runtime, FIXTURES / "ofsted.pdf", urn="100001")
    left_behind(runtime)


def test_pdf_over_the_page_limit(tmp_path: Path) -> None:
    runtime = limited(tmp_path, max_pages=1)
    with pytest.raises(errors.TooManyPagesError, match="2 pages, over the limit of 1"):
        ingest_file(runtime, FIXTURES / "ofsted.pdf", urn="100001")
    left_behind(runtime)


def test_parse_that_runs_too_long_is_stopped(tmp_path: Path) -> None:
    runtime = limited(tmp_path, parse_seconds=0.001)
    with pytest.raises(errors.ParseTimeoutError, match="was stopped"):
        ingest_file(runtime, FIXTURES / "ofsted.pdf", urn="100001")
    left_behind(runtime)


def test_parse_over_the_memory_limit_is_stopped(tmp_path: Path) -> None:
    runtime = limited(tmp_path, parse_memory_mb=64)
    with pytest.raises((errors.ParseMemoryError, errors.MalformedFileError)):
        ingest_file(runtime, FIXTURES / "sef.docx", urn="100001")
    left_behind(runtime)


def test_cli_shows_one_line_error_and_exits_non_zero(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["--data-dir", str(tmp_path), "ingest", str(FIXTURES / "encrypted.pdf"), "--school", "1"],
    )
    assert result.exit_code == 1
    assert "password-protected" in result.output
    assert "Traceback" not in result.output


def test_same_bytes_twice_changes_nothing_and_says_so(runtime: Runtime) -> None:
    first = ingest_file(runtime, FIXTURES / "ofsted.pdf", urn="100001")
    before = counts(runtime)
    second = ingest_file(runtime, FIXTURES / "ofsted.pdf", urn="100001")
    assert (first.status, second.status) == ("ingested", "unchanged")
    assert second.document_id == first.document_id
    assert counts(runtime) == before


def test_changed_document_is_a_new_version_and_the_old_one_is_kept(
    runtime: Runtime, tmp_path: Path
) -> None:
    path = tmp_path / "note.txt"
    shutil.copy(FIXTURES / "visit-note.txt", path)
    first = ingest_file(runtime, path, urn="100001", kind="visit_note")
    path.write_text(path.read_text() + "\nAddendum: attendance has since risen to 93%.\n")
    second = ingest_file(runtime, path, urn="100001", kind="visit_note")
    assert second.status == "new_version" and second.version == 2
    with runtime.store.session() as session:
        old = session.get(Document, first.document_id)
        assert old is not None and old.status == "superseded"
        assert old.superseded_by_id == second.document_id
        assert len(old.passages) == first.passages  # kept, never deleted
    held = runtime.index.dense_ids("100001")
    with runtime.store.session() as session:
        new_ids = set(
            session.scalars(select(Passage.id).where(Passage.document_id == second.document_id))
        )
        old_ids = set(
            session.scalars(select(Passage.id).where(Passage.document_id == first.document_id))
        )
    assert held == new_ids and not held & old_ids


def test_a_vector_batch_failing_after_others_landed_leaves_no_orphans(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = open_runtime(make_settings(tmp_path / "data", index={"upsert_batch": 2})).__enter__()
    calls = second_upsert_fails(runtime, monkeypatch)
    with pytest.raises(RuntimeError, match="disk full"):
        ingest_file(runtime, FIXTURES / "ofsted.pdf", urn="100001")
    monkeypatch.undo()
    # The first batch had landed in Chroma before the second failed (the last batch may be
    # short: how many passages the PDF gives is the reader's business, not this test's).
    assert len(calls) == 2 and calls[0] == 2
    left_behind(runtime)
    assert find_drift(runtime).clean


def test_embedding_happens_before_the_write_transaction_opens(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_embed = runtime.index.embed
    free_while_embedding: list[bool] = []

    def embed_and_check_the_write_lock(texts: list[str]) -> list[list[float]]:
        other = sqlite3.connect(runtime.settings.data_path / "triage.db", timeout=0)
        try:
            other.execute("BEGIN IMMEDIATE")  # fails at once if a writer holds the lock
            other.rollback()
            free_while_embedding.append(True)
        except sqlite3.OperationalError:
            free_while_embedding.append(False)
        finally:
            other.close()
        return real_embed(texts)

    monkeypatch.setattr(runtime.index, "embed", embed_and_check_the_write_lock)
    ingest_file(runtime, FIXTURES / "ofsted.pdf", urn="100001")
    assert free_while_embedding == [True]


def test_a_busy_database_is_one_line_and_leaves_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    runner = CliRunner()
    assert runner.invoke(app, ["--data-dir", str(data), "db", "upgrade"]).exit_code == 0
    holder = sqlite3.connect(data / "triage.db")
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a long write
    try:
        result = runner.invoke(
            app,
            ["--data-dir", str(data), "ingest", str(FIXTURES / "visit-note.txt"), "--school", "1"],
            env={"TRIAGE_WRITE_WAIT_S": "2"},  # a writer waits this long before giving up
        )
    finally:
        holder.rollback()
        holder.close()
    assert result.exit_code == 1
    assert "the database is busy" in result.output and "Traceback" not in result.output
    with open_runtime(make_settings(data)) as runtime:
        left_behind(runtime)
        assert find_drift(runtime).clean


def test_database_failure_removes_the_index_entries(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.orm import Session

    def broken_commit(self: Session) -> None:
        raise RuntimeError("database is locked")

    monkeypatch.setattr(Session, "commit", broken_commit)
    with pytest.raises(RuntimeError, match="database is locked"):
        ingest_file(runtime, FIXTURES / "ofsted.pdf", urn="100001")
    monkeypatch.undo()
    left_behind(runtime)
    assert find_drift(runtime).clean


def test_doctor_finds_and_repairs_drift(runtime: Runtime) -> None:
    ingest_file(runtime, FIXTURES / "ofsted.pdf", urn="100001")
    ingest_file(runtime, FIXTURES / "minutes.md", urn="100001")
    lost = sorted(runtime.index.dense_ids())[:2]
    runtime.index.delete(lost)
    runtime.index.rebuild_sparse("100001", [])
    drift = find_drift(runtime)
    assert drift.missing_dense == lost and drift.stale_sparse == ["100001"]
    repair_drift(runtime, drift)
    assert find_drift(runtime).clean


def test_ingest_corpus_takes_school_kind_date_from_the_manifest(demo_runtime: Runtime) -> None:
    from ingest.manifest import load_manifest
    from tests.conftest import DEMO

    manifest = load_manifest(DEMO)
    with demo_runtime.store.session() as session:
        for school in manifest.schools:
            record = session.get(School, school.urn)
            assert record is not None and record.name == school.name
            stored = {d.source: d for d in record.documents}
            assert set(stored) == {d.path for d in school.documents}  # relative to the manifest
            for doc in school.documents:
                assert stored[doc.path].kind == doc.kind
                if doc.date is not None:
                    assert stored[doc.path].date == doc.date


def test_schools_and_documents_commands(demo_runtime: Runtime) -> None:
    data_dir = str(demo_runtime.settings.data_dir)
    runner = CliRunner()
    listed = runner.invoke(app, ["--data-dir", data_dir, "schools"])
    assert listed.exit_code == 0 and "900001" in listed.output
    docs = runner.invoke(
        app, ["--data-dir", data_dir, "documents", "900001"], env={"COLUMNS": "200"}
    )
    assert docs.exit_code == 0 and "ofsted-report-card-2026-01.pdf" in docs.output
    missing = runner.invoke(app, ["--data-dir", data_dir, "documents", "999999"])
    assert missing.exit_code == 1 and "no school with URN 999999" in missing.output


def test_a_batch_refuses_a_bomb_between_good_files_and_ingests_the_rest(
    runtime: Runtime, tmp_path: Path
) -> None:
    names = ["ofsted.pdf", "bomb.docx", "sef.docx", "empty.txt", "visit-note.txt"]
    report = ingest_files(runtime, [FIXTURES / n for n in names], urn="100001")
    assert [r.source for r in report.ingested] == ["ofsted.pdf", "sef.docx", "visit-note.txt"]
    assert [(r.source, "zip bomb" in r.reason or "empty" in r.reason) for r in report.refused] == [
        ("bomb.docx", True),
        ("empty.txt", True),
    ]
    with runtime.store.session() as session:
        stored = session.scalars(select(Passage.id)).all()
    # one keyword rebuild for the batch still covers every document's passages
    assert runtime.index.sparse_ids("100001") == set(stored) == runtime.index.dense_ids("100001")
    assert find_drift(runtime).clean


def test_a_batch_of_one_document_matches_ingesting_it_alone(tmp_path: Path) -> None:
    alone = open_runtime(make_settings(tmp_path / "alone")).__enter__()
    batched = open_runtime(make_settings(tmp_path / "batched")).__enter__()
    single = ingest_file(alone, FIXTURES / "sef.docx", urn="100001")
    [together] = ingest_files(batched, [FIXTURES / "sef.docx"], urn="100001").ingested
    assert together.model_dump() == single.model_dump()
    text = "curriculum"
    assert alone.index.query_sparse("100001", text, n=5) == batched.index.query_sparse(
        "100001", text, n=5
    )
    # The batch keys the document's sentences while it parses: the same keys are recorded.
    with alone.store.session() as one, batched.store.session() as other:
        keys = sorted(one.scalars(select(SentenceKey.key)))
        assert keys and keys == sorted(other.scalars(select(SentenceKey.key)))


def test_a_chunk_is_stored_whole_or_not_at_all(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two chunks of two files: the second's vector write fails, so none of its documents is
    stored, both are named as not stored, and the first chunk stands whole."""
    monkeypatch.setattr(batch, "CHUNK_DOCUMENTS", 2)
    second_upsert_fails(runtime, monkeypatch)
    names = ["ofsted.pdf", "visit-note.txt", "sef.docx", "minutes.md"]
    with pytest.raises(RuntimeError, match="disk full"):
        ingest_files(runtime, [FIXTURES / n for n in names], urn="100001")
    monkeypatch.undo()
    with runtime.store.session() as session:
        sources = sorted(session.scalars(select(Document.source)))
        stored = set(session.scalars(select(Passage.id)))
    assert sources == ["ofsted.pdf", "visit-note.txt"]
    assert runtime.index.dense_ids() == stored == runtime.index.sparse_ids("100001")
    files = {p.name for p in runtime.settings.files_dir.rglob("*") if p.is_file()}
    assert len(files) == 2  # the second chunk's copies were removed with its rows
    assert find_drift(runtime).clean


def test_a_unit_holding_a_document_and_its_newer_version_is_undone_whole(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two versions of one visit note stored as one unit, the second superseding the first; the
    unit fails after its index write, so nothing of either version is left in the index (the
    first version's passages are not brought back: the rolled-back database never held them)."""
    files = []
    for text in ("Visit one. Leaders check reading closely.", "Visit two. Reading is secure."):
        data = text.encode()
        parsed = parse_bytes(
            data,
            source="note.txt",
            fmt="txt",
            kind=None,
            date=None,
            options=read_options(runtime.settings),
        )
        files.append(ParsedFile(parsed, "100001", data, Lineage(origin="/visits/note.txt")))
    real_delete = runtime.index.delete
    deletes: list[int] = []

    def superseded_delete_fails(ids: list[int]) -> None:
        deletes.append(len(ids))
        if len(deletes) == 1:
            raise RuntimeError("index unreachable")
        real_delete(ids)

    monkeypatch.setattr(runtime.index, "delete", superseded_delete_fails)
    with pytest.raises(RuntimeError, match="index unreachable"), runtime.writing():
        store_together(runtime, files)
    monkeypatch.undo()
    left_behind(runtime)
    assert find_drift(runtime).clean


def test_a_chunk_is_embedded_while_the_chunk_before_is_stored(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first chunk's store waits (up to 20 s) for the second chunk's embedding to begin:
    only a batch that embeds and stores at once gets past it without waiting it out."""
    monkeypatch.setattr(batch, "CHUNK_DOCUMENTS", 2)
    embedding_second = threading.Event()
    real_embed, real_store = runtime.index.embed, batch.store_together
    chunks_embedded: list[int] = []
    waited: list[bool] = []

    def embed(texts: list[str]) -> list[list[float]]:
        chunks_embedded.append(len(texts))
        if len(chunks_embedded) == 2:
            embedding_second.set()
        return real_embed(texts)

    def store(*args: object, **kwargs: object) -> object:
        if not waited:
            waited.append(embedding_second.wait(timeout=20))
        return real_store(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(runtime.index, "embed", embed)
    monkeypatch.setattr(batch, "store_together", store)
    names = ["ofsted.pdf", "visit-note.txt", "sef.docx", "minutes.md"]
    report = ingest_files(runtime, [FIXTURES / n for n in names], urn="100001")
    assert [r.source for r in report.ingested] == names and report.complete
    assert waited == [True] and len(chunks_embedded) == 2
    assert find_drift(runtime).clean
