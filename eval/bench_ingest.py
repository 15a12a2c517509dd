"""Ingest throughput against the raw cost of the same work, measured in one run.

The raw cost is pypdf text extraction of the corpus's PDFs plus embedding the very passages the
full ingest produced, nothing else: the floor any ingest pipeline over these files pays. The ratio
says what sandboxing, chunking, the database, Chroma and BM25 add on top.
"""

from __future__ import annotations

import io
import tempfile
import time
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field
from pypdf import PdfReader
from sqlalchemy import select

from ingest.manifest import load_manifest
from triage.index.embeddings import embed_texts
from triage.intake.batch import ingest_corpus
from triage.runtime import Runtime, open_runtime
from triage.settings import Settings
from triage.store.models import Passage


class IngestBench(BaseModel):
    model_config = ConfigDict(extra="forbid")

    corpus: str
    documents: int
    pages: int
    passages: int
    full_s: float
    raw_s: float
    embed_s: float = Field(0.0, description="The embedding part of the raw cost")

    @property
    def full_pages_per_s(self) -> float:
        return self.pages / self.full_s

    @property
    def raw_pages_per_s(self) -> float:
        return self.pages / self.raw_s

    @property
    def ratio(self) -> float:
        return self.full_s / self.raw_s

    @property
    def share_of_raw(self) -> float:
        """The full ingest's throughput as a share of the raw limit's (1.0: no overhead)."""
        return self.raw_s / self.full_s


def bench_ingest(folder: Path, *, settings: Settings | None = None) -> IngestBench:
    """Ingest `folder` into a temporary data dir, then time the raw work on the same files."""
    with tempfile.TemporaryDirectory(prefix="triage-bench-") as tmp:
        base = settings or Settings()
        with open_runtime(base.model_copy(update={"data_dir": Path(tmp)})) as runtime:
            return measure_ingest(runtime, folder)


def measure_ingest(runtime: Runtime, folder: Path) -> IngestBench:
    """Ingest `folder` with `runtime` (an empty data dir), then time the raw work on its files."""
    manifest = load_manifest(folder)
    embed_texts(["warm the model so neither side pays for loading it"])
    started = time.perf_counter()
    batch = ingest_corpus(runtime, folder)
    full_s = time.perf_counter() - started
    with runtime.store.session() as session:
        texts = list(session.scalars(select(Passage.text).order_by(Passage.id)))
    paths = [manifest.root / d.path for s in manifest.schools for d in s.documents]
    started = time.perf_counter()
    pages = _extract_pdf_pages(paths)
    embedding = time.perf_counter()
    embed_texts(texts, batch_size=runtime.settings.index.embedding_batch)
    raw_s = time.perf_counter() - started
    embed_s = time.perf_counter() - embedding
    unpaged = sum(1 for p in paths if p.suffix.lower() != ".pdf")
    return IngestBench(
        corpus=str(folder),
        documents=len(batch.ingested),
        pages=pages + unpaged,
        passages=len(texts),
        full_s=full_s,
        raw_s=raw_s,
        embed_s=embed_s,
    )


def _extract_pdf_pages(paths: list[Path]) -> int:
    pages = 0
    for path in paths:
        if path.suffix.lower() == ".pdf":
            reader = PdfReader(io.BytesIO(path.read_bytes()))
            for page in reader.pages:
                page.extract_text()
                pages += 1
    return pages
