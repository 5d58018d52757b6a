# Two commands for a fresh machine (both idempotent):
#   make demo   install ghatna into .venv and run it on the bundled sample articles
#   make test   install ghatna with its test tools into .venv, lint, and run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
STAMP = $(VENV)/.ghatna-installed

.PHONY: install demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/ghatna demo

lint: install
	$(BIN)/ruff check src tests bench

test: lint
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) ghatna-demo.duckdb
