"""Real layouts read as an officer reads them: each document's form recognised, template text set
aside, judgements where the form puts them, and statements about other schools left out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ingest.reader import ReadOptions, parse_bytes
from triage.extract.documents import SchoolReading, read_school
from triage.extract.snapshot import SchoolDocument, SchoolEvidence, SchoolPage, SchoolPassage

pytestmark = pytest.mark.unit  # no model, database or server: `make test-unit`

FORMATS = Path(__file__).parents[1] / "fixtures" / "formats"


def evidence_of(
    *files: tuple[str, str], name: str | None = None, root: Path = FORMATS
) -> SchoolEvidence:
    """A snapshot of one school holding the files (under `root`), as ingest would store them."""
    documents, passages, pages = [], [], []
    next_passage = 1
    for document_id, (file, kind) in enumerate(files, start=1):
        path = root / file
        parsed = parse_bytes(
            path.read_bytes(),
            source=file,
            fmt=path.suffix.lstrip("."),  # type: ignore[arg-type]
            kind=kind,  # type: ignore[arg-type]
            date=dt.date(2026, 1, 1),
            options=ReadOptions(),
        )
        documents.append(
            SchoolDocument(id=document_id, source=file, kind=kind, date=parsed.date, sha256="0")
        )
        pages += [
            SchoolPage(document_id=document_id, number=p.number, text=p.text) for p in parsed.pages
        ]
        for p in parsed.passages:
            passages.append(
                SchoolPassage(
                    passage_id=next_passage,
                    document_id=document_id,
                    document=file,
                    kind=kind,
                    date=parsed.date,
                    page=p.page,
                    section=p.section,
                    start=p.start,
                    end=p.end,
                    text=p.text,
                )
            )
            next_passage += 1
    return SchoolEvidence(
        urn="990101",
        name=name,
        documents=tuple(documents),
        passages=tuple(passages),
        pages=tuple(pages),
        indicators=(),
    )


def judgements(reading: SchoolReading) -> dict[str, tuple[str, int]]:
    """Each area's gravest judgement in the school's documents."""
    found: dict[str, tuple[str, int]] = {}
    for document in reading.documents.values():
        for passage in document.passages.values():
            for j in passage.judgements:
                if j.area not in found or j.level > found[j.area][1]:
                    found[j.area] = (j.grade, j.level)
    return found


def readings(reading: SchoolReading) -> list[tuple[str, int, str]]:
    return [
        (r.aspect, r.level, " ".join(r.quote.split()))
        for document in reading.documents.values()
        for passage in document.passages.values()
        for r in passage.readings
    ]


def flags(reading: SchoolReading) -> list[str]:
    return [
        flag
        for document in reading.documents.values()
        for passage in document.passages.values()
        for flag, _ in passage.flags
    ]


@pytest.mark.parametrize(
    ("file", "kind", "form"),
    [
        ("report-card.txt", "ofsted_report", "report_card"),
        ("eif-graded.txt", "ofsted_report", "eif_report"),
        ("eif-ungraded-overall.txt", "ofsted_report", "eif_report"),
        ("section8-letter.txt", "ofsted_report", "ungraded_inspection"),
        ("short-inspection-2018.txt", "ofsted_report", "ungraded_inspection"),
        ("monitoring-letter.txt", "ofsted_report", "monitoring_letter"),
        ("independent-progress.txt", "ofsted_report", "independent_progress"),
        ("warning-notice.txt", "other", "warning_notice"),
        ("sef-partner.md", "sef", "sef"),
        ("visit-note.txt", "visit_note", "visit_note"),
        ("minutes.md", "minutes", "minutes"),
    ],
)
def test_each_document_form_is_recognised_from_its_structure(
    file: str, kind: str, form: str
) -> None:
    reading = read_school(evidence_of((file, kind)))
    assert reading.form(1) == form


def test_a_report_card_is_read_at_its_graded_lines_and_its_keys_are_set_aside() -> None:
    reading = read_school(evidence_of(("report-card.txt", "ofsted_report")))
    found = judgements(reading)
    assert found["safeguarding"][1] == 2  # "Safeguarding standards met" is a grade
    assert found["achievement"] == ("expected_standard", 2)
    assert found["attendance and behaviour"][1] == 1 or found["attendance and behaviour"][1] == 2
    levels = readings(reading)
    # The key's "Not met" and the grade definitions are template, never evidence.
    assert not [r for r in levels if r[0] == "safeguarding" and r[1] >= 3]
    assert not [r for r in levels if "Open Government Licence" in r[2]]
    # A hedge inside an area graded expected does not pull the area below its grade.
    assert not [r for r in levels if r[0] == "achievement" and r[1] > 2]
    assert sum(reading.set_aside().values()) >= 4
    assert "safeguarding_not_met" not in flags(reading)


def test_a_graded_eif_report_reads_its_judgements_table() -> None:
    reading = read_school(evidence_of(("eif-graded.txt", "ofsted_report")))
    found = judgements(reading)
    assert found["overall effectiveness"] == ("requires_improvement", 3)
    assert found["behaviour and attitudes"] == ("good", 2)
    assert found["safeguarding"][1] == 2
    assert "previous inspection grade" not in found


def test_an_eif_report_without_an_overall_grade_reads_its_areas() -> None:
    reading = read_school(evidence_of(("eif-ungraded-overall.txt", "ofsted_report")))
    found = judgements(reading)
    assert "overall effectiveness" not in found
    assert found["behaviour and attitudes"] == ("outstanding", 1)
    assert found["the quality of education"][1] == 2 or found["quality of education"][1] == 2
    # Its gravest area grade stands for the overall grade: a development point on an ungraded
    # aspect is read at that grade, not below it.
    assert not [r for r in readings(reading) if r[1] >= 3]


def test_a_section_8_letter_is_read_as_continuing_good() -> None:
    reading = read_school(evidence_of(("section8-letter.txt", "ofsted_report")))
    found = judgements(reading)
    assert found["overall effectiveness"] == ("good", 2)
    # "not as strong" in a few subjects is a development point, not a lower grade.
    assert not [r for r in readings(reading) if r[1] >= 3]
    # The verdict stands for the areas an inspection judges, so a school known only by its
    # letter is placed, not left without evidence.
    verdict = {(a, level) for a, level, q in readings(reading) if "continues to be" in q}
    assert verdict == {
        ("curriculum_teaching", 2),
        ("behaviour", 2),
        ("personal_development", 2),
        ("leadership", 2),
    }


def test_a_letter_saying_the_school_might_be_outstanding() -> None:
    reading = read_school(evidence_of(("section8-might-be-outstanding.txt", "ofsted_report")))
    found = {(a, level) for a, level, q in readings(reading) if "might be outstanding" in q}
    assert ("leadership", 1) in found and ("curriculum_teaching", 1) in found
    # An overall verdict is not an area's grade: narrative better than it is not held down to it.
    planned = [level for a, level, q in readings(reading) if q.startswith("The curriculum is")]
    assert planned and set(planned) == {1}


def test_a_short_inspection_letter_of_2015_to_2019_is_read_as_a_letter_with_its_verdict() -> None:
    reading = read_school(evidence_of(("short-inspection-2018.txt", "ofsted_report")))
    assert judgements(reading)["overall effectiveness"] == ("good", 2)
    assert judgements(reading)["safeguarding"][1] == 2
    verdict = {a for a, level, q in readings(reading) if q == "This school continues to be good."}
    assert verdict == {"curriculum_teaching", "behaviour", "personal_development", "leadership"}
    # "Pupils' behaviour continues to be good" in the narrative is evidence, not a verdict.
    verdicts = [
        " ".join(j.quote.split())
        for document in reading.documents.values()
        for passage in document.passages.values()
        for j in passage.judgements
        if j.area == "overall effectiveness"
    ]
    assert verdicts == ["This school continues to be good."]
    behaviour = [level for a, level, q in readings(reading) if "behaviour continues" in q]
    assert behaviour and set(behaviour) == {2}
    # The letter's fixed opening is template.
    assert not [q for _, _, q in readings(reading) if "I write on behalf of" in q]


def test_a_monitoring_letter_not_taking_effective_action_is_a_leadership_concern() -> None:
    reading = read_school(evidence_of(("monitoring-letter.txt", "ofsted_report")))
    found = judgements(reading)
    assert found["leadership and management"] == ("not taking effective action", 3)


def test_an_independent_school_not_meeting_the_standards_is_read_part_by_part() -> None:
    reading = read_school(evidence_of(("independent-progress.txt", "ofsted_report")))
    found = judgements(reading)
    assert found["independent school standards"] == ("not met", 3)
    assert found["part 3"] == ("not met", 4)
    assert found["part 8"] == ("met", 2)
    assert "safeguarding_not_met" in flags(reading)
    # The Part's explanation and the schedule's requirement text are not findings.
    quotes = [q for _, _, q in readings(reading)]
    assert not [q for q in quotes if q.startswith("The proprietor ensures that arrangements")]
    assert not [q for q in quotes if q.startswith("Paragraphs 7 and 8 require")]


def test_a_warning_notice_raises_its_flag() -> None:
    reading = read_school(evidence_of(("warning-notice.txt", "other")))
    assert "warning_notice" in flags(reading)


def test_a_statement_about_a_partner_school_is_not_about_this_school() -> None:
    reading = read_school(evidence_of(("sef-partner.md", "sef")))
    # The Markdown grade table's rows are the self-evaluation's grades.
    assert judgements(reading)["quality of education"] == ("good", 2)
    assert judgements(reading)["leadership and management"] == ("outstanding", 1)
    assert "causing_concern" not in flags(reading)
    assert not [r for r in readings(reading) if r[0] == "safeguarding"]
    assert ("attendance", 2) in {(a, level) for a, level, _ in readings(reading)} or (
        "attendance",
        1,
    ) in {(a, level) for a, level, _ in readings(reading)}


def test_minutes_about_another_school_in_the_federation_raise_no_flag() -> None:
    reading = read_school(evidence_of(("minutes.md", "minutes"), name="Ashdown Primary School"))
    assert "warning_notice" not in flags(reading)
    # A procedural sentence about the school's policy is not a concern.
    assert not [r for r in readings(reading) if r[0] == "safeguarding" and r[1] >= 3]


def test_a_visit_note_is_read_as_narrative_evidence() -> None:
    levels = {
        (a, level)
        for a, level, _ in readings(read_school(evidence_of(("visit-note.txt", "visit_note"))))
    }
    assert ("attendance", 3) in levels or ("attendance", 4) in levels


def test_narrative_under_a_graded_area_is_evidence_for_its_grade() -> None:
    reading = read_school(evidence_of(("report-card.txt", "ofsted_report")))
    found = {(a, level, q) for a, level, q in readings(reading)}
    assert ("governance", 2, "Governors check the work of leaders.") in found


def test_a_school_sharing_part_of_this_one_s_name_is_another_school() -> None:
    reading = read_school(
        evidence_of(("trust-minutes.md", "minutes"), name="Ashdown Junior School")
    )
    assert "special_measures" not in flags(reading)
    alone = read_school(evidence_of(("trust-minutes.md", "minutes"), name="Ashdown Infant School"))
    assert "special_measures" in flags(alone)


REAL_LAYOUTS = Path(__file__).parents[2] / "eval" / "corpora" / "real-tuned"


@pytest.mark.parametrize(
    ("file", "kind", "form", "graded"),
    [
        (
            "930001/report-card-2026-01.pdf",
            "ofsted_report",
            "report_card",
            {"curriculum and teaching": 1, "achievement": 2, "safeguarding": 2},
        ),
        (
            "930006/report-card-2026-02.pdf",
            "ofsted_report",
            "report_card",
            {"leadership and governance": 4, "achievement": 3, "safeguarding": 4},
        ),
        (
            "930003/ofsted-report-2019-11.pdf",
            "ofsted_report",
            "eif_report",
            {"overall effectiveness": 2, "the quality of education": 2},
        ),
        (
            "930010/ofsted-letter-2024-05.pdf",
            "ofsted_report",
            "ungraded_inspection",
            {"overall effectiveness": 2},
        ),
        (
            "930012/monitoring-letter-2025-03.pdf",
            "ofsted_report",
            "monitoring_letter",
            {"leadership and management": 3},
        ),
        ("930009/monitoring-letter-2025-01.pdf", "ofsted_report", "monitoring_letter", {}),
        (
            "930004/standard-inspection-2025-06.pdf",
            "ofsted_report",
            "independent_standard",
            {"independent school standards": 3, "the quality of education": 3},
        ),
        (
            "930004/progress-monitoring-2026-02.pdf",
            "ofsted_report",
            "independent_progress",
            {"part 3": 4, "part 5": 2, "part 8": 4},
        ),
        ("930006/warning-notice-2026-03.pdf", "other", "warning_notice", {"safeguarding": 4}),
        ("930011/sef-2025-26.docx", "sef", "sef", {}),
        ("930002/la-visit-note-2026-06.docx", "visit_note", "visit_note", {}),
        ("930013/governors-minutes-2025-11.docx", "minutes", "minutes", {}),
    ],
)
def test_each_form_is_read_from_a_real_pdf_or_docx(
    file: str, kind: str, form: str, graded: dict[str, int]
) -> None:
    """The real-layout files as produced (PDF page breaks, running heads and footers, DOCX
    tables), parsed as ingest parses them: the form and the graded lines come out."""
    reading = read_school(evidence_of((file, kind), root=REAL_LAYOUTS))
    assert reading.form(1) == form
    found = {area: level for area, (_, level) in judgements(reading).items()}
    assert {area: found.get(area) for area in graded} == graded
    # Running heads, footers and licence pages are never read as evidence.
    assert not [r for r in readings(reading) if "licence" in r[2].lower() or "http" in r[2]]


def test_a_sef_grade_table_in_a_docx_gives_self_grades_and_its_legend_is_no_grade() -> None:
    reading = read_school(evidence_of(("930011/sef-2025-26.docx", "sef"), root=REAL_LAYOUTS))
    levels = readings(reading)
    rows = {(aspect, level) for aspect, level, quote in levels if "Strong standard" in quote}
    assert {("curriculum_teaching", 2), ("achievement", 2), ("inclusion_send", 2)} <= rows
    # The table's key names every grade from exceptional to urgent improvement: not a finding.
    assert not [r for r in levels if "Urgent improvement" in r[2]]
    assert not [r for r in levels if r[1] == 4]
