# Two commands: `make run` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ARGS ?=

.PHONY: run test bench lint clean icons

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
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n 2 --dist loadgroup

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

icons: $(STAMP)  # after editing resources/icons/careerplanner.svg; commit the PNGs
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/render_icons.py

clean:
	rm -rf $(VENV) build dist
