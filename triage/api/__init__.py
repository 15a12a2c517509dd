"""The officers' HTTP service: a thin face over the core (people, decide, ask, intake, jobs)."""
