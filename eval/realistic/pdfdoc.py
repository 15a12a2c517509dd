"""A small page writer over fpdf2 that leaves the artefacts real published PDFs leave in their text.

Lines are wrapped here (not by fpdf2) so that long words can be hyphenated at line ends; page
breaks fall wherever the text runs out of room, mid-paragraph, with the running head and footer
drawn between the two halves; a heading line can carry a grade at its right-hand end after a run
of spaces; two columns can be written side by side (extracted one after the other) or line by line
(extracted interleaved). Output bytes are stable: the creation date is fixed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fpdf import FPDF

BODY = 11.0
LINE = 5.7
PAGE_W = 210.0
MARGIN = 18.0
TEXT_W = PAGE_W - 2 * MARGIN
MIN_PREFIX = 4
MIN_SUFFIX = 3


@dataclass(frozen=True)
class Running:
    """What repeats on every page: a running head (may be empty) and a footer with a number."""

    head: str
    footer: str
    numbers: str = "plain"  # "plain": "3"; "of": "Page 3 of 9" is not known in advance, so "Page 3"
    first_head: bool = False


class _Pdf(FPDF):
    def __init__(self, running: Running) -> None:
        super().__init__(format="A4", unit="mm")
        self.running = running
        self.set_margins(MARGIN, 20, MARGIN)
        self.set_auto_page_break(auto=True, margin=22)

    def header(self) -> None:
        if self.running.head and (self.page_no() > 1 or self.running.first_head):
            self.set_font("Helvetica", "I", 8.5)
            self.set_xy(MARGIN, 9)
            self.cell(TEXT_W, 5, self.running.head)
            self.set_xy(MARGIN, 20)

    def footer(self) -> None:
        self.set_xy(MARGIN, -15)
        self.set_font("Helvetica", "", 8.5)
        number = str(self.page_no())
        if self.running.numbers == "of":
            number = f"Page {number}"
        self.cell(TEXT_W, 5, pad_between(self, self.running.footer, number, TEXT_W))


def pad_between(pdf: FPDF, left: str, right: str, width: float) -> str:
    """`left`, a run of spaces, `right`: the right text ends near the right edge."""
    gap = width - pdf.get_string_width(left) - pdf.get_string_width(right)
    spaces = max(2, int(gap / max(pdf.get_string_width(" "), 0.1)))
    return f"{left}{' ' * spaces}{right}"


def wrap(pdf: FPDF, text: str, width: float, *, hyphenate: bool) -> list[str]:
    """Greedy line breaking; a long word that does not fit may be split with a hyphen."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if pdf.get_string_width(trial) <= width:
            current = trial
            continue
        head, tail = _split_word(pdf, current, word, width) if hyphenate else ("", word)
        if head:
            lines.append(f"{current} {head}-".strip())
            current = tail
            continue
        if current:
            lines.append(current)
        current = word
    if current:
        lines.append(current)
    return lines


def _split_word(pdf: FPDF, current: str, word: str, width: float) -> tuple[str, str]:
    """The longest prefix of `word` that fits on the line with a hyphen, cut before a consonant
    followed by a vowel (safe-guarding, accommoda-tion), or ("", word)."""
    if len(word) < MIN_PREFIX + MIN_SUFFIX + 3 or not word.isalpha():
        return "", word
    for cut in range(len(word) - MIN_SUFFIX, MIN_PREFIX - 1, -1):
        if not _syllable_break(word, cut):
            continue
        if pdf.get_string_width(f"{current} {word[:cut]}-".strip()) <= width:
            return word[:cut], word[cut:]
    return "", word


def _syllable_break(word: str, cut: int) -> bool:
    vowels = "aeiouy"
    tail = word[cut:].lower()
    return tail[0] not in vowels and tail[1] in vowels


