"""Propose for every school a user may see, one framework, as a job with progress."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from triage.decide.decisions import propose_recorded
from triage.decide.frameworks import framework
from triage.errors import InvalidRequestError, TriageError
from triage.jobs.queue import create_job, job_kind, progress
from triage.people.access import require, visible_urns
from triage.runtime import Runtime
from triage.store.people import User
from triage.store.record import JobRecord

PROPOSE_BATCH = "propose_batch"


def create_batch(session: Session, user: User, framework_id: str) -> JobRecord:
    """A job proposing for every school the user may see, as the user sees them now."""
    require(user, "propose")
    framework(framework_id)
    schools = visible_urns(session, user)
    if not schools:
        raise InvalidRequestError("you have no schools to propose for")
    return create_job(
        session,
        kind=PROPOSE_BATCH,
        owner=user,
        params={"framework": framework_id, "schools": schools},
        total=len(schools),
    )


@job_kind(PROPOSE_BATCH)
def run_batch(runtime: Runtime, job: JobRecord) -> None:
    params = json.loads(job.params)
    with runtime.store.session() as session:
        owner = session.get(User, job.owner_id)
        if owner is None:
            raise InvalidRequestError("the user who started this job no longer exists")
        session.expunge(owner)
    for urn in params["schools"]:
        try:
            proposal_id, proposal = propose_recorded(runtime, owner, urn, params["framework"])
        except TriageError as exc:
            progress(runtime, job.id, {"school": urn, "error": str(exc)}, ok=False)
            continue
        progress(
            runtime,
            job.id,
            {"school": urn, "proposal_id": proposal_id, "category": proposal.category},
            ok=True,
        )
