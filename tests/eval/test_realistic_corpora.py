"""The realistic corpora (eval/corpora/real-tuned and real-holdout): every manifest path exists,
every gold quote is on its cited page as the project's own reader extracts it, each half covers
every category of every framework, and the committed files are what the generator writes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from eval.gold import load_gold_manifest
from eval.realistic.build import CORPORA, ROOT, render
from eval.realistic.check import check_corpus, collapse, read_pages
from eval.realistic.model import FRAMEWORK_CATEGORIES

FRAMEWORKS = Path(__file__).resolve().parents[2] / "triage" / "frameworks"
HALVES = sorted(CORPORA)


@pytest.mark.parametrize("half", HALVES)
def test_the_corpus_passes_every_check(half: str) -> None:
    assert check_corpus(ROOT / half) == []


@pytest.mark.parametrize("half", HALVES)
def test_every_gold_quote_is_on_its_page(half: str) -> None:
    manifest = load_gold_manifest(ROOT / half)
    for school in manifest.schools:
        assert all(manifest.path_of(doc.path).is_file() for doc in school.documents)
        for item in school.gold.evidence:
            pages = dict(read_pages(manifest.path_of(item.document)))
            assert item.page in pages, (school.urn, item.document, item.page)
            assert collapse(item.quote) in collapse(pages[item.page]), (school.urn, item.quote)


@pytest.mark.parametrize("half", HALVES)
def test_each_half_covers_every_category_of_every_framework(half: str) -> None:
    manifest = load_gold_manifest(ROOT / half)
    assert len(manifest.schools) == 14
    for framework, categories in FRAMEWORK_CATEGORIES.items():
        used = {school.gold.categories[framework] for school in manifest.schools}
        assert used == set(categories), framework


def test_category_ids_match_the_framework_files() -> None:
    for framework, categories in FRAMEWORK_CATEGORIES.items():
        data = yaml.safe_load((FRAMEWORKS / f"{framework}.yaml").read_text(encoding="utf-8"))
        assert tuple(c["id"] for c in data["categories"]) == categories


@pytest.mark.parametrize("half", HALVES)
def test_each_half_has_two_independent_schools_and_every_phase(half: str) -> None:
    schools = CORPORA[half]
    independent = [
        s for s in schools if dict(s.details).get("School status") == "Independent school"
    ]
    assert len(independent) >= 2
    assert {s.phase for s in schools} >= {
        "primary",
        "secondary",
        "special",
        "nursery",
        "all-through",
        "pru",
    }


@pytest.mark.parametrize("half", HALVES)
def test_the_committed_files_are_what_the_generator_writes(half: str) -> None:
    for school in CORPORA[half]:
        for doc in school.documents:
            path = ROOT / half / school.urn / doc.file
            assert path.read_bytes() == render(school, doc), path
