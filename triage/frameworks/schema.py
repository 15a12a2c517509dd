"""The shape of a framework file: categories, characteristics, limiting rules and weights.

A framework is data, not code: adding an authority is one YAML file validated by these models.
The scorer switches on `decision_method`; every number that can move a category (weights, ages,
rounding, fit, indicator levels) is a field here, so changing one is an edit to the file, not to
the code. docs/frameworks.md describes every field.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from ingest.vocabulary import DOCUMENT_KINDS
from triage.frameworks.indicators import IndicatorReading, IndicatorRule, known_indicator
from triage.vocabulary import AspectId, DocumentForm, Flag, Level, OfstedGrade

DecisionMethod = Literal["best_fit", "secure_fit", "risk_rating"]
KnownIndicator = Annotated[str, AfterValidator(known_indicator)]
Effect = Literal["force", "cap", "floor"]
Rag = Literal["green", "amber", "red"]


class FrameworkPart(BaseModel):
    """Base of every part of a framework file: unknown fields are refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Category(FrameworkPart):
    """One category of the framework, best first in the file."""

    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9-]*$", description="Category id, exactly as DESIGN.md"
    )
    label: str = Field(description="The framework's own name for the category")
    level: Level = Field(description="The shared level (1-4) the category sits at")
    support_level: str = Field(description="The support level the category brings, per the seed")
    offer: str = Field(default="", description="The support offer, in the framework's words")
    description: str = Field(default="", description="The framework's own summary of the category")


class Characteristic(FrameworkPart):
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
        default=None,
        description="Risk area id whose likelihood it rates (risk_rating frameworks): an area is "
        "rated from the aspects of its characteristics",
    )


class RuleCondition(FrameworkPart):
    """When a limiting rule fires: exactly one of aspect, aspects (each with level_at_least or
    level_at_most), flag or judgement."""

    aspect: AspectId | None = None
    aspects: list[AspectId] | None = Field(
        default=None,
        min_length=2,
        description="Fires when count_at_least of these aspects are at the level",
    )
    count_at_least: int | None = Field(
        default=None, ge=1, description="How many of `aspects` must be at the level"
    )
    level_at_least: Level | None = Field(
        default=None, description="Fires when the aspect's profile level is this or worse"
    )
    level_at_most: Level | None = Field(
        default=None, description="Fires when the aspect's profile level is this or better"
    )
    no_aspect_worse_than: Level | None = Field(
        default=None,
        description="With aspect or aspects: fires only when no aspect the profile reads is "
        "worse than this level (secure across all areas: 2)",
    )
    flag: Flag | None = None
    judgement: OfstedGrade | None = Field(
        default=None, description="Fires on an inspection judgement this grave or graver"
    )

    @model_validator(mode="after")
    def _exactly_one(self) -> RuleCondition:
        given = [
            self.aspect is not None,
            self.aspects is not None,
            self.flag is not None,
            self.judgement is not None,
        ]
        if sum(given) != 1:
            raise ValueError(
                "give exactly one of aspect or aspects (with a level), flag, judgement"
            )
        named = self.aspect is not None or self.aspects is not None
        levels = (self.level_at_least is not None) + (self.level_at_most is not None)
        if named and levels != 1:
            raise ValueError("aspect or aspects take one of level_at_least, level_at_most")
        if not named and (levels or self.no_aspect_worse_than is not None):
            raise ValueError("a level goes with aspect or aspects")
        if (self.aspects is None) != (self.count_at_least is None):
            raise ValueError("aspects and count_at_least go together")
        if self.aspects is not None and self.count_at_least is not None:
            if len(set(self.aspects)) != len(self.aspects):
                raise ValueError("aspects are listed once each")
            if self.count_at_least > len(self.aspects):
                raise ValueError("count_at_least is more than the aspects listed")
        return self

    @property
    def named(self) -> list[AspectId]:
        """The aspects the condition reads (none for a flag or a judgement)."""
        return [self.aspect] if self.aspect is not None else list(self.aspects or [])

    def holds(self, level: int) -> bool:
        """Whether an aspect at this profile level meets the condition's level."""
        if self.level_at_least is not None:
            return level >= self.level_at_least
        return self.level_at_most is not None and level <= self.level_at_most

    def describe(self) -> str:
        """The condition in a line, for the framework table and the proposal."""
        if self.level_at_least is not None:
            level = f"level >= {self.level_at_least}"
        else:
            level = f"level <= {self.level_at_most}"
        if self.no_aspect_worse_than is not None:
            level += f", no aspect above {self.no_aspect_worse_than}"
        if self.aspect is not None:
            return f"{self.aspect} {level}"
        if self.aspects is not None:
            return f"{self.count_at_least} of {', '.join(self.aspects)} at {level}"
        if self.flag is not None:
            return f"flag {self.flag}"
        return f"judgement {self.judgement} or graver"


