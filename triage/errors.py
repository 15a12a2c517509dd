"""Errors a user can cause; the CLI prints the message on one line, the API maps it to a 4xx."""


class TriageError(Exception):
    """Base class: the message says what happened and what to do."""


class SchoolNotFoundError(TriageError):
    pass


class IndexUnavailableError(TriageError):
    """The vector or keyword index could not be written or read."""


class ConsistencyError(TriageError):
    """Database and index disagree; `triage doctor --repair` mends it."""


class DatabaseError(TriageError):
    """The database could not be used as asked: busy, not writable, or at another schema."""


class SchemaMismatchError(DatabaseError):
    """The database's schema is not the one this triage reads; `triage db upgrade` mends most."""
