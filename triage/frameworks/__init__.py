"""Frameworks as data: one YAML file per authority, validated by `schema`, read by `loader`."""

from triage.frameworks.loader import FrameworkError, list_frameworks, load_framework
from triage.frameworks.schema import Characteristic, Framework, LimitingRule

__all__ = [
    "Characteristic",
    "Framework",
    "FrameworkError",
    "LimitingRule",
    "list_frameworks",
    "load_framework",
]
