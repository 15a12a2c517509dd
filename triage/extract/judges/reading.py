"""A deterministic reading of a passage, as an officer reads it: what it is about and how good.

A passage is split into sentences and clauses (triage.extract.judges.sentences). A clause is about
the aspects its words name (or, failing that, its heading's), and evidences a level through its
cues (triage.extract.judges.cues): the graded terms of both Ofsted frameworks, hedging and negation,
comparisons with national figures and evaluative words. Sentences that address the reader
(instructions), talk about events ("attendance at the summer fair was excellent") or prescribe
("leaders should ...") are not evidence; nor is template text (triage.extract.judges.template), nor
a clause about another school (triage.extract.judges.subject), and a passage that addresses
the system is not read at all (triage.extract.untrusted). A judgement written where its form
puts it (a grade-table line, "safeguarding standards met", "the standards in this part are not
met") is read as the judgement it is. The words are the lexicon's data; this module only reads.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict

from triage.extract.judges.cues import Cue, find_cues
from triage.extract.judges.sentences import (
    TABLE_ROW,
    split_clauses,
    split_sentences,
    table_cells,
)
from triage.extract.judges.subject import (
    Names,
    Subject,
    clause_subject,
    last_mention,
    said_of_other,
)
from triage.extract.judges.template import (
    REPEATED,
    SCHEDULE,
    readable,
    sentence_key,
    structural_reason,
)
from triage.extract.lexicon import lexicon
from triage.extract.untrusted import addresses_system, plain_letters
from triage.vocabulary import AspectId, Flag, Level

GRADE_LINE_CONFIDENCE = 0.95
# Narrative that judges nothing in its own words, read at the grade it sits under (a graded
# area's heading, a grade-table row): below any cued reading, cited for the grade, never leading.
AT_GRADE_CONFIDENCE = 0.45
PAST_REPORT_DISCOUNT = 0.4  # findings of an earlier inspection describe the school as it was


class GradeLine(BaseModel):
    """An inspection grade read from a grade table or heading ("Leadership and management RI")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    area: str
    grade: str
    level: Level
    aspects: tuple[AspectId, ...]
    quote: str
    flags: tuple[Flag, ...] = ()


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
    structural: bool = False  # read from a judgement where its form puts it, not from narrative


class PassageReading(BaseModel):
    """Everything read from one passage: sentence readings, grade-table lines and flags."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    readings: tuple[SentenceReading, ...]
    judgements: tuple[GradeLine, ...]
    flags: tuple[tuple[str, str], ...]  # (flag, quote)
    set_aside: tuple[tuple[str, str], ...] = ()  # (why, quote): template text, never evidence


@dataclass(frozen=True)
class ReadingContext:
    """What reading a passage needs beyond its text: the document's form, whether it is a list
    of requirements, the school's names and the keys of sentences that are template because
    they are in several schools' documents."""

    form: str = "other"
    schedule: bool = False
    names: Names = field(default_factory=Names)
    shared: frozenset[str] = frozenset()

    def set_aside(self, plain: str, heading: str | None) -> str | None:
        """Why a sentence is template by its place or its words (never evidence), or None."""
        if self.schedule:
            return SCHEDULE
        return structural_reason(plain, heading)

    def repeated(self, plain: str) -> bool:
        """Whether the sentence stands in several other schools' documents. A judgement written
        where its form puts it is worded alike in every school's report ("the school's
        arrangements for safeguarding are effective"), so the caller asks this only of a sentence
        that is not one."""
        key = sentence_key(plain) if self.shared else None
        return key is not None and key in self.shared


@dataclass
class _Clause:
    text: str
    aspects: dict[AspectId, float] = field(default_factory=dict)
    cues: list[Cue] = field(default_factory=list)


