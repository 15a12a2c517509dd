"""Data files (frameworks, the lexicon): YAML validated by a pydantic model, errors by file:line.

A malformed data file is a user error, so the message names the file, the line and the field, and
says how to fix it: pydantic's error locations are mapped back to YAML node marks.
"""

from __future__ import annotations

import copy
import hashlib
import re
import threading
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from triage.errors import TriageError

_PATH_IN_MESSAGE = re.compile(r"^(?:Value error, )?([a-z_]+(?:\[\d+\]|\.[a-z_]+)*): (.*)$", re.S)
_PATH_PART = re.compile(r"([a-z_]+)|\[(\d+)\]")

M = TypeVar("M", bound=BaseModel)

# Parsing YAML in pure Python costs a proposal more than everything else it does; the parsed data
# of each (path, exact text) is kept, so an edited file is read afresh and an unchanged one is
# only validated again (validation builds new model objects, so no caller shares one). A frozen
# model cannot be changed by its callers, so the validated model itself is kept and shared.
_PARSED: dict[tuple[str, str], dict[str, Any]] = {}
_VALIDATED: dict[tuple[str, str, type[BaseModel]], BaseModel] = {}
_PARSED_LOCK = threading.Lock()
_PARSED_SIZE = 64


def load_data_file(
    path: Path, model: type[M], *, error: type[TriageError], what: str, fix: str
) -> M:
    """Read `path` and validate it as `model`; any problem raises `error` naming file:line.

    `what` names the file's kind in messages ("a framework file"); `fix` ends a validation
    message with where to look ("docs/frameworks.md describes each field").
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise error(f"{path}: cannot read {what} ({exc.strerror})") from None
    key = (str(path), hashlib.sha256(text.encode()).hexdigest())
    frozen = bool(model.model_config.get("frozen"))
    with _PARSED_LOCK:
        data = _PARSED.get(key)
        shared = _VALIDATED.get((*key, model)) if frozen else None
    if shared is not None:
        return shared  # type: ignore[return-value]
    if data is None:
        _compose(path, text, error)  # syntax errors and duplicate keys fail here
        data = yaml.safe_load(text)
        if not isinstance(data, dict):
            raise error(f"{path}:1: {what} must be a YAML mapping")
    try:
        loaded = model.model_validate(copy.deepcopy(data))  # a validator may edit its input
    except ValidationError as exc:
        raise error(_describe(path, _compose(path, text, error), exc, fix)) from None
    with _PARSED_LOCK:  # only text that parsed into a valid model is kept
        _PARSED[key] = data
        if frozen:
            _VALIDATED[(*key, model)] = loaded
        while len(_PARSED) > _PARSED_SIZE:
            _PARSED.pop(next(iter(_PARSED)))
        while len(_VALIDATED) > _PARSED_SIZE:
            _VALIDATED.pop(next(iter(_VALIDATED)))
    return loaded


def _compose(path: Path, text: str, error: type[TriageError]) -> yaml.Node | None:
    """The YAML node tree, for line numbers; syntax errors and duplicate keys fail here."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise error(f"{path}:{line}: YAML syntax error: {exc.problem}") from None
    if root is not None:
        _reject_duplicate_keys(path, root, error)
    return root


def _reject_duplicate_keys(path: Path, node: yaml.Node, error: type[TriageError]) -> None:
    # PyYAML keeps the last of two equal keys silently; in a data file that hides an edit.
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if key.value in seen:
                raise error(
                    f"{path}:{key.start_mark.line + 1}: field {key.value!r} appears twice "
                    "in the same mapping; keep one"
                )
            seen.add(key.value)
            _reject_duplicate_keys(path, value, error)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _reject_duplicate_keys(path, item, error)


def _describe(path: Path, root: yaml.Node | None, exc: ValidationError, fix: str) -> str:
    """One line per problem: file:line: field path: what is wrong (first three problems)."""
    problems = []
    for problem in exc.errors()[:3]:
        loc, msg = _locate(tuple(problem["loc"]), problem["msg"])
        line = _line_of(root, loc)
        field = _field_name(loc) or "(top level)"
        problems.append(f"{path}:{line}: field {field}: {msg}")
    more = len(exc.errors()) - len(problems)
    suffix = f" (and {more} more)" if more > 0 else ""
    return "; ".join(problems) + suffix + f"; fix the file ({fix})"


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
