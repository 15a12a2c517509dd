# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
# Both create .venv at the repo root when missing and install into it.

VENV   := .venv
PY     := $(VENV)/bin/python
HASH   := $(shell sha1sum pyproject.toml | cut -c1-12)
CORE   := $(VENV)/.core-$(HASH)
LLM    := $(VENV)/.llm-$(HASH)
DEMO_DATA ?= $(CURDIR)/.triage-demo
# Extra pip options for building the llama-cpp-python wheel; CI sets --no-cache-dir --no-binary
# llama-cpp-python so it is built from source there, never taken from a cached wheel.
LLM_PIP_OPTS ?=
# Independent steps of the set-up run side by side: the llama.cpp build (CPU) beside the core
# install (mostly download and unpacking) and the front end.
MAKEFLAGS += --jobs=2

.PHONY: demo test test-fast test-unit install web lint clean-demo

# The pages' front end: GOV.UK Frontend from npm (package-lock.json pins it), compiled into
# triage/web/static (git-ignored). Needs Node.js and npm.
FRONTEND := triage/web/frontend
WEB      := triage/web/static/.built
$(WEB): $(FRONTEND)/package.json $(FRONTEND)/package-lock.json $(FRONTEND)/build.mjs \
		$(FRONTEND)/app.scss $(FRONTEND)/app.js
	cd $(FRONTEND) && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build
	touch $@

web: $(WEB)

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(CORE): pyproject.toml | $(PY)
	# torch first and pinned: 2.13.0 resolves to the local CPU wheel; anything else pulls CUDA.
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[dev]'
	rm -f $(VENV)/.core-*; touch $@

# llama-cpp-python compiles from source (minutes on 2 cores): only the tests need it. Its wheel
# (the version pinned in pyproject.toml) is built while the core installs, then installed from
# $(LLAMA_WHEELS) with the llm extra.
LLAMA_PIN    := $(shell grep -o 'llama-cpp-python\[server\]==[0-9.]*' pyproject.toml)
LLAMA_WHEELS := $(VENV)/llama-wheel
LLAMA        := $(VENV)/.llama-$(HASH)
$(LLAMA): pyproject.toml | $(PY)
	rm -rf $(LLAMA_WHEELS)
	CMAKE_BUILD_PARALLEL_LEVEL=2 $(PY) -m pip wheel -q --no-deps $(LLM_PIP_OPTS) \
		-w $(LLAMA_WHEELS) '$(subst [server],,$(LLAMA_PIN))'
	rm -f $(VENV)/.llama-*; touch $@

$(LLM): $(CORE) $(LLAMA)
	$(PY) -m pip install -q --find-links $(LLAMA_WHEELS) -e '.[dev,llm]'
	rm -f $(VENV)/.llm-*; touch $@

install: $(CORE) $(WEB)

demo: $(CORE) $(WEB)
	TRIAGE_DATA_DIR=$(DEMO_DATA) $(VENV)/bin/triage db upgrade
	TRIAGE_DATA_DIR=$(DEMO_DATA) $(VENV)/bin/triage ingest-corpus eval/corpora/demo
	TRIAGE_DATA_DIR=$(DEMO_DATA) $(VENV)/bin/triage schools
	TRIAGE_DATA_DIR=$(DEMO_DATA) $(VENV)/bin/triage propose --all-schools --framework all

# The static checks need only the core: they run while llama.cpp may still be compiling.
lint: $(CORE)
	$(VENV)/bin/ruff check ingest triage eval tests prompts
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

test: lint $(LLM) $(WEB)
	$(VENV)/bin/pytest

# Tiers 1-2 without the browser tests and the racing processes (`make test` runs everything).
test-fast: $(CORE)
	$(VENV)/bin/pytest -m "not real and not browser and not processes"

# The pure tier: reading, scoring, frameworks, readers and metrics, in seconds.
test-unit: $(CORE)
	$(VENV)/bin/pytest -m unit

clean-demo:
	rm -rf $(DEMO_DATA)
