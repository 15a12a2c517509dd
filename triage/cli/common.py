"""What every command shares: the console, settings from the context, one-line errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

from ingest.errors import IngestError
from prompts import PromptError
from triage.errors import TriageError
from triage.settings import Settings, get_settings

console = Console()
errors = Console(stderr=True)


def settings_from(ctx: typer.Context) -> Settings:
    """The settings the root command prepared (honouring --data-dir), or the environment's."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else get_settings()


@contextmanager
def handle_errors() -> Iterator[None]:
    """Show errors a user can cause as one line, with no traceback, and exit non-zero."""
    try:
        yield
    except (TriageError, IngestError, PromptError) as exc:
        errors.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        errors.print("[yellow]interrupted[/]")
        raise typer.Exit(130) from None


def progress_bar(*, transient: bool = False) -> Progress:
    """A rich progress bar on stderr, so --json output on stdout stays clean."""
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=errors,
        transient=transient,
    )
