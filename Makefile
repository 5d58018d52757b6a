# Two commands for a fresh machine (both idempotent):
#   make demo   install ghatna into .venv and run it on the bundled sample articles
#   make test   install ghatna with its test tools into .venv, lint, and run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
STAMP = $(VENV)/.ghatna-installed

.PHONY: install demo test lint bench clean browser

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/ghatna demo

lint: install
	$(BIN)/ruff check src tests bench

# The browser tests drive Debian's Chromium (and need a Devanagari font to draw Hindi); install them
# when missing and we are root with apt, else the tests skip and say why.
browser:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi devanagari; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-lohit-deva >/dev/null) \
	      || echo "could not install chromium: browser tests will be skipped"; \
	  else echo "chromium missing and not root with apt: browser tests will be skipped"; fi; \
	fi

test: lint browser
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) ghatna-demo.duckdb
