"""Alembic migrations of the database, shipped inside the package so an installed triage upgrades.

`triage db upgrade` runs them; `triage.store.schema` is the only code that drives Alembic.
"""
