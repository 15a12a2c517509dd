"""`triage propose` and stored proposals: identical JSON, side by side, batches, inputs hash."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from triage.cli import app
from triage.decide.proposals import (
    PROPOSED,
    inputs_hash,
    proposal_json,
    propose,
    stored_proposals,
)
from triage.extract.loading import load_school_evidence
from triage.extract.models import Proposal
from triage.frameworks.loader import FRAMEWORK_DIR, load_framework
from triage.intake.ingestion import ingest_file
from triage.runtime import Runtime

PIPELINE = Path(__file__).parent.parent / "fixtures" / "pipeline"
FRAMEWORKS = ["bristol", "buckinghamshire", "staffordshire", "surrey"]


def _run(runtime: Runtime, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["--data-dir", str(runtime.settings.data_dir), *args])
    return result.exit_code, result.stdout, result.stderr


def test_json_is_byte_identical_across_runs(demo_runtime: Runtime) -> None:
    first = _run(demo_runtime, "propose", "900003", "--framework", "bristol", "--json")
    second = _run(demo_runtime, "propose", "900003", "--framework", "bristol", "--json")
    assert first[0] == 0, first[2]
    assert first[1] == second[1]
    body = json.loads(first[1])
    for key in (
        "school",
        "framework",
        "category",
        "support_level",
        "scores",
        "evidence",
        "limiting_rules",
        "gaps",
        "conflicts",
    ):
        assert key in body
    assert body["school"] == "900003" and body["framework"] == "bristol"
    assert body["evidence"]
    for item in body["evidence"]:
        for key in ("characteristic", "aspect", "level", "stance", "document", "page", "quote"):
            assert key in item
        assert item["document"].startswith("900003/")


def test_framework_all_shows_the_four_side_by_side(demo_runtime: Runtime) -> None:
    code, out, err = _run(demo_runtime, "propose", "900004", "--framework", "all")
    assert code == 0, err
    assert "side by side" in out
    for framework in FRAMEWORKS:
        assert framework in out
    code, out, _ = _run(demo_runtime, "propose", "900004", "--framework", "all", "--json")
    body = json.loads(out)
    assert sorted(body) == FRAMEWORKS
    # A warning notice and unmet safeguarding force the gravest category everywhere.
    assert body["bristol"]["category"] == "causing-concern"
    assert body["staffordshire"]["category"] == "inadequate"


def test_readable_output_names_category_and_citations(demo_runtime: Runtime) -> None:
    code, out, err = _run(demo_runtime, "propose", "900001", "--framework", "bristol")
    assert code == 0, err
    assert "extending" in out
    assert "Characteristics met, with their citations" in out


def test_all_schools_runs_the_batch_with_a_progress_bar(demo_runtime: Runtime) -> None:
    code, out, err = _run(demo_runtime, "propose", "--all-schools", "--framework", "staffordshire")
    assert code == 0, err
    assert "proposing" in err
    assert "5/5" in err
    for urn in ("900001", "900002", "900003", "900004", "900005"):
        assert urn in out
    code, out, _ = _run(demo_runtime, "propose", "--all-schools", "--framework", "surrey", "--json")
    assert sorted(json.loads(out)) == [f"90000{i}/surrey" for i in range(1, 6)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["900001", "--framework", "narnia"], "narnia"),
        (["999999", "--framework", "bristol"], "999999"),
        ([], "URN"),
    ],
)
def test_unknown_framework_or_school_is_a_one_line_error(
    demo_runtime: Runtime, args: list[str], message: str
) -> None:
    code, out, err = _run(demo_runtime, "propose", *args)
    assert code != 0
    assert message in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert out == ""


def _ingest_school(runtime: Runtime, folder: Path) -> None:
    for name, kind, date in (
        ("sef-2025-10.md", "sef", dt.date(2025, 10, 6)),
        ("visit-note-2026-01.txt", "visit_note", dt.date(2026, 1, 20)),
        ("indicators-2024-25.csv", "indicators", dt.date(2025, 10, 1)),
    ):
        ingest_file(
            runtime,
            folder / name,
            urn="990003",
            kind=kind,  # type: ignore[arg-type]
            date=date,
            source=f"990003/{name}",
        )


def test_proposals_are_stored_with_status_and_inputs_hash(runtime: Runtime, tmp_path: Path) -> None:
    folder = tmp_path / "990003"
    shutil.copytree(PIPELINE / "990003", folder)
    _ingest_school(runtime, folder)
    first = propose(runtime, "990003", "bristol")
    again = propose(runtime, "990003", "bristol")
    assert again == first
    # The same proposal from unchanged inputs is the stored one, not another row.
    records = stored_proposals(runtime, "990003", "bristol")
    assert len(records) == 1
    assert records[0].status == PROPOSED
    assert len(records[0].inputs_hash) == 64
    assert json.loads(records[0].body)["category"] == first.category

    # A changed document is a new input: the next proposal carries a new hash.
    note = folder / "visit-note-2026-01.txt"
    note.write_text(note.read_text() + "\n5. Governance\nGovernors visit termly.\n")
    ingest_file(
        runtime, note, urn="990003", kind="visit_note", source="990003/visit-note-2026-01.txt"
    )
    propose(runtime, "990003", "bristol")
    newest = stored_proposals(runtime, "990003", "bristol")
    assert len(newest) == 2
    assert newest[0].inputs_hash != records[0].inputs_hash
    # Another framework over the same documents is another input too.
    propose(runtime, "990003", "surrey")
    surrey = stored_proposals(runtime, "990003", "surrey")
    assert surrey[0].inputs_hash != newest[0].inputs_hash


def test_propose_without_storing_leaves_no_record(runtime: Runtime, tmp_path: Path) -> None:
    folder = tmp_path / "990003"
    shutil.copytree(PIPELINE / "990003", folder)
    _ingest_school(runtime, folder)
    propose(runtime, "990003", "staffordshire", store=False)
    assert stored_proposals(runtime, "990003", "staffordshire") == []


def test_a_changed_framework_value_is_a_new_input(runtime: Runtime, tmp_path: Path) -> None:
    folder = tmp_path / "990003"
    shutil.copytree(PIPELINE / "990003", folder)
    _ingest_school(runtime, folder)
    original = propose(runtime, "990003", "bristol")
    # The same framework with the school's own claims given less authority.
    text = (FRAMEWORK_DIR / "bristol.yaml").read_text(encoding="utf-8")
    edited = tmp_path / "bristol.yaml"
    edited.write_text(text.replace("sef: 0.3,", "sef: 0.05,"), encoding="utf-8")
    changed = propose(runtime, "990003", str(edited))
    assert changed != original
    records = stored_proposals(runtime, "990003", "bristol")
    assert len(records) == 2 and records[0].inputs_hash != records[1].inputs_hash


def test_the_inputs_hash_names_the_lexicon_and_the_package(
    runtime: Runtime, tmp_path: Path
) -> None:
    folder = tmp_path / "990003"
    shutil.copytree(PIPELINE / "990003", folder)
    _ingest_school(runtime, folder)
    evidence = load_school_evidence(runtime, "990003")
    framework = load_framework("bristol")
    digest = inputs_hash(runtime, evidence, framework, extractor="rules", retrieval_mode="hybrid")
    assert digest == inputs_hash(
        runtime, evidence, framework, extractor="rules", retrieval_mode="hybrid"
    )
    assert digest != inputs_hash(
        runtime, evidence, framework, extractor="rules", retrieval_mode="sparse"
    )
    fewer = evidence.model_copy(update={"documents": evidence.documents[1:]})
    assert digest != inputs_hash(
        runtime, fewer, framework, extractor="rules", retrieval_mode="hybrid"
    )


# --- determinism across processes --------------------------------------------------------------


def _fresh(data_dir: Path, seed: int, urn: str, frameworks: list[str]) -> subprocess.Popen[str]:
    """`triage propose URN --framework F --json` for each F, started in one new interpreter with
    its own hash seed; it prints {F: stdout} as JSON."""
    script = (
        "import json, sys\n"
        "from typer.testing import CliRunner\n"
        "from triage.cli import app\n"
        f"args = ['--data-dir', {str(data_dir)!r}, 'propose', {urn!r}, '--json', '--framework']\n"
        f"out = {{f: CliRunner().invoke(app, args + [f]).stdout for f in {frameworks!r}}}\n"
        "sys.stdout.write(json.dumps(out))\n"
    )
    return subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": str(seed)},
    )


def _output(process: subprocess.Popen[str]) -> dict[str, str]:
    stdout, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr
    out: dict[str, str] = json.loads(stdout)
    return out


def test_proposals_are_byte_identical_across_fresh_interpreters(demo_runtime: Runtime) -> None:
    data_dir = demo_runtime.settings.data_dir
    # Both at once: two cores, and two readers of one data dir are what a server will have.
    started = [
        _fresh(data_dir, 0, "900002", ["all"]),
        _fresh(data_dir, 1, "900002", [*FRAMEWORKS, "all"]),
    ]
    first, second = (_output(p) for p in started)
    assert first["all"] == second["all"]
    together = json.loads(first["all"])
    assert sorted(together) == FRAMEWORKS
    # Asked for alone, in another interpreter with another hash seed, each framework gives the
    # bytes it has side by side with the others.
    for framework in FRAMEWORKS:
        alone = proposal_json(Proposal.model_validate(together[framework])) + "\n"
        assert second[framework] == alone, framework
