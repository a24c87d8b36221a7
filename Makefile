# Every target creates and uses .venv/ by itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Every package the site build and the tests install, pinned with its hashes (`make lock`).
LOCK := requirements.lock
CHROMIUM := /usr/bin/chromium
# Material for MkDocs prints its end of life (2027-05-05) on every build; the plan is in
# docs/builders.md. The variable is the one the banner names.
export NO_MKDOCS_2_WARNING := 1

.PHONY: install check site serve test lint bench clean browser lock

# Bytecode is written here, where the import system may not (PYTHONDONTWRITEBYTECODE):
# a check starts 0.1 s sooner; compileall only recompiles modules edited since.
install: $(STAMP)
	$(BIN)/python -m compileall -q generator

# Exactly the locked versions (hashes checked, no other package), then this package itself.
$(STAMP): pyproject.toml $(LOCK)
	@echo "Installing into $(VENV)/ the packages pinned in $(LOCK) (the first time: about a minute)..."
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/uv pip sync --quiet --python $(BIN)/python $(LOCK)  # removes what the lock does not list
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@echo "Installed: $(VENV)/ (pre-commit included: run '$(BIN)/pre-commit install' to use it)."
	touch $(STAMP)

# Re-resolve the pins of pyproject.toml (with the site build and test extras) into $(LOCK), with
# the hashes of every file PyPI has for each version, for any Python 3.11 (not only this one);
# the pins already in $(LOCK) are kept where they still fit. Run after changing a dependency,
# commit the lock, then `make install`.
lock:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet uv==0.13.8
	$(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 --extra dev \
		--output-file $(LOCK) pyproject.toml
	rm -f $(STAMP)

check: install
	$(BIN)/python -m generator check

site: install
	$(BIN)/python -m generator check
	$(BIN)/mkdocs build --strict
	$(BIN)/python -m generator audit site --facts facts
	@echo
	@echo "The site is in $(CURDIR)/site/. To read it: open site/index.html in a browser,"
	@echo "or run 'make serve' (rebuilds as you edit), or '$(BIN)/python -m http.server -d site'"
	@echo "and visit http://127.0.0.1:8000/."

serve: install
	$(BIN)/mkdocs serve

# The browser tests never skip: without Chromium, install it (as root) or say how, and stop.
browser:
	@test -x $(CHROMIUM) || [ "$$(id -u)" != 0 ] || \
		(echo "Installing Chromium for the browser tests (apt-get)..." && \
		apt-get update -qq && apt-get install -y -qq chromium)
	@test -x $(CHROMIUM) || { \
		echo "error: the browser tests need Chromium at $(CHROMIUM) (Debian's 'chromium' package)."; \
		echo "Install it with:  sudo apt-get install chromium   then run 'make test' again."; \
		exit 1; }

lint: install
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/mypy

test: install browser lint
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python -m bench

clean:
	rm -rf site .cache .pytest_cache .mypy_cache .ruff_cache
