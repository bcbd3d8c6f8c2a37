# Every target creates .venv on first use and installs the project into it, with the newest
# Python 3.11 or later it finds (or PYTHON=... to choose one).
PYTHON ?= $(firstword $(foreach p,python3.13 python3.12 python3.11 python3,\
	$(if $(filter ok,$(shell $(p) -c 'import sys; print("ok" if sys.version_info >= (3, 11) else "")' 2>/dev/null)),$(p))))
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-slow lint bench bench-quick bench-long clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || \
		{ echo "needs Python 3.11 or later (found: $(or $(PYTHON),none)); give one with make PYTHON=..."; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/kurssi solve

# make test: the linters and the fast tier, on two processes (a CI machine has two cores);
# make test-slow: whole-week solves and the long property runs (marked slow). CI runs both.
test: $(STAMP) lint
	$(BIN)/pytest -n 2

test-slow: $(STAMP)
	$(BIN)/pytest -m slow

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy models scheduler

# Not part of `make test`: they measure (seeds 0-4, wall clock), see scheduler/bench.py.
bench: $(STAMP)
	$(BIN)/python -m scheduler.bench

bench-quick: $(STAMP)
	$(BIN)/python -m scheduler.bench --quick

# Searches 10 min per instance for better best-known penalties (data/bench/best-known.json),
# then proves each plan's lower bound (data/bench/lower-bounds.json).
bench-long: $(STAMP)
	$(BIN)/python -m scheduler.bench --long
	$(BIN)/python -m scheduler.bench --bounds

clean:
	rm -rf $(VENV) outputs/*.xlsx outputs/*.json outputs/*.ics
