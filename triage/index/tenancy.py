"""A Chroma server holds many authorities: each deployment's vectors live in its own tenant and
database on it, made the first time a process of that deployment connects."""

from __future__ import annotations

import chromadb
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import ChromaError

from triage.settings import Settings


def ensure_tenant(settings: Settings) -> None:
    """Create the settings' tenant and database on the Chroma server if either is missing.

    Processes starting together may race to create them; the loser finds them made.
    """
    index = settings.index
    admin = chromadb.AdminClient(
        ChromaSettings(
            chroma_api_impl="chromadb.api.fastapi.FastAPI",
            chroma_server_host=index.chroma_host,
            chroma_server_http_port=index.chroma_port,
            anonymized_telemetry=False,
        )
    )
    try:
        admin.get_tenant(index.chroma_tenant)
    except ChromaError:
        _create(lambda: admin.create_tenant(index.chroma_tenant))
    try:
        admin.get_database(index.chroma_database, tenant=index.chroma_tenant)
    except ChromaError:
        _create(lambda: admin.create_database(index.chroma_database, tenant=index.chroma_tenant))


def _create(make: object) -> None:
    try:
        make()  # type: ignore[operator]
    except ChromaError as exc:
        if "exist" not in str(exc).lower():
            raise
