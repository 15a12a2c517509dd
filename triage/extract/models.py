"""The records of evidence: evidence items, characteristic verdicts, aspect levels, proposals.

These models cross module boundaries (extract -> profile -> score -> proposals -> eval), so they
live in one place and every field says what it means.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from triage.vocabulary import AspectId, Level

Stance = Literal["supports", "contradicts"]
Verdict = Literal["met", "contradicted", "not_evidenced"]


class EvidenceModel(BaseModel):
    """Base of the evidence records: unknown fields are refused."""

    model_config = ConfigDict(extra="forbid")


class EvidenceItem(EvidenceModel):
    """One cited judgement: a passage (or indicator row) read against one characteristic."""

    characteristic: str = Field(description="Characteristic id within the framework")
    aspect: AspectId
    level: Level = Field(description="The level on the shared 1-4 scale the passage evidences")
    stance: Stance = Field(description="Whether the passage supports or contradicts it")
    confidence: float = Field(ge=0.0, le=1.0)
    document: str = Field(description="The document's source as ingested")
    document_kind: str
    page: int | None
    quote: str = Field(description="Verbatim text from that page of that document")
    date: dt.date | None
    extractor: str = Field(description="Name of the extractor that produced the item")
    weight: float = Field(ge=0.0, description="Authority x recency weight used by the scorer")
    passage_id: int | None = None


class Searched(EvidenceModel):
    """What was searched for a characteristic, so an officer can trust an absence."""

    queries: list[str]
    documents: list[str] = Field(description="Sources of the school's documents searched")


class CharacteristicResult(EvidenceModel):
    """One characteristic read against the school's evidence, with the few citations it rests on."""

    characteristic: str
    category: str
    verdict: Verdict
    level: Level | None = Field(description="Level its own evidence shows, None if not evidenced")
    evidence: list[EvidenceItem] = Field(description="The 1-3 items that carry the verdict")
    searched: Searched


class AspectLevel(EvidenceModel):
    """The level the evidence supports for one aspect, and what it rests on."""

    level: Level
    score: float = Field(description="Weighted mean level of the evidence before rounding")
    weight: float = Field(description="Total authority x recency x confidence behind it")
    items: int = Field(description="Evidence items read for the aspect")
    sef_level: Level | None = Field(default=None, description="What the school's SEF claims")
    others_level: Level | None = Field(default=None, description="What the other sources show")
    recall_override: bool = Field(
        default=False, description="A credible recent concern set the level (recall-first)"
    )
    evidence_for: list[EvidenceItem] = Field(default_factory=list)
    evidence_against: list[EvidenceItem] = Field(default_factory=list)


class Proposal(EvidenceModel):
    """A proposed category for one school under one framework, with everything it rests on."""

    school: str
    framework: str
    framework_version: str
    category: str | None = Field(description="Category id, or None where evidence is insufficient")
    support_level: str | None
    scores: dict[str, float] = Field(description="Best-fit score of every category id")
    evidence: list[EvidenceItem]
    limiting_rules: list[dict[str, str]] = Field(default_factory=list)
    checks: list[dict[str, str]] = Field(
        default_factory=list,
        description="Limiting rules whose trigger only weaker sources give (a SEF, minutes): "
        "shown to the officer to check, with the quote; they move no category",
    )
    gaps: list[str] = Field(default_factory=list)
    conflicts: list[dict[str, str]] = Field(default_factory=list)
    insufficient_evidence: bool = False
    missing_evidence: str | None = Field(
        default=None,
        description="Where evidence is too thin to place the school: what is missing, in words",
    )
    characteristics: list[CharacteristicResult] = Field(
        default_factory=list, description="Every characteristic with its verdict"
    )
    profile: dict[str, AspectLevel] = Field(
        default_factory=dict, description="Aspect -> level the evidence supports"
    )
    dropped_citations: int = Field(
        default=0, description="Quotes dropped because they were not verbatim on their page"
    )
    set_aside: dict[str, int] = Field(
        default_factory=dict,
        description="Sentences of the school's documents set aside as template text, by why",
    )


class InspectionGrade(EvidenceModel):
    """An inspection grade from a report's grade table, with where it was read."""

    area: str
    grade: str
    level: int
    document: str
    page: int | None
    date: dt.date | None
    quote: str
    form: str = Field(default="", description="The form of the document it was read in")


class FlagFound(EvidenceModel):
    """A statutory status a document asserts (warning notice, special measures ...)."""

    flag: str
    document: str
    kind: str
    page: int | None
    date: dt.date | None
    quote: str
    form: str = Field(default="", description="The form of the document it was read in")


class Finding(EvidenceModel):
    """Everything judged for one characteristic (all verified items, before weighing)."""

    characteristic: str
    items: list[EvidenceItem]
    searched: Searched


class Extraction(EvidenceModel):
    """The school's evidence read through one framework."""

    school: str
    framework: str
    extractor: str
    reference_date: dt.date | None = Field(description="The school's newest document date")
    findings: list[Finding]
    sweep: list[EvidenceItem] = Field(description="Grades, safeguarding concerns, indicators")
    judgements: list[InspectionGrade]
    flags: list[FlagFound]
    dropped_quotes: int
    forms: dict[str, str] = Field(default_factory=dict, description="Document -> its form")
    set_aside: dict[str, int] = Field(
        default_factory=dict, description="Sentences set aside as template, by why"
    )
