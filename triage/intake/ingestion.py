"""Ingest as one unit across files, database and index: all of it lands, or none of it does."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict
from sqlalchemy import select
from sqlalchemy.orm import Session

from ingest.docx import ZipLimits
from ingest.models import ParsedDocument, check_urn
from ingest.reader import ReadOptions, file_format
from ingest.sandbox import SandboxLimits, parse_data, read_file
from ingest.vocabulary import DocumentKind
from ingest.yaml_reader import YamlLimits
from triage.errors import DataDirError, ReplacesError
from triage.extract.judges.template import sentence_keys
from triage.index.indexes import IndexedPassage
from triage.runtime import Runtime
from triage.settings import Settings, stored_file_name
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
    origin: str | None = None,
    replaces: int | None = None,
    national: dict[str, float] | None = None,
) -> IngestResult:
    """Read `path` once (bounded), parse those bytes in a sandbox and store them for `urn`;
    unchanged bytes change nothing.

    A new version is a file from the same `origin` (by default the resolved path) or the
    document `replaces` names; a file of the same name from elsewhere is another document.
    """
    check_urn(urn)
    if replaces is not None:
        check_replaces(runtime, urn, replaces)
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
    return store_parsed(
        runtime,
        parsed,
        urn=urn,
        data=data,
        national=national,
        lineage=Lineage(origin=origin or str(path.resolve()), replaces=replaces),
    )


class Lineage(BaseModel):
    """Which stored document a new file continues: the one from the same origin, or the one
    named by `replaces`."""

    model_config = ConfigDict(extra="forbid")

    origin: str | None = None
    replaces: int | None = None


def check_replaces(runtime: Runtime, urn: str, document_id: int) -> None:
    """Refuse, before anything is read, a `--replaces` that is not a current document of `urn`."""
    with runtime.store.session() as session:
        document = session.get(Document, document_id)
        if document is None or document.school_urn != urn or document.status != "current":
            raise ReplacesError(
                f"document {document_id} is not a current document of school {urn}; see "
                f"`triage documents {urn}` for the ids"
            )


def store_parsed(
    runtime: Runtime,
    parsed: ParsedDocument,
    *,
    urn: str,
    data: bytes,
    national: dict[str, float] | None = None,
    lineage: Lineage | None = None,
    vectors: list[list[float]] | None = None,
) -> IngestResult:
    """Write file, rows and index entries; undo every part if any part fails.

    The passages are embedded before the write transaction opens, so a slow model never holds
    the database's write lock; inside it only quick writes happen.
    """
    check_urn(urn)
    with runtime.store.session() as session:
        same = _current_with_hash(session, urn, parsed.sha256)
        if same is not None:
            return _result("unchanged", same, parsed.notes + ["same content already ingested"])
    if vectors is None:
        vectors = runtime.index.embed([p.text for p in parsed.passages])
    file = ParsedFile(
        parsed=parsed, urn=urn, data=data, lineage=lineage or Lineage(), vectors=vectors
    )
    with runtime.writing():  # `doctor` never sees (or repairs) a write half done
        [result] = _store(runtime, [file], national, keywords=True)
    return result


@dataclass(frozen=True)
class ParsedFile:
    """A parsed file to store for a school, with what a batch computed for it beforehand: its
    passages' vectors (embedded with other files' passages) and its sentence keys."""

    parsed: ParsedDocument
    urn: str
    data: bytes
    lineage: Lineage = field(default_factory=Lineage)
    vectors: list[list[float]] | None = None
    keys: list[str] | None = None


def store_together(
    runtime: Runtime, files: list[ParsedFile], national: dict[str, float] | None = None
) -> list[IngestResult]:
    """Store many parsed files as one unit: all of them land, or none does.

    One transaction and one index write for them all (a call to the vector index costs about as
    much for eight vectors as for three hundred); the caller holds the write lock and rebuilds
    the schools' keyword indexes afterwards (`rebuild_keywords`).
    """
    for file in files:
        check_urn(file.urn)
    return _store(runtime, files, national, keywords=False)


def _store(
    runtime: Runtime,
    files: list[ParsedFile],
    national: dict[str, float] | None,
    *,
    keywords: bool,
) -> list[IngestResult]:
    write = _Write(runtime)
    try:
        with runtime.store.session() as session:
            results = [write.stage(session, file, national) for file in files]
            write.index()
            if keywords:
                for urn in sorted(write.schools):
                    rebuild_sparse(runtime, session, urn)
            write.drop_superseded()
            return results
    except BaseException:
        write.undo()
        raise


class _Write:
    """Documents' writes across files, database and index in one transaction, and their undo."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.written: list[Path] = []
        self.schools: set[str] = set()
        self.new: list[IndexedPassage] = []
        self.vectors: list[list[float]] = []
        self.added: list[int] = []
        self.removed: list[IndexedPassage] = []

    def stage(
        self, session: Session, file: ParsedFile, national: dict[str, float] | None
    ) -> IngestResult:
        """Add one file's rows and its copy; its passages wait for `index`."""
        parsed, urn = file.parsed, file.urn
        if hashlib.sha256(file.data).hexdigest() != parsed.sha256:
            raise ValueError(f"{parsed.source}: the parsed document does not describe these bytes")
        school = session.get(School, urn) or _new_school(session, urn)
        same = _current_with_hash(session, urn, parsed.sha256)  # another writer was quicker
        if same is not None:
            return _result("unchanged", same, parsed.notes + ["same content already ingested"])
        previous = _previous_version(session, urn, parsed, file.lineage)
        parsed = _continue(session, urn, parsed, previous, file.lineage.origin)
        file_path = _file_path(self.runtime.settings, parsed)
        relative = file_path.relative_to(self.runtime.settings.data_path)
        document = _add_document(
            session, school, parsed, previous, relative, national, origin=file.lineage.origin
        )
        if document.kind != "indicators":
            keys = file.keys if file.keys is not None else document_keys(parsed)
            record_keys(session, urn, keys)
        if not file_path.exists():
            self._write_file(file_path, file.data)
        vectors = file.vectors
        if vectors is None:  # stored by another writer when the batch embedded, gone since
            vectors = self.runtime.index.embed([p.text for p in parsed.passages])
        self.new += [indexed_passage(p, document) for p in document.passages]
        self.vectors += vectors
        self.schools.add(urn)
        if previous is not None:
            self.removed += [indexed_passage(p, previous) for p in previous.passages]
        status: Status = "new_version" if previous is not None else "ingested"
        return _result(status, document, parsed.notes)

    def index(self) -> None:
        """Every staged passage into the vector index, in one call."""
        self.added = [p.id for p in self.new]  # before the upsert: a failed call is undone too
        if self.new:
            self.runtime.index.upsert(self.new, self.vectors)

    def drop_superseded(self) -> None:
        if self.removed:
            self.runtime.index.delete([p.id for p in self.removed])

    def _write_file(self, path: Path, data: bytes) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        except OSError as exc:
            raise DataDirError(
                f"cannot store a copy of the file at {path} ({exc.strerror}); check the "
                "data dir's permissions and free space"
            ) from None
        self.written.append(path)

    def undo(self) -> None:
        """Bring files and index back to what the (rolled back) database holds."""
        try:
            _undo_index(self.runtime, sorted(self.schools), added=self.added, removed=self.removed)
        except Exception:  # noqa: S110 - the first error matters; `triage doctor` finds any drift
            pass
        for path in self.written:
            path.unlink(missing_ok=True)


