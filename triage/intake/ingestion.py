"""Ingest as one unit across files, database and index: all of it lands, or none of it does."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict
from sqlalchemy import select
from sqlalchemy.orm import Session

from ingest.docx import ZipLimits
from ingest.models import DocumentKind, ParsedDocument, check_urn
from ingest.reader import ReadOptions, file_format
from ingest.sandbox import SandboxLimits, parse_data, read_file
from triage.errors import DataDirError
from triage.extract.judges.template import sentence_keys
from triage.index.indexes import IndexedPassage
from triage.runtime import Runtime
from triage.settings import Settings
from triage.store.models import Document, Indicator, Page, Passage, School
from triage.store.queries import school_passages
from triage.store.sentences import record_keys

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
    """Read `path` once (bounded), parse those bytes in a sandbox and store them for `urn`;
    unchanged bytes change nothing."""
    check_urn(urn)
    name = source or path.name
    fmt = file_format(path)
    limits = sandbox_limits(runtime.settings)
    data = read_file(path, source=name, max_bytes=limits.max_bytes)
    parsed = parse_data(
        data,
        source=name,
        fmt=fmt,
        kind=kind,
        date=date,
        limits=limits,
        options=read_options(runtime.settings),
    )
    return store_parsed(runtime, parsed, urn=urn, data=data, national=national)


def store_parsed(
    runtime: Runtime,
    parsed: ParsedDocument,
    *,
    urn: str,
    data: bytes,
    national: dict[str, float] | None = None,
) -> IngestResult:
    """Write file, rows and index entries; undo every part if any part fails.

    The passages are embedded before the write transaction opens, so a slow model never holds
    the database's write lock; inside it only quick writes happen.
    """
    check_urn(urn)
    if hashlib.sha256(data).hexdigest() != parsed.sha256:
        raise ValueError(f"{parsed.source}: the parsed document does not describe these bytes")
    with runtime.store.session() as session:
        same = _current_with_hash(session, urn, parsed.sha256)
        if same is not None:
            return _result("unchanged", same, parsed.notes + ["same content already ingested"])
    vectors = runtime.index.embed([p.text for p in parsed.passages])
    write = _Write(runtime, urn, _file_path(runtime.settings, parsed))
    try:
        with runtime.store.session() as session:
            return write.run(session, parsed, data, vectors, national)
    except BaseException:
        write.undo()
        raise


class _Write:
    """One document's write across files, database and index, and how to undo it."""

    def __init__(self, runtime: Runtime, urn: str, file_path: Path) -> None:
        self.runtime, self.urn, self.file_path = runtime, urn, file_path
        self.wrote_file = False
        self.added: list[int] = []
        self.removed: list[IndexedPassage] = []

    def run(
        self,
        session: Session,
        parsed: ParsedDocument,
        data: bytes,
        vectors: list[list[float]],
        national: dict[str, float] | None,
    ) -> IngestResult:
        school = session.get(School, self.urn) or _new_school(session, self.urn)
        same = _current_with_hash(session, self.urn, parsed.sha256)  # another writer was quicker
        if same is not None:
            return _result("unchanged", same, parsed.notes + ["same content already ingested"])
        previous = _current_lineage(session, self.urn, parsed)
        document = _add_document(session, school, parsed, previous, self.file_path, national)
        if document.kind != "indicators":
            record_keys(session, self.urn, document_keys(parsed))
        if not self.file_path.exists():
            self._write_file(data)
        new = [indexed_passage(p, document) for p in document.passages]
        self.added = [p.id for p in new]  # before the upsert: a failed later batch is undone too
        self.runtime.index.upsert(new, vectors)
        rebuild_sparse(self.runtime, session, self.urn)
        if previous is not None:
            self.removed = [indexed_passage(p, previous) for p in previous.passages]
            self.runtime.index.delete([p.id for p in self.removed])
        status: Status = "new_version" if previous is not None else "ingested"
        return _result(status, document, parsed.notes)

    def _write_file(self, data: bytes) -> None:
        try:
            self.file_path.parent.mkdir(parents=True, exist_ok=True)
            self.file_path.write_bytes(data)
        except OSError as exc:
            raise DataDirError(
                f"cannot store a copy of the file at {self.file_path} ({exc.strerror}); check the "
                "data dir's permissions and free space"
            ) from None
        self.wrote_file = True

    def undo(self) -> None:
        """Bring files and index back to what the (rolled back) database holds."""
        try:
            _undo_index(self.runtime, self.urn, added=self.added, removed=self.removed)
        except Exception:  # noqa: S110 - the first error matters; `triage doctor` finds any drift
            pass
        if self.wrote_file:
            self.file_path.unlink(missing_ok=True)


def sandbox_limits(settings: Settings) -> SandboxLimits:
    limits = settings.limits
    return SandboxLimits(
        max_bytes=int(limits.max_file_mb * (1 << 20)),
        seconds=limits.parse_seconds,
        memory_bytes=limits.parse_memory_mb << 20,
        max_reply_bytes=int(limits.max_parsed_mb * (1 << 20)),
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


def document_keys(parsed: ParsedDocument) -> list[str]:
    """The keys of a document's sentences: those many schools share are template text."""
    return [key for p in parsed.passages for key in sentence_keys(p.text, p.section)]


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
