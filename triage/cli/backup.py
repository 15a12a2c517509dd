"""`triage backup PATH` and `triage restore PATH`: the record and the original files, out and
back; the index is rebuilt from the restored database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from triage.cli import app
from triage.cli.common import console, errors, handle_errors, progress_bar, settings_from
from triage.decide import audit
from triage.index.drift import rebuild_index
from triage.runtime import open_runtime
from triage.store import Store
from triage.store.backup import restore_backup, write_backup

CLI_ACTOR = "cli"


@app.command("backup")
def backup_command(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="The backup file to write (a tar)", dir_okay=False)],
) -> None:
    """Back up the database (one consistent snapshot, while the service runs) and every
    original file into one file; checksums of every part go with it.

    Example: triage backup /backups/triage-2026-12-01.tar
    """
    settings = settings_from(ctx)
    with handle_errors(), open_runtime(settings) as runtime:
        manifest = write_backup(runtime.store.engine, path, data_dir=settings.data_path)
        rows = sum(manifest.tables.values())
        audit.record(
            runtime.store,
            "backup",
            actor=CLI_ACTOR,
            subject=path.name,
            detail={"rows": rows, "files": manifest.files, "schema": manifest.schema_revision},
        )
        console.print(
            f"[green]backed up {rows} rows of {len(manifest.tables)} tables and "
            f"{manifest.files} files to {path}[/] (schema {manifest.schema_revision})"
        )


@app.command("restore")
def restore_command(
    ctx: typer.Context,
    path: Annotated[
        Path, typer.Argument(help="A file `triage backup` wrote", exists=True, dir_okay=False)
    ],
) -> None:
    """Restore a backup into an empty data dir (and, for PostgreSQL, an empty database), then
    rebuild the index from it. Refused, changing nothing, where there is data already.

    Example: triage --data-dir /srv/triage-restored restore /backups/triage-2026-12-01.tar
    """
    settings = settings_from(ctx)
    with handle_errors():
        settings.data_path.mkdir(parents=True, exist_ok=True)
        store = Store(settings.db_url)
        try:
            manifest = restore_backup(
                store.engine,
                path,
                data_dir=settings.data_path,
                on_table=lambda name, rows: errors.print(f"restored {name}: {rows} rows"),
            )
        finally:
            store.close()
        with open_runtime(settings) as runtime:
            with progress_bar(transient=True) as progress:
                task = progress.add_task("rebuilding the index", total=None)
                passages = rebuild_index(
                    runtime,
                    on_progress=lambda done, total: progress.update(
                        task, completed=done, total=total
                    ),
                )
            audit.record(
                runtime.store,
                "restore",
                actor=CLI_ACTOR,
                subject=path.name,
                detail={"created_at": manifest.created_at, "schema": manifest.schema_revision},
            )
        console.print(
            f"[green]restored {sum(manifest.tables.values())} rows and {manifest.files} files "
            f"from {path} (made {manifest.created_at}); index rebuilt: {passages} passages[/]"
        )
