"""The system of record: SQLAlchemy models and sessions."""

from triage.store.database import Store

__all__ = ["Store"]
