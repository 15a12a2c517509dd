"""Prompt templates, one file per LLM call, with their {placeholders} checked when loaded.

A template is a text file with a `### system` section and a `### user` section. Placeholders use
`str.format` syntax; literal braces (JSON examples) are doubled. Loading fails when a template's
placeholders differ from the set its caller fills, so a typo shows up at load time, not as a prompt
that silently lacks the passages.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import cache
from importlib import resources

# name -> the placeholders the calling code fills in; nothing more, nothing less.
EXPECTED: dict[str, frozenset[str]] = {
    "answer": frozenset({"question", "passages"}),
    "judge": frozenset({"aspects", "levels", "passage"}),
}

_SYSTEM = "### system"
_USER = "### user"


class PromptError(ValueError):
    """A prompt file is missing, malformed, or its placeholders differ from what is filled."""


@dataclass(frozen=True)
class Prompt:
    name: str
    system: str
    user: str

    def render(self, **values: str) -> tuple[str, str]:
        """The system and user messages with every placeholder filled; values are not re-parsed."""
        missing = EXPECTED[self.name] - values.keys()
        extra = values.keys() - EXPECTED[self.name]
        if missing or extra:
            raise PromptError(
                f"prompt {self.name!r} needs {sorted(EXPECTED[self.name])}; "
                f"missing {sorted(missing)}, unexpected {sorted(extra)}"
            )
        return self.system.format(**values), self.user.format(**values)


def placeholders(template: str) -> set[str]:
    """The field names used by a str.format template (raises PromptError on bad syntax)."""
    try:
        return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}
    except ValueError as exc:
        raise PromptError(f"bad placeholder syntax: {exc}; double literal braces") from exc


def parse_prompt(name: str, text: str) -> Prompt:
    """Split a template into its sections and check its placeholders against EXPECTED[name]."""
    if name not in EXPECTED:
        raise PromptError(f"unknown prompt {name!r}; known prompts: {', '.join(sorted(EXPECTED))}")
    if _SYSTEM not in text or _USER not in text:
        raise PromptError(f"prompt {name!r} needs a '{_SYSTEM}' and a '{_USER}' section")
    head, user = text.split(_USER, 1)
    system = head.split(_SYSTEM, 1)[1]
    found = placeholders(system) | placeholders(user)
    if found != EXPECTED[name]:
        raise PromptError(
            f"prompt {name!r} has placeholders {sorted(found)} but its caller fills "
            f"{sorted(EXPECTED[name])}; fix prompts/{name}.txt"
        )
    return Prompt(name=name, system=system.strip(), user=user.strip())


@cache
def load_prompt(name: str) -> Prompt:
    """Load and validate prompts/<name>.txt from the installed package."""
    if name not in EXPECTED:
        raise PromptError(f"unknown prompt {name!r}; known prompts: {', '.join(sorted(EXPECTED))}")
    try:
        text = resources.files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise PromptError(f"prompts/{name}.txt is missing; reinstall triage") from exc
    return parse_prompt(name, text)
