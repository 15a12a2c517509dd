"""What makes an override's reason one of substance: a rule a person and a test can check.

A reason must be at least a sentence of MIN_WORDS words, ending with a full stop, question or
exclamation mark, and it must name the evidence it weighs: one of the school's current
documents by its file name (with or without the extension), or a kind of evidence in words
(EVIDENCE_WORDS: "the SEF", "the Ofsted report", "the visit note", "governors' minutes", "the
attendance data" ...). "Disagree." or "Officer judgement" are refused, with the rule named.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from triage.errors import DecisionRefusedError

MIN_WORDS = 12
EVIDENCE_WORDS = (
    "sef",
    "self-evaluation",
    "self evaluation",
    "ofsted",
    "inspection",
    "report card",
    "visit note",
    "note of visit",
    "visit",
    "minutes",
    "governors",
    "governing body",
    "indicator",
    "indicators",
    "data",
    "dashboard",
    "figures",
)
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


def names_evidence(reason: str, documents: list[str]) -> bool:
    text = reason.lower()
    for source in documents:
        path = PurePosixPath(source.lower())
        if path.name in text or (len(path.stem) >= 4 and path.stem in text):
            return True
    return any(re.search(rf"\b{re.escape(word)}\b", text) for word in EVIDENCE_WORDS)


def check_reason(reason: str, documents: list[str]) -> None:
    """Refuse a reason that is not a sentence of substance naming the evidence it weighs."""
    words = _WORD.findall(reason)
    if len(words) < MIN_WORDS or not re.search(r"[.!?]", reason):
        raise DecisionRefusedError(
            f"an override needs a reason of substance: at least one sentence of {MIN_WORDS} or "
            f"more words (this has {len(words)}), saying why the evidence supports the category"
        )
    if not names_evidence(reason, documents):
        raise DecisionRefusedError(
            "an override's reason must name the evidence it weighs: a document of the school "
            "(e.g. its file name) or a kind of evidence (the SEF, the Ofsted report, a visit "
            "note, governors' minutes, the data)"
        )
