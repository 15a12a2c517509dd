"""Hybrid retrieval: dense (Chroma) and sparse (BM25) fused by reciprocal rank, per school."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict
from sqlalchemy import select

from triage.runtime import Runtime
from triage.store.models import Document, Passage
from triage.store.queries import get_school

RetrievalMode = Literal["hybrid", "dense", "sparse"]


class RetrievedPassage(BaseModel):
    """A passage found for a query, with everything needed to cite it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    passage_id: int
    document_id: int
    document: str
    kind: str
    date: dt.date | None
    page: int | None
    section: str | None
    start: int
    end: int
    text: str
    score: float

    @classmethod
    def of(cls, passage: Passage, document: Document, score: float = 0.0) -> RetrievedPassage:
        """A stored passage with its document, as a citable result."""
        return cls(
            passage_id=passage.id,
            document_id=document.id,
            document=document.source,
            kind=document.kind,
            date=document.date,
            page=passage.page,
            section=passage.section,
            start=passage.start,
            end=passage.end,
            text=passage.text,
            score=score,
        )


def retrieve_passages(
    runtime: Runtime,
    urn: str,
    query: str,
    *,
    k: int | None = None,
    mode: RetrievalMode = "hybrid",
    kinds: list[str] | None = None,
) -> list[RetrievedPassage]:
    """The school's best passages for `query`; other schools' passages are never candidates."""
    settings = runtime.settings.retrieval
    k = k or settings.k
    with runtime.store.session() as session:
        get_school(session, urn)
    ranked = ranked_passage_ids(runtime, urn, query, mode=mode, kinds=kinds, k=k)
    return _load(runtime, urn, ranked, kinds)


def ranked_passage_ids(
    runtime: Runtime,
    urn: str,
    query: str,
    *,
    k: int,
    mode: RetrievalMode = "hybrid",
    kinds: list[str] | None = None,
    dense: list[tuple[int, float]] | None = None,
    sparse: list[tuple[int, float]] | None = None,
) -> list[tuple[int, float]]:
    """The ids (and fused scores) of the school's `k` best passages for `query`, best first.

    Straight from the index: a caller that holds the passages maps the ids itself; an id whose
    passage it does not hold is the index running ahead of the database. `dense` and `sparse`
    are the rankings when the caller searched many queries at once (`Index.query_dense_many`,
    `Index.query_sparse_many`).
    """
    n = max(k, runtime.settings.retrieval.candidates)
    ranked = _ranked_ids(
        runtime, urn, query, mode=mode, kinds=kinds, n=n, dense=dense, sparse=sparse
    )
    return ranked[:k]


def _ranked_ids(
    runtime: Runtime,
    urn: str,
    query: str,
    *,
    mode: RetrievalMode,
    kinds: list[str] | None,
    n: int,
    dense: list[tuple[int, float]] | None = None,
    sparse: list[tuple[int, float]] | None = None,
) -> list[tuple[int, float]]:
    index = runtime.index
    if dense is None:
        dense = index.query_dense(urn, query, n=n, kinds=kinds) if mode != "sparse" else []
    if sparse is None:
        sparse = index.query_sparse(urn, query, n=n) if mode != "dense" else []
    if mode == "dense":
        return dense
    if mode == "sparse":
        return sparse
    return fuse_rankings([dense, sparse], k=runtime.settings.retrieval.rrf_k)


def fuse_rankings(rankings: list[list[tuple[int, float]]], *, k: int) -> list[tuple[int, float]]:
    """Reciprocal rank fusion; ties broken by id so results are deterministic."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, (passage_id, _) in enumerate(ranking, start=1):
            scores[passage_id] = scores.get(passage_id, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


def _load(
    runtime: Runtime, urn: str, ranked: list[tuple[int, float]], kinds: list[str] | None
) -> list[RetrievedPassage]:
    if not ranked:
        return []
    with runtime.store.session() as session:
        rows = session.execute(
            select(Passage, Document)
            .join(Document, Passage.document_id == Document.id)
            .where(
                Passage.id.in_([i for i, _ in ranked]),
                Document.school_urn == urn,
                Document.status == "current",
            )
        ).all()
    found = {passage.id: (passage, document) for passage, document in rows}
    results = []
    for passage_id, score in ranked:
        if passage_id not in found:
            continue  # the index is ahead of the database; `triage doctor` reports it
        passage, document = found[passage_id]
        if kinds and document.kind not in kinds:
            continue
        results.append(RetrievedPassage.of(passage, document, round(score, 6)))
    return results
