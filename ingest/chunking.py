"""Section-aware chunking: passages never cross a page or a section, and keep exact offsets."""

from __future__ import annotations

import re

from ingest.blocks import RawPage
from ingest.models import ParsedPassage

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
_SPACES = re.compile(r"\s+")
Span = tuple[int, int, str | None]


def chunk_pages(
    pages: list[RawPage], *, max_chars: int, min_chars: int, one_per_block: bool = False
) -> list[ParsedPassage]:
    """Merge short blocks of one section up to min_chars; split long ones at sentence ends."""
    passages: list[ParsedPassage] = []
    for page in pages:
        for start, end, section in _page_spans(page, max_chars, min_chars, one_per_block):
            passages.append(
                ParsedPassage(
                    ordinal=len(passages),
                    page=page.number,
                    section=section,
                    start=start,
                    end=end,
                    text=page.text[start:end],
                )
            )
    return passages


def _page_spans(page: RawPage, max_chars: int, min_chars: int, one_per_block: bool) -> list[Span]:
    spans: list[Span] = []
    for block in page.blocks:
        piece_text = page.text[block.start : block.end]
        for s, e in split_text(piece_text, max_chars):
            start, end = block.start + s, block.start + e
            last = spans[-1] if spans else None
            if (
                not one_per_block
                and last is not None
                and last[2] == block.section
                and visible_length(page.text[last[0] : last[1]]) < min_chars
                and visible_length(page.text[last[0] : end]) <= max_chars
            ):
                spans[-1] = (last[0], end, block.section)
            else:
                spans.append((start, end, block.section))
    return spans


def visible_length(text: str) -> int:
    """Characters with every run of white space counted once: a table row's padding (a run of
    spaces between its cells) is layout, not text."""
    return len(_SPACES.sub(" ", text))


def split_text(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Offsets of pieces of `text`, each at most max_chars visible characters, cut at sentence
    ends where possible."""
    if visible_length(text) <= max_chars:
        return [(0, len(text))]
    cuts = [m.start() for m in _SENTENCE_END.finditer(text)]
    pieces: list[tuple[int, int]] = []
    start = 0
    while visible_length(text[start:]) > max_chars:
        limit = _reach(text, start, max_chars)
        inside = [c for c in cuts if start < c <= limit]
        cut = inside[-1] if inside else _space_before(text, start, limit)
        pieces.append((start, len(text[:cut].rstrip())))
        start = cut
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        pieces.append((start, len(text.rstrip())))
    return [(s, e) for s, e in pieces if e > s]


def _reach(text: str, start: int, max_chars: int) -> int:
    """The offset max_chars visible characters after `start`."""
    seen, position = 0, start
    for match in _SPACES.finditer(text, start):
        words = match.start() - position
        if seen + words >= max_chars:
            return position + (max_chars - seen)
        seen += words + 1
        position = match.end()
    return min(len(text), position + max(0, max_chars - seen))


def _space_before(text: str, start: int, limit: int) -> int:
    space = text.rfind(" ", start + 1, limit)
    return space if space > start else limit
