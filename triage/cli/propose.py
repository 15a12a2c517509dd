"""`triage propose`: a proposed category for one school, all four frameworks, or every school."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from ingest.models import check_urn
from triage.cli import app
from triage.cli.common import console, handle_errors, progress_bar, settings_from, shown
from triage.decide.proposals import ProposalNotStoredError, proposal_json, propose_frameworks
from triage.errors import TriageError
from triage.extract.models import Proposal
from triage.frameworks.loader import framework_ids
from triage.quotes import shorten
from triage.runtime import Runtime, open_runtime
from triage.store.models import School
from triage.vocabulary import LEVEL_NAMES

ALL = "all"


@app.command("propose")
def propose_command(
    ctx: typer.Context,
    urn: Annotated[str | None, typer.Argument(help="The school's URN")] = None,
    framework: Annotated[
        str, typer.Option("--framework", "-f", help="Framework id, or 'all' for side by side")
    ] = "bristol",
    as_json: Annotated[bool, typer.Option("--json", help="Print the proposal as JSON")] = False,
    all_schools: Annotated[
        bool, typer.Option("--all-schools", help="Propose for every school ingested")
    ] = False,
    extractor: Annotated[str, typer.Option(help="Passage judge: rules (default) or llm")] = "rules",
) -> None:
    """Propose a category with the evidence for and against, and store it for review.

    Example: triage propose 900001 --framework bristol
    Example: triage propose 900001 --framework all
    Example: triage propose --all-schools --framework surrey --json
    """
    with handle_errors(), open_runtime(settings_from(ctx)) as runtime:
        frameworks = _frameworks(framework)
        if all_schools:
            proposals = _batch(runtime, frameworks, extractor=extractor)
            if as_json:
                typer.echo(proposal_json({f"{p.school}/{p.framework}": p for p in proposals}))
            else:
                _print_batch(proposals)
            return
        if urn is None:
            raise TriageError("give a school URN, or --all-schools; `triage schools` lists them")
        urn = check_urn(urn)
        try:
            results = propose_frameworks(runtime, urn, frameworks, extractor=extractor)
        except ProposalNotStoredError as exc:  # the work is shown, then the error
            _show(exc.proposals, frameworks, as_json=as_json, side_by_side=framework == ALL)
            raise TriageError(
                f"{exc}; the proposal above was not stored: run the same `triage propose` again "
                "to store it"
            ) from None
        _show(results, frameworks, as_json=as_json, side_by_side=framework == ALL)


def _show(
    results: dict[str, Proposal], frameworks: list[str], *, as_json: bool, side_by_side: bool
) -> None:
    if as_json:
        typer.echo(proposal_json(results if side_by_side else results[frameworks[0]]))
    elif side_by_side:
        _print_side_by_side(list(results.values()))
    else:
        _print_proposal(results[frameworks[0]])


def _frameworks(framework: str) -> list[str]:
    return framework_ids() if framework == ALL else [framework]


def _batch(runtime: Runtime, frameworks: list[str], *, extractor: str) -> list[Proposal]:
    with runtime.store.session() as session:
        urns = sorted(school.urn for school in session.query(School))
    if not urns:
        raise TriageError("no schools ingested yet; run `triage ingest` or `triage ingest-corpus`")
    proposals: list[Proposal] = []
    with progress_bar() as progress:
        task = progress.add_task("proposing", total=len(urns) * len(frameworks))
        for urn in urns:
            progress.update(task, description=f"proposing {urn}")
            proposals += propose_frameworks(runtime, urn, frameworks, extractor=extractor).values()
            progress.advance(task, len(frameworks))
    return proposals


def _print_proposal(proposal: Proposal) -> None:
    category = proposal.category or "none (insufficient evidence)"
    console.print(
        f"[bold]{proposal.school}[/] under [bold]{shown(proposal.framework)}[/] "
        f"({shown(proposal.framework_version)}): [bold cyan]{shown(category)}[/], "
        f"support {shown(proposal.support_level or '-')}"
    )
    if proposal.insufficient_evidence:
        reason = proposal.missing_evidence or "too few aspects are evidenced"
        console.print(f"[yellow]insufficient evidence: {shown(reason)}[/]")
    scores = Table(title="Best-fit score of each category")
    scores.add_column("category")
    scores.add_column("score", justify="right")
    for category_id, score in proposal.scores.items():
        scores.add_row(shown(category_id), f"{score:.3f}")
    console.print(scores)
    _print_rules(proposal)
    _print_profile(proposal)
    _print_evidence(proposal)
    _print_gaps(proposal)


def _print_rules(proposal: Proposal) -> None:
    # Rules only weaker sources trigger come first: for the officer to check; they moved nothing.
    _rule_table(
        proposal.checks,
        "Check this: limiting rules only a weaker source triggers (not applied)",
        effect="would",
    )
    _rule_table(proposal.limiting_rules, "Limiting rules that fired", effect="effect")


def _rule_table(rules: list[dict[str, str]], title: str, *, effect: str) -> None:
    if not rules:
        return
    table = Table(title=title)
    for column in ("rule", effect, "category", "because", "source"):
        table.add_column(column)
    for rule in rules:
        table.add_row(
            shown(rule["id"]),
            shown(rule["effect"]),
            shown(rule["category"]),
            shown(rule["because"]),
            shown(f'{rule["document"]}: "{shorten(rule["quote"], 120)}"'),
        )
    console.print(table)


def _print_profile(proposal: Proposal) -> None:
    table = Table(title="Profile: the level the evidence supports per aspect")
    for column in ("aspect", "level", "strongest evidence"):
        table.add_column(column)
    for aspect, entry in sorted(proposal.profile.items()):
        items = entry.evidence_for or entry.evidence_against
        top = items[0] if items else None
        cite = f'{top.document} p{top.page or "-"}: "{shorten(top.quote, 100)}"' if top else ""
        flag = " (concern surfaced)" if entry.recall_override else ""
        table.add_row(aspect, f"{entry.level} {LEVEL_NAMES[entry.level]}{flag}", shown(cite))
    console.print(table)


def _print_evidence(proposal: Proposal) -> None:
    table = Table(title="Characteristics met, with their citations")
    for column in ("characteristic", "level", "document", "page", "quote"):
        table.add_column(column)
    for result in proposal.characteristics:
        if result.verdict != "met":
            continue
        for item in result.evidence:
            if item.stance == "supports":
                table.add_row(
                    shown(result.characteristic),
                    str(item.level),
                    shown(item.document),
                    str(item.page or "-"),
                    shown(shorten(item.quote, 140)),
                )
    console.print(table)
    if proposal.conflicts:
        conflicts = Table(title="Conflicts: the SEF grades above the other evidence")
        for column in ("aspect", "SEF", "evidence", "evidence quote"):
            conflicts.add_column(column)
        for c in proposal.conflicts:
            conflicts.add_row(
                *(shown(c[key]) for key in ("aspect", "sef_level", "evidence_level")),
                shown(shorten(c["evidence_quote"], 120)),
            )
        console.print(conflicts)


def _print_gaps(proposal: Proposal) -> None:
    contradicted = [
        c.characteristic for c in proposal.characteristics if c.verdict == "contradicted"
    ]
    console.print(f"[dim]contradicted: {len(contradicted)}; not evidenced: {len(proposal.gaps)}[/]")
    aspects = [g.split(":", 1)[1] for g in proposal.gaps if g.startswith("aspect:")]
    if aspects:
        console.print(f"[yellow]aspects with no evidence:[/] {shown(', '.join(aspects))}")
    if proposal.dropped_citations:
        console.print(f"[dim]{proposal.dropped_citations} quotes dropped (not verbatim)[/]")


def _print_side_by_side(proposals: list[Proposal]) -> None:
    table = Table(title=f"School {proposals[0].school}: the four frameworks side by side")
    table.add_column("framework", no_wrap=True)
    table.add_column("category", no_wrap=True)
    for column in ("support", "scores", "limiting rules", "flags"):
        table.add_column(column)
    for p in proposals:
        scores = ", ".join(f"{k} {v:.2f}" for k, v in p.scores.items())
        rules = ", ".join(r["id"] for r in p.limiting_rules) or "-"
        flags = "insufficient evidence" if p.insufficient_evidence else ""
        cells = (p.framework, p.category or "-", p.support_level or "-", scores, rules, flags)
        table.add_row(*map(shown, cells))
    console.print(table)


def _print_batch(proposals: list[Proposal]) -> None:
    table = Table(title="Proposed categories (status: proposed, awaiting an officer)")
    for column in ("school", "framework", "category", "support", "limiting rules", "conflicts"):
        table.add_column(column)
    for p in proposals:
        rules = ", ".join(r["id"] for r in p.limiting_rules) or "-"
        cells = (p.school, p.framework, p.category or "-", p.support_level or "-", rules)
        table.add_row(*map(shown, cells), str(len(p.conflicts)))
    console.print(table)
