"""The same ingest and retrieval against a real PostgreSQL, chosen by the database URL alone."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import FIXTURES, free_port, make_settings
from triage.index.retrieval import retrieve_passages
from triage.intake.ingestion import ingest_file
from triage.runtime import open_runtime
from triage.store.models import Document

pytestmark = pytest.mark.real


def _server_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _as_postgres(args: list[str]) -> list[str]:
    """initdb refuses to run as root; run the server as the postgres user when we are root."""
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    bin_dir = _server_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries are not installed (apt-get install postgresql)")
    root = Path(tempfile.mkdtemp(prefix="triage-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, user="postgres")
    data, port = root / "data", free_port()
    subprocess.run(
        _as_postgres([str(bin_dir / "initdb"), "-D", str(data), "-U", "triage", "--auth=trust"]),
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {root} -h 127.0.0.1 -c fsync=off"
    start = [str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-l", str(root / "log")]
    subprocess.run(_as_postgres([*start, "start"]), check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://triage@127.0.0.1:{port}/postgres"
    finally:
        stop = [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]
        subprocess.run(_as_postgres(stop), check=False, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def test_ingest_version_and_retrieve_on_postgresql(postgres_url: str, tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data", database_url=postgres_url)
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
