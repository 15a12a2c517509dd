"""The vector index: passage embeddings in one Chroma collection, every query filtered by school."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any

import chromadb
from chromadb.config import Settings as ChromaSettings

from triage.errors import DatabaseBusyError, IndexUnavailableError
from triage.index.tenancy import ensure_tenant
from triage.settings import Settings
from triage.store.write_lock import file_lock

OPEN_LOCK = "index-open.lock"


@dataclass(frozen=True)
class IndexedPassage:
    """What the index needs of a passage; ids are the database's passage ids."""

    id: int
    school: str
    document_id: int
    kind: str
    page: int | None
    text: str


class VectorIndex:
    """A Chroma collection (embedded PersistentClient, or a `chroma run` server)."""

    def __init__(self, settings: Settings) -> None:
        self.name = settings.index.collection
        self.batch = settings.index.upsert_batch
        try:
            with _embedded_opening(settings):
                self._client = _client(settings)
                self._collection = self._open()
        except DatabaseBusyError:
            raise
        except Exception as exc:
            raise IndexUnavailableError(
                f"the vector index could not be opened ({exc}); check the Chroma settings, or run "
                "`triage reindex` to rebuild it from the database"
            ) from exc

    def upsert(self, passages: list[IndexedPassage], vectors: list[list[float]]) -> None:
        """Write passages with their vectors, in batches."""
        if len(passages) != len(vectors):
            raise ValueError(f"{len(passages)} passages but {len(vectors)} vectors")
        for begin in range(0, len(passages), self.batch):
            part = passages[begin : begin + self.batch]
            self._collection.upsert(
                ids=[str(p.id) for p in part],
                embeddings=vectors[begin : begin + self.batch],  # type: ignore[arg-type]
                documents=[p.text for p in part],
                metadatas=[_metadata(p) for p in part],
            )

    def delete(self, ids: list[int]) -> None:
        if ids:
            self._collection.delete(ids=[str(i) for i in ids])

    def embeddings(self, ids: list[int]) -> dict[int, list[float]]:
        """The stored vector of each passage id held (copies and checks; no model runs)."""
        result = self._collection.get(ids=[str(i) for i in ids], include=["embeddings"])
        vectors = result["embeddings"] if result["embeddings"] is not None else []
        return {int(i): [float(x) for x in v] for i, v in zip(result["ids"], vectors, strict=True)}

    def ids(self, school: str | None = None) -> set[int]:
        """Every passage id held, optionally for one school."""
        result = self._collection.get(where={"school": school} if school else None, include=[])
        return {int(i) for i in result["ids"]}

    def query(
        self, school: str, vector: list[float], *, n: int, kinds: list[str] | None = None
    ) -> list[tuple[int, float]]:
        """(passage id, cosine similarity) best first, filtered by school inside Chroma."""
        where: dict[str, Any] = {"school": school}
        if kinds:
            where = {"$and": [where, {"kind": {"$in": kinds}}]}
        result = self._collection.query(
            query_embeddings=[vector],  # type: ignore[arg-type]
            n_results=n,
            where=where,
            include=["distances"],  # type: ignore[arg-type]
        )
        ids = result["ids"][0]
        distances = (result["distances"] or [[]])[0]
        return [(int(i), 1.0 - float(d)) for i, d in zip(ids, distances, strict=True)]

    def query_many(
        self, school: str, vectors: list[list[float]], *, n: int
    ) -> list[list[tuple[int, float]]]:
        """`query` for many vectors at once (one round trip), a ranking per vector."""
        if not vectors:
            return []
        result = self._collection.query(
            query_embeddings=vectors,  # type: ignore[arg-type]
            n_results=n,
            where={"school": school},
            include=["distances"],  # type: ignore[arg-type]
        )
        distances = result["distances"] or [[] for _ in vectors]
        return [
            [(int(i), 1.0 - float(d)) for i, d in zip(ids, ds, strict=True)]
            for ids, ds in zip(result["ids"], distances, strict=True)
        ]

    def reset(self) -> None:
        """Drop the collection and start an empty one."""
        self._client.delete_collection(self.name)
        self._collection = self._open()

    def _open(self) -> Any:
        return self._client.get_or_create_collection(self.name, metadata={"hnsw:space": "cosine"})


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


def _embedded_opening(settings: Settings) -> AbstractContextManager[None]:
    """Embedded Chroma creates its tables on first open, and two processes doing so at once on
    a fresh data dir collide ("table collections already exists"): they open it in turn."""
    if settings.index.chroma_mode == "http":
        return nullcontext()
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    return file_lock(settings.data_path / OPEN_LOCK, wait_s=settings.write_wait_s)


def _metadata(passage: IndexedPassage) -> dict[str, str | int]:
    return {
        "school": passage.school,
        "document_id": passage.document_id,
        "kind": passage.kind,
        "page": passage.page if passage.page is not None else -1,
    }
