"""Batch proposals as a job, and the job's progress."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from triage.api.deps import CurrentUser, JobAccess, QueueDep, SessionDep, require_action
from triage.api.schemas.proposals import BatchRequest, JobCreated
from triage.jobs.batch import create_batch
from triage.jobs.queue import JobView, job_view
from triage.store.people import User
from triage.store.record import JobRecord

router = APIRouter(prefix="/api", tags=["jobs"])


@router.post("/proposals/batch", response_model=JobCreated, status_code=202)
def propose_batch(
    body: BatchRequest,
    user: Annotated[User, Depends(require_action("propose"))],
    session: SessionDep,
    queue: QueueDep,
) -> JobCreated:
    """Propose under one framework for every school the user may see; returns a job id."""
    job = create_batch(session, user, body.framework)
    session.commit()  # the job's row must exist before a worker looks for it
    queue.submit(job.id)
    return JobCreated(id=job.id, status=job.status, total=job.total)


@router.get("/jobs/{job_id}", response_model=JobView)
def get_job(
    job: Annotated[JobRecord, Depends(JobAccess())], user: CurrentUser, session: SessionDep
) -> JobView:
    """How far the job has got, and what each step produced."""
    return job_view(session, job)
