"""Fixtures for the LLM tests: the tiny eval corpus ingested once, and a real llama.cpp server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import make_settings
from triage.runtime import Runtime, open_runtime
from triage.settings import LLMSettings

TINY = Path(__file__).parent.parent / "fixtures" / "eval_tiny"
# Small enough for the packaged 270M model to answer in seconds on two cores.
REAL_N_CTX = 4096
REAL_MAX_TOKENS = 160


@pytest.fixture(scope="session")
def tiny_runtime(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runtime]:
    """tests/fixtures/eval_tiny ingested once per session (read-only for the tests using it)."""
    from triage.intake.batch import ingest_corpus

    with open_runtime(make_settings(tmp_path_factory.mktemp("tiny-data"))) as opened:
        ingest_corpus(opened, TINY)
        yield opened


@pytest.fixture(scope="session")
def llama_server_url() -> Iterator[str]:
    """`python -m llama_cpp.server` with the packaged GGUF on 127.0.0.1, stopped after the run."""
    from eval.llama_server import llama_server

    with llama_server(n_ctx=REAL_N_CTX, ready_s=180.0) as url:
        yield url


@pytest.fixture
def server_llm_settings(llama_server_url: str) -> LLMSettings:
    """The openai provider pointed at the real llama.cpp server."""
    from eval.llama_server import MODEL_ALIAS

    return LLMSettings(
        provider="openai",
        base_url=llama_server_url,
        model=MODEL_ALIAS,
        response_format="json_object",  # llama-cpp-python's server: json_object with a schema
        timeout_s=120.0,
        max_retries=0,
        max_tokens=REAL_MAX_TOKENS,
    )


@pytest.fixture
def inprocess_llm_settings() -> LLMSettings:
    """The llamacpp provider with the packaged GGUF, loaded in this process."""
    return LLMSettings(
        provider="llamacpp", n_ctx=REAL_N_CTX, max_tokens=REAL_MAX_TOKENS, timeout_s=120.0
    )
