"""A YAML file read under bounds: its size, the aliases it uses, how deep it nests, and how many
values it stands for once every alias is expanded.

A few hundred bytes of anchors and aliases can stand for billions of values (a "billion laughs"),
and PyYAML follows them all; deep nesting exhausts its recursion. Each bound is checked while the
document is composed, before any value is built, so a hostile file costs no more than its bytes.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode


@dataclass(frozen=True)
class YamlLimits:
    max_bytes: int = 10 << 20
    max_aliases: int = 100
    max_depth: int = 20
    max_nodes: int = 1_000_000


class YamlLimitError(ValueError):
    """The file breaks one of its bounds; the message names the bound and its setting."""


class NotRegularFileError(ValueError):
    """A device, a named pipe or a folder where a file was expected."""


def read_yaml_file(path: Path, limits: YamlLimits) -> Any:
    """The YAML document in `path`, read and composed within `limits`.

    Raises NotRegularFileError, YamlLimitError, OSError, UnicodeDecodeError or yaml.YAMLError.
    """
    return parse_yaml(_read_bounded(path, limits.max_bytes).decode("utf-8"), limits)


def parse_yaml(text: str, limits: YamlLimits) -> Any:
    loader = _BoundedLoader(text, limits)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()  # type: ignore[no-untyped-call]


def _read_bounded(path: Path, max_bytes: int) -> bytes:
    # Non-blocking, so a named pipe is refused at once instead of waiting for a writer.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFileError(f"{path.name} is not a regular file")
        data = file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise YamlLimitError(
            f"{path.name} is over the limit of {max_bytes >> 10} KiB; split it or raise "
            "TRIAGE_LIMITS__MANIFEST_MAX_KB"
        )
    return data


class _BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader, counting aliases, depth and expanded size as nodes are composed."""

    def __init__(self, text: str, limits: YamlLimits) -> None:
        super().__init__(text)
        self.limits = limits
        self.aliases = 0
        self.depth = 0
        self.sizes: dict[int, int] = {}  # node id -> values it stands for, aliases expanded

    def compose_node(self, parent: Node | None, index: Any) -> Node:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):  # type: ignore[no-untyped-call]
            self.aliases += 1
            if self.aliases > self.limits.max_aliases:
                raise YamlLimitError(
                    f"uses more than {self.limits.max_aliases} aliases (*name); write the values "
                    "out, or raise TRIAGE_LIMITS__MANIFEST_MAX_ALIASES"
                )
            node = cast(Node, super().compose_node(parent, index))  # type: ignore[no-untyped-call]
            if id(node) not in self.sizes:
                raise YamlLimitError("has an alias that refers to the value it is inside")
            return node
        self.depth += 1
        try:
            if self.depth > self.limits.max_depth:
                raise YamlLimitError(
                    f"is nested deeper than {self.limits.max_depth} levels; raise "
                    "TRIAGE_LIMITS__MANIFEST_MAX_DEPTH for a genuine file"
                )
            node = cast(Node, super().compose_node(parent, index))  # type: ignore[no-untyped-call]
        finally:
            self.depth -= 1
        size = 1 + sum(self.sizes.get(id(child), 1) for child in _children(node))
        if size > self.limits.max_nodes:
            raise YamlLimitError(
                f"stands for more than {self.limits.max_nodes} values once its aliases (*name) "
                "are expanded; write it without them, or raise TRIAGE_LIMITS__MANIFEST_MAX_NODES"
            )
        self.sizes[id(node)] = size
        return node


def _construct_int(loader: _BoundedLoader, node: ScalarNode) -> Any:
    # Python refuses to convert an integer of more than 4300 digits with a plain ValueError.
    try:
        return yaml.SafeLoader.construct_yaml_int(loader, node)  # type: ignore[no-untyped-call]
    except ValueError:
        raise ConstructorError(
            None, None, f"a number of {len(node.value)} digits is too long", node.start_mark
        ) from None


_BoundedLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []
