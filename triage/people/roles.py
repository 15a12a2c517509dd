"""The four roles and what each may do, in one table the faces and the tests read."""

from __future__ import annotations

from typing import Literal

Role = Literal["officer", "lead", "admin", "school"]
ROLES: tuple[Role, ...] = ("officer", "lead", "admin", "school")

Action = Literal[
    "read_school",  # the school's documents, proposals and history (drafts included)
    "read_decided",  # the decided category and the evidence behind it
    "upload",
    "propose",
    "ask",
    "decide",
    "countersign",
    "read_audit",
    "manage_people",
]

ALLOWED: dict[Role, frozenset[str]] = {
    "officer": frozenset({"read_school", "read_decided", "upload", "propose", "ask", "decide"}),
    "lead": frozenset(
        {
            "read_school",
            "read_decided",
            "upload",
            "propose",
            "ask",
            "decide",
            "countersign",
            "read_audit",
        }
    ),
    "admin": frozenset({"read_audit", "manage_people"}),
    "school": frozenset({"read_decided"}),
}


def may(role: str, action: Action) -> bool:
    """Whether the role may take the action (on a school it can see, where one is named)."""
    return action in ALLOWED.get(role, frozenset())  # type: ignore[call-overload]
