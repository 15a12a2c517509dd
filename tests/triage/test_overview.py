"""What the pages show, computed in the core: terms, the authority's counts and changes, a row per
school, the checks a proposal asks for, the quote marked on its page and where a citation points."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy.orm import Session

from triage.decide.authority import authority_summary, school_rows, term_start
from triage.decide.decisions import current_inputs_hash
from triage.decide.overview import proposal_checks
from triage.decide.viewer import CitationTargets, mark_quote, marked_page
from triage.errors import NotFoundError
from triage.extract.models import AspectLevel, Proposal
from triage.runtime import Runtime
from triage.store.models import Document, Page, Passage, ProposalRecord, School
from triage.store.people import User
from triage.store.record import Decision

NOW = dt.datetime(2026, 2, 10, 9, 0)


@pytest.mark.parametrize(
    ("day", "start"),
    [
        (dt.date(2025, 9, 1), dt.date(2025, 9, 1)),
        (dt.date(2025, 12, 31), dt.date(2025, 9, 1)),
        (dt.date(2026, 1, 1), dt.date(2026, 1, 1)),
        (dt.date(2026, 3, 31), dt.date(2026, 1, 1)),
        (dt.date(2026, 4, 1), dt.date(2026, 4, 1)),
        (dt.date(2026, 8, 31), dt.date(2026, 4, 1)),
    ],
)
def test_term_start_is_the_first_day_of_the_term(day: dt.date, start: dt.date) -> None:
    assert term_start(day) == start


def _school(session: Session, urn: str, name: str) -> None:
    session.add(School(urn=urn, name=name, phase="primary"))


def _officer(session: Session) -> User:
    user = User(email="o@council.example", name="Olu Officer", role="officer", created_at=NOW)
    session.add(user)
    session.flush()
    return user


def _proposal(session: Session, urn: str, framework: str, category: str, status: str) -> int:
    record = ProposalRecord(
        school_urn=urn,
        framework=framework,
        status=status,
        inputs_hash="h",
        body=json.dumps({"category": category}),
        created_at=NOW,
    )
    session.add(record)
    session.flush()
    return record.id


def _decide(
    session: Session,
    officer: User,
    proposal_id: int,
    urn: str,
    category: str,
    *,
    at: dt.datetime,
    status: str = "final",
    inputs_hash: str = "h",
) -> None:
    session.add(
        Decision(
            proposal_id=proposal_id,
            school_urn=urn,
            framework="bristol",
            action="override",
            category=category,
            proposed_category="established",
            reason="",
            inputs_hash=inputs_hash,
            officer_id=officer.id,
            status=status,
            decided_at=at,
        )
    )
    session.flush()


def test_authority_counts_latest_final_categories_and_lists_this_terms_changes(
    runtime: Runtime,
) -> None:
    with runtime.store.session() as session:
        for urn, name in (("1", "One"), ("2", "Two"), ("3", "Three")):
            _school(session, urn, name)
        officer = _officer(session)
        p1 = _proposal(session, "1", "bristol", "established", "decided")
        p2 = _proposal(session, "2", "bristol", "established", "decided")
        p3 = _proposal(session, "3", "bristol", "developing", "to_countersign")
        # School 1: established last term, developing this term (a change).
        _decide(session, officer, p1, "1", "established", at=dt.datetime(2025, 10, 1))
        _decide(session, officer, p1, "1", "developing", at=dt.datetime(2026, 1, 20))
        # School 2: its first category, this term; then the same again (no second change).
        _decide(session, officer, p2, "2", "extending", at=dt.datetime(2026, 1, 5))
        _decide(session, officer, p2, "2", "extending", at=dt.datetime(2026, 2, 1))
        # School 3: awaiting a countersignature, so not counted.
        _decide(session, officer, p3, "3", "causing-concern", at=NOW, status="awaiting_countersign")
        summary = authority_summary(session, ["1", "2", "3"], today=dt.date(2026, 2, 10))
    assert summary.term_start == dt.date(2026, 1, 1)
    assert summary.counts["bristol"] == {
        "extending": 1,
        "established": 0,
        "developing": 1,
        "causing-concern": 0,
    }
    assert summary.undecided["bristol"] == 1
    assert summary.undecided["surrey"] == 3
    moves = [(c.urn, c.before, c.after, c.officer) for c in summary.changes]
    assert moves == [
        ("1", "established", "developing", "Olu Officer"),
        ("2", None, "extending", "Olu Officer"),
    ]


def test_school_rows_give_each_frameworks_status_and_mark_changed_evidence(
    runtime: Runtime,
) -> None:
    current = current_inputs_hash(runtime, "2", "bristol")
    with runtime.store.session() as session:
        _school(session, "1", "One")
        _school(session, "2", "Two")
        officer = _officer(session)
        _proposal(session, "1", "bristol", "developing", "proposed")
        newest = _proposal(session, "1", "bristol", "established", "to_countersign")
        _decide(
            session, officer, newest, "1", "causing-concern", at=NOW, status="awaiting_countersign"
        )
        decided = _proposal(session, "2", "bristol", "extending", "decided")
        _decide(session, officer, decided, "2", "extending", at=NOW, inputs_hash=current)
        rows = {r.urn: r for r in school_rows(runtime, session, ["1", "2"])}
    one = next(c for c in rows["1"].frameworks if c.framework == "bristol")
    assert (one.proposal_id, one.proposed_category, one.status) == (
        newest,
        "established",
        "awaiting_countersign",
    )
    assert one.decided_category is None  # awaiting is not decided
    assert one.changed_since_decision  # its decision rests on inputs other than today's
    two = next(c for c in rows["2"].frameworks if c.framework == "bristol")
    assert (two.status, two.decided_category, two.changed_since_decision) == (
        "decided",
        "extending",
        False,
    )
    surrey = next(c for c in rows["2"].frameworks if c.framework == "surrey")
    assert (surrey.status, surrey.proposal_id) == ("none", None)
    assert rows["2"].last_decided_at == NOW


def _empty_proposal(**fields: object) -> Proposal:
    base: dict[str, object] = {
        "school": "1",
        "framework": "bristol",
        "framework_version": "1",
        "category": "established",
        "support_level": "universal",
        "scores": {},
        "evidence": [],
    }
    return Proposal.model_validate({**base, **fields})


def test_checks_name_the_weak_points_of_a_proposal() -> None:
    assert proposal_checks(_empty_proposal()) == []
    level = AspectLevel(level=4, score=4.0, weight=1.0, items=1, recall_override=True)
    checks = proposal_checks(
        _empty_proposal(
            category=None,
            insufficient_evidence=True,
            profile={"attendance": level},
            limiting_rules=[{"id": "low-attendance", "because": "attendance at level 4"}],
            dropped_citations=2,
        )
    )
    text = " ".join(checks)
    assert "Too few aspects" in text
    assert "override with a reason" in text
    assert "attendance to level 4 (urgent concern)" in text
    assert "low-attendance" in text
    assert "2 quotes" in text


def test_a_quote_is_marked_however_the_page_wraps_it() -> None:
    page = "Attendance is\n  below national\nat 91.2%. Leaders know."
    assert mark_quote(page, "Attendance is below national at 91.2%.") == (
        "",
        "Attendance is\n  below national\nat 91.2%.",
        " Leaders know.",
    )
    assert mark_quote(page, "not on the page") is None
    assert mark_quote(page, "   ") is None
    assert mark_quote("a (b) c", "(b)") == ("a ", "(b)", " c")


def _document(session: Session, urn: str, source: str, status: str, version: int) -> Document:
    document = Document(
        school_urn=urn,
        source=source,
        kind="visit_note",
        format="pdf",
        sha256=f"{source}{version}",
        size=1,
        file_path="x",
        version=version,
        status=status,
        created_at=NOW,
    )
    session.add(document)
    session.flush()
    return document


def test_citations_point_at_their_passage_or_the_current_version(runtime: Runtime) -> None:
    with runtime.store.session() as session:
        _school(session, "1", "One")
        _school(session, "2", "Two")
        old = _document(session, "1", "note.pdf", "superseded", 1)
        new = _document(session, "1", "note.pdf", "current", 2)
        gone = _document(session, "1", "gone.pdf", "superseded", 1)
        elsewhere = _document(session, "2", "other.pdf", "current", 1)
        old.superseded_by_id = new.id
        passage = Passage(document_id=old.id, ordinal=0, page=1, start=0, end=4, text="text")
        foreign = Passage(document_id=elsewhere.id, ordinal=0, page=1, start=0, end=4, text="x")
        session.add_all([passage, foreign])
        session.flush()
        targets = CitationTargets(session, "1", [passage.id, foreign.id])
        assert targets.document_id("note.pdf") == new.id
        assert targets.document_id("note.pdf", passage.id) == old.id
        assert targets.document_id("gone.pdf") == gone.id
        assert targets.document_id("other.pdf", foreign.id) is None  # another school's passage
        assert targets.document_id("missing.pdf") is None


def test_a_marked_page_knows_its_neighbours_and_the_current_version(runtime: Runtime) -> None:
    with runtime.store.session() as session:
        _school(session, "1", "One")
        old = _document(session, "1", "note.pdf", "superseded", 1)
        new = _document(session, "1", "note.pdf", "current", 2)
        old.superseded_by_id = new.id
        old.pages = [
            Page(ordinal=i, number=i + 1, text=f"Page {i + 1} says attendance is {90 + i}%.")
            for i in range(3)
        ]
        session.flush()
        shown = marked_page(session, old, page=2, quote="attendance is 91%.")
        assert (shown.page, shown.position, shown.pages) == (2, 2, 3)
        assert (shown.previous_page, shown.next_page) == (1, 3)
        assert (shown.before, shown.marked, shown.after) == (
            "Page 2 says ",
            "attendance is 91%.",
            "",
        )
        assert shown.current_id == new.id
        first = marked_page(session, old, page=None, quote="attendance is 91%.")
        assert first.page == 1 and first.marked is None and first.previous_page is None
        with pytest.raises(NotFoundError):
            marked_page(session, old, page=9, quote=None)
