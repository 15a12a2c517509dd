"""Every bad file is refused with a 4xx and a one-line message, and leaves nothing behind."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.conftest import Service, open_service
from tests.conftest import FIXTURES
from triage.settings import LimitSettings
from triage.store.models import Document


@pytest.fixture(scope="module")
def small(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    """The service with a 1 MiB upload limit."""
    data = tmp_path_factory.mktemp("uploads") / "data"
    shutil.copytree(demo_template, data)
    yield from open_service(data, limits=LimitSettings(max_file_mb=1))


def _state(service: Service) -> tuple[int, int, list[str], list[str]]:
    runtime = service.app.state.runtime
    with runtime.store.session() as session:
        documents = session.query(Document).count()
    files = sorted(str(p) for p in service.settings.files_dir.rglob("*") if p.is_file())
    temporary = sorted(p.name for p in Path(tempfile.gettempdir()).glob("triage-upload-*"))
    return documents, len(runtime.index.dense_ids("900002")), files, temporary


BAD = [
    ("empty.txt", (FIXTURES / "empty.txt").read_bytes(), 422, "empty"),
    ("not-a-pdf.pdf", (FIXTURES / "not-a-pdf.pdf").read_bytes(), 415, "PDF"),
    ("encrypted.pdf", (FIXTURES / "encrypted.pdf").read_bytes(), 422, "password"),
    ("truncated.pdf", (FIXTURES / "truncated.pdf").read_bytes(), 422, ""),
    ("bomb.docx", (FIXTURES / "bomb.docx").read_bytes(), 422, ""),
    ("scanned.pdf", (FIXTURES / "scanned.pdf").read_bytes(), 422, "text"),
    ("program.exe", b"MZ\x90\x00", 415, "not read"),
    ("noextension", b"hello there", 415, ".pdf"),
    ("too-large.txt", b"attendance is rising. " * 60_000, 413, "limit"),
]


@pytest.mark.parametrize(("name", "data", "status", "words"), BAD, ids=[b[0] for b in BAD])
def test_bad_upload_is_refused_and_leaves_nothing(
    small: Service, name: str, data: bytes, status: int, words: str
) -> None:
    before = _state(small)
    response = small["officer"].post(
        "/api/schools/900002/documents", files={"file": (name, data, "application/octet-stream")}
    )
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str) and "\n" not in detail and words.lower() in detail.lower()
    assert _state(small) == before


def test_bad_form_fields_are_refused(small: Service) -> None:
    officer = small["officer"]
    note = ("note.txt", b"NOTE OF VISIT\n\nAll is well with reading.\n", "text/plain")
    for data in ({"kind": "poem"}, {"date": "yesterday"}):
        response = officer.post("/api/schools/900002/documents", files={"file": note}, data=data)
        assert response.status_code == 422 and isinstance(response.json()["detail"], str)
    assert officer.post("/api/schools/900002/documents").status_code == 422
    two = [("file", note), ("file", note)]
    assert officer.post("/api/schools/900002/documents", files=two).status_code in (400, 422)
