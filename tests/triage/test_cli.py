"""The commands as an officer runs them, on real files: ingest-corpus, a batch with a bad file,
doctor, reindex, and the errors a user can cause, each one line with no traceback."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from tests.conftest import FIXTURES, make_settings
from tests.triage.conftest import TINY
from triage.cli import app
from triage.index.drift import find_drift
from triage.runtime import open_runtime

ROOT = Path(__file__).parent.parent.parent


def triage(data: Path, *args: str) -> Result:
    return CliRunner().invoke(app, ["--data-dir", str(data), *args], env={"COLUMNS": "200"})


def one_line_error(result: Result, text: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and text in errors[0], result.output


@pytest.fixture(scope="module")
def corpus_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny corpus ingested through `triage ingest-corpus`."""
    data = tmp_path_factory.mktemp("cli") / "data"
    result = triage(data, "ingest-corpus", str(TINY))
    assert result.exit_code == 0, result.output
    assert "0 refused" in result.output
    return data


def test_ingest_corpus_stores_every_document_of_the_manifest(corpus_data: Path) -> None:
    listed = triage(corpus_data, "schools")
    assert listed.exit_code == 0
    for urn in ("910001", "910002", "910003"):
        assert urn in listed.output
    again = triage(corpus_data, "ingest-corpus", str(TINY))
    assert again.exit_code == 0 and "0 ingested" in again.output and "unchanged" in again.output


def test_doctor_reports_drift_and_repairs_it(corpus_data: Path) -> None:
    assert "database and index agree" in triage(corpus_data, "doctor").output
    with open_runtime(make_settings(corpus_data)) as runtime:
        lost = sorted(runtime.index.dense_ids())[:3]
        runtime.index.delete(lost)
        runtime.index.rebuild_sparse("910003", [])
    found = triage(corpus_data, "doctor")
    assert found.exit_code == 1
    assert "3 missing from the vector index" in found.output
    assert "1 stale keyword indexes" in found.output and "--repair" in found.output
    repaired = triage(corpus_data, "doctor", "--repair")
    assert repaired.exit_code == 0 and "repaired" in repaired.output
    assert triage(corpus_data, "doctor").exit_code == 0


def test_reindex_rebuilds_the_whole_index_from_the_database(corpus_data: Path) -> None:
    with open_runtime(make_settings(corpus_data)) as runtime:
        expected = find_drift(runtime).passages
    shutil.rmtree(corpus_data / "bm25")
    result = triage(corpus_data, "reindex")
    assert result.exit_code == 0 and f"reindexed {expected} passages" in result.output
    with open_runtime(make_settings(corpus_data)) as runtime:
        assert find_drift(runtime).clean
        assert len(runtime.index.dense_ids()) == expected
    found = triage(corpus_data, "search", "910003", "attendance", "--json")
    assert found.exit_code == 0 and "910003/" in found.output


def test_a_batch_with_one_bad_file_ingests_the_others_and_names_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    files = [FIXTURES / "visit-note.txt", FIXTURES / "truncated.pdf", FIXTURES / "minutes.md"]
    missing = tmp_path / "absent.txt"
    result = triage(data, "ingest", *map(str, files), str(missing), "--school", "100001")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "2 ingested, 0 new versions, 0 unchanged, 2 refused" in result.output
    assert "truncated.pdf:" in result.output and "absent.txt: absent.txt could not be read"
    with open_runtime(make_settings(data)) as runtime:
        with runtime.store.session() as session:
            from triage.store.queries import current_documents

            stored = sorted(d.source for d in current_documents(session, "100001"))
        assert stored == ["minutes.md", "visit-note.txt"]
        assert find_drift(runtime).clean


def test_a_corpus_with_one_bad_file_ingests_the_rest(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(TINY, corpus)
    victim = next(p for p in (corpus / "910003").iterdir() if p.suffix == ".txt")
    victim.write_bytes(b"")
    result = triage(tmp_path / "data", "ingest-corpus", str(corpus))
    assert result.exit_code == 1 and "1 refused" in result.output
    assert f"910003/{victim.name}:" in result.output and "is empty" in result.output


def test_a_data_dir_this_user_cannot_write_is_one_line(tmp_path: Path) -> None:
    # Under /tmp itself: pytest's own folders are closed to other users.
    data = Path(tempfile.mkdtemp(prefix="triage-locked-"))
    args = ["--data-dir", str(data), "schools"]
    try:
        if os.geteuid() != 0:
            data.chmod(0o500)
            result = CliRunner().invoke(app, args)
            code, output = result.exit_code, result.output
        else:  # root writes anywhere: run the same command as an unprivileged user
            data.chmod(0o755)
            triage(tmp_path / "warm", "schools")  # every module the command needs, loaded
            code, output = _as_nobody(args)
    finally:
        data.chmod(0o700)
        shutil.rmtree(data)
    assert code == 1 and "Traceback" not in output
    assert output.startswith(f"error: the data dir {data} is not writable"), output


def _as_nobody(args: list[str]) -> tuple[int, str]:
    """Run the CLI in a forked child that has dropped to the `nobody` user."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            os.close(reader)
            os.setgid(65534)
            os.setuid(65534)
            result = CliRunner().invoke(app, args)
            os.write(writer, f"{result.exit_code}\n{result.output}".encode())
        finally:
            os._exit(0)
    os.close(writer)
    with os.fdopen(reader) as pipe:
        reply = pipe.read()
    os.waitpid(pid, 0)
    code, _, output = reply.partition("\n")
    return int(code), output


def test_a_database_path_that_cannot_be_opened_is_one_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "triage.db").mkdir(parents=True)  # the database file cannot be made
    one_line_error(triage(data, "schools"), "cannot write the database at sqlite:///")


def test_a_data_dir_that_is_a_file_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    one_line_error(triage(tmp_path / "file" / "data", "schools"), "cannot create the data dir")


def test_a_framework_file_given_to_eval_is_one_line(tmp_path: Path) -> None:
    framework = ROOT / "triage" / "frameworks" / "bristol.yaml"
    result = triage(tmp_path / "data", "eval", str(TINY), "--framework", str(framework))
    one_line_error(result, "is a file: the eval takes a framework by id")


def test_a_malformed_prompt_is_one_line_at_the_cli_boundary() -> None:
    import typer

    from prompts import parse_prompt
    from triage.cli.common import handle_errors

    with pytest.raises(typer.Exit) as stopped, handle_errors():
        parse_prompt("answer", "### system\nRules.\n### user\n{question} {pasages}")
    assert stopped.value.exit_code == 1
