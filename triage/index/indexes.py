"""The derived search index: Chroma for dense vectors, bm25s for keywords, both per school.

The database is the system of record; everything here can be rebuilt from it (`triage reindex`).
"""

from __future__ import annotations

import json
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import bm25s
import chromadb
import Stemmer
from chromadb.config import Settings as ChromaSettings

from triage.errors import IndexUnavailableError
from triage.index.embeddings import embed_texts, query_vectors
from triage.index.tenancy import ensure_tenant
from triage.settings import Settings

_STEMMER = Stemmer.Stemmer("english")


@dataclass(frozen=True)
class IndexedPassage:
    """What the index needs of a passage; ids are the database's passage ids."""

    id: int
    school: str
    document_id: int
    kind: str
    page: int | None
    text: str


class Index:
    """Chroma collection plus one BM25 index per school, always queried with the school filter."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        try:
            self._client = _client(settings)
            self._collection = self._client.get_or_create_collection(
                settings.index.collection, metadata={"hnsw:space": "cosine"}
            )
        except Exception as exc:
            raise IndexUnavailableError(
                f"the vector index could not be opened ({exc}); check the Chroma settings, or run "
                "`triage reindex` to rebuild it from the database"
            ) from exc
        self._bm25_dir = settings.bm25_dir
        self._bm25_cache: dict[str, tuple[float, bm25s.BM25, list[int]]] = {}
        self._lock = threading.Lock()

    # dense ---------------------------------------------------------------------------------
    def add(self, passages: list[IndexedPassage]) -> None:
        """Embed and upsert passages into Chroma."""
        batch = self.settings.index.embedding_batch
        for begin in range(0, len(passages), 256):
            part = passages[begin : begin + 256]
            vectors = embed_texts([p.text for p in part], batch_size=batch)
            self._collection.upsert(
                ids=[str(p.id) for p in part],
                embeddings=vectors,  # type: ignore[arg-type]
                documents=[p.text for p in part],
                metadatas=[_metadata(p) for p in part],
            )

    def delete(self, ids: list[int]) -> None:
        if ids:
            self._collection.delete(ids=[str(i) for i in ids])

    def dense_ids(self, school: str | None = None) -> set[int]:
        """Every passage id held in Chroma, optionally for one school."""
        result = self._collection.get(where={"school": school} if school else None, include=[])
        return {int(i) for i in result["ids"]}

    def query_dense(
        self, school: str, query: str, *, n: int, kinds: list[str] | None = None
    ) -> list[tuple[int, float]]:
        """(passage id, cosine similarity) best first, filtered by school inside Chroma."""
        where: dict[str, Any] = {"school": school}
        if kinds:
            where = {"$and": [where, {"kind": {"$in": kinds}}]}
        vector = query_vectors([query])[0]
        result = self._collection.query(
            query_embeddings=[vector],  # type: ignore[arg-type]
            n_results=n,
            where=where,
            include=["distances"],  # type: ignore[arg-type]
        )
        ids = result["ids"][0]
        distances = (result["distances"] or [[]])[0]
        return [(int(i), 1.0 - float(d)) for i, d in zip(ids, distances, strict=True)]

    # sparse --------------------------------------------------------------------------------
    def rebuild_sparse(self, school: str, passages: list[tuple[int, str]]) -> None:
        """Replace the school's BM25 index with one over exactly these passages."""
        target = self._bm25_dir / _safe(school)
        with self._lock:
            self._bm25_cache.pop(school, None)
            if not passages:
                shutil.rmtree(target, ignore_errors=True)
                return
            tokens = bm25s.tokenize(
                [text for _, text in passages],
                stopwords="en",
                stemmer=_STEMMER,
                show_progress=False,
            )
            retriever = bm25s.BM25()
            retriever.index(tokens, show_progress=False)
            staging = target.with_name(target.name + ".new")
            shutil.rmtree(staging, ignore_errors=True)
            retriever.save(str(staging))
            (staging / "passage_ids.json").write_text(json.dumps([i for i, _ in passages]))
            shutil.rmtree(target, ignore_errors=True)
            staging.rename(target)

    def sparse_ids(self, school: str) -> set[int]:
        loaded = self._load_sparse(school)
        return set(loaded[1]) if loaded else set()

    def sparse_schools(self) -> list[str]:
        if not self._bm25_dir.exists():
            return []
        return sorted(p.name for p in self._bm25_dir.iterdir() if p.is_dir() and "." not in p.name)

    def query_sparse(self, school: str, query: str, *, n: int) -> list[tuple[int, float]]:
        """(passage id, BM25 score) best first, from the school's own index only."""
        loaded = self._load_sparse(school)
        if loaded is None:
            return []
        retriever, ids = loaded
        tokens = bm25s.tokenize([query], stopwords="en", stemmer=_STEMMER, show_progress=False)
        if not tokens.vocab:
            return []
        k = min(n, len(ids))
        docs, scores = retriever.retrieve(tokens, k=k, show_progress=False)
        return [
            (ids[int(d)], float(s)) for d, s in zip(docs[0], scores[0], strict=True) if float(s) > 0
        ]

    def _load_sparse(self, school: str) -> tuple[bm25s.BM25, list[int]] | None:
        target = self._bm25_dir / _safe(school)
        ids_file = target / "passage_ids.json"
        if not ids_file.exists():
            return None
        stamp = ids_file.stat().st_mtime
        with self._lock:
            cached = self._bm25_cache.get(school)
            if cached and cached[0] == stamp:
                return cached[1], cached[2]
            retriever = bm25s.BM25.load(str(target))
            ids = json.loads(ids_file.read_text())
            self._bm25_cache[school] = (stamp, retriever, ids)
            return retriever, ids

    def reset(self) -> None:
        """Drop everything; used by `triage reindex` before rebuilding from the database."""
        self._client.delete_collection(self.settings.index.collection)
        self._collection = self._client.get_or_create_collection(
            self.settings.index.collection, metadata={"hnsw:space": "cosine"}
        )
        with self._lock:
            self._bm25_cache.clear()
            shutil.rmtree(self._bm25_dir, ignore_errors=True)


def _client(settings: Settings) -> chromadb.ClientAPI:
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.index.chroma_mode == "http":
        ensure_tenant(settings)
        return chromadb.HttpClient(
            host=settings.index.chroma_host,
            port=settings.index.chroma_port,
            tenant=settings.index.chroma_tenant,
            database=settings.index.chroma_database,
            settings=chroma_settings,
        )
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)


def _metadata(passage: IndexedPassage) -> dict[str, str | int]:
    return {
        "school": passage.school,
        "document_id": passage.document_id,
        "kind": passage.kind,
        "page": passage.page if passage.page is not None else -1,
    }


def _safe(school: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in school)


def bm25_path(root: Path, school: str) -> Path:
    return root / _safe(school)
