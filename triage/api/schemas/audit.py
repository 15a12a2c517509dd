from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class AuditEntryPublic(BaseModel):
    seq: int
    at: str
    actor: str
    action: str
    school: str | None
    subject: str
    detail: dict[str, Any]
