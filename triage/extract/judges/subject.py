"""Who a clause is about: this school, or another school, a partner, or schools in general.

Visit notes, minutes and SEFs talk about partner schools, the federation's other school, the
authority's schools in a category and figures "nationally". Those clauses are not evidence about
the school the documents belong to. A clause's subject is the first mention, near its start, of
this school (its name, "the school", "we", its leaders, staff or pupils) or of others (another
school's name, "the partner school", "schools across the authority", "nationally"); a relative
clause (", which ...") is about the last thing the clause before it mentioned. The words are the
lexicon's (`subjects`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from triage.extract.lexicon import lexicon

Subject = Literal["own", "other"]
# A relative clause: "which ...", or "that" followed by its verb ("that is in special measures").
_RELATIVE = re.compile(
    r"^\W*(which|who|whose|where|that\s+(is|are|was|were|has|have|had|remains?)\b)", re.I
)
_ROLE_AT = re.compile(r"^\s*(at|from|of|in)\s+", re.I)


@dataclass(frozen=True)
class Names:
    """This school's distinctive name words, and a pattern for other schools' names."""

    own: frozenset[str] = frozenset()
    others: re.Pattern[str] | None = None
    other_words: tuple[str, ...] = field(default=())


def distinctive_words(name: str) -> frozenset[str]:
    """The words of a school's name that tell it from others ("Kingfisher", "Meadow")."""
    stop = lexicon().subjects.name_stop
    words = re.findall(r"[A-Za-z][\w'\u2019-]*", name)
    plain = (re.sub(r"['\u2019]s$", "", w) for w in words)
    return frozenset(w.lower() for w in plain if len(w) > 1 and not stop.match(w))


def school_names(texts: Iterable[str], own_name: str | None) -> Names:
    """The names of schools the documents mention that are not this one.

    This school is `own_name` when known, else the school the documents name most often.
    """
    pattern = lexicon().subjects.school_name
    mentioned: Counter[frozenset[str]] = Counter()
    phrases: dict[frozenset[str], set[str]] = {}
    for text in texts:
        for match in pattern.finditer(text):
            name = match.group("name") or match.group("partner") or ""
            words = distinctive_words(name)
            if words:
                mentioned[words] += 1
                phrases.setdefault(words, set()).add(" ".join(match.group(0).split()))
    own = distinctive_words(own_name) if own_name else frozenset()
    if not own and mentioned:
        own = mentioned.most_common(1)[0][0]
    others = sorted({w for words in mentioned if not words & own for w in words})
    # A school sharing part of this one's name but not its kind ("Hillcrest Prep" beside
    # "Hillcrest Grange School", "St Mary's Infant" beside "St Mary's Junior") is another school.
    namesakes = sorted(
        phrase
        for words, found in phrases.items()
        if words <= own and own_name
        for phrase in found
        if _kind_word(phrase) in PHASE_WORDS and _kind_word(phrase) not in own_name.lower()
    )
    others_words = [re.escape(w) for w in others] + [_phrase(p) for p in namesakes]
    if not others_words:
        return Names(own=own)
    alternatives = "|".join(others_words)
    return Names(
        own=own,
        others=re.compile(rf"\b({alternatives})(['\u2019]s)?\b", re.I),
        other_words=tuple(others),
    )


# Words that tell two schools of one name apart by phase; "academy" or "school" may be the same
# school renamed.
PHASE_WORDS = frozenset(
    {
        "infant",
        "infants",
        "junior",
        "juniors",
        "prep",
        "preparatory",
        "nursery",
        "primary",
        "secondary",
        "high",
        "middle",
        "senior",
    }
)


def _kind_word(phrase: str) -> str:
    """The word of a school's name that says what kind of school it is ("prep", "infant")."""
    words = phrase.lower().split()
    return words[-1] if words else ""


def _phrase(phrase: str) -> str:
    return r"\s+".join(re.escape(word) for word in phrase.split())


def mentions(clause: str, names: Names) -> list[tuple[int, Subject]]:
    """Every mention of this school or of others in the clause, by position."""
    subjects = lexicon().subjects
    found: list[tuple[int, Subject]] = []
    for match in subjects.others.finditer(clause):
        if not subjects.not_subject.search(clause[: match.start()]):
            found.append((match.start(), "other"))
    if names.others is not None:
        found += [(m.start(), "other") for m in names.others.finditer(clause)]
    for match in subjects.own.finditer(clause):
        after = clause[match.end() : match.end() + 8]
        role_of = _ROLE_AT.match(after) and _other_follows(clause, match.end(), names)
        found.append((match.start(), "other" if role_of else "own"))
    if names.own:
        own_words = "|".join(re.escape(w) for w in sorted(names.own))
        found += [(m.start(), "own") for m in re.finditer(rf"\b({own_words})\b", clause, re.I)]
    return sorted(found)


def _other_follows(clause: str, position: int, names: Names) -> bool:
    """Whether "staff at <another school>" follows: the role is theirs, not this school's."""
    rest = clause[position : position + 60]
    preposition = re.match(r"\s*(at|from|of|in)\s+", rest, re.I)
    if preposition is None:
        return False
    tail = rest[preposition.end() :]
    subjects = lexicon().subjects
    named = names.others is not None and names.others.match(tail) is not None
    return named or bool(subjects.others.match(tail))


def clause_subject(clause: str, names: Names, previous: Subject | None) -> Subject:
    """Who the clause is about; a relative clause is about what the clause before last named."""
    subjects = lexicon().subjects
    if _RELATIVE.match(clause) and previous is not None:
        return previous
    lead = subjects.lead_in.match(clause)
    start = lead.end() if lead else 0
    words = list(re.finditer(r"\S+", clause[start:]))
    limit = start + (
        words[subjects.subject_words - 1].end()
        if len(words) >= subjects.subject_words
        else len(clause)
    )
    early = [kind for position, kind in mentions(clause, names) if start <= position < limit]
    if lead is not None and not early:
        # "Across the authority's schools, ...": the opening phrase itself may name others.
        early = [kind for position, kind in mentions(clause[: lead.end()], names)]
    return early[0] if early else "own"


_OBJECT_OF = re.compile(r"^\W{0,3}(\w+\W+){0,3}?(to|at|for|against|of|on|in|by)\s+$", re.I)


def said_of_other(clause: str, start: int, end: int, names: Names) -> bool:
    """Whether the words at clause[start:end] (a status such as "causing concern") are said of
    another school: the nearest school mentioned before them is another one ("supports a partner
    school that is in special measures"), or one follows as their object ("a warning notice was
    issued to Elmhurst School")."""
    subjects = lexicon().subjects
    others = [(m.start(), m.end()) for m in subjects.others.finditer(clause)]
    if names.others is not None:
        others += [(m.start(), m.end()) for m in names.others.finditer(clause)]
    own = [(m.start(), "own") for m in subjects.own.finditer(clause) if m.end() <= start]
    if names.own:
        own_words = "|".join(re.escape(w) for w in sorted(names.own))
        own += [(m.start(), "own") for m in re.finditer(rf"\b({own_words})\b", clause, re.I)]
    before = sorted(
        [(s, "other") for s, e in others if e <= start] + [(s, k) for s, k in own if s < start]
    )
    if before and before[-1][1] == "other":
        return True
    after = [s for s, _ in others if s >= end and s - end <= 60]
    return any(_OBJECT_OF.match(clause[end:s]) for s in after)


def last_mention(clause: str, names: Names) -> Subject | None:
    """What a following relative clause would be about: the clause's last mention."""
    found = mentions(clause, names)
    return found[-1][1] if found else None
