"""Errors a user can cause; the CLI prints the message on one line, the API maps it to a 4xx."""


class TriageError(Exception):
    """Base class: the message says what happened and what to do."""


class SchoolNotFoundError(TriageError):
    pass


class IndexUnavailableError(TriageError):
    """The vector or keyword index could not be written or read."""


class ConsistencyError(TriageError):
    """Database and index disagree; `triage doctor --repair` mends it."""


class NotFoundError(TriageError):
    """No such thing, or one the user may not see: the two are never told apart."""


class AuthenticationError(TriageError):
    """Not signed in, or the credentials or token are wrong or expired."""


class AccountLockedError(TriageError):
    """Too many failed sign-ins: the account waits before it may try again."""


class PermissionDeniedError(TriageError):
    """The user may see this, but their role may not do it."""


class DecisionRefusedError(TriageError):
    """A decision or countersignature that breaks a rule; the message names the rule."""


class StaleProposalError(DecisionRefusedError):
    """The evidence or framework changed after the proposal was made: propose again."""


class InvalidRequestError(TriageError):
    """A request whose values make no sense (unknown role, short password ...)."""


class ConflictError(TriageError):
    """The thing is in a state that does not allow this (already decided, not awaiting ...)."""


class DatabaseError(TriageError):
    """The database could not be used as asked: busy, not writable, or at another schema."""


class DatabaseBusyError(DatabaseError):
    """Another process held the database's write lock for longer than a writer waits."""


class SchemaMismatchError(DatabaseError):
    """The database's schema is not the one this triage reads; `triage db upgrade` mends most."""


class DataDirError(TriageError):
    """The data dir (or the database file in it) cannot be created or written."""
