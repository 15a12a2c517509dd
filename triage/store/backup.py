"""Backup and restore of the record: every table of the database and every original file, in one
tar file that either database (SQLite or PostgreSQL) can be restored from.

The database is read in one snapshot (a repeatable-read transaction), so the backup is what was
committed at one instant even while the service runs; files are content-addressed and written
before the row that names them commits, so every file a backed-up row names is there. Every
member's SHA-256 is in the manifest and checked before anything is restored. A restore goes into
an empty database, in one transaction: all of it lands, or none. The index is not backed up: it
is rebuilt from the database after a restore.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import shutil
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from alembic import command
from pydantic import BaseModel, ConfigDict
from sqlalchemy import Table, func, insert, select, text, update
from sqlalchemy.engine import Connection, Engine

from triage import __version__
from triage.errors import TriageError
from triage.settings import stored_file_name
from triage.store.models import Base, Document
from triage.store.schema import alembic_config, head_revision, schema_state, upgrade_schema

FORMAT = "triage-backup/1"
MANIFEST = "backup.json"
_CHUNK = 1 << 20


class BackupError(TriageError):
    """A backup that cannot be written, or a file that is not a backup triage can restore."""


class BackupManifest(BaseModel):
    """What a backup holds: its format, where it came from, and a checksum of every member."""

    model_config = ConfigDict(extra="forbid")

    format: str
    triage_version: str
    schema_revision: str
    created_at: str
    dialect: str
    tables: dict[str, int]
    files: int
    sha256: dict[str, str]


def tables() -> list[Table]:
    """triage's tables, parents before children."""
    return list(Base.metadata.sorted_tables)


def write_backup(engine: Engine, target: Path, *, data_dir: Path) -> BackupManifest:
    """Write the database (one snapshot) and the files its documents name to `target`."""
    state = schema_state(engine)
    if state.current is None:
        raise BackupError("the database has no schema yet: there is nothing to back up")
    staging = Path(tempfile.mkdtemp(prefix="triage-backup-"))
    try:
        counts: dict[str, int] = {}
        sums: dict[str, str] = {}
        with _snapshot(engine) as connection:
            for table in tables():
                member = f"tables/{table.name}.jsonl"
                counts[table.name] = _dump_table(connection, table, staging / member)
                sums[member] = _sha256(staging / member)
            files = list(connection.execute(select(Document.sha256, Document.file_path)))
        manifest = BackupManifest(
            format=FORMAT,
            triage_version=__version__,
            schema_revision=state.current,
            created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            dialect=engine.dialect.name,
            tables=counts,
            files=0,
            sha256=sums,
        )
        _write_tar(target, staging, manifest, [(sha, data_dir / name) for sha, name in files])
        return manifest
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def read_manifest(source: Path) -> BackupManifest:
    """The backup's manifest, after checking every member against its checksum."""
    try:
        with tarfile.open(source, "r:") as archive:
            manifest = _manifest(archive)
            names = set(archive.getnames()) - {MANIFEST}
            if names != set(manifest.sha256):
                missing = sorted(set(manifest.sha256) - names)[:3]
                raise BackupError(f"{source} is incomplete: missing {', '.join(missing)}")
            for member in archive.getmembers():
                if member.name == MANIFEST:
                    continue
                handle = archive.extractfile(member)
                assert handle is not None
                if _stream_sha256(handle) != manifest.sha256[member.name]:
                    raise BackupError(f"{source} is damaged: {member.name} fails its checksum")
            return manifest
    except (tarfile.TarError, OSError) as exc:
        raise BackupError(f"{source} is not a triage backup that can be read ({exc})") from exc


def restore_backup(
    engine: Engine,
    source: Path,
    *,
    data_dir: Path,
    on_table: Callable[[str, int], None] | None = None,
) -> BackupManifest:
    """Restore a backup into an empty database and data dir, then bring its schema to the one
    this triage needs. Refused, leaving everything as it was, if the database holds anything."""
    manifest = read_manifest(source)
    _check_empty(engine, manifest)
    with tarfile.open(source, "r:") as archive:
        written = _restore_files(archive, manifest, data_dir)
        try:
            with _transaction(engine) as connection:
                _create_schema(connection, manifest.schema_revision)
                for table in tables():
                    rows = _load_table(connection, archive, table, manifest)
                    if on_table:
                        on_table(table.name, rows)
                _reset_sequences(connection)
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            raise
    if manifest.schema_revision != head_revision():
        upgrade_schema(engine)
    return manifest


@contextmanager
def _transaction(engine: Engine) -> Iterator[Connection]:
    """One transaction for schema and rows alike, committed at the end or not at all."""
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            # pysqlite begins no transaction before DDL; an explicit one makes it all atomic.
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            connection.rollback()
            raise
        connection.commit()


@contextmanager
def _snapshot(engine: Engine) -> Iterator[Connection]:
    """One consistent read of the whole database."""
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        elif connection.dialect.name == "sqlite":
            # pysqlite begins no transaction for a read; in WAL mode an explicit one holds
            # one snapshot from its first read to its end.
            connection.exec_driver_sql("BEGIN")
        try:
            yield connection
        finally:
            connection.rollback()


