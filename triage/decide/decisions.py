"""An officer's decision on a proposal, and a lead's countersignature, under DESIGN.md's rules.

- approve takes the proposed category; override needs a category of the framework and a reason
  of substance (see `reasons`);
- a decision placing the school in the framework's bottom category, or two or more categories
  from the proposal, waits for a lead's countersignature, by someone other than the officer;
- a decision records the proposal and its inputs hash; a proposal whose inputs changed since it
  was made (documents, framework or retrieval settings) is refused: propose again.
Every decision and countersignature goes on the audit log in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from triage.decide import audit, proposals
from triage.decide.frameworks import bottom_category, category_distance, framework
from triage.decide.proposals import add_proposal, inputs_hash, propose
from triage.decide.reasons import check_reason
from triage.errors import (
    ConflictError,
    DecisionRefusedError,
    PermissionDeniedError,
    StaleProposalError,
)
from triage.extract.judges.rules import RULES
from triage.extract.loading import load_school_evidence
from triage.extract.models import Proposal
from triage.extract.snapshot import SchoolEvidence
from triage.people.access import FINAL, require
from triage.people.users import now
from triage.runtime import Runtime
from triage.store.models import ProposalRecord
from triage.store.people import User
from triage.store.queries import current_documents
from triage.store.record import Decision

AWAITING = "awaiting_countersign"
# The proposals table's status column holds 16 characters: its own word for the same state.
PROPOSAL_AWAITING = "to_countersign"
REJECTED = "rejected"
DecisionAction = Literal["approve", "override"]


def current_inputs_hash(runtime: Runtime, urn: str, framework_id: str) -> str:
    """What a proposal made now for this school and framework would rest on."""
    return proposals.current_inputs_hash(
        runtime, urn, framework(framework_id), extractor=RULES, retrieval_mode="hybrid"
    )


def check_fresh(runtime: Runtime, record: ProposalRecord) -> None:
    if record.inputs_hash != current_inputs_hash(runtime, record.school_urn, record.framework):
        raise StaleProposalError(
            f"proposal {record.id} is out of date: the school's documents or the {record.framework}"
            " framework changed after it was made; propose again and decide on the new proposal"
        )


def open_decision(session: Session, proposal_id: int) -> Decision | None:
    """The decision standing on a proposal (final or awaiting a countersignature), if any."""
    query = select(Decision).where(
        Decision.proposal_id == proposal_id, Decision.status.in_((FINAL, AWAITING))
    )
    return session.scalars(query.order_by(Decision.id.desc())).first()


def decide(
    runtime: Runtime,
    session: Session,
    user: User,
    record: ProposalRecord,
    *,
    action: DecisionAction,
    category: str | None,
    reason: str,
) -> Decision:
    """Record the officer's decision; refuse it with the rule it breaks."""
    require(user, "decide")
    standing = open_decision(session, record.id)
    if standing is not None:
        raise ConflictError(
            f"proposal {record.id} already has a decision ({standing.status.replace('_', ' ')})"
        )
    check_fresh(runtime, record)
    proposed = Proposal.model_validate_json(record.body).category
    chosen = _chosen_category(session, record, action, category, proposed, reason)
    loaded = framework(record.framework)
    needs = chosen == bottom_category(loaded) or category_distance(loaded, proposed, chosen) >= 2
    decision = Decision(
        proposal_id=record.id,
        school_urn=record.school_urn,
        framework=record.framework,
        action=action,
        category=chosen,
        proposed_category=proposed,
        reason=reason.strip(),
        inputs_hash=record.inputs_hash,
        officer_id=user.id,
        status=AWAITING if needs else FINAL,
        needs_countersign=needs,
        decided_at=now(),
    )
    session.add(decision)
    record.status = PROPOSAL_AWAITING if needs else "decided"
    session.flush()
    audit.append(
        session,
        "decision",
        actor=user.email,
        school=record.school_urn,
        subject=f"proposal:{record.id}",
        detail=_detail(decision),
    )
    return decision


def _chosen_category(
    session: Session,
    record: ProposalRecord,
    action: DecisionAction,
    category: str | None,
    proposed: str | None,
    reason: str,
) -> str:
    if action == "approve":
        if proposed is None:
            raise DecisionRefusedError(
                "there is no proposed category to approve (insufficient evidence): override "
                "with a category and a reason"
            )
        if category not in (None, proposed):
            raise DecisionRefusedError(
                f"approve takes the proposed category ({proposed}); to place the school in "
                f"{category}, override with a reason"
            )
        return proposed
    ids = [c.id for c in framework(record.framework).categories]
    if category is None or category not in ids:
        raise DecisionRefusedError(
            f"an override needs a category of the {record.framework} framework: {', '.join(ids)}"
        )
    if category == proposed:
        raise DecisionRefusedError(f"{category} is the proposed category: approve it instead")
    sources = [d.source for d in current_documents(session, record.school_urn)]
    check_reason(reason, sources)
    return category


