# Two commands do everything on a fresh machine:
#   make demo   set up .venv, serve the demo portal on 127.0.0.1 and audit it into audit.db
#   make test   set up .venv (+ PostgreSQL server packages) and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test fuzz setup bench bench-crawl bench-demo bench-indicators bench-memory bench-national bench-render bench-probes clean

# --compile-bytecode: this kind of machine sets PYTHONDONTWRITEBYTECODE, so without .pyc
# files every command compiles Prefect, Great Expectations … from source (5 s of CPU a run)
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip uv
	$(BIN)/uv pip install --python $(BIN)/python --quiet --compile-bytecode -e '.[test]'
	touch $(STAMP)

# OCR (checks.ocr, off by default: ~140 MB of ONNX Runtime, OpenCV and models) for the tests,
# not for the demo
OCR_STAMP := $(VENV)/.ocr-installed
$(OCR_STAMP): $(STAMP)
	$(BIN)/uv pip install --python $(BIN)/python --quiet --compile-bytecode -e '.[test,ocr]'
	touch $(OCR_STAMP)

# the project's own modules, compiled once (an editable install leaves them to every command)
PACKAGES := app extractors flows portal_audit reporting validations warehouse

setup: $(STAMP)
	$(BIN)/python -m compileall -q -j0 $(PACKAGES)

demo: setup
	bash scripts/ensure-chromium.sh
	$(BIN)/portal-audit demo

test: setup $(OCR_STAMP)
	bash scripts/ensure-postgres.sh
	bash scripts/ensure-chromium.sh
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest $(PYTEST_ARGS)

fuzz: setup
	HYPOTHESIS_PROFILE=explore $(BIN)/python -m pytest -q tests/test_fuzz.py tests/test_listpage.py

bench: setup
	$(BIN)/python bench/extract_bench.py
	$(BIN)/python bench/validate_bench.py
	bash scripts/ensure-postgres.sh
	$(BIN)/python bench/load_bench.py

bench-crawl: setup
	$(BIN)/python bench/crawl_bench.py

bench-render: setup
	bash scripts/ensure-chromium.sh
	$(BIN)/python bench/render_bench.py

bench-demo: setup
	bash scripts/ensure-chromium.sh
	$(BIN)/python bench/demo_bench.py

bench-indicators: setup
	bash scripts/ensure-chromium.sh
	$(BIN)/python bench/indicators_bench.py

bench-memory: setup
	$(BIN)/python bench/memory_bench.py

bench-national: setup
	bash scripts/ensure-chromium.sh
	$(BIN)/python bench/national.py

bench-probes: setup
	$(BIN)/python bench/probe_bench.py

clean:
	rm -rf $(VENV) audit.db audit.db-wal audit.db-shm .pytest_cache
