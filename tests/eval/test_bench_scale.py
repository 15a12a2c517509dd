"""`triage bench scale` on a tiny size: it builds the replicated corpus, runs every measurement
and prints each figure beside its baseline (the timings are the bench's, never asserted here)."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from eval.bench_scale import replicate_corpus
from ingest.manifest import load_manifest
from triage.cli import app

TINY = Path(__file__).resolve().parents[1] / "fixtures" / "eval_tiny"


def test_replicas_are_schools_of_their_own_with_enough_documents(tmp_path: Path) -> None:
    corpus = replicate_corpus(TINY, tmp_path / "corpus", documents=20)
    manifest = load_manifest(corpus)
    per_copy = sum(len(s.documents) for s in load_manifest(TINY).schools)
    assert sum(len(s.documents) for s in manifest.schools) >= 20
    assert len({s.urn for s in manifest.schools}) == len(manifest.schools)
    assert len(manifest.schools) % len(load_manifest(TINY).schools) == 0 and per_copy > 0
    assert "gold" not in yaml.safe_load((corpus / "manifest.yaml").read_text())["schools"][0]


def test_a_corpus_of_the_default_size_is_read_within_the_manifest_limits(tmp_path: Path) -> None:
    # Replicas written with YAML aliases would pass the aliases limit at a few hundred documents.
    corpus = replicate_corpus(TINY, tmp_path / "corpus", documents=300)
    assert "*" not in (corpus / "manifest.yaml").read_text()
    assert sum(len(s.documents) for s in load_manifest(corpus).schools) >= 300


def test_bench_scale_prints_every_figure_beside_its_baseline(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "--data-dir",
            str(tmp_path / "unused"),
            "bench",
            "scale",
            "--documents",
            "8",
            "--passages",
            "60,120",
            "--propose-schools",
            "2",
            "--source",
            str(TINY),
        ],
        env={"COLUMNS": "240"},  # each figure's name on one line of the table
    )
    assert result.exit_code == 0, result.output
    for figure in (
        "ingest throughput",
        "share of raw",
        "propose --framework all, warm p95",
        "first school of the process (cold)",
        "batch: 6 schools x 4 frameworks",
        "ask (none) p95 at",
        "dense + keyword queries alone",
        "load average",
        "embedding_s_per_passage",
        "projected: 20,000 schools",
        "embedding_hours",
        "workers",
    ):
        assert figure in result.output, figure
    assert not (tmp_path / "unused").exists() or not any((tmp_path / "unused").iterdir())
