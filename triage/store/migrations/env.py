"""Alembic's entry point: run the migrations on the connection triage.store.schema hands over."""

from __future__ import annotations

from alembic import context

from triage.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "triage's migrations run through `triage db upgrade` (triage.store.schema), which hands "
        "them a connection; the alembic command line is not set up for them"
    )
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite alters a table by copying it; batch mode writes migrations that work on both.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
