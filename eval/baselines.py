"""What `triage eval --compare` runs side by side: the product and the baselines it must beat.

Every configuration is a proposer: given a school and a framework it returns a Proposal, and it can
run with some passages excluded (how an injection trap is checked). The product runs with each
retrieval mode; the naive LangChain RAG takes the top passages by similarity for each
characteristic and credits each with the characteristic's level, with no stance judgement.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import select

from triage.extract.models import EvidenceItem, Proposal
from triage.frameworks.loader import load_framework
from triage.frameworks.schema import Framework
from triage.index.indexes import IndexedPassage
from triage.intake.ingestion import indexed_passage, rebuild_sparse
from triage.runtime import Runtime
from triage.store.models import Document, Passage
from triage.store.queries import passages_by_id

NAIVE_K = 3  # passages taken per characteristic by the naive RAG


class Proposer(Protocol):
    name: str
    label: str

    def propose(self, runtime: Runtime, urn: str, framework_id: str) -> Proposal: ...

    def excluding(
        self, runtime: Runtime, urn: str, passage_ids: set[int]
    ) -> Any:  # a context manager
        ...


@dataclass
class SystemProposer:
    """The product's own pipeline with one extractor and one retrieval mode."""

    name: str
    label: str
    extractor: str = "rules"
    retrieval_mode: str = "hybrid"

    def propose(self, runtime: Runtime, urn: str, framework_id: str) -> Proposal:
        from triage.decide.proposals import propose

        return propose(
            runtime,
            urn,
            framework_id,
            extractor=self.extractor,
            retrieval_mode=self.retrieval_mode,  # type: ignore[arg-type]
            store=False,
        )

    def excluding(self, runtime: Runtime, urn: str, passage_ids: set[int]) -> Any:
        return excluded_passages(runtime, urn, passage_ids)


@contextmanager
def excluded_passages(runtime: Runtime, urn: str, passage_ids: set[int]) -> Iterator[None]:
    """Take passages out of the (temporary) store and index, and put them back afterwards."""
    if not passage_ids:
        yield
        return
    saved: list[tuple[dict[str, Any], IndexedPassage]] = []
    with runtime.store.session() as session:
        for passage, document in passages_by_id(session, sorted(passage_ids)):
            saved.append((_columns(passage), indexed_passage(passage, document)))
            session.delete(passage)
        session.flush()
        rebuild_sparse(runtime, session, urn)
    runtime.index.delete(sorted(passage_ids))
    try:
        yield
    finally:
        with runtime.store.session() as session:
            for columns, _ in saved:
                session.add(Passage(**columns))
            session.flush()
            rebuild_sparse(runtime, session, urn)
        runtime.index.add([indexed for _, indexed in saved])


def _columns(passage: Passage) -> dict[str, Any]:
    names = ("id", "document_id", "ordinal", "page", "section", "start", "end", "text")
    return {name: getattr(passage, name) for name in names}


# -- the naive LangChain RAG --------------------------------------------------------------------


