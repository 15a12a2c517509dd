"""Citation checks: a quote counts only if it appears verbatim on the cited page."""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")


def collapse_whitespace(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def quote_on_page(page_text: str | None, quote: str) -> bool:
    """True when `quote` is in `page_text` after collapsing runs of white space; nothing else."""
    if not page_text or not quote.strip():
        return False
    return collapse_whitespace(quote) in collapse_whitespace(page_text)
