"""`triage bench ...`: throughput with a baseline measured in the same run."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from triage.cli import bench_app
from triage.cli.common import console, handle_errors, settings_from

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
        table = Table("run", "seconds", "pages/s", title=f"ingest: {result.corpus}")
        table.add_row("full ingest", f"{result.full_s:.2f}", f"{result.full_pages_per_s:.1f}")
        table.add_row(
            "raw (pypdf text + embedding)", f"{result.raw_s:.2f}", f"{result.raw_pages_per_s:.1f}"
        )
        console.print(table)
        console.print(
            f"{result.documents} documents, {result.pages} pages, {result.passages} passages; "
            f"full / raw = {result.ratio:.2f}x"
        )
