"""Proposing for every school at once, as a job in the server, and its progress page (which
refreshes itself while the job runs, with or without JavaScript)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Form, Request, Response

from triage.api.deps import CurrentUser, JobAccess, QueueDep, SessionDep, require_action
from triage.jobs.batch import create_batch
from triage.jobs.queue import DONE, FAILED, job_view
from triage.store.people import User
from triage.store.record import JobRecord
from triage.web.pages import page_router, redirect, render

router = page_router()


@router.post("/jobs")
def start_batch(
    user: Annotated[User, Depends(require_action("propose"))],
    session: SessionDep,
    queue: QueueDep,
    framework: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    """Propose under one framework for every school the user may see."""
    job = create_batch(session, user, framework)
    session.commit()  # the job's row must exist before a worker looks for it
    queue.submit(job.id)
    return redirect(f"/jobs/{job.id}")


@router.get("/jobs/{job_id}")
def job_page(
    request: Request,
    job: Annotated[JobRecord, Depends(JobAccess())],
    user: CurrentUser,
    session: SessionDep,
) -> Response:
    view = job_view(session, job)
    return render(
        request, "jobs/job.html", user=user, job=view, finished=view.status in (DONE, FAILED)
    )
