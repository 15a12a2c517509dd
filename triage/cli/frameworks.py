"""`triage frameworks` and `triage framework show ID`: what each framework file says."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.panel import Panel
from rich.table import Table

from triage.cli import app
from triage.cli.common import console, handle_errors, shown
from triage.frameworks.loader import FrameworkError, list_frameworks, load_framework
from triage.frameworks.schema import Framework, LimitingRule

framework_app = typer.Typer(help="Inspect one framework file.", no_args_is_help=True)
app.add_typer(framework_app, name="framework")


@app.command("frameworks")
def frameworks_command() -> None:
    """List the shipped frameworks.

    Example: triage frameworks
    """
    with handle_errors():
        table = Table(title="Frameworks")
        for column in ("id", "name", "version", "method", "categories", "characteristics", "rules"):
            table.add_column(column)
        for fw in list_frameworks():
            table.add_row(
                shown(fw.id),
                shown(fw.name),
                shown(fw.version),
                fw.decision_method,
                shown(", ".join(c.id for c in fw.categories)),
                str(len(fw.characteristics)),
                str(len(fw.limiting_rules)),
            )
        console.print(table)


@framework_app.command("show")
def show_command(
    framework_id: Annotated[str, typer.Argument(help="Framework id, or a path to a YAML file")],
    category: Annotated[
        str | None, typer.Option(help="Show only the characteristics of this category")
    ] = None,
) -> None:
    """Show a framework: categories, characteristics, limiting rules and weights.

    Example: triage framework show bristol --category developing
    """
    with handle_errors():
        fw = load_framework(framework_id)
        console.print(_header(fw))
        console.print(_categories(fw))
        for table in _characteristics(fw, category):
            console.print(table)
        if fw.risk_rating is not None:
            console.print(_risk_rating(fw))
        console.print(_rules(fw.limiting_rules))
        console.print(_weights(fw))
        console.print(_scoring_line(fw))


def _header(fw: Framework) -> Panel:
    lines = [
        f"[bold]{shown(fw.name)}[/] ({shown(fw.id)}, version {shown(fw.version)})",
        f"decision method: {fw.decision_method}; source: {shown(fw.source)}",
    ]
    if fw.notes:
        lines.append(f"[dim]{shown(fw.notes)}[/]")
    return Panel("\n".join(lines), expand=False)


def _categories(fw: Framework) -> Table:
    table = Table(title="Categories (best first)")
    for column in ("id", "label", "level", "support level", "characteristics"):
        table.add_column(column)
    for cat in fw.categories:
        count = str(len(fw.characteristics_of(cat.id)))
        cells = (cat.id, cat.label, str(cat.level), cat.support_level, count)
        table.add_row(*map(shown, cells))
    return table


def _characteristics(fw: Framework, category: str | None) -> list[Table]:
    """One table per category; ids are shown without the "framework.category." prefix."""
    known = [c.id for c in fw.categories]
    if category is not None and category not in known:
        choices = ", ".join(known)
        raise FrameworkError(f"{fw.id} has no category {category!r}; use one of: {choices}")
    tables = []
    for cat in fw.categories:
        if category is not None and cat.id != category:
            continue
        table = Table(title=f"{shown(cat.label)}: characteristics", show_lines=True, expand=True)
        table.add_column("id", overflow="fold", ratio=2)
        table.add_column("area / aspect, level", overflow="fold", ratio=2)
        table.add_column("text", overflow="fold", ratio=6)
        table.add_column("indicator rule", overflow="fold", ratio=2)
        prefix = f"{fw.id}.{cat.id}."
        for ch in fw.characteristics_of(cat.id):
            rules = [ch.indicator_rule.describe()] if ch.indicator_rule else []
            rules += [f"else {r.describe()}" for r in ch.alt_indicator_rules]
            text = shown(ch.text)
            if ch.reading is not None:
                text += f"\n[dim]read as: {shown(ch.reading)}[/]"
            table.add_row(
                shown(ch.id.removeprefix(prefix)),
                f"{shown(ch.area)}\n[cyan]{ch.aspect}[/], {ch.level}",
                text,
                shown("\n".join(rules)),
            )
        tables.append(table)
    return tables


def _rules(rules: list[LimitingRule]) -> Table:
    table = Table(title="Limiting rules")
    for column in ("id", "when", "effect", "category", "description"):
        table.add_column(column, overflow="fold")
    for rule in rules:
        cells = (rule.id, rule.when.describe(), rule.effect, rule.category, rule.description)
        table.add_row(*map(shown, cells))
    return table


def _risk_rating(fw: Framework) -> Table:
    rating = fw.risk_rating
    assert rating is not None
    table = Table(title=f"Risk areas (mitigation read from {rating.mitigation_aspect})")
    table.add_column("area")
    table.add_column("aspects")
    for area in fw.risk_areas:
        table.add_row(shown(area.label), ", ".join(fw.risk_area_aspects(area.id)))
    bands = "; ".join(f">= {b.min_points} points: {b.category}" for b in rating.bands)
    points = ", ".join(f"{rag} {pts}" for rag, pts in rating.rag_points.items())
    table.caption = shown(f"RAG points: {points}. Bands: {bands}")
    return table


def _weights(fw: Framework) -> Table:
    table = Table(title="Source weights and recency")
    table.add_column("document kind")
    table.add_column("weight", justify="right")
    for kind, weight in sorted(fw.source_weights.items(), key=lambda kv: (-kv[1], kv[0])):
        table.add_row(shown(kind), f"{weight:g}")
    return table


def _scoring_line(fw: Framework) -> str:
    ties = "the category with more support" if fw.scoring.tie_break == "worse" else "the better"
    return (
        f"Evidence weight halves every {fw.recency.half_life_days} days before the newest "
        f"document. Fewer than {fw.scoring.min_aspects_evidenced} aspects evidenced means "
        f"insufficient evidence. Ties go to {ties}."
    )
