"""The eval's gold labels in a corpus manifest: every field validated, every error naming the
school and the field; the product's part of the manifest is read as the product reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.gold import load_gold_manifest
from ingest.errors import ManifestError
from tests.ingest.test_manifest import manifest_entry, school_entry, write_corpus

pytestmark = pytest.mark.unit  # no model, database or server: `make test-unit`


def test_gold_loads_with_every_field(tmp_path: Path) -> None:
    manifest = load_gold_manifest(write_corpus(tmp_path, manifest_entry()))
    school = manifest.schools[0]
    assert school.urn == "900001" and len(school.documents) == 2
    assert school.gold.aspects == {"attendance": 3, "safeguarding": 2}
    assert school.gold.categories == {"bristol": "developing"}
    assert school.gold.evidence[0].page is None
    assert school.gold.traps[0].kind == "injection"
    assert school.gold.rationale == "Attendance is the only weakness."


def test_unknown_aspect_names_school_and_field(tmp_path: Path) -> None:
    school = school_entry()
    school["gold"]["aspects"]["attendence"] = 3
    with pytest.raises(ManifestError) as err:
        load_gold_manifest(write_corpus(tmp_path, manifest_entry(schools=[school])))
    assert "school 900001" in str(err.value)
    assert "gold.aspects" in str(err.value)
    assert "attendence" in str(err.value)


def test_level_out_of_range_names_the_field(tmp_path: Path) -> None:
    school = school_entry()
    school["gold"]["evidence"][0]["level"] = 5
    with pytest.raises(ManifestError, match=r"school 900001.*gold\.evidence\.0\.level"):
        load_gold_manifest(write_corpus(tmp_path, manifest_entry(schools=[school])))


def test_unknown_gold_field_is_named(tmp_path: Path) -> None:
    school = school_entry()
    school["gold"]["categries"] = {"bristol": "developing"}
    with pytest.raises(ManifestError, match=r"school 900001.*gold\.categries"):
        load_gold_manifest(write_corpus(tmp_path, manifest_entry(schools=[school])))


def test_gold_citing_an_unlisted_document_is_named(tmp_path: Path) -> None:
    school = school_entry()
    school["gold"]["evidence"][0]["document"] = "900001/sef.docx"
    with pytest.raises(ManifestError, match=r"school 900001.*900001/sef\.docx"):
        load_gold_manifest(write_corpus(tmp_path, manifest_entry(schools=[school])))


def test_the_products_checks_hold_for_the_eval_too(tmp_path: Path) -> None:
    school = school_entry(urn="100.1")
    with pytest.raises(ManifestError, match=r"field 'urn'.*letters and digits only"):
        load_gold_manifest(write_corpus(tmp_path, manifest_entry(schools=[school])))
