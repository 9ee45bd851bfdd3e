# Two commands do everything on a fresh machine:
#   make demo   set up .venv, serve the demo portal on 127.0.0.1 and audit it into audit.db
#   make test   set up .venv (+ PostgreSQL server packages) and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test setup bench bench-crawl bench-memory bench-national bench-render bench-probes clean

# --compile-bytecode: this kind of machine sets PYTHONDONTWRITEBYTECODE, so without .pyc
# files every command compiles Prefect, Great Expectations … from source (5 s of CPU a run)
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip uv
	$(BIN)/uv pip install --python $(BIN)/python --quiet --compile-bytecode -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	bash scripts/ensure-chromium.sh
	$(BIN)/portal-audit demo

test: $(STAMP)
	bash scripts/ensure-postgres.sh
	bash scripts/ensure-chromium.sh
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python bench/extract_bench.py
	$(BIN)/python bench/validate_bench.py
	bash scripts/ensure-postgres.sh
	$(BIN)/python bench/load_bench.py

bench-crawl: $(STAMP)
	$(BIN)/python bench/crawl_bench.py

bench-render: $(STAMP)
	bash scripts/ensure-chromium.sh
	$(BIN)/python bench/render_bench.py

bench-memory: $(STAMP)
	$(BIN)/python bench/memory_bench.py

bench-national: $(STAMP)
	bash scripts/ensure-chromium.sh
	$(BIN)/python bench/national.py

bench-probes: $(STAMP)
	$(BIN)/python bench/probe_bench.py

clean:
	rm -rf $(VENV) audit.db audit.db-wal audit.db-shm .pytest_cache
