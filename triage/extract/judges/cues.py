"""Cues in a clause: the graded terms, phrases, comparisons and evaluative words it uses.

Each cue carries the level it evidences and how strongly: a grade used as a grade outweighs a
hedged phrase, which outweighs a single evaluative word. Phrases are read before the words inside
them, a negator turns over the cue it governs, and reassurance ("no concerns") cancels a negative
reading. The tables are the lexicon's (triage/extract/lexicon.yaml); this module only reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from triage.extract.lexicon import lexicon

PHRASE_STRENGTH = 1.5
GRADE_STRENGTH = 3.0  # a grade used as a grade ("is good")
WORD_STRENGTH = 1.0


@dataclass
class Cue:
    """A term in a clause, the level it evidences and how strongly."""

    start: int
    end: int
    level: int
    strength: float
    grade: bool = False
    term: bool = False  # a graded term of a framework, whether or not used as a grade here


class _Found:
    """Cues found so far, and the spans they take: a later table cannot reuse those words."""

    def __init__(self) -> None:
        self.cues: list[Cue] = []
        self.taken: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.taken)

    def add(self, cue: Cue) -> None:
        self.taken.append((cue.start, cue.end))
        self.cues.append(cue)


def find_cues(text: str) -> list[Cue]:
    """Every graded term, phrase and evaluative word in the clause, negation applied."""
    lx = lexicon()
    text = lx.patterns.neutral.sub(lambda m: " " * len(m.group()), text)  # offsets kept
    found = _Found()
    for phrase in lx.phrases:
        for m in phrase.pattern.finditer(text):
            if found.free(m.start(), m.end()):
                found.add(Cue(m.start(), m.end(), phrase.level, PHRASE_STRENGTH))
    _add_grades(text, found)
    for cue in _comparison_cues(text, found.free):
        found.add(cue)
    for word in lx.words:
        for m in word.pattern.finditer(text):
            if found.free(m.start(), m.end()) and not _misused(text, m):
                found.add(Cue(m.start(), m.end(), word.level, WORD_STRENGTH))
    cues, taken = found.cues, found.taken
    condition = lx.patterns.condition.match(text)
    if condition:
        cues = [c for c in cues if c.start >= condition.end()]
        taken = [t for t in taken if t[0] >= condition.end()]
    _apply_negation(text, cues, taken)
    unensured = lx.patterns.not_ensured.search(text)
    if unensured:
        for cue in cues:
            if cue.start >= unensured.end() and cue.level < 3 and not cue.grade:
                cue.level = 3
    if lx.patterns.reassurance.search(text):
        cues = [c if c.level < 3 else Cue(c.start, c.end, 2, c.strength) for c in cues]
    return cues


def _add_grades(text: str, found: _Found) -> None:
    """Grade words, each a grade where the lexicon does not rule the use out."""
    lx = lexicon()
    for grade in lx.grades:
        for m in grade.cue.finditer(text):
            if not found.free(m.start(), m.end()):
                continue
            if grade.not_when is not None and grade.not_when.rules_out(text, m):
                continue
            graded = not grade.needs_context or bool(
                lx.patterns.grade_context.search(text[: m.start()])
            )
            strength = GRADE_STRENGTH if graded else WORD_STRENGTH
            found.add(Cue(m.start(), m.end(), grade.level, strength, grade=graded, term=True))


def _misused(text: str, match: re.Match[str]) -> bool:
    """Whether an evaluative word is used in another sense ("as well as", "outstanding fees")."""
    for misuse in lexicon().word_misuse:
        if misuse.word.fullmatch(match.group()):
            return misuse.not_when.rules_out(text, match)
    return False


def _comparison_cues(text: str, free: Callable[[int, int], bool]) -> list[Cue]:
    """Comparisons with national figures and trends, read from the measure's side."""
    lx = lexicon()
    cues: list[Cue] = []
    national = lx.patterns.national.search(text) is not None

    def taken(m: re.Match[str]) -> bool:
        """Words an earlier table or comparison has read already."""
        return not free(m.start(), m.end()) or any(c.start <= m.start() < c.end for c in cues)

    for comparison in lx.comparisons:
        for m in comparison.pattern.finditer(text):
            if taken(m):
                continue
            if not national and comparison.direction != 0:
                continue
            signed = comparison.direction * (-1 if _inverse_measure(text, m.start()) else 1)
            level: int = comparison.better_level if signed > 0 else 2 if signed == 0 else 3
            level = _rate_at_best_secure(level, text, m.start())
            cues.append(Cue(m.start(), m.end(), level, 2.0 if national else 1.0))
    for m in lx.patterns.numeric_national.finditer(text):
        if taken(m):
            continue
        value = _number(m.group("value") or m.group("value2"))
        figure = _number(m.group("national") or m.group("national2"))
        difference = (value - figure) * (-1 if _inverse_measure(text, m.start()) else 1)
        # Percentages in line within half a point, well above from ten (the frameworks' margin
        # for KS2 outcomes); scores such as progress 8 in line within a tenth.
        margin, well = (0.5, 10.0) if abs(figure) >= 5 else (0.1, 0.5)
        level = 3 if difference < -margin else 1 if difference >= well else 2
        level = _rate_at_best_secure(level, text, m.start())
        cues.append(Cue(m.start(), m.end(), level, 2.0))
    for trend in lx.trends:
        for m in trend.pattern.finditer(text):
            if taken(m):
                continue
            if not _measure_before(text, m.start()):
                continue
            signed = trend.direction * (-1 if _inverse_measure(text, m.start()) else 1)
            level = 1 if signed > 1 else 2 if signed > 0 else 3
            level = _rate_at_best_secure(level, text, m.start())
            cues.append(Cue(m.start(), m.end(), level, 1.0))
    return cues


