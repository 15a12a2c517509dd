"""Caches and ledgers belong to one Runtime, built per process, and hold under threads."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import make_settings
from tests.triage.llm_fakes import fake_llm
from triage.extract.judges.llm import build_llm_judge, judge_stats
from triage.index.embeddings import QueryVectors, embed_texts
from triage.index.retrieval import retrieve_passages
from triage.runtime import Runtime, Slot, open_runtime

QUERIES = [f"attendance and behaviour, question {n}" for n in range(12)]


def test_query_vectors_are_the_models_and_stay_bounded_under_threads() -> None:
    cache = QueryVectors(size=8)
    expected = dict(zip(QUERIES, embed_texts(QUERIES), strict=True))
    with ThreadPoolExecutor(max_workers=6) as pool:
        batches = list(pool.map(cache.embed, [QUERIES[i : i + 5] for i in range(0, 12, 1)] * 2))
    for batch, asked in zip(
        batches, [QUERIES[i : i + 5] for i in range(0, 12, 1)] * 2, strict=True
    ):
        for vector, query in zip(batch, asked, strict=True):
            assert vector == pytest.approx(expected[query], abs=1e-5)
    assert len(cache) <= 8


def test_a_slot_is_built_once_per_runtime_however_many_threads_ask(runtime: Runtime) -> None:
    built: list[int] = []

    def build() -> list[str]:
        time.sleep(0.05)  # long enough for every thread to arrive while the first builds
        built.append(threading.get_ident())
        return []

    slot: Slot[list[str]] = Slot("test ledger", build)
    with ThreadPoolExecutor(max_workers=8) as pool:
        values = list(pool.map(lambda _: runtime.state(slot), range(8)))
    assert len(built) == 1 and all(v is values[0] for v in values)
    runtime.drop(slot)
    assert runtime.peek(slot) is None


def test_two_runtimes_share_no_cache_or_ledger(tmp_path: Path, runtime: Runtime) -> None:
    with open_runtime(make_settings(tmp_path / "other")) as other:
        runtime.index.embed_queries(["attendance"])
        assert len(runtime.index.queries) == 1 and len(other.index.queries) == 0
        build_llm_judge(runtime, fake_llm())
        assert judge_stats(runtime) is not None and judge_stats(other) is None


def test_retrieval_from_many_threads_on_one_runtime_agrees_with_one_thread(
    demo_runtime: Runtime,
) -> None:
    questions = ["attendance below national", "safeguarding", "phonics", "governors"] * 3
    alone = [retrieve_passages(demo_runtime, "900001", q, k=5) for q in questions]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(
            pool.map(lambda q: retrieve_passages(demo_runtime, "900001", q, k=5), questions)
        )
    assert [[p.passage_id for p in r] for r in together] == [
        [p.passage_id for p in r] for r in alone
    ]
