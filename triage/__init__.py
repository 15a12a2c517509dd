"""triage: evidence triage for local-authority school improvement teams."""

__version__ = "0.1.0"
