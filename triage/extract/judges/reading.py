"""A deterministic reading of a passage, as an officer reads it: what it is about and how good.

A passage is split into sentences and clauses (triage.extract.judges.sentences). A clause is about
the aspects its words name (or, failing that, its heading's), and evidences a level through its
cues (triage.extract.judges.cues): the graded terms of both Ofsted frameworks, hedging and negation,
comparisons with national figures and evaluative words. Sentences that address the reader
(instructions), talk about events ("attendance at the summer fair was excellent") or prescribe
("leaders should ...") are not evidence. The words are the lexicon's data; this module only reads.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict

from triage.extract.judges.cues import Cue, find_cues
from triage.extract.judges.sentences import split_clauses, split_sentences
from triage.extract.lexicon import lexicon
from triage.vocabulary import AspectId, Flag, Level

GRADE_LINE_CONFIDENCE = 0.95
PAST_REPORT_DISCOUNT = 0.4  # findings of an earlier inspection describe the school as it was


class GradeLine(BaseModel):
    """An inspection grade read from a grade table or heading ("Leadership and management RI")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    area: str
    grade: str
    level: Level
    aspects: tuple[AspectId, ...]
    quote: str


class SentenceReading(BaseModel):
    """One sentence read for one aspect: the level it evidences and how sure the reading is."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: int
    end: int
    quote: str
    aspect: AspectId
    level: Level
    confidence: float
    graded: bool
    flags: tuple[str, ...] = ()


class PassageReading(BaseModel):
    """Everything read from one passage: sentence readings, grade-table lines and flags."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    readings: tuple[SentenceReading, ...]
    judgements: tuple[GradeLine, ...]
    flags: tuple[tuple[str, str], ...]  # (flag, quote)


@dataclass
class _Clause:
    text: str
    aspects: dict[AspectId, float] = field(default_factory=dict)
    cues: list[Cue] = field(default_factory=list)


def read_passage(text: str, *, section: str | None = None, kind: str = "other") -> PassageReading:
    """Every sentence of a passage read for aspect and level; instructions and events skipped."""
    severe = lexicon().patterns.severe_safeguarding
    readings: list[SentenceReading] = []
    judgements: list[GradeLine] = []
    flags: list[tuple[str, str]] = []
    for sentence in split_sentences(text, heading=section):
        quote = text[sentence.start : sentence.end]
        # Read with whitespace collapsed (justified PDF text has runs of spaces and line breaks
        # mid-phrase); quote the page as it is.
        plain = " ".join(quote.split())
        judgement = read_grade_line(quote)
        if judgement is not None:
            judgements.append(judgement)
        if not is_evidence(plain):
            continue
        flags.extend((flag, quote) for flag in read_flags(plain))
        for aspect, level, confidence, graded in read_sentence(
            plain, heading=sentence.heading, kind=kind
        ):
            sentence_flags: tuple[str, ...] = ()
            if aspect == "safeguarding" and level == 4 and severe.search(plain):
                sentence_flags = ("safeguarding_not_met",)
                flags.append(("safeguarding_not_met", quote))
            readings.append(
                SentenceReading(
                    start=sentence.start,
                    end=sentence.end,
                    quote=quote,
                    aspect=aspect,
                    level=level,  # type: ignore[arg-type]
                    confidence=round(confidence, 3),
                    graded=graded,
                    flags=sentence_flags,
                )
            )
    return PassageReading(
        readings=tuple(readings), judgements=tuple(judgements), flags=tuple(flags)
    )


def is_evidence(sentence: str) -> bool:
    """False for instructions to the reader, event chatter and prescriptions."""
    patterns = lexicon().patterns
    if patterns.instruction.search(sentence) or patterns.imperative_start.search(sentence):
        return False
    if patterns.events.search(sentence) or patterns.scale_description.search(sentence):
        return False
    if patterns.prescription.search(sentence) or patterns.action_item.search(sentence):
        return False
    return not sentence.rstrip().endswith("?")


def read_grade_line(line: str) -> GradeLine | None:
    """A grade-table line or graded heading ("Safeguarding Not met") as an inspection judgement."""
    lx = lexicon()
    match = lx.grade_line.match(" ".join(line.split()))
    if match is None:
        return None
    area = match.group("area").lower()
    name, level = lx.grade_of(match.group("grade").lower())
    return GradeLine(
        area=area,
        grade=name,
        level=level,
        aspects=lx.area_aspects(area) or (),
        quote=line.strip(),
    )


def read_flags(sentence: str) -> list[Flag]:
    """Statutory statuses the sentence asserts (a warning notice issued, special measures)."""
    lx = lexicon()
    found: list[Flag] = []
    for phrase in lx.flags:
        match = phrase.pattern.search(sentence)
        if match is None:
            continue
        before = sentence[max(0, match.start() - 80) : match.start()]
        if lx.patterns.flag_denied.search(before):
            continue
        found.append(phrase.flag)
    return found