def countersign(
    runtime: Runtime,
    session: Session,
    user: User,
    decision: Decision,
    *,
    agree: bool,
    reason: str,
) -> Decision:
    """A lead other than the deciding officer agrees (the decision is final) or does not (the
    proposal goes back to be decided again)."""
    require(user, "countersign")
    if decision.status != AWAITING:
        raise ConflictError(f"decision {decision.id} is not awaiting a countersignature")
    if decision.officer_id == user.id:
        raise PermissionDeniedError(
            "a countersignature must come from a lead other than the officer who decided"
        )
    if not agree and len(reason.split()) < 3:
        raise DecisionRefusedError("say why you do not agree (a sentence) so the officer can act")
    record = session.get(ProposalRecord, decision.proposal_id)
    assert record is not None
    check_fresh(runtime, record)
    decision.countersigner_id = user.id
    decision.countersign_agree = agree
    decision.countersign_reason = reason.strip()
    decision.countersigned_at = now()
    decision.status = FINAL if agree else REJECTED
    record.status = "decided" if agree else "proposed"
    session.flush()
    audit.append(
        session,
        "countersign",
        actor=user.email,
        school=decision.school_urn,
        subject=f"proposal:{record.id}",
        detail={"decision": decision.id, "agree": agree, "reason": reason.strip()},
    )
    return decision


def decisions_for(session: Session, urn: str) -> list[Decision]:
    """Every decision on the school, newest first."""
    query = select(Decision).where(Decision.school_urn == urn).order_by(Decision.id.desc())
    return list(session.scalars(query))


def _detail(decision: Decision) -> dict[str, object]:
    return {
        "decision": decision.id,
        "framework": decision.framework,
        "action": decision.action,
        "category": decision.category,
        "proposed_category": decision.proposed_category,
        "reason": decision.reason,
        "inputs_hash": decision.inputs_hash,
        "status": decision.status,
    }


@dataclass(frozen=True)
class PreparedProposal:
    """A proposal computed for a school and the inputs hash it rests on, not yet recorded."""

    urn: str
    framework: str
    inputs_hash: str
    proposal: Proposal


def prepare_proposal(
    runtime: Runtime,
    user: User | None,
    urn: str,
    framework_id: str,
    *,
    evidence: SchoolEvidence | None = None,
) -> PreparedProposal:
    """Compute a proposal for one school (the slow part), writing nothing; `evidence` is the
    school's snapshot when the caller holds one (several frameworks read the same).

    The inputs hash is taken from the snapshot the proposal reads, so a document arriving
    meanwhile makes the proposal out of date rather than claiming evidence it did not read.
    """
    if user is not None:
        require(user, "propose")
    loaded = framework(framework_id)
    evidence = evidence or load_school_evidence(runtime, urn)
    hashed = inputs_hash(runtime, evidence, loaded, extractor=RULES, retrieval_mode="hybrid")
    proposal = propose(runtime, urn, framework_id, store=False, evidence=evidence)
    return PreparedProposal(urn=urn, framework=framework_id, inputs_hash=hashed, proposal=proposal)


def record_proposal(session: Session, actor: str, prepared: PreparedProposal) -> int:
    """Store the proposal and its audit entry in the caller's transaction; returns its id."""
    record = add_proposal(session, prepared.proposal, inputs_hash=prepared.inputs_hash)
    audit.append(
        session,
        "proposal",
        actor=actor,
        school=prepared.urn,
        subject=f"proposal:{record.id}",
        detail={
            "framework": prepared.framework,
            "category": prepared.proposal.category,
            "inputs_hash": prepared.inputs_hash,
        },
    )
    return record.id


def propose_recorded(
    runtime: Runtime, user: User, urn: str, framework_id: str
) -> tuple[int, Proposal]:
    """Propose for one school as `user`: stored with status `proposed`, and on the record, in
    one transaction (a proposal is never stored without its audit entry)."""
    prepared = prepare_proposal(runtime, user, urn, framework_id)
    with runtime.store.session() as session:
        proposal_id = record_proposal(session, user.email, prepared)
    return proposal_id, prepared.proposal
