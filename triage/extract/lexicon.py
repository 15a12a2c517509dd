"""The lexicon: the words documents judge with, as validated data (lexicon.yaml beside this file).

The rules judge (triage.extract.judges) reads every table from here: which aspect a clause is about,
which level a graded term, phrase or evaluative word evidences, comparisons with national figures,
statutory flags, and the patterns that mark a sentence as no evidence at all. Grade and flag names
are checked against triage.vocabulary; a malformed entry is refused with its file and line.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    model_validator,
)

from triage.datafile import load_data_file
from triage.errors import TriageError
from triage.extract.lexicon_structure import (
    FormRule,
    Independent,
    Subjects,
    Template,
    VerdictPhrase,
    compile_pattern,
)
from triage.vocabulary import (
    ASPECTS,
    GRADE_LEVELS,
    OFSTED_GRADES,
    AspectId,
    Flag,
    Level,
    OfstedGrade,
)

LEXICON_FILE = Path(__file__).resolve().parent / "lexicon.yaml"
# A grade-table line, the whole line: optional numbering, an evaluation area, a separator, a
# grade or verdict ("Leadership and management: Good"), the grade as tables also write it with
# its number ("Good (2)", "2 - Good", "Grade 2 (Good)") or in brackets ("(Good)").
_GRADE_NUMBER = r"\(?\s*(grade\s*)?[1-4]\s*\)?"
_GRADE_LINE = (
    r"^\W*(\d{{1,2}}[.)]?\s*)?(?P<area>{areas})"
    r"\s*(is|:|-|\u2013|\u2014)?\s*(" + _GRADE_NUMBER + r"\s*(-|:|\u2013|\u2014)?\s*)?"
    r"\(?(?P<grade>{grades})(\s*" + _GRADE_NUMBER + r")?\W*$"
)


class LexiconError(TriageError):
    """The lexicon file is malformed."""


_compile = compile_pattern


def _regex_text(value: str) -> str:
    _compile(value)
    return value


Pattern = Annotated[re.Pattern[str], BeforeValidator(_compile)]
# A regular expression kept as text, where it is also a part of a larger pattern.
Phrase = Annotated[str, AfterValidator(_regex_text)]


class LexiconPart(BaseModel):
    """Base of every table entry: unknown fields are refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Weighted(LexiconPart):
    """A term naming an aspect, with how much it weighs."""

    weight: float = Field(gt=0)
    pattern: Pattern


class Leveled(LexiconPart):
    """A phrase or word with the level it evidences."""

    level: Level
    pattern: Pattern


class Area(LexiconPart):
    """An evaluation area of an Ofsted framework and the aspects a grade of it is about."""

    name: str
    pattern: Pattern = Field(description="How grade tables and headings name it, from the start")
    aspects: list[AspectId]


class Near(LexiconPart):
    """A pattern searched around a term, from `before` characters before it to `after` after."""

    pattern: Pattern
    before: int = Field(ge=0, description="Characters before the term searched")
    after: int = Field(ge=0, description="Characters after the term searched")


class NotWhen(LexiconPart):
    """Where a term is used in another sense: either test rules the term out."""

    followed_by: Pattern | None = Field(default=None, description="Must start right after it")
    near: Near | None = None

    def rules_out(self, text: str, match: re.Match[str]) -> bool:
        """Whether the term `match` found in `text` is used in another sense."""
        if self.followed_by is not None and self.followed_by.match(text, match.end()):
            return True
        if self.near is None:
            return False
        window = text[max(0, match.start() - self.near.before) : match.end() + self.near.after]
        return bool(self.near.pattern.search(window))


class Grade(LexiconPart):
    """How one Ofsted grade is written."""

    grade: OfstedGrade
    phrase: Phrase = Field(description="A regular expression, matched as whole words")
    needs_context: bool = Field(
        default=False, description="A grade only after 'is', 'judged' ...; else an evaluative word"
    )
    not_when: NotWhen | None = None
    _cue: re.Pattern[str] = PrivateAttr()

    def model_post_init(self, context: object) -> None:
        self._cue = _compile(rf"\b(?:{self.phrase})\b")

    @property
    def cue(self) -> re.Pattern[str]:
        return self._cue

    @property
    def level(self) -> Level:
        return GRADE_LEVELS[self.grade]


class ShortGrade(LexiconPart):
    """A grade as a self-evaluation's table writes it in a cell of its own ("RI", "Strong")."""

    grade: OfstedGrade
    cell: Pattern = Field(description="The whole cell, as matched")

    @property
    def level(self) -> Level:
        return GRADE_LEVELS[self.grade]


class Verdict(LexiconPart):
    """A word of a grade-table line that is not a grade (safeguarding "met", "not effective")."""

    phrase: Phrase
    level: Level
    grade: OfstedGrade | None = Field(default=None, description="The grade a failed verdict is")
    _words: re.Pattern[str] = PrivateAttr()

    def model_post_init(self, context: object) -> None:
        self._words = _compile(self.phrase)

    def name(self, words: str) -> str | None:
        """The judgement name these grade-table words read as, or None if they are not this."""
        if not self._words.fullmatch(words):
            return None
        return self.grade or words.lower().replace(" ", "_")


class WordMisuse(LexiconPart):
    """An evaluative word and where it is used in another sense."""

    word: Pattern = Field(description="The whole word as matched")
    not_when: NotWhen