class _PackagedEmbeddings:
    """LangChain's Embeddings interface over the model the product ships with."""

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        from triage.index.embeddings import embed_texts

        return embed_texts(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


@dataclass
class NaiveRagProposer:
    """Top-k passages by similarity per characteristic, each credited with its level, no stance."""

    name: str = "naive-rag"
    label: str = "naive LangChain RAG (top-k similarity, no stance)"
    k: int = NAIVE_K
    _store: Any = None
    _excluded: set[int] = field(default_factory=set)
    _frameworks: dict[str, Framework] = field(default_factory=dict)
    _vectors: dict[str, list[list[float]]] = field(default_factory=dict)

    def propose(self, runtime: Runtime, urn: str, framework_id: str) -> Proposal:
        framework = self._framework(framework_id)
        store = self._vectorstore(runtime)
        vectors = self._queries(framework)
        items = []
        for characteristic, vector in zip(framework.characteristics, vectors, strict=True):
            hits = store.similarity_search_by_vector_with_relevance_scores(
                vector, k=self.k + len(self._excluded), filter={"school": urn}
            )
            kept = [h for h in hits if int(h[0].metadata["passage_id"]) not in self._excluded]
            items += [_naive_item(characteristic, doc, score) for doc, score in kept[: self.k]]
        return naive_score(framework, urn, items)

    @contextmanager
    def excluding(self, runtime: Runtime, urn: str, passage_ids: set[int]) -> Iterator[None]:
        self._excluded = set(passage_ids)
        try:
            yield
        finally:
            self._excluded = set()

    def _framework(self, framework_id: str) -> Framework:
        if framework_id not in self._frameworks:
            self._frameworks[framework_id] = load_framework(framework_id)
        return self._frameworks[framework_id]

    def _queries(self, framework: Framework) -> list[list[float]]:
        """One query per characteristic (its words and hints), embedded once per framework."""
        if framework.id not in self._vectors:
            texts = [f"{c.text} {' '.join(c.hints)}" for c in framework.characteristics]
            self._vectors[framework.id] = _PackagedEmbeddings().embed_documents(texts)
        return self._vectors[framework.id]

    def _vectorstore(self, runtime: Runtime) -> Any:
        if self._store is None:
            self._store = build_naive_store(runtime)
        return self._store


def build_naive_store(runtime: Runtime) -> Any:
    """A langchain_chroma store over the same passages, in the eval's temporary data dir."""
    from langchain_chroma import Chroma
    from langchain_core.documents import Document as LCDocument

    with runtime.store.session() as session:
        rows = session.execute(
            select(Passage, Document)
            .join(Document, Passage.document_id == Document.id)
            .where(Document.status == "current")
            .order_by(Passage.id)
        ).all()
        docs = [
            LCDocument(
                page_content=passage.text,
                metadata={
                    "school": document.school_urn,
                    "passage_id": passage.id,
                    "document": document.source,
                    "kind": document.kind,
                    "page": passage.page if passage.page is not None else -1,
                    "date": document.date.isoformat() if document.date else "",
                },
            )
            for passage, document in rows
        ]
    store = Chroma(
        collection_name="naive_rag",
        embedding_function=_PackagedEmbeddings(),  # type: ignore[arg-type]
        persist_directory=str(runtime.settings.data_path / "naive_rag"),
        collection_configuration={"hnsw": {"space": "cosine"}},
    )
    if docs:
        store.add_documents(docs, ids=[str(d.metadata["passage_id"]) for d in docs])
    return store


def _naive_item(characteristic: Any, doc: Any, score: float) -> EvidenceItem:
    import datetime as dt

    meta = doc.metadata
    return EvidenceItem(
        characteristic=characteristic.id,
        aspect=characteristic.aspect,
        level=characteristic.level,
        stance="supports",
        confidence=max(0.0, min(1.0, float(score))),
        document=meta["document"],
        document_kind=meta["kind"],
        page=None if meta["page"] == -1 else int(meta["page"]),
        quote=doc.page_content,
        date=dt.date.fromisoformat(meta["date"]) if meta["date"] else None,
        extractor="naive-rag",
        weight=max(0.0, float(score)),
        passage_id=int(meta["passage_id"]),
    )


def naive_score(framework: Framework, urn: str, items: list[EvidenceItem]) -> Proposal:
    """Best fit by similarity: each category scores the mean relevance of its characteristics'
    passages; no stance, no limiting rules, no recency or authority."""
    by_category: dict[str, list[float]] = {c.id: [] for c in framework.categories}
    category_of = {c.id: c.category for c in framework.characteristics}
    for item in items:
        by_category[category_of[item.characteristic]].append(item.confidence)
    scores = {
        cid: round(sum(values) / len(values), 6) if values else 0.0
        for cid, values in by_category.items()
    }
    order = [c.id for c in framework.categories]
    best = max(order, key=lambda cid: (scores[cid], order.index(cid)))
    return Proposal(
        school=urn,
        framework=framework.id,
        framework_version=framework.version,
        category=best,
        support_level=framework.category(best).support_level,
        scores=scores,
        evidence=items,
    )


def configurations(extractor: str = "rules", *, compare: bool = False) -> list[Proposer]:
    """The default configuration first; with `compare`, every baseline after it."""
    default = SystemProposer(
        name="default",
        label=f"{extractor} extractor, hybrid retrieval (dense + BM25 by RRF)",
        extractor=extractor,
    )
    if not compare:
        return [default]
    return [
        default,
        SystemProposer(
            name="dense",
            label=f"{extractor}, dense-only retrieval",
            extractor=extractor,
            retrieval_mode="dense",
        ),
        SystemProposer(
            name="bm25",
            label=f"{extractor}, BM25-only retrieval",
            extractor=extractor,
            retrieval_mode="sparse",
        ),
        NaiveRagProposer(),
    ]
