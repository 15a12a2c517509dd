"""Text that speaks to the system rather than about the school, found however it is spelt.

Filters read a passage's plain letters: Unicode NFKC (full-width and compatibility forms become
their plain letters), invisible format characters (zero-width spaces and joiners) removed, and
every letter that looks like a Latin one (Unicode's confusables: the Cyrillic і in "іgnore")
read as that letter. The plain letters are for matching only; quotes are always the page's own.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from confusable_homoglyphs.confusables import confusables_data

from triage.extract.lexicon import lexicon


def plain_letters(text: str) -> str:
    """`text` as the letters a reader sees: NFKC, no format characters, look-alikes as Latin."""
    normal = unicodedata.normalize("NFKC", text)
    visible = "".join(c for c in normal if unicodedata.category(c) != "Cf")
    return visible.translate(_look_alikes())


def addresses_system(text: str) -> bool:
    """True for a passage that addresses the system (a role label, a chat token, an order to
    ignore instructions): untrusted as a whole, so none of it is evidence or quoted."""
    return lexicon().patterns.addresses_system.search(plain_letters(text)) is not None


@cache
def _look_alikes() -> dict[int, str]:
    """Each non-ASCII letter Unicode lists as confusable with an ASCII letter or digit."""
    table: dict[int, str] = {}
    for character, entries in confusables_data.items():
        if len(character) != 1 or character.isascii():
            continue
        latin = [e["c"] for e in entries if len(e["c"]) == 1 and e["c"].isascii()]
        if latin and latin[0].isalnum():
            table[ord(character)] = latin[0]
    return table
