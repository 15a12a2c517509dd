"""The keyword index is keyed so that no two URNs share a directory, and doctor is stable."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import FIXTURES
from triage.cli import app
from triage.index.drift import find_drift, repair_drift
from triage.index.keywords import KeywordIndex, school_dir_name, urn_of_dir_name
from triage.intake.ingestion import ingest_file
from triage.runtime import Runtime
from triage.store.models import School

LOOK_ALIKES = [("100.1", "100_1"), ("A1", "a1"), ("x y", "x_y"), ("_20", " ")]


@pytest.mark.parametrize(("one", "other"), LOOK_ALIKES)
def test_urns_that_looked_alike_get_their_own_directories(
    tmp_path: Path, one: str, other: str
) -> None:
    assert school_dir_name(one) != school_dir_name(other)
    assert school_dir_name(one).lower() != school_dir_name(other).lower()  # case-blind disks
    keywords = KeywordIndex(tmp_path)
    keywords.rebuild(one, [(1, "attendance is below national")])
    keywords.rebuild(other, [(2, "behaviour is good")])
    assert (keywords.ids(one), keywords.ids(other)) == ({1}, {2})
    assert keywords.schools() == sorted([one, other])
    assert urn_of_dir_name(school_dir_name(one)) == one


def test_a_directory_no_urn_maps_to_is_a_stray(tmp_path: Path) -> None:
    keywords = KeywordIndex(tmp_path)
    keywords.rebuild("900001", [(1, "text")])
    (tmp_path / "100_1").mkdir()  # the old naming of "100.1" and "100_1" alike
    assert keywords.schools() == ["900001"]
    assert [p.name for p in keywords.strays()] == ["100_1"]
    keywords.remove_strays()
    assert keywords.strays() == [] and keywords.ids("900001") == {1}


def test_doctor_repairs_a_keyword_index_left_by_the_old_naming_once_and_for_all(
    runtime: Runtime,
) -> None:
    ingest_file(runtime, FIXTURES / "visit-note.txt", urn="A1")
    bm25 = runtime.settings.bm25_dir
    shutil.move(bm25 / school_dir_name("A1"), bm25 / "A1")  # as the old naming left it
    drift = find_drift(runtime)
    assert drift.stale_sparse == ["A1"] and drift.stray_sparse == ["A1"]
    repair_drift(runtime, drift)
    assert find_drift(runtime).clean
    assert find_drift(runtime).clean  # and it stays so: no flipping between two schools


def test_a_urn_that_is_not_a_plain_identifier_is_refused_at_the_cli(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = CliRunner().invoke(
        app,
        ["--data-dir", str(data), "ingest", str(FIXTURES / "visit-note.txt"), "--school", "100.1"],
    )
    assert result.exit_code == 1
    assert "'100.1' is not a school URN: use letters and digits only" in result.output
    assert "Traceback" not in result.output
    search = CliRunner().invoke(app, ["--data-dir", str(data), "search", "../../x", "query"])
    assert search.exit_code == 1 and "is not a school URN" in search.output


def test_the_product_refuses_a_bad_urn_whatever_calls_it(runtime: Runtime) -> None:
    from ingest.errors import InvalidUrnError

    with pytest.raises(InvalidUrnError, match="at most 32 characters"):
        ingest_file(runtime, FIXTURES / "visit-note.txt", urn="9" * 300)
    with runtime.store.session() as session:
        assert session.query(School).count() == 0


def test_many_queries_at_once_rank_as_each_asked_alone(tmp_path: Path) -> None:
    keywords = KeywordIndex(tmp_path)
    keywords.rebuild(
        "900001",
        [
            (1, "Attendance is below the national figure and persistent absence is rising."),
            (2, "Behaviour in lessons is calm; pupils attend well."),
            (3, "Governors hold leaders to account for the curriculum."),
            (4, "Safeguarding is effective and leaders act on concerns."),
        ],
    )
    queries = ["attendance absence", "the and of", "curriculum governors", "zebra quasar", ""]
    many = keywords.query_many("900001", queries, n=3)
    assert many == [keywords.query("900001", q, n=3) for q in queries]
    assert [pid for pid, _ in many[0]][:1] == [1] and many[1] == many[3] == []
    assert keywords.query_many("nobody", queries, n=3) == [[] for _ in queries]
