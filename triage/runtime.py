"""The long-lived parts a command or request works with: settings, database, index, and state.

One Runtime is built per process (the CLI per command, a server at start-up) and shared by its
threads. Caches and ledgers belong to it, not to module globals: the query-vector cache lives in its
index, and other modules keep their state in typed slots (`Slot`) that the runtime builds on first
use under a lock. Only models loaded from the package (the embedding model, a local GGUF) stay
loaded once per process.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, cast

from triage.errors import DataDirError
from triage.index.indexes import Index
from triage.settings import Settings, get_settings
from triage.store import Store
from triage.store.database import database_errors
from triage.store.schema import ensure_schema

T = TypeVar("T")


class Slot(Generic[T]):
    """A named piece of per-runtime state, declared by the module that owns it.

    Example: `LEDGER = Slot("llm judge ledger", Ledger)`, then `runtime.state(LEDGER)`.
    """

    def __init__(self, name: str, build: Callable[[], T]) -> None:
        self.name = name
        self.build = build

    def __repr__(self) -> str:
        return f"Slot({self.name!r})"


@dataclass
class Runtime:
    settings: Settings
    store: Store
    index: Index
    _slots: dict[Slot[Any], Any] = field(default_factory=dict, repr=False)
    _lock: threading.RLock = field(default_factory=threading.RLock, repr=False)

    def state(self, slot: Slot[T]) -> T:
        """The slot's value for this runtime, built once (threads racing to build get one)."""
        with self._lock:
            if slot not in self._slots:
                self._slots[slot] = slot.build()
            return cast(T, self._slots[slot])

    def peek(self, slot: Slot[T]) -> T | None:
        """The slot's value if it was built, else None (nothing is built)."""
        with self._lock:
            return cast("T | None", self._slots.get(slot))

    def replace(self, slot: Slot[T], value: T) -> None:
        with self._lock:
            self._slots[slot] = value

    def drop(self, slot: Slot[Any]) -> None:
        with self._lock:
            self._slots.pop(slot, None)


@contextmanager
def open_runtime(settings: Settings | None = None) -> Iterator[Runtime]:
    """Open the database and index under the data dir, creating both on first use.

    A database at an older schema revision is refused: `triage db upgrade` migrates it.
    """
    settings = settings or get_settings()
    with open_store(settings) as store:
        with database_errors(store.engine):
            ensure_schema(store.engine)
        yield Runtime(settings=settings, store=store, index=Index(settings))


@contextmanager
def open_store(settings: Settings) -> Iterator[Store]:
    """The database alone, in a data dir made and checked first (`triage db` uses only this)."""
    prepare_data_dir(settings)
    store = Store(settings.db_url)
    try:
        yield store
    finally:
        store.close()


def prepare_data_dir(settings: Settings) -> None:
    """Create the data dir if needed; refuse one this process may not write."""
    path = settings.data_path
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirError(
            f"cannot create the data dir {path} ({exc.strerror}); choose another with "
            "--data-dir or TRIAGE_DATA_DIR"
        ) from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise DataDirError(
            f"the data dir {path} is not writable by this user; fix its permissions, or choose "
            "another with --data-dir or TRIAGE_DATA_DIR"
        )
