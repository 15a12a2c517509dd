"""The append-only, hash-chained audit log.

Each entry's hash is SHA-256 over the previous entry's hash and the canonical JSON of its own
content (number, time, actor, action, school, subject, detail), so an edited, deleted or
reordered entry breaks the chain at that point. The head row names the newest entry, so a
deleted tail is found too. Appending locks the head row until the transaction commits: an entry
commits with the change it records, or neither does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from triage.store import Store
from triage.store.record import AuditEntry, AuditHead

GENESIS = "0" * 64
_HEAD = 1


class AuditVerdict(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ok: bool
    entries: int
    first_bad: int | None = None
    problem: str | None = None


def canonical(content: dict[str, Any]) -> str:
    """Sorted keys, no spaces, UTF-8 kept: the same content is always the same bytes."""
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(prev_hash: str, content: dict[str, Any]) -> str:
    return hashlib.sha256((prev_hash + canonical(content)).encode("utf-8")).hexdigest()


def _content(entry: AuditEntry) -> dict[str, Any]:
    return {
        "seq": entry.id,
        "at": entry.at,
        "actor": entry.actor,
        "action": entry.action,
        "school": entry.school_urn,
        "subject": entry.subject,
        "detail": json.loads(entry.detail),
    }


def append(
    session: Session,
    action: str,
    *,
    actor: str = "",
    school: str | None = None,
    subject: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Add an entry in the caller's transaction; it commits (or not) with the caller's change."""
    # The UPDATE comes first: it takes the row (PostgreSQL) or database (SQLite) write lock
    # that the read of the head below then holds until commit.
    bumped = session.execute(
        update(AuditHead).where(AuditHead.id == _HEAD).values(seq=AuditHead.seq + 1)
    )
    if not bumped.rowcount:  # type: ignore[attr-defined]
        session.add(AuditHead(id=_HEAD, seq=1, hash=GENESIS))
        session.flush()
    head = session.get(AuditHead, _HEAD, populate_existing=True)
    assert head is not None
    entry = AuditEntry(
        id=head.seq,
        at=dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
        actor=actor,
        action=action,
        school_urn=school,
        subject=subject,
        detail=canonical(detail or {}),
        prev_hash=head.hash,
    )
    entry.hash = entry_hash(head.hash, _content(entry))
    head.hash = entry.hash
    session.add(entry)
    session.flush()
    return entry


def record(store: Store, action: str, **fields: Any) -> None:
    """Append an entry in a transaction of its own (for events whose request fails)."""
    with store.session() as session:
        append(session, action, **fields)


def entries(
    session: Session, *, school: str | None = None, limit: int = 100, before: int | None = None
) -> list[AuditEntry]:
    """Newest first, optionally for one school, paged by entry number."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if school is not None:
        query = query.where(AuditEntry.school_urn == school)
    if before is not None:
        query = query.where(AuditEntry.id < before)
    return list(session.scalars(query))


def _in_order(session: Session) -> Iterator[AuditEntry]:
    yield from session.scalars(
        select(AuditEntry).order_by(AuditEntry.id).execution_options(yield_per=500)
    )


def verify(session: Session) -> AuditVerdict:
    """Walk the chain from the start; name the first entry that does not follow."""
    prev, count = GENESIS, 0
    for entry in _in_order(session):
        count += 1
        if entry.id != count:
            return _bad(count, entry.id, f"entry {count} is missing (found {entry.id} next)")
        if entry.prev_hash != prev:
            return _bad(count, entry.id, f"entry {entry.id} does not follow entry {count - 1}")
        if entry_hash(prev, _content(entry)) != entry.hash:
            return _bad(count, entry.id, f"entry {entry.id} was changed after it was written")
        prev = entry.hash
    head = session.get(AuditHead, _HEAD)
    if head is not None and (head.seq != count or head.hash != prev):
        return _bad(
            count, count + 1, f"entries after {count} are missing (the head names entry {head.seq})"
        )
    return AuditVerdict(ok=True, entries=count)


def _bad(count: int, first_bad: int, problem: str) -> AuditVerdict:
    return AuditVerdict(ok=False, entries=count, first_bad=first_bad, problem=problem)