class Comparison(LexiconPart):
    """A comparison with national figures, read from the measure's side."""

    direction: Literal[-2, -1, 0, 1, 2] = Field(description="For an ordinary measure; + better")
    better_level: Level = Field(description="The level when the measure is the better for it")
    pattern: Pattern


class Trend(LexiconPart):
    """A word saying which way a measure moved."""

    direction: Literal[-2, -1, 1, 2] = Field(
        description="Which way an ordinary measure moved or stands; 2 for very high"
    )
    pattern: Pattern


class FlagPhrase(LexiconPart):
    """How a statutory status is written."""

    flag: Flag
    pattern: Pattern


class Patterns(LexiconPart):
    """Single patterns the reader uses by name (lexicon.yaml says what each marks)."""

    reassurance: Pattern
    neutral: Pattern
    negator: Pattern
    grade_context: Pattern
    inverse_measures: Pattern
    positive_measure: Pattern
    national: Pattern
    flag_denied: Pattern
    severe_safeguarding: Pattern
    instruction: Pattern
    addresses_system: Pattern
    imperative_start: Pattern
    action_item: Pattern
    prescription: Pattern
    condition: Pattern
    not_ensured: Pattern
    numeric_national: Pattern
    hypothetical: Pattern
    reported_claim: Pattern
    past_report: Pattern
    fragment: Pattern
    rates: Pattern
    self_claim: Pattern
    aspiration: Pattern
    events: Pattern
    event_attendance: Pattern
    policy_business: Pattern
    scale_description: Pattern
    outstanding_remaining: Pattern
    expected_standard_data: Pattern
    procedural_concern: Pattern


class Lexicon(LexiconPart):
    """Every table of lexicon.yaml, validated; `grade_line` is built from its areas and grades."""

    version: str = Field(min_length=1, description="Bumped with every change (inputs_hash)")
    patterns: Patterns
    aspect_terms: dict[AspectId, list[Weighted]]
    areas: list[Area] = Field(min_length=1)
    grades: list[Grade] = Field(min_length=1)
    short_grades: list[ShortGrade] = Field(default_factory=list)
    verdicts: list[Verdict]
    safeguarding_verdicts: list[Leveled]
    phrases: list[Leveled]
    words: list[Leveled]
    word_misuse: list[WordMisuse]
    comparisons: list[Comparison]
    trends: list[Trend]
    flags: list[FlagPhrase]
    forms: list[FormRule] = Field(min_length=1)
    template: Template
    subjects: Subjects
    verdict_phrases: list[VerdictPhrase]
    independent: Independent
    _grade_line: re.Pattern[str] = PrivateAttr()
    _grade_only: re.Pattern[str] = PrivateAttr()

    @model_validator(mode="after")
    def _complete(self) -> Lexicon:
        missing = [a for a in ASPECTS if a not in self.aspect_terms]
        if missing:
            raise ValueError(f"aspect_terms: give terms for every aspect; missing {missing}")
        unwritten = sorted(set(OFSTED_GRADES) - {g.grade for g in self.grades})
        if unwritten:
            raise ValueError(f"grades: give a phrase for every Ofsted grade; missing {unwritten}")
        return self

    def model_post_init(self, context: object) -> None:
        areas = "|".join(f"(?:{a.pattern.pattern})" for a in self.areas)
        grades = [g.phrase for g in self.grades] + [v.phrase for v in self.verdicts]
        alternatives = "|".join(f"(?:{phrase})" for phrase in grades)
        self._grade_line = _compile(_GRADE_LINE.format(areas=areas, grades=alternatives))
        self._grade_only = _compile(rf"^\W*(?:(?:{alternatives})\W*)+$")

    @property
    def grade_line(self) -> re.Pattern[str]:
        """A whole line that grades an evaluation area ("Leadership and management: Good")."""
        return self._grade_line

    @property
    def grade_only(self) -> re.Pattern[str]:
        """A line of grade names and nothing else: a key or a grade tile, not a judgement."""
        return self._grade_only

    def area_aspects(self, name: str) -> tuple[AspectId, ...] | None:
        """The aspects of the evaluation area `name` starts with, or None if it names none."""
        for area in self.areas:
            if area.pattern.match(name):
                return tuple(area.aspects)
        return None

    def area_named(self, cell: str) -> Area | None:
        """The evaluation area a table cell names, the whole cell ("Quality of education")."""
        name = " ".join(cell.split()).strip(" :.-\u2013\u2014")
        return next((a for a in self.areas if a.pattern.fullmatch(name)), None)

    def short_grade(self, cell: str) -> ShortGrade | None:
        """The grade a table cell writes short, the whole cell ("RI", "Grade 2", "Strong")."""
        text = " ".join(cell.split()).strip(" .")
        return next((g for g in self.short_grades if g.cell.fullmatch(text)), None)

    def grade_of(self, words: str) -> tuple[str, Level]:
        """The judgement name and level of a grade-table grade or verdict ("not met")."""
        for verdict in self.verdicts:
            name = verdict.name(words)
            if name is not None:
                return name, verdict.level
        grade = next(g for g in self.grades if g.cue.fullmatch(words))
        return grade.grade, grade.level


def load_lexicon(path: Path | None = None) -> Lexicon:
    """Load and validate a lexicon file (the shipped one by default)."""
    return load_data_file(
        path or LEXICON_FILE,
        Lexicon,
        error=LexiconError,
        what="the lexicon file",
        fix="its comments describe each table",
    )


@cache
def lexicon() -> Lexicon:
    """The shipped lexicon, loaded once per process."""
    return load_lexicon()
