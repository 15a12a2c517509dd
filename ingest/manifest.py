"""The corpus manifest (`triage-eval/1`): a folder of school files described by manifest.yaml.

The product reads what it ingests: the schools, their documents and national figures. The gold
labels beside them belong to the eval (`eval/gold.py`), which extends these models; here a school's
`gold` is left unread. The same format serves the project's own corpora and any corpus a user
brings, so every error names the school (by URN) and the field at fault, and every missing file by
its path.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ingest.errors import ManifestError
from ingest.models import Urn
from ingest.vocabulary import DocumentKind

FORMAT = "triage-eval/1"
MANIFEST_NAME = "manifest.yaml"
EVAL_ONLY = frozenset({"gold"})  # fields of a school that only the eval reads

Phase = Literal["nursery", "primary", "middle", "secondary", "special", "all-through", "pru"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NationalFigure(_Model):
    value: float
    year: str | None = None

    @field_validator("year", mode="before")
    @classmethod
    def _year_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int | float) else value


class ManifestDocument(_Model):
    path: str = Field(description="Relative to the manifest's folder")
    kind: DocumentKind
    date: dt.date | None = None

    @field_validator("path")
    @classmethod
    def _inside_corpus(cls, value: str) -> str:
        # A corpus is self-contained: a path may not reach outside the manifest's folder.
        if Path(value).is_absolute() or ".." in Path(value).parts:
            raise ValueError(f"{value!r} must be relative to the manifest, inside its folder")
        return value


class ManifestSchool(_Model):
    urn: Urn
    name: str
    phase: Phase
    documents: list[ManifestDocument] = Field(min_length=1)

    @field_validator("urn", mode="before")
    @classmethod
    def _urn_as_text(cls, value: Any) -> Any:
        # An unquoted URN reads as an int in YAML; it is still the same URN.
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class Manifest(_Model):
    format: Literal["triage-eval/1"]
    national: dict[str, NationalFigure] = Field(default_factory=dict)
    schools: list[ManifestSchool] = Field(min_length=1)
    root: Path = Field(description="The folder the manifest was read from")

    def path_of(self, relative: str) -> Path:
        return self.root / relative


M = TypeVar("M", bound=Manifest)


def load_manifest(folder: str | Path) -> Manifest:
    """Read and validate `folder/manifest.yaml`; every listed file must exist."""
    return read_manifest(folder, Manifest, ManifestSchool, ignore=EVAL_ONLY)


def read_manifest(
    folder: str | Path,
    manifest_model: type[M],
    school_model: type[ManifestSchool],
    *,
    ignore: frozenset[str] = frozenset(),
) -> M:
    """Read `folder/manifest.yaml` into these models, dropping the school fields in `ignore`."""
    root = Path(folder)
    file = root / MANIFEST_NAME
    if not file.is_file():
        raise ManifestError(f"{file}: no manifest found; an eval corpus needs a {MANIFEST_NAME}")
    raw = _read_yaml(file)
    _check_top(file, raw)
    schools = [
        _parse_school(file, i, entry, school_model, ignore)
        for i, entry in enumerate(raw["schools"])
    ]
    _check_unique(file, schools)
    try:
        manifest = manifest_model(
            format=raw["format"], national=raw.get("national") or {}, schools=schools, root=root
        )
    except ValidationError as exc:
        raise ManifestError(f"{file}: {_describe(exc)}") from None
    _check_files(file, manifest)
    return manifest


def _read_yaml(file: Path) -> dict[str, Any]:
    try:
        raw = yaml.safe_load(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ManifestError(f"{file}: not valid YAML ({exc}); fix the syntax") from None
    except UnicodeDecodeError:
        raise ManifestError(f"{file}: not UTF-8 text; save it as UTF-8") from None
    if not isinstance(raw, dict):
        raise ManifestError(f"{file}: the manifest must be a mapping with format and schools")
    return raw


def _check_top(file: Path, raw: dict[str, Any]) -> None:
    unknown = sorted(set(raw) - {"format", "national", "schools"})
    if unknown:
        raise ManifestError(f"{file}: unknown top-level field(s) {', '.join(unknown)}")
    if raw.get("format") != FORMAT:
        raise ManifestError(f"{file}: field 'format' must be {FORMAT!r}, not {raw.get('format')!r}")
    if not isinstance(raw.get("schools"), list) or not raw["schools"]:
        raise ManifestError(f"{file}: field 'schools' must be a non-empty list of schools")


def _parse_school(
    file: Path, index: int, entry: Any, model: type[ManifestSchool], ignore: frozenset[str]
) -> ManifestSchool:
    label = f"school #{index + 1}"
    if isinstance(entry, dict) and entry.get("urn") is not None:
        label = f"school {str(entry['urn'])[:40]}"
    if not isinstance(entry, dict):
        raise ManifestError(f"{file}: {label}: each school must be a mapping with urn, name, ...")
    try:
        return model.model_validate({k: v for k, v in entry.items() if k not in ignore})
    except ValidationError as exc:
        raise ManifestError(f"{file}: {label}: {_describe(exc)}") from None


def _describe(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors()[:3]:
        field = ".".join(str(p) for p in error["loc"])
        message = error["msg"].removeprefix("Value error, ")
        # A cross-field check has no single location; its message names the fields itself.
        parts.append(f"field '{field}': {message}" if field else message)
    return "; ".join(parts)


def _check_unique(file: Path, schools: list[ManifestSchool]) -> None:
    seen: set[str] = set()
    for school in schools:
        if school.urn in seen:
            raise ManifestError(f"{file}: school {school.urn}: field 'urn' is used twice")
        seen.add(school.urn)


def _check_files(file: Path, manifest: Manifest) -> None:
    missing = [
        (school.urn, doc.path)
        for school in manifest.schools
        for doc in school.documents
        if not manifest.path_of(doc.path).is_file()
    ]
    if missing:
        listed = "; ".join(f"school {urn}: {path}" for urn, path in missing[:5])
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        raise ManifestError(
            f"{file}: missing file(s) named in documents.path: {listed}{more}; "
            "add them or fix the paths"
        )
