"""The shared vocabulary of evidence: levels, aspects, stances, evidence items and proposals.

These models cross module boundaries (extract -> profile -> score -> proposals -> eval), so they
live in one place and every field says what it means.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

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

Level = Literal[1, 2, 3, 4]
LEVEL_NAMES: dict[int, str] = {
    1: "exceptional",
    2: "secure",
    3: "needs attention",
    4: "urgent concern",
}
Stance = Literal["supports", "contradicts"]
Verdict = Literal["met", "contradicted", "not_evidenced"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EvidenceItem(Model):
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


class Proposal(Model):
    """A proposed category for one school under one framework, with everything it rests on."""

    school: str
    framework: str
    framework_version: str
    category: str | None = Field(description="Category id, or None where evidence is insufficient")
    support_level: str | None
    scores: dict[str, float] = Field(description="Best-fit score of every category id")
    evidence: list[EvidenceItem]
    limiting_rules: list[dict[str, str]] = Field(default_factory=list)
    gaps: list[str] = Field(default_factory=list)
    conflicts: list[dict[str, str]] = Field(default_factory=list)
    insufficient_evidence: bool = False
