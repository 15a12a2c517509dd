"""The schema comes from the migrations alone: from nothing they reach the models exactly, on SQLite
and on a real PostgreSQL; a database made before migrations is adopted; others are refused."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from tests.postgres import NewDatabase
from triage.cli import app
from triage.errors import SchemaMismatchError
from triage.store.models import Base
from triage.store.schema import (
    BASELINE_TABLES,
    MIGRATIONS,
    ensure_schema,
    head_revision,
    schema_state,
    upgrade_schema,
    write_revision,
)


def _differences(engine: Engine) -> list[object]:
    """Alembic's autogenerate diff between the database and the models: empty when they agree."""
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


def _sqlite(tmp_path: Path) -> Engine:
    return create_engine(f"sqlite:///{tmp_path / 'triage.db'}")


def test_migrations_from_empty_reach_the_models_on_sqlite(tmp_path: Path) -> None:
    engine = _sqlite(tmp_path)
    assert upgrade_schema(engine) == (None, head_revision())
    assert _differences(engine) == []
    assert schema_state(engine).up_to_date


@pytest.mark.real
def test_migrations_from_empty_reach_the_models_on_postgresql(
    new_postgres_database: NewDatabase,
) -> None:
    engine = create_engine(new_postgres_database())
    try:
        ensure_schema(engine)
        assert _differences(engine) == []
        assert schema_state(engine).current == head_revision()
    finally:
        engine.dispose()


def test_a_database_made_before_migrations_is_refused_then_adopted(tmp_path: Path) -> None:
    engine = _sqlite(tmp_path)
    _create_pre_migration_tables(engine)
    with pytest.raises(SchemaMismatchError, match=r"revision none .*`triage db upgrade`"):
        ensure_schema(engine)
    assert upgrade_schema(engine) == (None, head_revision())
    assert _differences(engine) == []


def test_a_database_from_a_newer_triage_is_refused_by_every_path(tmp_path: Path) -> None:
    engine = _sqlite(tmp_path)
    upgrade_schema(engine)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'f00d'"))
    for attempt in (ensure_schema, upgrade_schema):
        with pytest.raises(SchemaMismatchError, match="f00d, which this version of triage"):
            attempt(engine)


def test_tables_that_triage_did_not_make_are_not_adopted(tmp_path: Path) -> None:
    engine = _sqlite(tmp_path)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE schools (urn TEXT PRIMARY KEY)"))
    with pytest.raises(SchemaMismatchError, match="not documents, indicators"):
        upgrade_schema(engine)
    assert set(inspect(engine).get_table_names()) == {"schools"}  # rolled back, nothing added


def test_processes_starting_together_on_a_fresh_data_dir_create_the_schema_once(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    probe = (
        "import sys; from sqlalchemy import create_engine; "
        "from triage.store.database import Store; from triage.store.schema import ensure_schema; "
        f"ensure_schema(Store({url!r}).engine)"
    )
    racers = [
        subprocess.Popen([sys.executable, "-c", probe], stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    errors = [racer.communicate(timeout=120)[1] for racer in racers]
    assert [racer.returncode for racer in racers] == [0, 0, 0, 0], errors
    engine = _sqlite(tmp_path)
    assert _differences(engine) == []
    with engine.connect() as connection:
        versions = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    assert versions == [(head_revision(),)]


def test_db_upgrade_and_status_through_the_cli(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    _create_pre_migration_tables(_sqlite(data))
    runner = CliRunner()
    status = runner.invoke(app, ["--data-dir", str(data), "db", "status"])
    assert status.exit_code == 1 and "schema revision none" in status.output
    refused = runner.invoke(app, ["--data-dir", str(data), "schools"])
    assert refused.exit_code == 1
    assert "back it up, then run `triage db upgrade`" in refused.output
    upgraded = runner.invoke(app, ["--data-dir", str(data), "db", "upgrade"])
    assert upgraded.exit_code == 0, upgraded.output
    assert f"from no revision to {head_revision()}" in upgraded.output
    again = runner.invoke(app, ["--data-dir", str(data), "db", "upgrade"])
    assert "nothing to do" in again.output
    assert runner.invoke(app, ["--data-dir", str(data), "schools"]).exit_code == 0
    assert BASELINE_TABLES <= set(inspect(_sqlite(data)).get_table_names())


def test_a_new_revision_starts_from_the_newest_and_holds_what_the_models_add(
    tmp_path: Path,
) -> None:
    migrations = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    written = write_revision("nothing yet", migrations=migrations)
    assert written.parent == migrations / "versions"
    number = int(head_revision()) + 1
    assert written.name.startswith(f"{number:04d}_")
    text = written.read_text()
    assert f"down_revision: str | None = '{head_revision()}'" in text
    assert "op." not in text  # the models add nothing to the newest revision


def _create_pre_migration_tables(engine: Engine) -> None:
    """What every triage before migrations did, with the tables it had then."""
    Base.metadata.create_all(engine, tables=[Base.metadata.tables[t] for t in BASELINE_TABLES])
