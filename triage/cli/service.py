"""`triage users ...`, `triage serve` and `triage audit verify`: the service from the shell."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Annotated

import typer
from rich.table import Table

from triage.cli import app
from triage.cli.common import console, handle_errors, settings_from, shown
from triage.decide import audit
from triage.errors import TriageError
from triage.people.roles import ROLES
from triage.people.tokens import issue_token
from triage.people.users import (
    add_user,
    assign,
    assigned_urns,
    disable_user,
    get_user,
    list_users,
    set_password,
)
from triage.runtime import open_runtime

users_app = typer.Typer(help="People: add, assign schools, list, disable.", no_args_is_help=True)
audit_app = typer.Typer(help="The audit log.", no_args_is_help=True)
app.add_typer(users_app, name="users")
app.add_typer(audit_app, name="audit")
CLI_ACTOR = "cli"


@users_app.command("add")
def users_add(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(help="Their email, which is their sign-in name")],
    role: Annotated[str, typer.Option(help=f"One of {', '.join(ROLES)}")],
    name: Annotated[str, typer.Option(help="Their full name, as letters show it")],
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the first password from stdin")
    ] = False,
) -> None:
    """Add a user. Their first password comes from stdin, or they set it with a one-time token.

    Example: triage users add head@school.example --role admin --name "Sam Patel" --password-stdin
    Example: triage users add jo@council.example --role officer --name "Jo Bloggs"
    """
    with handle_errors(), open_runtime(settings_from(ctx)) as runtime:
        settings = runtime.settings
        password = sys.stdin.readline().rstrip("\r\n") if password_stdin else None
        with runtime.store.session() as session:
            user = add_user(session, email=email, name=name, role=role, actor=CLI_ACTOR)
            if password is not None:
                set_password(session, user, password, settings=settings, actor=CLI_ACTOR)
                console.print(f"added {shown(user.email)} ({user.role}) with the password given")
                return
            hours = settings.service.setup_hours
            token = issue_token(session, user, kind="setup", lifetime=dt.timedelta(hours=hours))
        console.print(
            f"added {shown(user.email)} ({user.role}); to set their password within {hours} h:"
        )
        console.print(
            "  curl -X POST http://HOST/api/auth/first-password -H 'content-type: "
            f'application/json\' -d \'{{"token": "{token}", "password": "..."}}\'',
            highlight=False,
            soft_wrap=True,
        )


@users_app.command("assign")
def users_assign(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(help="The user's email")],
    urns: Annotated[list[str], typer.Argument(help="School URNs")],
) -> None:
    """Give an officer (or a school user, one) these schools.

    Example: triage users assign jo@council.example 900001 900002
    """
    with handle_errors(), open_runtime(settings_from(ctx)) as runtime:
        with runtime.store.session() as session:
            held = assign(session, get_user(session, email), urns, actor=CLI_ACTOR)
        console.print(f"{shown(email)} now has: {', '.join(held)}")


@users_app.command("list")
def users_list(ctx: typer.Context) -> None:
    """Every user, their role, whether active, and their schools."""
    with handle_errors(), open_runtime(settings_from(ctx)) as runtime:
        table = Table("email", "name", "role", "active", "schools", title="Users")
        with runtime.store.session() as session:
            for user in list_users(session):
                schools = "all" if user.role == "lead" else ", ".join(assigned_urns(session, user))
                table.add_row(
                    shown(user.email),
                    shown(user.name),
                    user.role,
                    "yes" if user.active else "no",
                    schools or "-",
                )
        console.print(table)


@users_app.command("disable")
def users_disable(
    ctx: typer.Context, email: Annotated[str, typer.Argument(help="The user's email")]
) -> None:
    """Stop a user signing in; their tokens stop working at once.

    Example: triage users disable jo@council.example
    """
    with handle_errors(), open_runtime(settings_from(ctx)) as runtime:
        with runtime.store.session() as session:
            disable_user(session, get_user(session, email), actor=CLI_ACTOR)
        console.print(f"{shown(email)} is disabled")


@audit_app.command("verify")
def audit_verify(ctx: typer.Context) -> None:
    """Check the whole hash chain; exit 1 naming the first entry that does not follow.

    Example: triage audit verify
    """
    with handle_errors(), open_runtime(settings_from(ctx)) as runtime:
        with runtime.store.session() as session:
            verdict = audit.verify(session)
        if not verdict.ok:
            raise TriageError(
                f"the audit log is broken at entry {verdict.first_bad}: {verdict.problem}"
            )
        console.print(f"[green]the audit log verifies: {verdict.entries} entries[/]")


@app.command("serve")
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
) -> None:
    """Run the officers' HTTP service (OpenAPI at /docs and /openapi.json).

    Example: triage serve --port 8000
    """
    import uvicorn

    from triage.api.app import create_app
    from triage.index.embeddings import embedding_model

    with handle_errors():
        application = create_app(settings_from(ctx))
        embedding_model()  # load once before the first request, not during it
        uvicorn.run(application, host=host, port=port, log_level="info")
