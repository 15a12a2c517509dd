"""Commands for getting documents in and looking at what is there."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ingest.models import check_urn
from ingest.vocabulary import DOCUMENT_KINDS
from triage.cli import app
from triage.cli.common import console, handle_errors, progress_bar, settings_from
from triage.errors import TriageError
from triage.index.drift import find_drift, rebuild_index, repair_drift
from triage.index.retrieval import retrieve_passages
from triage.intake.batch import BatchReport, Progress, ingest_corpus, ingest_files
from triage.runtime import open_runtime
from triage.store.models import School
from triage.store.queries import current_documents, get_school

_STATUS = {
    "ingested": "[green]ingested[/]",
    "new_version": "[cyan]new version[/]",
    "unchanged": "[dim]unchanged[/]",
    "refused": "[red]refused[/]",
}


@app.command("ingest")
def ingest_command(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(help="Files: .pdf .docx .txt .md .csv"),
    ],
    school: Annotated[str, typer.Option("--school", help="The school's URN")],
    kind: Annotated[
        str | None,
        typer.Option(
            help="sef, ofsted_report, visit_note, minutes, indicators, other; detected if omitted"
        ),
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="Document date YYYY-MM-DD; detected if omitted")
    ] = None,
) -> None:
    """Ingest documents for one school.

    Example: triage ingest sef.docx ofsted-2025.pdf --school 900001

    A file that cannot be ingested is named and the others go on; the table at the end shows
    what was ingested and what was refused (the exit code is 1 if anything was refused).
    """
    with handle_errors():
        urn = check_urn(school)
        doc_kind = _kind(kind)
        doc_date = _date(date)
        with open_runtime(settings_from(ctx)) as runtime, _progress() as report:
            batch = ingest_files(
                runtime, paths, urn=urn, kind=doc_kind, date=doc_date, on_progress=report
            )
        _finish(batch)


@app.command("ingest-corpus")
def ingest_corpus_command(
    ctx: typer.Context,
    folder: Annotated[
        Path,
        typer.Argument(help="Folder with a triage-eval/1 manifest.yaml"),
    ],
) -> None:
    """Ingest every document of a corpus, taking school, kind and date from its manifest.

    Example: triage ingest-corpus eval/corpora/demo
    """
    with handle_errors():
        with open_runtime(settings_from(ctx)) as runtime, _progress() as report:
            batch = ingest_corpus(runtime, folder, on_progress=report)
        _finish(batch)


@contextmanager
def _progress() -> Iterator[Progress]:
    with progress_bar(transient=True) as progress:
        task = progress.add_task("ingesting", total=None)

        def report(name: str, done: int, total: int) -> None:
            progress.update(task, description=f"ingesting {name}", completed=done, total=total)

        yield report


def _finish(batch: BatchReport) -> None:
    """The table of the batch; exit non-zero when any file was refused or the batch stopped."""
    _print_results(batch)
    if batch.stopped is not None:
        raise TriageError(batch.stopped)
    if batch.refused:
        raise typer.Exit(1)


@app.command("schools")
def schools_command(ctx: typer.Context) -> None:
    """List the schools ingested, with their current documents."""
    with handle_errors(), open_runtime(settings_from(ctx)) as runtime:
        table = Table("URN", "name", "phase", "documents", title="Schools")
        with runtime.store.session() as session:
            for school in session.query(School).order_by(School.urn):
                docs = current_documents(session, school.urn)
                table.add_row(school.urn, school.name or "", school.phase or "", str(len(docs)))
        console.print(table)


@app.command("documents")
def documents_command(ctx: typer.Context, urn: str) -> None:
    """List one school's documents, superseded versions included.

    Example: triage documents 900001
    """
    with handle_errors(), open_runtime(settings_from(ctx)) as runtime:
        table = Table("id", "source", "kind", "date", "version", "status", "pages", "passages")
        with runtime.store.session() as session:
            school = get_school(session, check_urn(urn))
            for doc in sorted(school.documents, key=lambda d: (d.source, d.version)):
                pages = len(doc.pages) if doc.format == "pdf" else "-"
                table.add_row(
                    str(doc.id),
                    doc.source,
                    doc.kind,
                    str(doc.date or ""),
                    str(doc.version),
                    doc.status,
                    str(pages),
                    str(len(doc.passages)),
                )
        table.title = f"Documents of {urn}"
        console.print(table)


@app.command("search")
def search_command(
    ctx: typer.Context,
    urn: str,
    query: str,
    k: Annotated[int, typer.Option("-k", "--k", help="Passages to return")] = 8,
    mode: Annotated[str, typer.Option(help="hybrid, dense or sparse")] = "hybrid",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Search one school's passages (hybrid dense + BM25 by default).

    Example: triage search 900001 "attendance below national" --json
    """
    with handle_errors(), open_runtime(settings_from(ctx)) as runtime:
        if mode not in ("hybrid", "dense", "sparse"):
            raise typer.BadParameter("mode must be hybrid, dense or sparse")
        found = retrieve_passages(runtime, check_urn(urn), query, k=k, mode=mode)  # type: ignore[arg-type]
        if as_json:
            keys = ("document", "page", "section", "score", "text", "kind", "date")
            rows = [p.model_dump(mode="json", include=set(keys)) for p in found]
            typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
            return
        table = Table("score", "document", "page", "section", "passage", title=f"{urn}: {query}")
        for p in found:
            table.add_row(
                f"{p.score:.4f}", p.document, str(p.page or "-"), p.section or "", p.text[:300]
            )
        console.print(table)


