"""Ingest as one unit across files, database and index: all of it lands, or none of it does."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict
from sqlalchemy import select
from sqlalchemy.orm import Session

from ingest.docx import ZipLimits
from ingest.manifest import load_manifest
from ingest.models import DocumentKind, ParsedDocument
from ingest.reader import ReadOptions
from ingest.sandbox import SandboxLimits, parse_file
from triage.index.indexes import IndexedPassage
from triage.runtime import Runtime
from triage.settings import Settings
from triage.store.models import Document, Indicator, Page, Passage, School
from triage.store.queries import school_passages

Status = Literal["ingested", "unchanged", "new_version"]


class IngestResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Status
    school: str
    document_id: int
    source: str
    kind: str
    date: dt.date | None
    version: int
    pages: int
    passages: int
    indicators: int
    notes: list[str]


def ingest_file(
    runtime: Runtime,
    path: Path,
    *,
    urn: str,
    kind: DocumentKind | None = None,
    date: dt.date | None = None,
    source: str | None = None,
    national: dict[str, float] | None = None,
) -> IngestResult:
    """Parse `path` in a sandbox and store it for school `urn`; unchanged bytes change nothing."""
    settings = runtime.settings
    parsed = parse_file(
        path,
        source=source or path.name,
        kind=kind,
        date=date,
        limits=sandbox_limits(settings),
        options=read_options(settings),
    )
    return store_parsed(runtime, parsed, urn=urn, data=path.read_bytes(), national=national)


def store_parsed(
    runtime: Runtime,
    parsed: ParsedDocument,
    *,
    urn: str,
    data: bytes,
    national: dict[str, float] | None = None,
) -> IngestResult:
    """Write file, rows and index entries; undo every part if any part fails."""
    file_path = _file_path(runtime.settings, parsed)
    wrote_file = False
    added: list[int] = []
    removed: list[IndexedPassage] = []
    try:
        with runtime.store.session() as session:
            school = session.get(School, urn) or _new_school(session, urn)
            same = _current_with_hash(session, urn, parsed.sha256)
            if same is not None:
                return _result("unchanged", same, parsed.notes + ["same content already ingested"])
            previous = _current_lineage(session, urn, parsed)
            document = _add_document(session, school, parsed, previous, file_path, national)
            if not file_path.exists():
                file_path.parent.mkdir(parents=True, exist_ok=True)
                file_path.write_bytes(data)
                wrote_file = True
            new = [indexed_passage(p, document) for p in document.passages]
            runtime.index.add(new)
            added = [p.id for p in new]
            rebuild_sparse(runtime, session, urn)
            if previous is not None:
                removed = [indexed_passage(p, previous) for p in previous.passages]
                runtime.index.delete([p.id for p in removed])
            status: Status = "new_version" if previous is not None else "ingested"
            result = _result(status, document, parsed.notes)
    except BaseException:
        try:
            _undo_index(runtime, urn, added=added, removed=removed)
        except Exception:  # noqa: S110 - the first error matters; `triage doctor` finds any drift
            pass
        if wrote_file:
            file_path.unlink(missing_ok=True)
        raise
    return result


def ingest_corpus(
    runtime: Runtime,
    folder: Path,
    *,
    on_progress: Callable[[str, int, int], None] | None = None,
) -> list[IngestResult]:
    """Ingest every document of a triage-eval/1 corpus; gold labels are ignored."""
    manifest = load_manifest(folder)
    national = {name: figure.value for name, figure in manifest.national.items()}
    total = sum(len(school.documents) for school in manifest.schools)
    results: list[IngestResult] = []
    for school in manifest.schools:
        with runtime.store.session() as session:
            record = session.get(School, school.urn) or _new_school(session, school.urn)
            record.name, record.phase = school.name, school.phase
        for doc in school.documents:
            if on_progress:
                on_progress(doc.path, len(results), total)
            results.append(
                ingest_file(
                    runtime,
                    manifest.root / doc.path,
                    urn=school.urn,
                    kind=doc.kind,
                    date=doc.date,
                    source=doc.path,
                    national=national,
                )
            )
    if on_progress:
        on_progress("", total, total)
    return results


def sandbox_limits(settings: Settings) -> SandboxLimits:
    limits = settings.limits
    return SandboxLimits(
        max_bytes=int(limits.max_file_mb * (1 << 20)),
        seconds=limits.parse_seconds,
        memory_bytes=limits.parse_memory_mb << 20,
    )


def read_options(settings: Settings) -> ReadOptions:
    limits = settings.limits
    return ReadOptions(
        max_pages=limits.max_pages,
        zip_limits=ZipLimits(
            max_entries=limits.docx_max_entries,
            max_unzipped_bytes=int(limits.docx_max_unzipped_mb * (1 << 20)),
            max_ratio=limits.docx_max_ratio,
        ),
        max_chars=settings.chunks.max_chars,
        min_chars=settings.chunks.min_chars,
    )


def _new_school(session: Session, urn: str) -> School:
    school = School(urn=urn)
    session.add(school)
    session.flush()
    return school


def _current_with_hash(session: Session, urn: str, sha256: str) -> Document | None:
    query = select(Document).where(
        Document.school_urn == urn, Document.sha256 == sha256, Document.status == "current"
    )
    return session.scalars(query).first()


def _current_lineage(session: Session, urn: str, parsed: ParsedDocument) -> Document | None:
    """The current version of the same school, kind and source name, if any."""
    query = select(Document).where(
        Document.school_urn == urn,
        Document.kind == parsed.kind,
        Document.source == parsed.source,
        Document.status == "current",
    )
    return session.scalars(query).first()


def _add_document(
    session: Session,
    school: School,
    parsed: ParsedDocument,
    previous: Document | None,
    file_path: Path,
    national: dict[str, float] | None,
) -> Document:
    document = Document(
        school_urn=school.urn,
        source=parsed.source,
        kind=parsed.kind,
        kind_detected=parsed.kind_detected,
        date=parsed.date,
        format=parsed.format,
        sha256=parsed.sha256,
        size=parsed.size,
        title=parsed.title,
        version=previous.version + 1 if previous else 1,
        status="current",
        file_path=str(file_path),
        created_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
    )
    document.pages = [
        Page(ordinal=i, number=page.number, text=page.text) for i, page in enumerate(parsed.pages)
    ]
    document.passages = [Passage(**p.model_dump()) for p in parsed.passages]
    document.indicators = [
        Indicator(
            school_urn=school.urn,
            indicator=row.indicator,
            value=row.value,
            national=row.national
            if row.national is not None
            else (national or {}).get(row.indicator),
            year=row.year,
            line=row.line,
            known=row.known,
            raw=row.raw,
        )
        for row in parsed.indicators
    ]
    session.add(document)
    session.flush()
    if previous is not None:
        previous.status = "superseded"
        previous.superseded_by_id = document.id
        session.flush()
    return document


def indexed_passage(passage: Passage, document: Document) -> IndexedPassage:
    """What the index holds of a stored passage."""
    return IndexedPassage(
        id=passage.id,
        school=document.school_urn,
        document_id=document.id,
        kind=document.kind,
        page=passage.page,
        text=passage.text,
    )


def rebuild_sparse(runtime: Runtime, session: Session, urn: str) -> None:
    """Rebuild one school's keyword index from the passages the database holds for it."""
    rows = school_passages(session, urn)
    runtime.index.rebuild_sparse(urn, [(passage.id, passage.text) for passage, _ in rows])


def _undo_index(
    runtime: Runtime, urn: str, *, added: list[int], removed: list[IndexedPassage]
) -> None:
    """Bring the index back to what the (rolled back) database holds."""
    runtime.index.delete(added)
    if removed:
        runtime.index.add(removed)
    with runtime.store.session() as session:
        rebuild_sparse(runtime, session, urn)


def _file_path(settings: Settings, parsed: ParsedDocument) -> Path:
    return settings.files_dir / parsed.sha256[:2] / f"{parsed.sha256}.{parsed.format}"


def _result(status: Status, document: Document, notes: list[str]) -> IngestResult:
    return IngestResult(
        status=status,
        school=document.school_urn,
        document_id=document.id,
        source=document.source,
        kind=document.kind,
        date=document.date,
        version=document.version,
        pages=len(document.pages) if document.format == "pdf" else 0,
        passages=len(document.passages),
        indicators=len(document.indicators),
        notes=notes,
    )
