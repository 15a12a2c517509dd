# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
# Both create .venv at the repo root when missing and install into it.

VENV   := .venv
PY     := $(VENV)/bin/python
HASH   := $(shell sha1sum pyproject.toml | cut -c1-12)
CORE   := $(VENV)/.core-$(HASH)
LLM    := $(VENV)/.llm-$(HASH)
DEMO_DATA ?= $(CURDIR)/.triage-demo
# Extra pip options for the llm step; CI sets --no-cache-dir --no-binary llama-cpp-python so the
# pinned llama-cpp-python is built from source there, never taken from a cached wheel.
LLM_PIP_OPTS ?=

.PHONY: demo test test-fast test-unit install web clean-demo

# The pages' front end: GOV.UK Frontend from npm (package-lock.json pins it), compiled into
# triage/web/static (git-ignored). Needs Node.js and npm.
FRONTEND := triage/web/frontend
WEB      := triage/web/static/.built
$(WEB): $(FRONTEND)/package.json $(FRONTEND)/package-lock.json $(FRONTEND)/build.mjs \
		$(FRONTEND)/app.scss $(FRONTEND)/app.js
	cd $(FRONTEND) && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build
	touch $@

web: $(WEB)

$(CORE): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# torch first and pinned: 2.13.0 resolves to the local CPU wheel; anything else pulls CUDA.
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[dev]'
	rm -f $(VENV)/.core-*; touch $@

# llama-cpp-python compiles from source (minutes on 2 cores): only the tests need it.
$(LLM): $(CORE)
	CMAKE_BUILD_PARALLEL_LEVEL=2 $(PY) -m pip install -q $(LLM_PIP_OPTS) -e '.[dev,llm]'
	rm -f $(VENV)/.llm-*; touch $@

install: $(CORE) $(WEB)

demo: $(CORE) $(WEB)
	TRIAGE_DATA_DIR=$(DEMO_DATA) $(VENV)/bin/triage db upgrade
	TRIAGE_DATA_DIR=$(DEMO_DATA) $(VENV)/bin/triage ingest-corpus eval/corpora/demo
	TRIAGE_DATA_DIR=$(DEMO_DATA) $(VENV)/bin/triage schools
	TRIAGE_DATA_DIR=$(DEMO_DATA) $(VENV)/bin/triage propose --all-schools --framework all

test: $(LLM) $(WEB)
	$(VENV)/bin/ruff check ingest triage eval tests prompts
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports
	$(VENV)/bin/pytest

# Tiers 1-2 without the browser tests and the racing processes (`make test` runs everything).
test-fast: $(CORE)
	$(VENV)/bin/pytest -m "not real and not browser and not processes"

# The pure tier: reading, scoring, frameworks, readers and metrics, in seconds.
test-unit: $(CORE)
	$(VENV)/bin/pytest -m unit

clean-demo:
	rm -rf $(DEMO_DATA)