@app.command("doctor")
def doctor_command(
    ctx: typer.Context,
    repair: Annotated[bool, typer.Option("--repair", help="Mend any drift found")] = False,
) -> None:
    """Report (and with --repair, mend) drift between the database and the index."""
    with handle_errors(), open_runtime(settings_from(ctx)) as runtime:
        drift = find_drift(runtime)
        console.print(
            f"{drift.passages} passages in the database; "
            f"{len(drift.missing_dense)} missing from the vector index, "
            f"{len(drift.extra_dense)} extra in it; "
            f"{len(drift.stale_sparse)} stale keyword indexes, "
            f"{len(drift.stray_sparse)} stray keyword directories"
        )
        if drift.clean:
            console.print("[green]database and index agree[/]")
            return
        if not repair:
            console.print("[yellow]drift found; run `triage doctor --repair` to mend it[/]")
            raise typer.Exit(1)
        repair_drift(runtime, drift)
        after = find_drift(runtime)
        console.print("[green]repaired[/]" if after.clean else "[red]drift remains[/]")
        if not after.clean:
            raise typer.Exit(1)


@app.command("reindex")
def reindex_command(ctx: typer.Context) -> None:
    """Rebuild the whole index (vectors and keywords) from the database."""
    with handle_errors(), open_runtime(settings_from(ctx)) as runtime:
        with progress_bar() as progress:
            task = progress.add_task("embedding passages", total=None)
            count = rebuild_index(
                runtime, on_progress=lambda d, t: progress.update(task, completed=d, total=t)
            )
        console.print(f"[green]reindexed {count} passages[/]")


def _print_results(batch: BatchReport) -> None:
    table = Table("status", "school", "document", "kind", "date", "v", "pages", "passages")
    for r in batch.ingested:
        table.add_row(
            _STATUS[r.status],
            r.school,
            r.source,
            r.kind,
            str(r.date or ""),
            str(r.version),
            str(r.pages or "-"),
            str(r.passages),
        )
    for refused in batch.refused:
        table.add_row(_STATUS["refused"], refused.school, refused.source, *["-"] * 5)
    console.print(table)
    for r in batch.ingested:
        for note in r.notes:
            console.print(f"  [dim]{r.source}:[/] {note}", highlight=False)
    for refused in batch.refused:
        console.print(f"  [red]{refused.source}:[/] {refused.reason}", highlight=False)
    counts = {s: sum(1 for r in batch.ingested if r.status == s) for s in _STATUS}
    console.print(
        f"{counts['ingested']} ingested, {counts['new_version']} new versions, "
        f"{counts['unchanged']} unchanged, {len(batch.refused)} refused"
    )


def _kind(kind: str | None):  # type: ignore[no-untyped-def]
    if kind is not None and kind not in DOCUMENT_KINDS:
        raise typer.BadParameter(f"--kind must be one of {', '.join(DOCUMENT_KINDS)}")
    return kind


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"--date {text!r} is not a date; use YYYY-MM-DD") from None
