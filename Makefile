# Every target creates and uses .venv/ by itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install check site serve test lint bench clean browser

# Bytecode is written here, where the import system may not (PYTHONDONTWRITEBYTECODE):
# a check starts 0.1 s sooner; compileall only recompiles modules edited since.
install: $(STAMP)
	$(BIN)/python -m compileall -q generator

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

check: install
	$(BIN)/python -m generator check

site: install
	$(BIN)/python -m generator check
	$(BIN)/mkdocs build --strict
	$(BIN)/python -m generator audit site
	@echo
	@echo "The site is in $(CURDIR)/site/. To read it: open site/index.html in a browser,"
	@echo "or run 'make serve' (rebuilds as you edit), or '$(BIN)/python -m http.server -d site'"
	@echo "and visit http://127.0.0.1:8000/."

serve: install
	$(BIN)/mkdocs serve

browser:
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

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
