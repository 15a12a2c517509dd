"""The derived search index: Chroma vectors and BM25 keywords, both per school, behind one face.

The database is the system of record; everything here can be rebuilt from it (`triage reindex`).
Embedding is a step of its own (`embed`), so a writer computes vectors before it opens a database
transaction and holds the write lock only for the quick upsert.
"""

from __future__ import annotations

from triage.index.embeddings import QueryVectors, embed_texts
from triage.index.keywords import KeywordIndex
from triage.index.vectors import IndexedPassage, VectorIndex
from triage.settings import Settings

__all__ = ["Index", "IndexedPassage"]


class Index:
    """The vector and keyword indexes of one runtime, always queried with the school filter."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.vectors = VectorIndex(settings)
        self.keywords = KeywordIndex(settings.bm25_dir)
        self.queries = QueryVectors()

    # dense ---------------------------------------------------------------------------------
    def embed(self, texts: list[str]) -> list[list[float]]:
        """Embed passage texts (the slow part of indexing); touches no store."""
        return embed_texts(texts, batch_size=self.settings.index.embedding_batch)

    def upsert(self, passages: list[IndexedPassage], vectors: list[list[float]]) -> None:
        """Write passages with vectors from `embed` (quick: no model runs here)."""
        self.vectors.upsert(passages, vectors)

    def add(self, passages: list[IndexedPassage]) -> None:
        """Embed and upsert passages (repair and rebuild, where no transaction is open)."""
        self.vectors.upsert(passages, self.embed([p.text for p in passages]))

    def delete(self, ids: list[int]) -> None:
        self.vectors.delete(ids)

    def stored_vectors(self, ids: list[int]) -> dict[int, list[float]]:
        """The vectors held for these passage ids, as embedded when they were indexed."""
        return self.vectors.embeddings(ids)

    def dense_ids(self, school: str | None = None) -> set[int]:
        return self.vectors.ids(school)

    def embed_queries(self, queries: list[str]) -> list[list[float]]:
        """Query vectors, cached for this runtime (one batch for a framework's queries)."""
        return self.queries.embed(queries)

    def query_dense(
        self, school: str, query: str, *, n: int, kinds: list[str] | None = None
    ) -> list[tuple[int, float]]:
        """(passage id, cosine similarity) best first, filtered by school inside Chroma."""
        return self.vectors.query(school, self.queries.embed([query])[0], n=n, kinds=kinds)

    def query_dense_many(
        self, school: str, queries: list[str], *, n: int
    ) -> list[list[tuple[int, float]]]:
        """`query_dense` for many queries in one call to the vector index, in order."""
        return self.vectors.query_many(school, self.queries.embed(queries), n=n)

    # sparse --------------------------------------------------------------------------------
    def rebuild_sparse(self, school: str, passages: list[tuple[int, str]]) -> None:
        """Replace the school's BM25 index with one over exactly these passages."""
        self.keywords.rebuild(school, passages)

    def sparse_ids(self, school: str) -> set[int]:
        return self.keywords.ids(school)

    def sparse_schools(self) -> list[str]:
        return self.keywords.schools()

    def query_sparse(self, school: str, query: str, *, n: int) -> list[tuple[int, float]]:
        return self.keywords.query(school, query, n=n)

    def query_sparse_many(
        self, school: str, queries: list[str], *, n: int
    ) -> list[list[tuple[int, float]]]:
        """`query_sparse` for many queries at once, in order."""
        return self.keywords.query_many(school, queries, n=n)

    def reset(self) -> None:
        """Drop everything; used by `triage reindex` before rebuilding from the database."""
        self.vectors.reset()
        self.keywords.reset()
