"""Synthetic replicas of ingested schools, made in the store and the index directly.

A replica is a school of its own (its own URN, documents, pages and passages) whose passages carry
the vectors their originals were embedded with, so an index of 100,000 passages is built without
embedding any text again. Used by `triage bench scale` for answer latency at size.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select

from triage.index.indexes import IndexedPassage
from triage.runtime import Runtime
from triage.store.models import Document, Page, Passage, School


@dataclass(frozen=True)
class SchoolCopy:
    """One school's current documents as rows, with each passage's vector."""

    urn: str
    documents: list[dict[str, Any]]
    pages: list[dict[str, Any]]
    passages: list[dict[str, Any]]
    vectors: dict[int, list[float]]


def read_schools(runtime: Runtime) -> list[SchoolCopy]:
    """Every school's current documents, pages and passages, and the passages' stored vectors."""
    copies = []
    with runtime.store.session() as session:
        urns = sorted(session.scalars(select(School.urn)))
        for urn in urns:
            documents = list(
                session.scalars(
                    select(Document).where(
                        Document.school_urn == urn, Document.status == "current"
                    )
                )
            )
            passages = [_row(p) for d in documents for p in d.passages]
            copies.append(
                SchoolCopy(
                    urn=urn,
                    documents=[_row(d) for d in documents],
                    pages=[_row(p) for d in documents for p in d.pages],
                    passages=passages,
                    vectors=runtime.index.stored_vectors([p["id"] for p in passages]),
                )
            )
    return copies


def replicate_passages(runtime: Runtime, schools: list[SchoolCopy], *, total: int) -> int:
    """Add replicas of `schools`, whole schools in turn, until `runtime` holds at least `total`
    passages; return how many it holds."""
    with runtime.store.session() as session:
        held = session.scalar(select(func.count(Passage.id))) or 0
        made = session.scalar(select(func.count(School.urn))) or 0
    while held < total:
        batch: list[tuple[SchoolCopy, str]] = []
        while held < total and len(batch) < REPLICAS_PER_WRITE:
            source = schools[made % len(schools)]
            batch.append((source, f"{source.urn}c{made}"))
            held += len(source.passages)
            made += 1
        _replicate(runtime, batch)
    return held


REPLICAS_PER_WRITE = 200  # schools per transaction and vector upsert


def _replicate(runtime: Runtime, batch: list[tuple[SchoolCopy, str]]) -> None:
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows: dict[str, list[dict[str, Any]]] = {"schools": [], "documents": [], "pages": []}
    rows["passages"] = []
    indexed: list[IndexedPassage] = []
    vectors: list[list[float]] = []
    with runtime.store.session() as session:
        next_document = (session.scalar(select(func.max(Document.id))) or 0) + 1
        next_passage = (session.scalar(select(func.max(Passage.id))) or 0) + 1
        next_page = (session.scalar(select(func.max(Page.id))) or 0) + 1
        for source, urn in batch:
            document_ids = {d["id"]: next_document + i for i, d in enumerate(source.documents)}
            next_document += len(source.documents)
            kinds = {d["id"]: d["kind"] for d in source.documents}
            rows["schools"].append({"urn": urn})
            rows["documents"] += [
                {**d, "id": document_ids[d["id"]], "school_urn": urn, "created_at": now}
                for d in source.documents
            ]
            for page in source.pages:
                rows["pages"].append(
                    {**page, "id": next_page, "document_id": document_ids[page["document_id"]]}
                )
                next_page += 1
            for passage in source.passages:
                document_id = document_ids[passage["document_id"]]
                rows["passages"].append(
                    {**passage, "id": next_passage, "document_id": document_id}
                )
                indexed.append(
                    IndexedPassage(
                        id=next_passage,
                        school=urn,
                        document_id=document_id,
                        kind=kinds[passage["document_id"]],
                        page=passage["page"],
                        text=passage["text"],
                    )
                )
                vectors.append(source.vectors[passage["id"]])
                next_passage += 1
        for model, name in ((School, "schools"), (Document, "documents"), (Page, "pages")):
            session.execute(insert(model), rows[name])
        session.execute(insert(Passage), rows["passages"])
    runtime.index.upsert(indexed, vectors)
    by_school: dict[str, list[tuple[int, str]]] = {}
    for entry in indexed:
        by_school.setdefault(entry.school, []).append((entry.id, entry.text))
    for urn, passages in by_school.items():
        runtime.index.rebuild_sparse(urn, passages)


def _row(record: Any) -> dict[str, Any]:
    return {c.key: getattr(record, c.key) for c in record.__table__.columns}
