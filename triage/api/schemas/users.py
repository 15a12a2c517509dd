from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from triage.api.schemas import Name, Request, Urn


class UserCreate(Request):
    email: Name
    name: Name
    role: Literal["officer", "lead", "admin", "school"]


class UserPublic(BaseModel):
    id: int
    email: str
    name: str
    role: str
    active: bool
    schools: list[str]


class UserCreated(BaseModel):
    user: UserPublic
    setup_token: str
    setup_expires_hours: int


class Assign(Request):
    schools: list[Urn]
