"""Passage judges: read one retrieved passage against one characteristic of a framework.

A judge is chosen by name (`--extractor NAME`); `rules` is the deterministic default and `llm`
asks the configured model. Both turn their readings into evidence items the same way
(`items_for`), so the scorer sees one shape whatever read the passage.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Protocol

from triage.errors import TriageError
from triage.extract.models import EvidenceItem
from triage.extract.snapshot import SchoolPassage
from triage.frameworks.schema import Characteristic, Framework

if TYPE_CHECKING:
    from triage.runtime import Runtime


class PassageJudge(Protocol):
    """Reads one passage against one characteristic; None when it cannot judge at all."""

    name: str

    def judge(
        self, passage: SchoolPassage, characteristic: Characteristic, framework: Framework
    ) -> list[EvidenceItem] | None: ...


JUDGES: dict[str, Callable[[Runtime], PassageJudge]] = {}


def register_judge(name: str, factory: Callable[[Runtime], PassageJudge]) -> None:
    """Make a judge available by name (`--extractor NAME`)."""
    JUDGES[name] = factory


def build_judge(runtime: Runtime, name: str) -> PassageJudge:
    """The judge registered as `name`, built for `runtime`; unknown names are a user error."""
    if name not in JUDGES:
        known = ", ".join(sorted(JUDGES))
        raise TriageError(f"unknown extractor {name!r}; use one of: {known}")
    return JUDGES[name](runtime)


def items_for(
    passage: SchoolPassage,
    characteristic: Characteristic,
    readings: Iterable[tuple[str, int, float, str]],
    *,
    extractor: str,
) -> list[EvidenceItem]:
    """Evidence for a characteristic from a passage's (aspect, level, confidence, quote) readings:
    those on its aspect, supporting it at its level and contradicting it at any other."""
    return [
        evidence_item(
            passage,
            characteristic=characteristic.id,
            aspect=aspect,
            level=level,
            confidence=confidence,
            quote=quote,
            extractor=extractor,
            stance="supports" if level == characteristic.level else "contradicts",
        )
        for aspect, level, confidence, quote in readings
        if aspect == characteristic.aspect
    ]


def evidence_item(
    passage: SchoolPassage,
    *,
    characteristic: str,
    aspect: str,
    level: int,
    confidence: float,
    quote: str,
    extractor: str,
    stance: str,
) -> EvidenceItem:
    """A citable item: what was read, from which passage of which document and page."""
    return EvidenceItem(
        characteristic=characteristic,
        aspect=aspect,  # type: ignore[arg-type]
        level=level,  # type: ignore[arg-type]
        stance=stance,  # type: ignore[arg-type]
        confidence=confidence,
        document=passage.document,
        document_kind=passage.kind,
        page=passage.page,
        quote=quote,
        date=passage.date,
        extractor=extractor,
        weight=1.0,
        passage_id=passage.passage_id,
    )
