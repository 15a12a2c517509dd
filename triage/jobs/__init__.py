"""Batch work as jobs: a row that records progress, and a queue that runs it.

In the embedded deployment the queue is a thread pool inside the server process; a queue backed
by PostgreSQL (procrastinate) plugs in behind the same `JobQueue` protocol, and its workers call
the same `run_job`.
"""
