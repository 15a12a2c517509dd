"""The long-lived parts a command or request works with: settings, database and index."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from triage.index.indexes import Index
from triage.settings import Settings, get_settings
from triage.store import Store
from triage.store.schema import ensure_schema


@dataclass
class Runtime:
    settings: Settings
    store: Store
    index: Index


@contextmanager
def open_runtime(settings: Settings | None = None) -> Iterator[Runtime]:
    """Open the database and index under the data dir, creating both on first use.

    A database at an older schema revision is refused: `triage db upgrade` migrates it.
    """
    settings = settings or get_settings()
    settings.data_path.mkdir(parents=True, exist_ok=True)
    store = Store(settings.db_url)
    try:
        ensure_schema(store.engine)
        yield Runtime(settings=settings, store=store, index=Index(settings))
    finally:
        store.close()
