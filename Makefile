# Every target creates .venv on first use and installs the project into it.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-slow lint bench clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "needs $(PYTHON) (or run: make PYTHON=python3 ...)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/kurssi solve

# make test: the linters and the fast tier; make test-slow: whole-week solves and the long
# property runs (marked slow). CI runs both.
test: $(STAMP) lint
	$(BIN)/pytest

test-slow: $(STAMP)
	$(BIN)/pytest -m slow

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy models scheduler

bench: $(STAMP)
	$(BIN)/python -m scheduler.bench

clean:
	rm -rf $(VENV) outputs/*.xlsx outputs/*.json outputs/*.ics
