"""`triage eval FOLDER`: measure extraction and categorisation on a gold-labelled corpus."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import TaskID

from triage.cli import app
from triage.cli.common import console, handle_errors, progress_bar, settings_from, shown


@app.command("eval")
def eval_command(
    ctx: typer.Context,
    folder: Annotated[
        Path, typer.Argument(help="A corpus folder with a triage-eval/1 manifest.yaml")
    ],
    framework: Annotated[
        str, typer.Option(help="Framework id to evaluate, or 'all' for every one with gold labels")
    ] = "all",
    extractor: Annotated[
        str, typer.Option(help="Passage judge by name: rules (default), or llm with a provider set")
    ] = "rules",
    json_path: Annotated[
        Path | None, typer.Option("--json", help="Write the full report as JSON to this path")
    ] = None,
    html_path: Annotated[
        Path | None, typer.Option("--html", help="Write an HTML report with plots and every miss")
    ] = None,
    compare: Annotated[
        bool, typer.Option("--compare", help="Also run dense-only, BM25-only and a naive RAG")
    ] = False,
    repeats: Annotated[
        int, typer.Option(min=1, help="Runs of the default configuration, for stability")
    ] = 2,
) -> None:
    """Ingest FOLDER into a temporary data dir, propose for every school, report the metrics."""
    from eval.report import print_report, render_html
    from eval.runner import run_eval

    with handle_errors():
        with stage_bars() as show:
            report = run_eval(
                folder,
                framework=framework,
                extractor=extractor,
                compare=compare,
                repeats=repeats,
                settings=settings_from(ctx),
                progress=show,
            )
        print_report(report, console)
        for path in (json_path, html_path):
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
        if json_path is not None:
            json_path.write_text(json.dumps(report, indent=2, default=str) + "\n")
            console.print(f"JSON report: {shown(json_path)}")
        if html_path is not None:
            html_path.write_text(render_html(report), encoding="utf-8")
            console.print(f"HTML report: {shown(html_path)}")


@contextmanager
def stage_bars() -> Iterator[Callable[[str, int, int], None]]:
    """One progress bar per stage (ingest, each configuration's proposals, its traps). The bars
    start with the first stage, so an error in the manifest stays a single line."""
    bar = progress_bar()
    tasks: dict[str, TaskID] = {}

    def show(stage: str, done: int, total: int) -> None:
        if not tasks:
            bar.start()
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total)
        bar.update(tasks[stage], completed=done, total=total)

    try:
        yield show
    finally:
        bar.stop()
