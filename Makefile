# Two commands for a fresh machine: `make run` and `make test`. Both (re)create .venv from
# requirements.lock whenever the lock or pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SRC_TREE := $(VENV)/src/marginlab

.PHONY: run test lint typecheck contracts unit frozen package package-onefile bench clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(MAKE) --no-print-directory $(SRC_TREE)
	touch $(STAMP)

# The editable install maps marginlab.<folder> onto the checkout's folders with an import hook,
# which mypy does not run: it reads the same mapping from this tree of links instead.
$(SRC_TREE):
	mkdir -p $(SRC_TREE)
	for d in engine desktop cli resources; do ln -sfn ../../../$$d $(SRC_TREE)/$$d; done

run: $(STAMP)
	$(BIN)/marginlab $(ARGS)

test: lint typecheck contracts unit frozen

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	MYPYPATH=$(VENV)/src $(BIN)/mypy -p marginlab.engine -p marginlab.cli

contracts: $(STAMP)
	$(BIN)/lint-imports

unit: $(STAMP)
	HYPOTHESIS_PROFILE=$${HYPOTHESIS_PROFILE:-ci} $(BIN)/python -m pytest -q -n 2 tests \
		--ignore=tests/packaging

# The one-folder app, rebuilt, then checked as a user would run it (self-test, X window).
frozen: package
	$(BIN)/python -m pytest -q tests/packaging

package: $(STAMP)
	$(BIN)/pyinstaller --noconfirm --log-level WARN build.spec

package-onefile: $(STAMP)
	MARGINLAB_ONEFILE=1 $(BIN)/pyinstaller --noconfirm --log-level WARN \
		--distpath dist/onefile --workpath build/onefile build.spec

bench: $(STAMP)
	$(BIN)/python bench/engine_bench.py
	$(BIN)/python bench/gui_latency.py
	$(BIN)/python bench/frozen_startup.py
	$(BIN)/python bench/paths_bench.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
