"""Indicator rows as evidence: the framework's `indicator_levels` and `indicator_rule`s read them.

Only the latest year's row of each known indicator counts (with the year before, for trends); the
CSV row as written is the citation. A row evidences a level for its aspect (the sweep, which feeds
the profile) and, where a characteristic names the indicator in a rule, meets it or not.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict

from triage.extract.judges.rules import RULES
from triage.extract.models import EvidenceItem
from triage.extract.snapshot import SchoolEvidence, SchoolIndicator
from triage.frameworks.indicators import IndicatorRule
from triage.frameworks.schema import Characteristic, Framework

INDICATOR_KIND = "indicators"


class LatestIndicator(BaseModel):
    """The latest year's row of one indicator, with the value of the year before."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    indicator: str
    value: float
    national: float | None
    previous: float | None
    raw: str
    document: str
    document_id: int
    date: dt.date | None


def latest_indicators(evidence: SchoolEvidence) -> dict[str, LatestIndicator]:
    """The latest year's row of each known indicator, with the year before it for trends."""
    by_name: dict[str, list[SchoolIndicator]] = {}
    for row in evidence.indicators:
        if row.known:
            by_name.setdefault(row.indicator, []).append(row)
    latest: dict[str, LatestIndicator] = {}
    for name, rows in by_name.items():

        def order(row: SchoolIndicator) -> tuple[str, dt.date, int]:
            return (
                row.year or "",
                evidence.document(row.document_id).date or dt.date.min,
                row.line,
            )

        rows.sort(key=order)
        row = rows[-1]
        earlier = [r for r in rows if (r.year or "") < (row.year or "")]
        document = evidence.document(row.document_id)
        latest[name] = LatestIndicator(
            indicator=name,
            value=row.value,
            national=row.national,
            previous=earlier[-1].value if earlier else None,
            raw=row.raw,
            document=document.source,
            document_id=document.id,
            date=document.date,
        )
    return latest


def read_indicator(row: LatestIndicator, framework: Framework) -> EvidenceItem | None:
    """The level the row evidences for its aspect, by the framework's `indicator_levels`."""
    reading = framework.indicator_levels.get(row.indicator)
    step = (
        reading.read(row.value, national=row.national, previous=row.previous) if reading else None
    )
    if reading is None or step is None:
        return None
    return EvidenceItem(
        characteristic="",
        aspect=reading.aspect,
        level=step.level,
        stance="supports",
        confidence=step.confidence,
        document=row.document,
        document_kind=INDICATOR_KIND,
        page=None,
        quote=row.raw,
        date=row.date,
        extractor=RULES,
        weight=1.0,
    )


def indicator_sweep(
    rows: dict[str, LatestIndicator], framework: Framework
) -> list[tuple[EvidenceItem, int]]:
    """Every row read on the shared levels, with the id of the document it is from."""
    items = []
    for name in sorted(rows):
        item = read_indicator(rows[name], framework)
        if item is not None:
            items.append((item, rows[name].document_id))
    return items


def indicator_items(
    characteristic: Characteristic, rows: dict[str, LatestIndicator], framework: Framework
) -> list[tuple[EvidenceItem, int]]:
    """The indicator row a characteristic's rule names (or, failing a rule, of its aspect)."""
    rules: list[IndicatorRule] = []
    if characteristic.indicator_rule is not None:
        rules = [characteristic.indicator_rule, *characteristic.alt_indicator_rules]
    for rule in rules:
        row = rows.get(rule.indicator)
        if row is None:
            continue
        holds = rule.holds(row.value, national=row.national, previous=row.previous)
        reading = read_indicator(row, framework)
        if holds is None or reading is None:
            continue
        return [(_judged(characteristic, reading, holds=holds), row.document_id)]
    if rules:
        return []
    items = []
    for name in sorted(rows):
        reading = read_indicator(rows[name], framework)
        if reading is not None and reading.aspect == characteristic.aspect:
            stance = "supports" if reading.level == characteristic.level else "contradicts"
            item = reading.model_copy(
                update={"characteristic": characteristic.id, "stance": stance}
            )
            items.append((item, rows[name].document_id))
    return items


def _judged(characteristic: Characteristic, reading: EvidenceItem, *, holds: bool) -> EvidenceItem:
    """The row read against a characteristic's rule: the rule says whether it meets the
    characteristic, and the row states the level it reads on the framework's shared levels,
    the same whichever characteristic cites it."""
    stance = "supports" if holds else "contradicts"
    return reading.model_copy(update={"characteristic": characteristic.id, "stance": stance})