def _dump_table(connection: Connection, table: Table, path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    order = list(table.primary_key.columns)
    query = select(table).order_by(*order).execution_options(yield_per=1000)
    with path.open("w", encoding="utf-8") as handle:
        for row in connection.execute(query):
            data = {name: _encode(value) for name, value in row._mapping.items()}
            handle.write(json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    return count


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _decode(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    decoded = {}
    for name, value in row.items():
        column = table.columns[name]
        kind = column.type.python_type
        if value is not None and kind is dt.datetime:
            value = dt.datetime.fromisoformat(value)
        elif value is not None and kind is dt.date:
            value = dt.date.fromisoformat(value)
        decoded[name] = value
    return decoded


def _write_tar(
    target: Path, staging: Path, manifest: BackupManifest, files: list[tuple[str, Path]]
) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        with tarfile.open(partial, "w:") as archive:
            for member in sorted(manifest.sha256):
                archive.add(staging / member, arcname=member)
            seen: set[str] = set()
            for sha256, origin in files:
                if sha256 in seen:
                    continue
                seen.add(sha256)
                if not origin.exists():
                    raise BackupError(
                        f"the original file {origin} of a document is missing; nothing was "
                        "backed up: restore it, or run `triage doctor` to see what else is amiss"
                    )
                member = f"files/{origin.name}"
                manifest.sha256[member] = _sha256(origin)
                archive.add(origin, arcname=member)
            manifest.files = len(seen)
            body = manifest.model_dump_json(indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(body)
            archive.addfile(info, io.BytesIO(body))
        partial.replace(target)  # a backup is whole, or not there
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _manifest(archive: tarfile.TarFile) -> BackupManifest:
    try:
        handle = archive.extractfile(MANIFEST)
    except KeyError:
        handle = None
    if handle is None:
        raise BackupError("not a triage backup: it has no backup.json")
    manifest = BackupManifest.model_validate_json(handle.read())
    if manifest.format != FORMAT:
        raise BackupError(f"a backup in format {manifest.format}; this triage reads {FORMAT}")
    return manifest


def _check_empty(engine: Engine, manifest: BackupManifest) -> None:
    state = schema_state(engine)
    if state.current is not None and state.current != manifest.schema_revision:
        raise BackupError(
            f"the database is at schema revision {state.current} and the backup at "
            f"{manifest.schema_revision}: restore into a new, empty database"
        )
    present = [t for t in tables() if t.name in state.tables]
    with engine.connect() as connection:
        for table in present:
            if connection.scalar(select(func.count()).select_from(table)):
                raise BackupError(
                    f"the database already holds data (table {table.name}); nothing was "
                    "restored: restore into a new data dir, and for PostgreSQL a new database"
                )


def _create_schema(connection: Connection, revision: str) -> None:
    """The schema at the backup's revision, in the restore's transaction."""
    command.upgrade(alembic_config(connection), revision)


def _load_table(
    connection: Connection,
    archive: tarfile.TarFile,
    table: Table,
    manifest: BackupManifest,
) -> int:
    handle = archive.extractfile(f"tables/{table.name}.jsonl")
    assert handle is not None
    # A column naming a row of its own table (a superseded document names its successor,
    # which comes later) is filled in once every row is there.
    deferred = [
        c.name for c in table.columns if any(fk.column.table is table for fk in c.foreign_keys)
    ]
    later: list[dict[str, Any]] = []
    batch: list[dict[str, Any]] = []
    count = 0
    for line in io.TextIOWrapper(handle, encoding="utf-8"):
        row = _decode(table, json.loads(line))
        if table.name == Document.__tablename__:
            row["file_path"] = stored_file_name(row["sha256"], row["format"])
        if deferred and any(row[name] is not None for name in deferred):
            later.append({"key": row["id"], **{name: row[name] for name in deferred}})
            row.update(dict.fromkeys(deferred))
        batch.append(row)
        count += 1
        if len(batch) >= 1000:
            connection.execute(insert(table), batch)
            batch = []
    if batch:
        connection.execute(insert(table), batch)
    for values in later:
        key = values.pop("key")
        connection.execute(update(table).where(table.c.id == key).values(**values))
    if count != manifest.tables.get(table.name, 0):
        raise BackupError(f"the backup's {table.name} holds {count} rows, its manifest says more")
    return count


def _reset_sequences(connection: Connection) -> None:
    """PostgreSQL hands out ids from sequences that inserting given ids does not move."""
    if connection.dialect.name != "postgresql":
        return
    for table in tables():
        if "id" not in table.c or table.c.id.type.python_type is not int:
            continue
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table.name}), 1), "
                f"(SELECT COUNT(*) > 0 FROM {table.name}))"
            )
        )


def _restore_files(
    archive: tarfile.TarFile, manifest: BackupManifest, data_dir: Path
) -> list[Path]:
    written: list[Path] = []
    for name in sorted(manifest.sha256):
        if not name.startswith("files/"):
            continue
        base = Path(name).name
        sha256, _, extension = base.partition(".")
        target = data_dir / stored_file_name(sha256, extension)
        if target.exists():
            continue
        handle = archive.extractfile(name)
        assert handle is not None
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as out:
            shutil.copyfileobj(handle, out, _CHUNK)
        written.append(target)
    return written


def _sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return _stream_sha256(handle)


def _stream_sha256(handle: IO[bytes]) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(_CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()
