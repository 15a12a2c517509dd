"""Versions and identity: a new version is the same source path as ingested, or an explicit
`--replaces`; files of the same name from different folders are different documents; a version
never changes kind silently; and the database names stored files relative to the data dir."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from tests.hostile.conftest import one_line_error, triage
from triage.store.schema import alembic_config

CONCERN = (
    "NOTE OF VISIT\n\nSafeguarding concern: the single central record is incomplete and two "
    "staff began work before their checks were returned.\n"
)
READING = (
    "NOTE OF VISIT\n\nThe spring visit looked at reading: phonics teaching is consistent and "
    "pupils read fluently.\n"
)
SEF = (
    "Self-evaluation form (SEF)\n\nOur self-evaluation: we judge the quality of education to be "
    "good and leadership to be good.\n"
)


def documents(data: Path, urn: str = "100001") -> list[dict[str, str]]:
    """The school's documents as the database holds them."""
    with sqlite3.connect(data / "triage.db") as db:
        db.row_factory = sqlite3.Row
        rows = db.execute(
            "SELECT id, source, kind, version, status, file_path FROM documents "
            "WHERE school_urn = ? ORDER BY id",
            (urn,),
        ).fetchall()
    return [dict(row) for row in rows]


def current(data: Path) -> list[dict[str, str]]:
    return [d for d in documents(data) if d["status"] == "current"]


def test_same_file_name_in_two_folders_is_two_documents(tmp_path: Path, data: Path) -> None:
    (tmp_path / "autumn").mkdir()
    (tmp_path / "spring").mkdir()
    (tmp_path / "autumn" / "notes.txt").write_text(CONCERN)
    (tmp_path / "spring" / "notes.txt").write_text(READING)
    first = triage(data, "ingest", str(tmp_path / "autumn" / "notes.txt"), "--school", "100001")
    second = triage(data, "ingest", str(tmp_path / "spring" / "notes.txt"), "--school", "100001")
    assert first.exit_code == 0 and second.exit_code == 0, second.output
    assert "1 ingested, 0 new versions" in second.output
    assert "another current document is also named notes.txt" in second.output
    assert "--replaces" in second.output
    sources = sorted(d["source"] for d in current(data))
    assert sources == ["notes.txt", "spring/notes.txt"]
    found = json.loads(triage(data, "search", "100001", "single central record", "--json").output)
    assert any("single central record is incomplete" in p["text"] for p in found)


def test_the_same_path_changed_is_a_new_version(tmp_path: Path, data: Path) -> None:
    note = tmp_path / "autumn" / "notes.txt"
    note.parent.mkdir()
    note.write_text(CONCERN)
    assert triage(data, "ingest", str(note), "--school", "100001").exit_code == 0
    note.write_text(CONCERN + "\nThe record was completed on 3 March.\n")
    again = triage(data, "ingest", str(note), "--school", "100001")
    assert again.exit_code == 0 and "0 ingested, 1 new versions" in again.output, again.output
    rows = documents(data)
    assert [(d["source"], d["version"], d["status"]) for d in rows] == [
        ("notes.txt", 1, "superseded"),
        ("notes.txt", 2, "current"),
    ]


def test_replaces_makes_a_file_from_elsewhere_the_new_version(tmp_path: Path, data: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "visit.txt").write_text(CONCERN)
    (tmp_path / "b" / "visit-final.txt").write_text(READING)
    assert (
        triage(data, "ingest", str(tmp_path / "a" / "visit.txt"), "--school", "100001").exit_code
        == 0
    )
    first_id = str(documents(data)[0]["id"])
    replaced = triage(
        data,
        "ingest",
        str(tmp_path / "b" / "visit-final.txt"),
        "--school",
        "100001",
        "--replaces",
        first_id,
    )
    assert replaced.exit_code == 0 and "1 new versions" in replaced.output, replaced.output
    assert [(d["version"], d["status"]) for d in documents(data)] == [
        (1, "superseded"),
        (2, "current"),
    ]


