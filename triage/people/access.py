"""Who may see which school, and what their role may do there: the one access rule.

A user who may not see a school meets exactly what they would for a school that does not exist
(the same NotFoundError and message), for the school and for everything under it: documents,
proposals, answers. Only then is the role asked whether it may do the thing (PermissionDenied).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from triage.decide import audit
from triage.errors import NotFoundError, PermissionDeniedError
from triage.people.roles import Action, may
from triage.store import Store
from triage.store.models import Document, ProposalRecord, School
from triage.store.people import Assignment, User
from triage.store.record import AnswerRecord, Decision, JobRecord

FINAL = "final"


def visible_urns(session: Session, user: User) -> list[str]:
    """The URNs of every school the user may see, sorted."""
    if user.role == "lead":
        return sorted(session.scalars(select(School.urn)))
    if user.role in ("officer", "school"):
        query = (
            select(Assignment.school_urn)
            .join(School, School.urn == Assignment.school_urn)
            .where(Assignment.user_id == user.id)
        )
        return sorted(session.scalars(query))
    return []


def can_see(session: Session, user: User, urn: str) -> bool:
    if user.role == "lead":
        return session.get(School, urn) is not None
    if user.role in ("officer", "school"):
        return session.get(Assignment, (user.id, urn)) is not None
    return False


def require(user: User, action: Action) -> None:
    if not may(user.role, action):
        raise PermissionDeniedError(
            f"{'an' if user.role[:1] in 'aeiou' else 'a'} {user.role} may not "
            f"{action.replace('_', ' ')}; ask a lead or an admin"
        )


def school_for(session: Session, user: User, urn: str, action: Action) -> School:
    """The school, if the user may see it and do `action` there."""
    school = session.get(School, urn) if can_see(session, user, urn) else None
    if school is None:
        raise NotFoundError(f"no school with URN {urn}")
    require(user, action)
    return school


def document_for(session: Session, user: User, document_id: int, action: Action) -> Document:
    document = session.get(Document, document_id)
    if document is None or not can_see(session, user, document.school_urn):
        raise NotFoundError(f"no document {document_id}")
    require(user, action)
    return document


def final_decision(session: Session, proposal_id: int) -> Decision | None:
    query = select(Decision).where(Decision.proposal_id == proposal_id, Decision.status == FINAL)
    return session.scalars(query.order_by(Decision.id.desc())).first()


def proposal_for(session: Session, user: User, proposal_id: int, action: Action) -> ProposalRecord:
    """A proposal the user may see; a school user sees only one that was decided."""
    record = session.get(ProposalRecord, proposal_id)
    hidden = record is None or not can_see(session, user, record.school_urn)
    if not hidden and user.role == "school":
        hidden = final_decision(session, proposal_id) is None
    if hidden or record is None:
        raise NotFoundError(f"no proposal {proposal_id}")
    require(user, action)
    return record


def answer_for(session: Session, user: User, answer_id: int) -> AnswerRecord:
    record = session.get(AnswerRecord, answer_id)
    if record is None or not can_see(session, user, record.school_urn):
        raise NotFoundError(f"no answer {answer_id}")
    require(user, "ask")
    return record


def job_for(session: Session, user: User, job_id: str) -> JobRecord:
    """A job is seen only by the user who started it."""
    record = session.get(JobRecord, job_id)
    if record is None or record.owner_id != user.id:
        raise NotFoundError(f"no job {job_id}")
    return record


def record_refusal(store: Store, user: User | None, what: str, error: Exception) -> None:
    """Put a refused access on the record, in its own transaction (the request's rolls back)."""
    audit.record(
        store,
        "access.refused",
        actor=user.email if user else "",
        subject=what[:200],
        detail={"reason": type(error).__name__},
    )
