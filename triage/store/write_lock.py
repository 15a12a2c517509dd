"""One writer at a time per data dir: a document's write, `doctor` and `reindex` take turns.

The database serialises its own transactions, but a write also touches the vector index and
files/, outside any transaction: `doctor` reading between them would see a half-done write as
drift, and `doctor --repair` would undo it. Each holds this lock (an exclusive `flock` on
`write.lock` in the data dir) for the whole of its change; the kernel releases it when the holder
exits, however it exits. A process may take the lock again while it holds it.

`file_lock` is the same turn-taking on any lock file: the embedded vector index is created under
one of its own, so commands started together on a fresh data dir do not each create its tables.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from triage.errors import DatabaseBusyError

LOCK_NAME = "write.lock"
_guard = threading.Lock()
_threads: dict[Path, threading.RLock] = {}  # one per lock file: threads of this process take turns
_depth: dict[Path, int] = {}  # how deeply the thread holding it has taken it


def write_lock(data_dir: Path, *, wait_s: float) -> AbstractContextManager[None]:
    """Hold the data dir's write lock, waiting up to `wait_s` for another writer to finish."""
    return file_lock(data_dir / LOCK_NAME, wait_s=wait_s)


@contextmanager
def file_lock(path: Path, *, wait_s: float) -> Iterator[None]:
    """Hold an exclusive lock on `path` (created if missing), waiting up to `wait_s`."""
    with _guard:
        local = _threads.setdefault(path, threading.RLock())
    if not local.acquire(timeout=wait_s if wait_s > 0 else 0.001):
        raise _busy(wait_s)
    try:
        if _depth.get(path, 0):
            _depth[path] += 1
            try:
                yield
            finally:
                _depth[path] -= 1
            return
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _acquire(fd, wait_s)
            _depth[path] = 1
            try:
                yield
            finally:
                _depth[path] = 0
        finally:
            os.close(fd)  # closing the descriptor releases the lock
    finally:
        local.release()


def _acquire(fd: int, wait_s: float) -> None:
    deadline = time.monotonic() + wait_s
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise _busy(wait_s) from None
            time.sleep(0.05)


def _busy(wait_s: float) -> DatabaseBusyError:
    return DatabaseBusyError(
        f"the database is busy: another triage process has been writing for over {wait_s:g} s; "
        "nothing was changed, try again when it has finished (or raise TRIAGE_WRITE_WAIT_S)"
    )
