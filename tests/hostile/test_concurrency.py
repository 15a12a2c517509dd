"""Two at once, and interrupted, with real processes: commands started together on a fresh data
dir, writers that wait their turn, doctor during an ingest, and Ctrl-C or kill -9 mid-write.

A "slow" ingest here is an indicators CSV of a few hundred rows written to the vector index one
row per request, so its write lasts long enough to be caught in the middle; the test sees the
write begin when the copy of the file appears under files/.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import make_settings
from tests.hostile.conftest import finish, one_line_error, spawn, triage, wait_for
from triage.index.vectors import IndexedPassage
from triage.runtime import open_runtime

pytestmark = pytest.mark.processes

ROWS = 300
SLOW = {"TRIAGE_INDEX__UPSERT_BATCH": "1"}
NOTE = "NOTE OF VISIT\n\nAttendance has risen to 95.1%, above the national figure, this term.\n"


def slow_csv(path: Path, rows: int = ROWS) -> Path:
    lines = [f"attendance_pct,{90 + i % 10}.0,94.5,{1900 + i}/{i % 100:02d}" for i in range(rows)]
    path.write_text("indicator,value,national,year\n" + "\n".join(lines) + "\n")
    return path


def note(path: Path, text: str = NOTE) -> Path:
    path.write_text(text)
    return path


def writing(data: Path, suffix: str = ".csv") -> bool:
    """The write has begun: the copy of the file is under files/."""
    files = data / "files"
    return files.exists() and any(p.suffix == suffix for p in files.rglob("*"))


def has_children(pid: int) -> bool:
    """Whether any thread of the process has started a child (a batch parses in a thread of
    its own); a thread that ends while it is looked at is passed over."""
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            if (task / "children").read_text().split():
                return True
        except OSError:
            continue
    return False


def stored(data: Path) -> tuple[list[tuple[str, str]], set[int], set[int]]:
    """(school, source) of current documents, their passage ids, and the ids the vectors hold."""
    with open_runtime(make_settings(data)) as runtime:
        with sqlite3.connect(data / "triage.db") as db:
            docs = db.execute(
                "SELECT school_urn, source FROM documents WHERE status = 'current' ORDER BY id"
            ).fetchall()
            ids = {
                row[0]
                for row in db.execute(
                    "SELECT p.id FROM passages p JOIN documents d ON p.document_id = d.id "
                    "WHERE d.status = 'current'"
                )
            }
        return docs, ids, runtime.index.dense_ids()


def files_under(data: Path) -> list[str]:
    root = data / "files"
    return sorted(p.name for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_commands_started_together_on_a_fresh_data_dir_all_succeed(tmp_path: Path) -> None:
    # The index's first opening alone is raced many times over in test_index_opening.py.
    for trial in range(1):
        data = tmp_path / f"data-{trial}"
        notes = [note(tmp_path / f"note-{trial}-{i}.txt", NOTE + f"Visit {i}.\n") for i in range(3)]
        started = [
            spawn(data, "ingest", str(n), "--school", f"10000{i}") for i, n in enumerate(notes)
        ]
        started.append(spawn(data, "schools"))
        for process in started:
            code, output = finish(process)
            assert code == 0 and "Traceback" not in output, output
        docs, ids, held = stored(data)
        assert sorted(school for school, _ in docs) == ["100000", "100001", "100002"]
        assert ids == held


def test_the_same_file_ingested_by_two_at_once_is_stored_once(tmp_path: Path, data: Path) -> None:
    csv = slow_csv(tmp_path / "indicators.csv", rows=120)
    assert triage(data, "db", "upgrade").exit_code == 0
    both = [spawn(data, "ingest", str(csv), "--school", "100001", env=SLOW) for _ in range(2)]
    outputs = [finish(p) for p in both]
    assert [code for code, _ in outputs] == [0, 0], outputs
    summary = sorted([line for line in o.splitlines() if line.strip()][-1] for _, o in outputs)
    assert summary == [
        "0 ingested, 0 new versions, 1 unchanged, 0 refused",
        "1 ingested, 0 new versions, 0 unchanged, 0 refused",
    ], outputs
    docs, ids, held = stored(data)
    assert docs == [("100001", "indicators.csv")] and ids == held


def test_doctor_and_other_writers_during_a_long_ingest(tmp_path: Path, data: Path) -> None:
    """Plain doctor sees no false drift, `--repair` takes nothing from the ingest, and a second
    ingest and a proposal wait their turn; the long ingest ends with every passage indexed."""
    assert (
        triage(data, "ingest", str(note(tmp_path / "other.txt")), "--school", "100003").exit_code
        == 0
    )
    csv = slow_csv(tmp_path / "indicators.csv")
    long = spawn(data, "ingest", str(csv), "--school", "100001", env=SLOW)
    wait_for(lambda: writing(data), what="the long ingest to begin writing")
    during = {
        "doctor": spawn(data, "doctor"),
        "repair": spawn(data, "doctor", "--repair"),
        "ingest": spawn(data, "ingest", str(note(tmp_path / "second.txt")), "--school", "100002"),
        "propose": spawn(data, "propose", "100003", "--json"),
    }
    code, output = finish(long)
    assert code == 0 and "1 ingested" in output, output
    for name, process in during.items():
        code, output = finish(process)
        assert code == 0 and "Traceback" not in output, f"{name}: {output}"
        if name in ("doctor", "repair"):
            assert "nothing left behind" in output, output
    docs, ids, held = stored(data)
    assert sorted(school for school, _ in docs) == ["100001", "100002", "100003"]
    assert len(ids) >= ROWS and ids == held
    with sqlite3.connect(data / "triage.db") as db:
        assert db.execute("SELECT count(*) FROM proposals").fetchone() == (1,)


def _hold_write_lock(
    database: Path, seconds: float, held: threading.Event, release: threading.Event | None = None
) -> None:
    """Another process in the middle of a long write transaction: for `seconds`, or until
    `release` is set."""
    holder = sqlite3.connect(database, timeout=60)
    holder.execute("BEGIN IMMEDIATE")
    held.set()
    if release is None:
        time.sleep(seconds)
    else:
        release.wait(seconds)
    holder.rollback()
    holder.close()


def test_writers_wait_their_turn_beyond_ten_seconds(tmp_path: Path, data: Path) -> None:
    assert (
        triage(data, "ingest", str(note(tmp_path / "a.txt")), "--school", "100001").exit_code == 0
    )
    held = threading.Event()
    # Long enough that commands still starting (loading the model takes a while on a busy
    # machine) meet the lock with more than ten seconds of it left.
    holder = threading.Thread(target=_hold_write_lock, args=(data / "triage.db", 40, held))
    holder.start()
    held.wait()
    ingest = spawn(
        data, "ingest", str(note(tmp_path / "b.txt", NOTE + "More.\n")), "--school", "100002"
    )
    propose = spawn(data, "propose", "100001", "--json")
    ingested, proposed = finish(ingest), finish(propose)
    holder.join()
    assert ingested[0] == 0 and "1 ingested" in ingested[1], ingested
    assert proposed[0] == 0, proposed
    with sqlite3.connect(data / "triage.db") as db:
        assert db.execute("SELECT count(*) FROM proposals").fetchone() == (1,)


def test_a_writer_that_waits_too_long_says_to_try_again_and_keeps_its_proposal(
    tmp_path: Path, data: Path
) -> None:
    assert (
        triage(data, "ingest", str(note(tmp_path / "a.txt")), "--school", "100001").exit_code == 0
    )
    held = threading.Event()
    release = threading.Event()  # held until both have given up
    holder = threading.Thread(
        target=_hold_write_lock, args=(data / "triage.db", 600, held, release)
    )
    holder.start()
    held.wait()
    impatient = {"TRIAGE_WRITE_WAIT_S": "1"}
    ingest = spawn(
        data,
        "ingest",
        str(note(tmp_path / "b.txt", NOTE + "More.\n")),
        "--school",
        "100002",
        env=impatient,
    )
    propose = spawn(data, "propose", "100001", "--json", env=impatient)
    (code, output), (p_code, p_output) = finish(ingest), finish(propose)
    release.set()
    holder.join()
    assert code == 1
    one_line_error(output, "the database is busy")
    assert "try again" in output
    assert p_code == 1
    one_line_error(p_output, "the proposal above was not stored")
    assert '"category"' in p_output  # the finished proposal is shown, not thrown away


def test_kill_9_in_the_middle_of_a_write_is_reported_by_doctor_and_repaired(
    tmp_path: Path, data: Path
) -> None:
    assert (
        triage(data, "ingest", str(note(tmp_path / "a.txt")), "--school", "100002").exit_code == 0
    )
    long = spawn(
        data, "ingest", str(slow_csv(tmp_path / "rows.csv")), "--school", "100001", env=SLOW
    )
    wait_for(lambda: writing(data), what="the write to begin")
    time.sleep(1.0)  # some vectors written
    long.send_signal(signal.SIGKILL)
    assert finish(long)[0] == -signal.SIGKILL
    assert len(files_under(data)) == 2  # the killed write's copy is still there
    found = triage(data, "doctor")
    assert found.exit_code == 1, found.output
    assert "extra in it" in found.output and "1 files under files/" in found.output
    repaired = triage(data, "doctor", "--repair")
    assert repaired.exit_code == 0 and "repaired" in repaired.output, repaired.output
    searched = triage(data, "search", "100002", "attendance", "--json")
    assert searched.exit_code == 0, searched.output
    assert json.loads(searched.output)
    docs, ids, held = stored(data)
    assert docs == [("100002", "a.txt")] and ids == held
    assert len(files_under(data)) == 1
    schools = triage(data, "schools")
    assert "100001" not in schools.output


@pytest.mark.parametrize("moment", ["reading", "writing"])
def test_ctrl_c_stops_cleanly_and_leaves_nothing(tmp_path: Path, data: Path, moment: str) -> None:
    assert triage(data, "db", "upgrade").exit_code == 0
    long = spawn(
        data, "ingest", str(slow_csv(tmp_path / "rows.csv")), "--school", "100001", env=SLOW
    )
    if moment == "writing":
        wait_for(lambda: writing(data), what="the write to begin")
        time.sleep(0.5)
    else:  # the parser's child process exists: the file is being read, parsed or embedded
        wait_for(lambda: has_children(long.pid), what="the parser to start")
    long.send_signal(signal.SIGINT)
    code, output = finish(long)
    assert code == 130 and "Traceback" not in output, output
    assert [line for line in output.splitlines() if "interrupted" in line] == ["interrupted"]
    docs, ids, held = stored(data)
    assert docs == [] and ids == set() and held == set()
    assert files_under(data) == []
    assert "100001" not in triage(data, "schools").output


def test_kill_9_during_a_corpus_leaves_no_school_without_documents(
    tmp_path: Path, data: Path
) -> None:
    root = tmp_path / "corpus"
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    note(root / "a" / "note.txt")
    slow_csv(root / "b" / "rows.csv")
    (root / "manifest.yaml").write_text(
        "format: triage-eval/1\nschools:\n"
        "  - urn: 100001\n    name: Hill\n    phase: primary\n"
        "    documents: [{path: a/note.txt, kind: visit_note}]\n"
        "  - urn: 100002\n    name: Dale\n    phase: primary\n"
        "    documents: [{path: b/rows.csv, kind: indicators}]\n"
    )
    long = spawn(data, "ingest-corpus", str(root), env=SLOW)
    wait_for(lambda: writing(data), what="the second school's write to begin")
    long.send_signal(signal.SIGKILL)
    finish(long)
    # The two files are one chunk, stored as one unit: killed in its write, neither school
    # holds a document and neither is listed.
    schools = triage(data, "schools")
    assert schools.exit_code == 0
    assert "100001" not in schools.output and "100002" not in schools.output, schools.output
    found = triage(data, "doctor")  # what the killed write left: its copies, perhaps vectors
    assert found.exit_code == 1 and "2 files under files/" in found.output, found.output
    assert "0 schools with no documents" in found.output
    assert triage(data, "doctor", "--repair").exit_code == 0
    again = triage(data, "ingest-corpus", str(root))  # nothing was acknowledged: run it again
    assert again.exit_code == 0, again.output
    listed = triage(data, "schools").output
    assert "100001" in listed and "100002" in listed, listed
    assert triage(data, "doctor").exit_code == 0


def test_doctor_reports_every_kind_of_leftover_and_repair_clears_it(
    tmp_path: Path, data: Path
) -> None:
    assert (
        triage(data, "ingest", str(note(tmp_path / "a.txt")), "--school", "100001").exit_code == 0
    )
    stray = data / "files" / "ff" / ("f" * 64 + ".txt")
    stray.parent.mkdir(parents=True)
    stray.write_text("a copy no document names")
    with sqlite3.connect(data / "triage.db") as db:
        db.execute("INSERT INTO schools (urn) VALUES ('100009')")
    with open_runtime(make_settings(data)) as runtime:
        orphan = IndexedPassage(
            id=99_999,
            school="100001",
            document_id=99,
            kind="sef",
            page=None,
            text="a passage no document holds",
        )
        runtime.index.add([orphan])
    (data / "bm25" / "NOT A URN").mkdir(parents=True)
    found = triage(data, "doctor")
    assert found.exit_code == 1, found.output
    for leftover in (
        "1 extra in it",
        "1 stray keyword directories",
        "1 files under files/ that no document names",
        "1 schools with no documents and nothing else recorded",
    ):
        assert leftover in found.output, found.output
    repaired = triage(data, "doctor", "--repair")
    assert repaired.exit_code == 0 and "repaired" in repaired.output, repaired.output
    assert not stray.exists()
    assert "100009" not in triage(data, "schools").output
    assert os.listdir(data / "bm25") == ["100001"]
