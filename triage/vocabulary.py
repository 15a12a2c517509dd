"""The shared vocabulary of DESIGN.md, defined once: aspects, levels, Ofsted grades and flags.

Document kinds and indicator names are ingest's (`ingest.vocabulary`); how each of these words is
written in documents (grade phrases, evaluation areas, flag wording) is the lexicon's data
(`triage/extract/lexicon.yaml`), validated against the names here.
"""

from __future__ import annotations

from typing import Literal

AspectId = Literal[
    "curriculum_teaching",
    "achievement",
    "attendance",
    "behaviour",
    "personal_development",
    "inclusion_send",
    "early_years",
    "leadership",
    "governance",
    "safeguarding",
    "staffing",
    "finance_estates",
    "parents_complaints",
    "partnership",
]
ASPECTS: tuple[AspectId, ...] = AspectId.__args__  # type: ignore[attr-defined]
ASPECT_NAMES: dict[str, str] = {
    "curriculum_teaching": "Curriculum and teaching",
    "achievement": "Achievement",
    "attendance": "Attendance",
    "behaviour": "Behaviour",
    "personal_development": "Personal development",
    "inclusion_send": "Inclusion and SEND",
    "early_years": "Early years",
    "leadership": "Leadership",
    "governance": "Governance",
    "safeguarding": "Safeguarding",
    "staffing": "Staffing",
    "finance_estates": "Finance and estates",
    "parents_complaints": "Parents and complaints",
    "partnership": "Partnership",
}


def aspect_name(aspect: object) -> str:
    """How an aspect is named to people ("Inclusion and SEND"); an unknown id is spelled out."""
    return ASPECT_NAMES.get(str(aspect), str(aspect).replace("_", " "))


Level = Literal[1, 2, 3, 4]
LEVEL_NAMES: dict[int, str] = {
    1: "exceptional",
    2: "secure",
    3: "needs attention",
    4: "urgent concern",
}

# Ofsted's grades: the four of the education inspection framework, then the five-point scale of
# report cards from November 2025.
OfstedGrade = Literal[
    "outstanding",
    "good",
    "requires_improvement",
    "inadequate",
    "exceptional",
    "strong_standard",
    "expected_standard",
    "needs_attention",
    "urgent_improvement",
]
OFSTED_GRADES: tuple[OfstedGrade, ...] = OfstedGrade.__args__  # type: ignore[attr-defined]
GRADE_LEVELS: dict[OfstedGrade, Level] = {
    "outstanding": 1,
    "good": 2,
    "requires_improvement": 3,
    "inadequate": 4,
    "exceptional": 1,
    "strong_standard": 2,
    "expected_standard": 2,
    "needs_attention": 3,
    "urgent_improvement": 4,
}

# Statutory statuses the extractor raises from inspection and LA language; limiting rules fire
# on them.
Flag = Literal[
    "warning_notice",
    "special_measures",
    "notice_to_improve",
    "serious_weaknesses",
    "safeguarding_not_met",
    "causing_concern",
]
FLAGS: tuple[Flag, ...] = Flag.__args__  # type: ignore[attr-defined]

# What a document is, read from its structure (a kind is what the user said it is): the published
# forms of inspection, the authority's warning notice, and the school's and authority's own papers.
DocumentForm = Literal[
    "report_card",
    "eif_report",
    "ungraded_inspection",
    "monitoring_letter",
    "independent_standard",
    "independent_progress",
    "warning_notice",
    "sef",
    "visit_note",
    "minutes",
    "indicators",
    "other",
]
DOCUMENT_FORMS: tuple[DocumentForm, ...] = DocumentForm.__args__  # type: ignore[attr-defined]
# The forms an inspectorate publishes: their judgements are the school's inspection judgements.
INSPECTION_FORMS: frozenset[DocumentForm] = frozenset(
    {
        "report_card",
        "eif_report",
        "ungraded_inspection",
        "monitoring_letter",
        "independent_standard",
        "independent_progress",
    }
)
