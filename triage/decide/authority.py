"""What the service shows of many schools at once: a row per school with each framework's latest
proposal, decided category and status, and for a lead the authority's count per category and the
categories that changed this term."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from typing import Literal

from pydantic import BaseModel, ConfigDict
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from triage.decide.decisions import AWAITING, PROPOSAL_AWAITING, current_inputs_hash
from triage.decide.frameworks import framework
from triage.frameworks.loader import framework_ids
from triage.people.access import FINAL
from triage.runtime import Runtime
from triage.store.models import ProposalRecord, School
from triage.store.people import User
from triage.store.record import Decision

Status = Literal["none", "proposed", "awaiting_countersign", "decided"]
STATUSES: tuple[Status, ...] = ("none", "proposed", "awaiting_countersign", "decided")
# The first day of each term, as (month, day): autumn, spring and summer. Easter moves the start
# of the summer term from year to year; the first of April is its usual neighbourhood.
TERM_STARTS = ((9, 1), (4, 1), (1, 1))


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FrameworkCell(Model):
    """One school under one framework, as a list shows it."""

    framework: str
    proposal_id: int | None
    proposed_category: str | None
    decided_category: str | None
    status: Status
    changed_since_decision: bool


class SchoolRow(Model):
    urn: str
    name: str | None
    phase: str | None
    frameworks: list[FrameworkCell]
    last_decided_at: dt.datetime | None


class CategoryChange(Model):
    """A category made final this term, and the one the school had before (None: its first)."""

    urn: str
    name: str | None
    framework: str
    before: str | None
    after: str
    decided_at: dt.datetime
    officer: str


class AuthoritySummary(Model):
    term_start: dt.date
    counts: dict[str, dict[str, int]]
    undecided: dict[str, int]
    changes: list[CategoryChange]


def term_start(day: dt.date) -> dt.date:
    """The first day of the school term `day` falls in (autumn, spring or summer)."""
    for month, first in TERM_STARTS:
        start = dt.date(day.year, month, first)
        if day >= start:
            return start
    return dt.date(day.year, 1, 1)  # unreachable: every date is on or after 1 January


def _final_at(decision: Decision) -> dt.datetime:
    return decision.countersigned_at or decision.decided_at


def _cell_status(record: ProposalRecord | None) -> Status:
    if record is None:
        return "none"
    if record.status == PROPOSAL_AWAITING:
        return "awaiting_countersign"
    return "decided" if record.status == "decided" else "proposed"


def school_rows(runtime: Runtime, session: Session, urns: list[str]) -> list[SchoolRow]:
    """Every school in `urns`, with each framework's latest proposal and standing decision."""
    schools = session.scalars(select(School).where(School.urn.in_(urns)).order_by(School.urn))
    newest = (
        select(func.max(ProposalRecord.id))
        .where(ProposalRecord.school_urn.in_(urns))
        .group_by(ProposalRecord.school_urn, ProposalRecord.framework)
    )
    latest = {
        (r.school_urn, r.framework): r
        for r in session.scalars(select(ProposalRecord).where(ProposalRecord.id.in_(newest)))
    }
    standing: dict[tuple[str, str], Decision] = {}
    for decision in session.scalars(
        select(Decision)
        .where(Decision.school_urn.in_(urns), Decision.status.in_((FINAL, AWAITING)))
        .order_by(Decision.id)
    ):
        standing[(decision.school_urn, decision.framework)] = decision
    ids, rows = framework_ids(), []
    for school in schools:
        cells = [_cell(runtime, school.urn, f, latest.get((school.urn, f)), standing) for f in ids]
        decided = [standing[(school.urn, f)].decided_at for f in ids if (school.urn, f) in standing]
        rows.append(
            SchoolRow(
                urn=school.urn,
                name=school.name,
                phase=school.phase,
                frameworks=cells,
                last_decided_at=max(decided) if decided else None,
            )
        )
    return rows


def _cell(
    runtime: Runtime,
    urn: str,
    framework_id: str,
    record: ProposalRecord | None,
    standing: dict[tuple[str, str], Decision],
) -> FrameworkCell:
    decision = standing.get((urn, framework_id))
    changed = False
    if decision is not None:
        changed = decision.inputs_hash != current_inputs_hash(runtime, urn, framework_id)
    return FrameworkCell(
        framework=framework_id,
        proposal_id=record.id if record else None,
        proposed_category=json.loads(record.body).get("category") if record else None,
        decided_category=decision.category if decision and decision.status == FINAL else None,
        status=_cell_status(record),
        changed_since_decision=changed,
    )


def authority_summary(session: Session, urns: list[str], *, today: dt.date) -> AuthoritySummary:
    """Per framework the count of schools in each decided category, and this term's changes."""
    since = term_start(today)
    names = dict(session.execute(select(School.urn, School.name).where(School.urn.in_(urns))).all())
    officers = dict(session.execute(select(User.id, User.name)).all())
    history: dict[tuple[str, str], list[Decision]] = defaultdict(list)
    for decision in session.scalars(
        select(Decision)
        .where(Decision.school_urn.in_(urns), Decision.status == FINAL)
        .order_by(Decision.id)
    ):
        history[(decision.school_urn, decision.framework)].append(decision)
    counts: dict[str, dict[str, int]] = {}
    undecided: dict[str, int] = {}
    for fid in framework_ids():
        counts[fid] = {c.id: 0 for c in framework(fid).categories}
        for urn in urns:
            finals = history.get((urn, fid))
            if finals and finals[-1].category in counts[fid]:
                counts[fid][finals[-1].category] += 1
        undecided[fid] = len(urns) - sum(counts[fid].values())
    changes = []
    for (urn, fid), finals in history.items():
        for before, after in zip([None, *finals], finals, strict=False):
            moved = before is None or before.category != after.category
            if moved and _final_at(after).date() >= since:
                changes.append(
                    CategoryChange(
                        urn=urn,
                        name=names.get(urn),
                        framework=fid,
                        before=before.category if before else None,
                        after=after.category,
                        decided_at=_final_at(after),
                        officer=officers.get(after.officer_id, ""),
                    )
                )
    changes.sort(key=lambda c: (c.decided_at, c.urn, c.framework), reverse=True)
    return AuthoritySummary(term_start=since, counts=counts, undecided=undecided, changes=changes)
