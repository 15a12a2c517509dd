"""The index as jobs: rebuild every school's vectors and keywords from the database, a school
a step, so several workers share the embedding; and keep a worker's own keyword index fresh.

The keyword index lives in each process's data dir (a worker on another machine has its own), so
before it reads a school a worker compares the passages its copy holds with the database's and
rebuilds its copy when they differ: the database is the record, every index is derived.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from triage.intake.ingestion import indexed_passage
from triage.jobs.queue import JobTicket, Record, create_job, job_kind
from triage.runtime import Runtime
from triage.store.models import School
from triage.store.queries import school_passages
from triage.store.record import JobRecord

REINDEX = "reindex"


def create_reindex(session: Session) -> JobRecord:
    """A job rebuilding the index of every school, from the database."""
    schools = sorted(session.scalars(select(School.urn)))
    return create_job(session, kind=REINDEX, owner=None, params={}, items=schools)


@job_kind(REINDEX)
def reindex_school(runtime: Runtime, job: JobTicket, urn: str) -> Record:
    """Embed the school's current passages again, drop vectors it no longer has, rebuild its
    keyword index. Safe to repeat: the result is the same however often it runs."""
    with runtime.store.session() as session:
        rows = school_passages(session, urn)
        passages = [indexed_passage(passage, document) for passage, document in rows]
    expected = {p.id for p in passages}
    runtime.index.delete(sorted(runtime.index.dense_ids(urn) - expected))
    if passages:
        runtime.index.add(passages)
    runtime.index.rebuild_sparse(urn, [(p.id, p.text) for p in passages])

    def record(_session: Session) -> dict[str, Any]:
        return {"school": urn, "passages": len(passages)}

    return record


def fresh_keywords(runtime: Runtime, urn: str) -> bool:
    """Rebuild this process's keyword index of the school if it differs from the database's
    passages; True if it did."""
    with runtime.store.session() as session:
        rows = school_passages(session, urn)
        passages = [(passage.id, passage.text) for passage, _ in rows]
    if runtime.index.sparse_ids(urn) == {i for i, _ in passages}:
        return False
    runtime.index.rebuild_sparse(urn, passages)
    return True
