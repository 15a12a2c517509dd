"""`triage bench ...`: throughput with a baseline measured in the same run."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from triage.cli import bench_app
from triage.cli.common import console, errors, handle_errors, settings_from, shown

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
            f"full / raw = {result.ratio:.2f}x; throughput {result.share_of_raw:.2f} of the raw "
            "limit"
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


@bench_app.command("crash")
def bench_crash_command(
    folder: Annotated[
        Path | None,
        typer.Argument(help="A triage-eval/1 corpus (default: the demo corpus)", file_okay=False),
    ] = None,
    trials: Annotated[int, typer.Option(help="Killed runs of each of ingest, batch, decide")] = 20,
    seed: Annotated[int, typer.Option(help="Seed of the random kill times")] = 13,
) -> None:
    """SIGKILL an ingest, a batch and decisions at random points; after each kill check that
    nothing acknowledged is missing, nothing half-written is visible, the index agrees (or
    `doctor --repair` mends it) and the audit chain verifies. Exit 1 on any failure.

    Example: triage bench crash --trials 20
    """
    from eval.bench_crash import bench_crash

    with handle_errors():
        figures = bench_crash(
            folder or DEMO,
            trials=trials,
            seed=seed,
            on_trial=lambda mode, n, c: errors.print(
                f"{mode} trial {n + 1}: {c.acknowledged} acknowledged, "
                + ("ok" if c.ok else f"FAILED {c.missing + c.half_written}")
                + (" (drift mended)" if c.drift_found and c.drift_mended else "")
            ),
        )
        table = Table(
            "work",
            "baseline: unkilled run",
            "trials",
            "killed mid-work",
            "acknowledged",
            "missing",
            "half-written",
            "drift found / mended",
            "audit verifies",
            title="crash: SIGKILL at random points",
        )
        for f in figures:
            table.add_row(
                f.mode,
                f"{f.baseline_operations} ops in {f.baseline_s:.1f} s",
                str(f.trials),
                str(f.killed_mid_work),
                str(f.acknowledged),
                str(f.missing),
                str(f.half_written),
                f"{f.drift_found} / {f.drift_mended}",
                f"{f.audit_verified} / {f.trials}",
            )
        console.print(table)
        for f in figures:
            for problem in f.problems:
                errors.print(f"[red]{problem}[/]", highlight=False)
        if not all(f.ok and f.audit_verified == f.trials for f in figures):
            raise typer.Exit(1)


@bench_app.command("load")
def bench_load_command(
    ctx: typer.Context,
    clients: Annotated[int, typer.Option(help="Concurrent clients")] = 200,
    requests: Annotated[int, typer.Option(help="Requests in all; the run stops after them")] = 1000,
    port: Annotated[int, typer.Option(help="Loopback port for the server under test")] = 8766,
    database_url: Annotated[
        str, typer.Option(help="An empty PostgreSQL database to run on (default: SQLite)")
    ] = "",
) -> None:
    """Concurrent clients against `triage serve` on loopback (the demo corpus in a temporary
    data dir): a fixed number of requests in an officer's mix of browse, ask, propose and
    upload; errors and p50/p95 per kind, beside the same kinds one client at a time. Exit 1 on
    any error.

    Example: triage bench load --clients 200 --requests 1000
    """
    from eval.bench_load import MIX, bench_load

    with handle_errors():
        result = bench_load(
            settings_from(ctx),
            clients=clients,
            requests=requests,
            port=port,
            database_url=database_url,
        )
        table = Table(
            "kind",
            "share",
            "requests",
            "errors",
            f"p50 ms ({clients} clients)",
            f"p95 ms ({clients} clients)",
            "p50 ms (1 client)",
            "p95 ms (1 client)",
            title=f"load: {result.requests} requests from {clients} clients "
            f"in {result.seconds:.0f} s",
        )
        alone = {f.kind: f for f in result.baseline}
        for f in result.figures:
            table.add_row(
                f.kind,
                f"{MIX[f.kind]}%",
                str(f.requests),
                str(f.errors),
                f"{f.p50_ms:.0f}",
                f"{f.p95_ms:.0f}",
                f"{alone[f.kind].p50_ms:.0f}",
                f"{alone[f.kind].p95_ms:.0f}",
            )
        console.print(table)
        console.print(
            f"{result.errors} errors; {result.requests / result.seconds:.1f} requests/s overall"
        )
        for sample in result.error_samples:
            errors.print(f"[red]{sample}[/]", highlight=False, soft_wrap=True)
        if result.errors:
            raise typer.Exit(1)


@bench_app.command("scale")
def bench_scale_command(
    ctx: typer.Context,
    documents: Annotated[
        int, typer.Option(help="Documents in the authority-sized corpus (replicas of the source)")
    ] = 300,
    passages: Annotated[
        str, typer.Option(help="Passages held when answers are timed, comma-separated")
    ] = "1000,10000,100000",
    propose_schools: Annotated[
        int, typer.Option(help="Schools timed one by one for the warm p95")
    ] = 20,
    source: Annotated[
        Path | None,
        typer.Option(help="The triage-eval/1 corpus replicated (default: eval/corpora/dev)"),
    ] = None,
    project_schools: Annotated[
        int, typer.Option(help="Schools to project the measured per-unit costs to")
    ] = 20_000,
) -> None:
    """An authority's year on this machine: ingest against the raw limit, proposals warm and as
    a batch, answers as the index grows; each figure beside its baseline from the same run, and
    the per-unit costs that project a national deployment (docs/scaling.md).

    Example: triage bench scale --documents 300 --passages 1000,10000,100000
    """
    from eval.bench_scale import DEV, bench_scale, project

    with handle_errors():
        sizes = tuple(int(n) for n in passages.split(",") if n.strip())
        result = bench_scale(
            settings_from(ctx),
            documents=documents,
            propose_schools=propose_schools,
            passages=sizes,
            source=source or DEV,
            say=lambda line: errors.print(line, highlight=False),
        )
        table = Table("figure", "value", "baseline (same run)", "value / baseline", "target")
        for f in result.figures:
            table.add_row(
                f.name,
                f"{f.value:.3f} {f.unit}",
                f"{f.baseline:.3f} {f.unit}: {f.baseline_name}",
                f"{f.ratio:.2f}",
                f.target,
            )
        console.print(table)
        load = ", ".join(f"{x:.2f}" for x in result.load_average)
        console.print(
            f"{result.schools} schools, {result.documents} documents, {result.pages} pages, "
            f"{result.passages} passages, {result.storage_bytes / (1 << 20):.1f} MiB stored; "
            f"load average {load}"
        )
        units = Table("per-unit cost", "value", title="for projecting (docs/scaling.md)")
        for name, value in result.per_unit.items():
            units.add_row(name, f"{value:.4g}")
        console.print(units)
        national = project(result.per_unit, schools=project_schools)
        need = Table("need", "value", title=f"projected: {project_schools:,} schools")
        for name, value in national.model_dump().items():
            need.add_row(name, f"{value:,.1f}" if isinstance(value, float) else f"{value:,}")
        console.print(need)