def read_passage(
    text: str,
    *,
    section: str | None = None,
    kind: str = "other",
    context: ReadingContext | None = None,
) -> PassageReading:
    """Every sentence of a passage read for aspect and level; template set aside, judgements
    read where the document's form puts them, instructions, events and other schools skipped."""
    context = context or ReadingContext()
    if addresses_system(text) or (section is not None and addresses_system(section)):
        return PassageReading(readings=(), judgements=(), flags=())
    readings: list[SentenceReading] = []
    judgements: list[GradeLine] = []
    flags: list[tuple[str, str]] = []
    set_aside: list[tuple[str, str]] = []
    for sentence in split_sentences(text, heading=section):
        quote = text[sentence.start : sentence.end]
        # Read with whitespace collapsed and words broken at line ends joined (PDF text has runs
        # of spaces, line breaks and hyphens mid-phrase); quote the page as it is.
        plain = readable(quote)
        reason = context.set_aside(plain, sentence.heading)
        if reason is not None:
            set_aside.append((reason, quote))
            continue
        if lexicon().grade_only.match(plain):
            continue  # a key or a grade tile: the graded line beside it is the judgement
        about = clauses_with_subjects(plain, context.names)
        if all(subject == "other" for _, subject in about):
            continue  # about another school, a partner or schools in general
        judgement = None
        if about[0][1] == "own" and not _prescribed_or_reported(plain):
            judgement = read_judgement(
                plain, heading=sentence.heading, form=context.form, row=quote
            )
        if judgement is not None:
            judgements.append(judgement.model_copy(update={"quote": quote.strip()}))
            flags.extend((flag, quote) for flag in judgement.flags)
            readings.extend(_judgement_readings(judgement, sentence.start, sentence.end, quote))
            readings.extend(_row_comment_readings(judgement, quote, sentence, kind, context))
            continue
        if context.repeated(plain):
            set_aside.append((REPEATED, quote))
            continue
        if not is_evidence(plain):
            continue
        flags.extend((flag, quote) for flag in read_flags(plain, names=context.names))
        if sentence.titles:
            continue  # a heading names a topic ("Attendance and reduced timetables"), no finding
        narrative = _narrative(plain, quote, sentence, kind=kind, names=context.names)
        flags.extend((flag, quote) for r in narrative for flag in r.flags)
        readings.extend(narrative)
    return PassageReading(
        readings=tuple(readings),
        judgements=tuple(judgements),
        flags=tuple(_unique(flags)),
        set_aside=tuple(set_aside),
    )


def _row_comment_readings(
    judgement: GradeLine, row: str, sentence: object, kind: str, context: ReadingContext
) -> list[SentenceReading]:
    """A self-evaluation's row: area, grade, then what the school says of it ("Leadership and
    management | Outstanding | Stronger Practice Hub lead"). The grade is the area's; the comment
    is read for what else it is about, at its own words' level, or at the row's grade where its
    words judge nothing (as narrative under a graded heading is), with a low confidence."""
    cells = table_cells(row)
    comment = readable(" ".join(cells[2:])) if len(cells) > 2 else ""
    if not comment or not is_evidence(comment):
        return []
    own = [
        r
        for r in _narrative(comment, row, sentence, kind=kind, names=context.names)
        if r.aspect not in judgement.aspects
    ]
    read = {r.aspect for r in own}
    start, end = sentence.start, sentence.end  # type: ignore[attr-defined]
    named = [a for a in sentence_aspects(comment) if a not in judgement.aspects and a not in read]
    return own + [at_grade(aspect, judgement.level, start, end, row) for aspect in named]


def at_grade(aspect: AspectId, level: int, start: int, end: int, quote: str) -> SentenceReading:
    """A sentence that judges nothing in its own words, read at the grade it sits under."""
    return SentenceReading(
        start=start,
        end=end,
        quote=quote,
        aspect=aspect,
        level=level,  # type: ignore[arg-type]
        confidence=AT_GRADE_CONFIDENCE,
        graded=False,
    )


def _prescribed_or_reported(plain: str) -> bool:
    """A verdict's words inside a prescription ("governors must check that safeguarding
    arrangements are effective") or someone's account ("the headteacher reported that ...") are
    no judgement."""
    patterns = lexicon().patterns
    return bool(patterns.prescription.search(plain) or patterns.reported_claim.search(plain))


