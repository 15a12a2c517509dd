from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from triage.api.schemas import Request, Secret


class TokenPublic(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int


class FirstPassword(Request):
    token: Secret
    password: Secret


class Me(BaseModel):
    email: str
    name: str
    role: str
    schools: list[str]
