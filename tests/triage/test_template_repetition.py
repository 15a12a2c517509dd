"""Template by repetition, on a real store: a sentence found in several schools' documents is set
aside, but a judgement written where its form puts it stays the school's judgement however many
schools' reports word it alike."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import make_settings
from tests.triage.llm_fakes import fake_llm
from triage.ask.answer import NO_SUPPORT, answer_question
from triage.extract.documents import read_school
from triage.extract.judges.template import REPEATED
from triage.extract.loading import load_school_evidence
from triage.index.retrieval import retrieve_passages
from triage.intake.ingestion import ingest_file
from triage.runtime import Runtime, open_runtime

SHARED_NARRATIVE = (
    "Inspectors visited lessons, spoke with pupils and staff, and looked at a range of the "
    "documents that the school provided."
)
SHARED_JUDGEMENT = "The school's arrangements for safeguarding are effective."


def _letter(school: str) -> str:
    return (
        f"Ungraded inspection of {school}\n\n"
        f"{SHARED_NARRATIVE}\n\n"
        f"Pupils at {school} read widely and talk with confidence about the books they know.\n\n"
        "Safeguarding\n\n"
        f"{SHARED_JUDGEMENT}\n"
    )


@pytest.fixture
def three_letters(tmp_path: Path) -> Iterator[Runtime]:
    """Three schools' ungraded letters, sharing their template, ingested into a real store."""
    schools = {"100001": "Alder Primary", "100002": "Birch Primary", "100003": "Cedar Primary"}
    with open_runtime(make_settings(tmp_path / "data")) as runtime:
        for urn, name in schools.items():
            letter = tmp_path / urn / "letter.txt"
            letter.parent.mkdir()
            letter.write_text(_letter(name), encoding="utf-8")
            ingest_file(runtime, letter, urn=urn, kind="ofsted_report")
        yield runtime


def test_a_repeated_sentence_is_template_but_a_repeated_judgement_is_still_read(
    three_letters: Runtime,
) -> None:
    evidence = load_school_evidence(three_letters, "100001")
    assert evidence.shared, "three schools' letters share sentences long enough to be keyed"
    reading = read_school(evidence)
    reads = [r for d in reading.documents.values() for r in d.passages.values()]
    set_aside = [(why, " ".join(quote.split())) for r in reads for why, quote in r.set_aside]
    assert (REPEATED, SHARED_NARRATIVE) in set_aside
    judgements = [j for r in reads for j in r.judgements]
    assert [(j.aspects, j.level) for j in judgements] == [(("safeguarding",), 2)]
    own = [" ".join(s.quote.split()) for r in reads for s in r.readings]
    assert SHARED_NARRATIVE not in own
    assert SHARED_JUDGEMENT in own


def test_ask_never_quotes_a_sentence_other_schools_documents_hold(three_letters: Runtime) -> None:
    shared = answer_question(three_letters, "100001", "Which documents did inspectors look at?")
    own = answer_question(three_letters, "100001", "Do pupils read widely?")
    assert shared.answer == NO_SUPPORT and shared.citations == []
    assert [" ".join(c.quote.split()) for c in own.citations] == [
        "Pupils at Alder Primary read widely and talk with confidence about the books they know."
    ]


def test_a_model_s_quote_of_template_text_is_removed_with_its_claim(
    three_letters: Runtime, tmp_path: Path
) -> None:
    own = "Pupils choose books from the new library every week and talk about them with confidence."
    question = "What did inspectors find about reading?"
    note = tmp_path / "100001" / "visit-note.txt"
    note.write_text(f"Reading\n\n{own}\n", encoding="utf-8")
    ingest_file(three_letters, note, urn="100001", kind="visit_note")
    passages = retrieve_passages(three_letters, "100001", question)
    n_shared = next(i for i, p in enumerate(passages, 1) if SHARED_NARRATIVE in p.text)
    n_own = next(i for i, p in enumerate(passages, 1) if own in p.text)
    llm = fake_llm(
        {
            "answer": f"Inspectors looked widely [{n_shared}]. Pupils read widely [{n_own}].",
            "citations": [
                {"n": n_shared, "quote": SHARED_NARRATIVE},
                {"n": n_own, "quote": own},
            ],
        }
    )
    answer = answer_question(three_letters, "100001", question, llm=llm)
    assert answer.dropped_citations == 1
    assert [c.quote for c in answer.citations] == [own]
    assert answer.answer == "Pupils read widely [1]."
