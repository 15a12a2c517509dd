"""Jobs as steps: one row per item done, written with what the step changed.

A job's results move from one JSON column on the job (rewritten by whichever process ran it)
to `job_steps`, one row per item, unique per job and item, so workers on several machines
record steps of one job without overwriting each other, and a step run twice is found done.
A job an operator starts from the command line has no owner.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "job_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.String(length=32), nullable=False),
        sa.Column("item", sa.String(length=64), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("worker", sa.String(length=200), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("job_id", "item", name="uq_job_steps_job_item"),
    )
    op.create_index(op.f("ix_job_steps_job_id"), "job_steps", ["job_id"], unique=False)
    with op.batch_alter_table("jobs") as batch:
        batch.alter_column("owner_id", existing_type=sa.Integer(), nullable=True)
        batch.drop_column("result")


def downgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(sa.Column("result", sa.Text(), nullable=False, server_default="[]"))
        batch.alter_column("owner_id", existing_type=sa.Integer(), nullable=False)
    op.drop_index(op.f("ix_job_steps_job_id"), table_name="job_steps")
    op.drop_table("job_steps")
