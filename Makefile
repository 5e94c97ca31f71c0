# Two commands do everything on a fresh clone:
#   make demo   installs what is needed and runs `clearlane demo` on the embedded SQLite store
#   make test   installs what is needed (PostgreSQL and Chromium too, if missing) and runs the tests
# `.ci/run` calls `make test`.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
export CLEARLANE_TEST_POSTGRES_URL ?= postgresql+psycopg://postgres:postgres@127.0.0.1:5432/test

.PHONY: install demo test lint typecheck bench clean screenshots

# pip prints what it collects and installs (a fresh clone takes a few minutes: say so).
$(STAMP): pyproject.toml
	@echo "==> [1/3] virtualenv $(VENV)"
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "==> [2/3] upgrading pip"
	$(PY) -m pip install --upgrade pip
	@echo "==> [3/3] installing ClearLane and its dependencies (a few minutes on a fresh clone)"
	$(PY) -m pip install --progress-bar on -e ".[dev]"
	touch $(STAMP)
	@echo "==> installed: $(VENV)/bin/clearlane --help lists the commands"

install: $(STAMP)

demo: install
	$(VENV)/bin/clearlane demo

test: install
	bash scripts/ensure-postgres.sh
	bash scripts/ensure-chromium.sh
	$(PY) -m pytest -n 2 --dist loadfile

lint: install
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

bench: install
	bash scripts/ensure-postgres.sh
	$(PY) benchmarks/ingest.py

screenshots: install
	bash scripts/ensure-chromium.sh
	$(PY) scripts/screenshots.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