def _number(figure: str) -> float:
    return float(figure.replace("\u2212", "-"))


def _measure_before(text: str, position: int) -> bool:
    patterns = lexicon().patterns
    window = text[max(0, position - 80) : position + 40]
    return bool(
        patterns.inverse_measures.search(window) or patterns.positive_measure.search(window)
    )


def _rate_at_best_secure(level: int, text: str, position: int) -> int:
    """A rate of attendance, absence or exclusion better than national reads at best secure,
    as its data row does: the level, or secure where it was exceptional and the measure nearest
    before `position` (or, failing one, after it in its clause) is such a rate."""
    if level != 1:
        return level
    patterns = lexicon().patterns
    inverse, positive = _measures_before(text, position)
    measures = [*inverse, *positive]
    if not measures:
        after = _clause_after(text, position)
        found = patterns.inverse_measures.search(after) or patterns.positive_measure.search(after)
        measures = [found] if found else []
    nearest = max(measures, key=lambda m: m.end(), default=None)
    return 2 if nearest is not None and patterns.rates.fullmatch(nearest.group()) else level


def _inverse_measure(text: str, position: int) -> bool:
    """Whether the measure nearest before `position` is one where more is worse."""
    patterns = lexicon().patterns
    inverse, positive = _measures_before(text, position)
    if not inverse and not positive:
        # Only a measure in the same clause: in "below national, with a widening gap" the gap
        # is another measure, not the one below national.
        after = _clause_after(text, position)
        inverse_after = patterns.inverse_measures.search(after)
        return bool(inverse_after) and not patterns.positive_measure.search(after)
    return max((m.end() for m in inverse), default=-1) > max(
        (m.end() for m in positive), default=-1
    )


def _measures_before(text: str, position: int) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    """The measures named before `position`: those where more is worse, and the others."""
    patterns = lexicon().patterns
    before = text[:position]
    return (
        list(patterns.inverse_measures.finditer(before)),
        list(patterns.positive_measure.finditer(before)),
    )


def _clause_after(text: str, position: int) -> str:
    return re.split(r"[,;:]", text[position : position + 60], maxsplit=1)[0]


def _apply_negation(text: str, cues: list[Cue], taken: list[tuple[int, int]]) -> None:
    """A negator shortly before a cue turns it over; a negator with no cue is a mild concern."""
    used: set[int] = set()
    for negator in lexicon().patterns.negator.finditer(text):
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
            cues.append(Cue(negator.start(), negator.end(), 3, 0.6))
            continue
        if id(target) in used or target.strength > PHRASE_STRENGTH and target.level >= 3:
            continue
        used.add(id(target))
        # Not exceptional is secure, not secure is a concern, and not a concern is secure.
        target.level = {1: 2, 2: 3}.get(target.level, 2)
        target.grade = False
