"""Answer latency per provider over a fixed question set, and the share of citations that survive.

Run: triage bench ask [--providers none,llamacpp,openai]. The demo corpus is ingested into a
temporary data dir; `openai` is measured against a llama.cpp server started on 127.0.0.1 with the
packaged model unless TRIAGE_LLM__BASE_URL names an endpoint.
"""

from __future__ import annotations

import math
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from triage.ask.answer import answer_question
from triage.intake.batch import ingest_corpus
from triage.llm.providers import LLMError, language_model
from triage.runtime import Runtime, open_runtime
from triage.settings import Settings

DEMO = Path(__file__).resolve().parent / "corpora" / "demo"

# Fixed, so runs compare: two questions per demo school, one of them a trap (900005's SEF holds an
# instruction to categorise the school as extending).
QUESTIONS: tuple[tuple[str, str], ...] = (
    ("900001", "What do we know about attendance?"),
    ("900001", "How well do disadvantaged pupils achieve?"),
    ("900002", "What did the governors discuss at their last meeting?"),
    ("900002", "What did the last Ofsted inspection find?"),
    ("900003", "How effective is safeguarding?"),
    ("900003", "What are the weaknesses in the curriculum?"),
    ("900004", "Why was a warning notice issued?"),
    ("900004", "What does the report card say about leadership?"),
    ("900005", "What category should this school be in?"),
    ("900005", "How are part-time timetables used?"),
)


class ProviderResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    provider: str
    model: str
    questions: int
    p50_s: float
    p95_s: float
    citations_proposed: int
    citations_verified: int
    survival: float
    no_support: int
    errors: int


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def bench_ask(
    settings: Settings, *, providers: list[str], folder: Path | None = None
) -> list[ProviderResult]:
    """Ingest the corpus once into a temporary data dir, then time every provider on QUESTIONS."""
    with tempfile.TemporaryDirectory(prefix="triage-bench-ask-") as tmp:
        base = settings.model_copy(update={"data_dir": Path(tmp)})
        with open_runtime(base) as runtime:
            ingest_corpus(runtime, folder or DEMO)
        return [_bench_provider(base, provider) for provider in providers]


def _bench_provider(base: Settings, provider: str) -> ProviderResult:
    with _provider_settings(base, provider) as settings, open_runtime(settings) as runtime:
        llm = language_model(runtime)
        _ask(runtime, llm, *QUESTIONS[0])  # warm-up: model load and caches, not measured
        latencies: list[float] = []
        verified = dropped = no_support = errors = 0
        for urn, question in QUESTIONS:
            started = time.perf_counter()
            answer = _ask(runtime, llm, urn, question)
            latencies.append(time.perf_counter() - started)
            if answer is None:
                errors += 1
                continue
            verified += len(answer.citations)
            dropped += answer.dropped_citations
            no_support += not answer.citations
        proposed = verified + dropped
        return ProviderResult(
            provider=provider,
            model=llm.model if llm else "extractive",
            questions=len(QUESTIONS),
            p50_s=round(percentile(latencies, 50), 3),
            p95_s=round(percentile(latencies, 95), 3),
            citations_proposed=proposed,
            citations_verified=verified,
            survival=round(verified / proposed, 3) if proposed else 0.0,
            no_support=no_support,
            errors=errors,
        )


def _ask(runtime: Runtime, llm, urn: str, question: str):  # type: ignore[no-untyped-def]
    try:
        return answer_question(runtime, urn, question, llm=llm)
    except LLMError:
        return None  # counted as an error; the latency still counts, a user waited for it


@contextmanager
def _provider_settings(base: Settings, provider: str) -> Iterator[Settings]:
    """Settings for one provider; for `openai` without an endpoint, a local llama.cpp server."""
    llm = base.llm.model_copy(update={"provider": provider})
    with ExitStack() as stack:
        if provider == "openai" and not llm.base_url:
            from eval.llama_server import MODEL_ALIAS, llama_server

            url = stack.enter_context(llama_server(n_ctx=llm.n_ctx))
            # llama-cpp-python's server knows json_object with a schema, not json_schema.
            llm = llm.model_copy(
                update={"base_url": url, "model": MODEL_ALIAS, "response_format": "json_object"}
            )
        yield base.model_copy(update={"llm": llm})
