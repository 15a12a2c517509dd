"""Tuned half: one module per school."""
