"""Run only by tests/test_isolation.py (the name keeps pytest from collecting it on its own):
a test that crashes its process the way llama.cpp did, beside one that passes."""

from __future__ import annotations

import ctypes
import os

import pytest


@pytest.mark.llama_in_process
def test_a_native_crash() -> None:
    ctypes.string_at(0)  # a read at address 0: SIGSEGV, as a crash inside llama.cpp


def test_the_run_goes_on_in_the_parent() -> None:
    assert os.environ.get("TESTS_LLAMA_CHILD") is None  # unmarked tests stay in the parent
