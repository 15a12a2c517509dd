"""Bombs and sizes: YAML alias bombs and deep nesting in a manifest, a 200,000-row CSV, more
passages than a document may have, a 300-character URN. Each is refused in one short line,
bounded by a setting the message names, and leaves nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.conftest import one_line_error, triage

NOTE = "Visit note\n\nAttendance has risen to 95.1%, above the national figure, this term.\n"


def school_yaml(urn: str = "100001", path: str = "s/note.txt", extra: str = "") -> str:
    return (
        f"  - urn: {urn}\n    name: Hill Primary\n    phase: primary\n{extra}"
        f"    documents:\n      - {{path: {path}, kind: visit_note}}\n"
    )


def write_corpus(root: Path, manifest: str) -> Path:
    (root / "s").mkdir(parents=True, exist_ok=True)
    (root / "s" / "note.txt").write_text(NOTE)
    (root / "manifest.yaml").write_text(manifest)
    return root


def alias_bomb(levels: int) -> str:
    """A few hundred bytes that expand to 9**levels strings; the anchors hide in `gold`, which
    the product does not read, and the bomb goes off in the second school's URN."""
    lines = ["    gold:", '      l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"      l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return (
        "format: triage-eval/1\nschools:\n"
        + school_yaml(extra="\n".join(lines) + "\n")
        + school_yaml(urn=f"*l{levels - 1}")
    )


def short_error(output: str, text: str) -> None:
    line = one_line_error(output, text)
    assert len(line) < 400, f"{len(line)} characters: {line[:400]}"
    assert len(output) < 2000, f"{len(output)} characters of output"


def test_a_yaml_alias_bomb_is_refused_at_once_in_one_short_line(tmp_path: Path, data: Path) -> None:
    root = write_corpus(tmp_path / "corpus", alias_bomb(levels=9))
    assert (root / "manifest.yaml").stat().st_size < 1000
    result = triage(data, "ingest-corpus", str(root))
    assert result.exit_code == 1
    short_error(result.output, "aliases")
    assert "TRIAGE_LIMITS__MANIFEST_MAX_NODES" in result.output
    evaluated = triage(tmp_path / "eval-data", "eval", str(root))
    assert evaluated.exit_code == 1
    short_error(evaluated.output, "aliases")


def test_many_aliases_are_refused_even_when_small(tmp_path: Path, data: Path) -> None:
    anchors = "    gold:\n      a: &a x\n      b: [" + ", ".join(["*a"] * 500) + "]\n"
    manifest = "format: triage-eval/1\nschools:\n" + school_yaml(extra=anchors)
    result = triage(data, "ingest-corpus", str(write_corpus(tmp_path / "corpus", manifest)))
    assert result.exit_code == 1
    short_error(result.output, "more than 100 aliases")
    assert "TRIAGE_LIMITS__MANIFEST_MAX_ALIASES" in result.output


def test_deep_nesting_is_refused_before_it_recurses(tmp_path: Path, data: Path) -> None:
    deep = "    gold: " + "[" * 5000 + "]" * 5000 + "\n"
    manifest = "format: triage-eval/1\nschools:\n" + school_yaml(extra=deep)
    result = triage(data, "ingest-corpus", str(write_corpus(tmp_path / "corpus", manifest)))
    assert result.exit_code == 1
    short_error(result.output, "nested deeper than 20 levels")
    assert "TRIAGE_LIMITS__MANIFEST_MAX_DEPTH" in result.output


def test_a_manifest_over_its_size_limit_is_refused_unparsed(tmp_path: Path, data: Path) -> None:
    padding = "# " + "x" * 2000 + "\n"
    manifest = "format: triage-eval/1\n" + padding + "schools:\n" + school_yaml()
    root = write_corpus(tmp_path / "corpus", manifest)
    result = triage(data, "ingest-corpus", str(root), env={"TRIAGE_LIMITS__MANIFEST_MAX_KB": "1"})
    assert result.exit_code == 1
    short_error(result.output, "manifest.yaml is over the limit of 1 KiB")
    assert "TRIAGE_LIMITS__MANIFEST_MAX_KB" in result.output