def read_sentence(
    sentence: str, *, heading: str | None = None, kind: str = "other"
) -> list[tuple[AspectId, int, float, bool]]:
    """(aspect, level, confidence, graded) for each aspect the sentence evidences a level for."""
    lx = lexicon()
    if lx.grade_line.match(" ".join(sentence.split())) is not None:
        judgement = read_grade_line(sentence)
        if judgement is None or not judgement.aspects:
            return []
        return [(a, judgement.level, GRADE_LINE_CONFIDENCE, True) for a in judgement.aspects]
    for verdict in lx.safeguarding_verdicts:
        if verdict.pattern.search(sentence):
            return [("safeguarding", verdict.level, GRADE_LINE_CONFIDENCE, True)]
    per_aspect = _clause_readings(sentence, heading=heading, kind=kind)
    past = PAST_REPORT_DISCOUNT if lx.patterns.past_report.search(sentence) else 1.0
    results = []
    for aspect, readings in sorted(per_aspect.items()):
        level, confidence, graded = _combine(readings)
        results.append((aspect, level, confidence * past, graded))
    return results


def _clause_readings(
    sentence: str, *, heading: str | None, kind: str
) -> dict[AspectId, list[tuple[int, float, bool]]]:
    """Each clause's (level, confidence, graded), under the aspects the clause is about."""
    patterns = lexicon().patterns
    heading_aspects = _heading_aspects(heading)
    claim = kind != "sef" and bool(patterns.self_claim.search(sentence))
    hopeful = bool(patterns.aspiration.search(sentence))
    previous: dict[AspectId, float] = {}
    per_aspect: dict[AspectId, list[tuple[int, float, bool]]] = {}
    for part in split_clauses(sentence):
        clause = _Clause(part, _aspect_scores(part), find_cues(part))
        aspects = _main_aspects(clause.aspects) or previous or heading_aspects
        if claim:
            # Reported self-evaluation: the school's own grades are the claim, not the evidence.
            aspects = {"leadership": 1.0}
            clause.cues = [c for c in clause.cues if not c.term]
        if hopeful:
            clause.cues = [c for c in clause.cues if c.grade]
        previous = aspects or previous
        reading = _clause_level(clause)
        if reading is None:
            continue
        for aspect in aspects:
            per_aspect.setdefault(aspect, []).append(reading)
    return per_aspect


def _heading_aspects(heading: str | None) -> dict[AspectId, float]:
    if not heading:
        return {}
    last = heading.split(" > ")[-1]
    last = re.sub(r"^\W*\d+[.)]?\s*", "", last)
    aspects = lexicon().area_aspects(last)
    if aspects is not None:
        return dict.fromkeys(aspects, 1.0)
    return _main_aspects(_aspect_scores(last))


def _aspect_scores(text: str) -> dict[AspectId, float]:
    lx = lexicon()
    scores: dict[AspectId, float] = {}
    cleaned = lx.patterns.event_attendance.sub(" ", text)
    for aspect, terms in lx.aspect_terms.items():
        total = sum(term.weight for term in terms if term.pattern.search(cleaned))
        if total:
            scores[aspect] = total
    return scores


def _main_aspects(scores: dict[AspectId, float]) -> dict[AspectId, float]:
    strong = {a: s for a, s in scores.items() if s >= 1.0}
    if strong:
        top = max(strong.values())
        return {a: s for a, s in strong.items() if s >= top / 2}
    if scores:
        top = max(scores.values())
        return {a: s for a, s in scores.items() if s == top and s >= 0.6}
    return {}


def _clause_level(clause: _Clause) -> tuple[int, float, bool] | None:
    """(level, confidence, graded) from the clause's cues, or None when it judges nothing."""
    cues = clause.cues
    if not cues:
        return None
    grades = [c for c in cues if c.grade]
    if grades:
        return max(c.level for c in grades), 0.9, True
    if any(c.level == 4 and c.strength >= 1.5 for c in cues):
        return 4, 0.8, False
    total = sum(c.strength for c in cues)
    mean = sum(c.level * c.strength for c in cues) / total
    level = min(4, max(1, math.floor(mean + 0.5)))
    if level == 4 and not any(c.level == 4 for c in cues):
        level = 3
    confidence = min(0.8, 0.3 + 0.12 * total)
    return level, confidence, False


def _combine(readings: list[tuple[int, float, bool]]) -> tuple[int, float, bool]:
    """One level for an aspect across clauses: grades first, else the pessimistic mean."""
    grades = [r for r in readings if r[2]]
    if grades:
        return max(r[0] for r in grades), max(r[1] for r in grades), True
    if any(r[0] == 4 for r in readings):
        worst = [r for r in readings if r[0] == 4]
        return 4, max(r[1] for r in worst), False
    total = sum(r[1] for r in readings)
    mean = sum(r[0] * r[1] for r in readings) / total
    return min(4, math.floor(mean + 0.5)), max(r[1] for r in readings), False
