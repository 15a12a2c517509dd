"""The lexicon's tables about documents rather than words: forms, template text, subjects, verdicts.

How a document is recognised (a report card, a monitoring letter, a warning notice ...), what in it
is template (keys, definitions, the publisher's notices), who a sentence is about (this school, a
partner, schools nationally), the judgements written as sentences ("continues to be a good
school", "the standards in this part are not met") and what each Part of the independent school
standards is about. Loaded and validated with the rest of lexicon.yaml (triage.extract.lexicon).
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from ingest.vocabulary import DocumentKind
from triage.vocabulary import AspectId, DocumentForm, Level


def compile_pattern(value: object) -> re.Pattern[str]:
    """A case-insensitive regular expression from its text; a bad one is a ValueError."""
    if isinstance(value, re.Pattern):
        return value
    if not isinstance(value, str):
        raise ValueError("a pattern must be a string (a regular expression)")
    try:
        return re.compile(value, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression ({exc})") from None


def compile_exact(value: object) -> re.Pattern[str]:
    """A case-sensitive regular expression (capital letters matter: names)."""
    if isinstance(value, re.Pattern):
        return value
    pattern = compile_pattern(value)
    return re.compile(pattern.pattern)


Pattern = Annotated[re.Pattern[str], BeforeValidator(compile_pattern)]
ExactPattern = Annotated[re.Pattern[str], BeforeValidator(compile_exact)]


class StructurePart(BaseModel):
    """Base of these tables: unknown fields are refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Template(StructurePart):
    """Text that is the same in every school's copy of a document: never evidence."""

    min_schools: int = Field(
        ge=2, description="A sentence in this many schools' documents is template"
    )
    min_words: int = Field(ge=1, description="Shorter sentences are not judged by repetition")
    sections: Pattern = Field(description="Headings whose sections explain, never evaluate")
    schedule: Pattern = Field(description="The heading of a list of requirements not met")
    sentences: Pattern = Field(description="Definitions, keys and the publisher's notices")


class Subjects(StructurePart):
    """Who a clause is about: this school, or another school, a partner or schools in general."""

    own: Pattern = Field(description="Words naming this school or its people, as a subject")
    others: Pattern = Field(description="Words naming other schools or schools in general")
    not_subject: Pattern = Field(description="Words before a mention that make it an object")
    lead_in: Pattern = Field(description="An opening phrase before the subject, up to a comma")
    school_name: ExactPattern = Field(
        description="A school's name in running text (group 'name' or 'partner'); case matters"
    )
    name_stop: Pattern = Field(description="Words of a school's name that do not tell it apart")
    subject_words: int = Field(ge=1, description="How far into a clause its subject is looked for")


class FormRule(StructurePart):
    """A form of document and the words in its opening that mark it."""

    form: DocumentForm
    kinds: list[DocumentKind] = Field(description="Kinds it may have; any when empty")
    markers: Pattern
    opening: int = Field(gt=0, description="Characters of the document searched for the markers")


class VerdictPhrase(StructurePart):
    """A judgement an inspection writes as a sentence, not as a grade-table line."""

    pattern: Pattern
    area: str
    grade: str = Field(description="The judgement's name as shown")
    level: Level
    aspects: list[AspectId]
    forms: list[DocumentForm] = Field(min_length=1, description="Where it is a judgement")


class StandardsPart(StructurePart):
    """One Part of the independent school standards and what it is about."""

    part: int = Field(ge=1)
    aspects: list[AspectId] = Field(min_length=1)
    unmet_level: Level = Field(description="The level an unmet Part evidences")
    met_level: Level = Field(default=2, description="The level a met Part evidences")
    safeguarding: bool = Field(default=False, description="Unmet raises safeguarding_not_met")


class Independent(StructurePart):
    """Reading the Parts of an independent-school standards report."""

    heading: Pattern = Field(description="A Part's heading (group 'part' is its number)")
    not_met: Pattern = Field(description="Read before `met`: the Part's standards are not met")
    met: Pattern
    unread: Pattern = Field(description="What an inspection did not check: no evidence at all")
    forms: list[DocumentForm] = Field(min_length=1)
    parts: list[StandardsPart] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Independent:
        numbers = [p.part for p in self.parts]
        if len(numbers) != len(set(numbers)):
            raise ValueError("parts: each Part once")
        return self

    def part(self, number: int) -> StandardsPart | None:
        return next((p for p in self.parts if p.part == number), None)
