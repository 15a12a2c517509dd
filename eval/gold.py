"""The eval's gold labels in a `triage-eval/1` manifest: the product reads the documents, the eval
reads these too. Each school's `gold` names expected aspect levels, categories per framework,
evidence quotes and injection traps; every error names the school and the field."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ingest.manifest import Manifest, ManifestSchool, read_manifest
from triage.vocabulary import ASPECTS


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_aspect(value: str) -> str:
    if value not in ASPECTS:
        raise ValueError(f"unknown aspect {value!r}; use one of: {', '.join(ASPECTS)}")
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


class GoldSchool(ManifestSchool):
    """A school of the manifest with its gold labels."""

    gold: Gold = Field(default_factory=Gold)

    @model_validator(mode="after")
    def _gold_points_at_documents(self) -> GoldSchool:
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


class GoldManifest(Manifest):
    schools: list[GoldSchool] = Field(min_length=1)  # type: ignore[assignment]


def load_gold_manifest(folder: str | Path) -> GoldManifest:
    """The manifest with every school's gold labels validated; errors name school and field."""
    return read_manifest(folder, GoldManifest, GoldSchool)


__all__ = ["Gold", "GoldEvidence", "GoldManifest", "GoldSchool", "Trap", "load_gold_manifest"]
