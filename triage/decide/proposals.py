"""Propose a category for a school: extract, profile, score, and store the proposal for review.

A stored proposal is advice with status `proposed`; nothing is final until an officer decides.
Its `inputs_hash` names exactly what it rests on (the framework file, the school's current
documents, the extractor and the retrieval mode), so an unchanged proposal is recognisable.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from triage.extract.judges.rules import RULES
from triage.extract.models import Proposal
from triage.extract.pipeline import extract
from triage.frameworks.loader import load_framework
from triage.frameworks.schema import Framework
from triage.index.retrieval import RetrievalMode
from triage.profile import build_profile
from triage.runtime import Runtime
from triage.score import score_school
from triage.store.models import ProposalRecord
from triage.store.queries import current_documents, get_school

PROPOSED = "proposed"


def propose(
    runtime: Runtime,
    urn: str,
    framework_id: str,
    *,
    extractor: str = RULES,
    retrieval_mode: RetrievalMode = "hybrid",
    store: bool = True,
) -> Proposal:
    """The proposal for one school under one framework (stored unless `store` is False)."""
    framework = load_framework(framework_id)
    with runtime.store.session() as session:
        get_school(session, urn)
    extraction = extract(
        runtime, urn, framework, extractor=extractor, retrieval_mode=retrieval_mode
    )
    proposal = score_school(framework, build_profile(framework, extraction))
    if store:
        store_proposal(
            runtime,
            proposal,
            inputs_hash=inputs_hash(
                runtime, urn, framework, extractor=extractor, retrieval_mode=retrieval_mode
            ),
        )
    return proposal


def proposal_json(proposal: Proposal | dict[str, Proposal]) -> str:
    """Canonical JSON: sorted keys, no timestamps, so equal proposals are equal bytes."""
    if isinstance(proposal, dict):
        data: object = {k: v.model_dump(mode="json") for k, v in sorted(proposal.items())}
    else:
        data = proposal.model_dump(mode="json")
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False)


def inputs_hash(
    runtime: Runtime,
    urn: str,
    framework: Framework,
    *,
    extractor: str,
    retrieval_mode: str,
) -> str:
    """SHA-256 over the framework, the school's current documents and the extraction settings."""
    with runtime.store.session() as session:
        documents = [
            (d.source, d.kind, d.sha256, d.date.isoformat() if d.date else None)
            for d in current_documents(session, urn)
        ]
    payload = {
        "school": urn,
        "framework": framework.model_dump(mode="json"),
        "documents": sorted(documents, key=str),
        "extractor": extractor,
        "retrieval_mode": retrieval_mode,
        "retrieval": runtime.settings.retrieval.model_dump(mode="json"),
    }
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


def store_proposal(runtime: Runtime, proposal: Proposal, *, inputs_hash: str) -> int:
    """Record the proposal with status `proposed`; returns its id."""
    with runtime.store.session() as session:
        return add_proposal(session, proposal, inputs_hash=inputs_hash).id


def add_proposal(session: Session, proposal: Proposal, *, inputs_hash: str) -> ProposalRecord:
    """The proposal as a row with status `proposed`, in the caller's transaction."""
    record = ProposalRecord(
        school_urn=proposal.school,
        framework=proposal.framework,
        status=PROPOSED,
        inputs_hash=inputs_hash,
        body=proposal_json(proposal),
        created_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
    )
    session.add(record)
    session.flush()
    return record


def stored_proposals(runtime: Runtime, urn: str, framework_id: str) -> list[ProposalRecord]:
    """The school's stored proposals under one framework, newest first."""
    with runtime.store.session() as session:
        query = (
            select(ProposalRecord)
            .where(ProposalRecord.school_urn == urn, ProposalRecord.framework == framework_id)
            .order_by(ProposalRecord.id.desc())
        )
        records = list(session.scalars(query))
        session.expunge_all()
        return records
