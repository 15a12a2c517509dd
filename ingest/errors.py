"""Errors a user can cause while ingesting; each message says what happened and what to do."""

import reprlib


class IngestError(Exception):
    """Base class: the file was not ingested and nothing was stored."""


class EmptyFileError(IngestError):
    pass


class UnsupportedFormatError(IngestError):
    pass


class ContentMismatchError(IngestError):
    """The bytes do not match what the extension promises."""


class EncryptedPdfError(IngestError):
    pass


class MalformedFileError(IngestError):
    """Truncated or corrupt PDF/DOCX/CSV."""


class NoTextError(IngestError):
    """A PDF with no extractable text, most likely scanned."""


class ZipBombError(IngestError):
    pass


class FileTooLargeError(IngestError):
    pass


class UnreadableFileError(IngestError):
    """The file could not be opened or read (permissions, a vanished file)."""


class TooManyPagesError(IngestError):
    pass


class ParseTimeoutError(IngestError):
    pass


class ParseMemoryError(IngestError):
    pass


class IndicatorError(IngestError):
    """A bad row in an indicators CSV, named by its line number."""


class ManifestError(IngestError):
    """A corpus manifest that breaks triage-eval/1; the message names the school and the field."""


class InvalidUrnError(IngestError, ValueError):
    """A school URN that is not a plain identifier (a ValueError, so pydantic reports it too)."""


class TooManyPassagesError(IngestError):
    """A document that chunks into more passages than one document may have."""


_EXCERPT_CHARS = 40


def excerpt(value: object, limit: int = _EXCERPT_CHARS) -> str:
    """A short excerpt of a value for an error message, never more than about `limit` characters
    however large the value (a string is cut, a container shows its first few items)."""
    if isinstance(value, str):
        return value if len(value) <= limit else value[:limit] + "..."
    shorter = reprlib.Repr()
    shorter.maxstring = shorter.maxother = limit
    shorter.maxlist = shorter.maxtuple = shorter.maxdict = shorter.maxset = 3
    shorter.maxlevel = 2
    return shorter.repr(value)[: limit * 2]
