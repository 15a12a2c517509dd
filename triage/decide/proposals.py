"""Propose a category for a school: extract, profile, score, and store the proposal for review.

A proposal loads the school's evidence once (a snapshot) and extraction, profile and score run
over it. A stored proposal is advice with status `proposed`; nothing is final until an officer
decides. Its `inputs_hash` names exactly what it rests on (the framework file, the lexicon, the
package version, the school's current documents, which of its sentences other schools' documents
share (template text), the extractor and the retrieval settings), so
computing the same proposal again for unchanged inputs finds the stored one instead of adding a
row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from importlib.metadata import version

from sqlalchemy import select
from sqlalchemy.orm import Session

from triage.errors import DatabaseBusyError
from triage.extract.judges import PassageJudge, build_judge
from triage.extract.judges.rules import RULES
from triage.extract.lexicon import lexicon
from triage.extract.loading import load_school_evidence, template_keys
from triage.extract.models import Proposal
from triage.extract.pipeline import extract_school
from triage.extract.snapshot import SchoolEvidence
from triage.frameworks.loader import load_framework
from triage.frameworks.schema import Framework
from triage.index.retrieval import RetrievalMode
from triage.profile import build_profile
from triage.runtime import Runtime
from triage.score import score_school
from triage.store.models import ProposalRecord
from triage.store.queries import current_documents

PROPOSED = "proposed"
PACKAGE = "triage"


def propose(
    runtime: Runtime,
    urn: str,
    framework_id: str,
    *,
    extractor: str = RULES,
    retrieval_mode: RetrievalMode = "hybrid",
    store: bool = True,
    evidence: SchoolEvidence | None = None,
    judge: PassageJudge | None = None,
) -> Proposal:
    """The proposal for one school under one framework (stored unless `store` is False).

    `evidence` is the school's snapshot when the caller holds one (several frameworks for one
    school read the same snapshot); otherwise it is loaded here.
    """
    framework = load_framework(framework_id)
    evidence = evidence or load_school_evidence(runtime, urn)
    extraction = extract_school(
        runtime,
        evidence,
        framework,
        extractor=extractor,
        retrieval_mode=retrieval_mode,
        judge=judge,
    )
    proposal = score_school(framework, build_profile(framework, extraction))
    if store:
        digest = inputs_hash(
            runtime, evidence, framework, extractor=extractor, retrieval_mode=retrieval_mode
        )
        try:
            store_proposal(runtime, proposal, inputs_hash=digest)
        except DatabaseBusyError as exc:
            raise ProposalNotStoredError(str(exc), {framework_id: proposal}) from None
    return proposal


class ProposalNotStoredError(DatabaseBusyError):
    """The proposals were made but the database was too busy to store them: they are carried
    here so that the work is shown, not thrown away."""

    def __init__(self, message: str, proposals: dict[str, Proposal]) -> None:
        super().__init__(message)
        self.proposals = proposals


def propose_frameworks(
    runtime: Runtime, urn: str, framework_ids: list[str], *, extractor: str = RULES
) -> dict[str, Proposal]:
    """The school's proposal under each framework, all read from one snapshot (each stored).

    When the database is too busy to store one, the rest are still made (not stored) and all
    are raised in a ProposalNotStoredError.
    """
    evidence = load_school_evidence(runtime, urn)
    judge = build_judge(runtime, extractor)  # one reading of each passage, whichever framework
    results: dict[str, Proposal] = {}
    busy: ProposalNotStoredError | None = None
    for f in framework_ids:
        try:
            results[f] = propose(
                runtime,
                urn,
                f,
                extractor=extractor,
                evidence=evidence,
                judge=judge,
                store=busy is None,
            )
        except ProposalNotStoredError as exc:
            results[f], busy = exc.proposals[f], exc
    if busy is not None:
        raise ProposalNotStoredError(str(busy), results)
    return results


def proposal_json(proposal: Proposal | dict[str, Proposal]) -> str:
    """Canonical JSON: sorted keys, no timestamps, so equal proposals are equal bytes."""
    if isinstance(proposal, dict):
        data: object = {k: v.model_dump(mode="json") for k, v in sorted(proposal.items())}
    else:
        data = proposal.model_dump(mode="json")
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False)


def inputs_hash(
    runtime: Runtime,
    evidence: SchoolEvidence,
    framework: Framework,
    *,
    extractor: str,
    retrieval_mode: str,
) -> str:
    """SHA-256 over everything a proposal read from this snapshot rests on: equal hashes mean
    equal proposals."""
    return _digest(
        runtime,
        evidence.urn,
        [(d.source, d.kind, d.sha256, d.date) for d in evidence.documents],
        framework,
        extractor=extractor,
        retrieval_mode=retrieval_mode,
        shared=evidence.shared,
    )


def current_inputs_hash(
    runtime: Runtime, urn: str, framework: Framework, *, extractor: str, retrieval_mode: str
) -> str:
    """The inputs hash a proposal made now would carry, from the school's current documents
    alone (no snapshot needed to tell whether a stored proposal is out of date)."""
    with runtime.store.session() as session:
        documents = [(d.source, d.kind, d.sha256, d.date) for d in current_documents(session, urn)]
        shared = template_keys(session, urn)
    return _digest(
        runtime,
        urn,
        documents,
        framework,
        extractor=extractor,
        retrieval_mode=retrieval_mode,
        shared=shared,
    )


def _digest(
    runtime: Runtime,
    urn: str,
    documents: list[tuple[str, str, str, dt.date | None]],
    framework: Framework,
    *,
    extractor: str,
    retrieval_mode: str,
    shared: tuple[str, ...],
) -> str:
    payload = {
        "school": urn,
        "framework": framework.model_dump(mode="json"),
        "lexicon": lexicon().model_dump(mode="json"),  # its version, and every entry
        "package": version(PACKAGE),
        "documents": sorted(
            (
                (source, kind, sha256, date.isoformat() if date else None)
                for source, kind, sha256, date in documents
            ),
            key=str,
        ),
        "extractor": extractor,
        "retrieval_mode": retrieval_mode,
        "retrieval": runtime.settings.retrieval.model_dump(mode="json"),
        # Which of the school's sentences are template depends on other schools' documents.
        "template": hashlib.sha256("\n".join(shared).encode("ascii")).hexdigest(),
    }
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


def store_proposal(runtime: Runtime, proposal: Proposal, *, inputs_hash: str) -> int:
    """Record the proposal with status `proposed` and return its id; the same proposal from
    the same inputs, computed again, returns the id of the one already stored."""
    with runtime.store.session() as session:
        return add_proposal(session, proposal, inputs_hash=inputs_hash).id


def add_proposal(session: Session, proposal: Proposal, *, inputs_hash: str) -> ProposalRecord:
    """The proposal as a row with status `proposed`, in the caller's transaction; the same
    proposal from the same inputs is the row already stored."""
    body = proposal_json(proposal)
    # Matching the body too: were equal inputs ever to give a different proposal (a defect
    # the determinism tests guard against), the new one is recorded rather than hidden.
    stored = session.scalars(
        select(ProposalRecord)
        .where(
            ProposalRecord.school_urn == proposal.school,
            ProposalRecord.framework == proposal.framework,
            ProposalRecord.inputs_hash == inputs_hash,
            ProposalRecord.body == body,
        )
        .order_by(ProposalRecord.id)
    ).first()
    if stored is not None:
        return stored
    record = ProposalRecord(
        school_urn=proposal.school,
        framework=proposal.framework,
        status=PROPOSED,
        inputs_hash=inputs_hash,
        body=body,
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
