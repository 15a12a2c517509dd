"""Quotes shown to a person: one line, and where shortened, cut at a sentence or word boundary
with an ellipsis, never mid-word."""

from __future__ import annotations

import re

ELLIPSIS = "\u2026"
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]?(?=\s)")


def one_line(quote: str) -> str:
    """The quote's words with the source's line breaks and runs of spaces collapsed."""
    return " ".join(quote.split())


def shorten(quote: str, limit: int = 160) -> str:
    """The quote on one line, at most `limit` characters: whole sentences where they fit, else
    whole words, with an ellipsis where anything was left off."""
    text = one_line(quote)
    if len(text) <= limit:
        return text
    room = text[: limit - 1]
    ends = [m.end() for m in _SENTENCE_END.finditer(room)]
    if ends and ends[-1] >= limit // 2:
        return text[: ends[-1]] + " " + ELLIPSIS
    cut = room.rfind(" ")
    if cut <= 0:
        return room + ELLIPSIS
    return room[:cut].rstrip(",;:-\u2013\u2014 ") + ELLIPSIS
