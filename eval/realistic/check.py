"""Checks on a generated corpus, run by the build and by the tests.

Every manifest path exists; every gold quote is on its cited page as the project's own reader
extracts it (after collapsing runs of white space); no gold quote is template wording or appears in
another school's documents; each half has every category of every framework; each school has 3-6
documents, 4-10 evidence items and a category for all four frameworks.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from eval.gold import GoldManifest, load_gold_manifest
from eval.realistic import templates, templates_independent
from eval.realistic.model import FRAMEWORK_CATEGORIES
from ingest.reader import ReadOptions, file_format, parse_bytes

Pages = list[tuple[int | None, str]]


def collapse(text: str) -> str:
    return " ".join(text.split())


def read_pages(path: Path) -> Pages:
    """The page texts the project's reader gives for a file (pages 1-based; None when unpaged)."""
    parsed = parse_bytes(
        path.read_bytes(),
        source=path.name,
        fmt=file_format(path),
        kind=None,
        date=None,
        options=ReadOptions(),
    )
    return [(page.number, page.text) for page in parsed.pages]


def template_texts() -> list[str]:
    """Every fixed string of the report templates, collapsed."""
    found: list[str] = []
    for module in (templates, templates_independent):
        for name, value in vars(module).items():
            if not name.isupper():
                continue
            found.extend(collapse(text) for text in _strings(value))
    return found


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def check_corpus(folder: Path) -> list[str]:
    """Problems found in one corpus folder; an empty list when it is sound."""
    manifest = load_gold_manifest(folder)  # raises when a listed file is missing
    texts = {
        doc.path: read_pages(manifest.path_of(doc.path))
        for school in manifest.schools
        for doc in school.documents
    }
    problems = _quotes_on_pages(manifest, texts)
    problems += _quotes_own_and_not_template(manifest, texts)
    problems += _shape(manifest)
    problems += _coverage(manifest)
    return problems


def _quotes_on_pages(manifest: GoldManifest, texts: dict[str, Pages]) -> list[str]:
    problems = []
    for school in manifest.schools:
        for item in school.gold.evidence:
            pages = dict(texts[item.document])
            if item.page not in pages:
                problems.append(f"{school.urn}: {item.document} has no page {item.page}")
            elif collapse(item.quote) not in collapse(pages[item.page]):
                problems.append(
                    f"{school.urn}: quote not on {item.document} page {item.page}: {item.quote!r}"
                )
    return problems


def _quotes_own_and_not_template(manifest: GoldManifest, texts: dict[str, Pages]) -> list[str]:
    fixed = template_texts()
    by_school = {
        school.urn: " ".join(
            collapse(text) for doc in school.documents for _, text in texts[doc.path]
        )
        for school in manifest.schools
    }
    problems = []
    for school in manifest.schools:
        for item in school.gold.evidence:
            quote = collapse(item.quote)
            if any(quote in text or (len(text) > 30 and text in quote) for text in fixed):
                problems.append(f"{school.urn}: quote is template wording: {item.quote!r}")
            others = [urn for urn, text in by_school.items() if urn != school.urn and quote in text]
            if others:
                problems.append(f"{school.urn}: quote also in {', '.join(others)}: {item.quote!r}")
    return problems


def _shape(manifest: GoldManifest) -> list[str]:
    problems = []
    for school in manifest.schools:
        if not 3 <= len(school.documents) <= 6:
            problems.append(f"{school.urn}: {len(school.documents)} documents, not 3-6")
        if not 4 <= len(school.gold.evidence) <= 10:
            problems.append(f"{school.urn}: {len(school.gold.evidence)} evidence items, not 4-10")
        if set(school.gold.categories) != set(FRAMEWORK_CATEGORIES):
            problems.append(f"{school.urn}: gold categories missing for some framework")
        for framework, category in school.gold.categories.items():
            if category not in FRAMEWORK_CATEGORIES.get(framework, ()):
                problems.append(f"{school.urn}: {category!r} is not a {framework} category")
        if not school.gold.rationale:
            problems.append(f"{school.urn}: no rationale")
    return problems


def _coverage(manifest: GoldManifest) -> list[str]:
    problems = []
    for framework, categories in FRAMEWORK_CATEGORIES.items():
        used = {school.gold.categories.get(framework) for school in manifest.schools}
        missing = [category for category in categories if category not in used]
        if missing:
            problems.append(f"{framework}: no school in {', '.join(missing)}")
    return problems
