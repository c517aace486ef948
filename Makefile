# icegate-guide: every task starts from a fresh checkout. Needs Python 3.11+, git and make.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV   ?= .venv
BIN    := $(VENV)/bin
# The stamp is rebuilt whenever the pinned dependencies change.
STAMP  := $(VENV)/.installed

.PHONY: serve test build setup bench clean

## serve: preview the site with live reload at http://127.0.0.1:8000
serve: $(STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

## test: lint, build, and run every test (unit, doc blocks, site in Chromium, drift on the replica)
test: $(STAMP)
	$(BIN)/python -m scripts.tools.browser
	$(BIN)/ruff check .
	$(BIN)/pytest

## setup: the virtual environment and a Chromium, nothing else (used by the nightly workflow)
setup: $(STAMP)
	$(BIN)/python -m scripts.tools.browser

## build: build the site into site/ (strict)
build: $(STAMP)
	$(BIN)/mkdocs build --strict

## bench: print the benchmark table (and write benchmarks/latest.md)
bench: $(STAMP)
	$(BIN)/python -m scripts.tools.bench

clean:
	rm -rf $(VENV) site reports .bench

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip==25.3
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --group test
	touch $(STAMP)
