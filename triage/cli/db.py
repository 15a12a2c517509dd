"""`triage db ...`: the database schema, migrated by the Alembic revisions in the package."""

from __future__ import annotations

import typer

from triage.cli import db_app
from triage.cli.common import console, handle_errors, settings_from
from triage.runtime import open_store
from triage.store.database import database_errors
from triage.store.schema import schema_state, upgrade_schema


@db_app.command("upgrade")
def upgrade_command(ctx: typer.Context) -> None:
    """Migrate the database to the schema this triage needs (back it up first).

    Example: triage db upgrade
    """
    with handle_errors(), open_store(settings_from(ctx)) as store:
        with database_errors(store.engine):
            before, after = upgrade_schema(store.engine)
        if before == after:
            console.print(f"the database is at schema revision {after}, the newest; nothing to do")
        else:
            was = before or "no revision"
            console.print(f"[green]migrated the database from {was} to {after}[/]")


@db_app.command("status")
def status_command(ctx: typer.Context) -> None:
    """Show the database's schema revision and the one this triage needs.

    Example: triage db status
    """
    with handle_errors(), open_store(settings_from(ctx)) as store:
        with database_errors(store.engine):
            state = schema_state(store.engine)
        console.print(f"database: {store.engine.url.render_as_string(hide_password=True)}")
        console.print(f"schema revision {state.current or 'none'}; this triage needs {state.head}")
        if not state.up_to_date:
            console.print("[yellow]run `triage db upgrade` (after a backup) to migrate it[/]")
            raise typer.Exit(1)
