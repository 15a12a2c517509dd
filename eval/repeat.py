"""The eval's repeats, each in a fresh interpreter: what stability measures is the product, not
a cache of the process that ran it first.

The parent sends a `RepeatRequest` on stdin (settings included, secrets too, so never on the
command line); the child proposes for every (school, framework) of it and writes the proposals as
JSON to the request's output file, keeping stdout free for whatever libraries print.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, SecretStr

from triage.errors import TriageError
from triage.extract.models import Proposal
from triage.settings import Settings


class RepeatError(TriageError):
    """A repeat in a fresh process failed."""


class RepeatRequest(BaseModel):
    """What a fresh interpreter proposes, with which settings, and where it writes them."""

    model_config = ConfigDict(extra="forbid")

    settings: dict[str, Any]
    extractor: str
    retrieval_mode: str
    pairs: list[tuple[str, str]]  # (school URN, framework id)
    output: Path


def propose_in_fresh_process(
    settings: Settings,
    pairs: list[tuple[str, str]],
    *,
    extractor: str,
    retrieval_mode: str,
    seed: int,
    output: Path,
) -> dict[tuple[str, str], Proposal]:
    """Every (school, framework) proposed by a new interpreter with PYTHONHASHSEED=`seed`."""
    request = RepeatRequest(
        settings=_revealed(settings.model_dump()),
        extractor=extractor,
        retrieval_mode=retrieval_mode,
        pairs=pairs,
        output=output,
    )
    done = subprocess.run(
        [sys.executable, "-m", "eval.repeat"],
        input=request.model_dump_json(),
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": str(seed)},
        check=False,
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RepeatError(f"a repeat run in a fresh process failed: {last}")
    proposals = json.loads(output.read_text(encoding="utf-8"))
    return {(urn, fw): Proposal.model_validate(proposals[f"{urn}/{fw}"]) for urn, fw in pairs}


def _revealed(value: Any) -> Any:
    """Settings as plain JSON values, secrets included (they go to the child on stdin)."""
    if isinstance(value, SecretStr):
        return value.get_secret_value()
    if isinstance(value, dict):
        return {k: _revealed(v) for k, v in value.items()}
    if isinstance(value, Path):
        return str(value)
    return value


def main() -> None:
    """Read a RepeatRequest on stdin, propose, write the proposals to its output file."""
    from eval.baselines import SystemProposer
    from triage.runtime import open_runtime

    request = RepeatRequest.model_validate_json(sys.stdin.read())
    proposer = SystemProposer(
        name="repeat",
        label="repeat",
        extractor=request.extractor,
        retrieval_mode=request.retrieval_mode,
    )
    with open_runtime(Settings.model_validate(request.settings)) as runtime:
        proposals = {
            f"{urn}/{fw}": proposer.propose(runtime, urn, fw).model_dump(mode="json")
            for urn, fw in request.pairs
        }
    request.output.write_text(json.dumps(proposals), encoding="utf-8")


if __name__ == "__main__":
    main()
