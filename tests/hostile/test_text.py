"""Text is data, everywhere: square brackets and colons in file names, document text, indicator
names and manifest paths are shown exactly as written, never read as terminal markup; UTF-16
text with a byte-order mark is read, and without one it is named for what it is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hostile.conftest import one_line_error, triage

# What officers really write in notes: redactions, placeholders, [sic], and something that
# looks like a closing tag, beside an emoji code that must not become a picture.
NOTE = (
    "NOTE OF VISIT\n\n"
    "Attendance is 89.0%, well below the national figure [sic] of 94.5%.\n\n"
    "Safeguarding is not effective: the referral for [redacted] was not made and [name] was not "
    "told [/bold] :warning: at the time.\n"
)
CSV = (
    "indicator,value,national,year\n"
    "[/bold]attendance,93.0,94.5,2024/25\n"
    "attendance_pct,89.0,94.5,2024/25\n"
)
# A file name cannot hold "/", so no closing tag here: an opening one would vanish unescaped.
NAME = "note [bold] [redacted] :warning:.txt"
TOKENS = ("[sic]", "[redacted]", "[name]", "[/bold]", ":warning:")


@pytest.fixture
def bracketed(tmp_path: Path, data: Path) -> Path:
    """A school whose file names, text and indicator names are full of brackets."""
    folder = tmp_path / "in [b]"
    folder.mkdir()
    (folder / NAME).write_text(NOTE)
    (folder / "data [i].csv").write_text(CSV)
    result = triage(
        data, "ingest", str(folder / NAME), str(folder / "data [i].csv"), "--school", "100001"
    )
    assert result.exit_code == 0, result.output
    assert NAME in result.output and "data [i].csv" in result.output
    assert "unknown indicators kept: [/bold]attendance" in result.output
    return data


def test_ingest_and_documents_show_names_as_written(bracketed: Path) -> None:
    listed = triage(bracketed, "documents", "100001")
    assert listed.exit_code == 0, listed.output
    assert NAME in listed.output and "data [i].csv" in listed.output


def test_search_shows_document_text_verbatim(bracketed: Path) -> None:
    found = triage(bracketed, "search", "100001", "referral safeguarding")
    assert found.exit_code == 0 and "Traceback" not in found.output, found.output
    for token in TOKENS:
        assert token in found.output, token


def test_propose_shows_quotes_verbatim(bracketed: Path) -> None:
    proposed = triage(bracketed, "propose", "100001", "--framework", "bristol")
    assert proposed.exit_code == 0 and "Traceback" not in proposed.output, proposed.output
    body = json.loads(triage(bracketed, "propose", "100001", "--json").output)
    quotes = [
        item["quote"]
        for result in body["characteristics"]
        for item in result["evidence"]
        if "[" in item["quote"]
    ]
    assert quotes, "the bracketed sentences are evidence"
    shown = " ".join(proposed.output.split())
    assert any(" ".join(q.split())[:100] in shown for q in quotes), proposed.output
    side_by_side = triage(bracketed, "propose", "100001", "--framework", "all")
    assert side_by_side.exit_code == 0, side_by_side.output
    every = triage(bracketed, "propose", "--all-schools", "--framework", "bristol")
    assert every.exit_code == 0, every.output


def test_ask_shows_quotes_and_document_names_verbatim(bracketed: Path) -> None:
    answered = triage(bracketed, "ask", "100001", "What happened about the referral?")
    assert answered.exit_code == 0 and "Traceback" not in answered.output, answered.output
    assert "[redacted]" in answered.output and NAME in answered.output


def test_an_error_about_a_bracketed_name_is_one_line_shown_as_written(
    tmp_path: Path, data: Path
) -> None:
    empty = tmp_path / "[bold] empty [x].txt"
    empty.write_text("")
    result = triage(data, "ingest", str(empty), "--school", "100001")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "[bold] empty [x].txt: [bold] empty [x].txt is empty" in result.output
    missing = triage(data, "ingest-corpus", str(tmp_path / "corpus [/bold]"))
    assert missing.exit_code == 1
    one_line_error(missing.output, "corpus [/bold]/manifest.yaml: no manifest found")


def test_manifest_paths_and_school_names_with_brackets_are_shown_as_written(
    tmp_path: Path, data: Path
) -> None:
    root = tmp_path / "corpus"
    (root / "s [1]").mkdir(parents=True)
    (root / "s [1]" / "[i]note.txt").write_text(NOTE)
    (root / "manifest.yaml").write_text(
        "format: triage-eval/1\nschools:\n  - urn: 100001\n    name: '[bold]St Mary [/i]'\n"
        "    phase: primary\n    documents:\n"
        "      - {path: 's [1]/[i]note.txt', kind: visit_note, date: 2025-01-10}\n"
    )
    result = triage(data, "ingest-corpus", str(root))
    assert result.exit_code == 0, result.output
    assert "s [1]/[i]note.txt" in result.output
    schools = triage(data, "schools")
    assert schools.exit_code == 0 and "[bold]St Mary [/i]" in schools.output, schools.output


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-16-le"])
def test_utf16_text_with_a_byte_order_mark_is_read(
    tmp_path: Path, data: Path, encoding: str
) -> None:
    text = "NOTE OF VISIT\n\nAttendance has risen to 95.1%, above the national figure. Café.\n"
    bom = {"utf-16": b"", "utf-16-be": b"\xfe\xff", "utf-16-le": b"\xff\xfe"}[encoding]
    note = tmp_path / f"note-{encoding}.txt"
    note.write_bytes(bom + text.encode(encoding))
    csv = tmp_path / f"data-{encoding}.csv"
    csv.write_bytes(
        bom + "indicator,value,national,year\nattendance_pct,95.1,94.5,2024/25\n".encode(encoding)
    )
    result = triage(data, "ingest", str(note), str(csv), "--school", "100001")
    assert result.exit_code == 0, result.output
    assert "2 ingested" in result.output
    found = json.loads(triage(data, "search", "100001", "attendance café", "--json").output)
    assert any("above the national figure. Café." in p["text"] for p in found)
    assert any(p["text"] == "attendance_pct,95.1,94.5,2024/25" for p in found)


def test_utf16_without_a_byte_order_mark_is_named(tmp_path: Path, data: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_bytes("NOTE OF VISIT\n\nAttendance is good.\n".encode("utf-16-le"))
    result = triage(data, "ingest", str(note), "--school", "100001")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (
        "note.txt: note.txt looks like UTF-16 text without a byte-order mark; save it as UTF-8"
    ) in result.output
