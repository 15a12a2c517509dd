"""Load framework files: by id from the shipped YAML files, or from any path.

A malformed file is a user error, so the message names the file, the line and the field, and
says how to fix it: pydantic's error locations are mapped back to YAML node marks.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from triage.errors import TriageError
from triage.frameworks.schema import Framework

_PATH_IN_MESSAGE = re.compile(r"^(?:Value error, )?([a-z_]+(?:\[\d+\]|\.[a-z_]+)*): (.*)$", re.S)
_PATH_PART = re.compile(r"([a-z_]+)|\[(\d+)\]")
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
    path = _resolve(id_or_path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise FrameworkError(f"{path}: cannot read framework file ({exc.strerror})") from None
    root = _compose(path, text)
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise FrameworkError(f"{path}:1: a framework file must be a YAML mapping (id, name, ...)")
    try:
        return Framework.model_validate(data)
    except ValidationError as exc:
        raise FrameworkError(_describe(path, root, exc)) from None


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


def _compose(path: Path, text: str) -> yaml.Node | None:
    """The YAML node tree, for line numbers; syntax errors and duplicate keys fail here."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise FrameworkError(f"{path}:{line}: YAML syntax error: {exc.problem}") from None
    if root is not None:
        _reject_duplicate_keys(path, root)
    return root


def _reject_duplicate_keys(path: Path, node: yaml.Node) -> None:
    # PyYAML keeps the last of two equal keys silently; in a framework that hides an edit.
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if key.value in seen:
                raise FrameworkError(
                    f"{path}:{key.start_mark.line + 1}: field {key.value!r} appears twice "
                    "in the same mapping; keep one"
                )
            seen.add(key.value)
            _reject_duplicate_keys(path, value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _reject_duplicate_keys(path, item)


def _describe(path: Path, root: yaml.Node | None, exc: ValidationError) -> str:
    """One line per problem: file:line: field path: what is wrong (first three problems)."""
    problems = []
    for error in exc.errors()[:3]:
        loc, msg = _locate(tuple(error["loc"]), error["msg"])
        line = _line_of(root, loc)
        field = _field_name(loc) or "(top level)"
        problems.append(f"{path}:{line}: field {field}: {msg}")
    more = len(exc.errors()) - len(problems)
    suffix = f" (and {more} more)" if more > 0 else ""
    return "; ".join(problems) + suffix + "; fix the file (docs/frameworks.md describes each field)"


def _locate(loc: tuple[Any, ...], msg: str) -> tuple[tuple[Any, ...], str]:
    """Whole-file checks name their field at the start of the message ("a[3].b: ...")."""
    match = _PATH_IN_MESSAGE.match(msg)
    if loc or match is None:
        return loc, msg
    parts: list[Any] = []
    for name, index in _PATH_PART.findall(match.group(1)):
        parts.append(int(index) if index else name)
    return tuple(parts), match.group(2)


def _field_name(loc: tuple[Any, ...]) -> str:
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += f".{part}" if name else str(part)
    return name


def _line_of(root: yaml.Node | None, loc: tuple[Any, ...]) -> int:
    """The 1-based line of the deepest node the location reaches (a key where it names one)."""
    if root is None:
        return 1
    node: yaml.Node = root
    line = node.start_mark.line + 1
    for part in loc:
        child = _child(node, part)
        if child is None:
            break
        key, node = child
        line = (key or node).start_mark.line + 1
    if not isinstance(node, yaml.MappingNode | yaml.SequenceNode):
        line = node.start_mark.line + 1
    return line


def _child(node: yaml.Node, part: Any) -> tuple[yaml.Node | None, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if str(key.value) == str(part):
                return key, value
        return None
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return None, node.value[part]
    return None