class LimitingRule(FrameworkPart):
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


# An inspection's own judgement and the authority's warning notice: enough to fire a rule alone.
AUTHORITATIVE_FORMS: tuple[DocumentForm, ...] = (
    "report_card",
    "eif_report",
    "ungraded_inspection",
    "monitoring_letter",
    "independent_standard",
    "independent_progress",
    "warning_notice",
)


class RuleAuthority(FrameworkPart):
    """Which evidence may move a category through a limiting rule on its own. A trigger found
    only in weaker sources (a SEF, minutes) is shown as "check this" and moves nothing, unless
    enough independent documents say it."""

    kinds: list[str] = Field(
        default_factory=lambda: ["ofsted_report", "visit_note", "indicators"],
        description="Document kinds whose word alone fires a rule (an inspection, the "
        "authority's own note, the published data)",
    )
    forms: list[DocumentForm] = Field(
        default_factory=lambda: list(AUTHORITATIVE_FORMS),
        description="Document forms, recognised from their structure, whose word alone fires "
        "a rule (whatever kind the document was given)",
    )
    sources: int = Field(
        default=2, ge=1, description="Independent documents that fire a rule between them"
    )

    @field_validator("kinds")
    @classmethod
    def _known(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - set(DOCUMENT_KINDS))
        if unknown:
            raise ValueError(f"unknown document kind(s) {unknown}; use {list(DOCUMENT_KINDS)}")
        return value


class RiskArea(FrameworkPart):
    """A risk area of a risk_rating framework, rated from its characteristics' aspects."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    label: str


class RiskBand(FrameworkPart):
    min_points: int = Field(ge=0, description="Total RAG points at or above which the band applies")
    category: str


class RiskRating(FrameworkPart):
    """Likelihood x mitigation -> RAG per risk area; total RAG points -> category."""

    mitigation_aspect: AspectId = Field(
        description="The aspect whose level reads as strength of mitigation"
    )
    matrix: dict[int, list[Rag]] = Field(
        description="Row per likelihood (area's worst aspect level 1-4); "
        "column per mitigation level 1-4"
    )
    rag_points: dict[Rag, int]
    bands: list[RiskBand] = Field(min_length=1, description="Highest min_points first")
    unevidenced_area: Rag | None = Field(
        description="RAG given to an area with no evidence; null leaves it unrated"
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


class Recency(FrameworkPart):
    """How evidence ages, measured back from the school's newest document (never the clock)."""

    half_life_days: int = Field(
        gt=0, description="Evidence weight halves every N days before the newest document's date"
    )
    undated_age: float = Field(
        ge=0, description="An undated document counts as this many half-lives old"
    )
    current_within: float = Field(
        gt=0,
        description="Flags and safeguarding concerns count as current up to this many "
        "half-lives old",
    )
    report_stands_for: float = Field(
        gt=0,
        description="An inspection's grades stand until its report is this many half-lives old",
    )

    def weight(self, date: dt.date | None, reference: dt.date | None) -> float:
        """Weight of evidence dated `date` when the newest evidence is dated `reference`."""
        if reference is None:
            return 1.0
        if date is None:
            return 0.5**self.undated_age
        age = max(0, (reference - date).days)
        return 0.5 ** (age / self.half_life_days)

    def within(self, date: dt.date | None, reference: dt.date | None, half_lives: float) -> bool:
        """Whether evidence dated `date` is at most `half_lives` half-lives old."""
        return self.weight(date, reference) >= 0.5**half_lives


