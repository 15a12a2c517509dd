"""Many files at once: each is ingested on its own, a bad one is named and the rest go on.

A batch ends with what was ingested and what was refused, never with files silently lost. A file
at fault (unreadable, malformed, too large) is refused and the batch goes on; a fault of the
system (the database busy, the index unreachable) stops the batch, and the files not reached are
reported as such beside the error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ingest.errors import IngestError
from ingest.manifest import load_manifest
from ingest.vocabulary import DocumentKind
from triage.errors import TriageError
from triage.intake.ingestion import IngestResult, ingest_file
from triage.runtime import Runtime
from triage.store.models import School

# (file being ingested, files done, files in all): drives progress bars.
Progress = Callable[[str, int, int], None]


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


def ingest_files(
    runtime: Runtime,
    paths: list[Path],
    *,
    urn: str,
    kind: DocumentKind | None = None,
    date: dt.date | None = None,
    on_progress: Progress | None = None,
) -> BatchReport:
    """Ingest files for one school, each on its own; a bad one is refused and the rest go on."""
    items = [_Item(path=p, school=urn, source=p.name, kind=kind, date=date) for p in paths]
    return _run(runtime, items, national=None, on_progress=on_progress)


def ingest_corpus(
    runtime: Runtime, folder: Path, *, on_progress: Progress | None = None
) -> BatchReport:
    """Ingest every document of a triage-eval/1 corpus (school, kind and date from its manifest;
    gold labels are the eval's and are not read)."""
    manifest = load_manifest(folder)
    national = {name: figure.value for name, figure in manifest.national.items()}
    for school in manifest.schools:
        with runtime.store.session() as session:
            record = session.get(School, school.urn) or School(urn=school.urn)
            record.name, record.phase = school.name, school.phase
            session.add(record)
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
    return _run(runtime, items, national=national, on_progress=on_progress)


def _run(
    runtime: Runtime,
    items: list[_Item],
    *,
    national: dict[str, float] | None,
    on_progress: Progress | None,
) -> BatchReport:
    report = BatchReport()
    for done, item in enumerate(items):
        if on_progress:
            on_progress(item.source, done, len(items))
        try:
            report.ingested.append(_ingest(runtime, item, national))
        except IngestError as exc:  # the file's fault: name it and go on
            report.refused.append(Refused(school=item.school, source=item.source, reason=str(exc)))
        except TriageError as exc:  # the system's: stop, and say which files were not reached
            report.stopped = str(exc)
            report.refused.append(Refused(school=item.school, source=item.source, reason=str(exc)))
            report.refused += [
                Refused(school=i.school, source=i.source, reason="not reached: the batch stopped")
                for i in items[done + 1 :]
            ]
            break
    if on_progress:
        on_progress("", len(items), len(items))
    return report


def _ingest(runtime: Runtime, item: _Item, national: dict[str, float] | None) -> IngestResult:
    return ingest_file(
        runtime,
        item.path,
        urn=item.school,
        kind=item.kind,
        date=item.date,
        source=item.source,
        national=national,
    )
