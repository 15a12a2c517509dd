"""The holdout half (URNs 940001-940014): never tuned against."""

from __future__ import annotations

from importlib import import_module

from eval.realistic.model import School

URNS = tuple(str(urn) for urn in range(940001, 940015))


def _load() -> tuple[School, ...]:
    """One module per school, in URN order; each defines SCHOOL."""
    schools = []
    for urn in URNS:
        module = import_module(f"eval.realistic.holdout.s{urn}")
        schools.append(module.SCHOOL)
    return tuple(schools)


SCHOOLS: tuple[School, ...] = _load()
