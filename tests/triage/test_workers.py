"""The scaled-out deployment, chosen by settings alone: a real PostgreSQL, a real `chroma run`
and two `triage worker` processes (each with a data dir of its own, as on two machines) take a
batch's steps from the procrastinate queue; one is killed mid-step and the other does its step."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from tests.chroma import ChromaServer
from tests.conftest import make_settings
from tests.postgres import NewDatabase
from triage.decide import audit
from triage.decide.proposals import proposal_json, propose
from triage.extract.models import Proposal
from triage.intake.batch import ingest_corpus
from triage.jobs.queue import DONE
from triage.people.users import add_user
from triage.runtime import open_runtime
from triage.settings import Settings
from triage.store.models import ProposalRecord
from triage.store.record import AuditEntry, JobRecord, JobStep

pytestmark = pytest.mark.real

PIPELINE = Path(__file__).parent.parent / "fixtures" / "pipeline"
JOBS = {"queue": "procrastinate", "heartbeat_s": 1.0, "stalled_after_s": 4.0}


class Worker:
    """`triage worker` in a process of its own; its stderr lines are kept as they come."""

    def __init__(self, name: str, env: dict[str, str]) -> None:
        self.name = name
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "triage.cli", "worker", "--name", name],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line.rstrip())

    def wait_for(self, fragment: str, *, timeout: float = 180) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = next((line for line in self.lines if fragment in line), None)
            if found is not None:
                return found
            if self.process.poll() is not None:
                raise AssertionError(f"worker {self.name} exited:\n" + "\n".join(self.lines))
            time.sleep(0.05)
        said = "\n".join(self.lines)
        raise AssertionError(f"worker {self.name} never said {fragment!r}:\n{said}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


def worker_env(settings: Settings, data: Path) -> dict[str, str]:
    index = settings.index
    return {
        **os.environ,
        "TRIAGE_DATA_DIR": str(data),
        "TRIAGE_DATABASE_URL": settings.db_url,
        "TRIAGE_INDEX__CHROMA_MODE": "http",
        "TRIAGE_INDEX__CHROMA_PORT": str(index.chroma_port),
        "TRIAGE_INDEX__CHROMA_TENANT": index.chroma_tenant,
        "TRIAGE_INDEX__CHROMA_DATABASE": index.chroma_database,
        "TRIAGE_JOBS__QUEUE": "procrastinate",
        "TRIAGE_JOBS__HEARTBEAT_S": str(settings.jobs.heartbeat_s),
        "TRIAGE_JOBS__STALLED_AFTER_S": str(settings.jobs.stalled_after_s),
    }


@pytest.fixture
def scaled_out(
    new_postgres_database: NewDatabase, chroma_server: ChromaServer, tmp_path: Path
) -> Iterator[Settings]:
    """Settings of the scaled-out deployment, with four schools ingested and a lead."""
    settings = make_settings(
        tmp_path / "ingest",
        database_url=new_postgres_database(),
        index=chroma_server.index_settings(chroma_tenant="exampleshire"),
        jobs=JOBS,
    )
    with open_runtime(settings) as runtime:
        ingest_corpus(runtime, PIPELINE)
        with runtime.store.session() as session:
            add_user(session, email="lead@council.example", name="Lee Lead", role="lead")
    yield settings


def test_two_workers_propose_each_school_once_and_a_killed_workers_step_is_done_by_the_other(
    scaled_out: Settings, tmp_path: Path
) -> None:
    first = Worker("first", worker_env(scaled_out, tmp_path / "machine-1"))
    second = Worker("second", worker_env(scaled_out, tmp_path / "machine-2"))
    try:
        for worker in (first, second):
            worker.wait_for("taking steps")
        with open_runtime(scaled_out) as runtime:
            # Submitted as an operator would: the command puts the steps on the queue, returns.
            env = worker_env(scaled_out, tmp_path / "operator")
            submitted = subprocess.run(
                [sys.executable, "-m", "triage.cli", "jobs", "propose"]
                + ["--as", "lead@council.example", "--framework", "bristol"],
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert submitted.returncode == 0, submitted.stderr
            job_id = submitted.stdout.split("job ")[1].split()[0]
            with runtime.store.session() as session:
                job = session.get(JobRecord, job_id)
                assert job is not None
                schools = job.total
            started = first.wait_for("step started")
            first.process.send_signal(signal.SIGKILL)
            first.process.wait(10)
            killed_item = started.split(" item ")[1].split()[0]
            record = _wait_done(runtime.store.engine.url, job_id)
            assert (record.status, record.done, record.failed) == (DONE, schools, 0)
            with runtime.store.session() as session:
                _assert_each_school_proposed_once(session, schools)
                steps = {s.item: s.worker for s in session.scalars(select(JobStep))}
                assert len(steps) == schools
                assert audit.verify(session).ok
                stored = session.scalars(
                    select(ProposalRecord).where(
                        ProposalRecord.school_urn == killed_item,
                        ProposalRecord.framework == "bristol",
                    )
                ).one()
            # The worker's own keyword index was rebuilt from the database: what it proposed is
            # what this process, which ingested the corpus, proposes from its own.
            here = propose(runtime, killed_item, "bristol", store=False)
            assert stored.body == proposal_json(here)
        # The step the killed worker had started was put back and ended, once, by the other.
        assert steps[killed_item] == "second"
        attempts = _queue_attempts(scaled_out.db_url, job_id)
        # procrastinate counts a try as it ends: two for the step put back after the kill.
        assert set(attempts) == set(steps) and attempts[killed_item] == 2
        assert set(steps.values()) == {"second"}
        assert f"item {killed_item} attempt 1" in "\n".join(second.lines)
        shown = subprocess.run(
            [sys.executable, "-m", "triage.cli", "jobs", "show", job_id],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        view = json.loads(shown.stdout)
        assert (view["status"], view["done"], len(view["results"])) == ("done", schools, schools)
    finally:
        first.stop()
        second.stop()


def _wait_done(url: object, job_id: str, timeout: float = 300) -> JobRecord:
    engine = create_engine(url)  # type: ignore[call-overload]
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with engine.connect() as connection:
                row = connection.execute(
                    select(JobRecord.__table__).where(JobRecord.id == job_id)
                ).one()
            if row.status in ("done", "failed"):
                return JobRecord(**row._mapping)
            time.sleep(0.5)
        raise AssertionError(f"job {job_id} did not finish within {timeout} s")
    finally:
        engine.dispose()


def _assert_each_school_proposed_once(session: object, schools: int) -> None:
    rows = session.execute(  # type: ignore[attr-defined]
        select(ProposalRecord.school_urn, ProposalRecord.framework, func.count()).group_by(
            ProposalRecord.school_urn, ProposalRecord.framework
        )
    ).all()
    assert len(rows) == schools
    assert {count for _, _, count in rows} == {1}
    entries = session.scalar(  # type: ignore[attr-defined]
        select(func.count()).where(AuditEntry.action == "proposal")
    )
    assert entries == schools
    for (body,) in session.execute(select(ProposalRecord.body)):  # type: ignore[attr-defined]
        Proposal.model_validate_json(body)


def _queue_attempts(url: str, job_id: str) -> dict[str, int]:
    """Each step's tries on the procrastinate queue, by item; every one must have succeeded."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT args->>'item', attempts, status FROM procrastinate_jobs "
                    "WHERE args->>'job_id' = :job"
                ),
                {"job": job_id},
            ).all()
    finally:
        engine.dispose()
    assert rows and {status for _, _, status in rows} == {"succeeded"}
    return {item: attempts for item, attempts, _ in rows}
