"""The sentences each school's documents hold, by key: template text is what many schools share.

Ingest records the keys of a document's sentences for its school (`record_keys`); a proposal's
snapshot reads which of the school's keys are held by enough schools to be template
(`shared_keys`). Keys only ever accumulate: a superseded document's sentences were still written.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from triage.store.models import SentenceKey

_BATCH = 500


def record_keys(session: Session, urn: str, keys: Iterable[str]) -> None:
    """Record that the school's documents hold these sentences (once each; safe to repeat, and
    against another process recording the same keys)."""
    rows = [{"key": key, "school_urn": urn} for key in sorted(set(keys))]
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    for start in range(0, len(rows), _BATCH):
        statement = insert(SentenceKey).values(rows[start : start + _BATCH])
        session.execute(statement.on_conflict_do_nothing())


def shared_keys(session: Session, urn: str, *, min_schools: int) -> list[str]:
    """The keys of the school's sentences that at least `min_schools` schools hold, sorted."""
    own = select(SentenceKey.key).where(SentenceKey.school_urn == urn)
    query = (
        select(SentenceKey.key)
        .where(SentenceKey.key.in_(own))
        .group_by(SentenceKey.key)
        .having(func.count(SentenceKey.school_urn) >= min_schools)
        .order_by(SentenceKey.key)
    )
    return list(session.scalars(query))
