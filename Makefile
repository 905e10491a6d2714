# Two commands for a fresh machine: `make run` and `make test`. `make run` installs the runtime
# lock (requirements.lock), `make test` the dev lock (requirements-dev.lock: the runtime pins plus
# the test, lint and build tools); both with hashes, both refreshed by `make locks`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
SRC_TREE := $(VENV)/src/marginlab
# The compiled translation catalogue: built from translations/*.ts, never kept in git.
QM := resources/i18n/marginlab_zh_CN.qm

.PHONY: translations run test test-slow locks lint typecheck contracts unit frozen packaging-tests package package-onefile bench screenshots clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes \
		-r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(MAKE) --no-print-directory $(SRC_TREE)
	touch $(STAMP)

# The editable install maps marginlab.<folder> onto the checkout's folders with an import hook,
# which mypy does not run: it reads the same mapping from this tree of links instead.
$(SRC_TREE):
	mkdir -p $(SRC_TREE)
	for d in engine desktop cli resources; do ln -sfn ../../../$$d $(SRC_TREE)/$$d; done

$(DEV_STAMP): requirements-dev.lock $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes \
		-r requirements-dev.lock
	touch $(DEV_STAMP)

# Refresh both locks from pyproject.toml's ranges with pip-tools (in a throwaway venv). Pins
# already in a lock are kept; `make locks UPGRADE=--upgrade` moves every pin to the newest.
locks:
	$(PYTHON) -m venv build/lock-venv
	build/lock-venv/bin/python -m pip install --quiet pip-tools
	build/lock-venv/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
		$(UPGRADE) -o requirements.lock pyproject.toml packaging/build-requirements.in
	build/lock-venv/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
		$(UPGRADE) --extra dev -o requirements-dev.lock pyproject.toml \
		packaging/build-requirements.in

translations: $(QM)

$(QM): translations/marginlab_zh_CN.ts packaging/translations.py $(STAMP)
	$(BIN)/python packaging/translations.py compile resources/i18n

run: $(STAMP) $(QM)
	$(BIN)/marginlab $(ARGS)

# The suite and the frozen build side by side: PyInstaller works on one core, and the suite's
# two workers take what it leaves (a fresh clone's make test: 9 min 33 s one after the other,
# 8 min 29 s side by side, on this round's 2-core host).
test: lint typecheck contracts
	$(MAKE) --no-print-directory -j2 unit package
	$(MAKE) --no-print-directory packaging-tests

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(DEV_STAMP)
	MYPYPATH=$(VENV)/src $(BIN)/mypy -p marginlab.engine -p marginlab.cli -p marginlab.desktop

contracts: $(DEV_STAMP)
	$(BIN)/lint-imports

unit: $(DEV_STAMP) $(QM)
	HYPOTHESIS_PROFILE=$${HYPOTHESIS_PROFILE:-ci} $(BIN)/python -m pytest -q -n 2 tests \
		--ignore=tests/packaging

# The long runs (the 3,000-step GUI monkey): not part of `make test`.
test-slow: $(DEV_STAMP) $(QM)
	HYPOTHESIS_PROFILE=$${HYPOTHESIS_PROFILE:-ci} $(BIN)/python -m pytest -q -n 2 -m slow tests \
		--ignore=tests/packaging

# The one-folder app, rebuilt, then checked as a user would run it (self-test, X window).
frozen: package
	$(MAKE) --no-print-directory packaging-tests

packaging-tests: $(DEV_STAMP)
	$(BIN)/python -m pytest -q -n 2 --dist worksteal tests/packaging

package: $(DEV_STAMP) $(QM)
	$(BIN)/pyinstaller --noconfirm --log-level WARN build.spec
	$(BIN)/python packaging/build_linux.py dist

package-onefile: $(DEV_STAMP) $(QM)
	MARGINLAB_ONEFILE=1 $(BIN)/pyinstaller --noconfirm --log-level WARN \
		--distpath dist/onefile --workpath build/onefile build.spec

bench: $(DEV_STAMP)
	$(BIN)/python bench/engine_bench.py
	$(BIN)/python bench/gui_latency.py
	$(BIN)/python bench/frozen_startup.py
	$(BIN)/python bench/paths_bench.py
	$(BIN)/python bench/cli_startup.py
	$(BIN)/python bench/scale_bench.py

# The README's screenshots, from the real app in an X window (Xvfb; .ci/run installs it).
screenshots: $(STAMP) $(QM)
	xvfb-run -a -s "-screen 0 1600x1000x24" $(BIN)/python docs/screenshots.py docs
	LANG=zh_CN.UTF-8 xvfb-run -a -s "-screen 0 1600x1000x24" $(BIN)/python docs/screenshots.py docs

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
