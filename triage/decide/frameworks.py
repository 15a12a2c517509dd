"""Frameworks as the service reads them: loaded once, reloaded when their file changes."""

from __future__ import annotations

import threading

from triage.frameworks.loader import FRAMEWORK_DIR, framework_ids, load_framework
from triage.frameworks.schema import Framework

_cache: dict[str, tuple[float, Framework]] = {}
_lock = threading.Lock()


def framework(framework_id: str) -> Framework:
    """The framework with this id (FrameworkError names the known ids for an unknown one)."""
    if framework_id not in framework_ids():
        return load_framework(framework_id)  # raises the loader's one-line error
    stamp = (FRAMEWORK_DIR / f"{framework_id}.yaml").stat().st_mtime
    with _lock:
        cached = _cache.get(framework_id)
        if cached is not None and cached[0] == stamp:
            return cached[1]
    loaded = load_framework(framework_id)
    with _lock:
        _cache[framework_id] = (stamp, loaded)
    return loaded


def bottom_category(loaded: Framework) -> str:
    """The framework's last category: the one that brings the most support."""
    return loaded.categories[-1].id


def category_distance(loaded: Framework, first: str | None, second: str) -> int:
    """How many categories apart two categories are (0 when the first is unknown)."""
    order = [c.id for c in loaded.categories]
    if first is None or first not in order:
        return 0
    return abs(order.index(first) - order.index(second))
