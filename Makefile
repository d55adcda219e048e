# `make run` and `make test` set up .venv first; `make bundle` builds the standalone app.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ARGS ?=

BUNDLE_STAMP := $(VENV)/.bundle-installed

.PHONY: run test test-bundle bundle wheel bench lint clean icons

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/careerplanner $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check careerplanner tests benchmarks
	$(BIN)/ruff format --check careerplanner tests benchmarks
	$(BIN)/mypy

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n 2 --dist loadgroup -m "not bundle"

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

wheel: $(STAMP)  # dist/careerplanner-VERSION-py3-none-any.whl, for pip or pipx
	$(BIN)/python -m build --wheel --no-isolation --outdir dist .

$(BUNDLE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bundle]'
	touch $(BUNDLE_STAMP)

bundle: $(BUNDLE_STAMP)  # dist/careerplanner/: the standalone one-folder app
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller tools/careerplanner.spec
	du -sh dist/careerplanner

test-bundle: $(BUNDLE_STAMP)  # builds the bundle in a temp folder and runs it without Python
	QT_QPA_PLATFORM=offscreen CAREERPLANNER_BUNDLE_TEST=1 $(BIN)/python -m pytest -m bundle \
		-p no:randomly tests/test_bundle.py

icons: $(STAMP)  # after editing resources/icons/careerplanner.svg; commit the PNGs
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/render_icons.py

clean:
	rm -rf $(VENV) build dist
