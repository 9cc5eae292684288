# Dongtai — `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
LOCALES := bot/i18n/locales

.DEFAULT_GOAL := help
.PHONY: help install run test bench lint migrate revision seed health lock i18n-extract i18n-update i18n-compile clean

help: ## list the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml setup.py bot/text/_fastcut.c
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) i18n-compile ## create .venv and install everything (idempotent)

run: install ## start the bot (SQLite default, seeds loaded)
	$(PY) -m bot run

test: install ## run the whole test suite
	$(PY) -m pytest

bench: install ## run the benchmarks and print figures and ratios
	$(PY) -m benchmarks

lint: install ## ruff + mypy
	$(PY) -m ruff check bot handlers tests benchmarks tools setup.py
	$(PY) -m mypy bot

migrate: install ## apply Alembic migrations to DATABASE_URL
	$(PY) -m bot migrate

revision: install ## new Alembic revision: make revision m="message"
	$(VENV)/bin/alembic revision --autogenerate -m "$(m)"

seed: install ## load the seed bulletins (idempotent)
	$(PY) -m bot seed

health: install ## store reachable, last tick age, outbox backlog (exit 0 healthy, 1 not)
	$(PY) -m bot health

lock: install ## pin the run-time dependencies (requirements.lock, used by the Docker image)
	$(PY) tools/lock.py

i18n-extract: $(STAMP) ## extract msgids into messages.pot
	$(VENV)/bin/pybabel extract -F babel.cfg -o $(LOCALES)/messages.pot -k N_ --no-location --sort-output --width 120 bot handlers

i18n-update: i18n-extract ## merge the .pot into the zh/en catalogs
	$(VENV)/bin/pybabel update -i $(LOCALES)/messages.pot -d $(LOCALES) --no-fuzzy-matching --width 120

i18n-compile: $(STAMP) ## compile .po to .mo
	@if ls $(LOCALES)/*/LC_MESSAGES/*.po >/dev/null 2>&1; then $(VENV)/bin/pybabel compile -d $(LOCALES) >/dev/null; fi

clean: ## remove the venv and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
