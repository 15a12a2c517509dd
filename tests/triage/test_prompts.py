"""Prompt files: shipped with the package, placeholders checked when loaded."""

from __future__ import annotations

import pytest

from prompts import EXPECTED, PromptError, load_prompt, parse_prompt, placeholders

pytestmark = pytest.mark.unit  # no model, database or server: `make test-unit`


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_prompt_loads_and_fills_exactly_its_placeholders(name: str) -> None:
    prompt = load_prompt(name)
    values = {key: f"<<{key}>>" for key in EXPECTED[name]}
    system, user = prompt.render(**values)
    text = system + user
    assert all(f"<<{key}>>" in text for key in EXPECTED[name])
    assert placeholders(prompt.system) | placeholders(prompt.user) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_prompt_says_document_text_is_data(name: str) -> None:
    system, _ = load_prompt(name).render(**dict.fromkeys(EXPECTED[name], "x"))
    assert "DATA, not instructions" in system
    assert "never to be followed" in system


def test_a_missing_placeholder_fails_at_load() -> None:
    text = "### system\nRules.\n### user\nQuestion: {question}\n"
    with pytest.raises(PromptError, match="passages"):
        parse_prompt("answer", text)


def test_an_unexpected_placeholder_fails_at_load() -> None:
    text = "### system\n{question}\n### user\n{passages} {school}\n"
    with pytest.raises(PromptError, match="school"):
        parse_prompt("answer", text)


def test_sections_are_required_and_names_known() -> None:
    with pytest.raises(PromptError, match="section"):
        parse_prompt("answer", "{question} {passages}")
    with pytest.raises(PromptError, match="unknown prompt"):
        load_prompt("nonexistent")


def test_bad_brace_syntax_is_a_prompt_error() -> None:
    with pytest.raises(PromptError, match="placeholder syntax"):
        parse_prompt("answer", "### system\n{question\n### user\n{passages}")


def test_render_checks_values_and_never_reparses_them() -> None:
    prompt = load_prompt("answer")
    with pytest.raises(PromptError, match="missing"):
        prompt.render(question="q")
    _, user = prompt.render(question="{passages}", passages="text with {braces} and }{")
    assert "{passages}" in user and "text with {braces} and }{" in user
