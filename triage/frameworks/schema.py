"""The shape of a framework file: categories, characteristics, limiting rules and weights.

A framework is data, not code: adding an authority is one YAML file validated by these models.
The scorer switches on `decision_method`; every threshold it uses is a field here, so changing a
threshold is an edit to the file, not to the code. docs/frameworks.md describes every field.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ingest.vocabulary import DOCUMENT_KINDS, INDICATORS
from triage.vocabulary import AspectId, Flag, Level, OfstedGrade

DecisionMethod = Literal["best_fit", "secure_fit", "risk_rating"]

# How the value stands against the reference (national figure or absolute threshold), with margin m:
#   above: v > ref + m        well_above: v > ref + m      at_least_in_line: v >= ref - m
#   in_line: |v - ref| <= m   at_most_in_line: v <= ref + m
#   below: v < ref - m        well_below: v < ref - m
#   rising: v - previous > m  falling: previous - v > m    (previous = the prior year's value)
# "well_" ops read the same but are written with a wider margin, so the file says what it means.
Op = Literal[
    "above",
    "well_above",
    "at_least_in_line",
    "in_line",
    "at_most_in_line",
    "below",
    "well_below",
    "rising",
    "falling",
]

Effect = Literal["force", "cap", "floor"]
Rag = Literal["green", "amber", "red"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Category(Model):
    """One category of the framework, best first in the file."""

    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9-]*$", description="Category id, exactly as DESIGN.md"
    )
    label: str = Field(description="The framework's own name for the category")
    level: Level = Field(description="The shared level (1-4) the category sits at")
    covers_levels: list[Level] | None = Field(
        default=None,
        description="Shared levels the category spans when it spans more than one "
        "(e.g. a three-strand framework); defaults to [level]",
    )
    support_level: str = Field(description="The support level the category brings, per the seed")
    offer: str = Field(default="", description="The support offer, in the framework's words")
    description: str = Field(default="", description="The framework's own summary of the category")

    def levels(self) -> list[int]:
        """The shared levels this category covers."""
        return list(self.covers_levels) if self.covers_levels else [self.level]


class IndicatorRule(Model):
    """A measurable test of a characteristic against an indicator row (see `Op`)."""

    indicator: str = Field(description="Indicator name, one of INDICATORS")
    compare: Literal["national", "absolute", "previous"] = Field(
        description="Reference: the row's national figure, `threshold`, or the prior year's value"
    )
    op: Op
    margin: float = Field(default=0.0, ge=0.0, description="Tolerance around the reference")
    threshold: float | None = Field(default=None, description="Reference when compare=absolute")

    @field_validator("indicator")
    @classmethod
    def _known_indicator(cls, value: str) -> str:
        if value not in INDICATORS:
            raise ValueError(f"unknown indicator {value!r}; use one of {', '.join(INDICATORS)}")
        return value

    @model_validator(mode="after")
    def _reference_given(self) -> IndicatorRule:
        if self.compare == "absolute" and self.threshold is None:
            raise ValueError("compare: absolute needs a threshold")
        if (self.op in ("rising", "falling")) != (self.compare == "previous"):
            raise ValueError("ops rising/falling go with compare: previous, and only with it")
        return self

    def describe(self) -> str:
        """The rule in words, e.g. "attendance_pct below national by more than 0.5"."""
        ref = {
            "national": "national",
            "absolute": f"{self.threshold:g}" if self.threshold is not None else "?",
            "previous": "the previous year",
        }[self.compare]
        words = self.op.replace("_", " ")
        if self.op in ("rising", "falling"):
            text = f"{self.indicator} {words} on {ref}"
        else:
            text = f"{self.indicator} {words} {ref}"
        return f"{text} (margin {self.margin:g})" if self.margin else text

    def holds(
        self, value: float, *, national: float | None = None, previous: float | None = None
    ) -> bool | None:
        """Whether the value satisfies the rule; None when the reference is missing."""
        ref = {"national": national, "absolute": self.threshold, "previous": previous}[self.compare]
        if ref is None:
            return None
        m = self.margin
        if self.op == "rising":
            return value - ref > m
        if self.op == "falling":
            return ref - value > m
        if self.op in ("above", "well_above"):
            return value > ref + m
        if self.op in ("below", "well_below"):
            return value < ref - m
        if self.op == "at_least_in_line":
            return value >= ref - m
        if self.op == "at_most_in_line":
            return value <= ref + m
        return abs(value - ref) <= m


class Characteristic(Model):
    """One characteristic of one category, in the framework's own words."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.-]*$", description="Unique within the framework")
    category: str = Field(description="Id of the category it characterises")
    area: str = Field(description="The framework's own area heading or words")
    text: str = Field(min_length=1, description="The seed's own words")
    reading: str | None = Field(
        default=None,
        description="How the file reads the seed's words where they do not describe a school "
        "on their own (an interpretation, shown to officers as such)",
    )
    aspect: AspectId
    level: Level = Field(description="The shared level the characteristic evidences")
    indicator_rule: IndicatorRule | None = None
    alt_indicator_rules: list[IndicatorRule] = Field(
        default_factory=list,
        description="Read in order when the school has no row for indicator_rule's indicator "
        "(e.g. the KS4 measure of the same thing for a secondary school)",
    )
    hints: list[str] = Field(min_length=1, description="Retrieval queries officers would type")
    source_ref: str | None = Field(
        default=None, description="Where in the seed it comes from (table row, section, page)"
    )
    risk_area: str | None = Field(
        default=None, description="Risk area id it feeds (risk_rating frameworks)"
    )


