"""Tests of an indicator row against a reference, the one mechanism a framework reads data with.

A characteristic's `indicator_rule` says whether the row meets it; a framework's
`indicator_levels` say which shared level a row evidences, as an ordered list of the same tests.
docs/frameworks.md describes every field.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ingest.vocabulary import INDICATORS
from triage.vocabulary import AspectId, Level

# With d = value - reference and m the margin (or margin x |reference| when `relative`):
#   above, well_above: d > m           below, well_below: d < -m
#   above_by_at_least: d >= m          below_by_at_least: -d >= m
#   at_least_in_line: d >= -m          at_most_in_line: d <= m        in_line: |d| <= m
#   rising: d > m, falling: -d > m     (reference = the prior year's value)
# "well_" ops test the same as their plain forms; they are written with a wider margin so the
# file says what it means.
Op = Literal[
    "above",
    "well_above",
    "above_by_at_least",
    "at_least_in_line",
    "in_line",
    "at_most_in_line",
    "below",
    "well_below",
    "below_by_at_least",
    "rising",
    "falling",
]
Compare = Literal["national", "absolute", "previous"]


def known_indicator(name: str) -> str:
    """The name, if the shared vocabulary knows it (a rule naming anything else is a typo)."""
    if name not in INDICATORS:
        raise ValueError(f"unknown indicator {name!r}; use one of {', '.join(INDICATORS)}")
    return name


class IndicatorTest(BaseModel):
    """How an indicator's value stands against a reference (see `Op`)."""

    model_config = ConfigDict(extra="forbid")

    compare: Compare = Field(
        description="Reference: the row's national figure, `threshold`, or the prior year's value"
    )
    op: Op
    margin: float = Field(default=0.0, ge=0.0, description="Tolerance around the reference")
    relative: bool = Field(
        default=False,
        description="The margin is a fraction of the reference (rates that vary by an order "
        "of magnitude between schools)",
    )
    threshold: float | None = Field(default=None, description="Reference when compare=absolute")

    @model_validator(mode="after")
    def _reference_given(self) -> IndicatorTest:
        if self.compare == "absolute" and self.threshold is None:
            raise ValueError("compare: absolute needs a threshold")
        if (self.op in ("rising", "falling")) != (self.compare == "previous"):
            raise ValueError("ops rising/falling go with compare: previous, and only with it")
        return self

    def holds(
        self, value: float, *, national: float | None = None, previous: float | None = None
    ) -> bool | None:
        """Whether the value passes the test; None when the reference is missing."""
        ref = {"national": national, "absolute": self.threshold, "previous": previous}[self.compare]
        if ref is None:
            return None
        d = value - ref
        m = self.margin * abs(ref) if self.relative else self.margin
        passes = {
            "above": d > m,
            "well_above": d > m,
            "above_by_at_least": d >= m,
            "at_least_in_line": d >= -m,
            "in_line": abs(d) <= m,
            "at_most_in_line": d <= m,
            "below": d < -m,
            "well_below": d < -m,
            "below_by_at_least": -d >= m,
            "rising": d > m,
            "falling": -d > m,
        }
        return passes[self.op]

    def describe_against(self, indicator: str) -> str:
        """The test in words, e.g. "attendance_pct below national (margin 0.5)"."""
        ref = {
            "national": "national",
            "absolute": f"{self.threshold:g}" if self.threshold is not None else "?",
            "previous": "the previous year",
        }[self.compare]
        words = self.op.replace("_", " ")
        if self.op in ("rising", "falling"):
            text = f"{indicator} {words} on {ref}"
        else:
            text = f"{indicator} {words} {ref}"
        unit = " of it" if self.relative else ""
        return f"{text} (margin {self.margin:g}{unit})" if self.margin else text


class IndicatorRule(IndicatorTest):
    """A measurable test of a characteristic against an indicator row."""

    indicator: str = Field(description="Indicator name, one of ingest.vocabulary.INDICATORS")

    @field_validator("indicator")
    @classmethod
    def _known_indicator(cls, value: str) -> str:
        return known_indicator(value)

    def describe(self) -> str:
        """The rule in words, e.g. "attendance_pct below national (margin 0.5)"."""
        return self.describe_against(self.indicator)


class IndicatorLevel(IndicatorTest):
    """One step of an indicator's reading: the level a row evidences when the test holds."""

    level: Level
    confidence: float = Field(gt=0.0, le=1.0, description="How sure this reading is")


class IndicatorReading(BaseModel):
    """How one indicator reads on the shared levels: the first of `levels` that holds."""

    model_config = ConfigDict(extra="forbid")

    aspect: AspectId
    levels: list[IndicatorLevel] = Field(
        min_length=1,
        description="Tried in order; a step whose reference is missing is skipped, and a row "
        "no step holds for evidences nothing",
    )

    def read(
        self, value: float, *, national: float | None, previous: float | None = None
    ) -> IndicatorLevel | None:
        """The step that holds for this row, or None when none can be read."""
        for step in self.levels:
            if step.holds(value, national=national, previous=previous):
                return step
        return None
