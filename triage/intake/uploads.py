"""A file sent through the service: ingested exactly as the CLI ingests, then put on the record.

The bytes arrive already bounded by the service's size limit; they are written under a temporary
folder with a safe name (the extension decides the reader, the name becomes the source), parsed
in the sandbox, stored, and the temporary copy removed whatever happens.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import BinaryIO

from ingest.errors import UnsupportedFormatError
from ingest.vocabulary import DocumentKind
from triage.decide import audit
from triage.intake.ingestion import IngestResult, ingest_file
from triage.people.access import require
from triage.runtime import Runtime
from triage.store.people import User

_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]+")


def safe_filename(name: str | None) -> str:
    """The last part of a client's file name, with only plain characters kept."""
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    cleaned = _UNSAFE.sub("_", base).strip(" .")[:200]
    if not cleaned or "." not in cleaned:
        raise UnsupportedFormatError(
            f"{name or '(no name)'}: the file needs a name ending .pdf, .docx, .txt, .md or .csv"
        )
    return cleaned


def receive_upload(
    runtime: Runtime,
    user: User,
    urn: str,
    data: BinaryIO,
    *,
    filename: str | None,
    kind: DocumentKind | None = None,
    date: dt.date | None = None,
) -> IngestResult:
    """Ingest one uploaded file for school `urn` as `user`; a refused file leaves nothing."""
    require(user, "upload")
    name = safe_filename(filename)
    folder = Path(tempfile.mkdtemp(prefix="triage-upload-"))
    try:
        path = folder / name
        with path.open("wb") as handle:
            shutil.copyfileobj(data, handle, length=1 << 20)
        result = ingest_file(runtime, path, urn=urn, kind=kind, date=date, source=name)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    audit.record(
        runtime.store,
        "upload",
        actor=user.email,
        school=urn,
        subject=f"document:{result.document_id}",
        detail={"source": result.source, "status": result.status, "kind": result.kind},
    )
    return result
