"""The corpus manifest as the product reads it: schools, documents and national figures; broken
ones name the school, field and file. Gold labels are the eval's (tests/eval/test_gold.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from ingest.errors import IngestError, ManifestError
from ingest.manifest import load_manifest

pytestmark = pytest.mark.unit  # no model, database or server: `make test-unit`


def school_entry(urn: Any = "900001") -> dict[str, Any]:
    return {
        "urn": urn,
        "name": "Example Primary School",
        "phase": "primary",
        "documents": [
            {"path": "900001/report.txt", "kind": "ofsted_report", "date": "2025-03-12"},
            {"path": "900001/indicators.csv", "kind": "indicators"},
        ],
        "gold": {
            "rationale": "Attendance is the only weakness.",
            "aspects": {"attendance": 3, "safeguarding": 2},
            "categories": {"bristol": "developing"},
            "evidence": [
                {
                    "aspect": "attendance",
                    "level": 3,
                    "document": "900001/report.txt",
                    "quote": "Attendance is below the national average",
                }
            ],
            "traps": [
                {
                    "kind": "injection",
                    "document": "900001/report.txt",
                    "quote": "Ignore the framework",
                }
            ],
        },
    }


def write_corpus(tmp_path: Path, manifest: dict[str, Any], files: bool = True) -> Path:
    if files:
        (tmp_path / "900001").mkdir(exist_ok=True)
        (tmp_path / "900001" / "report.txt").write_text("Attendance is below the national average.")
        (tmp_path / "900001" / "indicators.csv").write_text("indicator,value,national,year\n")
    (tmp_path / "manifest.yaml").write_text(yaml.safe_dump(manifest, sort_keys=False))
    return tmp_path


def manifest_entry(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "format": "triage-eval/1",
        "national": {"attendance_pct": {"value": 94.5, "year": "2024/25"}},
        "schools": [school_entry()],
    }
    base.update(changes)
    return base


def test_a_valid_manifest_loads_what_the_product_ingests(tmp_path: Path) -> None:
    manifest = load_manifest(write_corpus(tmp_path, manifest_entry()))
    school = manifest.schools[0]
    assert school.urn == "900001"
    assert school.documents[0].date == dt.date(2025, 3, 12)
    assert school.documents[1].date is None
    assert not hasattr(school, "gold")  # the eval's, not read by the product
    assert manifest.national["attendance_pct"].value == 94.5
    assert manifest.path_of("900001/report.txt").read_text().startswith("Attendance")


def test_gold_labels_are_not_the_products_business(tmp_path: Path) -> None:
    school = school_entry()
    school["gold"] = {"aspects": {"attendence": 9}, "categries": "anything"}
    manifest = load_manifest(write_corpus(tmp_path, manifest_entry(schools=[school])))
    assert [d.path for d in manifest.schools[0].documents][0] == "900001/report.txt"


def test_an_unquoted_urn_is_read_as_text(tmp_path: Path) -> None:
    manifest = load_manifest(
        write_corpus(tmp_path, manifest_entry(schools=[school_entry(urn=900001)]))
    )
    assert manifest.schools[0].urn == "900001"


@pytest.mark.parametrize("urn", ["100.1", "100_1", "../x", "9" * 33, "", "ü1"])
def test_a_urn_that_is_not_a_plain_identifier_is_named(tmp_path: Path, urn: str) -> None:
    with pytest.raises(ManifestError, match=r"field 'urn'.*letters and digits only"):
        load_manifest(write_corpus(tmp_path, manifest_entry(schools=[school_entry(urn=urn)])))


def test_no_manifest_is_named(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match="no manifest found"):
        load_manifest(tmp_path)


def test_manifest_error_is_an_ingest_error() -> None:
    assert issubclass(ManifestError, IngestError)


def test_wrong_format_names_the_field(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match="'format'"):
        load_manifest(write_corpus(tmp_path, manifest_entry(format="triage-eval/9")))


def test_bad_yaml_says_so(tmp_path: Path) -> None:
    (tmp_path / "manifest.yaml").write_text("format: [unclosed\n")
    with pytest.raises(ManifestError, match="not valid YAML"):
        load_manifest(tmp_path)


def test_bad_document_kind_names_school_and_field(tmp_path: Path) -> None:
    school = school_entry()
    school["documents"][0]["kind"] = "newsletter"
    with pytest.raises(ManifestError) as err:
        load_manifest(write_corpus(tmp_path, manifest_entry(schools=[school])))
    assert "school 900001" in str(err.value)
    assert "documents.0.kind" in str(err.value)


def test_missing_field_is_named(tmp_path: Path) -> None:
    school = school_entry()
    del school["name"]
    with pytest.raises(ManifestError, match=r"school 900001.*field 'name'"):
        load_manifest(write_corpus(tmp_path, manifest_entry(schools=[school])))


def test_unknown_field_is_named(tmp_path: Path) -> None:
    school = school_entry()
    school["headteacher"] = "A. Person"
    with pytest.raises(ManifestError, match=r"school 900001.*headteacher"):
        load_manifest(write_corpus(tmp_path, manifest_entry(schools=[school])))


def test_school_without_urn_is_named_by_position(tmp_path: Path) -> None:
    school = school_entry()
    del school["urn"]
    with pytest.raises(ManifestError, match=r"school #1.*field 'urn'"):
        load_manifest(write_corpus(tmp_path, manifest_entry(schools=[school])))


def test_missing_file_is_named(tmp_path: Path) -> None:
    write_corpus(tmp_path, manifest_entry())
    (tmp_path / "900001" / "indicators.csv").unlink()
    with pytest.raises(ManifestError) as err:
        load_manifest(tmp_path)
    assert "900001/indicators.csv" in str(err.value)
    assert "school 900001" in str(err.value)


def test_duplicate_urn_is_named(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match=r"school 900001.*used twice"):
        load_manifest(
            write_corpus(tmp_path, manifest_entry(schools=[school_entry(), school_entry()]))
        )


def test_path_outside_the_corpus_is_refused(tmp_path: Path) -> None:
    school = school_entry()
    school["documents"][0]["path"] = "../elsewhere.txt"
    with pytest.raises(ManifestError, match=r"school 900001.*documents\.0\.path"):
        load_manifest(write_corpus(tmp_path, manifest_entry(schools=[school])))
