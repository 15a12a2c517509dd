"""Proposals: propose for a school, read one, decide, countersign, and the letter."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from triage.api.deps import CurrentUser, ProposalAccess, RuntimeDep, SchoolAccess, SessionDep
from triage.api.schemas.proposals import (
    CountersignRequest,
    DecisionRequest,
    ProposalPublic,
    ProposeRequest,
)
from triage.decide import audit
from triage.decide.decisions import (
    AWAITING,
    countersign,
    current_inputs_hash,
    decide,
    open_decision,
    prepare_proposal,
    record_proposal,
)
from triage.decide.note import note_of_visit
from triage.decide.overview import DecisionSummary, decision_summary
from triage.errors import ConflictError
from triage.extract.models import Proposal
from triage.runtime import Runtime
from triage.store.models import ProposalRecord, School
from triage.store.people import User

router = APIRouter(prefix="/api", tags=["proposals"])
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def proposal_public(
    runtime: Runtime, session: SessionDep, record: ProposalRecord
) -> ProposalPublic:
    standing = open_decision(session, record.id)
    current = current_inputs_hash(runtime, record.school_urn, record.framework)
    return ProposalPublic(
        id=record.id,
        school=record.school_urn,
        framework=record.framework,
        status=record.status,
        inputs_hash=record.inputs_hash,
        created_at=record.created_at,
        out_of_date=record.inputs_hash != current,
        proposal=Proposal.model_validate_json(record.body),
        decision=decision_summary(session, standing) if standing else None,
    )


@router.post("/schools/{urn}/proposals", response_model=ProposalPublic, status_code=201)
def create_proposal(
    body: ProposeRequest,
    school: Annotated[School, Depends(SchoolAccess("propose"))],
    user: CurrentUser,
    session: SessionDep,
    runtime: RuntimeDep,
) -> ProposalPublic:
    """Extract, profile and score the school under one framework; stored as `proposed`.

    Stored in the request's transaction, which commits only once the reply is built: a database
    lost while it is built leaves nothing stored, so the 503 saying so is true."""
    prepared = prepare_proposal(runtime, user, school.urn, body.framework)
    proposal_id = record_proposal(session, user.email, prepared)
    record = session.get(ProposalRecord, proposal_id)
    assert record is not None
    return proposal_public(runtime, session, record)


@router.get("/proposals/{proposal_id}", response_model=ProposalPublic)
def get_proposal(
    record: Annotated[ProposalRecord, Depends(ProposalAccess("read_decided"))],
    session: SessionDep,
    runtime: RuntimeDep,
) -> ProposalPublic:
    """The proposal with its evidence, and the decision standing on it."""
    return proposal_public(runtime, session, record)


@router.post("/proposals/{proposal_id}/decision", response_model=DecisionSummary, status_code=201)
def decide_proposal(
    body: DecisionRequest,
    record: Annotated[ProposalRecord, Depends(ProposalAccess("decide"))],
    user: CurrentUser,
    session: SessionDep,
    runtime: RuntimeDep,
) -> DecisionSummary:
    """Approve (the proposed category) or override (a category and a reason of substance)."""
    decision = decide(
        runtime,
        session,
        user,
        record,
        action=body.action,
        category=body.category,
        reason=body.reason,
    )
    return decision_summary(session, decision)


@router.post("/proposals/{proposal_id}/countersign", response_model=DecisionSummary)
def countersign_decision(
    body: CountersignRequest,
    record: Annotated[ProposalRecord, Depends(ProposalAccess("countersign"))],
    user: CurrentUser,
    session: SessionDep,
    runtime: RuntimeDep,
) -> DecisionSummary:
    """A lead, not the deciding officer, agrees with the decision or sends it back."""
    decision = open_decision(session, record.id)
    if decision is None or decision.status != AWAITING:
        raise ConflictError(f"proposal {record.id} has no decision awaiting a countersignature")
    countersign(runtime, session, user, decision, agree=body.agree, reason=body.reason)
    return decision_summary(session, decision)


@router.get(
    "/proposals/{proposal_id}/note.docx",
    response_class=Response,
    responses={200: {"content": {DOCX: {}}}},
)
def note_docx(
    record: Annotated[ProposalRecord, Depends(ProposalAccess("read_decided"))],
    user: CurrentUser,
    session: SessionDep,
    runtime: RuntimeDep,
) -> Response:
    """The note of visit / categorisation letter as a Word document."""
    decision = open_decision(session, record.id)
    data = note_of_visit(
        authority=runtime.settings.service.authority,
        school=session.get(School, record.school_urn),  # type: ignore[arg-type]
        proposal=Proposal.model_validate_json(record.body),
        proposal_id=record.id,
        proposed_at=record.created_at,
        decision=decision,
        officer=_name(session, decision.officer_id if decision else None),
        countersigner=_name(session, decision.countersigner_id if decision else None),
    )
    audit.append(
        session,
        "export",
        actor=user.email,
        school=record.school_urn,
        subject=f"proposal:{record.id}",
        detail={"format": "docx"},
    )
    filename = f"note-{record.school_urn}-{record.framework}-{record.id}.docx"
    return Response(
        data, media_type=DOCX, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )


def _name(session: SessionDep, user_id: int | None) -> str | None:
    user = session.get(User, user_id) if user_id else None
    return user.name if user else None
