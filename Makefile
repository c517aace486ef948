# icegate-guide: every task starts from a fresh checkout. Needs Python 3.11+, git and make.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
# Keep compiled modules (__pycache__, git-ignored) between runs and across the test workers and
# their subprocesses; some machines switch that off in the environment.
unexport PYTHONDONTWRITEBYTECODE
VENV   ?= .venv
BIN    := $(VENV)/bin
# One stamp per dependency group: each target installs only what it needs, from the group's
# lock file (requirements/GROUP.txt, exact versions with hashes), again whenever it changes. The project root goes on the venv's path (a .pth file), so that
# `scripts.site.extension` loads in any generator, however it is started.
DOCS_STAMP   := $(VENV)/.installed-docs
TEST_STAMP   := $(VENV)/.installed-test
CANARY_STAMP := $(VENV)/.installed-canary
PREBUILD     := $(BIN)/python -m scripts.site.prebuild --docs-dir docs --docs-dir docs-hi
# pytest-xdist workers for `make test`: more than the 2 cores of the reference machine, because
# the drift fault runs spend most of their time waiting for pages. `--dist loadgroup` keeps the
# tests that share a page visit or a drift run on one worker (tests/parallel.py says why).
TEST_WORKERS ?= 5
# The Hindi edition is published under hi/ of wherever the English one is (SITE_URL).
HINDI_URL    := $(if $(SITE_URL),SITE_URL_HI=$(SITE_URL)hi/)

UV_LOCK      := $(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11.5 \
	--generate-hashes --quiet

.PHONY: configure serve serve-hi test test-fast build setup photos-setup bench canary translations lock clean

## configure: set the fork settings (REPOSITORY=owner/name, PUBLIC_URL=..., FEEDBACK_EMAIL=...)
configure: $(DOCS_STAMP)
	$(BIN)/python -m scripts.tools.configure $(if $(REPOSITORY),--repository "$(REPOSITORY)") \
		$(if $(PUBLIC_URL),--public-url "$(PUBLIC_URL)") \
		$(if $(filter command line,$(origin FEEDBACK_EMAIL)),--feedback-email "$(FEEDBACK_EMAIL)")

## serve: preview both editions with live reload at http://127.0.0.1:8000 (Hindi under /hi/)
serve: $(DOCS_STAMP)
	$(PREBUILD)
	$(BIN)/python -m scripts.tools.preview --port 8000

## serve-hi: preview the Hindi edition at http://127.0.0.1:8001/hi/
serve-hi: $(DOCS_STAMP)
	$(PREBUILD)
	$(BIN)/mkdocs serve --strict -f mkdocs.hi.yml --dev-addr 127.0.0.1:8001

## translations: list Hindi pages whose English page changed, and English pages not translated
translations: $(DOCS_STAMP)
	$(BIN)/python -m scripts.site.translation_report

## test: lint, type-check, build, and run every test (unit, doc blocks, site in Chromium, drift on the replica)
test: $(TEST_STAMP)
	$(BIN)/python -m scripts.tools.browser
	$(PREBUILD)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup

## test-fast: everything but the browser suites (for editing prose); CI runs `make test`
test-fast: $(TEST_STAMP)
	$(PREBUILD)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest -m "not browser"

## setup: the test environment and a Chromium, nothing else (used by the nightly workflow)
setup: $(TEST_STAMP)
	$(BIN)/python -m scripts.tools.browser

## photos-setup: what the nightly's photo step needs (Pillow, imagehash, the contract reader)
photos-setup: $(DOCS_STAMP) $(VENV)/.installed-photos

## build: build both editions (strict): English into site/, then Hindi into site/hi/
build: $(DOCS_STAMP)
	$(PREBUILD)
	$(BIN)/mkdocs build --strict
	$(HINDI_URL) $(BIN)/mkdocs build --strict -f mkdocs.hi.yml

## canary: build the same tree with Zensical and run the site checks that apply to it
canary: $(TEST_STAMP) $(CANARY_STAMP)
	$(BIN)/python -m scripts.tools.browser
	$(PREBUILD)
	rm -rf .canary-site
	$(BIN)/python -m scripts.tools.canary build .canary-site
	$(BIN)/pytest --built-site=.canary-site tests/site/test_build.py tests/site/test_links.py \
		tests/site/test_editions.py \
		tests/site/test_pages.py -k "not axe and not dark_palette and not sideways"

## bench: print the benchmark table (and write benchmarks/latest.md)
bench: $(TEST_STAMP)
	$(PREBUILD)
	$(BIN)/python -m scripts.tools.bench

## lock: re-resolve requirements/*.txt from pyproject.toml (after changing a pin)
lock: $(VENV)/.created
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==0.13.9
	$(UV_LOCK) --group test --group canary -o requirements/canary.txt
	$(UV_LOCK) --group test -c requirements/canary.txt -o requirements/test.txt
	$(UV_LOCK) --group docs -c requirements/test.txt -o requirements/docs.txt
	$(UV_LOCK) --group photos -c requirements/test.txt -o requirements/photos.txt

clean:
	rm -rf $(VENV) site .canary-site reports .bench

$(VENV)/.created:
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11, 5) else "Python 3.11.5 or newer is needed (set PYTHON=...)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip==25.3
	$(BIN)/python -c 'import pathlib, site; pathlib.Path(site.getsitepackages()[0], "icegate-guide.pth").write_text("$(CURDIR)\n")'
	touch $@

$(VENV)/.installed-%: requirements/%.txt $(VENV)/.created
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes \
		--no-deps -r $<
	touch $@
