"""The system of record: SQLAlchemy models and sessions."""

# The service's tables register on the same metadata, so they are created with the rest.
from triage.store import people, record  # noqa: F401
from triage.store.database import Store

__all__ = ["Store"]
