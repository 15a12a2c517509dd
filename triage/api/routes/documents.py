"""Uploading a document: the same sandboxed ingest as the CLI, bounded while it streams."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, UploadFile

from ingest.vocabulary import DocumentKind
from triage.api.deps import CurrentUser, RuntimeDep, SchoolAccess
from triage.intake.ingestion import IngestResult
from triage.intake.uploads import receive_upload
from triage.store.models import School

OVERHEAD = 64 << 10  # multipart boundaries and the small fields beside the file


def router(max_file_bytes: int) -> APIRouter:
    """The upload route, with the body limit the settings give (enforced as bytes arrive)."""
    documents = APIRouter(prefix="/api", tags=["documents"])

    @documents.post(
        "/schools/{urn}/documents",
        response_model=IngestResult,
        status_code=201,
        max_body_size=max_file_bytes + OVERHEAD,
        form_limits={"max_files": 1, "max_fields": 3, "max_part_size": 1024},
    )
    def upload_document(
        school: Annotated[School, Depends(SchoolAccess("upload"))],
        user: CurrentUser,
        runtime: RuntimeDep,
        file: Annotated[UploadFile, File(description="The document: .pdf .docx .txt .md .csv")],
        kind: Annotated[DocumentKind | None, Form()] = None,
        date: Annotated[dt.date | None, Form()] = None,
    ) -> IngestResult:
        """Ingest a document as `triage ingest` does; a bad file is a 4xx and leaves nothing."""
        return receive_upload(
            runtime, user, school.urn, file.file, filename=file.filename, kind=kind, date=date
        )

    return documents
