"""The processes `triage bench crash` kills, and the check it runs after each kill.

`python -m eval.crash ingest|batch|decide DATA_DIR` works through its operations, printing one
`ACK ...` line (flushed) as each one commits, until done or killed; `python -m eval.crash check
MODE DATA_DIR ACKS_FILE` then opens the data dir afresh and prints, as JSON, whether every
acknowledged operation is there whole, whether anything half-written is visible, the index's
drift (mended with `doctor --repair` if found) and whether the audit chain verifies.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import func, select

from ingest.manifest import load_manifest
from triage.decide import audit
from triage.decide.decisions import AWAITING, countersign, decide, open_decision
from triage.decide.frameworks import framework
from triage.extract.models import Proposal
from triage.index.drift import find_drift, repair_drift
from triage.intake.ingestion import ingest_file
from triage.jobs import batch  # noqa: F401  registers the job kinds
from triage.jobs.queue import job_items, run_job, run_step
from triage.runtime import Runtime, open_runtime
from triage.settings import Settings
from triage.store.models import Document, Page, Passage, ProposalRecord
from triage.store.people import User
from triage.store.record import AuditEntry, Decision, JobRecord, JobStep

MODES = ("ingest", "batch", "decide")
OVERRIDE = (
    "The visit note and the data show attendance well below national, which outweighs the "
    "SEF's own view of the school."
)


class CrashCheck(BaseModel):
    """What one killed run left behind."""

    model_config = ConfigDict(extra="forbid")

    mode: str
    acknowledged: int
    missing: list[str] = Field(default_factory=list, description="Acknowledged, not there whole")
    half_written: list[str] = Field(default_factory=list, description="Visible and not whole")
    drift_found: bool = False
    drift_mended: bool = True
    audit_ok: bool = True
    note: str = ""

    @property
    def ok(self) -> bool:
        return not self.missing and not self.half_written and self.drift_mended and self.audit_ok


def ack(*parts: object) -> None:
    print("ACK", *parts, flush=True)


def settings_for(data: Path) -> Settings:
    return Settings(data_dir=data)


# the work ------------------------------------------------------------------------------------
def work_ingest(runtime: Runtime, corpus: Path) -> None:
    manifest = load_manifest(corpus)
    for school in manifest.schools:
        for doc in school.documents:
            result = ingest_file(
                runtime,
                manifest.root / doc.path,
                urn=school.urn,
                kind=doc.kind,
                date=doc.date,
                source=doc.path,
            )
            ack(result.document_id, result.passages)


def work_batch(runtime: Runtime) -> None:
    with runtime.store.session() as session:
        job = session.scalars(select(JobRecord)).one()
        job_id, items = job.id, job_items(job)
    for item in items:
        if run_step(runtime, job_id, item):
            ack(item)


def work_decide(runtime: Runtime) -> None:
    """Decide every proposal (approve and override in turn), each decision a transaction, and
    countersign those that need it, each countersignature a transaction of its own."""
    with runtime.store.session() as session:
        ids = list(session.scalars(select(ProposalRecord.id).order_by(ProposalRecord.id)))
    for number, proposal_id in enumerate(ids):
        with runtime.store.session() as session:
            officer = session.scalars(select(User).where(User.role == "officer")).one()
            record = session.get(ProposalRecord, proposal_id)
            assert record is not None
            if open_decision(session, proposal_id) is not None:
                continue
            proposed = Proposal.model_validate_json(record.body).category
            if number % 2 == 0 and proposed is not None:
                decision = decide(
                    runtime, session, officer, record, action="approve", category=None, reason=""
                )
            else:
                decision = _override(runtime, session, officer, record, proposed)
            session.flush()
            decision_id, awaiting = decision.id, decision.status == AWAITING
        ack("decision", decision_id)
        if awaiting:
            with runtime.store.session() as session:
                lead = session.scalars(select(User).where(User.role == "lead")).one()
                awaited = session.get(Decision, decision_id)
                assert awaited is not None
                countersign(runtime, session, lead, awaited, agree=True, reason="agreed")
            ack("countersign", decision_id)


def _override(
    runtime: Runtime, session: Any, officer: User, record: ProposalRecord, proposed: str | None
) -> Decision:
    others = [c.id for c in framework(record.framework).categories if c.id != proposed]
    return decide(
        runtime, session, officer, record, action="override", category=others[0], reason=OVERRIDE
    )


# the check -----------------------------------------------------------------------------------
def check(mode: str, data: Path, acks: list[str]) -> CrashCheck:
    with open_runtime(settings_for(data)) as runtime:
        result = CrashCheck(mode=mode, acknowledged=len(acks))
        with runtime.store.session() as session:
            if mode == "ingest":
                _check_documents(session, acks, result, data)
            elif mode == "batch":
                _check_steps(session, acks, result)
                _check_proposals_audited(session, result)
            else:
                _check_decisions(session, acks, result)
            result.audit_ok = audit.verify(session).ok
        drift = find_drift(runtime)
        if not drift.clean:
            result.drift_found = True
            result.note = drift.model_dump_json(exclude={"passages"})[:300]
            repair_drift(runtime, drift)
            result.drift_mended = find_drift(runtime).clean
        if mode == "batch" and result.ok:
            _check_resume(runtime, result)
        return result


def _check_documents(session: Any, acks: list[str], result: CrashCheck, data: Path) -> None:
    for line in acks:
        document_id, passages = (int(x) for x in line.split())
        document = session.get(Document, document_id)
        have = session.scalar(select(func.count()).where(Passage.document_id == document_id))
        if document is None or have != passages:
            result.missing.append(f"document {document_id}")
    for document in session.scalars(select(Document)):
        pages = session.scalar(select(func.count()).where(Page.document_id == document.id))
        path = data / document.file_path  # kept relative to the data dir
        whole = path.exists() and hashlib.sha256(path.read_bytes()).hexdigest() == document.sha256
        if not whole or not pages:
            result.half_written.append(f"document {document.id} ({document.source})")


def _check_steps(session: Any, acks: list[str], result: CrashCheck) -> None:
    job = session.scalars(select(JobRecord)).one()
    frameworks = len(json.loads(job.params)["frameworks"])
    steps = {s.item: s for s in session.scalars(select(JobStep))}
    for item in acks:
        if item not in steps:
            result.missing.append(f"step {item}")
    for item, step in steps.items():
        proposals = session.scalar(select(func.count()).where(ProposalRecord.school_urn == item))
        if step.ok and proposals != frameworks:
            result.half_written.append(f"step {item}: {proposals} of {frameworks} proposals")
    if job.done != len(steps):
        result.half_written.append(f"job counts {job.done} steps, {len(steps)} recorded")


def _check_proposals_audited(session: Any, result: CrashCheck) -> None:
    proposals = set(session.scalars(select(ProposalRecord.id)))
    audited = {
        int(subject.split(":")[1])
        for subject in session.scalars(
            select(AuditEntry.subject).where(AuditEntry.action == "proposal")
        )
    }
    for proposal_id in sorted(proposals ^ audited):
        result.half_written.append(f"proposal {proposal_id} without its audit entry, or back")


def _check_resume(runtime: Runtime, result: CrashCheck) -> None:
    """The killed job, resumed, finishes with each school proposed once per framework."""
    with runtime.store.session() as session:
        job = session.scalars(select(JobRecord)).one()
        job.status = "queued"
        job_id, total = job.id, job.total
        frameworks = len(json.loads(job.params)["frameworks"])
    run_job(runtime, job_id)
    with runtime.store.session() as session:
        counts = session.execute(
            select(ProposalRecord.school_urn, func.count()).group_by(ProposalRecord.school_urn)
        ).all()
        if len(counts) != total or {n for _, n in counts} != {frameworks}:
            result.half_written.append(f"resumed job proposed {counts}")


def _check_decisions(session: Any, acks: list[str], result: CrashCheck) -> None:
    for line in acks:
        what, number = line.split()
        decision = session.get(Decision, int(number))
        if decision is None or (what == "countersign" and decision.countersigner_id is None):
            result.missing.append(line)
    audited: dict[str, set[int]] = {"decision": set(), "countersign": set()}
    for action, detail in session.execute(
        select(AuditEntry.action, AuditEntry.detail).where(AuditEntry.action.in_(tuple(audited)))
    ):
        audited[action].add(json.loads(detail)["decision"])
    for decision in session.scalars(select(Decision)):
        record = session.get(ProposalRecord, decision.proposal_id)
        if decision.id not in audited["decision"]:
            result.half_written.append(f"decision {decision.id} without its audit entry")
        signed = decision.countersigner_id is not None
        if signed != (decision.id in audited["countersign"]):
            result.half_written.append(f"countersignature of {decision.id} and its audit entry")
        expected = {"final": "decided", AWAITING: "to_countersign"}.get(decision.status)
        if expected and record.status != expected:
            result.half_written.append(f"decision {decision.id} {decision.status}, {record.status}")


def main(argv: list[str]) -> None:
    mode, data = argv[0], Path(argv[1])
    if mode == "check":
        acks = Path(argv[3]).read_text().splitlines() if len(argv) > 3 else []
        print(check(argv[1], Path(argv[2]), acks).model_dump_json())
        return
    with open_runtime(settings_for(data)) as runtime:
        if mode == "ingest":
            from triage.index.embeddings import embedding_model

            embedding_model()
            print("READY", flush=True)
            work_ingest(runtime, Path(argv[2]))
        elif mode == "batch":
            from triage.index.embeddings import embedding_model

            embedding_model()
            print("READY", flush=True)
            work_batch(runtime)
        else:
            print("READY", flush=True)
            work_decide(runtime)
    print("DONE", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