class RuleCondition(Model):
    """When a limiting rule fires: exactly one of aspect+level_at_least, flag or judgement."""

    aspect: AspectId | None = None
    level_at_least: Level | None = Field(
        default=None, description="Fires when the aspect's profile level is this or worse"
    )
    flag: Flag | None = None
    judgement: OfstedGrade | None = Field(
        default=None, description="Fires on an inspection judgement this grave or graver"
    )

    @model_validator(mode="after")
    def _exactly_one(self) -> RuleCondition:
        given = [self.aspect is not None, self.flag is not None, self.judgement is not None]
        if sum(given) != 1:
            raise ValueError("give exactly one of aspect (with level_at_least), flag, judgement")
        if (self.aspect is None) != (self.level_at_least is None):
            raise ValueError("aspect and level_at_least go together")
        return self


class LimitingRule(Model):
    """A judgement that overrides best fit: force a category, or cap/floor the result."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    description: str = Field(description="The limiting judgement in the seed's words")
    when: RuleCondition
    effect: Effect = Field(
        description="force: this category; cap: no better than it; floor: no worse than it"
    )
    category: str
    hints: list[str] = Field(default_factory=list, description="Queries that find the trigger")
    source_ref: str | None = None


class RiskArea(Model):
    """A risk area of a risk_rating framework and the aspects whose levels rate it."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    label: str
    aspects: list[AspectId] = Field(min_length=1)


class RiskBand(Model):
    min_points: int = Field(ge=0, description="Total RAG points at or above which the band applies")
    category: str


class RiskRating(Model):
    """Likelihood x mitigation -> RAG per risk area; total RAG points -> category."""

    mitigation_aspect: AspectId = Field(
        default="leadership", description="The aspect whose level reads as strength of mitigation"
    )
    matrix: dict[int, list[Rag]] = Field(
        description="Row per likelihood (area's worst aspect level 1-4); "
        "column per mitigation level 1-4"
    )
    rag_points: dict[Rag, int]
    bands: list[RiskBand] = Field(min_length=1, description="Highest min_points first")
    unevidenced_area: Rag | None = Field(
        default=None, description="RAG given to an area with no evidence; None leaves it unrated"
    )

    @field_validator("matrix")
    @classmethod
    def _square(cls, value: dict[int, list[str]]) -> dict[int, list[str]]:
        if sorted(value) != [1, 2, 3, 4] or any(len(row) != 4 for row in value.values()):
            raise ValueError("matrix needs rows 1-4, each with four RAG entries")
        return value

    def rag(self, likelihood: int, mitigation: int) -> Rag:
        """The RAG rating of one area."""
        return self.matrix[likelihood][mitigation - 1]


