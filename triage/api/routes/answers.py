"""Questions about one school, answered with verified citations; streamed when the model is."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.sse import EventSourceResponse, format_sse_event
from starlette.responses import Response

from triage.api.deps import AnswerAccess, CurrentUser, RuntimeDep, SchoolAccess
from triage.api.errors import one_line, status_for
from triage.api.schemas.answers import AnswerPublic, AskRequest
from triage.ask.answer import Answer
from triage.ask.answers import ask_recorded
from triage.people.users import now
from triage.runtime import Runtime
from triage.store.models import School
from triage.store.people import User
from triage.store.record import AnswerRecord

router = APIRouter(prefix="/api", tags=["answers"])


def answer_public(
    answer_id: int, urn: str, question: str, answer: Answer, created: dt.datetime
) -> AnswerPublic:
    return AnswerPublic(
        id=answer_id,
        school=urn,
        question=question,
        answer=answer.answer,
        citations=answer.citations,
        provider=answer.provider,
        dropped_citations=answer.dropped_citations,
        created_at=created,
    )


@router.post(
    "/schools/{urn}/ask",
    response_model=AnswerPublic,
    responses={200: {"content": {"text/event-stream": {}}}},
)
async def ask(
    body: AskRequest,
    school: Annotated[School, Depends(SchoolAccess("ask"))],
    user: CurrentUser,
    runtime: RuntimeDep,
    request: Request,
) -> Response | AnswerPublic:
    """Answer from the school's documents only. With `Accept: text/event-stream` the reply is
    server-sent events: `progress` ({"tokens": n}) while a model writes, then `answer`.
    Model text is sent only once its citations are verified, never token by token."""
    if "text/event-stream" in request.headers.get("accept", ""):
        return EventSourceResponse(_stream(runtime, user, school.urn, body.question))
    answer_id, answer = await run_in_threadpool(
        ask_recorded, runtime, user, school.urn, body.question
    )
    return answer_public(answer_id, school.urn, body.question, answer, now())


async def _stream(runtime: Runtime, user: User, urn: str, question: str) -> AsyncIterator[bytes]:
    loop = asyncio.get_running_loop()
    events: asyncio.Queue[int] = asyncio.Queue()
    tokens = 0

    def on_token(_: str) -> None:
        nonlocal tokens
        tokens += 1
        loop.call_soon_threadsafe(events.put_nowait, tokens)

    work = asyncio.ensure_future(
        run_in_threadpool(ask_recorded, runtime, user, urn, question, on_token=on_token)
    )
    while not work.done():
        waiter = asyncio.ensure_future(events.get())
        await asyncio.wait({work, waiter}, return_when=asyncio.FIRST_COMPLETED)
        if waiter.done():
            progress = json.dumps({"tokens": waiter.result()})
            yield format_sse_event(event="progress", data_str=progress)
        else:
            waiter.cancel()
    try:
        answer_id, answer = work.result()
    except Exception as exc:  # noqa: BLE001 - the stream has begun: the error is an event
        payload = {"detail": one_line(str(exc)), "status": status_for(exc)}
        yield format_sse_event(event="error", data_str=json.dumps(payload))
        return
    public = answer_public(answer_id, urn, question, answer, now())
    yield format_sse_event(event="answer", data_str=public.model_dump_json())


@router.get("/answers/{answer_id}", response_model=AnswerPublic)
def get_answer(record: Annotated[AnswerRecord, Depends(AnswerAccess())]) -> AnswerPublic:
    """An answer given before, exactly as it was given."""
    answer = Answer.model_validate_json(record.body)
    return answer_public(record.id, record.school_urn, record.question, answer, record.created_at)
