"""Errors of the language-model layer: each says what went wrong and what to do."""

from __future__ import annotations

from triage.errors import TriageError


class LLMError(TriageError):
    """Something went wrong talking to the configured language model."""


class LLMConfigError(LLMError):
    """The LLM settings are incomplete or rejected by the endpoint."""


class LLMUnavailableError(LLMError):
    """The endpoint could not be reached."""


class LLMTimeoutError(LLMError):
    """The model did not answer within the configured timeout."""


class LLMResponseError(LLMError):
    """The model answered, but not with anything usable."""
