from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from triage.api.schemas import Question, Request
from triage.ask.answer import Citation


class AskRequest(Request):
    question: Question


class AnswerPublic(BaseModel):
    """The CLI's `ask --json` document, with the id the answer is kept under."""

    id: int
    school: str
    question: str
    answer: str
    citations: list[Citation]
    provider: str
    dropped_citations: int
    created_at: dt.datetime
