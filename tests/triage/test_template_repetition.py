"""Template by repetition, on a real store: a sentence found in several schools' documents is set
aside, but a judgement written where its form puts it stays the school's judgement however many
schools' reports word it alike."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import make_settings
from triage.extract.documents import read_school
from triage.extract.judges.template import REPEATED
from triage.extract.loading import load_school_evidence
from triage.intake.ingestion import ingest_file
from triage.runtime import open_runtime

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


def test_a_repeated_sentence_is_template_but_a_repeated_judgement_is_still_read(
    tmp_path: Path,
) -> None:
    schools = {"100001": "Alder Primary", "100002": "Birch Primary", "100003": "Cedar Primary"}
    with open_runtime(make_settings(tmp_path / "data")) as runtime:
        for urn, name in schools.items():
            letter = tmp_path / urn / "letter.txt"
            letter.parent.mkdir()
            letter.write_text(_letter(name), encoding="utf-8")
            ingest_file(runtime, letter, urn=urn, kind="ofsted_report")
        evidence = load_school_evidence(runtime, "100001")
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
