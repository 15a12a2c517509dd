"""Any valid folder must work: corpora built from the tiny corpus's real files, run through the
real pipeline and every --compare configuration.

One corpus holds the awkward cases together (a folder name with a space, a school with only a
CSV, a school with no gold category, gold for one framework only); another holds one school.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from eval.report import compare_markdown, render_html
from eval.runner import EvalError, run_eval
from tests.conftest import make_settings

TINY = Path(__file__).parent.parent / "fixtures" / "eval_tiny"

CSV = """indicator,value,national,year
attendance_pct,89.1,94.5,2024/25
persistent_absence_pct,31.0,17.6,2024/25
"""

MANIFEST = """format: triage-eval/1
schools:
  - urn: "910001"
    name: Alder Primary School
    phase: primary
    documents:
      - {path: Alder Primary/ofsted-2024-03.pdf, kind: ofsted_report, date: 2024-03-06}
      - {path: Alder Primary/visit-note-2025-10.md, kind: visit_note}
      - {path: Alder Primary/indicators.csv, kind: indicators}
    gold:
      aspects: {curriculum_teaching: 2, attendance: 3}
      categories: {bristol: established}
      evidence:
        - aspect: curriculum_teaching
          level: 2
          document: Alder Primary/ofsted-2024-03.pdf
          page: 1
          quote: "The quality of education is good."
  - urn: "910004"
    name: Elm Pupil Referral Unit
    phase: pru
    documents:
      - {path: only csv/indicators.csv, kind: indicators}
    gold:
      aspects: {attendance: 4}
      categories: {bristol: developing}
  - urn: "910003"
    name: Cedar Nursery School
    phase: nursery
    documents:
      - {path: 910003/visit-note-2025-11.txt, kind: visit_note}
    gold:
      aspects: {early_years: 3}
"""


def _awkward_corpus(root: Path) -> Path:
    shutil.copytree(TINY / "910001", root / "Alder Primary")
    shutil.copytree(TINY / "910003", root / "910003")
    (root / "only csv").mkdir()
    (root / "only csv" / "indicators.csv").write_text(CSV)
    (root / "manifest.yaml").write_text(MANIFEST)
    return root


@pytest.fixture(scope="module")
def awkward(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path, list[str]]:
    base = tmp_path_factory.mktemp("awkward")
    corpus = _awkward_corpus(base / "my corpus")
    stages: list[str] = []
    report = run_eval(
        corpus,
        compare=True,
        repeats=2,
        check_answers=False,
        settings=make_settings(base / "user data"),
        progress=lambda stage, done, total: stages.append(stage),
    )
    return report, base / "user data", stages


def test_compare_runs_every_configuration(awkward: tuple[dict[str, Any], Path, list[str]]) -> None:
    report, user_dir, _ = awkward
    rows = report["compare"]
    assert [r["config"] for r in rows] == ["default", "dense", "bm25", "naive-rag"]
    assert all(r["citation_rate"] == 1.0 for r in rows)
    assert all(set(r["accuracy"]) == {"bristol"} for r in rows)
    # The default row is the report itself.
    assert rows[0]["accuracy"]["bristol"] == report["frameworks"]["bristol"]["accuracy"]
    assert not user_dir.exists()
    table = compare_markdown(rows)
    assert table.startswith("| measure | default (hybrid) | dense | bm25 | naive-rag |")
    assert "| accuracy bristol |" in table and "naive-rag: naive LangChain RAG" in table


def test_gold_for_one_framework_only_evaluates_that_framework(
    awkward: tuple[dict[str, Any], Path, list[str]],
) -> None:
    report = awkward[0]
    assert list(report["frameworks"]) == ["bristol"]
    # The nursery has no gold category: not in the category figures, still in the aspects.
    assert set(report["frameworks"]["bristol"]["per_school"]) == {"910001", "910004"}
    assert report["aspects"]["n"] == 4
    assert "early_years" in report["aspects"]["per_aspect"]


def test_paths_with_spaces_and_a_csv_only_school(
    awkward: tuple[dict[str, Any], Path, list[str]],
) -> None:
    report = awkward[0]
    assert report["corpus"] == {"schools": 3, "documents": 5, "pages": 6}
    # The gold quote sits in "Alder Primary/..."; citing it needs the path to survive ingest.
    assert report["evidence"]["recall"] == 1.0
    # Data alone evidence too few aspects to place the school: it is read, and not placed.
    assert report["frameworks"]["bristol"]["per_school"]["910004"] == {
        "gold": report["frameworks"]["bristol"]["per_school"]["910004"]["gold"],
        "predicted": None,
        "abstained": True,
    }
    csv_aspect = report["aspects"]["per_aspect"]["attendance"]
    assert csv_aspect["coverage"] == 1.0  # attendance rated at both schools, one from a CSV alone
    assert report["stability"]["runs"] == 2


def test_the_repeat_runs_in_a_fresh_process_and_gives_the_same_bytes(
    awkward: tuple[dict[str, Any], Path, list[str]],
) -> None:
    stable = awkward[0]["stability"]
    assert stable["fresh_processes"] == 1
    assert stable["share"] == 1.0 and stable["byte_identical"] == 1.0


def test_progress_reports_every_stage(awkward: tuple[dict[str, Any], Path, list[str]]) -> None:
    stages = set(awkward[2])
    assert "ingesting documents" in stages
    assert {"default: proposing (run 1)", "default: proposing (run 2)"} <= stages
    assert {"dense: proposing", "bm25: proposing", "naive-rag: proposing"} <= stages


def test_html_lists_each_school_against_gold(
    awkward: tuple[dict[str, Any], Path, list[str]],
) -> None:
    page = render_html(awkward[0])
    assert "Per school" in page and "910004 Elm Pupil Referral Unit" in page
    assert page.count("<svg") == 1
    assert "naive-rag: naive LangChain RAG" in page


def test_a_corpus_of_one_school_with_only_a_csv(tmp_path: Path) -> None:
    corpus = tmp_path / "one"
    (corpus / "only csv").mkdir(parents=True)
    (corpus / "only csv" / "indicators.csv").write_text(CSV)
    manifest = (
        MANIFEST[: MANIFEST.index('  - urn: "910001"')]
        + MANIFEST[MANIFEST.index('  - urn: "910004"') : MANIFEST.index('  - urn: "910003"')]
    )
    (corpus / "manifest.yaml").write_text(manifest)
    report = run_eval(
        corpus, repeats=1, check_answers=False, settings=make_settings(tmp_path / "data")
    )
    assert report["corpus"] == {"schools": 1, "documents": 1, "pages": 1}
    bristol = report["frameworks"]["bristol"]
    assert bristol["n"] == 1 and bristol["within_one"] is not None
    assert report["citations"]["rate"] in (None, 1.0)


def test_an_unknown_extractor_is_refused_before_ingest(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match=r"unknown extractor 'magic'; use one of: .*rules"):
        run_eval(TINY, extractor="magic", settings=make_settings(tmp_path / "data"))


def test_the_command_names_an_unknown_extractor_on_one_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from triage.cli import app

    result = CliRunner().invoke(
        app, ["--data-dir", str(tmp_path / "d"), "eval", str(TINY), "--extractor", "magic"]
    )
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "use one of:" in lines[0] and "rules" in lines[0]
