"""Many files at once: a bad one is named and the rest go on.

A batch ends with what was ingested and what was refused, never with files silently lost. A file
at fault (unreadable, malformed, too large) is refused and the batch goes on; a fault of the
system (the database busy, the index unreachable) stops the batch, and the files not reached are
reported as such beside the error.

A batch is quicker than its files one by one: one sandboxed parsing child serves every file (a
fresh one after any failure, the same limits for each file) and parses ahead; the passages of up
to `CHUNK_DOCUMENTS` documents are embedded in one call while the chunk before is stored; a chunk
is stored as one unit (one transaction, one write to the vector index: all its documents land or
none does, and only then are they reported ingested); and each school's keyword index is rebuilt
once a chunk.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ingest.errors import IngestError
from ingest.manifest import load_manifest
from ingest.models import ParsedDocument, check_urn
from ingest.reader import file_format
from ingest.sandbox import ParserProcess, read_file
from ingest.vocabulary import DocumentKind
from triage.errors import ReplacesError, TriageError
from triage.intake.ingestion import (
    IngestResult,
    Lineage,
    ParsedFile,
    already_ingested,
    document_keys,
    manifest_limits,
    read_options,
    rebuild_keywords,
    sandbox_limits,
    store_together,
)
from triage.runtime import Runtime
from triage.store.models import School

# (file being ingested, files done, files in all): drives progress bars.
Progress = Callable[[str, int, int], None]

# Files parsed (in the sandboxed child, their sentence keys in the parsing thread) ahead of the one
# the chunk waits for: the next chunk's first files are read while this one is embedded and stored.
PARSE_AHEAD = 16
# Documents whose passages are embedded together, in one model call, and stored as one unit. The
# model sorts a call's texts by length, so the larger the call the less padding it computes: on
# 348 documents, chunks of 64 kept ingest at 0.70 of the raw limit, chunks of 256 at 0.78.
CHUNK_DOCUMENTS = 256
CHUNK_PASSAGES = 8192


class Refused(BaseModel):
    """A file of a batch that was not ingested, and why."""

    model_config = ConfigDict(extra="forbid")

    school: str
    source: str
    reason: str


class BatchReport(BaseModel):
    """What a batch did with every file it was given."""

    model_config = ConfigDict(extra="forbid")

    ingested: list[IngestResult] = Field(default_factory=list)
    refused: list[Refused] = Field(default_factory=list)
    stopped: str | None = Field(None, description="The error that stopped the batch, if any")

    @property
    def complete(self) -> bool:
        return not self.refused and self.stopped is None


class _Item(BaseModel):
    path: Path
    school: str
    source: str
    kind: DocumentKind | None = None
    date: dt.date | None = None
    replaces: int | None = None


def ingest_files(
    runtime: Runtime,
    paths: list[Path],
    *,
    urn: str,
    kind: DocumentKind | None = None,
    date: dt.date | None = None,
    replaces: int | None = None,
    on_progress: Progress | None = None,
) -> BatchReport:
    """Ingest files for one school, each on its own; a bad one is refused and the rest go on.

    `replaces` (one file only) makes the file the next version of that stored document.
    """
    if replaces is not None and len(paths) != 1:
        raise ReplacesError(f"--replaces takes one file, not {len(paths)}; ingest the others apart")
    items = [
        _Item(path=p, school=urn, source=p.name, kind=kind, date=date, replaces=replaces)
        for p in paths
    ]
    return _run(runtime, items, national=None, on_progress=on_progress)


def ingest_corpus(
    runtime: Runtime, folder: Path, *, on_progress: Progress | None = None
) -> BatchReport:
    """Ingest every document of a triage-eval/1 corpus (school, kind and date from its manifest;
    gold labels are the eval's and are not read)."""
    manifest = load_manifest(folder, limits=manifest_limits(runtime.settings))
    national = {name: figure.value for name, figure in manifest.national.items()}
    names: dict[str, tuple[str | None, str | None]] = {
        school.urn: (school.name, school.phase) for school in manifest.schools
    }
    items = [
        _Item(
            path=manifest.path_of(doc.path),
            school=school.urn,
            source=doc.path,
            kind=doc.kind,
            date=doc.date,
        )
        for school in manifest.schools
        for doc in school.documents
    ]
    return _run(runtime, items, national=national, on_progress=on_progress, names=names)


def _run(
    runtime: Runtime,
    items: list[_Item],
    *,
    national: dict[str, float] | None,
    on_progress: Progress | None,
    names: dict[str, tuple[str | None, str | None]] | None = None,
) -> BatchReport:
    """Parse ahead in one reused sandboxed child and embed chunks in this thread, while another
    thread stores the chunk embedded before; the last chunk (a lone file's only one) is stored
    in this thread."""
    report = BatchReport()
    chunk: list[_Parsed] = []
    pending: deque[Future[_Parsed]] = deque()
    storing: Future[None] | None = None
    submitted = 0
    with (
        ParserProcess() as parser,
        ThreadPoolExecutor(1, "triage-parse") as parsing,
        ThreadPoolExecutor(1, "triage-store") as storer,
    ):
        try:
            for index, item in enumerate(items):
                while submitted < min(len(items), index + PARSE_AHEAD):
                    pending.append(parsing.submit(_parse, runtime, parser, items[submitted]))
                    submitted += 1
                future = pending.popleft()
                if on_progress:
                    on_progress(item.source, index, len(items))
                try:
                    chunk.append(future.result())
                except IngestError as exc:  # the file's fault: name it and go on
                    report.refused.append(_refused(item, str(exc)))
                if _full(chunk) or index == len(items) - 1:
                    waiting = [c.item for c in chunk]
                    try:
                        files = _embed_chunk(runtime, chunk, report)
                    finally:  # a stop of the chunk before is the first to report
                        _settle(storing, waiting)
                    storing = None
                    if index < len(items) - 1:  # stored while the next chunk is embedded
                        storing = storer.submit(
                            _store_chunk, runtime, files, national, report, names
                        )
                    else:  # the last is stored here, where Ctrl-C stops it and undoes it
                        _store_chunk(runtime, files, national, report, names)
                    chunk = []
        except _Stopped as stop:  # the system's fault: stop, and say which files were not reached
            for future in pending:
                future.cancel()
            report.stopped = str(stop.error)
            report.refused += [_refused(i, str(stop.error)) for i in stop.unreached[:1]]
            report.refused += [
                _refused(i, "not reached: the batch stopped")
                for i in stop.unreached[1:] + items[index + 1 :]
            ]
    if on_progress:
        on_progress("", len(items), len(items))
    return report


def _settle(storing: Future[None] | None, waiting: list[_Item]) -> None:
    """Wait for the chunk being stored; if it stopped the batch, `waiting` was not reached."""
    if storing is None:
        return
    try:
        storing.result()
    except _Stopped as stop:
        raise _Stopped(stop.error, stop.unreached + waiting) from stop


@dataclass(frozen=True)
class _Parsed:
    item: _Item
    parsed: ParsedDocument
    data: bytes
    keys: list[str] | None  # its sentences' keys (None for data, which has no sentences)


class _Stopped(Exception):
    """A fault of the system while storing a chunk, with the files of it not stored."""

    def __init__(self, error: TriageError, unreached: list[_Item]) -> None:
        super().__init__(str(error))
        self.error, self.unreached = error, unreached


def _parse(runtime: Runtime, parser: ParserProcess, item: _Item) -> _Parsed:
    fmt = file_format(item.path)
    limits = sandbox_limits(runtime.settings)
    data = read_file(item.path, source=item.source, max_bytes=limits.max_bytes)
    parsed = parser.parse(
        data,
        source=item.source,
        fmt=fmt,
        kind=item.kind,
        date=item.date,
        limits=limits,
        options=read_options(runtime.settings),
    )
    keys = document_keys(parsed) if fmt != "csv" else None  # off the storing thread's path
    return _Parsed(item=item, parsed=parsed, data=data, keys=keys)


def _full(chunk: list[_Parsed]) -> bool:
    passages = sum(len(c.parsed.passages) for c in chunk)
    return len(chunk) >= CHUNK_DOCUMENTS or passages >= CHUNK_PASSAGES


@dataclass(frozen=True)
class _Embedded:
    file: ParsedFile
    item: _Item


def _embed_chunk(runtime: Runtime, chunk: list[_Parsed], report: BatchReport) -> list[_Embedded]:
    """The chunk's new passages embedded in one call, before any write lock is taken."""
    chunk = [c for c in chunk if _valid_school(c, report)]
    try:
        fresh = [c for c in chunk if not already_ingested(runtime, c.item.school, c.parsed.sha256)]
        embedded = iter(runtime.index.embed([p.text for c in fresh for p in c.parsed.passages]))
    except TriageError as exc:
        raise _Stopped(exc, [c.item for c in chunk]) from exc
    vectors = {id(c): [next(embedded) for _ in c.parsed.passages] for c in fresh}
    return [
        _Embedded(
            ParsedFile(
                parsed=c.parsed,
                urn=c.item.school,
                data=c.data,
                lineage=Lineage(origin=str(c.item.path.resolve()), replaces=c.item.replaces),
                vectors=vectors.get(id(c)),
                keys=c.keys,
            ),
            c.item,
        )
        for c in chunk
    ]


def _store_chunk(
    runtime: Runtime,
    chunk: list[_Embedded],
    national: dict[str, float] | None,
    report: BatchReport,
    names: dict[str, tuple[str | None, str | None]] | None,
) -> None:
    """Store a chunk's documents as one unit (one transaction, one index write), then rebuild
    each school's keyword index once; the data dir's write lock is held from the transaction to
    the last keyword index, so `doctor` never sees the chunk half done."""
    schools = sorted({c.file.urn for c in chunk})
    try:
        with runtime.writing():
            report.ingested += store_together(runtime, [c.file for c in chunk], national)
            _index_and_name(runtime, schools, names or {})
    except TriageError as exc:  # the write lock not given in time, the database or index failing
        raise _Stopped(exc, [c.item for c in chunk]) from exc


def _index_and_name(
    runtime: Runtime, schools: list[str], names: dict[str, tuple[str | None, str | None]]
) -> None:
    """Each school's keyword index over what is now stored (once a chunk, not once a document),
    and its name once it holds a document, so a stopped batch leaves no empty school row.

    The documents are stored by now: a fault here stops the batch with no file unreached, and
    leaves a keyword index behind, which `triage doctor` reports and `--repair` mends (as a
    process killed at this point would).
    """
    try:
        for urn in schools:
            rebuild_keywords(runtime, urn)
            if urn in names:
                _name_school(runtime, urn, *names[urn])
    except TriageError as exc:
        raise _Stopped(exc, []) from exc


def _valid_school(part: _Parsed, report: BatchReport) -> bool:
    try:
        check_urn(part.item.school)
    except IngestError as exc:
        report.refused.append(_refused(part.item, str(exc)))
        return False
    return True


def _refused(item: _Item, reason: str) -> Refused:
    return Refused(school=item.school, source=item.source, reason=reason)


def _name_school(runtime: Runtime, urn: str, name: str | None, phase: str | None) -> None:
    with runtime.store.session() as session:
        school = session.get(School, urn)
        if school is not None and (school.name, school.phase) != (name, phase):
            school.name, school.phase = name, phase
