"""A passage split as an officer reads it: headings, sentences with their offsets, and clauses.

Offsets point into the passage text, so every quote taken from a sentence is verbatim. Short
unpunctuated lines (and grade-table lines) are headings of what follows; a sentence is split into
clauses at contrast words ("but", "however", "although"), each read on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from triage.extract.lexicon import lexicon

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"\b(e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|No|St|vs|approx|cf)\.$", re.I)
_BULLET = re.compile(r"^\s*([-*\u2022]|\d{1,2}[.)]|[a-z][.)])\s+")
_CELL_GAP = re.compile(r"\t|\s{3,}")  # between a PDF's or a DOCX's table cells
# Table cells apart by a tab or a run of spaces (a PDF's or a DOCX's table), or between pipes
# (a Markdown table: "| Achievement | Good | KS2 above national |").
TABLE_ROW = re.compile(r"\S(?:[ \t]{3,}|\t| +\| +)\S|^\s*\|.*\S.*\|\s*$")
# Contrasts and label colons ("Attendance: 93.1% (national 94.5%)" is one clause: a label and
# its figure).
_CLAUSE = re.compile(
    r";|:\s(?![-\u2212]?\d)|,\s*(?:but|however|although|though|while|whereas|yet)\b|,\s*(?=(?:which|who|whose|"
    r"where)\b)|\s(?:but|although|though|"
    r"whereas)\s|\bhowever,|,\s*and\s+(?=(?:the\s+)?[\w'-]+(?:\s[\w'-]+)?\s(?:is|are|was|were|"
    r"has|have|remains?)\b)",
    re.I,
)


@dataclass
class Sentence:
    """Where a sentence is in its passage, and the heading it sits under."""

    start: int
    end: int
    heading: str | None
    titles: bool = False  # a heading: it names what follows, and is no finding itself


def split_sentences(text: str, *, heading: str | None = None) -> list[Sentence]:
    """Sentences with offsets into `text`; short unpunctuated lines are headings of what follows."""
    sentences: list[Sentence] = []
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
        lead = len(line) - len(line.lstrip())
        if TABLE_ROW.search(stripped) or lexicon().grade_only.match(stripped):
            # A table row, or a grade on a line of its own: a line to itself. A graded row
            # ("Achievement      Strong standard") heads what follows; a lone grade does not.
            sentences.extend(_paragraph_sentences(text, paragraph, heading))
            paragraph = []
            sentences.append(Sentence(start + lead, end, heading))
            area = lexicon().grade_line.match(" ".join(stripped.split()))
            heading = area.group("area") if area is not None else heading
            continue
        if _is_heading(stripped, paragraph, lines[index + 1 :]):
            sentences.extend(_paragraph_sentences(text, paragraph, heading))
            paragraph = []
            sentences.append(Sentence(start + lead, end, heading, titles=True))
            heading = " ".join(stripped.lstrip("#").split())
            continue
        if _BULLET.match(line) and paragraph:
            sentences.extend(_paragraph_sentences(text, paragraph, heading))
            paragraph = []
        paragraph.append((start + len(line) - len(line.lstrip()), end))
    sentences.extend(_paragraph_sentences(text, paragraph, heading))
    return [s for s in sentences if s.end > s.start]


def table_cells(line: str) -> list[str]:
    """The cells of a table row, apart by a tab, a run of spaces or a pipe, as the page has them."""
    row = line.strip()
    if row.startswith("|") and row.endswith("|"):
        row = row[1:-1]
    elif _CELL_GAP.search(row) or " | " not in row:
        return [c for c in _CELL_GAP.split(row) if c.strip()]
    return [c.strip() for c in row.split("|") if c.strip()]


def split_clauses(sentence: str) -> list[str]:
    """The sentence cut before each contrast word; empty parts dropped."""
    parts, cursor = [], 0
    for match in _CLAUSE.finditer(sentence):
        parts.append(sentence[cursor : match.start()])
        cursor = match.start()
    parts.append(sentence[cursor:])
    return [part for part in parts if part.strip()]


def _is_heading(line: str, paragraph: list[tuple[int, int]], rest: list[str]) -> bool:
    line = " ".join(line.split())
    if line.startswith("#"):
        return True
    if len(line) > 70 or line[-1] in ".,;:!?)":
        return False
    if _BULLET.match(line) and not re.match(r"^\d{1,2}[.)]\s+[A-Z]", line):
        return False
    if lexicon().grade_line.match(line):
        return True
    if paragraph:
        return False
    following = next((r.strip() for r in rest if r.strip()), "")
    return not following or following[0].isupper() or following[0].isdigit()


def _paragraph_sentences(
    text: str, spans: list[tuple[int, int]], heading: str | None
) -> list[Sentence]:
    if not spans:
        return []
    start, end = spans[0][0], spans[-1][1]
    sentences = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if _ABBREVIATION.search(text[cursor : match.start()]):
            continue
        sentences.append(Sentence(cursor, match.start(), heading))
        cursor = match.end()
    sentences.append(Sentence(cursor, end, heading))
    return [_trim(text, s) for s in sentences]


def _trim(text: str, sentence: Sentence) -> Sentence:
    start, end = sentence.start, sentence.end
    while start < end and text[start] in " \t-*\u2022":
        start += 1
    match = _BULLET.match(text[start:end])
    if match:
        start += match.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, sentence.heading)
