"""`triage ask`: a question about one school, answered with verified citations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ingest.models import check_urn
from triage.ask.answer import Answer, answer_question
from triage.cli import app, bench_app
from triage.cli.common import console, errors, handle_errors, settings_from, shown
from triage.extract.judges.llm import LLM as _LLM_JUDGE  # noqa: F401  registers `--extractor llm`
from triage.llm.providers import LanguageModel, language_model
from triage.quotes import one_line
from triage.runtime import Runtime, open_runtime

# Exactly the keys the JSON output promises; the model name is shown only in the rich output.
JSON_KEYS = ("answer", "citations", "provider", "dropped_citations")


@app.command("ask")
def ask_command(
    ctx: typer.Context,
    urn: Annotated[str, typer.Argument(help="The school's URN")],
    question: Annotated[str, typer.Argument(help="The question, in quotes")],
    k: Annotated[int | None, typer.Option("-k", "--k", help="Passages to read")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Answer a question from one school's documents, citing document, page and quote.

    The provider comes from TRIAGE_LLM__PROVIDER (none, llamacpp, openai); `none` answers by
    quoting the best passages. Citations that do not appear verbatim on their page are removed.

    Example: triage ask 900001 "What do we know about attendance?" --json
    """
    with handle_errors(), open_runtime(settings_from(ctx)) as runtime:
        urn = check_urn(urn)
        llm = language_model(runtime)
        if llm is None or as_json:
            answer = answer_question(runtime, urn, question, k=k, llm=llm)
        else:
            answer = _answer_with_status(runtime, urn, question, k=k, llm=llm)
        if as_json:
            typer.echo(json.dumps(answer_json(answer), indent=2, ensure_ascii=False))
            return
        print_answer(answer)


def answer_json(answer: Answer) -> dict[str, object]:
    """The --json document: answer, citations [{n, document, page, quote}], provider, dropped."""
    return answer.model_dump(mode="json", include=set(JSON_KEYS))


def _answer_with_status(
    runtime: Runtime, urn: str, question: str, *, k: int | None, llm: LanguageModel
) -> Answer:
    """Answer while a spinner counts streamed tokens; the text is shown only once verified."""
    tokens = 0
    with errors.status(f"{llm.describe()} is reading the passages") as status:

        def on_token(_: str) -> None:
            nonlocal tokens
            tokens += 1
            status.update(f"{llm.describe()} is answering ({tokens} tokens)")

        return answer_question(runtime, urn, question, k=k, llm=llm, on_token=on_token)


def print_answer(answer: Answer) -> None:
    console.print(shown(answer.answer), highlight=False)
    if answer.citations:
        table = Table("n", "document", "page", "quote", title="Citations (verified verbatim)")
        for c in answer.citations:
            table.add_row(str(c.n), shown(c.document), str(c.page or "-"), shown(one_line(c.quote)))
        console.print(table)
    dropped = answer.dropped_citations
    note = f", {dropped} unverifiable citation{'s' * (dropped != 1)} removed" if dropped else ""
    console.print(f"[dim]answered by {shown(answer.provider)}:{shown(answer.model)}{note}[/]")


@bench_app.command("ask")
def bench_ask_command(
    ctx: typer.Context,
    providers: Annotated[
        str, typer.Option(help="Comma-separated providers to measure: none,llamacpp,openai")
    ] = "none,llamacpp,openai",
    folder: Annotated[
        Path | None,
        typer.Option(help="A triage-eval/1 corpus (default: the demo corpus)", file_okay=False),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
) -> None:
    """Answer latency p50/p95 per provider over a fixed question set, and citation survival.

    `openai` is measured against a llama.cpp server started on 127.0.0.1 with the packaged model,
    unless TRIAGE_LLM__BASE_URL names another endpoint.

    Example: triage bench ask --providers none,llamacpp
    """
    from eval.bench_ask import bench_ask

    with handle_errors():
        results = bench_ask(
            settings_from(ctx), providers=[p.strip() for p in providers.split(",")], folder=folder
        )
        if as_json:
            typer.echo(json.dumps([r.model_dump() for r in results], indent=2))
            return
        table = Table(
            "provider",
            "model",
            "questions",
            "p50 s",
            "p95 s",
            "cited",
            "verified",
            "survived",
            "errors",
            title="ask latency and citation survival",
        )
        for r in results:
            table.add_row(
                shown(r.provider),
                shown(r.model),
                str(r.questions),
                f"{r.p50_s:.2f}",
                f"{r.p95_s:.2f}",
                str(r.citations_proposed),
                str(r.citations_verified),
                f"{r.survival:.0%}",
                str(r.errors),
            )
        console.print(table)
