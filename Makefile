# Drawdown Watch — every set-up step is here; CI calls `make test` only.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint typecheck unit bench demo clean

install: $(STAMP)  ## create .venv and install the pinned dependencies and the `drawdown` command

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (set PYTHON=python3.x)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

run: install  ## run the service with config.toml (alerts go to the terminal without TELEGRAM_BOT_TOKEN)
	$(BIN)/drawdown run

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy bot watchers storage drawdown tests bench

test: lint typecheck  ## ruff, mypy and every test (storage tests on SQLite and PostgreSQL)
	$(BIN)/python -m pytest

bench: install  ## print the performance figures the issues ask for
	$(BIN)/python -m bench

demo: install  ## replay the five seed articles through the real pipeline, offline
	$(BIN)/python -m tests.demo

clean:
	rm -rf $(VENV) data build *.egg-info