def test_replaces_is_checked_before_anything_is_read(tmp_path: Path, data: Path) -> None:
    note = tmp_path / "visit.txt"
    note.write_text(CONCERN)
    assert triage(data, "ingest", str(note), "--school", "100001").exit_code == 0
    other = tmp_path / "other.txt"
    other.write_text(READING)
    unknown = triage(data, "ingest", str(other), "--school", "100001", "--replaces", "999")
    assert unknown.exit_code == 1
    one_line_error(unknown.output, "document 999 is not a current document of school 100001")
    wrong_school = triage(data, "ingest", str(other), "--school", "100002", "--replaces", "1")
    assert wrong_school.exit_code == 1
    one_line_error(wrong_school.output, "document 1 is not a current document of school 100002")
    two = triage(data, "ingest", str(other), str(note), "--school", "100001", "--replaces", "1")
    assert two.exit_code == 1
    one_line_error(two.output, "--replaces takes one file")
    assert len(documents(data)) == 1


def test_a_version_never_changes_kind_silently(tmp_path: Path, data: Path) -> None:
    note = tmp_path / "notes.txt"
    note.write_text(CONCERN)
    assert triage(data, "ingest", str(note), "--school", "100001").exit_code == 0
    assert documents(data)[0]["kind"] == "visit_note"
    note.write_text(SEF)  # the same file, now reading as a self-evaluation
    kept = triage(data, "ingest", str(note), "--school", "100001")
    assert kept.exit_code == 0 and "1 new versions" in kept.output, kept.output
    assert "kind kept as visit_note, the kind of version 1" in kept.output
    assert [d["kind"] for d in documents(data)] == ["visit_note", "visit_note"]
    note.write_text(SEF + "\nUpdated in March.\n")
    changed = triage(data, "ingest", str(note), "--school", "100001", "--kind", "sef")
    assert changed.exit_code == 0, changed.output
    assert "kind changed from visit_note to sef, as --kind says" in changed.output
    assert [d["kind"] for d in current(data)] == ["sef"]


def test_stored_files_are_named_relative_to_the_data_dir(tmp_path: Path, data: Path) -> None:
    note = tmp_path / "notes.txt"
    note.write_text(CONCERN)
    assert triage(data, "ingest", str(note), "--school", "100001").exit_code == 0
    (row,) = documents(data)
    assert not Path(row["file_path"]).is_absolute()
    assert row["file_path"].startswith("files/")
    moved = tmp_path / "moved"
    shutil.move(data, moved)
    assert (moved / row["file_path"]).read_text() == CONCERN
    assert triage(moved, "doctor").exit_code == 0  # the file is found, nothing is orphaned
    note.write_text(READING)
    assert triage(moved, "ingest", str(note), "--school", "100001").exit_code == 0


def test_the_migration_makes_existing_absolute_paths_relative(tmp_path: Path, data: Path) -> None:
    """A data dir written before: its rows name files by absolute path in another place."""
    data.mkdir()
    engine = create_engine(f"sqlite:///{data / 'triage.db'}")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0002")
        sha = "ab" + "0" * 62
        connection.exec_driver_sql("INSERT INTO schools (urn) VALUES ('100001')")
        connection.exec_driver_sql(
            "INSERT INTO documents (school_urn, source, kind, kind_detected, format, sha256, size,"
            " version, status, file_path, created_at) VALUES ('100001', 'notes.txt',"
            f" 'visit_note', 0, 'txt', '{sha}', 4, 1, 'current',"
            f" '/old/place/data/files/ab/{sha}.txt', '2025-01-01 00:00:00')"
        )
    engine.dispose()
    (data / "files" / "ab").mkdir(parents=True)
    (data / "files" / "ab" / f"{sha}.txt").write_text("text")
    refused = triage(data, "schools")
    assert refused.exit_code == 1
    one_line_error(refused.output, "run `triage db upgrade`")
    assert triage(data, "db", "upgrade").exit_code == 0
    (row,) = documents(data)
    assert row["file_path"] == f"files/ab/{sha}.txt"
