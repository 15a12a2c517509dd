"""Documents remember where they were ingested from, and name stored files relative to the
data dir, so a data dir can be moved.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_documents = sa.table("documents", sa.column("id", sa.Integer), sa.column("file_path", sa.String))


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("origin", sa.String(length=1000), nullable=True))
    connection = op.get_bind()
    rows = connection.execute(sa.select(_documents.c.id, _documents.c.file_path)).all()
    for row in rows:
        relative = _relative(row.file_path)
        if relative != row.file_path:
            connection.execute(
                _documents.update().where(_documents.c.id == row.id).values(file_path=relative)
            )


def _relative(path: str) -> str:
    # Stored copies always live at <data dir>/files/<xx>/<sha256>.<ext>.
    parts = path.replace("\\", "/").split("/")
    if len(parts) >= 3 and parts[-3] == "files":
        return "/".join(parts[-3:])
    return path


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("origin")
