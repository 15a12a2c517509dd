"""Drift between the database (the record) and the derived index: find it, repair it, rebuild."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from triage.index.indexes import IndexedPassage
from triage.intake.ingestion import indexed_passage
from triage.runtime import Runtime
from triage.store.models import School
from triage.store.queries import passages_by_id, school_passages


class Drift(BaseModel):
    model_config = ConfigDict(extra="forbid")

    passages: int = Field(description="Passages of current documents in the database")
    missing_dense: list[int] = Field(default_factory=list, description="In DB, not in Chroma")
    extra_dense: list[int] = Field(default_factory=list, description="In Chroma, not in DB")
    stale_sparse: list[str] = Field(default_factory=list, description="Schools whose BM25 differs")
    stray_sparse: list[str] = Field(
        default_factory=list, description="Keyword index directories no URN maps to"
    )

    @property
    def clean(self) -> bool:
        return not (
            self.missing_dense or self.extra_dense or self.stale_sparse or self.stray_sparse
        )


def find_drift(runtime: Runtime) -> Drift:
    """Compare the passages of current documents with what both indexes hold."""
    expected = _expected(runtime)
    held = runtime.index.dense_ids()
    all_ids = {pid for ids in expected.values() for pid in ids}
    stale = [
        urn
        for urn in sorted(set(expected) | set(runtime.index.sparse_schools()))
        if runtime.index.sparse_ids(urn) != expected.get(urn, set())
    ]
    return Drift(
        passages=len(all_ids),
        missing_dense=sorted(all_ids - held),
        extra_dense=sorted(held - all_ids),
        stale_sparse=stale,
        stray_sparse=sorted(p.name for p in runtime.index.keywords.strays()),
    )


def repair_drift(runtime: Runtime, drift: Drift) -> None:
    """Add what is missing, delete what is extra, rebuild stale keyword indexes."""
    runtime.index.delete(drift.extra_dense)
    if drift.stray_sparse:
        runtime.index.keywords.remove_strays()
    if drift.missing_dense:
        runtime.index.add(_indexed(runtime, drift.missing_dense))
    with runtime.store.session() as session:
        for urn in drift.stale_sparse:
            rows = school_passages(session, urn)
            runtime.index.rebuild_sparse(urn, [(p.id, p.text) for p, _ in rows])


def rebuild_index(
    runtime: Runtime, *, on_progress: Callable[[int, int], None] | None = None
) -> int:
    """Drop the index and rebuild it from the database; returns the passages indexed."""
    runtime.index.reset()
    expected = _expected(runtime)
    ids = sorted(pid for pids in expected.values() for pid in pids)
    for begin in range(0, len(ids), 256):
        runtime.index.add(_indexed(runtime, ids[begin : begin + 256]))
        if on_progress:
            on_progress(min(begin + 256, len(ids)), len(ids))
    with runtime.store.session() as session:
        for urn in expected:
            rows = school_passages(session, urn)
            runtime.index.rebuild_sparse(urn, [(p.id, p.text) for p, _ in rows])
    return len(ids)


def _expected(runtime: Runtime) -> dict[str, set[int]]:
    with runtime.store.session() as session:
        urns = list(session.scalars(select(School.urn)))
        return {urn: {p.id for p, _ in school_passages(session, urn)} for urn in urns}


def _indexed(runtime: Runtime, ids: list[int]) -> list[IndexedPassage]:
    with runtime.store.session() as session:
        return [indexed_passage(p, d) for p, d in passages_by_id(session, ids)]
