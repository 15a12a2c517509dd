"""Jobs: created as a row, run by whichever queue the deployment has, progress in the row."""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict
from sqlalchemy.orm import Session

from triage.people.users import now
from triage.runtime import Runtime
from triage.store.people import User
from triage.store.record import JobRecord

log = logging.getLogger(__name__)

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
JobFunction = Callable[[Runtime, JobRecord], None]
KINDS: dict[str, JobFunction] = {}


class JobView(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    kind: str
    status: str
    total: int
    done: int
    failed: int
    results: list[dict[str, Any]]
    error: str | None


class JobQueue(Protocol):
    """Where a created job goes to be run."""

    def submit(self, job_id: str) -> None: ...

    def close(self) -> None: ...


def job_kind(name: str) -> Callable[[JobFunction], JobFunction]:
    """Register the function that runs jobs of this kind."""

    def register(function: JobFunction) -> JobFunction:
        KINDS[name] = function
        return function

    return register


def create_job(
    session: Session, *, kind: str, owner: User, params: dict[str, Any], total: int
) -> JobRecord:
    job = JobRecord(
        id=uuid.uuid4().hex,
        kind=kind,
        owner_id=owner.id,
        params=json.dumps(params, sort_keys=True),
        status=QUEUED,
        total=total,
        created_at=now(),
    )
    session.add(job)
    session.flush()
    return job


def run_job(runtime: Runtime, job_id: str) -> None:
    """Run one job to the end; whatever fails is recorded on the job, never raised."""
    with runtime.store.session() as session:
        job = session.get(JobRecord, job_id)
        if job is None or job.status != QUEUED:
            return
        job.status = RUNNING
        session.expunge(job)
    try:
        KINDS[job.kind](runtime, job)
        status, error = DONE, None
    except Exception as exc:  # noqa: BLE001 - the job's record says what went wrong
        log.exception("job %s failed", job_id)
        status, error = FAILED, str(exc) or type(exc).__name__
    with runtime.store.session() as session:
        record = session.get(JobRecord, job_id)
        if record is not None:
            record.status, record.error, record.finished_at = status, error, now()


def progress(runtime: Runtime, job_id: str, result: dict[str, Any], *, ok: bool) -> None:
    """Count one step of a job and keep what it produced."""
    with runtime.store.session() as session:
        record = session.get(JobRecord, job_id)
        if record is None:
            return
        results = json.loads(record.result)
        results.append(result)
        record.result = json.dumps(results)
        record.done += 1
        record.failed += 0 if ok else 1


def job_view(record: JobRecord) -> JobView:
    return JobView(
        id=record.id,
        kind=record.kind,
        status=record.status,
        total=record.total,
        done=record.done,
        failed=record.failed,
        results=json.loads(record.result),
        error=record.error,
    )


class InProcessQueue:
    """The embedded deployment's queue: a small thread pool in the server process."""

    def __init__(self, runtime: Runtime, *, workers: int = 1) -> None:
        self._runtime = runtime
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="triage-job")

    def submit(self, job_id: str) -> None:
        self._pool.submit(run_job, self._runtime, job_id)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
