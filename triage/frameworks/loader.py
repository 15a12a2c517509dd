"""Load framework files: by id from the shipped YAML files, or from any path.

A malformed file is refused with file:line messages (triage.datafile).
"""

from __future__ import annotations

from pathlib import Path

from triage.datafile import load_data_file
from triage.errors import TriageError
from triage.frameworks.schema import Framework

FRAMEWORK_DIR = Path(__file__).resolve().parent


class FrameworkError(TriageError):
    """A framework file is missing or malformed."""


def list_frameworks(directory: Path | None = None) -> list[Framework]:
    """Every framework shipped in the package (or in `directory`), sorted by id."""
    folder = directory or FRAMEWORK_DIR
    return sorted((load_framework(p) for p in folder.glob("*.yaml")), key=lambda f: f.id)


def framework_ids(directory: Path | None = None) -> list[str]:
    """Ids of the shipped frameworks (file stems), sorted."""
    return sorted(p.stem for p in (directory or FRAMEWORK_DIR).glob("*.yaml"))


def load_framework(id_or_path: str | Path) -> Framework:
    """Load and validate one framework by id (e.g. "bristol") or by path to a YAML file."""
    return load_data_file(
        _resolve(id_or_path),
        Framework,
        error=FrameworkError,
        what="a framework file",
        fix="docs/frameworks.md describes each field",
    )


def _resolve(id_or_path: str | Path) -> Path:
    candidate = Path(id_or_path)
    if (
        isinstance(id_or_path, Path)
        or candidate.suffix in (".yaml", ".yml")
        or "/" in str(id_or_path)
    ):
        if not candidate.is_file():
            raise FrameworkError(f"{candidate}: no such framework file; check the path")
        return candidate
    path = FRAMEWORK_DIR / f"{id_or_path}.yaml"
    if not path.is_file():
        known = ", ".join(framework_ids())
        raise FrameworkError(f"unknown framework {id_or_path!r}; use one of: {known}")
    return path