def already_ingested(runtime: Runtime, urn: str, sha256: str) -> bool:
    """Whether the school's current documents hold these bytes (a batch skips embedding them)."""
    with runtime.store.session() as session:
        return _current_with_hash(session, urn, sha256) is not None


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
        max_csv_rows=limits.max_csv_rows,
        max_passages=limits.max_passages,
    )


def manifest_limits(settings: Settings) -> YamlLimits:
    """The bounds a corpus manifest is read within."""
    limits = settings.limits
    return YamlLimits(
        max_bytes=limits.manifest_max_kb << 10,
        max_aliases=limits.manifest_max_aliases,
        max_depth=limits.manifest_max_depth,
        max_nodes=limits.manifest_max_nodes,
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


def _previous_version(
    session: Session, urn: str, parsed: ParsedDocument, lineage: Lineage
) -> Document | None:
    """The current document this file is a new version of, if any."""
    if lineage.replaces is not None:
        document = session.get(Document, lineage.replaces)
        if document is None or document.school_urn != urn or document.status != "current":
            raise ReplacesError(f"document {lineage.replaces} is no longer a current document")
        return document
    current = select(Document).where(Document.school_urn == urn, Document.status == "current")
    if lineage.origin is not None:
        found = session.scalars(current.where(Document.origin == lineage.origin)).first()
        if found is not None:
            return found
    # A document stored before origins were kept: the same name and kind continue it.
    legacy = current.where(
        Document.origin.is_(None), Document.source == parsed.source, Document.kind == parsed.kind
    )
    return session.scalars(legacy).first()


def _continue(
    session: Session,
    urn: str,
    parsed: ParsedDocument,
    previous: Document | None,
    origin: str | None,
) -> ParsedDocument:
    """Keep a version's kind unless it was given, and give a new document a name of its own."""
    notes = list(parsed.notes)
    update: dict[str, object] = {}
    if previous is not None and previous.kind != parsed.kind:
        if parsed.kind_detected:
            update["kind"] = previous.kind
            notes.append(
                f"kind kept as {previous.kind}, the kind of version {previous.version} (it reads "
                f"as {parsed.kind}; give --kind to change it)"
            )
        else:
            notes.append(f"kind changed from {previous.kind} to {parsed.kind}, as --kind says")
    source = previous.source if previous is not None else parsed.source
    if previous is None and _name_taken(session, urn, source):
        source = _free_name(session, urn, parsed.source, origin)
        notes.append(
            f"another current document is also named {parsed.source}; stored as {source}, a "
            "document of its own (to make it a new version of that one, ingest it again with "
            "--replaces ID)"
        )
    update["source"] = source
    return parsed.model_copy(update={**update, "notes": notes})


def _name_taken(session: Session, urn: str, source: str) -> bool:
    query = select(Document.id).where(
        Document.school_urn == urn, Document.status == "current", Document.source == source
    )
    return session.scalars(query).first() is not None


def _free_name(session: Session, urn: str, source: str, origin: str | None) -> str:
    """The name prefixed by its folder (as `spring/notes.txt`), or numbered if that is taken."""
    folder = Path(origin).parent.name if origin and "/" not in source else ""
    candidates = [f"{folder}/{source}"] if folder else []
    candidates += [f"{source} ({n})" for n in range(2, 10_000)]
    return next(c for c in candidates if not _name_taken(session, urn, c))


def _add_document(
    session: Session,
    school: School,
    parsed: ParsedDocument,
    previous: Document | None,
    file_path: Path,
    national: dict[str, float] | None,
    *,
    origin: str | None,
) -> Document:
    document = Document(
        school_urn=school.urn,
        source=parsed.source,
        origin=origin,
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


def rebuild_keywords(runtime: Runtime, urn: str) -> None:
    """Rebuild one school's keyword index from what the database holds now."""
    with runtime.store.session() as session:
        rebuild_sparse(runtime, session, urn)


def rebuild_sparse(runtime: Runtime, session: Session, urn: str) -> None:
    """Rebuild one school's keyword index from the passages the database holds for it."""
    rows = school_passages(session, urn)
    runtime.index.rebuild_sparse(urn, [(passage.id, passage.text) for passage, _ in rows])


def _undo_index(
    runtime: Runtime, schools: list[str], *, added: list[int], removed: list[IndexedPassage]
) -> None:
    """Bring the index back to what the (rolled back) database holds: passages superseded by a
    version stored in the same unit were added by it too, and are not brought back."""
    runtime.index.delete(added)
    gone = set(added)
    removed = [p for p in removed if p.id not in gone]
    if removed:
        runtime.index.add(removed)
    with runtime.store.session() as session:
        for urn in schools:
            rebuild_sparse(runtime, session, urn)


def document_keys(parsed: ParsedDocument) -> list[str]:
    """The keys of a document's sentences: those many schools share are template text."""
    return [key for p in parsed.passages for key in sentence_keys(p.text, p.section)]


def _file_path(settings: Settings, parsed: ParsedDocument) -> Path:
    return settings.data_path / stored_file_name(parsed.sha256, parsed.format)


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
