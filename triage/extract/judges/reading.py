"""A deterministic reading of a passage, as an officer reads it: what it is about and how good.

A passage is split into sentences (with their offsets, so every quote is verbatim), each sentence
into clauses at contrast words ("but", "however", "although"). A clause is about the aspects its
words name (or, failing that, its heading's), and evidences a level through the graded terms of
both Ofsted frameworks, hedging and negation, comparisons with national figures and evaluative
words. Sentences that address the reader (instructions), talk about events ("attendance at the
summer fair was excellent") or prescribe ("leaders should ...") are not evidence. The term
tables live in triage.extract.lexicon; this module only reads.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict

from triage.extract import lexicon as lx
from triage.vocabulary import AspectId, Level

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"\b(e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|No|St|vs|approx|cf)\.$", re.I)
_BULLET = re.compile(r"^\s*([-*\u2022]|\d{1,2}[.)]|[a-z][.)])\s+")
_CLAUSE = re.compile(
    r";|:\s|,\s*(?:but|however|although|though|while|whereas|yet)\b|\s(?:but|although|though|"
    r"whereas)\s|\bhowever,|,\s*and\s+(?=(?:the\s+)?[\w'-]+(?:\s[\w'-]+)?\s(?:is|are|was|were|"
    r"has|have|remains?)\b)",
    re.I,
)
_NEGATOR = re.compile(
    r"\b(not|never|no|nor|without|n't|fail(?:s|ed)? to|yet to|unable to|rarely|seldom)\b", re.I
)
_GRADE_CONTEXT = re.compile(
    r"\b(is|are|was|were|be|been|as|remains?|remained|judged|graded|rated|now|grade|"
    r"overall effectiveness)\s+(to be\s+)?(an?\s+)?$",
    re.I,
)
_SELF_CLAIM = re.compile(
    r"\b(self-?evaluation|sef|the school|leaders)\b[^.;]{0,40}\b(judges?|judged|grades?|graded|"
    r"rates?|rated|describes?|claims?|believes?|considers?|assesses)\b",
    re.I,
)
_PRESCRIPTION = re.compile(
    r"\b(should|must|need to|needs to)\s+(urgently\s+)?(ensure|make sure|improve|develop|set|"
    r"hold|check|continue|review|refine|fill|address|raise|strengthen|embed|consider|be|take|"
    r"complete|commission|agree|produce|analyse|tighten|establish|provide|train)\b",
    re.I,
)
_POSITIVE_MEASURE = re.compile(
    r"\b(attendance|attainment|outcomes?|results|progress|phonics|reading|writing|mathematics|"
    r"maths|achievement|reserves|surplus|scores?|standards|proportion|percentage)\b",
    re.I,
)
_SEVERE_SAFEGUARDING = re.compile(r"\bnot met\b|\bnot effective\b|\bineffective\b", re.I)


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
    model_config = ConfigDict(extra="forbid", frozen=True)

    readings: tuple[SentenceReading, ...]
    judgements: tuple[GradeLine, ...]
    flags: tuple[tuple[str, str], ...]  # (flag, quote)


@dataclass
class _Sentence:
    start: int
    end: int
    heading: str | None


@dataclass
class _Cue:
    start: int
    end: int
    level: int
    strength: float
    grade: bool = False
    term: bool = False  # a graded term of a framework, whether or not used as a grade here


@dataclass
class _Clause:
    text: str
    aspects: dict[AspectId, float] = field(default_factory=dict)
    cues: list[_Cue] = field(default_factory=list)


def read_passage(text: str, *, section: str | None = None, kind: str = "other") -> PassageReading:
    """Every sentence of a passage read for aspect and level; instructions and events skipped."""
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
            if aspect == "safeguarding" and level == 4 and _SEVERE_SAFEGUARDING.search(plain):
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


def split_sentences(text: str, *, heading: str | None = None) -> list[_Sentence]:
    """Sentences with offsets into `text`; short unpunctuated lines are headings of what follows."""
    sentences: list[_Sentence] = []
    paragraph: list[tuple[int, int]] = []
    offset = 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        start, end = offset, offset + len(line.rstrip())
        offset += len(line) + 1
        stripped = line.strip()
        if not stripped:
            sentences.extend(_paragraph_sentences(text, paragraph, heading))
            paragraph = []
            continue
        if _is_heading(stripped, paragraph, lines[index + 1 :]):
            sentences.extend(_paragraph_sentences(text, paragraph, heading))
            paragraph = []
            lead = len(line) - len(line.lstrip())
            sentences.append(_Sentence(start + lead, end, heading))
            heading = stripped.lstrip("#").strip()
            continue
        if _BULLET.match(line) and paragraph:
            sentences.extend(_paragraph_sentences(text, paragraph, heading))
            paragraph = []
        paragraph.append((start + len(line) - len(line.lstrip()), end))
    sentences.extend(_paragraph_sentences(text, paragraph, heading))
    return [s for s in sentences if s.end > s.start]


def _is_heading(line: str, paragraph: list[tuple[int, int]], rest: list[str]) -> bool:
    if line.startswith("#"):
        return True
    if len(line) > 70 or line[-1] in ".,;:!?)":
        return False
    if _BULLET.match(line) and not re.match(r"^\d{1,2}[.)]\s+[A-Z]", line):
        return False
    if lx.GRADE_LINE.match(line):
        return True
    if paragraph:
        return False
    following = next((r.strip() for r in rest if r.strip()), "")
    return not following or following[0].isupper() or following[0].isdigit()


def _paragraph_sentences(
    text: str, spans: list[tuple[int, int]], heading: str | None
) -> list[_Sentence]:
    if not spans:
        return []
    start, end = spans[0][0], spans[-1][1]
    sentences = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if _ABBREVIATION.search(text[cursor : match.start()]):
            continue
        sentences.append(_Sentence(cursor, match.start(), heading))
        cursor = match.end()
    sentences.append(_Sentence(cursor, end, heading))
    return [_trim(text, s) for s in sentences]


def _trim(text: str, sentence: _Sentence) -> _Sentence:
    start, end = sentence.start, sentence.end
    while start < end and text[start] in " \t-*\u2022":
        start += 1
    match = _BULLET.match(text[start:end])
    if match:
        start += match.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    return _Sentence(start, end, sentence.heading)


def is_evidence(sentence: str) -> bool:
    """False for instructions to the reader, event chatter and prescriptions."""
    if lx.INSTRUCTION.search(sentence) or lx.IMPERATIVE_START.search(sentence):
        return False
    if lx.EVENTS.search(sentence) or lx.SCALE_DESCRIPTION.search(sentence):
        return False
    if _PRESCRIPTION.search(sentence) or lx.ACTION_ITEM.search(sentence):
        return False
    return not sentence.rstrip().endswith("?")


def read_grade_line(line: str) -> GradeLine | None:
    """A grade-table line or graded heading ("Safeguarding Not met") as an inspection judgement."""
    match = lx.GRADE_LINE.match(" ".join(line.split()))
    if match is None:
        return None
    area, grade = match.group("area").lower(), match.group("grade").lower()
    aspects = next((a for rx, a in lx.AREA_ASPECTS if rx.match(area)), ())
    level = {"met": 2, "effective": 2, "not met": 4, "not effective": 4}.get(grade)
    name = grade.replace(" ", "_")
    if level is None:
        level = next(lvl for rx, _, lvl in lx.GRADES if rx.fullmatch(grade))
    elif level == 4:
        name = "inadequate"
    return GradeLine(
        area=area,
        grade=name,
        level=level,
        aspects=aspects,
        quote=line.strip(),  # type: ignore[arg-type]
    )


def read_flags(sentence: str) -> list[str]:
    """Statutory statuses the sentence asserts (a warning notice issued, special measures)."""
    found = []
    for pattern, flag in lx.FLAGS:
        match = pattern.search(sentence)
        if match is None:
            continue
        before = sentence[max(0, match.start() - 80) : match.start()]
        if lx.FLAG_DENIED.search(before):
            continue
        found.append(flag)
    return found


def read_sentence(
    sentence: str, *, heading: str | None = None, kind: str = "other"
) -> list[tuple[AspectId, int, float, bool]]:
    """(aspect, level, confidence, graded) for each aspect the sentence evidences a level for."""
    clauses = _clauses(sentence)
    heading_aspects = _heading_aspects(heading)
    line = lx.GRADE_LINE.match(" ".join(sentence.split()))
    if line is not None:
        judgement = read_grade_line(sentence)
        if judgement is None or not judgement.aspects:
            return []
        return [(a, judgement.level, 0.95, True) for a in judgement.aspects]
    for pattern, level in lx.SAFEGUARDING_VERDICTS:
        if pattern.search(sentence):
            return [("safeguarding", level, 0.95, True)]
    claim = kind != "sef" and bool(_SELF_CLAIM.search(sentence))
    hopeful = bool(lx.ASPIRATION.search(sentence))
    past = 0.4 if lx.PAST_REPORT.search(sentence) else 1.0
    previous: dict[AspectId, float] = {}
    per_aspect: dict[AspectId, list[tuple[int, float, bool]]] = {}
    for clause in clauses:
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
    results = []
    for aspect, readings in sorted(per_aspect.items()):
        level, confidence, graded = _combine(readings)
        results.append((aspect, level, confidence * past, graded))
    return results


def _heading_aspects(heading: str | None) -> dict[AspectId, float]:
    if not heading:
        return {}
    last = heading.split(" > ")[-1]
    last = re.sub(r"^\W*\d+[.)]?\s*", "", last)
    for pattern, aspects in lx.AREA_ASPECTS:
        if pattern.match(last):
            return dict.fromkeys(aspects, 1.0)
    return _main_aspects(_aspect_scores(last))


def _clauses(sentence: str) -> list[_Clause]:
    parts, cursor = [], 0
    for match in _CLAUSE.finditer(sentence):
        parts.append(sentence[cursor : match.start()])
        cursor = match.start()
    parts.append(sentence[cursor:])
    clauses = []
    for part in parts:
        if part.strip():
            clauses.append(_Clause(part, _aspect_scores(part), _cues(part)))
    return clauses


def _aspect_scores(text: str) -> dict[AspectId, float]:
    scores: dict[AspectId, float] = {}
    cleaned = lx.EVENT_ATTENDANCE.sub(" ", text)
    for aspect, terms in lx.ASPECT_TERMS.items():
        total = sum(weight for pattern, weight in terms if pattern.search(cleaned))
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


def _cues(text: str) -> list[_Cue]:
    """Every graded term, phrase and evaluative word in the clause, negation applied."""
    taken: list[tuple[int, int]] = []
    cues: list[_Cue] = []
    text = lx.NEUTRAL.sub(lambda m: " " * len(m.group()), text)  # offsets kept

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(cue: _Cue) -> None:
        taken.append((cue.start, cue.end))
        cues.append(cue)

    for pattern, level in lx.PHRASES:
        for m in pattern.finditer(text):
            if free(m.start(), m.end()):
                generic = level == 3 and re.fullmatch(r"[\w' ]+ not|\w+n't|cannot", m.group(), re.I)
                if not generic:
                    add(_Cue(m.start(), m.end(), level, 1.5))
    for pattern, name, level in lx.GRADES:
        for m in pattern.finditer(text):
            if free(m.start(), m.end()) and _is_grade_use(text, m, name):
                graded = name != "good" or bool(_GRADE_CONTEXT.search(text[: m.start()]))
                add(
                    _Cue(m.start(), m.end(), level, 3.0 if graded else 1.0, grade=graded, term=True)
                )
    for cue in _comparison_cues(text, free):
        add(cue)
    for pattern, level in lx.WORDS:
        for m in pattern.finditer(text):
            if free(m.start(), m.end()) and not _word_misuse(text, m):
                add(_Cue(m.start(), m.end(), level, 1.0))
    condition = lx.CONDITION.match(text)
    if condition:
        cues = [c for c in cues if c.start >= condition.end()]
        taken = [t for t in taken if t[0] >= condition.end()]
    _apply_negation(text, cues, taken)
    if lx.REASSURANCE.search(text):
        cues = [c if c.level < 3 else _Cue(c.start, c.end, 2, c.strength) for c in cues]
    return cues


def _is_grade_use(text: str, match: re.Match[str], name: str) -> bool:
    if name == "outstanding":
        window = text[max(0, match.start() - 20) : match.end() + 25]
        return not lx.OUTSTANDING_REMAINING.search(window)
    if name == "expected_standard":
        window = text[max(0, match.start() - 25) : match.end() + 5]
        return not lx.EXPECTED_STANDARD_DATA.search(window)
    if name == "exceptional":
        return not re.match(r"\s+circumstances", text[match.end() :], re.I)
    return True


def _word_misuse(text: str, match: re.Match[str]) -> bool:
    word = match.group().lower()
    after = text[match.end() : match.end() + 12].lower()
    before = text[max(0, match.start() - 12) : match.start()].lower()
    if word == "well" and (
        after.startswith(" as") or after.startswith("-") or "as " in before[-4:]
    ):
        return True
    if word.startswith("outstanding"):
        window = text[max(0, match.start() - 20) : match.end() + 25]
        return bool(lx.OUTSTANDING_REMAINING.search(window))
    if word.startswith("concern"):
        window = text[max(0, match.start() - 25) : match.end() + 40]
        return bool(lx.PROCEDURAL_CONCERN.search(window))
    return False


def _comparison_cues(text: str, free: Callable[[int, int], bool]) -> list[_Cue]:
    cues: list[_Cue] = []
    national = lx.NATIONAL.search(text) is not None
    for pattern, direction, better_level in lx.COMPARISONS:
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            if any(c.start <= m.start() < c.end for c in cues):
                continue
            if not national and direction != 0:
                continue
            sign = -1 if _inverse_measure(text, m.start()) else 1
            signed = direction * sign
            level = better_level if signed > 0 else 2 if signed == 0 else 3 if signed == -1 else 3
            strength = 2.0 if national else 1.0
            cues.append(_Cue(m.start(), m.end(), level, strength))
    for pattern, direction in lx.TRENDS:
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()) or any(c.start <= m.start() < c.end for c in cues):
                continue
            if not _measure_before(text, m.start()):
                continue
            signed = direction * (-1 if _inverse_measure(text, m.start()) else 1)
            cues.append(_Cue(m.start(), m.end(), 2 if signed > 0 else 3, 1.0))
    return cues


def _measure_before(text: str, position: int) -> bool:
    window = text[max(0, position - 80) : position + 40]
    return bool(lx.INVERSE_MEASURES.search(window) or _POSITIVE_MEASURE.search(window))


def _inverse_measure(text: str, position: int) -> bool:
    """Whether the measure nearest before `position` is one where more is worse."""
    before = text[:position]
    inverse = [m.end() for m in lx.INVERSE_MEASURES.finditer(before)]
    positive = [m.end() for m in _POSITIVE_MEASURE.finditer(before)]
    if not inverse and not positive:
        after = text[position : position + 60]
        return bool(lx.INVERSE_MEASURES.search(after)) and not _POSITIVE_MEASURE.search(after)
    return max(inverse, default=-1) > max(positive, default=-1)


def _apply_negation(text: str, cues: list[_Cue], taken: list[tuple[int, int]]) -> None:
    """A negator shortly before a cue turns it over; a negator with no cue is a mild concern."""
    used: set[int] = set()
    for negator in _NEGATOR.finditer(text):
        if any(s <= negator.start() < e for s, e in taken):
            continue
        target = next(
            (
                c
                for c in sorted(cues, key=lambda c: c.start)
                if c.start >= negator.end()
                and len(text[negator.end() : c.start].split()) <= 3
                and "," not in text[negator.end() : c.start]
            ),
            None,
        )
        if target is None:
            cues.append(_Cue(negator.start(), negator.end(), 3, 0.6))
            continue
        if id(target) in used or target.strength > 1.5 and target.level >= 3:
            continue
        used.add(id(target))
        target.level = 3 if target.level <= 2 else 2
        target.grade = False


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


def grade_indicator(
    indicator: str, value: float, *, national: float | None
) -> tuple[AspectId, int, float] | None:
    """(aspect, level, confidence) an indicator row evidences, or None when it cannot be read."""
    scale = lx.INDICATOR_SCALES.get(indicator)
    if scale is None:
        return None
    if national is None:
        if scale.absolute is None:
            return None
        worse = (value - scale.absolute) * scale.better < 0
        return scale.aspect, 3 if worse else 2, 0.6
    difference = (value - national) * scale.better
    unit = abs(national) if scale.relative else 1.0
    if difference >= scale.well * unit and scale.well > 0:
        return scale.aspect, 1, 0.8
    if difference >= -scale.in_line * unit:
        return scale.aspect, 2, 0.8
    return scale.aspect, 3, 0.8
