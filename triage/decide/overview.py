"""What the service shows of one school: documents, the latest proposal and the decision per
framework, and whether the evidence changed since. A school user sees only the decided part."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict
from sqlalchemy import select
from sqlalchemy.orm import Session

from triage.decide.decisions import AWAITING, current_inputs_hash
from triage.extract.models import EvidenceItem, Proposal
from triage.frameworks.loader import framework_ids
from triage.people.access import FINAL
from triage.runtime import Runtime
from triage.store.models import Document, ProposalRecord, School
from triage.store.people import User
from triage.store.record import Decision
from triage.vocabulary import LEVEL_NAMES


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DocumentSummary(Model):
    id: int
    source: str
    kind: str
    date: dt.date | None
    version: int
    status: str
    format: str
    pages: int
    passages: int


class ProposalSummary(Model):
    id: int
    framework: str
    category: str | None
    support_level: str | None
    status: str
    created_at: dt.datetime
    out_of_date: bool


class DecisionSummary(Model):
    id: int
    proposal_id: int
    framework: str
    action: str
    category: str
    proposed_category: str | None
    reason: str
    status: str
    officer: str
    countersigner: str | None
    decided_at: dt.datetime
    countersigned_at: dt.datetime | None


class FrameworkView(Model):
    framework: str
    latest_proposal: ProposalSummary | None
    decision: DecisionSummary | None
    decided_category: str | None
    evidence_changed_since_decision: bool | None
    evidence_for: list[EvidenceItem] | None = None
    evidence_against: list[EvidenceItem] | None = None


class SchoolView(Model):
    urn: str
    name: str | None
    phase: str | None
    documents: list[DocumentSummary]
    frameworks: list[FrameworkView]


def document_summary(document: Document) -> DocumentSummary:
    return DocumentSummary(
        id=document.id,
        source=document.source,
        kind=document.kind,
        date=document.date,
        version=document.version,
        status=document.status,
        format=document.format,
        pages=len(document.pages) if document.format == "pdf" else 0,
        passages=len(document.passages),
    )


def decision_summary(session: Session, decision: Decision) -> DecisionSummary:
    officer = session.get(User, decision.officer_id)
    signer = session.get(User, decision.countersigner_id) if decision.countersigner_id else None
    return DecisionSummary(
        id=decision.id,
        proposal_id=decision.proposal_id,
        framework=decision.framework,
        action=decision.action,
        category=decision.category,
        proposed_category=decision.proposed_category,
        reason=decision.reason,
        status=decision.status,
        officer=officer.name if officer else "",
        countersigner=signer.name if signer else None,
        decided_at=decision.decided_at,
        countersigned_at=decision.countersigned_at,
    )


def school_view(runtime: Runtime, session: Session, school: School, *, drafts: bool) -> SchoolView:
    """The school as its page shows it; without `drafts`, only decided categories and evidence."""
    documents = sorted(school.documents, key=lambda d: (d.source, d.version))
    frameworks = [_framework_view(runtime, session, school.urn, f, drafts) for f in framework_ids()]
    return SchoolView(
        urn=school.urn,
        name=school.name,
        phase=school.phase,
        documents=[document_summary(d) for d in documents] if drafts else [],
        frameworks=[f for f in frameworks if drafts or f.decision is not None],
    )


def _framework_view(
    runtime: Runtime, session: Session, urn: str, framework_id: str, drafts: bool
) -> FrameworkView:
    latest = session.scalars(
        select(ProposalRecord)
        .where(ProposalRecord.school_urn == urn, ProposalRecord.framework == framework_id)
        .order_by(ProposalRecord.id.desc())
    ).first()
    decided = session.scalars(
        select(Decision)
        .where(
            Decision.school_urn == urn,
            Decision.framework == framework_id,
            Decision.status.in_((FINAL, AWAITING) if drafts else (FINAL,)),
        )
        .order_by(Decision.id.desc())
    ).first()
    current = current_inputs_hash(runtime, urn, framework_id) if latest or decided else ""
    view = FrameworkView(
        framework=framework_id,
        latest_proposal=_proposal_summary(latest, current) if latest and drafts else None,
        decision=decision_summary(session, decided) if decided else None,
        decided_category=decided.category if decided and decided.status == FINAL else None,
        evidence_changed_since_decision=decided.inputs_hash != current if decided else None,
    )
    if not drafts and decided is not None:
        record = session.get(ProposalRecord, decided.proposal_id)
        if record is not None:
            body = Proposal.model_validate_json(record.body)
            view.evidence_for = [e for e in body.evidence if e.stance == "supports"]
            view.evidence_against = [e for e in body.evidence if e.stance == "contradicts"]
    return view


def _proposal_summary(record: ProposalRecord, current_hash: str) -> ProposalSummary:
    body = Proposal.model_validate_json(record.body)
    return ProposalSummary(
        id=record.id,
        framework=record.framework,
        category=body.category,
        support_level=body.support_level,
        status=record.status,
        created_at=record.created_at,
        out_of_date=record.inputs_hash != current_hash,
    )


def proposal_checks(proposal: Proposal) -> list[str]:
    """What an officer should check before deciding: the weak points the proposal itself shows."""
    found = []
    if proposal.insufficient_evidence:
        found.append(
            (proposal.missing_evidence or "Too few aspects are evidenced to place the school.")
            + " Or decide on what is known and say so in the reason."
        )
    if proposal.category is None:
        found.append("No category is proposed: an override with a reason is the only decision.")
    for aspect, entry in proposal.profile.items():
        if entry.recall_override:
            found.append(
                f"One recent concern set {aspect.replace('_', ' ')} to level {entry.level} "
                f"({LEVEL_NAMES[entry.level]}) against other evidence: check that passage."
            )
    for rule in proposal.limiting_rules:
        if not rule.get("quote"):
            found.append(
                f"The limiting rule {rule.get('id', '')} fired on {rule.get('because', '')} "
                "with no passage to quote: check the evidence behind it."
            )
    if proposal.dropped_citations:
        found.append(
            f"{proposal.dropped_citations} quotes were not found verbatim on their page and were "
            "left out: a document may have been read badly."
        )
    return found
