"""Ask a question about one school; the answer with numbered citations, each opening the viewer.

Without JavaScript the form posts here and the answer page follows. The page's script asks the
API instead, with `Accept: text/event-stream`, to show progress while a model writes, then opens
the same answer page.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Form, Request, Response
from pydantic import ValidationError
from sqlalchemy import select

from triage.api.deps import AnswerAccess, CurrentUser, RuntimeDep, SchoolAccess, SessionDep
from triage.api.schemas.answers import AskRequest
from triage.ask.answer import Answer
from triage.ask.answers import ask_recorded
from triage.decide.viewer import CitationTargets
from triage.store.models import School
from triage.store.record import AnswerRecord
from triage.web.pages import page_router, redirect, render

router = page_router()
RECENT = 10


@router.get("/schools/{urn}/ask")
def ask_page(
    request: Request,
    school: Annotated[School, Depends(SchoolAccess("ask"))],
    user: CurrentUser,
    session: SessionDep,
) -> Response:
    return _ask_page(request, user, session, school, question="", error=None)


@router.post("/schools/{urn}/ask")
def ask(
    request: Request,
    school: Annotated[School, Depends(SchoolAccess("ask"))],
    user: CurrentUser,
    session: SessionDep,
    runtime: RuntimeDep,
    question: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    try:
        checked = AskRequest(question=question.strip())
    except ValidationError:
        error = "Enter a question of 3 to 1,000 characters"
        return _ask_page(request, user, session, school, question=question, error=error)
    answer_id, _ = ask_recorded(runtime, user, school.urn, checked.question)
    return redirect(f"/answers/{answer_id}")


def _ask_page(
    request: Request,
    user: CurrentUser,
    session: SessionDep,
    school: School,
    *,
    question: str,
    error: str | None,
) -> Response:
    recent = session.scalars(
        select(AnswerRecord)
        .where(AnswerRecord.school_urn == school.urn, AnswerRecord.user_id == user.id)
        .order_by(AnswerRecord.id.desc())
        .limit(RECENT)
    ).all()
    return render(
        request,
        "answers/ask.html",
        user=user,
        status_code=422 if error else 200,
        school=school,
        question=question,
        error=error,
        recent=recent,
    )


@router.get("/answers/{answer_id}")
def answer_page(
    request: Request,
    record: Annotated[AnswerRecord, Depends(AnswerAccess())],
    user: CurrentUser,
    session: SessionDep,
) -> Response:
    """The answer as it was given, each [n] a link to citation n and on to its page."""
    answer = Answer.model_validate_json(record.body)
    return render(
        request,
        "answers/answer.html",
        user=user,
        record=record,
        answer=answer,
        school=session.get(School, record.school_urn),
        targets=CitationTargets(session, record.school_urn, []),
    )
