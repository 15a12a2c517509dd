"""Answers given through the service: asked as a named user, kept, and on the record."""

from __future__ import annotations

from collections.abc import Callable

from triage.ask.answer import Answer, answer_question
from triage.decide import audit
from triage.people.access import require
from triage.people.users import now
from triage.runtime import Runtime
from triage.store.people import User
from triage.store.record import AnswerRecord


def ask_recorded(
    runtime: Runtime,
    user: User,
    urn: str,
    question: str,
    *,
    on_token: Callable[[str], None] | None = None,
) -> tuple[int, Answer]:
    """Answer the question from the school's documents; store the answer and audit the ask."""
    require(user, "ask")
    answer = answer_question(runtime, urn, question, on_token=on_token)
    with runtime.store.session() as session:
        record = AnswerRecord(
            school_urn=urn,
            user_id=user.id,
            question=question,
            body=answer.model_dump_json(),
            created_at=now(),
        )
        session.add(record)
        session.flush()
        audit.append(
            session,
            "ask",
            actor=user.email,
            school=urn,
            subject=f"answer:{record.id}",
            detail={
                "question": question,
                "citations": len(answer.citations),
                "dropped_citations": answer.dropped_citations,
            },
        )
        return record.id, answer