class RecallFirst(FrameworkPart):
    """Aspects where one credible, current concern sets the level, whatever surrounds it."""

    aspects: list[AspectId]
    min_confidence: float = Field(
        ge=0, le=1, description="Least confidence for a concern (level 3-4) to set the level"
    )


class Scoring(FrameworkPart):
    """What turns weighed evidence into aspect levels, and a proposal into an abstention."""

    min_aspects_evidenced: int = Field(
        ge=0, description="Below this many evidenced aspects the proposal is insufficient_evidence"
    )
    tie_break: Literal["worse", "better"] = Field(
        description="On equal best-fit scores, take the category with more support (worse)"
    )
    concern_share: float = Field(
        gt=0,
        lt=1,
        description="An aspect's weighted level this share of the way from secure towards a "
        "graver level rounds to the graver one (recall over reassurance)",
    )
    recall_first: RecallFirst


class BestFit(FrameworkPart):
    """The fit curve of the best_fit method."""

    fit_by_distance: list[float] = Field(
        min_length=4,
        max_length=4,
        description="Fit of a characteristic whose level is 0, 1, 2 or 3 levels from its aspect's",
    )
    shrink: float = Field(
        ge=0,
        description="Unevidenced characteristics counted into a category's mean fit, so a "
        "category resting on few characteristics scores lower",
    )

    def fit(self, aspect_level: int, characteristic_level: int) -> float:
        """How well an aspect's level fits a characteristic's level."""
        return self.fit_by_distance[abs(aspect_level - characteristic_level)]


class Framework(FrameworkPart):
    """One authority's framework, as loaded from its YAML file."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    version: str
    source: str = Field(description="Seed file name the framework is encoded from")
    decision_method: DecisionMethod
    categories: list[Category] = Field(min_length=2, description="Best first")
    characteristics: list[Characteristic] = Field(min_length=1)
    limiting_rules: list[LimitingRule] = Field(default_factory=list)
    rule_authority: RuleAuthority = Field(
        default_factory=RuleAuthority,
        description="The evidence that may fire a limiting rule on its own",
    )
    source_weights: dict[str, float] = Field(description="Authority of each document kind")
    recency: Recency
    scoring: Scoring
    best_fit: BestFit | None = Field(default=None, description="Required by best_fit")
    risk_areas: list[RiskArea] = Field(default_factory=list)
    risk_rating: RiskRating | None = None
    indicator_levels: dict[KnownIndicator, IndicatorReading] = Field(
        description="Indicator -> the level a row of it evidences for its aspect"
    )
    notes: str = Field(default="", description="What the encoding interprets beyond the seed")

    @field_validator("source_weights")
    @classmethod
    def _kinds(cls, value: dict[str, float]) -> dict[str, float]:
        unknown = sorted(set(value) - set(DOCUMENT_KINDS))
        if unknown:
            raise ValueError(f"unknown document kind(s) {unknown}; use {list(DOCUMENT_KINDS)}")
        missing = [kind for kind in DOCUMENT_KINDS if kind not in value]
        if missing:
            raise ValueError(f"give a weight for every document kind; missing {missing}")
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

    def risk_area_aspects(self, area_id: str) -> list[AspectId]:
        """The aspects that rate a risk area: those of the characteristics that name it."""
        rating = [c.aspect for c in self.characteristics if c.risk_area == area_id]
        return list(dict.fromkeys(rating))


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
    _check_method(framework)


def _check_method(framework: Framework) -> None:
    """The sections the decision method reads are there, and name what the file defines."""
    category_ids = [c.id for c in framework.categories]
    if framework.decision_method == "risk_rating":
        if framework.risk_rating is None or not framework.risk_areas:
            raise ValueError("decision_method: risk_rating needs risk_areas and risk_rating")
    if framework.decision_method == "best_fit" and framework.best_fit is None:
        raise ValueError(
            "decision_method: best_fit needs a best_fit section (fit_by_distance, shrink)"
        )
    for i, area in enumerate(framework.risk_areas):
        if not framework.risk_area_aspects(area.id):
            raise ValueError(
                f"risk_areas[{i}].id: no characteristic names risk area {area.id!r}; give it "
                f"characteristics with risk_area: {area.id}"
            )
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
