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


class DatabaseBusyError(DatabaseError):
    """Another process held the database's write lock for longer than a writer waits."""


class SchemaMismatchError(DatabaseError):
    """The database's schema is not the one this triage reads; `triage db upgrade` mends most."""


class DataDirError(TriageError):
    """The data dir (or the database file in it) cannot be created or written."""
