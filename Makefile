SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
INDEX ?= index
PORT ?= 8501
# pip warns once per package about an optional local mirror that this machine may lack.
QUIET_PIP := sed -u '/is ignored: it is neither a file nor a directory/d'
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: setup run test test-fast test-qdrant lint eval eval-real ingest clean ocr-engine screenshots

# The stamp depends on pyproject.toml, so setup is a no-op (and silent) until dependencies change.
setup: $(STAMP) ocr-engine

# Scanned pages are read by Tesseract (docs/reading.md). It is a system package: installed
# here where apt-get can run (as root, or through sudo without a password); otherwise the one
# command is printed and minutebook skips scans, saying the same.
ocr-engine:
	@command -v tesseract >/dev/null || { \
	    SUDO=""; if [ "$$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi; \
	    if command -v apt-get >/dev/null && { [ -z "$$SUDO" ] || sudo -n true 2>/dev/null; }; then \
	        echo "Installing Tesseract OCR for scanned papers..."; \
	        { $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq tesseract-ocr; } \
	            >/tmp/minutebook-tesseract.log 2>&1 || echo "Tesseract could not be installed (see /tmp/minutebook-tesseract.log)"; \
	    else \
	        echo "To read scanned papers, install Tesseract OCR: sudo apt-get install tesseract-ocr"; \
	    fi; }

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing minutebook into $(VENV) (first time only; a few minutes)..."
	@# One resolve for torch and the rest; --no-compile: Python compiles the modules it imports on
	@# first use, instead of pip compiling every file of torch and its neighbours up front.
	@$(BIN)/python -m pip install -q --disable-pip-version-check --no-compile torch==2.13.0 -e '.[test]' 2>&1 | $(QUIET_PIP)
	@touch $(STAMP)

$(INDEX)/current/minutebook.db: | $(STAMP)
	$(BIN)/minutebook ingest corpus --index $(INDEX)

ingest: $(STAMP)
	$(BIN)/minutebook ingest corpus --index $(INDEX)

run: setup $(INDEX)/current/minutebook.db
	$(BIN)/minutebook serve --index $(INDEX) --port $(PORT)

# Every page of the app at 1,280 px and 390 px wide, into docs/screenshots/ (Debian's chromium).
screenshots: setup $(INDEX)/current/minutebook.db
	$(BIN)/python tests/browser_driver.py --index $(INDEX) --out docs/screenshots

# Everything, on PYTEST_WORKERS processes (pytest-xdist; 0 runs in this one). Each process loads
# the model and ingests the sample once, and keeps a test file to itself, so module fixtures are
# built once.
PYTEST_WORKERS ?= 2
test: setup
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile --durations=15

# The unit tier: pure functions on text and small fixtures, no model (under a minute), after the lint.
test-fast: setup lint
	$(BIN)/python -m pytest -m "not model" -n $(PYTEST_WORKERS)

# ruff, configured in pyproject.toml ([tool.ruff]); a second or two. .ci/run runs it too.
lint: setup
	$(BIN)/ruff check .

# The store and search tests with every index's vectors in Qdrant (qdrant-client's local mode,
# through the code that talks to a cluster): docs/stores.md. The rest of the suite does
# not depend on the vector engine.
QDRANT_TESTS ?= tests/test_store.py tests/test_search.py
test-qdrant: setup
	MINUTEBOOK_STORE=qdrant+local:// $(BIN)/python -m pytest $(QDRANT_TESTS)

eval: setup $(INDEX)/current/minutebook.db
	$(BIN)/python -m evals.run --index $(INDEX)

# Real papers of other bodies (a sibling checkout's shared/corpus/real): meeting facts, retrieval,
# answers. Its own index (index-real/) is reused while the papers and the reading code are unchanged.
REAL ?= ../shared/corpus/real
eval-real: setup
	$(BIN)/python -m evals.real --corpus $(REAL)

# Decisions alone, read straight from the minutes' pages (no index, no model; scans are read by
# OCR, a few minutes): GOLD=dev|more|all.
GOLD ?= all
.PHONY: eval-decisions-real
eval-decisions-real: setup
	$(BIN)/python -m evals.decisions_real --parse-only --real $(REAL) --gold $(GOLD)

# The benchmark's baseline (LangChain's FAISS store, its text splitter) is an extra, not a dependency.
.PHONY: bench bench-quick
BENCH_STAMP := $(VENV)/.bench-installed
BENCH_ARGS ?=
$(BENCH_STAMP): $(STAMP) pyproject.toml
	@$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[bench]' 2>&1 | $(QUIET_PIP)
	@touch $(BENCH_STAMP)

# The real archive (the sample, ../shared/corpus/real, both in one index: quality on both gold
# sets, every timing, the LangChain FAISS and BM25-alone rows), then the synthetic archive at 100k
# and 1M chunks for speed and memory only; see docs/benchmarks.md. `make bench-real` is the first part.
BENCH_SIZES ?= 100000,1000000
bench: $(BENCH_STAMP)
	$(BIN)/python -m evals.bench --real $(REAL) --sizes $(BENCH_SIZES) --speed-only --no-sample $(BENCH_ARGS)

.PHONY: bench-real
bench-real: $(BENCH_STAMP)
	$(BIN)/python -m evals.bench --real $(REAL) --sizes "" --no-sample $(BENCH_ARGS)

bench-quick: $(BENCH_STAMP)
	$(BIN)/python -m evals.bench --quick --no-gold --classes 2 --runs 10 --cli-runs 2 --out $${TMPDIR:-/tmp}/minutebook-bench-quick.json $(BENCH_ARGS)

clean:
	rm -rf $(INDEX)/current $(INDEX)/gen-* $(INDEX)/*.tmp
