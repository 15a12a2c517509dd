"""The lexicon is data: it loads, one line adds a grade phrase, a malformed entry names its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage.extract.lexicon import LEXICON_FILE, LexiconError, lexicon, load_lexicon
from triage.vocabulary import ASPECTS, GRADE_LEVELS, OFSTED_GRADES

pytestmark = pytest.mark.unit  # no model, database or server: `make test-unit`


def _edited(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """lexicon.yaml with one edit; returns the path and the 1-based line of the edit."""
    text = LEXICON_FILE.read_text(encoding="utf-8")
    assert old in text
    line = text.count("\n", 0, text.index(old)) + 1
    path = tmp_path / "lexicon.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path, line


def _refusal(path: Path) -> str:
    with pytest.raises(LexiconError) as caught:
        load_lexicon(path)
    return str(caught.value)


def test_the_shipped_lexicon_covers_the_vocabulary() -> None:
    lx = lexicon()
    assert lx.version
    assert set(lx.aspect_terms) == set(ASPECTS)
    assert {g.grade for g in lx.grades} == set(OFSTED_GRADES)
    assert all(g.level == GRADE_LEVELS[g.grade] for g in lx.grades)


@pytest.mark.parametrize(
    ("line", "area", "grade", "level"),
    [
        ("Leadership and management: Requires improvement", "leadership and management",
         "requires_improvement", 3),
        ("2. Inclusion - Expected standard", "inclusion", "expected_standard", 2),
        ("Safeguarding Not met", "safeguarding", "inadequate", 4),
        ("Safeguarding: met", "safeguarding", "met", 2),
    ],
)  # fmt: skip
def test_the_grade_line_is_built_from_the_areas_and_grades(
    line: str, area: str, grade: str, level: int
) -> None:
    lx = lexicon()
    match = lx.grade_line.match(line)
    assert match is not None
    assert match.group("area").lower() == area
    assert lx.grade_of(match.group("grade").lower()) == (grade, level)


def test_a_grade_phrase_is_one_line_in_one_place(tmp_path: Path) -> None:
    anchor = "  - {grade: requires_improvement, phrase: 'requires? improvement'}\n"
    path, _ = _edited(
        tmp_path, anchor, anchor + "  - {grade: requires_improvement, phrase: 'ri'}\n"
    )
    edited = load_lexicon(path)
    # The grade-table line and the graded term in running text both read the new phrase.
    match = edited.grade_line.match("Leadership and management: RI")
    assert match is not None and edited.grade_of("ri") == ("requires_improvement", 3)
    assert any(g.cue.search("Teaching is RI overall.") for g in edited.grades)
    assert lexicon().grade_line.match("Leadership and management: RI") is None


@pytest.mark.parametrize(
    ("old", "new", "field", "says"),
    [
        ("- {level: 3, pattern: '\\bnot quorate\\b|\\binquorate\\b'}",
         "- {level: 3, pattern: '\\bnot (quorate\\b'}", "phrases[", "not a valid regular"),
        ("- {grade: inadequate, phrase: 'inadequate'}",
         "- {grade: inadequat, phrase: 'inadequate'}", "grades[3].grade", "inadequate"),
        ("- {flag: special_measures,", "- {flag: special_measure,", "flags[1].flag",
         "special_measures"),
        ("- {level: 4, pattern: '\\b(serious(ly)?", "- {level: 5, pattern: '\\b(serious(ly)?",
         "words[", "level"),
        ("- {weight: 1.5, pattern: '\\bquality of education\\b'}",
         "- {weight: 1.5, patern: '\\bquality of education\\b'}",
         "aspect_terms.curriculum_teaching[2]", "patern"),
        ("  negator: ", "  negater: ", "patterns", "negat"),
    ],
)  # fmt: skip
def test_a_malformed_entry_names_its_file_line_and_field(
    tmp_path: Path, old: str, new: str, field: str, says: str
) -> None:
    path, line = _edited(tmp_path, old, new)
    message = _refusal(path)
    assert f"{path}:{line}:" in message, message
    assert f"field {field}" in message and says in message, message
    assert len(message.splitlines()) == 1


def test_a_missing_grade_and_a_duplicate_key_are_refused(tmp_path: Path) -> None:
    path, _ = _edited(
        tmp_path, "  - {grade: urgent_improvement, phrase: 'urgent improvement'}\n", ""
    )
    assert "give a phrase for every Ofsted grade; missing ['urgent_improvement']" in _refusal(path)
    version = f'version: "{lexicon().version}"\n'
    path, line = _edited(tmp_path, version, f'{version}version: "again"\n')
    assert f"{path}:{line + 1}: field 'version' appears twice" in _refusal(path)
