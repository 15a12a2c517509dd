"""The deterministic `rules` judge: the sentence reader's readings, kept per passage."""

from __future__ import annotations

from typing import TYPE_CHECKING

from triage.extract.judges import items_for, register_judge
from triage.extract.judges.reading import PassageReading, read_passage
from triage.extract.models import EvidenceItem
from triage.extract.snapshot import SchoolPassage
from triage.frameworks.schema import Characteristic, Framework

if TYPE_CHECKING:
    from triage.extract.documents import SchoolReading

RULES = "rules"


class RulesJudge:
    """The deterministic judge: each passage read once by the sentence reader, for every
    characteristic that retrieves it."""

    name = RULES

    def __init__(self) -> None:
        self._readings: dict[tuple[int, str], PassageReading] = {}
        self._school: SchoolReading | None = None

    def use(self, school: SchoolReading) -> None:
        """Read passages as the school's documents were read, each in its document's light."""
        self._school = school

    def read(self, passage: SchoolPassage) -> PassageReading:
        if self._school is not None:
            read = self._school.passage(passage)
            if read is not None:
                return read
        key = (passage.passage_id, passage.kind)
        if key not in self._readings:
            self._readings[key] = read_passage(
                passage.text, section=passage.section, kind=passage.kind
            )
        return self._readings[key]

    def judge(
        self, passage: SchoolPassage, characteristic: Characteristic, framework: Framework
    ) -> list[EvidenceItem] | None:
        readings = [(r.aspect, r.level, r.confidence, r.quote) for r in self.read(passage).readings]
        return items_for(passage, characteristic, readings, extractor=RULES)


register_judge(RULES, lambda runtime: RulesJudge())
