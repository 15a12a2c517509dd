from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel

from triage.api.schemas import FrameworkId, Reason, Request
from triage.decide.overview import DecisionSummary
from triage.extract.models import Proposal


class ProposeRequest(Request):
    framework: FrameworkId


class ProposalPublic(BaseModel):
    id: int
    school: str
    framework: str
    status: str
    inputs_hash: str
    created_at: dt.datetime
    out_of_date: bool
    proposal: Proposal
    decision: DecisionSummary | None


class DecisionRequest(Request):
    action: Literal["approve", "override"]
    category: FrameworkId | None = None
    reason: Reason = ""


class CountersignRequest(Request):
    agree: bool
    reason: Reason = ""


class BatchRequest(Request):
    framework: FrameworkId


class JobCreated(BaseModel):
    id: str
    status: str
    total: int
