"""`triage bench api`: requests/s and p95 through a real `triage serve` on loopback, at 1 and 20
concurrent clients, beside the same work called in process; overhead = in-process rate / HTTP."""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from pydantic import BaseModel

from eval.serving import serving
from triage.intake.batch import ingest_corpus
from triage.people.users import add_user, assign, set_password
from triage.runtime import open_runtime
from triage.settings import Settings

DEMO = Path(__file__).resolve().parent / "corpora" / "demo"
PASSWORD = "benchmark password"
URN = "900003"


class ApiFigure(BaseModel):
    work: str
    clients: int
    requests: int
    http_rps: float
    http_p95_ms: float
    inprocess_rps: float
    inprocess_p95_ms: float
    overhead: float


def _timed(call: Callable[[], object], count: int, clients: int) -> tuple[float, float]:
    latencies: list[float] = []

    def one(_: int) -> None:
        began = time.perf_counter()
        call()
        latencies.append(time.perf_counter() - began)

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(one, range(count)))
    elapsed = time.perf_counter() - began
    p95 = statistics.quantiles(latencies, n=20)[-1] if len(latencies) > 1 else latencies[0]
    return count / elapsed, p95 * 1000


def bench_api(settings: Settings, *, requests: int = 40, port: int = 8765) -> list[ApiFigure]:
    data = Path(tempfile.mkdtemp(prefix="triage-bench-api-"))
    settings = settings.model_copy(update={"data_dir": data, "database_url": ""})
    with open_runtime(settings) as runtime:
        ingest_corpus(runtime, DEMO)
        with runtime.store.session() as session:
            user = add_user(session, email="bench@council.example", name="Bench", role="officer")
            set_password(session, user, PASSWORD, settings=settings)
            assign(session, user, [URN])
    with serving({"TRIAGE_DATA_DIR": str(data)}, port=port, start_s=120, stop_s=30) as base:
        return _measure(settings, base, requests)


def _measure(settings: Settings, base: str, requests: int) -> list[ApiFigure]:
    from triage.ask.answers import ask_recorded
    from triage.decide.decisions import propose_recorded
    from triage.decide.overview import school_view
    from triage.people.users import find_user
    from triage.store.models import School

    token = httpx.post(
        f"{base}/api/auth/token", data={"username": "bench@council.example", "password": PASSWORD}
    ).json()["access_token"]
    client = httpx.Client(
        base_url=base,
        headers={"Authorization": f"Bearer {token}"},
        timeout=300,
        limits=httpx.Limits(max_connections=32),
    )
    figures = []
    with open_runtime(settings) as runtime:
        with runtime.store.session() as session:
            user = find_user(session, "bench@council.example")
            assert user is not None
            session.expunge(user)

        def view() -> None:
            with runtime.store.session() as session:
                school_view(runtime, session, session.get(School, URN), drafts=True)  # type: ignore[arg-type]

        work: list[tuple[str, Callable[[], object], Callable[[], object], int]] = [
            (f"GET /api/schools/{URN}", lambda: client.get(f"/api/schools/{URN}"), view, 1),
            (
                "POST proposal (bristol)",
                lambda: client.post(f"/api/schools/{URN}/proposals", json={"framework": "bristol"}),
                lambda: propose_recorded(runtime, user, URN, "bristol"),
                4,
            ),
            (
                "POST ask (provider none)",
                lambda: client.post(
                    f"/api/schools/{URN}/ask", json={"question": "How is attendance?"}
                ),
                lambda: ask_recorded(runtime, user, URN, "How is attendance?"),
                2,
            ),
        ]
        for name, over_http, in_process, divisor in work:
            count = max(4, requests // divisor)
            over_http(), in_process()  # warm both
            for clients in (1, 20):
                http_rps, http_p95 = _timed(over_http, count, clients)
                local_rps, local_p95 = _timed(in_process, count, clients)
                figures.append(
                    ApiFigure(
                        work=name,
                        clients=clients,
                        requests=count,
                        http_rps=http_rps,
                        http_p95_ms=http_p95,
                        inprocess_rps=local_rps,
                        inprocess_p95_ms=local_p95,
                        overhead=local_rps / http_rps,
                    )
                )
    return figures
