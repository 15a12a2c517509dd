"""Tables of the record: decisions, the hash-chained audit log, answers given, and batch jobs."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from triage.store.models import Base


class Decision(Base):
    """An officer's decision on one proposal, exactly as it was when they decided."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id"), index=True)
    school_urn: Mapped[str] = mapped_column(ForeignKey("schools.urn"), index=True)
    framework: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(64))
    proposed_category: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text, default="")
    inputs_hash: Mapped[str] = mapped_column(String(64))
    officer_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(24))
    needs_countersign: Mapped[bool] = mapped_column(Boolean, default=False)
    countersigner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    countersign_agree: Mapped[bool | None] = mapped_column(Boolean)
    countersign_reason: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[dt.datetime] = mapped_column(DateTime)
    countersigned_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class AuditEntry(Base):
    """One entry of the append-only log; `hash` covers `prev_hash` and the entry's content."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(254), default="")
    action: Mapped[str] = mapped_column(String(40), index=True)
    school_urn: Mapped[str | None] = mapped_column(String(32), index=True)
    subject: Mapped[str] = mapped_column(String(200), default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class AuditHead(Base):
    """The newest entry's number and hash, in one row: appending locks it until commit, so
    concurrent writers (threads, processes, machines) extend the chain one at a time."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    hash: Mapped[str] = mapped_column(String(64))


class AnswerRecord(Base):
    """A question asked about a school and the verified answer given."""

    __tablename__ = "answers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    school_urn: Mapped[str] = mapped_column(ForeignKey("schools.urn"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    question: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class JobRecord(Base):
    """A batch job and its progress; the row is the truth whichever process runs the job.

    A job is a list of items (schools), each done once as a step (`JobStep`); `done` and
    `failed` count the steps recorded, and the step that records the last one finishes the job.
    """

    __tablename__ = "jobs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    # None for a job an operator started from the command line as no one in particular.
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    params: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    total: Mapped[int] = mapped_column(Integer, default=0)
    done: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class JobStep(Base):
    """One item of a job, done: written in the same transaction as what the step changed, so a
    step killed half-way left nothing, and a step run again finds it done."""

    __tablename__ = "job_steps"
    __table_args__ = (UniqueConstraint("job_id", "item", name="uq_job_steps_job_item"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id"), index=True)
    item: Mapped[str] = mapped_column(String(64))
    ok: Mapped[bool] = mapped_column(Boolean)
    result: Mapped[str] = mapped_column(Text, default="{}")
    worker: Mapped[str] = mapped_column(String(200), default="")
    finished_at: Mapped[dt.datetime] = mapped_column(DateTime)
