"""The layout of extracted PDF text: what each line of a page is, before it becomes a block.

pypdf gives a page's text as lines, and real published documents leave their layout in them:
running heads and footers (with page numbers) on every page, table rows whose cells are apart by a
run of spaces ("The quality of education      Good"), a graded heading whose grade sits on a line
of its own above it and again at the right-hand end of the heading line, legends and address
blocks as runs of short lines, and numbered headings ("Part 3. Welfare, health and safety of
pupils"). Reading them as an officer does keeps footers out of passages, a table in one passage
and a grade with its area.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

LineKind = Literal["text", "heading", "row", "running"]

_HEADING = re.compile(r"^[A-Z0-9][^.!?;:,]{1,70}[^.!;,:]$")
# "Part 3. Welfare, health and safety of pupils", "Section 2: Leadership", "Standard 4 - ..."
_NUMBERED = re.compile(
    r"^(Part|Section|Standard|Appendix|Annex)\s+\d{1,2}[.:)]?\s+[A-Z][^.!?;]{2,80}$"
)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}$")
_CELL_GAP = re.compile(r"\S(\s{3,}|\t)\S")
_PAGE_NUMBER = re.compile(
    r"^(page\s+)?\d{1,3}(\s+(of|/)\s+\d{1,3})?$|^[-\u2013]\s*\d{1,3}\s*[-\u2013]$", re.I
)
_TRAILING_NUMBER = re.compile(r"\s{3,}(page\s+)?\d{1,3}$", re.I)
EDGE_LINES = 2  # running heads and footers sit within this many lines of a page's top or bottom
MAX_HEADING_WORDS = 12
LIST_RUN = (
    3  # this many heading-like lines in a row are a list (a legend, an address), not headings
)


@dataclass(frozen=True)
class Line:
    """One non-blank line of a page: where it is, its text without outer spaces, what it is."""

    start: int
    end: int
    text: str
    kind: LineKind

    @property
    def cells(self) -> list[str]:
        """A table row's cells (the line itself when it is not a row)."""
        return [cell.strip() for cell in re.split(r"\s{3,}|\t", self.text) if cell.strip()]


def page_lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, stripped text) of every non-blank line of a page."""
    lines = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        start = offset + (len(raw) - len(raw.lstrip()))
        offset += len(raw)
        if stripped:
            lines.append((start, start + len(stripped), stripped))
    return lines


def running_keys(pages: list[str]) -> frozenset[str]:
    """Keys of the lines that repeat near the top or bottom of several pages of one document."""
    edges: Counter[str] = Counter()
    for text in pages:
        lines = page_lines(text)
        near = lines[:EDGE_LINES] + lines[-EDGE_LINES:] if len(lines) > EDGE_LINES else lines
        edges.update({line_key(t) for _, _, t in near})
    if len(pages) < 2:
        return frozenset()
    least = max(2, (len(pages) + 1) // 2)
    return frozenset(key for key, count in edges.items() if count >= least)


def line_key(text: str) -> str:
    """A line with its numbers and spacing blurred: page 2's footer has page 3's key."""
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def classify(text: str, running: frozenset[str]) -> list[Line]:
    """Every non-blank line of a page with its kind."""
    lines = page_lines(text)
    last = len(lines) - 1
    result: list[Line] = []
    before: Line | None = None  # the previous line that is not a running head or footer
    for index, (start, end, stripped) in enumerate(lines):
        edge = index < EDGE_LINES or index > last - EDGE_LINES
        line = Line(start, end, stripped, _kind(stripped, edge=edge, running=running))
        if line.kind == "running":
            result.append(line)
            continue
        if line.kind == "heading" and before is not None and _runs_on(before):
            # The wrapped end of a sentence ("... children in the" / "Nursery").
            result.append(Line(start, end, stripped, "text"))
        else:
            result.append(line)
        before = line
    return result


def _runs_on(line: Line) -> bool:
    """A line of running text that stops mid-sentence, so the next line goes on with it."""
    return line.kind == "text" and (line.text[-1].islower() or line.text[-1] == ",")


def _kind(line: str, *, edge: bool, running: frozenset[str]) -> LineKind:
    if _PAGE_NUMBER.match(line) or (edge and line_key(line) in running):
        return "running"
    if edge and _TRAILING_NUMBER.search(line) and _CELL_GAP.search(line):
        return "running"  # a one-page document's footer: text, a run of spaces, the page number
    if _CELL_GAP.search(line):
        return "row"
    return "heading" if is_heading(line) else "text"


def numbered_heading(line: str) -> bool:
    """A numbered Part/Section heading ("Part 3. Welfare, health and safety of pupils")."""
    return bool(_NUMBERED.match(" ".join(line.split())))


def is_heading(line: str) -> bool:
    """A short line without closing punctuation, or a numbered Part/Section heading."""
    plain = " ".join(line.split())
    if numbered_heading(plain):
        return True
    words = plain.split()
    most = MAX_HEADING_WORDS + 4 if plain.endswith("?") else MAX_HEADING_WORDS
    return (
        1 <= len(words) <= most
        and bool(_HEADING.match(plain))
        and not plain[-1].isdigit()
        and not _POSTCODE.search(plain)
    )


def graded_heading(lines: list[Line], index: int) -> bool:
    """Whether lines[index] is a grade on its own line just above a heading row that ends with it
    ("Strong standard" over "Achievement <spaces> Strong standard")."""
    if index + 1 >= len(lines) or lines[index].kind != "heading":
        return False
    following = lines[index + 1]
    cells = following.cells
    return following.kind == "row" and len(cells) == 2 and cells[1] == lines[index].text


def list_run(lines: list[Line], index: int) -> int:
    """How many heading-like lines run from lines[index] (a run of LIST_RUN or more is a list)."""
    count = 0
    while index + count < len(lines) and lines[index + count].kind == "heading":
        if graded_heading(lines, index + count):
            break
        count += 1
    return count
