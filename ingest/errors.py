"""Errors a user can cause while ingesting; each message says what happened and what to do."""


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
