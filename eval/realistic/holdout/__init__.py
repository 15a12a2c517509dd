"""Holdout half: one module per school."""
