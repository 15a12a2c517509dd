"""Proposals as jobs: propose for every school a user may see, and propose again for every
school whose proposal a framework or lexicon change has put out of date.

A step is one school under each framework of the job: the proposals are computed first, then
stored with their audit entries and the step's row in one transaction.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from triage.decide.decisions import (
    PreparedProposal,
    current_inputs_hash,
    prepare_proposal,
    record_proposal,
)
from triage.decide.frameworks import framework
from triage.errors import InvalidRequestError
from triage.extract.loading import load_school_evidence
from triage.frameworks.loader import framework_ids
from triage.jobs.queue import JobTicket, Record, create_job, job_kind
from triage.jobs.reindex import fresh_keywords
from triage.people.access import require, visible_urns
from triage.runtime import Runtime
from triage.store.models import ProposalRecord
from triage.store.people import User
from triage.store.record import JobRecord

PROPOSE_BATCH = "propose_batch"
REPROPOSE = "repropose"


def frameworks_named(name: str) -> list[str]:
    """`all` for every framework, else the one named (refused if unknown)."""
    if name == "all":
        return framework_ids()
    framework(name)
    return [name]


def create_batch(session: Session, user: User, framework_id: str) -> JobRecord:
    """A job proposing for every school the user may see (as they see them now), under one
    framework or `all`."""
    require(user, "propose")
    frameworks = frameworks_named(framework_id)
    schools = visible_urns(session, user)
    if not schools:
        raise InvalidRequestError("you have no schools to propose for")
    return create_job(
        session,
        kind=PROPOSE_BATCH,
        owner=user,
        params={"frameworks": frameworks},
        items=schools,
    )


def create_repropose(
    session: Session, runtime: Runtime, user: User, framework_id: str
) -> JobRecord:
    """A job proposing again for every school whose latest proposal under the framework (or
    any, for `all`) rests on inputs that have changed since: the framework file, the lexicon,
    the school's documents."""
    require(user, "propose")
    frameworks = frameworks_named(framework_id)
    visible = set(visible_urns(session, user))
    stale = sorted({urn for urn, _ in out_of_date(session, runtime, frameworks) if urn in visible})
    return create_job(
        session, kind=REPROPOSE, owner=user, params={"frameworks": frameworks}, items=stale
    )


def out_of_date(session: Session, runtime: Runtime, frameworks: list[str]) -> list[tuple[str, str]]:
    """(school, framework) whose latest proposal's inputs hash is not today's."""
    newest = (
        select(func.max(ProposalRecord.id))
        .where(ProposalRecord.framework.in_(frameworks))
        .group_by(ProposalRecord.school_urn, ProposalRecord.framework)
    )
    latest = session.scalars(select(ProposalRecord).where(ProposalRecord.id.in_(newest)))
    return sorted(
        (record.school_urn, record.framework)
        for record in latest
        if record.inputs_hash != current_inputs_hash(runtime, record.school_urn, record.framework)
    )


@job_kind(PROPOSE_BATCH)
def propose_school(runtime: Runtime, job: JobTicket, urn: str) -> Record:
    return _proposals(runtime, job, urn, job.params["frameworks"])


@job_kind(REPROPOSE)
def repropose_school(runtime: Runtime, job: JobTicket, urn: str) -> Record:
    with runtime.store.session() as session:
        stale = [
            f
            for school, f in out_of_date(session, runtime, job.params["frameworks"])
            if school == urn
        ]
    return _proposals(runtime, job, urn, stale)


def _proposals(runtime: Runtime, job: JobTicket, urn: str, frameworks: list[str]) -> Record:
    if job.owner is None:
        raise InvalidRequestError("a proposal job needs the person it is done for")
    owner = job.owner
    fresh_keywords(runtime, urn)
    evidence = load_school_evidence(runtime, urn)  # one snapshot read by every framework
    prepared = [prepare_proposal(runtime, owner, urn, f, evidence=evidence) for f in frameworks]

    def record(session: Session) -> dict[str, Any]:
        return {
            "school": urn,
            "proposals": [_stored(session, owner.email, p) for p in prepared],
        }

    return record


def _stored(session: Session, actor: str, prepared: PreparedProposal) -> dict[str, Any]:
    return {
        "framework": prepared.framework,
        "proposal_id": record_proposal(session, actor, prepared),
        "category": prepared.proposal.category,
    }
