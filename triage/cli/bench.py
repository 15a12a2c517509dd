"""`triage bench ...`: throughput with a baseline measured in the same run."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from triage.cli import bench_app
from triage.cli.common import console, handle_errors, settings_from, shown

DEMO = Path(__file__).resolve().parents[2] / "eval" / "corpora" / "demo"


@bench_app.command("ingest")
def bench_ingest_command(
    ctx: typer.Context,
    folder: Annotated[
        Path | None,
        typer.Argument(help="A triage-eval/1 corpus (default: the demo corpus)", file_okay=False),
    ] = None,
) -> None:
    """Pages per second for a full ingest against the raw cost of the same work.

    Example: triage bench ingest eval/corpora/dev
    """
    from eval.bench_ingest import bench_ingest

    with handle_errors():
        result = bench_ingest(folder or DEMO, settings=settings_from(ctx))
        table = Table("run", "seconds", "pages/s", title=f"ingest: {shown(result.corpus)}")
        table.add_row("full ingest", f"{result.full_s:.2f}", f"{result.full_pages_per_s:.1f}")
        table.add_row(
            "raw (pypdf text + embedding)", f"{result.raw_s:.2f}", f"{result.raw_pages_per_s:.1f}"
        )
        console.print(table)
        console.print(
            f"{result.documents} documents, {result.pages} pages, {result.passages} passages; "
            f"full / raw = {result.ratio:.2f}x"
        )


@bench_app.command("api")
def bench_api_command(
    ctx: typer.Context,
    requests: Annotated[
        int, typer.Option(help="Requests per measurement (fewer for proposals)")
    ] = 40,
    port: Annotated[int, typer.Option(help="Loopback port for the server under test")] = 8765,
) -> None:
    """Requests/s and p95 through `triage serve` on loopback at 1 and 20 clients, beside the same
    work in process (the demo corpus in a temporary data dir).

    Example: triage bench api --requests 40
    """
    from eval.bench_api import bench_api

    with handle_errors():
        figures = bench_api(settings_from(ctx), requests=requests, port=port)
        table = Table(
            "work",
            "clients",
            "requests",
            "HTTP req/s",
            "HTTP p95 ms",
            "in-process req/s",
            "in-process p95 ms",
            "in-process / HTTP",
            title="the service's overhead",
        )
        for f in figures:
            table.add_row(
                f.work,
                str(f.clients),
                str(f.requests),
                f"{f.http_rps:.1f}",
                f"{f.http_p95_ms:.0f}",
                f"{f.inprocess_rps:.1f}",
                f"{f.inprocess_p95_ms:.0f}",
                f"{f.overhead:.2f}x",
            )
        console.print(table)
