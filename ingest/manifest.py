"""The eval corpus manifest (`triage-eval/1`): a folder of school files described by manifest.yaml.

The same format serves the project's own corpora and any corpus a user brings, so every error names
the school (by URN) and the field at fault, and every missing file by its path.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ingest.errors import ManifestError
from ingest.vocabulary import DocumentKind

FORMAT = "triage-eval/1"
MANIFEST_NAME = "manifest.yaml"

# The aspect ids of the shared vocabulary (DESIGN.md). Kept here because ingest/ stands alone;
# a test checks they match triage.extract.models.ASPECTS.
ASPECT_IDS: tuple[str, ...] = (
    "curriculum_teaching",
    "achievement",
    "attendance",
    "behaviour",
    "personal_development",
    "inclusion_send",
    "early_years",
    "leadership",
    "governance",
    "safeguarding",
    "staffing",
    "finance_estates",
    "parents_complaints",
    "partnership",
)

Phase = Literal["nursery", "primary", "middle", "secondary", "special", "all-through", "pru"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_aspect(value: str) -> str:
    if value not in ASPECT_IDS:
        raise ValueError(f"unknown aspect {value!r}; use one of: {', '.join(ASPECT_IDS)}")
    return value


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


class GoldEvidence(_Model):
    aspect: str
    level: int = Field(ge=1, le=4)
    document: str = Field(description="A path listed among the school's documents")
    page: int | None = Field(default=None, ge=1, description="1-based; omitted for unpaged files")
    quote: str = Field(min_length=1, description="Verbatim in that page's text")

    _aspect = field_validator("aspect")(_check_aspect)


class Trap(_Model):
    kind: str = Field(description="'injection' is the kind the eval checks")
    document: str
    quote: str = Field(min_length=1)
    page: int | None = Field(default=None, ge=1)


class Gold(_Model):
    aspects: dict[str, int] = Field(default_factory=dict)
    categories: dict[str, str] = Field(default_factory=dict)
    evidence: list[GoldEvidence] = Field(default_factory=list)
    traps: list[Trap] = Field(default_factory=list)
    rationale: str | None = None

    @field_validator("aspects")
    @classmethod
    def _aspect_levels(cls, value: dict[str, int]) -> dict[str, int]:
        for aspect, level in value.items():
            _check_aspect(aspect)
            if level not in (1, 2, 3, 4):
                raise ValueError(f"level of {aspect!r} must be 1-4, not {level!r}")
        return value


class ManifestSchool(_Model):
    urn: str = Field(min_length=1)
    name: str
    phase: Phase
    documents: list[ManifestDocument] = Field(min_length=1)
    gold: Gold = Field(default_factory=Gold)

    @field_validator("urn", mode="before")
    @classmethod
    def _urn_as_text(cls, value: Any) -> Any:
        # An unquoted URN reads as an int in YAML; it is still the same URN.
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @model_validator(mode="after")
    def _gold_points_at_documents(self) -> ManifestSchool:
        paths = {d.path for d in self.documents}
        cited = [("evidence", e.document) for e in self.gold.evidence]
        cited += [("traps", t.document) for t in self.gold.traps]
        for where, document in cited:
            if document not in paths:
                raise ValueError(
                    f"gold.{where} cites {document!r}, which is not among this school's "
                    "documents; list it under documents or fix the path"
                )
        return self


class Manifest(_Model):
    format: Literal["triage-eval/1"]
    national: dict[str, NationalFigure] = Field(default_factory=dict)
    schools: list[ManifestSchool] = Field(min_length=1)
    root: Path = Field(description="The folder the manifest was read from")

    def path_of(self, relative: str) -> Path:
        return self.root / relative


def load_manifest(folder: str | Path) -> Manifest:
    """Read and validate `folder/manifest.yaml`; every listed file must exist."""
    root = Path(folder)
    file = root / MANIFEST_NAME
    if not file.is_file():
        raise ManifestError(f"{file}: no manifest found; an eval corpus needs a {MANIFEST_NAME}")
    raw = _read_yaml(file)
    _check_top(file, raw)
    schools = [_parse_school(file, i, entry) for i, entry in enumerate(raw["schools"])]
    _check_unique(file, schools)
    try:
        manifest = Manifest(
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


def _parse_school(file: Path, index: int, entry: Any) -> ManifestSchool:
    label = f"school #{index + 1}"
    if isinstance(entry, dict) and entry.get("urn") is not None:
        label = f"school {entry['urn']}"
    if not isinstance(entry, dict):
        raise ManifestError(f"{file}: {label}: each school must be a mapping with urn, name, ...")
    try:
        return ManifestSchool.model_validate(entry)
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
