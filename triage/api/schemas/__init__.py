"""Request and response bodies, one module per resource; every request model forbids extras."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _printable(value: str) -> str:
    if _CONTROL.search(value):
        raise ValueError("must not contain control characters")
    return value


# Printable text (newlines and tabs allowed) of bounded length.
Name = Annotated[str, Field(min_length=1, max_length=254), AfterValidator(_printable)]
Secret = Annotated[str, Field(min_length=1, max_length=1024), AfterValidator(_printable)]
Question = Annotated[str, Field(min_length=3, max_length=1000), AfterValidator(_printable)]
Reason = Annotated[str, Field(max_length=5000), AfterValidator(_printable)]


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


FrameworkId = Annotated[
    str,
    Field(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$", description="A framework id, e.g. bristol"),
]
Urn = Annotated[str, Field(pattern=r"^[0-9A-Za-z-]{1,32}$", description="A school's URN")]