@pytest.mark.parametrize(
    ("manifest", "expected"),
    [
        ("format: " + "f" * 100_000 + "\nschools: []\n", "field 'format' must be"),
        (
            "format: triage-eval/1\nschools:\n" + school_yaml(path="s/" + "p" * 100_000 + ".txt"),
            "missing file(s)",
        ),
        # PyYAML takes a plain key of at most 1024 characters; a longer one is a syntax error.
        ("format: triage-eval/1\n" + "k" * 1000 + ": 1\nschools: []\n", "unknown top-level"),
        ("format: triage-eval/1\n1: 1\nx: 2\nschools: []\n", "unknown top-level"),
        ("format: triage-eval/1\nschools: [\n  " + "x" * 100_000 + "\n", "not valid YAML"),
        (
            "format: triage-eval/1\nschools:\n" + school_yaml(urn="[" + "9" * 100_000 + "]"),
            "a number of 100000 digits is too long",
        ),
        (
            "format: triage-eval/1\nschools:\n" + school_yaml(urn="u-" + "9" * 100_000),
            "is not a school URN",
        ),
    ],
    ids=[
        "long format",
        "long path",
        "long key",
        "keys of two types",
        "long bad line",
        "long number",
        "long urn",
    ],
)
def test_a_manifest_error_echoes_only_a_short_excerpt(
    tmp_path: Path, data: Path, manifest: str, expected: str
) -> None:
    result = triage(data, "ingest-corpus", str(write_corpus(tmp_path / "corpus", manifest)))
    assert result.exit_code == 1
    short_error(result.output, expected)


def test_a_200000_row_indicators_csv_is_refused_by_its_setting(tmp_path: Path, data: Path) -> None:
    csv = tmp_path / "indicators.csv"
    with csv.open("w") as handle:
        handle.write("indicator,value,national,year\n")
        for row in range(200_000):
            handle.write(f"attendance_pct,{90 + row % 10},94.5,2024/25\n")
    result = triage(data, "ingest", str(csv), "--school", "100001")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (
        "indicators.csv: indicators.csv has 200000 rows, over the limit of 10000 rows per CSV; "
        "split it or raise TRIAGE_LIMITS__MAX_CSV_ROWS"
    ) in result.output
    lower = triage(
        data, "ingest", str(csv), "--school", "100001", env={"TRIAGE_LIMITS__MAX_CSV_ROWS": "5"}
    )
    assert "has 200000 rows, over the limit of 5 rows per CSV" in lower.output


def test_more_passages_than_a_document_may_have_is_refused_by_its_setting(
    tmp_path: Path, data: Path
) -> None:
    text = tmp_path / "long-note.txt"
    paragraph = "Attendance and punctuality were discussed with the governors at length. " * 4
    text.write_text("Visit note\n\n" + "\n\n".join(f"{i}. {paragraph}" for i in range(30)))
    limited = {"TRIAGE_LIMITS__MAX_PASSAGES": "10"}
    result = triage(data, "ingest", str(text), "--school", "100001", env=limited)
    assert result.exit_code == 1 and "Traceback" not in result.output
    line = next(line for line in result.output.splitlines() if "long-note.txt: " in line)
    assert "passages, over the limit of 10 per document; split it or raise " in line
    assert "TRIAGE_LIMITS__MAX_PASSAGES" in line
    assert triage(data, "ingest", str(text), "--school", "100001").exit_code == 0


URN_300 = "1" * 300


def test_a_300_character_urn_is_one_line_and_leaves_no_school(tmp_path: Path, data: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(NOTE)
    result = triage(data, "ingest", str(note), "--school", URN_300)
    assert result.exit_code == 1
    short_error(result.output, "is not a school URN: use letters and digits only")
    root = write_corpus(
        tmp_path / "corpus", "format: triage-eval/1\nschools:\n" + school_yaml(urn=URN_300)
    )
    through_corpus = triage(data, "ingest-corpus", str(root))
    assert through_corpus.exit_code == 1
    short_error(through_corpus.output, "is not a school URN")
    assert triage(data, "doctor").exit_code == 0
    proposed = triage(data, "propose", "--all-schools")
    assert proposed.exit_code == 1
    one_line_error(proposed.output, "no schools ingested yet")
    for command in (["search", URN_300, "attendance"], ["documents", URN_300]):
        searched = triage(data, *command)
        assert searched.exit_code == 1
        short_error(searched.output, "is not a school URN")
