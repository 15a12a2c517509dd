"""Sentence keys: a sentence found in several schools' documents is template text.

Each school's sentences are recorded by key (triage.extract.judges.template) as documents are
ingested; the upgrade records the keys of the passages already stored, so a database made
before it tells template text by repetition at once.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sentence_keys",
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.Column("school_urn", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["school_urn"], ["schools.urn"]),
        sa.PrimaryKeyConstraint("key", "school_urn"),
    )
    with op.batch_alter_table("sentence_keys", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sentence_keys_school_urn"), ["school_urn"], unique=False
        )
    _record_stored_passages()


def _record_stored_passages() -> None:
    from triage.extract.judges.template import sentence_keys

    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT documents.school_urn, passages.text, passages.section FROM passages "
            "JOIN documents ON documents.id = passages.document_id "
            "WHERE documents.kind != 'indicators'"
        )
    )
    pairs = {(key, urn) for urn, text, section in rows for key in sentence_keys(text, section)}
    if pairs:
        table = sa.table("sentence_keys", sa.column("key"), sa.column("school_urn"))
        op.bulk_insert(table, [{"key": k, "school_urn": u} for k, u in sorted(pairs)])


def downgrade() -> None:
    with op.batch_alter_table("sentence_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sentence_keys_school_urn"))
    op.drop_table("sentence_keys")
