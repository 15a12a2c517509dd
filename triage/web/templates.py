"""The Jinja environment of the pages: our templates, GOV.UK Frontend's macros, and the filters
that turn ids into the words officers read."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlencode

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, PrefixLoader
from markupsafe import Markup, escape
from starlette.templating import Jinja2Templates

from triage.decide.frameworks import framework
from triage.frameworks.loader import FrameworkError
from triage.settings import Settings
from triage.vocabulary import LEVEL_NAMES, aspect_name

TEMPLATES = Path(__file__).parent / "templates"
KIND_NAMES = {
    "sef": "SEF",
    "ofsted_report": "Ofsted report",
    "visit_note": "Visit note",
    "minutes": "Governors' minutes",
    "indicators": "Indicators",
    "other": "Other",
}
STATUS_TAGS = {
    "none": ("Not proposed", "govuk-tag--grey"),
    "proposed": ("Proposed", "govuk-tag--blue"),
    "to_countersign": ("Awaiting countersign", "govuk-tag--yellow"),
    "awaiting_countersign": ("Awaiting countersign", "govuk-tag--yellow"),
    "decided": ("Decided", "govuk-tag--green"),
    "final": ("Final", "govuk-tag--green"),
    "rejected": ("Sent back", "govuk-tag--red"),
}
_MARKER = re.compile(r"\[(\d{1,3})\]")


def framework_name(framework_id: str) -> str:
    try:
        return framework(framework_id).name
    except FrameworkError:
        return framework_id


def category_label(category_id: str | None, framework_id: str) -> str:
    """The framework's own word for a category id ('none' when there is none)."""
    if not category_id:
        return "none"
    try:
        loaded = framework(framework_id)
    except FrameworkError:
        return category_id
    return next((c.label for c in loaded.categories if c.id == category_id), category_id)


def long_date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return f"{value.day} {value:%B %Y, %H:%M}"
    return f"{value.day} {value:%B %Y}"


def cite_url(document_id: int | None, page: int | None, quote: str | None) -> str:
    """Where a citation opens in the viewer: its page, with its quote marked."""
    if document_id is None:
        return ""
    query = {k: v for k, v in (("page", page), ("quote", quote)) if v not in (None, "")}
    return f"/documents/{document_id}" + (f"?{urlencode(query)}" if query else "") + "#cited"


def with_citation_links(text: str, count: int) -> Markup:
    """An answer's text, escaped, with each [n] a link to citation n below it."""

    def link(found: re.Match[str]) -> str:
        n = int(found.group(1))
        if not 1 <= n <= count:
            return found.group(0)
        return f'<a class="govuk-link" href="#citation-{n}">[{n}]</a>'

    return Markup(_MARKER.sub(link, str(escape(text))))


def environment(settings: Settings) -> Environment:
    env = Environment(
        loader=ChoiceLoader(
            [
                FileSystemLoader(TEMPLATES),
                PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
            ]
        ),
        autoescape=True,
    )
    env.filters.update(
        aspect=aspect_name,
        level_name=lambda n: LEVEL_NAMES.get(n, "") if n is not None else "",
        kind=lambda k: KIND_NAMES.get(k, k),
        category=category_label,
        framework_name=framework_name,
        long_date=long_date,
        with_citation_links=with_citation_links,
    )
    env.globals.update(
        authority=settings.service.authority,
        cite_url=cite_url,
        status_tag=lambda s: STATUS_TAGS.get(s, (s, "govuk-tag--grey")),
    )
    return env


def templates(settings: Settings) -> Jinja2Templates:
    return Jinja2Templates(env=environment(settings))
