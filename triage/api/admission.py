"""How many requests the service works on at once; the rest wait, holding nothing.

A request takes a database connection for its session as soon as it starts and gives it back
only when its last dependency closes, which itself needs a worker thread. Let in every request
that arrives and, under load, the connections all belong to requests waiting for a thread while
the threads wait for a connection. Admitting at most as many requests as there are threads (and
the store's pool has four connections for each) means neither can run out.
"""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Receive, Scope, Send

# Liveness must answer however busy the service is.
UNLIMITED = frozenset({"/healthz"})


class Admission:
    """ASGI middleware: at most `limit` HTTP requests in progress; the others queue in order."""

    def __init__(self, app: ASGIApp, *, limit: int) -> None:
        self.app = app
        self.limit = limit
        self._slots: asyncio.Semaphore | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path") in UNLIMITED:
            await self.app(scope, receive, send)
            return
        if self._slots is None:  # made inside the server's event loop
            self._slots = asyncio.Semaphore(self.limit)
        async with self._slots:
            await self.app(scope, receive, send)
