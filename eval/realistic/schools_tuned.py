"""The tuned half (URNs 930001-930014): the reading code may be tuned against it."""

from __future__ import annotations

from importlib import import_module

from eval.realistic.model import School

URNS = tuple(str(urn) for urn in range(930001, 930015))


def _load() -> tuple[School, ...]:
    """One module per school, in URN order; each defines SCHOOL."""
    schools = []
    for urn in URNS:
        module = import_module(f"eval.realistic.tuned.s{urn}")
        schools.append(module.SCHOOL)
    return tuple(schools)


SCHOOLS: tuple[School, ...] = _load()
