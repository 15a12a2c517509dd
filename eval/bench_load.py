"""`triage bench load`: many concurrent clients against a real `triage serve` on loopback.

A bounded run: a fixed number of requests, in a fixed mix of what officers do (browse, propose,
ask, upload), shared by `clients` concurrent clients (httpx, asyncio), each signed in as an
officer of its own schools. It stops by itself when the requests are spent and reports errors
(any response that is not 2xx, or no response) and p50 / p95 per kind of request. The baseline,
measured in the same run against the same server, is the same kinds one client at a time.
"""

from __future__ import annotations

import asyncio
import itertools
import random
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from pydantic import BaseModel, ConfigDict

from eval.serving import serving
from triage.intake.batch import ingest_corpus
from triage.people.users import add_user, assign, set_password
from triage.runtime import open_runtime
from triage.settings import Settings
from triage.store.models import School

DEMO = Path(__file__).resolve().parent / "corpora" / "demo"
PASSWORD = "load benchmark password"
OFFICERS = 10
# Of every 100 requests: what an officer's day looks like, reads far outnumbering writes.
MIX = {"browse": 80, "ask": 10, "propose": 5, "upload": 5}
QUESTIONS = ["How is attendance?", "What about reading?", "Is safeguarding effective?"]


class LoadFigure(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: str
    clients: int
    requests: int
    errors: int
    p50_ms: float
    p95_ms: float
    max_ms: float


class LoadResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    clients: int
    requests: int
    seconds: float
    errors: int
    error_samples: list[str]
    figures: list[LoadFigure]
    baseline: list[LoadFigure]


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    samples: list[str] = field(default_factory=list)

    def add(self, kind: str, seconds: float, error: str | None) -> None:
        self.latencies.setdefault(kind, []).append(seconds)
        self.errors.setdefault(kind, 0)
        if error is not None:
            self.errors[kind] += 1
            if len(self.samples) < 5:
                self.samples.append(f"{kind}: {error}")

    def figures(self, clients: int) -> list[LoadFigure]:
        return [
            LoadFigure(
                kind=kind,
                clients=clients,
                requests=len(values),
                errors=self.errors[kind],
                p50_ms=statistics.median(values) * 1000,
                p95_ms=_p95(values) * 1000,
                max_ms=max(values) * 1000,
            )
            for kind, values in sorted(self.latencies.items())
        ]


def bench_load(
    settings: Settings,
    *,
    clients: int = 200,
    requests: int = 1000,
    port: int = 8766,
    database_url: str = "",
) -> LoadResult:
    """Start `triage serve` over the demo corpus (in SQLite in a temporary data dir, or in the
    empty database `database_url` names) and run the load against it."""
    data = Path(tempfile.mkdtemp(prefix="triage-bench-load-"))
    settings = settings.model_copy(update={"data_dir": data, "database_url": database_url})
    officers = _prepare(settings)
    env = {"TRIAGE_DATA_DIR": str(data), "TRIAGE_DATABASE_URL": database_url}
    with serving(env, port=port, start_s=300, stop_s=60) as base:
        return asyncio.run(_measure(base, officers, clients=clients, requests=requests))


def _prepare(settings: Settings) -> dict[str, list[str]]:
    """The demo corpus, and officers each assigned some of its schools."""
    with open_runtime(settings) as runtime:
        ingest_corpus(runtime, DEMO)
        with runtime.store.session() as session:
            urns = sorted(u for (u,) in session.query(School.urn))
            officers: dict[str, list[str]] = {}
            for number in range(OFFICERS):
                email = f"officer{number}@council.example"
                user = add_user(session, email=email, name=f"Officer {number}", role="officer")
                set_password(session, user, PASSWORD, settings=settings)
                schools = [urns[number % len(urns)], urns[(number + 1) % len(urns)]]
                assign(session, user, schools)
                officers[email] = schools
    return officers


async def _measure(
    base: str, officers: dict[str, list[str]], *, clients: int, requests: int
) -> LoadResult:
    limits = httpx.Limits(max_connections=clients + 10, max_keepalive_connections=clients + 10)
    async with httpx.AsyncClient(base_url=base, timeout=900, limits=limits) as client:
        tokens = {email: await _sign_in(client, email) for email in officers}
        people = list(officers.items())
        plan = _plan(requests)
        baseline = Tally()
        for kind in MIX:  # one client, a few of each kind: the figures without contention
            for number in range(3):
                email, schools = people[number % len(people)]
                await _one(client, baseline, kind, tokens[email], schools, number)
        tally, spent = Tally(), itertools.count()

        async def worker(index: int) -> None:
            email, schools = people[index % len(people)]
            while (number := next(spent)) < len(plan):
                await _one(client, tally, plan[number], tokens[email], schools, number)

        began = time.perf_counter()
        await asyncio.gather(*(worker(i) for i in range(clients)))
        seconds = time.perf_counter() - began
    return LoadResult(
        clients=clients,
        requests=len(plan),
        seconds=seconds,
        errors=sum(tally.errors.values()),
        error_samples=tally.samples,
        figures=tally.figures(clients),
        baseline=baseline.figures(1),
    )


def _plan(requests: int) -> list[str]:
    """The kinds of `requests` requests in the mix's proportions, in a fixed shuffled order."""
    total = sum(MIX.values())
    plan = [kind for kind, share in MIX.items() for _ in range(requests * share // total)]
    plan += ["browse"] * (requests - len(plan))
    random.Random(20_000).shuffle(plan)
    return plan


async def _sign_in(client: httpx.AsyncClient, email: str) -> str:
    response = await client.post("/api/auth/token", data={"username": email, "password": PASSWORD})
    response.raise_for_status()
    token: str = response.json()["access_token"]
    return token


async def _one(
    client: httpx.AsyncClient,
    tally: Tally,
    kind: str,
    token: str,
    schools: list[str],
    number: int,
) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    urn = schools[number % len(schools)]
    calls: dict[str, Callable[[], Awaitable[httpx.Response]]] = {
        "browse": lambda: client.get(
            "/api/schools" if number % 2 else f"/api/schools/{urn}", headers=headers
        ),
        "ask": lambda: client.post(
            f"/api/schools/{urn}/ask",
            json={"question": QUESTIONS[number % len(QUESTIONS)]},
            headers=headers,
        ),
        "propose": lambda: client.post(
            f"/api/schools/{urn}/proposals", json={"framework": "bristol"}, headers=headers
        ),
        "upload": lambda: client.post(
            f"/api/schools/{urn}/documents",
            files={"file": (f"visit-note-{number}.txt", _note(number).encode())},
            data={"kind": "visit_note"},
            headers=headers,
        ),
    }
    began = time.perf_counter()
    error: str | None = None
    try:
        response = await calls[kind]()
        if not response.is_success:
            error = f"{response.status_code} {response.text[:200]}"
    except httpx.HTTPError as exc:
        error = f"{type(exc).__name__}: {exc}"
    tally.add(kind, time.perf_counter() - began, error)


def _note(number: int) -> str:
    return (
        f"Visit note {number}. The adviser met the headteacher and the attendance lead. "
        "Attendance this term is 93.1%, below national; persistent absence has fallen since "
        "September. Reading: phonics teaching is consistent across Reception and Year 1, and "
        f"leaders check fidelity to the scheme each half term. Reference {number:06d}.\n"
    )


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]
