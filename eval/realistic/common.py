"""Helpers the per-school modules share: paragraphs from wrapped source text, detail tables."""

from __future__ import annotations

import datetime as dt


def p(text: str) -> str:
    """One paragraph from text wrapped freely in the source."""
    return " ".join(text.split())


def paras(text: str) -> tuple[str, ...]:
    """Paragraphs separated by blank lines, each joined onto one line."""
    return tuple(p(block) for block in text.strip().split("\n\n") if block.strip())


def d(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, day)


def maintained(
    urn: str,
    authority: str,
    kind: str,
    ages: str,
    roll: str,
    body: str,
    chair: str,
    head: str,
    previous: str,
) -> tuple[tuple[str, str], ...]:
    """The 'School details' table of a maintained school's report."""
    return (
        ("Unique reference number", urn),
        ("Local authority", authority),
        ("Type of school", kind),
        ("School category", "Maintained"),
        ("Age range of pupils", ages),
        ("Gender of pupils", "Mixed"),
        ("Number of pupils on the school roll", roll),
        ("Appropriate authority", body),
        ("Chair of governing body", chair),
        ("Headteacher", head),
        ("Date of previous inspection", previous),
    )


def independent(
    urn: str,
    dfe: str,
    authority: str,
    kind: str,
    ages: str,
    roll: str,
    proprietor: str,
    head: str,
    fees: str,
    previous: str,
) -> tuple[tuple[str, str], ...]:
    """The 'School details' table of an independent school's report."""
    return (
        ("Unique reference number", urn),
        ("DfE registration number", dfe),
        ("Local authority", authority),
        ("Type of school", kind),
        ("School status", "Independent school"),
        ("Age range of pupils", ages),
        ("Gender of pupils", "Mixed"),
        ("Number of pupils on the school roll", roll),
        ("Proprietor", proprietor),
        ("Headteacher", head),
        ("Annual fees (day pupils)", fees),
        ("Date of previous standard inspection", previous),
    )