class PdfWriter:
    """Write headings, paragraphs, grade lines, boxes, tables and columns onto A4 pages."""

    def __init__(self, running: Running, *, title: str, hyphenate: bool = False) -> None:
        self.pdf = _Pdf(running)
        self.pdf.set_creation_date(dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
        self.pdf.set_title(title)
        self.pdf.set_author("")
        self.pdf.set_creator("")
        self.hyphenate = hyphenate
        self.pdf.add_page()

    def output(self) -> bytes:
        return bytes(self.pdf.output())

    def font(self, style: str = "", size: float = BODY) -> None:
        self.pdf.set_font("Helvetica", style, size)

    def line(self, text: str, *, style: str = "", size: float = BODY, height: float = LINE) -> None:
        self.font(style, size)
        self.pdf.cell(TEXT_W, height, text, new_x="LMARGIN", new_y="NEXT")

    def gap(self, height: float = 2.5) -> None:
        self.pdf.ln(height)

    def heading(self, text: str, size: float = 13.0) -> None:
        self.keep(LINE * 3)
        self.gap(2)
        for line in wrap(self.pdf, text, TEXT_W, hyphenate=False):
            self.line(line, style="B", size=size, height=size * 0.5)
        self.gap(1.5)

    def para(self, text: str, *, style: str = "", indent: float = 0.0, size: float = BODY) -> None:
        self.font(style, size)
        for line in wrap(self.pdf, text, TEXT_W - indent, hyphenate=self.hyphenate):
            self.pdf.set_x(MARGIN + indent)
            self.pdf.cell(TEXT_W - indent, LINE, line, new_x="LMARGIN", new_y="NEXT")
        self.gap(2.2)

    def bullets(self, items: tuple[str, ...] | list[str], *, marker: str = "-") -> None:
        for item in items:
            self.font()
            lines = wrap(self.pdf, item, TEXT_W - 6, hyphenate=self.hyphenate)
            for index, line in enumerate(lines):
                self.pdf.set_x(MARGIN)
                self.pdf.cell(6, LINE, marker if index == 0 else "")
                self.pdf.cell(TEXT_W - 6, LINE, line, new_x="LMARGIN", new_y="NEXT")
            self.gap(1.2)

    def graded_heading(self, area: str, grade: str) -> None:
        """The grade on a line of its own, then the area with the grade again at the right."""
        self.keep(LINE * 4)
        self.gap(3)
        self.line(grade, size=9)
        self.font("B", 12.5)
        self.line(pad_between(self.pdf, area, grade, TEXT_W), style="B", size=12.5, height=7)
        self.gap(1)

    def judgement_row(self, area: str, grade: str, *, style: str = "") -> None:
        self.font(style)
        self.line(pad_between(self.pdf, area, grade, TEXT_W * 0.85), style=style)

    def box(self, title: str, paras: tuple[str, ...]) -> None:
        """A bordered box; moved whole to the next page when it does not fit."""
        self.font()
        count = sum(len(wrap(self.pdf, p, TEXT_W - 8, hyphenate=False)) + 0.5 for p in paras)
        height = LINE * (count + 2) + 4
        self.keep(height)
        top = self.pdf.get_y()
        self.pdf.set_xy(MARGIN + 4, top + 3)
        self.font("B", 11)
        self.pdf.cell(TEXT_W - 8, LINE, title, new_x="LMARGIN", new_y="NEXT")
        self.gap(1.5)
        for para in paras:
            self.font()
            for line in wrap(self.pdf, para, TEXT_W - 8, hyphenate=False):
                self.pdf.set_x(MARGIN + 4)
                self.pdf.cell(TEXT_W - 8, LINE, line, new_x="LMARGIN", new_y="NEXT")
            self.gap(LINE / 2)
        self.pdf.rect(MARGIN, top, TEXT_W, self.pdf.get_y() - top + 1)
        self.gap(4)

    def table(self, rows: tuple[tuple[str, str], ...], *, left: float = 70.0) -> None:
        """Two columns per row: label and value, each wrapped in its own cell."""
        for label, value in rows:
            self.font("B", 9.5)
            label_lines = wrap(self.pdf, label, left - 4, hyphenate=False)
            self.font("", 9.5)
            value_lines = wrap(self.pdf, value, TEXT_W - left - 4, hyphenate=False)
            self.keep(LINE * max(len(label_lines), len(value_lines)))
            top = self.pdf.get_y()
            self.font("B", 9.5)
            self.pdf.multi_cell(left, LINE, "\n".join(label_lines), border="T")
            bottom = self.pdf.get_y()
            self.pdf.set_xy(MARGIN + left, top)
            self.font("", 9.5)
            self.pdf.multi_cell(TEXT_W - left, LINE, "\n".join(value_lines), border="T")
            self.pdf.set_y(max(bottom, self.pdf.get_y()))
        self.gap(3)

    def columns(self, left: list[str], right: list[str], *, interleave: bool) -> None:
        """Two columns of paragraphs. Side by side cells extract one column after the other;
        line by line they extract interleaved, as many producers' PDFs do."""
        half = (TEXT_W - 8) / 2
        self.font("", 9.5)
        lines_l = [ln for p in left for ln in [*wrap(self.pdf, p, half - 3, hyphenate=False), ""]]
        lines_r = [ln for p in right for ln in [*wrap(self.pdf, p, half - 3, hyphenate=False), ""]]
        rows = max(len(lines_l), len(lines_r))
        self.keep(rows * 4.6)
        top = self.pdf.get_y()
        if interleave:
            for index in range(rows):
                l_text = lines_l[index] if index < len(lines_l) else ""
                r_text = lines_r[index] if index < len(lines_r) else ""
                self.pdf.set_x(MARGIN)
                self.pdf.cell(half + 8, 4.6, l_text)
                self.pdf.cell(half, 4.6, r_text, new_x="LMARGIN", new_y="NEXT")
        else:
            self.pdf.multi_cell(half, 4.6, "\n".join(lines_l))
            bottom = self.pdf.get_y()
            self.pdf.set_xy(MARGIN + half + 8, top)
            self.pdf.multi_cell(half, 4.6, "\n".join(lines_r))
            self.pdf.set_y(max(bottom, self.pdf.get_y()))
        self.gap(2)

    def banner(self, height: float) -> None:
        """The logo band at the top of a first page: an image in the real thing, so no text."""
        top = self.pdf.get_y()
        self.pdf.set_fill_color(225, 225, 225)
        self.pdf.rect(MARGIN, top, 40, height, style="F")
        self.pdf.set_y(top + height + 3)

    def grid(self, tiles: list[tuple[str, str]]) -> None:
        """Tiles two to a row, name above grade: extracted row by row, so the two names come out
        on one line and the two grades on the next."""
        half = (TEXT_W - 8) / 2
        for index in range(0, len(tiles), 2):
            pair = tiles[index : index + 2]
            self.keep(13)
            for row, style in ((0, "B"), (1, "")):
                self.font(style, 10)
                for column, tile in enumerate(pair):
                    last = column == len(pair) - 1
                    self.pdf.cell(
                        half + 8 if not last else half,
                        5.5,
                        tile[row],
                        new_x="LMARGIN" if last else "RIGHT",
                        new_y="NEXT" if last else "TOP",
                    )
            self.gap(2)

    def keep(self, height: float) -> None:
        """Start a new page when less than `height` is left (headings, boxes, table rows)."""
        if self.pdf.get_y() + height > self.pdf.h - 22:
            self.pdf.add_page()

    def new_page(self) -> None:
        self.pdf.add_page()
