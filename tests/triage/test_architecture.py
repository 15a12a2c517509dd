"""The architecture as tests: the pure scorer stays pure when imported on its own."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("sqlalchemy", "chromadb", "torch", "bm25s", "sentence_transformers", "langchain_core")


@pytest.mark.parametrize("module", ["triage.score", "triage.profile"])
def test_importing_the_scorer_loads_no_database_index_or_model(module: str) -> None:
    probe = f"import sys, {module}; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "", f"importing {module} loaded {loaded}"
