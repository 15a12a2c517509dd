"""Template text: words that are the same in every school's copy of a document, never evidence.

Told two ways. By structure: the sections that explain the inspection or the grades ("How we
evaluate safeguarding", "What our grades mean"), definitions of a grade or outcome ("Not met: the
school has not created ..."), the wording of a standard, and the publisher's notices (the
licence, copyright, contact details). By repetition: a sentence found in the documents of several
different schools is template, whatever it says; ingest records a key for each sentence of each
school (triage.store.sentences), and a proposal's snapshot carries the keys seen in enough schools.
Running heads, footers and page numbers never reach a passage (ingest.layout).
"""

from __future__ import annotations

import hashlib
import re

from triage.extract.judges.sentences import split_sentences
from triage.extract.lexicon import lexicon

SECTION = "template section"
SENTENCE = "template sentence"
SCHEDULE = "list of requirements"
REPEATED = "repeated in other schools' documents"

_HYPHEN_BREAK = re.compile(r"(?<=[a-z])-[ \t]*\n\s*(?=[a-z])")
_WORD = re.compile(r"[a-z0-9]+")


def readable(quote: str) -> str:
    """A quote as it reads: a word broken at a line end by a hyphen joined again, white space
    collapsed. Only for reading; quotes stay as the page has them."""
    return " ".join(_HYPHEN_BREAK.sub("", quote).split())


def sentence_key(plain: str) -> str | None:
    """The key a sentence is recognised by in other schools' documents, if it is long enough."""
    words = _WORD.findall(plain.lower())
    if len(words) < lexicon().template.min_words:
        return None
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()[:32]


def sentence_keys(text: str, section: str | None = None) -> list[str]:
    """The keys of a passage's sentences, split as the reader splits them."""
    keys = []
    for sentence in split_sentences(text, heading=section):
        key = sentence_key(readable(text[sentence.start : sentence.end]))
        if key is not None:
            keys.append(key)
    return keys


def structural_reason(plain: str, heading: str | None) -> str | None:
    """Why a sentence is template by where it stands or what it is, or None."""
    template = lexicon().template
    last = (heading or "").split(" > ")[-1]
    if last and template.sections.search(last):
        return SECTION
    if template.sentences.search(plain):
        return SENTENCE
    return None


def in_schedule(section: str | None) -> bool:
    """Whether a heading opens a schedule of unmet standards (requirement text)."""
    last = (section or "").split(" > ")[-1]
    return bool(last) and bool(lexicon().template.schedule.search(last))
