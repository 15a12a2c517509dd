"""The `triage` command. Each area registers its commands on `app` from its own module."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from triage import __version__
from triage.settings import get_settings

app = typer.Typer(
    name="triage",
    help="Evidence triage for school improvement teams: ingest, search, propose, ask, evaluate.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
bench_app = typer.Typer(help="Benchmarks: each reports a ratio against a baseline in the same run.")
app.add_typer(bench_app, name="bench")
db_app = typer.Typer(help="The database schema: see its revision, migrate it.")
app.add_typer(db_app, name="db")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"triage {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            help="Where all state lives (default: TRIAGE_DATA_DIR or ~/.local/share/triage)"
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version")
    ] = False,
) -> None:
    """Evidence triage for local-authority school improvement teams."""
    settings = get_settings()
    if data_dir is not None:
        settings = settings.model_copy(update={"data_dir": data_dir})
    ctx.obj = settings


# Registration by import: each module adds its commands to `app` or `bench_app`.
from triage.cli import (  # noqa: E402,F401
    ask,
    backup,
    bench,
    db,
    eval,
    frameworks,
    ingest,
    jobs,
    propose,
    service,
)
