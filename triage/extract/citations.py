"""Citation checks: a quote counts only if it appears verbatim on the cited page."""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")


def collapse_whitespace(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def quote_on_page(page_text: str | None, quote: str) -> bool:
    """True when `quote` is in `page_text` after collapsing runs of white space; nothing else."""
    return quote_in_collapsed(collapse_whitespace(page_text or ""), quote)


def quote_in_collapsed(collapsed_page: str, quote: str) -> bool:
    """`quote_on_page` for a page whose white space is already collapsed."""
    if not collapsed_page or not quote.strip():
        return False
    return collapse_whitespace(quote) in collapsed_page
