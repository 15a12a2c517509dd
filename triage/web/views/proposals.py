"""One proposal with its evidence, and the decision on it: approve or override with a reason,
a lead's countersignature, and the note of visit (the API's download, which takes the cookie)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Form, Request, Response
from sqlalchemy.orm import Session

from triage.api.deps import CurrentUser, ProposalAccess, RuntimeDep, SessionDep
from triage.api.errors import one_line, status_for
from triage.decide.decisions import (
    AWAITING,
    countersign,
    current_inputs_hash,
    decide,
    open_decision,
)
from triage.decide.frameworks import framework
from triage.decide.overview import decision_summary, proposal_checks
from triage.decide.viewer import CitationTargets
from triage.errors import ConflictError, TriageError
from triage.extract.models import Proposal
from triage.people.roles import may
from triage.runtime import Runtime
from triage.store.models import ProposalRecord, School
from triage.store.people import User
from triage.web.pages import page_router, redirect, render

router = page_router()
FormText = Annotated[str, Form(max_length=5000)]


@router.get("/proposals/{proposal_id}")
def proposal_page(
    request: Request,
    record: Annotated[ProposalRecord, Depends(ProposalAccess("read_decided"))],
    user: CurrentUser,
    session: SessionDep,
    runtime: RuntimeDep,
) -> Response:
    return _page(request, user, session, runtime, record)


@router.post("/proposals/{proposal_id}/decision")
def decision(
    request: Request,
    record: Annotated[ProposalRecord, Depends(ProposalAccess("decide"))],
    user: CurrentUser,
    session: SessionDep,
    runtime: RuntimeDep,
    action: FormText = "",
    category: FormText = "",
    reason: FormText = "",
) -> Response:
    """Approve the proposed category, or override it with a category and a reason."""
    form = {"action": action, "category": category, "reason": reason}
    if action not in ("approve", "override"):
        return _refused(
            request, user, session, runtime, record, form, "approve", "Choose approve or override"
        )
    try:
        decide(
            runtime,
            session,
            user,
            record,
            action=action,  # type: ignore[arg-type]
            category=category or None,
            reason=reason if action == "override" else "",
        )
    except TriageError as exc:
        field = (
            "reason" if "reason" in str(exc) else "category" if action == "override" else "approve"
        )
        return _refused(request, user, session, runtime, record, form, field, exc)
    return redirect(f"/proposals/{record.id}", notice="decided")


@router.post("/proposals/{proposal_id}/countersign")
def countersign_page(
    request: Request,
    record: Annotated[ProposalRecord, Depends(ProposalAccess("countersign"))],
    user: CurrentUser,
    session: SessionDep,
    runtime: RuntimeDep,
    agree: FormText = "",
    reason: FormText = "",
) -> Response:
    """A lead other than the deciding officer agrees, or sends the decision back with a reason."""
    form = {"agree": agree, "countersign_reason": reason}
    if agree not in ("yes", "no"):
        return _refused(
            request, user, session, runtime, record, form, "agree", "Choose whether you agree"
        )
    try:
        standing = open_decision(session, record.id)
        if standing is None or standing.status != AWAITING:
            raise ConflictError("this decision is not awaiting a countersignature")
        countersign(runtime, session, user, standing, agree=agree == "yes", reason=reason)
    except TriageError as exc:
        return _refused(request, user, session, runtime, record, form, "countersign_reason", exc)
    return redirect(f"/proposals/{record.id}", notice="countersigned")


def _refused(
    request: Request,
    user: User,
    session: Session,
    runtime: Runtime,
    record: ProposalRecord,
    form: dict[str, str],
    field: str,
    problem: Exception | str,
) -> Response:
    session.rollback()
    status = status_for(problem) if isinstance(problem, Exception) else 422
    message = one_line(str(problem))
    return _page(
        request,
        user,
        session,
        runtime,
        record,
        form=form,
        errors={field: message},
        status_code=status,
    )


def _page(
    request: Request,
    user: User,
    session: Session,
    runtime: Runtime,
    record: ProposalRecord,
    *,
    form: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    proposal = Proposal.model_validate_json(record.body)
    standing = open_decision(session, record.id)
    out_of_date = record.inputs_hash != current_inputs_hash(
        runtime, record.school_urn, record.framework
    )
    drafts = may(user.role, "read_school")
    passages = [e.passage_id for e in proposal.evidence if e.passage_id is not None]
    for entry in proposal.profile.values():
        passages += [
            e.passage_id for e in [*entry.evidence_for, *entry.evidence_against] if e.passage_id
        ]
    context: dict[str, Any] = {
        "record": record,
        "proposal": proposal,
        "school": session.get(School, record.school_urn),
        "framework": framework(record.framework),
        "decision": decision_summary(session, standing) if standing else None,
        "out_of_date": out_of_date,
        "checks": proposal_checks(proposal) if drafts else [],
        "targets": CitationTargets(session, record.school_urn, passages) if drafts else None,
        "may_decide": may(user.role, "decide") and standing is None and not out_of_date,
        "may_countersign": (
            may(user.role, "countersign")
            and standing is not None
            and standing.status == AWAITING
            and standing.officer_id != user.id
        ),
        "drafts": drafts,
        "may_propose": may(user.role, "propose"),
        "gap_aspects": [g.split(":", 1)[1] for g in proposal.gaps if g.startswith("aspect:")],
        "gap_chars": [g for g in proposal.gaps if not g.startswith("aspect:")],
        "form": form or {},
        "errors": errors or {},
    }
    return render(request, "proposals/proposal.html", user=user, status_code=status_code, **context)
