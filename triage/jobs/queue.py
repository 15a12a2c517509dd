"""Jobs: a row naming its items, each item done once as a step, by whichever queue runs it.

A job kind is a function that does one item: the slow part (extraction, embedding) runs first
and writes nothing; it returns a `Record` that writes the item's outcome in the step's own
transaction, beside the step row. So a step killed half-way leaves nothing, a step run again
(a retried worker, a resumed job) finds its row and does nothing, and two processes racing on
one step cannot both commit it (the step row is unique per job and item).

The embedded deployment runs a job's steps one after another on a thread of the server (or of
the command that started it); the scaled-out one (`triage.jobs.postgres`) puts each step on a
PostgreSQL queue that any number of `triage worker` processes consume.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from triage.errors import TriageError
from triage.people.users import now
from triage.runtime import Runtime
from triage.store.people import User
from triage.store.record import JobRecord, JobStep

log = logging.getLogger(__name__)

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
UNFINISHED = (QUEUED, RUNNING)
Record = Callable[[Session], dict[str, Any]]


@dataclass(frozen=True)
class JobTicket:
    """What a step knows of its job: id, kind, parameters, and the person who started it."""

    id: str
    kind: str
    params: dict[str, Any]
    owner: User | None


StepFunction = Callable[[Runtime, JobTicket, str], Record]
KINDS: dict[str, StepFunction] = {}


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


def job_kind(name: str) -> Callable[[StepFunction], StepFunction]:
    """Register the function that does one item of jobs of this kind."""

    def register(function: StepFunction) -> StepFunction:
        KINDS[name] = function
        return function

    return register


def create_job(
    session: Session,
    *,
    kind: str,
    owner: User | None,
    params: dict[str, Any],
    items: list[str] | None = None,
    total: int | None = None,
) -> JobRecord:
    """A queued job over `items` (fixed now, so every queue and retry sees the same list)."""
    items = list(items or [])
    job = JobRecord(
        id=uuid.uuid4().hex,
        kind=kind,
        owner_id=owner.id if owner is not None else None,
        params=json.dumps({**params, "items": items}, sort_keys=True),
        status=QUEUED,
        total=len(items) if total is None else total,
        created_at=now(),
    )
    session.add(job)
    session.flush()
    return job


def job_items(record: JobRecord) -> list[str]:
    items: list[str] = json.loads(record.params).get("items", [])
    return items


def worker_name() -> str:
    """This process, as a step row names who did it."""
    return f"{socket.gethostname()}:{os.getpid()}"


def run_job(runtime: Runtime, job_id: str) -> None:
    """Do every step of a job not yet done, one after another; whatever fails is recorded on
    the job, never raised. Run again, it carries on where it stopped."""
    with runtime.store.session() as session:
        record = session.get(JobRecord, job_id)
        if record is None or record.status not in UNFINISHED:
            return
        items = job_items(record)
    try:
        for item in items:
            run_step(runtime, job_id, item)
        _finish(runtime, job_id, error=None)
    except Exception as exc:  # noqa: BLE001 - the job's record says what went wrong
        log.exception("job %s stopped", job_id)
        _finish(runtime, job_id, error=str(exc) or type(exc).__name__)


def run_step(runtime: Runtime, job_id: str, item: str, *, worker: str | None = None) -> bool:
    """Do one item of a job unless it is done; True if this call recorded it.

    A `TriageError` (the school has gone, the framework is unknown) is the item's outcome and is
    recorded as a failed step; anything else (the database or the index away) is raised, and the
    queue tries the step again later.
    """
    ticket = _ticket(runtime, job_id, item)
    if ticket is None:
        return False
    try:
        record = KINDS[ticket.kind](runtime, ticket, item)
        ok = True
    except TriageError as exc:
        record, ok = _failure(str(exc)), False
    return record_step(runtime, ticket, item, record, ok=ok, worker=worker)


def fail_step(runtime: Runtime, job_id: str, item: str, error: str) -> bool:
    """Record a step as failed with this error (a queue that has run out of tries)."""
    ticket = _ticket(runtime, job_id, item)
    if ticket is None:
        return False
    return record_step(runtime, ticket, item, _failure(error), ok=False)


def record_step(
    runtime: Runtime,
    ticket: JobTicket,
    item: str,
    record: Record,
    *,
    ok: bool,
    worker: str | None = None,
) -> bool:
    """Write the step's row, its outcome and the job's counts in one transaction."""
    try:
        with runtime.store.session() as session:
            # The counter's UPDATE comes first: it takes the row (PostgreSQL) or database
            # (SQLite) write lock, so concurrent steps of one job count one at a time.
            session.execute(
                update(JobRecord)
                .where(JobRecord.id == ticket.id)
                .values(done=JobRecord.done + 1, failed=JobRecord.failed + (0 if ok else 1))
            )
            session.add(
                JobStep(
                    job_id=ticket.id,
                    item=item,
                    ok=ok,
                    result="{}",
                    worker=worker or worker_name(),
                    finished_at=now(),
                )
            )
            session.flush()  # a step recorded meanwhile by another run fails here, on its key
            result = record(session)
            step = session.scalars(
                select(JobStep).where(JobStep.job_id == ticket.id, JobStep.item == item)
            ).one()
            step.result = json.dumps(result, sort_keys=True)
            job = session.get(JobRecord, ticket.id, populate_existing=True)
            if job is not None and job.done >= job.total and job.status in UNFINISHED:
                job.status, job.finished_at = DONE, now()
    except IntegrityError:
        log.info("step %s of job %s was recorded by another run", item, ticket.id)
        return False
    return True


def _ticket(runtime: Runtime, job_id: str, item: str) -> JobTicket | None:
    """The job, if it exists and this item is still to do; marks a queued job running."""
    with runtime.store.session() as session:
        record = session.get(JobRecord, job_id)
        if record is None or _step_done(session, job_id, item):
            return None
        if record.status == QUEUED:
            session.execute(
                update(JobRecord)
                .where(JobRecord.id == job_id, JobRecord.status == QUEUED)
                .values(status=RUNNING)
            )
        owner = session.get(User, record.owner_id) if record.owner_id is not None else None
        if owner is not None:
            session.expunge(owner)
        return JobTicket(
            id=record.id, kind=record.kind, params=json.loads(record.params), owner=owner
        )


def _step_done(session: Session, job_id: str, item: str) -> bool:
    query = select(func.count()).where(JobStep.job_id == job_id, JobStep.item == item)
    return bool(session.scalar(query))


def _failure(error: str) -> Record:
    return lambda _session: {"error": error}


def _finish(runtime: Runtime, job_id: str, *, error: str | None) -> None:
    """Close a job whose steps were all tried: done, or failed with the error that stopped it."""
    try:
        with runtime.store.session() as session:
            record = session.get(JobRecord, job_id)
            if record is None or record.status not in UNFINISHED:
                return
            if error is not None:
                record.status, record.error, record.finished_at = FAILED, error, now()
            elif record.done >= record.total:
                record.status, record.finished_at = DONE, now()
    except Exception:  # noqa: BLE001 - the database itself is away; `triage jobs resume` later
        log.exception("could not record the end of job %s", job_id)


def job_view(session: Session, record: JobRecord) -> JobView:
    steps = session.scalars(select(JobStep).where(JobStep.job_id == record.id).order_by(JobStep.id))
    return JobView(
        id=record.id,
        kind=record.kind,
        status=record.status,
        total=record.total,
        done=record.done,
        failed=record.failed,
        results=[json.loads(step.result) for step in steps],
        error=record.error,
    )


def unfinished_jobs(session: Session) -> list[JobRecord]:
    """Jobs queued or running, oldest first (to resume after a restart)."""
    query = select(JobRecord).where(JobRecord.status.in_(UNFINISHED))
    return list(session.scalars(query.order_by(JobRecord.created_at)))


def reopen_job(session: Session, job_id: str) -> JobRecord:
    """Put a failed or unfinished job back in the queue; its done steps stay done."""
    record = session.get(JobRecord, job_id)
    if record is None:
        raise TriageError(f"no job {job_id}; `triage jobs list` shows the jobs")
    if record.status == DONE:
        raise TriageError(f"job {job_id} is done; there is nothing to resume")
    record.status, record.error, record.finished_at = QUEUED, None, None
    return record


class InProcessQueue:
    """The embedded deployment's queue: a small thread pool in this process."""

    def __init__(self, runtime: Runtime, *, workers: int = 1) -> None:
        self._runtime = runtime
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="triage-job")

    def submit(self, job_id: str) -> None:
        self._pool.submit(run_job, self._runtime, job_id)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def open_queue(runtime: Runtime, *, resume: bool = False) -> JobQueue:
    """The queue the settings choose. `resume` (the embedded server at start) puts back the
    jobs a stopped process left unfinished; with procrastinate the workers carry on by
    themselves."""
    settings = runtime.settings
    if settings.jobs.queue == "procrastinate":
        from triage.jobs.postgres import PostgresQueue

        return PostgresQueue(runtime)
    queue = InProcessQueue(runtime, workers=settings.service.job_workers)
    if resume:
        with runtime.store.session() as session:
            pending = [record.id for record in unfinished_jobs(session)]
        for job_id in pending:
            queue.submit(job_id)
    return queue
