"""Reading outside what was given: links out of a corpus, devices, named pipes, and a batch that
meets them names each one and goes on with the others."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.hostile.conftest import finish, one_line_error, spawn, triage

NOTE = "Visit note\n\nAttendance has risen to 95.1%, above the national figure, this term.\n"


def corpus(root: Path, documents: dict[str, str]) -> Path:
    """A triage-eval/1 corpus of one school whose documents are `path: kind`."""
    root.mkdir(parents=True, exist_ok=True)
    listed = "\n".join(
        f"      - {{path: '{p}', kind: {k}, date: 2025-01-10}}" for p, k in documents.items()
    )
    (root / "manifest.yaml").write_text(
        "format: triage-eval/1\nschools:\n  - urn: 100001\n    name: Hill Primary\n"
        f"    phase: primary\n    documents:\n{listed}\n"
    )
    return root


def stored_sources(data: Path) -> list[str]:
    result = triage(data, "documents", "100001")
    return [line for line in result.output.splitlines() if "current" in line]


@pytest.mark.parametrize(
    "link", ["file", "folder"], ids=["a file linked out", "a folder linked out"]
)
def test_a_link_out_of_the_corpus_is_refused_by_ingest_corpus_and_eval(
    tmp_path: Path, data: Path, link: str
) -> None:
    root = tmp_path / "corpus"
    (root / "s").mkdir(parents=True)
    (root / "s" / "note.txt").write_text(NOTE)
    if link == "file":
        os.symlink("/etc/passwd", root / "s" / "passwd.txt")
        path = "s/passwd.txt"
    else:
        (tmp_path / "elsewhere").mkdir()  # a folder outside the corpus, reached by a link
        (tmp_path / "elsewhere" / "passwd.txt").write_text("root:x:0:0:root:/root:/bin/bash\n")
        os.symlink(tmp_path / "elsewhere", root / "out")
        path = "out/passwd.txt"
    corpus(root, {"s/note.txt": "visit_note", path: "visit_note"})
    result = triage(data, "ingest-corpus", str(root))
    assert result.exit_code == 1
    one_line_error(
        result.output, f"a link to a file outside the corpus folder: school 100001: {path}"
    )
    assert "root:x:0:0" not in result.output
    evaluated = triage(tmp_path / "eval-data", "eval", str(root))
    assert evaluated.exit_code == 1
    one_line_error(evaluated.output, "outside the corpus folder")


def test_a_link_that_stays_inside_the_corpus_is_read(tmp_path: Path, data: Path) -> None:
    root = tmp_path / "corpus"
    (root / "s").mkdir(parents=True)
    (root / "s" / "note.txt").write_text(NOTE)
    os.symlink("note.txt", root / "s" / "same-note.txt")
    corpus(root, {"s/same-note.txt": "visit_note"})
    result = triage(data, "ingest-corpus", str(root))
    assert result.exit_code == 0, result.output
    assert "1 ingested" in result.output


def test_devices_and_named_pipes_are_refused_unread_and_the_batch_goes_on(
    tmp_path: Path, data: Path
) -> None:
    """/dev/zero behind a symlink would fill memory if read; a named pipe would hang."""
    folder = tmp_path / "in"
    folder.mkdir()
    os.symlink("/dev/zero", folder / "zero.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "folder.txt").mkdir()
    (folder / "note.txt").write_text(NOTE)
    names = ["zero.txt", "pipe.txt", "folder.txt", "note.txt"]
    code, output = finish(
        spawn(data, "ingest", *(str(folder / n) for n in names), "--school", "100001"),
        timeout=300,
    )
    assert code == 1 and "Traceback" not in output
    assert "1 ingested, 0 new versions, 0 unchanged, 3 refused" in output
    for name in names[:3]:
        assert f"{name}: {name} is not a regular file" in output
    assert len(stored_sources(data)) == 1


def test_a_device_or_pipe_named_in_a_manifest_is_named_as_such(tmp_path: Path, data: Path) -> None:
    root = tmp_path / "corpus"
    (root / "s").mkdir(parents=True)
    os.mkfifo(root / "s" / "pipe.txt")
    (root / "s" / "folder.txt").mkdir()
    os.symlink("/dev/zero", root / "s" / "zero.txt")
    corpus(root, {"s/pipe.txt": "minutes", "s/folder.txt": "sef"})
    code, output = finish(spawn(data, "ingest-corpus", str(root)), timeout=300)
    assert code == 1
    one_line_error(
        output,
        "not a regular file (a device, pipe or folder): school 100001: s/pipe.txt; "
        "school 100001: s/folder.txt",
    )
    # A device is outside the corpus folder however it is reached.
    corpus(root, {"s/zero.txt": "visit_note"})
    code, output = finish(spawn(data, "ingest-corpus", str(root)), timeout=300)
    assert code == 1
    one_line_error(output, "a link to a file outside the corpus folder: school 100001: s/zero.txt")


@pytest.mark.parametrize("kind", ["pipe", "device"])
def test_a_manifest_that_is_a_pipe_or_a_device_is_refused_unread(
    tmp_path: Path, data: Path, kind: str
) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    if kind == "pipe":
        os.mkfifo(root / "manifest.yaml")
    else:
        os.symlink("/dev/zero", root / "manifest.yaml")
    code, output = finish(spawn(data, "ingest-corpus", str(root)), timeout=300)
    assert code == 1
    one_line_error(output, "manifest.yaml is not a regular file")


def test_a_corpus_with_bad_files_names_each_and_ingests_the_rest(
    tmp_path: Path, data: Path
) -> None:
    root = tmp_path / "corpus"
    (root / "s").mkdir(parents=True)
    (root / "s" / "note.txt").write_text(NOTE)
    (root / "s" / "empty.txt").write_text("")
    (root / "s" / "fake.pdf").write_text("not a pdf at all")
    corpus(root, {"s/empty.txt": "visit_note", "s/note.txt": "visit_note", "s/fake.pdf": "sef"})
    result = triage(data, "ingest-corpus", str(root))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "1 ingested, 0 new versions, 0 unchanged, 2 refused" in result.output
    assert "s/empty.txt: s/empty.txt is empty" in result.output
    assert "s/fake.pdf: s/fake.pdf ends in .pdf but is not a PDF" in result.output