def _unique(flags: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return list(dict.fromkeys(flags))


def _judgement_readings(
    judgement: GradeLine, start: int, end: int, quote: str
) -> list[SentenceReading]:
    return [
        SentenceReading(
            start=start,
            end=end,
            quote=quote,
            aspect=aspect,
            level=judgement.level,
            confidence=GRADE_LINE_CONFIDENCE,
            graded=True,
            flags=tuple(judgement.flags) if aspect == "safeguarding" else (),
            structural=True,
        )
        for aspect in judgement.aspects
    ]


def _narrative(
    plain: str, quote: str, sentence: object, *, kind: str, names: Names
) -> list[SentenceReading]:
    """A narrative sentence's readings, with the safeguarding flag a grave one raises."""
    severe = lexicon().patterns.severe_safeguarding
    start, end, heading = sentence.start, sentence.end, sentence.heading  # type: ignore[attr-defined]
    readings = []
    for aspect, level, confidence, graded in read_sentence(
        plain, heading=heading, kind=kind, names=names
    ):
        flags: tuple[str, ...] = ()
        if aspect == "safeguarding" and level == 4 and severe.search(plain):
            flags = ("safeguarding_not_met",)
        readings.append(
            SentenceReading(
                start=start,
                end=end,
                quote=quote,
                aspect=aspect,
                level=level,  # type: ignore[arg-type]
                confidence=round(confidence, 3),
                graded=graded,
                flags=flags,
            )
        )
    return readings


def is_evidence(sentence: str) -> bool:
    """False for instructions to the reader, event chatter, prescriptions, what an inspection
    did not look at and a sentence a page break cut off."""
    patterns = lexicon().patterns
    sentence = plain_letters(sentence)
    if lexicon().independent.unread.search(sentence):
        return False
    if patterns.instruction.search(sentence) or patterns.imperative_start.search(sentence):
        return False
    if patterns.events.search(sentence) or patterns.scale_description.search(sentence):
        return False
    if patterns.prescription.search(sentence) or patterns.action_item.search(sentence):
        return False
    if patterns.hypothetical.search(sentence) or patterns.fragment.search(sentence):
        return False
    return not sentence.rstrip().endswith("?")


def read_grade_line(line: str) -> GradeLine | None:
    """A grade-table line or graded heading ("Safeguarding Not met") as an inspection judgement;
    a table row whose first cells are an area and its grade is one too, whatever follows."""
    lx = lexicon()
    cells = table_cells(line)
    candidates = [" ".join(line.split())]
    if len(cells) > 2:
        candidates.append(" ".join(" ".join(cells[:2]).split()))
    for candidate in candidates:
        match = lx.grade_line.match(candidate)
        if match is not None:
            area = match.group("area").lower()
            name, level = lx.grade_of(match.group("grade").lower())
            return _area_grade(area, name, level, lx.area_aspects(area) or (), line)
    return _short_grade_line(line, cells)


def _area_grade(
    area: str, grade: str, level: Level, aspects: tuple[AspectId, ...], line: str
) -> GradeLine:
    """An area's grade read from a table line; safeguarding not met raises its flag."""
    return GradeLine(
        area=area,
        grade=grade,
        level=level,
        aspects=aspects,
        quote=line.strip(),
        flags=("safeguarding_not_met",) if area == "safeguarding" and level == 4 else (),
    )


def _short_grade_line(line: str, cells: list[str]) -> GradeLine | None:
    """A row whose first cells are an area and a grade written short ("Quality of education |
    RI"), or "Achievement: Strong"."""
    lx = lexicon()
    if len(cells) < 2:
        colon = re.match(r"^(?P<area>[^:]{3,60}):\s*(?P<grade>[\w. ]{1,12})$", line.strip())
        cells = [colon.group("area"), colon.group("grade")] if colon else []
    if len(cells) < 2:
        return None
    area, short = lx.area_named(cells[0]), lx.short_grade(cells[1])
    if area is None or short is None:
        return None
    return _area_grade(area.name, short.grade, short.level, tuple(area.aspects), line)


def read_judgement(
    plain: str, *, heading: str | None = None, form: str = "other", row: str | None = None
) -> GradeLine | None:
    """A judgement written where its form puts it: a grade-table line, a safeguarding outcome,
    a verdict sentence of a letter or report, a Part of the independent school standards.
    `row` is the line as the page has it, its table cells still apart."""
    judgement = read_grade_line(row if row is not None and TABLE_ROW.search(row) else plain)
    if judgement is not None:
        return judgement
    lx = lexicon()
    for verdict in lx.safeguarding_verdicts:
        if verdict.pattern.search(plain):
            grade = "not met" if verdict.level == 4 else "met"
            severe = verdict.level == 4
            return GradeLine(
                area="safeguarding",
                grade=grade,
                level=verdict.level,
                aspects=("safeguarding",),
                quote=plain,
                flags=("safeguarding_not_met",) if severe else (),
            )
    for phrase in lx.verdict_phrases:
        if form in phrase.forms and phrase.pattern.search(plain):
            return GradeLine(
                area=phrase.area,
                grade=phrase.grade,
                level=phrase.level,
                aspects=tuple(phrase.aspects),
                quote=plain,
            )
    return _part_status(plain, heading, form)


def _part_status(plain: str, heading: str | None, form: str) -> GradeLine | None:
    """ "The standards in this part are (not) met", under a Part's heading."""
    independent = lexicon().independent
    if form not in independent.forms or not heading:
        return None
    number = independent.heading.match(heading.split(" > ")[-1])
    part = independent.part(int(number.group("part"))) if number else None
    if part is None:
        return None
    if independent.not_met.search(plain):
        met, level = False, part.unmet_level
    elif independent.met.search(plain):
        met, level = True, part.met_level
    else:
        return None
    return GradeLine(
        area=f"part {part.part}",
        grade="met" if met else "not met",
        level=level,
        aspects=tuple(part.aspects),
        quote=plain,
        flags=("safeguarding_not_met",) if part.safeguarding and not met else (),
    )


def read_flags(sentence: str, *, names: Names | None = None) -> list[Flag]:
    """Statutory statuses the sentence asserts of this school (a warning notice issued, special
    measures); a status another school is in ("a partner school in special measures") is not."""
    lx = lexicon()
    found: list[Flag] = []
    for clause, subject in clauses_with_subjects(sentence, names or Names()):
        if subject == "other":
            continue
        for phrase in lx.flags:
            match = phrase.pattern.search(clause)
            if match is None or phrase.flag in found:
                continue
            before = clause[max(0, match.start() - 80) : match.start()]
            if lx.patterns.flag_denied.search(before):
                continue
            if said_of_other(clause, match.start(), match.end(), names or Names()):
                continue  # "a partner school in special measures"
            found.append(phrase.flag)
    return found


def clauses_with_subjects(sentence: str, names: Names) -> list[tuple[str, Subject]]:
    """The sentence's clauses, each with who it is about."""
    result: list[tuple[str, Subject]] = []
    previous: Subject | None = None
    for clause in split_clauses(sentence):
        subject = clause_subject(clause, names, previous)
        result.append((clause, subject))
        previous = last_mention(clause, names) or subject
    return result


def read_sentence(
    sentence: str,
    *,
    heading: str | None = None,
    kind: str = "other",
    names: Names | None = None,
) -> list[tuple[AspectId, int, float, bool]]:
    """(aspect, level, confidence, graded) for each aspect the sentence evidences a level for."""
    lx = lexicon()
    about = clauses_with_subjects(sentence, names or Names())
    own = bool(about) and about[0][1] == "own"
    plain = " ".join(sentence.split())
    judged = own and not _prescribed_or_reported(plain)
    judgement = read_judgement(plain, heading=heading) if judged else None
    if judgement is not None:
        return [(a, judgement.level, GRADE_LINE_CONFIDENCE, True) for a in judgement.aspects]
    per_aspect = _clause_readings(sentence, heading=heading, kind=kind, names=names or Names())
    past = PAST_REPORT_DISCOUNT if lx.patterns.past_report.search(sentence) else 1.0
    results = []
    for aspect, readings in sorted(per_aspect.items()):
        level, confidence, graded = _combine(readings)
        results.append((aspect, level, confidence * past, graded))
    return results


def _clause_readings(
    sentence: str, *, heading: str | None, kind: str, names: Names
) -> dict[AspectId, list[tuple[int, float, bool]]]:
    """Each clause's (level, confidence, graded), under the aspects the clause is about; a
    clause about another school, a partner or schools in general is not read."""
    patterns = lexicon().patterns
    heading_aspects = _heading_aspects(heading)
    claim = kind != "sef" and bool(patterns.self_claim.search(sentence))
    hopeful = bool(patterns.aspiration.search(sentence))
    previous: dict[AspectId, float] = {}
    per_aspect: dict[AspectId, list[tuple[int, float, bool]]] = {}
    for part, subject in clauses_with_subjects(sentence, names):
        if subject == "other":
            continue
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


def sentence_aspects(sentence: str) -> list[AspectId]:
    """The aspects a sentence's own words are about."""
    return sorted(_main_aspects(_aspect_scores(sentence)))


def heading_aspects(heading: str | None) -> list[AspectId]:
    """The aspects a section heading names ("Leadership and governance", "Part 3. Welfare")."""
    return sorted(_heading_aspects(heading))


def _heading_aspects(heading: str | None) -> dict[AspectId, float]:
    if not heading:
        return {}
    last = heading.split(" > ")[-1]
    independent = lexicon().independent
    number = independent.heading.match(last)
    part = independent.part(int(number.group("part"))) if number else None
    if part is not None:
        return dict.fromkeys(part.aspects, 1.0)
    last = re.sub(r"^\W*\d+[.)]?\s*", "", last)
    aspects = lexicon().area_aspects(last)
    if aspects is not None:
        return dict.fromkeys(aspects, 1.0)
    return _main_aspects(_aspect_scores(last))


def _aspect_scores(text: str) -> dict[AspectId, float]:
    lx = lexicon()
    scores: dict[AspectId, float] = {}
    cleaned = lx.patterns.event_attendance.sub(" ", text)
    cleaned = lx.patterns.policy_business.sub(" ", cleaned)
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