class Recency(Model):
    half_life_days: int = Field(
        gt=0, description="Evidence weight halves every N days before the newest document's date"
    )


class Scoring(Model):
    min_aspects_evidenced: int = Field(
        ge=0, description="Below this many evidenced aspects the proposal is insufficient_evidence"
    )
    tie_break: Literal["worse", "better"] = Field(
        default="worse", description="On equal best-fit scores, take the category with more support"
    )


class Framework(Model):
    """One authority's framework, as loaded from its YAML file."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    version: str
    source: str = Field(description="Seed file name the framework is encoded from")
    decision_method: DecisionMethod
    categories: list[Category] = Field(min_length=2, description="Best first")
    characteristics: list[Characteristic] = Field(min_length=1)
    limiting_rules: list[LimitingRule] = Field(default_factory=list)
    source_weights: dict[str, float]
    recency: Recency
    scoring: Scoring
    risk_areas: list[RiskArea] = Field(default_factory=list)
    risk_rating: RiskRating | None = None
    notes: str = Field(default="", description="What the encoding interprets beyond the seed")

    @field_validator("source_weights")
    @classmethod
    def _kinds(cls, value: dict[str, float]) -> dict[str, float]:
        unknown = sorted(set(value) - set(DOCUMENT_KINDS))
        if unknown:
            raise ValueError(f"unknown document kind(s) {unknown}; use {list(DOCUMENT_KINDS)}")
        if any(weight < 0 for weight in value.values()):
            raise ValueError("weights must not be negative")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Framework:
        _check_references(self)
        return self

    def category(self, category_id: str) -> Category:
        """The category with this id (KeyError if none)."""
        for category in self.categories:
            if category.id == category_id:
                return category
        raise KeyError(category_id)

    def characteristics_of(self, category_id: str) -> list[Characteristic]:
        """The characteristics of one category, in file order."""
        return [c for c in self.characteristics if c.category == category_id]


def _check_references(framework: Framework) -> None:
    """Ids are unique and every reference names something defined in the file.

    Messages start with the field path ("characteristics[3].category: ...") so the loader can
    point at the line.
    """
    category_ids = [c.id for c in framework.categories]
    _unique("categories", [c.id for c in framework.categories])
    _unique("characteristics", [c.id for c in framework.characteristics])
    _unique("limiting_rules", [r.id for r in framework.limiting_rules])
    area_ids = [a.id for a in framework.risk_areas]
    _unique("risk_areas", area_ids)
    for i, ch in enumerate(framework.characteristics):
        if ch.category not in category_ids:
            raise ValueError(
                f"characteristics[{i}].category: unknown category {ch.category!r} in {ch.id}; "
                f"use one of {category_ids}"
            )
        if ch.risk_area is not None and ch.risk_area not in area_ids:
            raise ValueError(
                f"characteristics[{i}].risk_area: unknown risk area {ch.risk_area!r} in {ch.id}"
            )
    for i, rule in enumerate(framework.limiting_rules):
        if rule.category not in category_ids:
            raise ValueError(
                f"limiting_rules[{i}].category: unknown category {rule.category!r}; "
                f"use one of {category_ids}"
            )
    if framework.decision_method == "risk_rating":
        if framework.risk_rating is None or not framework.risk_areas:
            raise ValueError("decision_method: risk_rating needs risk_areas and risk_rating")
    if framework.risk_rating is not None:
        for i, band in enumerate(framework.risk_rating.bands):
            if band.category not in category_ids:
                raise ValueError(
                    f"risk_rating.bands[{i}].category: unknown category {band.category!r}"
                )


def _unique(field: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for i, item in enumerate(ids):
        if item in seen:
            raise ValueError(f"{field}[{i}].id: duplicate id {item!r}; ids must be unique")
        seen.add(item)
